package answer

import (
	"fmt"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// A roundFact is a figure every round of a contest has its own of: the
// turnout, the registered voters, the invalid votes. whole says it of the
// election; scoped of one round or contest, named by where ("second round
// of the mayoral election").
type roundFact struct {
	what          string // "turnout", for "it does not give the turnout"
	get           func(*knowledge.Round) *knowledge.Figure
	render        func(*knowledge.Figure) string
	whole, scoped string
}

// roundFacts are the figures of each round, by the intent that asks them.
var roundFacts = map[attr]roundFact{
	attrTurnout: {"turnout", func(r *knowledge.Round) *knowledge.Figure { return r.Turnout }, reply.Pct,
		"Turnout was %s.", "Turnout in the %s was %s."},
	attrRegistered: {"number of registered voters", func(r *knowledge.Round) *knowledge.Figure { return r.Registered }, reply.Num,
		"%s voters were registered.", "%[2]s voters were registered for the %[1]s."},
	attrInvalid: {"number of invalid votes", func(r *knowledge.Round) *knowledge.Figure { return r.Invalid }, reply.Num,
		"%s votes were invalid.", "%[2]s votes were invalid in the %[1]s."},
	attrValid: {"number of valid votes", func(r *knowledge.Round) *knowledge.Figure { return r.Valid }, reply.Num,
		"%s votes were valid.", "%[2]s votes were valid in the %[1]s."},
	attrVotesCast: {"number of votes cast", func(r *knowledge.Round) *knowledge.Figure { return r.Votes }, reply.Num,
		"%s votes were cast.", "%[2]s votes were cast in the %[1]s."},
}

// roundFactAnswer answers a figure of the rounds: of the round and
// contest the question names, else of every round of its contest, and of
// the other contests when it named none. A figure no round gives is
// refused, and a passage may still give it (q.fallback).
func roundFactAnswer(q *question, rf roundFact) reply.Response {
	e, sc := q.e, q.scope
	if r := oneRoundOnly(q); r.Text != "" {
		return r
	}
	several := contestsWithResults(e) > 1
	lines, secs := rf.lines(sc.c, sc.rounds(), several)
	if !sc.named {
		for _, ct := range e.Contests {
			if ct != sc.c {
				l, s := rf.lines(ct, ct.Rounds, true)
				lines, secs = append(lines, l...), append(secs, s...)
			}
		}
	}
	if len(lines) == 0 {
		q.fallback = true
		return reply.NotInArticle(e, fmt.Sprintf("it does not give the %s%s.", rf.what, ofWhere(where(sc.c, sc.roundOf(), several))))
	}
	return reply.Answer(e, joinLines(lines[:min(len(lines), 4)]), secs...)
}

// lines states the figure for each of the rounds of a contest that gives
// it: once when every round gives the same ("137,842 voters were
// registered").
func (rf roundFact) lines(ct *knowledge.Contest, rounds []*knowledge.Round, named bool) (lines, secs []string) {
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
		line := fmt.Sprintf(rf.whole, rf.render(f))
		if w != "" {
			line = fmt.Sprintf(rf.scoped, w, rf.render(f))
		}
		lines = append(lines, line+alsoNote(f, rf.render))
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
	label := reply.ContestLabel(sc.c)
	if len(sc.c.Rounds) == 1 {
		return reply.NotInArticle(q.e, fmt.Sprintf("the %s was decided in one round; there was no %s round.", label, reply.Ordinal(sc.round)))
	}
	return reply.NotInArticle(q.e, fmt.Sprintf("the %s had %d rounds, not %d.", label, len(sc.c.Rounds), sc.round))
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
// mayoral election", "first round", "City Assembly election"), "" for the
// only round of the only contest. named asks for the contest's name even
// so.
func where(ct *knowledge.Contest, r *knowledge.Round, named bool) string {
	label := ""
	if named && ct != nil {
		label = reply.ContestLabel(ct)
	}
	switch {
	case r == nil:
		return label
	case label == "":
		return reply.Ordinal(r.Number) + " round"
	}
	return reply.Ordinal(r.Number) + " round of the " + label
}

// ofWhere is " of the <where>" for a refusal, or "".
func ofWhere(w string) string {
	if w == "" {
		return ""
	}
	return " of the " + w
}

// alsoNote says what else the article gives for a figure it states
// twice, and where: " The infobox gives 8.65%." It is "" for a figure
// stated once.
func alsoNote(f *knowledge.Figure, render func(*knowledge.Figure) string) string {
	if f == nil || len(f.Also) == 0 {
		return ""
	}
	a := f.Also[0]
	return fmt.Sprintf(" The article gives %s in its %s section, and %s in the %s.", render(f), f.Section, render(a), a.Section)
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
		if w == "" {
			return reply.Response{}, false
		}
		lines = append(lines, fmt.Sprintf("The %s was held on %s.", w, r.Date.Text))
		secs = append(secs, r.Date.Section)
	}
	if len(lines) == 0 {
		if sc.round == 0 {
			return reply.Response{}, false
		}
		q.fallback = true
		return reply.NotInArticle(e, fmt.Sprintf("it does not give the date of the %s.", where(sc.c, sc.roundOf(), sc.c != e.MainContest()))), true
	}
	return reply.Answer(e, joinLines(lines), secs...), true
}
