package answer

import (
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// seatAttrs are the intents about seats, which no candidate wins.
var seatAttrs = map[attr]bool{attrSeats: true, attrPrevSeats: true, attrSeatChange: true}

// asksSeats reports a question after seats, won, held before or
// changed. A "difference" between candidates ("razlika") or a change a
// referendum votes on ("promene") is no change of seats unless seats are
// named.
func asksSeats(q *question) bool {
	return seatAttrs[q.ent] && (q.ent != attrSeatChange || q.in.has(attrSeats))
}

// candidateSeats refuses seats for a candidate ("How many seats did the
// HDZ win?" in a presidential election, where HDZ is Barić's party) and
// says what the article does give: the list the person led, if any, and
// how the candidate did.
func candidateSeats(_ *Answerer, q *question) (reply.Response, verdict) {
	seats := asksSeats(q)
	if len(q.ents) == 0 || q.ents[0].Kind != knowledge.KindCandidate || !(seats || q.in.has(attrMajority)) {
		return reply.Response{}, next
	}
	e, k := q.e, q.ents[0]
	if l := listLedBy(e, k); l != nil && anyPhrase(q.toks, "list", "lista", "liste", "listu", "listi", "coalition", "koalicij") {
		// "How many seats did Bilić's list win?": the list, not the
		// candidate.
		q.ents = append([]*knowledge.Contestant{l}, q.ents[1:]...)
		return reply.Response{}, next
	}
	s := q.say
	ct := e.ContestFor(k)
	lines := []string{s.T(lang.CandidateNoSeats, k.Name, s.WhereIn(reply.Where{Contest: ct}))}
	secs := []string{}
	if l := listLedBy(e, k); l != nil && l.Seats != nil {
		lines = append(lines, s.T(lang.ListLedByWon, s.Name(l), k.Name, s.Seats(l.Seats.Int())))
		secs = append(secs, l.Seats.Section)
	}
	if res := ct.Decisive().Result(k); res != nil && s.ResultFigures(res) != "" {
		lines = append(lines, s.T(lang.CandidateWonIn, k.Name, s.ResultFigures(res), s.WhereIn(where(ct, roundIfSeveral(ct, ct.Decisive()), true))))
		secs = append(secs, resultSection(res))
	}
	r := s.Refusal(e, joinLines(lines))
	r.Source = reply.SourceOf(e, secs...)
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
// or heads, or that bears their name ("Independent list of Ivana
// Bilić"), or nil.
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
	for _, l := range e.Contestants {
		if l.Kind == "" && len(knowledge.FoldTokens(k.Name)) > 1 && containsPhrase(l.Name, k.Name) {
			return l
		}
	}
	return nil
}

// candidateFigure states a candidate's votes or share: in the round the
// question names, else in every round the candidate stood in. A
// candidate out of the race by the round asked did not stand in it.
func candidateFigure(p party, get func(*knowledge.Result) *knowledge.Figure, what lang.Key) (string, string, bool) {
	k, ct, s := p.k, p.ct, p.say
	if p.round > 0 {
		r := ct.Round(p.round)
		if r == nil {
			return s.T(lang.NotInArticleWhy, s.T(lang.NoSuchRound, s.Contest(ct, reply.Nom), s.Round(p.round, reply.Nom))), "", false
		}
		res := r.Result(k)
		if res == nil {
			return notInRound(p, r)
		}
		if get(res) == nil {
			return p.missingIn(what, r)
		}
		return s.T(lang.CandidateWonIn, p.name, figureFirst(s, res, get), s.WhereIn(where(ct, r, false))), resultSection(res), true
	}
	var lines, secs []string
	for _, r := range ct.Rounds {
		res := r.Result(k)
		if res == nil || get(res) == nil {
			continue
		}
		if len(ct.Rounds) == 1 {
			lines = append(lines, s.T(lang.CandidateWon, p.name, figureFirst(s, res, get)))
		} else {
			lines = append(lines, s.T(lang.CandidateWonIn, p.name, figureFirst(s, res, get), s.WhereIn(where(ct, r, false))))
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
func figureFirst(s reply.Say, res *knowledge.Result, get func(*knowledge.Result) *knowledge.Figure) string {
	if get(res) == res.Votes && res.Votes != nil {
		if res.Share != nil {
			return s.Votes(res.Votes) + " (" + reply.Pct(res.Share) + ")"
		}
		return s.Votes(res.Votes)
	}
	return s.ResultFigures(res)
}

// notInRound says that a candidate did not stand in a round, and how they
// did in the last round they stood in.
func notInRound(p party, r *knowledge.Round) (string, string, bool) {
	ct, s := p.ct, p.say
	for n := r.Number - 1; n >= 1; n-- {
		prev := ct.Round(n)
		if res := prev.Result(p.k); res != nil {
			place := 0
			for i, x := range prev.Ranked() {
				if x == res {
					place = i + 1
				}
			}
			return s.T(lang.NotInRound, p.name, s.WhereIn(reply.Where{Round: r.Number}), upperFirst(s.WhereIn(reply.Where{Round: n})),
				placeLoc(s, place, 0), s.ResultFigures(res)), resultSection(res), true
		}
	}
	return s.T(lang.NotInArticleWhy, s.T(lang.NoResultForIn, p.name, s.WhereIn(where(ct, r, false)))), "", false
}

// missingIn says the article gives no such figure for the party in a
// round.
func (p party) missingIn(what lang.Key, r *knowledge.Round) (string, string, bool) {
	s := p.say
	return s.T(lang.NotInArticleWhy, s.T(lang.NoFigureForIn, s.T(what), p.name, s.WhereIn(where(p.ct, r, false)))), "", false
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
		return p.missing(lang.WhatParty)
	case k.Party == "":
		return p.missing(lang.WhatParty)
	case k.Independent():
		return p.say.T(lang.RanIndependent, p.name), "", true
	}
	party := k.Party
	if len(k.PartyNames) > 0 {
		party += " (" + k.PartyNames[0] + ")"
	}
	return p.say.T(lang.RanFor, p.name, party), "", true
}

// candidateSummary is the short answer to a bare candidate's name: their
// party and their figures in each round.
func candidateSummary(s reply.Say, e *knowledge.Election, k *knowledge.Contestant, round int) reply.Response {
	ct := e.ContestFor(k)
	p := party{e: e, k: k, name: k.Name, ct: ct, round: round, say: s}
	name := k.Name
	if k.Party != "" {
		name += " (" + k.Party + ")"
	}
	lines := []string{s.T(lang.StoodIn, name, s.WhereIn(reply.Where{Contest: ct}))}
	figs, sec, ok := candidateFigure(p, func(r *knowledge.Result) *knowledge.Figure { return r.Share }, lang.WhatShare)
	if ok {
		lines = append(lines, figs)
	}
	if ct.Winner() == k {
		lines = append(lines, s.T(lang.WonContest, k.Name, s.Contest(ct, reply.Gen)))
	}
	return s.Answer(e, joinLines(lines), sec)
}

// seatsNoneAtStake: seats asked of an election that filled an office and
// no assembly ("How many seats did the Democratic Party win?" of a
// mayoral election) are answered only by a passage that speaks of seats,
// another election's as the prose may tell; never by one about the office.
func seatsNoneAtStake(_ *Answerer, q *question) (reply.Response, verdict) {
	asks := asksSeats(q) || q.el == attrSeats
	if !asks || q.e == nil || len(q.e.Contests) == 0 || q.e.ContestOf(knowledge.ContestAssembly) != nil ||
		q.e.ContestOf(knowledge.ContestReferendum) != nil || q.e.Seats != nil {
		return reply.Response{}, next
	}
	q.mustHave = append(q.mustHave, []string{"seat", "mandat", "mjest", "mest"})
	q.proseOnly = true
	return reply.Response{}, toPassages
}
