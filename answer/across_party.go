package answer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// Answers about one party across elections: its figures in each, the
// change between two, its best and worst, its majorities and wins, the
// lists a person headed. Each ends with what the reader must know of how
// the party was followed (reply.LineageNotes).

// maxAcross keeps answers across elections within a free-text answer's
// length, notes last.
const maxAcross = 850

// partyStep is a party's list in one election of the scope; k is nil
// when it had none there.
type partyStep struct {
	e *knowledge.Election
	k *knowledge.Contestant
}

// steps returns the party's list in each election of the scope. Where
// the lineage has none, a list the question names there by a whole name
// stands in for it ("Đilas's list" in a year the links missed).
func (x *acrossQ) steps(l *knowledge.Lineage, q *question) []partyStep {
	out := make([]partyStep, 0, len(x.scope))
	for _, e := range x.scope {
		k := l.In(e)
		if k == nil {
			k = x.namedIn(e, l, q.text)
		}
		out = append(out, partyStep{e, k})
	}
	return out
}

// namedIn returns the list of e that text names surely, unless it
// belongs to another party the question names.
func (x *acrossQ) namedIn(e *knowledge.Election, l *knowledge.Lineage, text string) *knowledge.Contestant {
	ms := e.Resolve(text)
	if len(ms) == 0 || !ms[0].Exact || ms[0].Score < 7 || (len(ms) > 1 && ms[1].Score > ms[0].Score*0.8) {
		return nil
	}
	k := ms[0].Contestant
	if other := x.h.LineageOf(k); other != l {
		for _, o := range x.lines {
			if o == other {
				return nil
			}
		}
	}
	return k
}

// listLabel names a list in an answer about its party: its name, or its
// main abbreviation when the name is too long to repeat.
func listLabel(k *knowledge.Contestant) string {
	if len([]rune(k.Name)) <= 45 {
		return k.Name
	}
	return k.Label()
}

// nameOf names a party as the question does, when the question uses an
// abbreviation or name one of its lists had ("DSS" for the lineage whose
// newest list is NADA); else as the lineage is named.
func (x *acrossQ) nameOf(l *knowledge.Lineage, q *question) string {
	for i := len(l.Steps) - 1; i >= 0; i-- {
		k := l.Steps[i].Contestant
		for _, a := range k.Abbrevs {
			if phraseIn(q.toks, knowledge.FoldTokens(a), false) && len(knowledge.FoldTokens(a)) == 1 && slices.Contains(q.toks, knowledge.Fold(a)) {
				return a
			}
		}
		if lb := k.Label(); len(lb) > 3 && phraseIn(q.toks, knowledge.FoldTokens(lb), false) {
			return lb
		}
	}
	return l.Name()
}

// stepFigure is what the question asks of one list: its seats with its
// share by default, its share first when asked for the share, its votes,
// its leader or carrier.
func stepFigure(s reply.Say, e *knowledge.Election, k *knowledge.Contestant, a attr) string {
	switch a {
	case attrShare, attrShareSwing:
		if k.Share != nil {
			if k.Seats != nil {
				return reply.Pct(k.Share) + " (" + s.Seats(k.Seats.Int()) + ")"
			}
			return reply.Pct(k.Share)
		}
	case attrVotes:
		if k.Votes != nil {
			return s.Votes(k.Votes) + reply.ShareSuffix(k)
		}
	case attrLeader, attrCarrier:
		return peopleOf(s, k)
	case attrBallot:
		if k.Ballot > 0 {
			return s.T(lang.ListNumberShort, k.Ballot)
		}
	case attrName:
		if k.BallotName != "" {
			return s.T(lang.QuotedName, k.BallotName)
		}
	}
	if k.Seats != nil {
		return s.Seats(k.Seats.Int()) + reply.ShareSuffix(k)
	}
	if f := s.StepFigures(e, k); f != "" {
		return f
	}
	return s.T(lang.TrendNoFigures)
}

// peopleOf names who led and carried a list.
func peopleOf(s reply.Say, k *knowledge.Contestant) string {
	switch {
	case k.Leader != "" && k.Carrier != "" && !knowledge.SamePerson(k.Leader, k.Carrier):
		return s.T(lang.LedAndCarriedBy, k.Leader, k.Carrier)
	case k.Leader != "":
		return s.T(lang.LedByShort, k.Leader)
	case k.Carrier != "":
		return s.T(lang.CarriedByShort, k.Carrier)
	}
	return s.T(lang.NoLeaderOrCarrier)
}

// partyValues answers what the question asks of a party in each election
// of the scope, and the change between two.
func (x *acrossQ) partyValues(q *question) reply.Response {
	var parts []string
	var sections []string
	for _, l := range x.lines {
		steps := x.steps(l, q)
		pieces, secs := x.pieces(l, steps, q.ent, q)
		sections = append(sections, secs...)
		line := fmt.Sprintf("%s — %s.", x.nameOf(l, q), strings.Join(pieces, "; "))
		if len(steps) == 2 && (q.ent == attrSeats || q.ent == attrShare || q.ent == attrSeatChange) {
			if c := changeSentence(x.say, steps[0], steps[1]); c != "" {
				line += " " + c
			}
		}
		parts = append(parts, line)
	}
	text := strings.Join(parts, " ")
	if len(x.lines) == 1 && yesNo(q.toks) && x.every && (q.ent == attrSeats || q.in.has(attrPassed)) {
		text = everySeats(x.say, x.steps(x.lines[0], q)) + text
	}
	return x.withNotes(text, sections, q.ent == attrSeats || q.ent == attrSeatChange || q.ent == attrPrevSeats)
}

// everySeats answers "did it win seats every time": yes when every
// election gives it seats.
func everySeats(s reply.Say, steps []partyStep) string {
	for _, st := range steps {
		if st.k == nil || st.k.Seats == nil || st.k.Seats.Int() == 0 {
			return s.T(lang.NoDot)
		}
	}
	return s.T(lang.YesDot)
}

// pieces are a party's figures in each election, "2020: 47 seats
// (61.30%), as For Our Children", the list's name given where it is not
// the party's and changed; and the sections they come from.
func (x *acrossQ) pieces(l *knowledge.Lineage, steps []partyStep, a attr, q *question) ([]string, []string) {
	var pieces, sections []string
	shown := x.nameOf(l, q)
	for _, s := range steps {
		if s.k == nil {
			pieces = append(pieces, reply.YearOf(s.e)+": "+x.say.T(lang.TrendNoList))
			continue
		}
		piece := reply.YearOf(s.e) + ": " + stepFigure(x.say, s.e, s.k, a)
		if name := listLabel(s.k); !strings.Contains(knowledge.Fold(name), knowledge.Fold(shown)) && !strings.Contains(knowledge.Fold(s.k.Label()), knowledge.Fold(shown)) {
			piece += x.say.T(lang.AsName, name)
			shown = name
		}
		pieces = append(pieces, piece)
		sections = append(sections, figureSection(s.k))
	}
	return pieces, sections
}

// figureSection is where a list's figures come from.
func figureSection(k *knowledge.Contestant) string {
	for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
		if f != nil {
			return f.Section
		}
	}
	return ""
}

// changeSentence says how a party's seats and share changed from one
// election to a later one: "From 2016 to 2020 it gained 9 seats (38 → 47),
// and its share went from 49.80% to 61.30% (+11.5 points)."
func changeSentence(s reply.Say, a, b partyStep) string {
	if a.k == nil || b.k == nil {
		return ""
	}
	var parts []string
	if a.k.Seats != nil && b.k.Seats != nil {
		switch d := b.k.Seats.Int() - a.k.Seats.Int(); {
		case d > 0:
			parts = append(parts, s.T(lang.ItGained, s.Seats(d), a.k.Seats.Int(), b.k.Seats.Int()))
		case d < 0:
			parts = append(parts, s.T(lang.ItLost, s.Seats(-d), a.k.Seats.Int(), b.k.Seats.Int()))
		default:
			parts = append(parts, s.T(lang.ItKept, s.Seats(a.k.Seats.Int())))
		}
	}
	if a.k.Share != nil && b.k.Share != nil {
		parts = append(parts, s.T(lang.ItsShareWent, reply.Pct(a.k.Share), reply.Pct(b.k.Share), reply.Points(b.k.Share.Value-a.k.Share.Value)))
	}
	if len(parts) == 0 {
		return ""
	}
	return s.T(lang.FromTo, reply.YearOf(a.e), reply.YearOf(b.e), strings.Join(parts, s.T(lang.AndThen)))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// asksPartyChange: "how many more seats did X win in 2020 than in 2016",
// "how did X's share change between 2016 and 2020".
func (x *acrossQ) asksPartyChange(q *question) bool {
	return len(x.lines) > 0 && len(x.scope) >= 2 &&
		(q.in.has(attrDifference) || q.in.has(attrSeatChange) || q.in.has(attrShareSwing))
}

// partyChange answers the change of a party between the two elections
// the question names, or the first and last of the scope.
func (x *acrossQ) partyChange(q *question) reply.Response {
	l := x.lines[0]
	from, to := x.scope[0], x.scope[len(x.scope)-1]
	if len(x.named) == 2 {
		from, to = x.named[0], x.named[1]
		if x.h.Index(from) > x.h.Index(to) {
			from, to = to, from
		}
	}
	steps := x.steps(l, q)
	var a, b partyStep
	for _, s := range steps {
		if s.e == from {
			a = s
		}
		if s.e == to {
			b = s
		}
	}
	if a.k == nil || b.k == nil {
		return x.partyValues(q)
	}
	pieces, sections := x.pieces(l, []partyStep{a, b}, q.ent, q)
	text := fmt.Sprintf("%s — %s.", x.nameOf(l, q), strings.Join(pieces, "; "))
	if c := changeSentence(x.say, a, b); c != "" {
		text += " " + c
	}
	return x.withNotes(text, sections, !q.in.has(attrShare))
}

// partyExtreme answers a party's best or worst election: by seats, or
// by share or votes when asked.
func (x *acrossQ) partyExtreme(q *question) reply.Response {
	l := x.lines[0]
	s := x.say
	get, unit := partyMeasure(s, q)
	var best *partyStep
	var others, absent []string
	steps := x.steps(l, q)
	for i := range steps {
		st := &steps[i]
		if st.k == nil || get(st.k) == nil {
			absent = append(absent, reply.YearOf(st.e))
			continue
		}
		if best == nil || float64(x.sup)*(get(st.k).Value-get(best.k).Value) > 0 {
			best = st
		}
	}
	if best == nil {
		return s.Refusal(nil, s.T(lang.ArticlesGiveNoFor, s.T(unit.noun), x.nameOf(l, q), s.Years(x.scope)))
	}
	var ties []string
	for _, st := range steps {
		if st.k == nil || get(st.k) == nil {
			continue
		}
		if get(st.k).Value == get(best.k).Value {
			ties = append(ties, reply.YearOf(st.e))
		} else {
			others = append(others, reply.YearOf(st.e)+": "+unit.render(get(st.k)))
		}
	}
	key := lang.PartyHighest
	if x.sup < 0 {
		key = lang.PartyLowest
	}
	text := s.T(key, x.nameOf(l, q), s.T(unit.noun), unit.render(get(best.k)), s.Join(ties))
	if len(others) > 0 {
		text += " (" + strings.Join(others, ", ") + ")"
	}
	text += "."
	if len(absent) > 0 {
		text += " " + s.T(lang.ArticlesGiveItNo, s.Join(absent), s.T(unit.noun))
	}
	return x.withNotes(text, []string{figureSection(best.k)}, unit.seats)
}

// A measure is a party figure a superlative compares.
type measure struct {
	noun   lang.Key
	render func(*knowledge.Figure) string
	seats  bool
}

// partyMeasure is the figure a superlative about a party compares: the
// share or votes when asked, else seats.
func partyMeasure(s reply.Say, q *question) (func(*knowledge.Contestant) *knowledge.Figure, measure) {
	switch {
	case q.in.has(attrShare):
		return func(k *knowledge.Contestant) *knowledge.Figure { return k.Share },
			measure{lang.WhatShare, reply.Pct, false}
	case q.in.has(attrVotes):
		return func(k *knowledge.Contestant) *knowledge.Figure { return k.Votes },
			measure{lang.WhatVoteNumber, reply.Num, false}
	}
	return func(k *knowledge.Contestant) *knowledge.Figure { return k.Seats },
		measure{lang.WhatSeatCount, func(f *knowledge.Figure) string { return s.Seats(f.Int()) }, true}
}

// majorities answers in which elections a party won a majority, and
// whether it did every time.
func (x *acrossQ) majorities(q *question) reply.Response {
	l := x.lines[0]
	s := x.say
	var won, lost, unknown []string
	var sections []string
	for _, st := range x.steps(l, q) {
		need := st.e.MajorityNeeded()
		switch {
		case st.k == nil:
			lost = append(lost, s.T(lang.YearNoList, reply.YearOf(st.e)))
		case st.k.Seats == nil || need == 0:
			unknown = append(unknown, reply.YearOf(st.e))
		case st.k.Seats.Int() >= need:
			won = append(won, s.T(lang.YearSeatsNeeded, reply.YearOf(st.e), st.k.Seats.Int(), need))
			sections = append(sections, st.k.Seats.Section)
		default:
			lost = append(lost, s.T(lang.YearSeatsNeeded, reply.YearOf(st.e), st.k.Seats.Int(), need))
			sections = append(sections, st.k.Seats.Section)
		}
	}
	var text string
	name := x.nameOf(l, q)
	switch {
	case len(won) == 0 && len(lost) == 0:
		return s.Refusal(nil, s.T(lang.ArticlesGiveNoSeatsFor, name, s.Years(x.scope)))
	case len(lost) == 0 && len(unknown) == 0:
		text = s.T(lang.MajorityAll, name, len(won), s.Join(won))
	case len(won) == 0:
		text = s.T(lang.MajorityNone, name, len(lost), s.Join(lost))
	default:
		text = s.T(lang.MajoritySome, name, len(won), len(won)+len(lost)+len(unknown), s.Join(won), s.Join(lost))
	}
	if yesNo(q.toks) {
		text = x.yesOrNo(q, len(won), len(lost)+len(unknown)) + text
	}
	if len(unknown) > 0 {
		text += " " + s.T(lang.ArticlesDoNotSayFor, s.Join(unknown))
	}
	return x.withNotes(text, sections, true)
}

// yesOrNo begins the answer to a yes-or-no question about how often a
// party did something: "did it every time?" is no unless it always did;
// "did it ever?" is yes if it did once; "did it ever lose it?" is yes if
// it once did not.
func (x *acrossQ) yesOrNo(q *question, did, didNot int) string {
	yes := didNot == 0
	switch {
	case x.ever(q) && asksLoss(q.toks):
		yes = didNot > 0
	case x.ever(q):
		yes = did > 0
	}
	if yes {
		return x.say.T(lang.YesColon)
	}
	return x.say.T(lang.NoColon)
}

// asksLoss reports a question about losing or failing ("did it ever lose
// its majority").
func asksLoss(toks []string) bool {
	for _, t := range toks {
		switch t {
		case "lost", "lose", "loses", "losing", "fail", "failed", "fails", "missed", "short", "never", "izgubi", "izgubio", "izgubila":
			return true
		}
	}
	return false
}

// ever reports "did it ever", which one election answers with yes.
func (x *acrossQ) ever(q *question) bool {
	return phraseIn(q.toks, []string{"ever"}, false) && !phraseIn(q.toks, []string{"every"}, false) ||
		phraseIn(q.toks, []string{"ikada"}, false) || phraseIn(q.toks, []string{"ikad"}, false)
}

// asksWins: "did the SNS win every election", "which elections did the
// SNS win".
func (x *acrossQ) asksWins(q *question) bool {
	// "When did it win the most seats" asks for its best election;
	// "did it always win the most seats" whether it won each.
	if len(x.lines) == 0 || (x.sup != 0 && !x.every) || q.in.has(attrMajority) || q.in.has(attrPassed) ||
		(q.ent != attrNone && q.ent != attrSeatChange && !(q.ent == attrSeats && q.el == attrWinner)) {
		return false
	}
	if q.el == attrWinner {
		return true
	}
	for _, t := range q.toks {
		if t == "win" || t == "won" || t == "wins" || strings.HasPrefix(t, "pobed") {
			return true
		}
	}
	return false
}

// partyWins answers in which elections a party won the most seats.
func (x *acrossQ) partyWins(q *question) reply.Response {
	l := x.lines[0]
	s := x.say
	var won, lost []string
	var sections []string
	for _, st := range x.steps(l, q) {
		w := st.e.Winner()
		switch {
		case w == nil:
			lost = append(lost, s.T(lang.YearNoResultsShort, reply.YearOf(st.e)))
		case st.k != nil && w == st.k:
			won = append(won, fmt.Sprintf("%s (%s)", reply.YearOf(st.e), seatsOf(s, st.k)))
			sections = append(sections, figureSection(w))
		default:
			lost = append(lost, s.T(lang.YearWonBy, reply.YearOf(st.e), w.Name, seatsOf(s, w)))
			sections = append(sections, figureSection(w))
		}
	}
	var text string
	name := x.nameOf(l, q)
	switch {
	case len(lost) == 0:
		text = s.T(lang.WonAll, name, len(won), s.Join(won))
	case len(won) == 0:
		text = s.T(lang.WonNone, name, len(lost), s.Join(lost))
	default:
		text = s.T(lang.WonSome, name, len(won), len(won)+len(lost), s.Join(won), s.Join(lost))
	}
	if yesNo(q.toks) {
		text = x.yesOrNo(q, len(won), len(lost)) + text
	}
	return x.withNotes(text, sections, false)
}

// seatsOf is a list's seats, or its share where the article gives no
// seats.
func seatsOf(s reply.Say, k *knowledge.Contestant) string {
	switch {
	case k.Seats != nil:
		return s.Seats(k.Seats.Int())
	case k.Share != nil:
		return reply.Pct(k.Share)
	}
	return s.T(lang.NoFigures)
}

// partyTrend answers "how did the SNS do over the years": seats and share
// in each election, the best and the worst.
func (x *acrossQ) partyTrend(q *question) reply.Response {
	l := x.lines[0]
	var best, worst *partyStep
	steps := x.steps(l, q)
	for i := range steps {
		s := &steps[i]
		if s.k == nil || s.k.Seats == nil {
			continue
		}
		if best == nil || s.k.Seats.Value > best.k.Seats.Value {
			best = s
		}
		if worst == nil || s.k.Seats.Value < worst.k.Seats.Value {
			worst = s
		}
	}
	pieces, sections := x.pieces(l, steps, attrSeats, q)
	s := x.say
	text := s.T(lang.InElections, x.nameOf(l, q), len(steps), strings.Join(pieces, "; "))
	if best != nil && worst != nil && best != worst {
		text += " " + s.T(lang.TrendSeatsRange, reply.YearOf(best.e), best.k.Seats.Int(), reply.YearOf(worst.e), worst.k.Seats.Int())
	}
	text += " " + s.T(lang.TrendDraws, trendName(l))
	return x.withNotes(text, sections, true)
}

// trendName is how /trend can be asked for a lineage.
func trendName(l *knowledge.Lineage) string {
	if n := l.Name(); len([]rune(n)) <= 30 {
		return n
	}
	if k := l.Latest().Contestant; len(k.Abbrevs) > 0 {
		return k.Abbrevs[0]
	}
	return l.Name()
}

// asksPerson: "in which elections did Dragan Đilas head a list".
func (x *acrossQ) asksPerson(q *question) bool {
	if x.person == "" || q.ent == attrSeats || q.ent == attrShare || q.ent == attrVotes || q.ent == attrSeatChange || q.in.has(attrMajority) {
		return false
	}
	return q.in.has(attrLeader) || q.in.has(attrCarrier) || headWords(q.toks)
}

// headWords reports the words of heading a list: "head", "lead", "led",
// "ran", "nosilac", "predvodio".
func headWords(toks []string) bool {
	for _, t := range toks {
		for _, p := range []string{"head", "lead", "led", "top", "run", "ran", "stood", "stand", "nosi", "predvod"} {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
	}
	return false
}

// personLists answers in which elections a person headed a list, and as
// what.
func (x *acrossQ) personLists(q *question) reply.Response {
	s := x.say
	var pieces, none []string
	roles := x.h.Headed(x.person)
	for _, e := range x.scope {
		found := false
		for _, r := range roles {
			if r.Election != e {
				continue
			}
			found = true
			pieces = append(pieces, fmt.Sprintf("%s (%s, %s)", reply.YearOf(e), r.Contestant.Label(), roleWords(s, r)))
		}
		if !found {
			none = append(none, reply.YearOf(e))
		}
	}
	if len(pieces) == 0 {
		return s.Refusal(nil, s.T(lang.NoneNamesPerson, s.Years(x.scope), x.person))
	}
	text := s.T(lang.PersonHeaded, x.person, s.Join(pieces))
	if len(none) > 0 {
		text += " " + s.T(lang.PersonNotIn, s.Join(none), x.person)
	}
	return reply.Response{Text: text, Source: s.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered, Lang: s.Lang}
}

// roleWords says how a person headed a list.
func roleWords(s reply.Say, r knowledge.Role) string {
	switch {
	case r.Carrier && r.Leader:
		return s.T(lang.RoleLeaderCarrier)
	case r.Carrier:
		return s.T(lang.RoleCarrier)
	case r.Leader:
		return s.T(lang.RoleLeader)
	}
	return s.T(lang.RoleInName)
}

// asksUnknownParty: a question about a party's figures that names none
// of the lists of these elections.
func (x *acrossQ) asksUnknownParty(q *question) bool {
	if len(x.lines) > 0 || x.person != "" || len(explicitBallot(x.h.Newest(), q.text)) > 0 {
		return false
	}
	if len(x.unknownNames(q)) > 0 {
		return true
	}
	if _, ok := x.figureOf(q); ok || q.el == attrWinner {
		return false
	}
	switch q.ent {
	case attrSeats:
		return !q.in.total && len(subjectWords(q)) > 0 // not "how many seats were there"
	case attrShare, attrVotes, attrLeader, attrCarrier, attrBallot, attrColour, attrMembers, attrName, attrPrevSeats, attrShareSwing:
		return true
	}
	return false
}

// unknownNames are the names of a question that none of the scope's
// articles knows: those the newest article does not know (with typos
// allowed) that no other article uses as written either.
func (x *acrossQ) unknownNames(q *question) []string {
	var out []string
	for _, w := range strings.Fields(unknownNames(x.h.Newest(), q.text)) {
		known := false
		for _, e := range x.scope {
			for _, t := range knowledge.FoldTokens(w) {
				known = known || e.Uses(t)
			}
		}
		if !known {
			out = append(out, w)
		}
	}
	return out
}

// unknownParty refuses a party none of the elections has, by name.
func (x *acrossQ) unknownParty(q *question) reply.Response {
	name := strings.Join(x.unknownNames(q), " ")
	if name == "" {
		name = strings.Join(subjectWords(q), " ")
	}
	if name == "" {
		return x.say.Refusal(nil, x.say.T(lang.WhichPartyUnclear, x.h.Place))
	}
	return x.say.Refusal(nil, x.say.T(lang.NoListInArticles, x.say.Quote(name), x.h.Place, x.say.Years(x.scope)))
}

// withNotes finishes an answer about parties: the notes on guessed links
// for the parties and elections in it, and, for an answer about seats,
// where their articles disagree on them; as many as fit.
func (x *acrossQ) withNotes(text string, sections []string, seats bool) reply.Response {
	for _, l := range x.lines {
		notes := x.say.LinkNotes(x.h, l, x.scope)
		if seats {
			notes = append(notes, x.say.DisagreementNotes(x.h, l, x.scope)...)
		}
		for _, n := range notes {
			if len(text)+1+len(n) > maxAcross {
				break
			}
			text += " " + n
		}
	}
	return reply.Response{Text: text, Source: x.say.HistorySource(x.h, x.scope, sections...), Outcome: reply.Answered, Lang: x.say.Lang}
}
