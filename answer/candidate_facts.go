package answer

import (
	"fmt"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// seatAttrs are the intents about seats, which no candidate wins.
var seatAttrs = map[attr]bool{attrSeats: true, attrPrevSeats: true, attrSeatChange: true}

// candidateSeats refuses seats for a candidate ("How many seats did the
// HDZ win?" in a presidential election, where HDZ is Barić's party) and
// says what the article does give: the list the person led, if any, and
// how the candidate did.
func candidateSeats(_ *Answerer, q *question) (reply.Response, verdict) {
	if len(q.ents) == 0 || q.ents[0].Kind != knowledge.KindCandidate || !(seatAttrs[q.ent] || q.in.has(attrMajority)) {
		return reply.Response{}, next
	}
	e, k := q.e, q.ents[0]
	ct := e.ContestFor(k)
	lines := []string{fmt.Sprintf("I couldn't find that in the article: %s was a candidate in the %s, which elected one person, so no seats were won.", k.Name, reply.ContestLabel(ct))}
	secs := []string{}
	if l := listLedBy(e, k); l != nil && l.Seats != nil {
		lines = append(lines, fmt.Sprintf("The list %s, led by %s, won %s.", l.DisplayName(), k.Name, reply.Seats(l.Seats.Int())))
		secs = append(secs, l.Seats.Section)
	}
	if res := ct.Decisive().Result(k); res != nil && reply.ResultFigures(res) != "" {
		lines = append(lines, fmt.Sprintf("%s won %s in the %s.", k.Name, reply.ResultFigures(res), where(ct, roundIfSeveral(ct, ct.Decisive()), true)))
		secs = append(secs, resultSection(res))
	}
	r := reply.Refusal(e, joinLines(lines))
	r.Source.Section = reply.Sections(secs...)
	return r, done
}

// roundIfSeveral is r when the contest had several rounds, else nil (for
// where).
func roundIfSeveral(ct *knowledge.Contest, r *knowledge.Round) *knowledge.Round {
	if len(ct.Rounds) > 1 {
		return r
	}
	return nil
}

// listLedBy returns the list of the main contest that a candidate leads
// or heads, or nil.
func listLedBy(e *knowledge.Election, k *knowledge.Contestant) *knowledge.Contestant {
	for _, l := range e.Contestants {
		if l.Kind != "" {
			continue
		}
		for _, p := range []string{l.Leader, l.Carrier} {
			if p != "" && knowledge.Fold(p) == knowledge.Fold(k.Name) {
				return l
			}
		}
	}
	return nil
}

// candidateFigure states a candidate's votes or share: in the round the
// question names, else in every round the candidate stood in. A
// candidate out of the race by the round asked did not stand in it.
func candidateFigure(p party, get func(*knowledge.Result) *knowledge.Figure, what string) (string, string, bool) {
	k, ct := p.k, p.ct
	if p.round > 0 {
		r := ct.Round(p.round)
		if r == nil {
			return fmt.Sprintf("I couldn't find that in the article: the %s had no %s round.", reply.ContestLabel(ct), reply.Ordinal(p.round)), "", false
		}
		res := r.Result(k)
		if res == nil {
			return notInRound(p, r)
		}
		if get(res) == nil {
			return p.missingIn(what, r)
		}
		return fmt.Sprintf("%s won %s in the %s.", p.name, figureFirst(res, get), where(ct, r, false)), resultSection(res), true
	}
	var lines, secs []string
	for _, r := range ct.Rounds {
		res := r.Result(k)
		if res == nil || get(res) == nil {
			continue
		}
		if len(ct.Rounds) == 1 {
			lines = append(lines, fmt.Sprintf("%s won %s.", p.name, figureFirst(res, get)))
		} else {
			lines = append(lines, fmt.Sprintf("%s won %s in the %s.", p.name, figureFirst(res, get), where(ct, r, false)))
		}
		secs = append(secs, resultSection(res))
	}
	if len(lines) == 0 {
		return p.missing(what)
	}
	return joinLines(lines), reply.Sections(secs...), true
}

// figureFirst renders the figure asked first, the other in brackets:
// "401,511 votes (46.13%)" for votes, "46.13% (401,511 votes)" for a
// share.
func figureFirst(res *knowledge.Result, get func(*knowledge.Result) *knowledge.Figure) string {
	if get(res) == res.Votes && res.Votes != nil {
		if res.Share != nil {
			return fmt.Sprintf("%s votes (%s)", reply.Num(res.Votes), reply.Pct(res.Share))
		}
		return reply.Num(res.Votes) + " votes"
	}
	return reply.ResultFigures(res)
}

// notInRound says that a candidate did not stand in a round, and how they
// did in the last round they stood in.
func notInRound(p party, r *knowledge.Round) (string, string, bool) {
	ct := p.ct
	for n := r.Number - 1; n >= 1; n-- {
		prev := ct.Round(n)
		if res := prev.Result(p.k); res != nil {
			place := 0
			for i, x := range prev.Ranked() {
				if x == res {
					place = i + 1
				}
			}
			return fmt.Sprintf("%s did not stand in the %s round. In the %s round %s came %s, with %s, and was eliminated.",
				p.name, reply.Ordinal(r.Number), reply.Ordinal(n), p.name, placeWord(place, 0), reply.ResultFigures(res)), resultSection(res), true
		}
	}
	return fmt.Sprintf("I couldn't find that in the article: it gives no result for %s in the %s.", p.name, where(ct, r, false)), "", false
}

// missingIn says the article gives no such figure for the party in a
// round.
func (p party) missingIn(what string, r *knowledge.Round) (string, string, bool) {
	return fmt.Sprintf("I couldn't find that in the article: it gives no %s for %s in the %s.", what, p.name, where(p.ct, r, false)), "", false
}

// candidatePartyFact says which party a candidate ran for, or that they
// ran as an independent.
func candidatePartyFact(p party) (string, string, bool) {
	k := p.k
	switch {
	case k.Kind != knowledge.KindCandidate:
		if len(k.Members) > 0 {
			return membersFact(p)
		}
		return p.missing("party")
	case k.Party == "":
		return p.missing("party")
	case k.Independent():
		return fmt.Sprintf("%s ran as an independent.", p.name), "", true
	}
	text := fmt.Sprintf("%s ran for %s.", p.name, k.Party)
	if len(k.PartyNames) > 0 {
		text = fmt.Sprintf("%s ran for %s (%s).", p.name, k.Party, k.PartyNames[0])
	}
	return text, "", true
}

// candidateSummary is the short answer to a bare candidate's name: their
// party and their figures in each round.
func candidateSummary(e *knowledge.Election, k *knowledge.Contestant, round int) reply.Response {
	ct := e.ContestFor(k)
	p := party{e: e, k: k, name: k.Name, ct: ct, round: round}
	lines := []string{fmt.Sprintf("%s stood in the %s.", k.Name, reply.ContestLabel(ct))}
	if k.Party != "" {
		lines[0] = fmt.Sprintf("%s (%s) stood in the %s.", k.Name, k.Party, reply.ContestLabel(ct))
	}
	figs, sec, ok := candidateFigure(p, func(r *knowledge.Result) *knowledge.Figure { return r.Share }, "share of the vote")
	if ok {
		lines = append(lines, figs)
	}
	if ct.Winner() == k {
		lines = append(lines, fmt.Sprintf("%s won the %s.", k.Name, reply.ContestLabel(ct)))
	}
	return reply.Answer(e, joinLines(lines), sec)
}
