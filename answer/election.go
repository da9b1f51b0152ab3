package answer

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// An electionAnswer answers one intent about the election as a whole;
// ok is false when the model cannot, and a passage should try.
type electionAnswer func(q *question) (r reply.Response, ok bool)

// electionIntents answer the intents about the whole election, one
// function each. Intents of one party or list are in partyIntents.
var electionIntents = map[attr]electionAnswer{

	attrDate:         electionDate,
	attrThreshold:    figure(func(e *knowledge.Election) *knowledge.Figure { return e.Threshold }, lang.AnsThreshold, reply.Pct, lang.WhatThreshold),
	attrMajority:     func(q *question) (reply.Response, bool) { return majority(q.say, q.e), true },
	attrTotalSeats:   figure(func(e *knowledge.Election) *knowledge.Figure { return e.Seats }, lang.AnsTotalSeats, reply.Num, lang.WhatSeats),
	attrListCount:    figure(func(e *knowledge.Election) *knowledge.Figure { return e.ListCount }, lang.AnsListCount, reply.Num, lang.WhatLists),
	attrMayor:        mayorOrPassage,
	attrPrevElection: previousElection,
	attrNextElection: nextElection,
	attrPassed:       func(q *question) (reply.Response, bool) { return passedOrFailed(q), true },
	attrMargin:       func(q *question) (reply.Response, bool) { return marginAnswer(q), true },
	attrUndecided:    func(q *question) (reply.Response, bool) { return pollAnswer(q, nil), true },
	attrSample:       func(q *question) (reply.Response, bool) { return sampleAnswer(q), true },
	attrFootnote:     func(q *question) (reply.Response, bool) { return footnote(q.say, q.e, q.text) },
	attrResults:      func(q *question) (reply.Response, bool) { return resultsSummary(q.say, q.e), true },
	attrLists:        lists,
}

// softAttr are election intents whose cue words also appear in questions
// about other things ("when", "results", "mayor").
var softAttr = map[attr]bool{attrDate: true, attrResults: true, attrWinner: true, attrPrevElection: true,
	attrNextElection: true, attrMayor: true}

// aboutElection answers an intent about the election as a whole. A
// question with no such intent may still ask for the assembly's size
// ("How many seats were there?") or for all the polls.
func aboutElection(_ *Answerer, q *question) (reply.Response, verdict) {
	el := q.el
	if el == attrNone {
		switch {
		case q.ent == attrSeats && (q.in.total || len(subjectWords(q)) == 0) && !hasDidSubject(q.toks):
			// "How many seats were there?"; but not "How many seats did
			// the Progressives win?" when no list goes by that name.
			el = attrTotalSeats
		case q.ent == attrPolls:
			return pollAnswer(q, nil), done
		case q.ent == attrMinority:
			return minorityLists(q.say, q.e), done
		default:
			return reply.Response{}, toPassages
		}
	}
	if el == attrWinner && officeOfBody(q) {
		// "Who was elected president of the City Assembly?": the body
		// elected its officer after the election; the prose may say.
		return reply.Response{}, toPassages
	}
	if softAttr[el] && len(leftover(q)) > 0 {
		// "When were the final results proclaimed?" is not the election's
		// date: words the intent does not explain send it to passages.
		return reply.Response{}, toPassages
	}
	if r, ok := refined(q, el); ok {
		return r, done
	}
	if rf, ok := roundFacts[el]; ok {
		q.figure = true
		return roundFactAnswer(q, rf), done
	}
	if answer, ok := electionIntents[el]; ok {
		if r, ok := answer(q); ok {
			return r, done
		}
	}
	return reply.Response{}, toPassages
}

// officeOfBody reports a question about an officer an assembly elects
// (its president, speaker, chairman), not about the election's winner.
func officeOfBody(q *question) bool {
	if q.scope.c == nil || q.scope.c.Elects() {
		return false
	}
	return anyPhrase(q.toks, "president of", "speaker", "chairman", "chairwoman", "chair of", "predsednik skupstine", "predsednika skupstine")
}

// refined answers an election intent that another word of the question
// turns into a different question: "who came second", "how many lists
// won seats".
func refined(q *question, el attr) (reply.Response, bool) {
	in := q.in
	switch {
	case el == attrRank || (in.has(attrRank) && (el == attrWinner || q.ent == attrSeats || q.ent == attrShare)):
		return rank(q.say, q.e, q.rankToks), true
	case el == attrWinner:
		return winners(q), true
	case el == attrListCount && (in.has(attrPassed) || (in.has(attrSeats) && !in.total)),
		el == attrLists && in.has(attrPassed),
		// "How many lists passed the threshold?", "Koje liste nisu
		// prešle cenzus?": lists, not the threshold.
		el == attrThreshold && in.has(attrPassed) && (in.has(attrListCount) || in.has(attrLists) ||
			anyPhrase(q.toks, "which parties", "what parties", "which coalitions", "koje koalicije")):
		return passedOrFailed(q), true
	}
	return reply.Response{}, false
}

// figure answers with an election-level figure, or says the article
// lacks it.
func figure(get func(*knowledge.Election) *knowledge.Figure, format lang.Key, render func(*knowledge.Figure) string, what lang.Key) electionAnswer {
	return func(q *question) (reply.Response, bool) {
		return factFigure(q.say, q.e, get(q.e), format, render, what), true
	}
}

func electionDate(q *question) (reply.Response, bool) {
	e := q.e
	if r := oneRoundOnly(q); r.Text != "" {
		return r, true
	}
	if r, ok := roundDates(q); ok {
		return r, true
	}
	if e.Date == nil {
		return q.say.NotInArticle(e, q.say.T(lang.NoDate)), true
	}
	key := lang.AnsDate
	if referendum(e) {
		key = lang.AnsReferendumDate
	}
	return q.say.Answer(e, q.say.T(key, e.Title, q.say.Date(e.Date.Text)), e.Date.Section), true
}

func previousElection(q *question) (reply.Response, bool) {
	e := q.e
	if e.Previous == nil {
		return q.say.NotInArticle(e, q.say.T(lang.NoPrevious)), true
	}
	return q.say.Answer(e, q.say.T(lang.AnsPrevious, e.Previous.Text), e.Previous.Section), true
}

func nextElection(q *question) (reply.Response, bool) {
	e := q.e
	if e.Next == nil {
		return q.say.NotInArticle(e, q.say.T(lang.NoNext)), true
	}
	return q.say.Answer(e, q.say.T(lang.AnsNext, e.Next.Text), e.Next.Section), true
}

// winners says who won the main contest and, when the question named no
// contest, the other contests of the article too: the assembly's largest
// list and the mayor elected beside it.
func winners(q *question) reply.Response {
	r := winner(q.say, q.e)
	if q.scope.named || r.Outcome != reply.Answered {
		return r
	}
	secs := []string{r.Source.Section}
	lines := []string{r.Text}
	for _, ct := range q.e.Contests {
		if ct == q.scope.c || !ct.Elects() || ct.Winner() == nil {
			continue
		}
		sub := *q
		sub.scope = scope{c: ct, named: true}
		w := candidateWinner(&sub)
		lines = append(lines, w.Text)
		secs = append(secs, w.Source.Section)
	}
	return q.say.Answer(q.e, joinLines(lines), secs...)
}

// lists answers "which lists": the minority lists when asked, else how
// many stood.
func lists(q *question) (reply.Response, bool) {
	e := q.e
	if q.in.has(attrMinority) {
		return minorityLists(q.say, e), true
	}
	return factFigure(q.say, e, e.ListCount, lang.AnsListsStood, reply.Num, lang.WhatLists), true
}

// passedOrFailed names the lists that won seats, or with "not" those that
// won none.
func passedOrFailed(q *question) reply.Response {
	if q.in.negated {
		return failedLists(q.say, q.e)
	}
	return passedLists(q.say, q.e)
}

// factFigure answers an election-level figure or says the article lacks it.
func factFigure(s reply.Say, e *knowledge.Election, f *knowledge.Figure, format lang.Key, render func(*knowledge.Figure) string, what lang.Key) reply.Response {
	if f == nil {
		return s.NotInArticle(e, s.T(lang.NotGiven, s.T(what)))
	}
	return s.Answer(e, s.T(format, render(f)), f.Section)
}

func majority(s reply.Say, e *knowledge.Election) reply.Response {
	need := e.Majority
	if need == nil {
		if e.Seats == nil {
			return s.NotInArticle(e, s.T(lang.NoMajorityNoSeats))
		}
		return s.Answer(e, s.T(lang.MajorityDerived, e.Seats.Int(), e.Seats.Int()/2+1), e.Seats.Section)
	}
	text := s.T(lang.MajorityTook, s.Seats(need.Int()))
	if e.Seats != nil {
		text = s.T(lang.MajorityTookOf, s.Seats(need.Int()), e.Seats.Int())
	}
	if m := e.MajorityHolder(); m != nil {
		text += " " + s.T(lang.MajorityWonBy, s.Name(m), s.Seats(m.Seats.Int()))
	} else if w := e.Winner(); w != nil && w.Seats != nil {
		text += " " + s.T(lang.MajorityNoneLargest, s.Name(w), s.Seats(w.Seats.Int()))
	}
	return s.Answer(e, text, need.Section)
}

func winner(s reply.Say, e *knowledge.Election) reply.Response {
	w := e.Winner()
	if w == nil {
		return s.NotInArticle(e, s.T(lang.NoSeatsOrShares))
	}
	var parts []string
	if w.Seats != nil {
		seats := s.Seats(w.Seats.Int())
		if e.Seats != nil {
			seats = s.T(lang.SeatsOf, seats, e.Seats.Int())
		}
		parts = append(parts, seats)
	}
	if w.Share != nil {
		parts = append(parts, s.T(lang.ShareOfVote, reply.Pct(w.Share)))
	}
	text := s.T(lang.WonMost, s.Name(w), strings.Join(parts, ", "))
	if m := e.MajorityHolder(); m == w {
		text = s.T(lang.WonAbsolute, s.Name(w), strings.Join(parts, ", "))
	}
	sec := knowledge.SectionInfobox
	if w.Seats != nil {
		sec = w.Seats.Section
	}
	return s.Answer(e, text, sec)
}

func passedLists(s reply.Say, e *knowledge.Election) reply.Response {
	hs := e.SeatHolders()
	var won []string
	for _, h := range hs {
		if h.Seats.Int() > 0 {
			won = append(won, fmt.Sprintf("%s (%d)", h.Name, h.Seats.Int()))
		}
	}
	if len(won) == 0 {
		return s.NotInArticle(e, s.T(lang.NoSeatsPerList))
	}
	text := s.T(lang.ListsWonSeats, len(won), strings.Join(won, ", "))
	if e.AllSeatsAccounted() {
		text += " " + s.T(lang.AllSeatsHeld, e.Seats.Int())
	}
	return s.Answer(e, text, knowledge.SectionInfobox)
}

func minorityLists(s reply.Say, e *knowledge.Election) reply.Response {
	var names []string
	for _, k := range e.Ballots() {
		if k.Minority() {
			line := fmt.Sprintf("%d. %s", k.Ballot, k.BallotName)
			if r := s.Result(e, k); r != "" {
				line += " (" + r + ")"
			} else if e.AllSeatsAccounted() {
				line += " (" + s.T(lang.NoSeatsShort) + ")"
			}
			names = append(names, line)
		}
	}
	if len(names) == 0 {
		return s.NotInArticle(e, s.T(lang.NoMinorityLists))
	}
	return s.Answer(e, s.T(lang.MinorityLists, len(names), strings.Join(names, "; ")), e.ListsSection)
}

// mayorOrPassage answers who held the office from the infobox; an
// article whose infobox names no holder may say in its prose ("The mayor
// of Ub, Zoran Petković, …").
func mayorOrPassage(q *question) (reply.Response, bool) {
	if q.e.Before == nil && q.e.After == nil || q.in.howMany {
		// "With how many votes was he elected mayor?" is a count the
		// infobox's holder does not give.
		return reply.Response{}, false
	}
	return mayor(q.say, q.e, q.in), true
}

func mayor(s reply.Say, e *knowledge.Election, in intent) reply.Response {
	office := s.Office(e.Office)
	if office == "" {
		office = s.T(lang.OfficeMayorLower)
	}
	holder := func(h *knowledge.Officeholder) string {
		s := h.Name
		if h.Party != "" {
			s += " (" + h.Party + ")"
		}
		return s
	}
	switch {
	case in.before && !in.after:
		if e.Before == nil {
			return s.NotInArticle(e, s.T(lang.NoHolderBefore))
		}
		return s.Answer(e, s.T(lang.HolderBefore, reply.LowerTitle(office), holder(e.Before)), e.Before.Section)
	case in.after || in.current:
		if e.After == nil {
			return s.NotInArticle(e, s.T(lang.NoHolderAfter))
		}
		text := s.T(lang.HolderAfter, reply.LowerTitle(office), holder(e.After))
		if in.current {
			text += " " + s.T(lang.HolderToday)
		}
		return s.Answer(e, text, e.After.Section)
	}
	var parts []string
	var secs []string
	if e.Before != nil {
		parts = append(parts, s.T(lang.HolderBeforePart, holder(e.Before)))
		secs = append(secs, e.Before.Section)
	}
	if e.After != nil {
		parts = append(parts, s.T(lang.HolderAfterPart, holder(e.After)))
		secs = append(secs, e.After.Section)
	}
	if len(parts) == 0 {
		return s.NotInArticle(e, s.T(lang.NoMayorNamed))
	}
	return s.Answer(e, upperFirst(office)+", "+strings.Join(parts, "; ")+".", secs...)
}

// upperFirst capitalises the first letter, in any script ("у другом
// кругу" begins a Cyrillic sentence as "У другом кругу").
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// footnote explains a footnote mark of the lists table: "What is note b?".
func footnote(s reply.Say, e *knowledge.Election, text string) (reply.Response, bool) {
	if e.Article == nil {
		return reply.Response{}, false
	}
	// Marks are case-sensitive ("M", "b"): the words as written.
	for _, sp := range knowledge.TokenSpans(text) {
		w := text[sp.Start:sp.End]
		if meaning, ok := e.Article.Footnotes[w]; ok {
			return s.Answer(e, s.T(lang.FootnoteMeaning, w, strings.TrimSuffix(meaning, ".")), e.ListsSection), true
		}
	}
	return reply.Response{}, false
}

// failedLists names the lists that won no seats, where the article gives
// enough to tell.
func failedLists(s reply.Say, e *knowledge.Election) reply.Response {
	var names []string
	for _, k := range e.Contestants {
		switch {
		case k.Seats != nil && k.Seats.Int() == 0:
			names = append(names, k.Name+reply.ShareSuffix(k))
		case k.Seats == nil && e.AllSeatsAccounted():
			names = append(names, k.Name)
		}
	}
	if len(names) == 0 {
		return s.NotInArticle(e, s.T(lang.NoFailedLists))
	}
	text := s.T(lang.ListsWonNone, len(names), strings.Join(names, "; "))
	if len(text) > 600 {
		var nums []int
		for _, k := range e.Ballots() {
			if (k.Seats != nil && k.Seats.Int() == 0) || (k.Seats == nil && e.AllSeatsAccounted()) {
				nums = append(nums, k.Ballot)
			}
		}
		text = s.T(lang.ListsWonNoneCount, len(names))
		if len(nums) == len(names) {
			text = s.T(lang.ListsWonNoneShort, len(names), reply.Ranges(nums))
		}
	}
	return s.Answer(e, text, knowledge.SectionInfobox)
}

// ordinals maps rank words to places.
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"runner": 2, "prvi": 1, "prva": 1, "prvo": 1, "drugo": 2, "drugi": 2, "druga": 2, "drugom": 2, "trece": 3, "treci": 3,
	"treca": 3, "trecem": 3, "cetvrto": 4, "cetvrti": 4, "cetvrta": 4, "peto": 5, "peti": 5, "peta": 5, "sesti": 6, "sesta": 6}

// rank answers "which party came second": the contestants ordered by
// seats, then share.
func rank(s reply.Say, e *knowledge.Election, toks []string) reply.Response {
	ranked := rankedContestants(e)
	if len(ranked) == 0 {
		return s.NotInArticle(e, s.T(lang.NoSeatsOrShares))
	}
	place := placeAsked(toks, len(ranked))
	if place == 0 || place > len(ranked) {
		return s.NotInArticle(e, s.T(lang.RanksOnly, len(ranked)))
	}
	k := ranked[place-1]
	text := s.T(lang.CamePlace, s.Name(k), placeWord(s, place, len(ranked)), s.Result(e, k))
	if place == len(ranked) && len(ranked) < len(e.Contestants) {
		text = s.T(lang.CameLast, s.Name(k), s.Result(e, k))
	}
	sec := knowledge.SectionInfobox
	if k.Seats != nil {
		sec = k.Seats.Section
	}
	return s.Answer(e, text, sec)
}

// rankedContestants orders the contestants with figures by seats, then
// share.
func rankedContestants(e *knowledge.Election) []*knowledge.Contestant {
	var ranked []*knowledge.Contestant
	for _, k := range e.Contestants {
		if k.Seats != nil || k.Share != nil {
			ranked = append(ranked, k)
		}
	}
	seats := func(k *knowledge.Contestant) int {
		if k.Seats == nil {
			return -1
		}
		return k.Seats.Int()
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if as, bs := seats(a), seats(b); as != bs {
			return as > bs
		}
		return a.Share != nil && (b.Share == nil || a.Share.Value > b.Share.Value)
	})
	return ranked
}

// placeAsked reads the place a question asks about ("second", "last"),
// of n; 0 when it names none.
func placeAsked(toks []string, n int) int {
	place := 0
	for _, t := range toks {
		if p, ok := ordinals[t]; ok {
			place = p
		}
		switch t {
		case "last", "fewest", "least", "lowest", "smallest", "bottom", "poslednji", "poslednja", "posljednji", "posljednja",
			"zadnji", "zadnja", "poslednjem", "posljednjem":
			place = n
		}
	}
	return place
}

func placeWord(s reply.Say, n, of int) string {
	switch {
	case n == of && n > 2:
		return s.T(lang.PlaceLast)
	case n == 1:
		return s.T(lang.PlaceFirst)
	case n == 2:
		return s.T(lang.PlaceSecond)
	case n == 3:
		return s.T(lang.PlaceThird)
	}
	return s.T(lang.PlaceNth, n)
}

// sampleAnswer gives the sample sizes of the polls a question names.
func sampleAnswer(q *question) reply.Response {
	e := q.e
	ps := q.polls
	if len(ps) == 0 {
		ps = e.Polls
	}
	var parts []string
	for _, p := range ps {
		if p.Sample != "" && !isBlank(p.Sample) {
			parts = append(parts, q.say.T(lang.PollAsked, q.say.PollLabel(p), p.Sample))
		}
	}
	if len(parts) == 0 {
		return q.say.NotInArticle(e, q.say.T(lang.NoSamples))
	}
	return q.say.Answer(e, upperFirst(strings.Join(parts, "; "))+".", e.PollsSection)
}

func isBlank(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—", "?", "n/a":
		return true
	}
	return false
}

// resultsSummary is the result in one line: seats and shares of the lists
// that won seats, and the winner.
func resultsSummary(s reply.Say, e *knowledge.Election) reply.Response {
	var parts []string
	var sec string
	for _, k := range e.SeatHolders() {
		if k.Seats.Int() == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d%s", k.Label(), k.Seats.Int(), reply.ShareSuffix(k)))
		sec = k.Seats.Section
	}
	if len(parts) == 0 {
		return winner(s, e)
	}
	text := s.T(lang.SeatsSummary, strings.Join(parts, ", "))
	if e.Seats != nil {
		text = s.T(lang.SeatsSummaryOf, strings.Join(parts, ", "), e.Seats.Int())
	}
	if m := e.MajorityHolder(); m != nil {
		text += " " + s.T(lang.WonAbsoluteShort, m.Name)
	}
	return s.Answer(e, text+" "+s.T(lang.ResultsMore), sec)
}
