package answer

import (
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// A roundFact is a figure every round of a contest has its own of: the
// turnout, the registered voters, the invalid votes. whole says it of the
// election; scoped of one round or contest, named by where ("second round
// of the mayoral election").
type roundFact struct {
	what          lang.Key // "turnout", for "it does not give the turnout"
	get           func(*knowledge.Round) *knowledge.Figure
	render        func(*knowledge.Figure) string
	whole, scoped lang.Key // scoped's first argument is where, after "in"
}

// roundFacts are the figures of each round, by the intent that asks them.
var roundFacts = map[attr]roundFact{
	attrTurnout: {lang.WhatTurnout, func(r *knowledge.Round) *knowledge.Figure { return r.Turnout }, reply.Pct,
		lang.AnsTurnout, lang.TurnoutIn},
	attrRegistered: {lang.WhatRegistered, func(r *knowledge.Round) *knowledge.Figure { return r.Registered }, reply.Num,
		lang.AnsRegistered, lang.RegisteredIn},
	attrInvalid: {lang.WhatInvalid, func(r *knowledge.Round) *knowledge.Figure { return r.Invalid }, reply.Num,
		lang.AnsInvalid, lang.InvalidIn},
	attrValid: {lang.WhatValid, func(r *knowledge.Round) *knowledge.Figure { return r.Valid }, reply.Num,
		lang.AnsValid, lang.ValidIn},
	attrVotesCast: {lang.WhatVotesCast, func(r *knowledge.Round) *knowledge.Figure { return r.Votes }, reply.Num,
		lang.AnsVotesCast, lang.VotesCastIn},
}

// roundFactAnswer answers a figure of the rounds: of the round and
// contest the question names, else of every round of its contest, and of
// the other contests when it named none. A figure no round gives is
// refused, and a passage may still give it (q.fallback).
func roundFactAnswer(q *question, rf roundFact) reply.Response {
	e, sc, s := q.e, q.scope, q.say
	if r := oneRoundOnly(q); r.Text != "" {
		return r
	}
	several := contestsWithResults(e) > 1
	lines, secs := rf.lines(s, sc.c, sc.rounds(), several)
	if !sc.named {
		for _, ct := range e.Contests {
			if ct != sc.c {
				l, ls := rf.lines(s, ct, ct.Rounds, true)
				lines, secs = append(lines, l...), append(secs, ls...)
			}
		}
	}
	if len(lines) == 0 {
		q.fallback = true
		return s.NotInArticle(e, notGivenOf(s, rf.what, where(sc.c, sc.roundOf(), several)))
	}
	return s.Answer(e, joinLines(lines[:min(len(lines), 4)]), secs...)
}

// notGivenOf says the article does not give a figure of a round or
// contest: "it does not give the turnout of the second round".
func notGivenOf(s reply.Say, what lang.Key, w reply.Where) string {
	if w.Empty() {
		return s.T(lang.NotGiven, s.T(what))
	}
	return s.T(lang.NotGivenOf, s.T(what), s.WhereOf(w))
}

// lines states the figure for each of the rounds of a contest that gives
// it: once when every round gives the same ("137,842 voters were
// registered").
func (rf roundFact) lines(s reply.Say, ct *knowledge.Contest, rounds []*knowledge.Round, named bool) (lines, secs []string) {
	var figs []*knowledge.Figure
	var of []*knowledge.Round
	for _, r := range rounds {
		if f := rf.get(r); f != nil {
			figs, of = append(figs, f), append(of, r)
		}
	}
	same := len(figs) > 1
	for _, f := range figs[min(1, len(figs)):] {
		same = same && f.Value == figs[0].Value
	}
	if same {
		figs, of = figs[:1], []*knowledge.Round{nil}
	}
	for i, f := range figs {
		r := of[i]
		if len(ct.Rounds) == 1 {
			r = nil
		}
		w := where(ct, r, named)
		line := s.T(rf.whole, rf.render(f))
		if !w.Empty() {
			line = s.T(rf.scoped, s.WhereIn(w), rf.render(f))
		}
		lines = append(lines, line+alsoNote(s, f, rf.render))
		secs = append(secs, f.Section)
	}
	return lines, secs
}

// oneRoundOnly refuses a question about a round the contest did not have
// ("the second round" of an assembly election), or returns nothing.
func oneRoundOnly(q *question) reply.Response {
	sc := q.scope
	if sc.c == nil || sc.round == 0 || sc.c.Round(sc.round) != nil {
		return reply.Response{}
	}
	s := q.say
	label := s.Contest(sc.c, reply.Nom)
	if len(sc.c.Rounds) == 1 {
		return s.NotInArticle(q.e, s.T(lang.OneRoundNoSuch, label, s.Round(sc.round, reply.Nom)))
	}
	return s.NotInArticle(q.e, s.T(lang.ContestRounds, label, len(sc.c.Rounds), sc.round))
}

// contestsWithResults counts the contests the article gives figures for.
func contestsWithResults(e *knowledge.Election) int {
	n := 0
	for _, ct := range e.Contests {
		if len(ct.FirstRound().Results) > 0 || ct.FirstRound().Turnout != nil {
			n++
		}
	}
	return n
}

// where names a round of a contest for a sentence ("second round of the
// mayoral election", "first round", "City Assembly election"; worded in
// a case by reply.Say), nothing for the only round of the only contest.
// named asks for the contest's name even so.
func where(ct *knowledge.Contest, r *knowledge.Round, named bool) reply.Where {
	var w reply.Where
	if named && ct != nil {
		w.Contest = ct
	}
	if r != nil {
		w.Round = r.Number
	}
	return w
}

// alsoNote says what else the article gives for a figure it states
// twice, and where: " The infobox gives 8.65%." It is "" for a figure
// stated once.
func alsoNote(s reply.Say, f *knowledge.Figure, render func(*knowledge.Figure) string) string {
	if f == nil || len(f.Also) == 0 {
		return ""
	}
	a := f.Also[0]
	return " " + s.T(lang.AlsoGiven, render(f), f.Section, render(a), a.Section)
}

// joinLines joins sentences into one answer.
func joinLines(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += " "
		}
		out += l
	}
	return out
}

// roundDates answers when the rounds of a contest were held, for a
// contest of several rounds or one beside the main contest; ok is false
// when the election's date answers.
func roundDates(q *question) (reply.Response, bool) {
	e, sc := q.e, q.scope
	if sc.c == nil || (len(sc.c.Rounds) < 2 && sc.c == e.MainContest()) {
		return reply.Response{}, false
	}
	var lines, secs []string
	for _, r := range sc.rounds() {
		if r.Date == nil {
			continue
		}
		of := r
		if len(sc.c.Rounds) == 1 {
			of = nil
		}
		w := where(sc.c, of, sc.c != e.MainContest())
		if w.Empty() {
			return reply.Response{}, false
		}
		lines = append(lines, q.say.T(lang.HeldOn, q.say.WhereName(w), q.say.Date(r.Date.Text)))
		secs = append(secs, r.Date.Section)
	}
	if len(lines) == 0 {
		if sc.round == 0 {
			return reply.Response{}, false
		}
		q.fallback = true
		return q.say.NotInArticle(e, q.say.T(lang.NoDateOf, q.say.WhereOf(where(sc.c, sc.roundOf(), sc.c != e.MainContest())))), true
	}
	return q.say.Answer(e, joinLines(lines), secs...), true
}
