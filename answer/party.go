package answer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

func majorityOf(e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	if k.Seats == nil {
		return reply.NotInArticle(e, fmt.Sprintf("it gives no seats for %s.", k.DisplayName()))
	}
	need := e.MajorityNeeded()
	if need == 0 {
		return reply.Answer(e, fmt.Sprintf("%s won %s; the article does not say how many make a majority.", k.DisplayName(), reply.Seats(k.Seats.Int())), k.Seats.Section)
	}
	if k.Seats.Int() >= need {
		return reply.Answer(e, fmt.Sprintf("%s won a majority: %s, with %d needed.", k.DisplayName(), reply.Seats(k.Seats.Int()), need), k.Seats.Section)
	}
	return reply.Answer(e, fmt.Sprintf("%s fell %s short of a majority: %s, with %d needed.", k.DisplayName(),
		reply.Seats(need-k.Seats.Int()), reply.Seats(k.Seats.Int()), need), k.Seats.Section)
}

func thresholdOf(e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	switch {
	case k.Seats != nil && k.Seats.Int() > 0:
		return reply.Answer(e, fmt.Sprintf("Yes: %s won %s%s, so it passed the threshold.", k.DisplayName(), reply.Seats(k.Seats.Int()), reply.ShareSuffix(k)), k.Seats.Section)
	case k.Share != nil && e.Threshold != nil:
		verdict := "passed"
		if k.Share.Value < e.Threshold.Value {
			verdict = "did not pass"
		}
		return reply.Answer(e, fmt.Sprintf("%s won %s, so it %s the %s threshold.", k.DisplayName(), reply.Pct(k.Share), verdict, reply.Pct(e.Threshold)), k.Share.Section, e.Threshold.Section)
	case e.AllSeatsAccounted():
		return reply.Answer(e, fmt.Sprintf("%s won no seats: the lists with seats in the infobox hold all %d, so it did not pass the threshold (derived).", k.DisplayName(), e.Seats.Int()), knowledge.SectionInfobox)
	}
	return reply.NotInArticle(e, fmt.Sprintf("it gives no result for %s.", k.DisplayName()))
}

// summary is the short answer to a bare name.
func summary(e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	var parts []string
	if k.Ballot > 0 {
		s := fmt.Sprintf("list %d (%s)", k.Ballot, k.BallotName)
		if k.Carrier != "" {
			s += ", carried by " + k.Carrier
		}
		parts = append(parts, s)
	}
	if k.Leader != "" {
		parts = append(parts, "led by "+k.Leader)
	}
	if r := reply.Result(e, k); r != "" {
		parts = append(parts, r)
	} else if r := reply.NoSeats(e, k); r != "" {
		parts = append(parts, r)
	}
	text := k.Name
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, "; ")
	}
	text += ". /party " + firstName(k) + " tells more."
	return reply.Answer(e, text, knowledge.SectionInfobox, e.ListsSection)
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
		return majorityOf(q.e, k), done
	case in.has(attrPassed) || (in.has(attrThreshold) && !in.has(attrPolls)):
		return thresholdOf(q.e, k), done
	case in.has(attrDifference) && len(q.ents) >= 2:
		return difference(q.e, k, q.ents[1], in), done
	case (in.has(attrTurnout) || in.has(attrMayor)) && q.entScore < 4:
		// "turnout" or "mayor" beat a weak party word ("high enough").
		return reply.Response{}, next
	case q.ent != attrNone:
		return entityAnswer(q, q.ent), done
	case q.el == attrNone:
		if isJustNames(q) {
			return summary(q.e, k), done
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
	case in.has(attrFinalists):
		return wentThrough(q, k), true
	case (q.el == attrWinner || anyPhrase(q.rankToks, "win", "won", "pobedi")) && q.ent == attrNone && !in.why && namesOnly(q, k):
		return didWin(q, k), true
	case q.el == attrNone && q.ent == attrNone && isJustNames(q):
		return candidateSummary(q.e, k, q.scope.round), true
	}
	return reply.Response{}, false
}

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
		line, sec, ok := partyFactOf(party{e: e, k: k, name: q.nameOf(k), a: a, ct: ct, round: q.scope.round})
		if !ok && len(q.ents) == 1 {
			passageMayTell(q, k, a)
			return reply.Refusal(e, line)
		}
		lines = append(lines, line)
		secs = append(secs, sec)
	}
	return reply.Response{Text: strings.Join(lines, "\n"), Source: reply.Source{Election: e.Title, Section: reply.Sections(secs...)}, Outcome: reply.Answered}
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
	return p.missing("such figure")
}

// missing says the article gives no such figure for the party, and what
// it does tell of it.
func (p party) missing(what string) (string, string, bool) {
	text := fmt.Sprintf("I couldn't find that in the article: it gives no %s for %s.", what, p.name)
	if line := reply.NoSeats(p.e, p.k); line != "" {
		text += " What it does tell: it won " + line + "."
	} else if p.k.Share != nil && p.a != attrShare {
		text += " Its share of the vote was " + reply.Pct(p.k.Share) + "."
	}
	return text, knowledge.SectionInfobox, false
}

func seatsFact(p party) (string, string, bool) {
	k := p.k
	if k.Seats == nil {
		if line := reply.NoSeats(p.e, k); line != "" {
			return fmt.Sprintf("%s won %s.", p.name, line), knowledge.SectionInfobox, true
		}
		return p.missing("seat count")
	}
	return fmt.Sprintf("%s won %s%s.", p.name, reply.Seats(k.Seats.Int()), reply.ShareSuffix(k)), k.Seats.Section, true
}

func prevSeatsFact(p party) (string, string, bool) {
	k := p.k
	if k.PrevSeats == nil {
		if k.New {
			return fmt.Sprintf("%s is new: it held no seats before this election.", p.name), knowledge.SectionInfobox, true
		}
		return p.missing("seats from the previous election")
	}
	return fmt.Sprintf("%s had %s after the previous election (%s).", p.name, reply.Seats(k.PrevSeats.Int()), reply.Previous(p.e)), k.PrevSeats.Section, true
}

func seatChangeFact(p party) (string, string, bool) {
	k := p.k
	if k.SeatChange == nil {
		return p.missing("change in seats")
	}
	s := fmt.Sprintf("%s changed by %s seats", p.name, reply.Signed(k.SeatChange))
	if k.PrevSeats != nil && k.Seats != nil {
		s = fmt.Sprintf("%s went from %d to %s (%s)", p.name, k.PrevSeats.Int(), reply.Seats(k.Seats.Int()), reply.Signed(k.SeatChange))
	}
	return s + " since " + reply.Previous(p.e) + ".", k.SeatChange.Section, true
}

func shareFact(p party) (string, string, bool) {
	if p.k.Kind != "" && p.ct != nil {
		return candidateFigure(p, func(r *knowledge.Result) *knowledge.Figure { return r.Share }, "share of the vote")
	}
	if p.k.Share == nil {
		return p.missing("share of the vote")
	}
	return fmt.Sprintf("%s won %s of the vote.", p.name, reply.Pct(p.k.Share)) + alsoNote(p.k.Share, reply.Pct), p.k.Share.Section, true
}

func shareSwingFact(p party) (string, string, bool) {
	k := p.k
	if k.ShareSwing == nil {
		if k.Share != nil {
			return fmt.Sprintf("I couldn't find that in the article: it gives no change in %s's share, only the share itself, %s.", p.name, reply.Pct(k.Share)), k.Share.Section, false
		}
		return p.missing("change in share")
	}
	s := fmt.Sprintf("%s's share of the vote changed by %s percentage points", p.name, strings.TrimSuffix(k.ShareSwing.Text, "%"))
	if k.Share != nil {
		s += ", to " + reply.Pct(k.Share)
	}
	return s + ".", k.ShareSwing.Section, true
}

func votesFact(p party) (string, string, bool) {
	k := p.k
	if k.Kind != "" && p.ct != nil {
		return candidateFigure(p, func(r *knowledge.Result) *knowledge.Figure { return r.Votes }, "vote count")
	}
	if k.Votes == nil {
		if !anyVotes(p.e) {
			text, sec, _ := p.missing("vote count")
			text = strings.Replace(text, "it gives no vote count for", "it gives no vote counts for this election, so none for", 1)
			return text, sec, false
		}
		return p.missing("vote count")
	}
	return fmt.Sprintf("%s won %s votes%s.", p.name, reply.Num(k.Votes), reply.ShareSuffix(k)) + alsoNote(k.Votes, reply.Num), k.Votes.Section, true
}

func leaderFact(p party) (string, string, bool) {
	switch k := p.k; {
	case k.Leader != "":
		return fmt.Sprintf("%s was led by %s.", p.name, k.Leader), knowledge.SectionInfobox, true
	case k.Carrier != "":
		return fmt.Sprintf("The article names no leader for %s; its ballot carrier was %s.", p.name, k.Carrier), p.e.ListsSection, true
	}
	return p.missing("leader")
}

func carrierFact(p party) (string, string, bool) {
	switch k := p.k; {
	case k.Carrier != "":
		return fmt.Sprintf("%s was carried by %s.", p.name, k.Carrier), p.e.ListsSection, true
	case k.Leader != "":
		return fmt.Sprintf("The article names no ballot carrier for %s; its leader was %s.", p.name, k.Leader), knowledge.SectionInfobox, true
	}
	return p.missing("ballot carrier")
}

func ballotFact(p party) (string, string, bool) {
	k := p.k
	if k.Ballot == 0 {
		return p.missing("ballot number")
	}
	if k.Kind == knowledge.KindCandidate {
		return fmt.Sprintf("%s was number %d on the ballot.", k.Name, k.Ballot), p.e.ListsSection, true
	}
	if k.Name == k.BallotName {
		return fmt.Sprintf("%s was list %d on the ballot.", k.Name, k.Ballot), p.e.ListsSection, true
	}
	return fmt.Sprintf("%s was list %d on the ballot (%s).", k.Name, k.Ballot, k.BallotName), p.e.ListsSection, true
}

func colourFact(p party) (string, string, bool) {
	if p.k.Colour == "" {
		return p.missing("colour")
	}
	return fmt.Sprintf("%s's colour in the infobox is %s.", p.name, p.k.Colour), knowledge.SectionInfobox, true
}

func minorityFact(p party) (string, string, bool) {
	if p.k.Minority() {
		return fmt.Sprintf("Yes: %s was a national minority list.", p.name), p.e.ListsSection, true
	}
	return fmt.Sprintf("No: the article does not mark %s as a national minority list.", p.name), p.e.ListsSection, true
}

func membersFact(p party) (string, string, bool) {
	k := p.k
	members := k.Members
	if len(members) == 0 && len(k.Abbrevs) > 1 {
		members = k.Abbrevs
	}
	if len(members) == 0 {
		return p.missing("member parties")
	}
	return fmt.Sprintf("%s was made up of %s.", p.name, strings.Join(members, ", ")), p.e.ListsSection, true
}

func nameFact(p party) (string, string, bool) {
	switch k := p.k; {
	case k.BallotName != "" && k.BallotName != k.Name:
		return fmt.Sprintf("%s stood on the ballot as “%s”.", p.name, k.BallotName), p.e.ListsSection, true
	case k.BallotName != "":
		return fmt.Sprintf("List %d was “%s”.", k.Ballot, k.BallotName), p.e.ListsSection, true
	}
	return fmt.Sprintf("The article calls it %s.", p.k.Name), knowledge.SectionInfobox, true
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
func difference(e *knowledge.Election, a, b *knowledge.Contestant, in intent) reply.Response {
	type fig struct {
		get  func(*knowledge.Contestant) *knowledge.Figure
		unit string
	}
	order := []fig{{func(k *knowledge.Contestant) *knowledge.Figure { return k.Seats }, "seats"},
		{func(k *knowledge.Contestant) *knowledge.Figure { return k.Votes }, "votes"},
		{func(k *knowledge.Contestant) *knowledge.Figure { return k.Share }, "percentage points"}}
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
		more := "more"
		if d < 0 {
			d, more = -d, "fewer"
		}
		amount := knowledge.FormatInt(int(d + 0.5))
		if f.unit == "percentage points" {
			amount = strconv.FormatFloat(math.Round(d*100)/100, 'f', -1, 64)
		}
		return reply.Answer(e, fmt.Sprintf("%s won %s %s %s than %s (%s against %s).", a.DisplayName(), amount, more, f.unit,
			b.DisplayName(), fa.Text, fb.Text), fa.Section)
	}
	return reply.NotInArticle(e, fmt.Sprintf("it gives no figures to compare %s and %s.", a.Name, b.Name))
}
