package answer

import (
	"sort"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// Questions across elections: "which election had the highest turnout",
// "how many seats did the SNS win in 2014 and in 2018", "did it win a
// majority every time", "how did it do over the years". The answerer
// otherwise reads a question as about one election (question.go); a
// question that names two years, or asks across all of them, is read
// here instead, over the history of one place (knowledge.History), whose
// lineages follow each party from one election to the next. The answers
// are in across_party.go and across_election.go.

// acrossQ is what a question across elections asks.
type acrossQ struct {
	// alone answers a question about one election (Answerer.alone),
	// for eachOnItsOwn; a field, not a call, since the rules that route
	// to it are what it calls.
	alone func(text string, l lang.Lang) (*question, reply.Response, bool)
	h     *knowledge.History
	// say words the answers in the asker's language.
	say reply.Say
	// scope are the elections asked about, oldest first: those the
	// question names, the span between two it names, or all.
	scope []*knowledge.Election
	// named are the loaded elections the question names by year, in the
	// order named; missing the years it names that none is from.
	named   []*knowledge.Election
	missing []string
	// sup is +1 for "highest", "most", "best"; -1 for "lowest", "fewest".
	sup                 int
	every, which, trend bool
	// average asks for the mean of a figure across the elections.
	average bool
	// lines are the parties the question names, best first.
	lines []*knowledge.Lineage
	// person is someone the question names who led or carried lists.
	person string
}

var (
	everyCues = cuePhrases("every time", "each time", "every election", "each election", "all elections",
		"all the elections", "all of the elections", "all loaded elections", "every year", "each year", "always",
		"ever", "in all of them", "each of them", "consistently", "svaki put", "svim izborima", "svakim izborima",
		"svakih izbora", "uvek", "uvijek", "ikada", "ikad")
	trendCues = cuePhrases("over the years", "over time", "through the years", "across the years", "across elections",
		"across the elections", "over the elections", "trend", "history", "historically", "year by year",
		"election by election", "from election to election", "kroz godine", "tokom godina", "kroz izbore",
		"tokom vremena", "over the last", "in recent elections", "through time")
	whichCues = cuePhrases("which election", "what election", "which year", "what year", "koji izbori",
		"kojim izborima", "kojih izbora", "koje godine", "kojoj godini", "na kojim izborima",
		"how many times", "how many elections", "in how many", "since when", "koliko puta", "na koliko izbora",
		"od kada", "average", "on average", "prosec", "prosek", "izborna godina", "koja godina")
	upCues = wordSet(`highest most best peak peaked record maximum largest biggest strongest greatest
najveci najveca najvece najvise najbolji najbolja najbolje najjaci najjaca rekord maksimum`)
	downCues = wordSet(`lowest fewest least worst minimum smallest weakest poorest
najmanji najmanja najmanje najnizi najniza najnize najgori najgora najgore najslabiji najslabija minimum`)
	sinceCues = wordSet("since from compared od poredjenju")
)

// cuePhrases splits phrases into folded words for phraseIn.
func cuePhrases(ps ...string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = knowledge.FoldTokens(p)
	}
	return out
}

func hasCue(toks []string, cues [][]string) bool {
	for _, c := range cues {
		if phraseIn(toks, c, false) {
			return true
		}
	}
	return false
}

// readHistory reads a question against the history of its place: as a
// question across elections (q.across), or, about one election, to find
// the list of a party that election's own names miss ("SNS" for a list
// named after its carrier, whom the infobox gives as the SNS's mayor).
func (a *Answerer) readHistory(q *question) {
	if q.across = a.acrossOf(q); q.across != nil || len(q.ents) > 0 {
		return
	}
	h := knowledge.HistoryOf(a.histories, q.e)
	if h == nil || len(h.Elections) < 2 {
		return
	}
	if ls := namedLines(h, q.text); len(ls) > 0 {
		if k := surelyNamed(ls[0], q.e, q.text); k != nil {
			q.ents = []*knowledge.Contestant{k}
			q.unlisted = nil
		}
	}
}

// surelyNamed returns the lineage's list in e when the text names one of
// its lists in another election and every link from that list to e's is
// sure: the DS's successor by a shared leader is not what "the DS" means.
func surelyNamed(l *knowledge.Lineage, e *knowledge.Election, text string) *knowledge.Contestant {
	at := -1
	for i, s := range l.Steps {
		if s.Election == e {
			at = i
		}
	}
	for i := at; i > 0; i-- {
		if s := l.Steps[i]; s.Link == nil || !s.Link.Sure {
			return nil
		}
		prev := l.Steps[i-1]
		if ms := prev.Election.Resolve(text); len(ms) > 0 && ms[0].Contestant == prev.Contestant && ms[0].Exact {
			return l.Steps[at].Contestant
		}
	}
	return nil
}

// alone reads and answers a question from the model as about the one
// election it names, refusing names its article does not know as Answer
// does.
func (a *Answerer) alone(text string, l lang.Lang) (*question, reply.Response, bool) {
	q := a.analyse(text, l)
	if unknown := unknownNames(q.e, text); unknown != "" && q.across == nil {
		return q, q.say.Refusal(q.e, q.say.T(lang.NothingAboutShort, unknown, q.e.Title)), true
	}
	if len(q.unlisted) > 0 && len(q.ents) == 0 && q.across == nil {
		return q, q.say.Refusal(q.e, q.say.T(lang.NoListOfItsGoesBy, q.unlisted[0])), true
	}
	r, ok := a.structured(q)
	return q, r, ok
}

// acrossOf reads whether a question is about more than one election, and
// what it asks across them; nil when it is about one.
func (a *Answerer) acrossOf(q *question) *acrossQ {
	years, spanned := yearsIn(q.toks)
	h := a.historyFor(q, years)
	if h == nil {
		return nil
	}
	x := &acrossQ{alone: a.alone, h: h, say: q.say, every: hasCue(q.toks, everyCues), trend: hasCue(q.toks, trendCues), which: hasCue(q.toks, whichCues)}
	x.sup = superlative(q.toks)
	x.average = hasCue(q.toks, cuePhrases("average", "mean", "prosec", "prosek"))
	for _, y := range years {
		if e := electionOfYear(h, y); e != nil {
			if !containsElection(x.named, e) {
				x.named = append(x.named, e)
			}
		} else {
			x.missing = appendNew(x.missing, strconv.Itoa(y))
		}
	}
	q.weigh()
	x.lines = namedLines(h, q.text)
	if !x.isAcross(q, spanned) {
		return nil
	}
	x.scope = scopeOf(h, x.named, spanned, hasSince(q.toks))
	if len(x.lines) == 0 || q.in.has(attrLeader) || q.in.has(attrCarrier) || headWords(q.toks) || x.which || x.every {
		x.person = h.Person(q.text)
	}
	return x
}

// isAcross decides whether the question is about several elections.
func (x *acrossQ) isAcross(q *question, spanned bool) bool {
	switch named := len(x.named) + len(x.missing); {
	case named >= 2:
		return true
	case len(x.h.Elections) < 2 || q.in.has(attrPolls):
		return false
	case named == 1:
		return x.fromOneOn(q, spanned)
	}
	return x.every || x.trend || x.which || asksListsLed(q) || x.superlativeAcross(q)
}

// fromOneOn: "since 2016", "from 2016 to now": from the one election
// named on to the newest.
func (x *acrossQ) fromOneOn(q *question, spanned bool) bool {
	return len(x.named) == 1 && x.named[0] != x.h.Newest() && (spanned || hasSince(q.toks)) &&
		(q.ent != attrNone || q.el != attrNone || len(x.lines) > 0)
}

// asksListsLed: "Which lists did she lead?", one a year.
func asksListsLed(q *question) bool {
	return (q.in.has(attrLeader) || q.in.has(attrCarrier) || headWords(q.toks)) &&
		hasCue(q.toks, cuePhrases("which lists", "what lists", "lists did", "koje liste"))
}

// superlativeAcross: "the highest turnout" can only be across elections;
// "the most seats" is across them only for one party the question names
// ("SNS or DS, which won the most?" is about one election).
func (x *acrossQ) superlativeAcross(q *question) bool {
	if x.sup == 0 || phraseIn(q.toks, []string{"where"}, false) {
		return false
	}
	if supElection[q.el] {
		return true
	}
	return len(x.lines) == 1 && (q.el == attrNone || supParty[q.el] || phraseIn(q.toks, []string{"when"}, false))
}

// supParty are the election intents a superlative about a party may cue
// along with it: "when" (a date), "the most" (a winner), "best result".
var supParty = map[attr]bool{attrDate: true, attrWinner: true, attrResults: true, attrRank: true}

// supElection are the election figures that have one value per election,
// so that a superlative of them compares elections.
var supElection = map[attr]bool{attrTurnout: true, attrRegistered: true, attrVotesCast: true, attrInvalid: true,
	attrValid: true, attrListCount: true, attrThreshold: true, attrTotalSeats: true}

// yearsIn returns the years a question names, in order, and whether it
// names a span ("between 2014 and 2022", "from 2016 to 2024", "2014–2022").
func yearsIn(toks []string) ([]int, bool) {
	var years []int
	spanned := false
	for i, t := range toks {
		y, ok := knowledge.Year(t)
		if !ok {
			continue
		}
		years = append(years, y)
		if i > 0 && len(years) == 1 && (toks[i-1] == "between" || toks[i-1] == "from" || toks[i-1] == "izmedju" || toks[i-1] == "od") {
			spanned = true
		}
	}
	return years, spanned && len(years) >= 2
}

// hasSince reports "since 2016", "from 2016", "compared to 2016": one
// year, and on from it.
func hasSince(toks []string) bool {
	for i, t := range toks {
		if !sinceCues[t] {
			continue
		}
		for _, n := range toks[i+1 : min(len(toks), i+3)] {
			if _, ok := knowledge.Year(n); ok {
				return true
			}
			if n != "to" && n != "with" && n != "the" {
				break
			}
		}
	}
	return false
}

// superlative reads "highest" (+1) or "lowest" (-1) in a question, and
// Serbian superlatives in any case ("najveću", "najmanjim"): one reader
// for elections compared (across.go), polls (polls.go) and the rows of a
// table of places (places.go).
func superlative(toks []string) int {
	for i, t := range toks {
		if t == "least" && i > 0 && toks[i-1] == "at" {
			continue
		}
		switch {
		case upCues[t] || hasPrefix(t, "najvec", "najvis", "najbolj", "najjac"):
			return 1
		case downCues[t] || hasPrefix(t, "najman", "najniz", "najgor", "najslab"):
			return -1
		}
	}
	return 0
}

func hasPrefix(t string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// yesNo reports a question that asks yes or no ("Did ...", "Has ...",
// "Da li ..."), which its answer begins by saying.
func yesNo(toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0] {
	case "did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "da", "je", "li", "jel":
		return true
	}
	return false
}

// historyFor picks the place a question is about: the one most of the
// years it names are from, else the one of the election it names.
func (a *Answerer) historyFor(q *question, years []int) *knowledge.History {
	var best *knowledge.History
	bestN := 0
	for _, h := range a.histories {
		n := 0
		for _, y := range years {
			if electionOfYear(h, y) != nil {
				n++
			}
		}
		if n > bestN {
			best, bestN = h, n
		}
	}
	if own := knowledge.HistoryOf(a.histories, q.e); own != nil && (best == nil || electionOfYearCount(own, years) == bestN) {
		return own
	}
	return best
}

func electionOfYearCount(h *knowledge.History, years []int) int {
	n := 0
	for _, y := range years {
		if electionOfYear(h, y) != nil {
			n++
		}
	}
	return n
}

func electionOfYear(h *knowledge.History, y int) *knowledge.Election {
	for _, e := range h.Elections {
		if e.Year == y {
			return e
		}
	}
	return nil
}

func containsElection(es []*knowledge.Election, e *knowledge.Election) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// scopeOf is the elections a question is about, oldest first: every
// election between two it names as a span, from one it names "since"
// to the newest, the ones it names, or all.
func scopeOf(h *knowledge.History, named []*knowledge.Election, spanned, since bool) []*knowledge.Election {
	if len(named) == 0 {
		return h.Elections
	}
	lo, hi := len(h.Elections), -1
	for _, e := range named {
		i := h.Index(e)
		lo, hi = min(lo, i), max(hi, i)
	}
	switch {
	case len(named) == 1 && since:
		return h.Elections[lo:]
	case spanned:
		return h.Elections[lo : hi+1]
	}
	out := append([]*knowledge.Election(nil), named...)
	sort.SliceStable(out, func(i, j int) bool { return h.Index(out[i]) < h.Index(out[j]) })
	return out
}

// namedLines returns the parties a question names in any election of the
// history: the surest first, and others it names exactly.
func namedLines(h *knowledge.History, text string) []*knowledge.Lineage {
	ms := h.Find(text)
	if len(ms) == 0 || ms[0].Score < 5 || (!ms[0].Exact && ms[0].Score < 6) {
		return nil
	}
	if len(ms) > 1 && !ms[0].Exact && ms[1].Score > ms[0].Score*0.8 {
		return nil // two parties fit about equally, neither exactly
	}
	out := []*knowledge.Lineage{ms[0].Lineage}
	taken := []span{{ms[0].Start, ms[0].End}}
	for _, m := range ms[1:] {
		if len(out) < 3 && m.Exact && m.Score >= 7 && m.Score >= ms[0].Score*0.5 && !overlapsAny(span{m.Start, m.End}, taken) {
			out = append(out, m.Lineage)
			taken = append(taken, span{m.Start, m.End})
		}
	}
	return out
}

// acrossElections answers a question about several elections of one
// place, or passes it on when it is about one.
func acrossElections(a *Answerer, q *question) (reply.Response, verdict) {
	x := q.across
	if x == nil {
		return reply.Response{}, next
	}
	r := x.answer(q)
	if len(x.missing) > 0 {
		r = x.refuseMissing(q, r)
	}
	return r, done
}

// An acrossKind is one kind of question across elections: when it
// applies, and the function that answers it.
type acrossKind struct {
	name   string
	match  func(x *acrossQ, q *question) bool
	answer func(x *acrossQ, q *question) reply.Response
}

// acrossKinds are tried in order; the first that matches answers.
var acrossKinds = []acrossKind{
	{"no election loaded of those named", func(x *acrossQ, _ *question) bool {
		return len(x.scope) == 0 || (len(x.named) == 0 && len(x.missing) > 0)
	},
		func(*acrossQ, *question) reply.Response { return reply.Response{Outcome: reply.Refused} }},
	{"the lists a person headed", (*acrossQ).asksPerson, (*acrossQ).personLists},
	{"a party none of the elections has", (*acrossQ).asksUnknownParty, (*acrossQ).unknownParty},
	{"a party's majority in each", func(x *acrossQ, q *question) bool { return len(x.lines) > 0 && q.in.has(attrMajority) }, (*acrossQ).majorities},
	{"whether a party won each", (*acrossQ).asksWins, (*acrossQ).partyWins},
	{"a party's best or worst", func(x *acrossQ, q *question) bool { return len(x.lines) > 0 && x.sup != 0 }, (*acrossQ).partyExtreme},
	{"the party that gained or lost most", func(x *acrossQ, q *question) bool {
		return len(x.lines) == 0 && x.sup != 0 && len(x.scope) >= 2 && (q.in.has(attrSeatChange) || q.in.has(attrDifference))
	}, (*acrossQ).biggestChange},
	{"a party's change between two", (*acrossQ).asksPartyChange, (*acrossQ).partyChange},
	{"a party's figures in each", func(x *acrossQ, q *question) bool { return len(x.lines) > 0 && q.ent != attrNone }, (*acrossQ).partyValues},
	{"a party over the years", func(x *acrossQ, _ *question) bool { return len(x.lines) > 0 }, (*acrossQ).partyTrend},
	{"an election figure at its highest or lowest", func(x *acrossQ, q *question) bool { _, ok := x.figureOf(q); return ok && x.sup != 0 },
		(*acrossQ).electionExtreme},
	{"an election figure in each", func(x *acrossQ, q *question) bool { _, ok := x.figureOf(q); return ok }, (*acrossQ).electionValues},
	{"the winner of each", func(_ *acrossQ, q *question) bool { return q.el == attrWinner || q.el == attrResults }, (*acrossQ).winners},
	{"the mayor after each", func(_ *acrossQ, q *question) bool { return q.el == attrMayor }, (*acrossQ).mayors},
	{"the date of each", func(_ *acrossQ, q *question) bool { return q.el == attrDate }, (*acrossQ).dates},
	{"each election named on its own", func(x *acrossQ, q *question) bool {
		// "compare" alone asks for the side by side view below.
		return len(x.named) >= 2 && ((q.el != attrNone && q.el != attrDifference) || (q.ent != attrNone && q.ent != attrSeatChange))
	}, nil},
	{"the elections side by side", func(*acrossQ, *question) bool { return true }, (*acrossQ).overview},
}

// answer answers by the first kind of question that matches.
func (x *acrossQ) answer(q *question) reply.Response {
	_, r := x.decide(q)
	return r
}

// decide returns the kind of question and its answer.
func (x *acrossQ) decide(q *question) (string, reply.Response) {
	for _, k := range acrossKinds {
		if !k.match(x, q) {
			continue
		}
		if k.answer == nil {
			return k.name, x.eachOnItsOwn(q)
		}
		return k.name, k.answer(x, q)
	}
	return "none", reply.Response{}
}

// refuseMissing says which years no loaded article is about, by name,
// before whatever the loaded ones answer.
func (x *acrossQ) refuseMissing(q *question, r reply.Response) reply.Response {
	lead := x.say.NotLoadedYears(x.missing, x.h.Elections)
	if r.Text != "" && len(x.named) > 0 {
		lead += " " + r.Text
	}
	if q.ent == attrSeats || q.ent == attrPrevSeats {
		for _, n := range x.previousSeats() {
			lead += " " + n
		}
	}
	r.Text = lead
	r.Outcome = reply.Refused
	return r
}

// previousSeats are what a loaded article says of a missing year that is
// its previous election, as the single-election answers say it: "The 2014
// article gives the SNS coalition 37 seats at the previous election, in
// 2012."
func (x *acrossQ) previousSeats() []string {
	var out []string
	for _, y := range x.missing {
		for _, e := range x.h.Elections {
			if e.Previous == nil || !strings.Contains(e.Previous.Text, y) {
				continue
			}
			for _, l := range x.lines {
				if k := l.In(e); k != nil && k.PrevSeats != nil {
					out = append(out, x.say.T(lang.PrevSeatsInArticle, reply.YearOf(e), k.Name, x.say.Seats(k.PrevSeats.Int()), y))
				}
			}
		}
	}
	return out
}
