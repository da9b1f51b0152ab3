package answer

import (
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

func majorityOf(s reply.Say, e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	if k.Seats == nil {
		return s.NotInArticle(e, s.T(lang.NoSeatsFor, s.Name(k)))
	}
	need := e.MajorityNeeded()
	if need == 0 {
		return s.Answer(e, s.T(lang.WonNoMajorityInfo, s.Name(k), s.Seats(k.Seats.Int())), k.Seats.Section)
	}
	if k.Seats.Int() >= need {
		return s.Answer(e, s.T(lang.WonMajorityNeeded, s.Name(k), s.Seats(k.Seats.Int()), need), k.Seats.Section)
	}
	return s.Answer(e, s.T(lang.FellShort, s.Name(k), s.Seats(need-k.Seats.Int()), s.Seats(k.Seats.Int()), need), k.Seats.Section)
}

func thresholdOf(s reply.Say, e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	switch {
	case k.Seats != nil && k.Seats.Int() > 0:
		return s.Answer(e, s.T(lang.PassedYes, s.Name(k), s.Seats(k.Seats.Int()), reply.ShareSuffix(k)), k.Seats.Section)
	case k.Share != nil && e.Threshold != nil:
		verdict := lang.PassedShare
		if k.Share.Value < e.Threshold.Value {
			verdict = lang.FailedShare
		}
		return s.Answer(e, s.T(verdict, s.Name(k), reply.Pct(k.Share), reply.Pct(e.Threshold)), k.Share.Section, e.Threshold.Section)
	case e.AllSeatsAccounted():
		return s.Answer(e, s.T(lang.FailedDerived, s.Name(k), e.Seats.Int()), knowledge.SectionInfobox)
	}
	return s.NotInArticle(e, s.T(lang.NoResultFor, s.Name(k)))
}

// summary is the short answer to a bare name.
func summary(s reply.Say, e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	var parts []string
	if k.Ballot > 0 {
		list := s.T(lang.SummaryList, k.Ballot, k.BallotName)
		if k.Carrier != "" {
			list = s.T(lang.SummaryCarried, list, k.Carrier)
		}
		parts = append(parts, list)
	}
	if k.Leader != "" {
		parts = append(parts, s.T(lang.SummaryLed, k.Leader))
	}
	if r := s.Result(e, k); r != "" {
		parts = append(parts, r)
	} else if r := s.NoSeats(e, k); r != "" {
		parts = append(parts, r)
	}
	text := k.Name
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, "; ")
	}
	text += ". " + s.T(lang.SummaryMore, firstName(k))
	return s.Answer(e, text, knowledge.SectionInfobox, e.ListsSection)
}

func firstName(k *knowledge.Contestant) string {
	if len(k.Abbrevs) > 0 {
		return k.Abbrevs[0]
	}
	if k.Ballot > 0 {
		return strconv.Itoa(k.Ballot)
	}
	return k.Name
}

// aboutParties answers a question that names parties or lists: their
// majority, threshold, difference, or any intent of partyIntents; a bare
// name gets a summary.
func aboutParties(_ *Answerer, q *question) (reply.Response, verdict) {
	if len(q.ents) == 0 {
		return reply.Response{}, next
	}
	in, k := q.in, q.ents[0]
	if k.Kind == knowledge.KindCandidate {
		if r, ok := aboutCandidate(q, k); ok {
			return r, done
		}
	}
	switch {
	case in.has(attrMajority):
		return majorityOf(q.say, q.e, k), done
	case in.has(attrPassed) || (in.has(attrThreshold) && !in.has(attrPolls)):
		return thresholdOf(q.say, q.e, k), done
	case in.has(attrDifference) && len(q.ents) >= 2:
		return difference(q.say, q.e, k, q.ents[1], in), done
	case (in.has(attrTurnout) || in.has(attrMayor)) && q.entScore < 4:
		// "turnout" or "mayor" beat a weak party word ("high enough").
		return reply.Response{}, next
	case q.ent != attrNone:
		return entityAnswer(q, q.ent), done
	case q.el == attrNone:
		if isJustNames(q) {
			return summary(q.say, q.e, k), done
		}
		return reply.Response{}, toPassages
	case q.elScore < 4:
		// A party with a weak election word ("When was DS founded?"): a
		// passage may know; the election's date doesn't.
		return reply.Response{}, toPassages
	}
	return reply.Response{}, next
}

// aboutCandidate answers what is asked only of candidates: by how much
// they won, whether they went through to the run-off, and how they did
// ("How did Kovačević do?"); ok is false for the other questions.
func aboutCandidate(q *question, k *knowledge.Contestant) (reply.Response, bool) {
	switch in := q.in; {
	case in.has(attrMargin):
		return marginAnswer(q), true
	case in.has(attrOpponent):
		return opponents(q, k), true
	case in.has(attrFinalists):
		return wentThrough(q, k), true
	case (q.el == attrWinner || anyPhrase(q.rankToks, "win", "won", "pobedi", "pobijedi", "pobjedi")) && q.ent == attrNone && !in.why && namesOnly(q, k):
		return didWin(q, k), true
	case q.el == attrNone && q.ent == attrNone && isJustNames(q):
		return candidateSummary(q.say, q.e, k, q.scope.round), true
	case q.el == attrNone && q.ent == attrNone && in.howMany && anyPhrase(q.rankToks, gotWords...):
		// "Koliko je Vidmar dobio u prvom krugu?", "How much did Vidmar
		// get?": the candidate's result, share and votes.
		return entityAnswer(q, attrShare), true
	}
	return reply.Response{}, false
}

// gotWords ask what a candidate got, without saying in what.
var gotWords = []string{"get", "got", "receive", "received", "dobi", "dobio", "dobila", "osvoji", "osvojio", "osvojila",
	"imao", "imala", "ima"}

// namesOnly reports whether a question's content words are all names of
// k, or cue words: "Did Zupan win?", not "Which municipalities did
// Bošković win?".
func namesOnly(q *question, k *knowledge.Contestant) bool {
	names := map[string]bool{}
	for _, n := range k.Names() {
		for _, t := range knowledge.FoldTokens(n) {
			names[t] = true
		}
	}
	for _, t := range subjectWords(q) {
		if !names[t] {
			return false
		}
	}
	return true
}

// entityAnswer answers an intent about the linked contestants, one line
// each; about one, a missing figure is a refusal.
func entityAnswer(q *question, a attr) reply.Response {
	e := q.e
	a = partyIntent(q, a)
	if a == attrPolls || (len(q.polls) > 0 && (a == attrShare || a == attrVotes)) {
		return pollAnswer(q, q.ents[0])
	}
	var lines, secs []string
	for _, k := range q.ents {
		ct := e.ContestFor(k)
		if ct == nil {
			ct = e.MainContest()
		}
		line, sec, ok := partyFactOf(party{e: e, k: k, name: q.nameOf(k), a: a, say: q.say, ct: ct, round: q.scope.round})
		if !ok && len(q.ents) == 1 {
			passageMayTell(q, k, a)
			return q.say.Refusal(e, line)
		}
		lines = append(lines, line)
		secs = append(secs, sec)
	}
	return reply.Response{Text: strings.Join(lines, "\n"), Source: reply.SourceOf(e, secs...), Outcome: reply.Answered}
}

// passageMayTell lets a passage answer a figure the model lacks for a
// contestant ("with 18 votes", said of its leader), when it names the
// contestant by every word the question did and holds what was asked.
func passageMayTell(q *question, k *knowledge.Contestant, a attr) {
	if a != attrVotes && a != attrShare {
		return
	}
	names := map[string]bool{}
	for _, n := range k.Names() {
		for _, t := range knowledge.FoldTokens(n) {
			names[t] = true
		}
	}
	var groups [][]string
	for _, t := range q.toks {
		if names[t] && !stopwords[t] && !nameStopword(t) {
			groups = append(groups, terms([]string{t}))
		}
	}
	if len(groups) == 0 {
		return
	}
	// The tables' figures are the model's: only the prose may add one.
	q.fallback, q.figure, q.proseOnly = true, true, true
	q.mustHave = append(q.mustHave, groups...)
	q.mustHave = append(q.mustHave, terms(cueWords(a)))
	if a == attrVotes {
		q.countOf = terms(cueWords(a))
	}
}

// nameStopword reports the small words of names ("of", "for", "the").
func nameStopword(t string) bool {
	switch t {
	case "of", "for", "the", "and", "za", "i", "na", "od":
		return true
	}
	return false
}

// partyIntent refines the intent by the question's other words: seats
// "before" are previous seats, a share's "change" is its swing.
func partyIntent(q *question, a attr) attr {
	in := q.in
	switch {
	case a == attrSeats && in.has(attrSeatChange):
		return attrSeatChange
	case a == attrSeats && (in.has(attrPrevElection) || q.prevYear != "" || (in.before && !in.after)):
		return attrPrevSeats
	case (a == attrSeatChange || a == attrShare) && !in.has(attrSeats) && in.has(attrShare) && (in.has(attrSeatChange) || in.has(attrShareSwing)):
		return attrShareSwing
	case a == attrSeatChange && !in.has(attrSeats) && in.has(attrShare):
		return attrShare
	}
	return a
}

// party is one contestant in an answer: its election, how the answer
// names it, and the intent asked.
type party struct {
	e    *knowledge.Election
	k    *knowledge.Contestant
	name string
	a    attr
	say  reply.Say
	// ct is the contest the contestant stands in; round the round the
	// question names, 0 for none.
	ct    *knowledge.Contest
	round int
}

// A partyFact states one intent about one contestant, with the section
// it comes from, or (ok false) says plainly that the article lacks it and
// what it does say.
type partyFact func(p party) (text, section string, ok bool)

// partyIntents answer the intents about one party or list, one function
// each. Intents of the whole election are in electionIntents.
var partyIntents = map[attr]partyFact{
	attrSeats:      seatsFact,
	attrPrevSeats:  prevSeatsFact,
	attrSeatChange: seatChangeFact,
	attrShare:      shareFact,
	attrShareSwing: shareSwingFact,
	attrVotes:      votesFact,
	attrLeader:     leaderFact,
	attrCarrier:    carrierFact,
	attrBallot:     ballotFact,
	attrColour:     colourFact,
	attrMinority:   minorityFact,
	attrMembers:    membersFact,
	attrName:       nameFact,
	attrParty:      candidatePartyFact,
}

func partyFactOf(p party) (string, string, bool) {
	if f, ok := partyIntents[p.a]; ok {
		return f(p)
	}
	return p.missing(lang.WhatSuchFigure)
}

// missing says the article gives no such figure for the party, and what
// it does tell of it.
func (p party) missing(what lang.Key) (string, string, bool) {
	text := p.say.T(lang.MissingFor, p.say.T(what), p.name)
	if what == lang.WhatVoteCount && !anyVotes(p.e) {
		text = p.say.T(lang.MissingNoVotesAtAll, p.name)
	}
	return p.alsoTold(text), knowledge.SectionInfobox, false
}

// alsoTold adds to a refusal what the article does tell of the party.
func (p party) alsoTold(text string) string {
	if line := p.say.NoSeats(p.e, p.k); line != "" {
		return text + " " + p.say.T(lang.MissingButNoSeats, line)
	} else if p.k.Share != nil && p.a != attrShare {
		return text + " " + p.say.T(lang.MissingButShare, reply.Pct(p.k.Share))
	}
	return text
}

func seatsFact(p party) (string, string, bool) {
	k := p.k
	if k.Seats == nil {
		if line := p.say.NoSeats(p.e, k); line != "" {
			return p.say.T(lang.FactWon, p.name, line), knowledge.SectionInfobox, true
		}
		return p.missing(lang.WhatSeatCount)
	}
	return p.say.T(lang.FactWonSeats, p.name, p.say.Seats(k.Seats.Int()), reply.ShareSuffix(k)), k.Seats.Section, true
}

func prevSeatsFact(p party) (string, string, bool) {
	k := p.k
	if k.PrevSeats == nil {
		if k.New {
			return p.say.T(lang.FactNew, p.name), knowledge.SectionInfobox, true
		}
		return p.missing(lang.WhatPrevSeats)
	}
	return p.say.T(lang.FactPrevSeats, p.name, p.say.Seats(k.PrevSeats.Int()), previous(p.say, p.e)), k.PrevSeats.Section, true
}

func seatChangeFact(p party) (string, string, bool) {
	k := p.k
	if k.SeatChange == nil {
		return p.missing(lang.WhatSeatChange)
	}
	if k.PrevSeats != nil && k.Seats != nil {
		return p.say.T(lang.FactSeatChangeFromTo, p.name, k.PrevSeats.Int(), p.say.Seats(k.Seats.Int()), reply.Signed(k.SeatChange), previous(p.say, p.e)), k.SeatChange.Section, true
	}
	return p.say.T(lang.FactSeatChange, p.name, reply.Signed(k.SeatChange), previous(p.say, p.e)), k.SeatChange.Section, true
}

func shareFact(p party) (string, string, bool) {
	if p.k.Kind != "" && p.ct != nil {
		return candidateFigure(p, func(r *knowledge.Result) *knowledge.Figure { return r.Share }, lang.WhatShare)
	}
	if p.k.Share == nil {
		return p.missing(lang.WhatShare)
	}
	return p.say.T(lang.FactShare, p.name, reply.Pct(p.k.Share)) + alsoNote(p.say, p.k.Share, reply.Pct), p.k.Share.Section, true
}

func shareSwingFact(p party) (string, string, bool) {
	k := p.k
	if k.ShareSwing == nil {
		if k.Share != nil {
			return p.say.T(lang.FactNoSwing, p.name, reply.Pct(k.Share)), k.Share.Section, false
		}
		return p.missing(lang.WhatShareSwing)
	}
	swing := strings.TrimSuffix(k.ShareSwing.Text, "%")
	if k.Share != nil {
		return p.say.T(lang.FactSwingTo, p.name, swing, reply.Pct(k.Share)), k.ShareSwing.Section, true
	}
	return p.say.T(lang.FactSwing, p.name, swing), k.ShareSwing.Section, true
}

func votesFact(p party) (string, string, bool) {
	k := p.k
	if k.Kind != "" && p.ct != nil {
		return candidateFigure(p, func(r *knowledge.Result) *knowledge.Figure { return r.Votes }, lang.WhatVoteCount)
	}
	if k.Votes == nil {
		return p.missing(lang.WhatVoteCount)
	}
	return p.say.T(lang.FactVotes, p.name, p.say.Votes(k.Votes), reply.ShareSuffix(k)) + alsoNote(p.say, k.Votes, reply.Num), k.Votes.Section, true
}

func leaderFact(p party) (string, string, bool) {
	switch k := p.k; {
	case k.Leader != "":
		return p.say.T(lang.FactLedBy, p.name, k.Leader), knowledge.SectionInfobox, true
	case k.Carrier != "":
		return p.say.T(lang.FactNoLeaderCarrier, p.name, k.Carrier), p.e.ListsSection, true
	}
	return p.missing(lang.WhatLeader)
}

func carrierFact(p party) (string, string, bool) {
	switch k := p.k; {
	case k.Carrier != "":
		return p.say.T(lang.FactCarriedBy, p.name, k.Carrier), p.e.ListsSection, true
	case k.Leader != "":
		return p.say.T(lang.FactNoCarrierLeader, p.name, k.Leader), knowledge.SectionInfobox, true
	}
	return p.missing(lang.WhatCarrier)
}

func ballotFact(p party) (string, string, bool) {
	k := p.k
	if k.Ballot == 0 {
		return p.missing(lang.WhatBallot)
	}
	if k.Kind == knowledge.KindCandidate {
		return p.say.T(lang.CandidateBallot, k.Name, k.Ballot), p.e.ListsSection, true
	}
	if k.Name == k.BallotName {
		return p.say.T(lang.FactBallot, k.Name, k.Ballot), p.e.ListsSection, true
	}
	return p.say.T(lang.FactBallotNamed, k.Name, k.Ballot, k.BallotName), p.e.ListsSection, true
}

func colourFact(p party) (string, string, bool) {
	if p.k.Colour == "" {
		return p.missing(lang.WhatColour)
	}
	return p.say.T(lang.FactColour, p.name, p.k.Colour), knowledge.SectionInfobox, true
}

func minorityFact(p party) (string, string, bool) {
	if p.k.Minority() {
		return p.say.T(lang.FactMinorityYes, p.name), p.e.ListsSection, true
	}
	return p.say.T(lang.FactMinorityNo, p.name), p.e.ListsSection, true
}

func membersFact(p party) (string, string, bool) {
	k := p.k
	members := k.Members
	if len(members) == 0 && len(k.Abbrevs) > 1 {
		members = k.Abbrevs
	}
	if len(members) == 0 {
		return p.missing(lang.WhatMembers)
	}
	return p.say.T(lang.FactMembers, p.name, strings.Join(members, ", ")), p.e.ListsSection, true
}

func nameFact(p party) (string, string, bool) {
	switch k := p.k; {
	case k.BallotName != "" && k.BallotName != k.Name:
		return p.say.T(lang.FactBallotName, p.name, k.BallotName), p.e.ListsSection, true
	case k.BallotName != "":
		return p.say.T(lang.FactListWas, k.Ballot, k.BallotName), p.e.ListsSection, true
	}
	return p.say.T(lang.FactCalled, p.k.Name), knowledge.SectionInfobox, true
}

func anyVotes(e *knowledge.Election) bool {
	for _, k := range e.Contestants {
		if k.Votes != nil {
			return true
		}
	}
	return false
}

// difference compares two contestants' seats (or votes, or shares).
func difference(s reply.Say, e *knowledge.Election, a, b *knowledge.Contestant, in intent) reply.Response {
	type fig struct {
		get  func(*knowledge.Contestant) *knowledge.Figure
		unit lang.Key
	}
	order := []fig{{func(k *knowledge.Contestant) *knowledge.Figure { return k.Seats }, lang.UnitSeats},
		{func(k *knowledge.Contestant) *knowledge.Figure { return k.Votes }, lang.UnitVotes},
		{func(k *knowledge.Contestant) *knowledge.Figure { return k.Share }, lang.UnitPoints}}
	if in.has(attrVotes) {
		order[0], order[1] = order[1], order[0]
	} else if in.has(attrShare) {
		order[0], order[2] = order[2], order[0]
	}
	for _, f := range order {
		fa, fb := f.get(a), f.get(b)
		if fa == nil || fb == nil {
			continue
		}
		d := fa.Value - fb.Value
		more := lang.DiffMore
		if d < 0 {
			d, more = -d, lang.DiffFewer
		}
		amount := knowledge.FormatInt(int(d + 0.5))
		if f.unit == lang.UnitPoints {
			amount = strconv.FormatFloat(math.Round(d*100)/100, 'f', -1, 64)
		}
		return s.Answer(e, s.T(more, s.Name(a), amount, s.T(f.unit), s.Name(b), fa.Text, fb.Text), fa.Section)
	}
	return s.NotInArticle(e, s.T(lang.NoCompare, a.Name, b.Name))
}

// previous names the previous election: its year, or "the previous
// election" in s's language.
func previous(s reply.Say, e *knowledge.Election) string {
	if y := reply.PreviousYear(e); y != "" {
		return y
	}
	return s.T(lang.PreviousElectionPhrase)
}
