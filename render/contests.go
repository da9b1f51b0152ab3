package render

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// HasSeats reports whether the election elected an assembly with seats
// (the main contest is one).
func HasSeats(e *knowledge.Election) bool {
	m := e.MainContest()
	return m == nil || m.Kind == knowledge.ContestAssembly
}

// ContestResults renders one contest for /results: its outcome in a
// sentence, and its figures as fields (candidates round by round, or a
// referendum's answers), each field named after the contest when the
// article has several.
func ContestResults(s reply.Say, e *knowledge.Election, ct *knowledge.Contest) (line string, fields []reply.Field, sections []string) {
	prefix := ""
	if len(e.Contests) > 1 {
		prefix = ct.Title + " — "
	}
	line = s.ContestOutcome(e, ct)
	if ct.Kind == knowledge.ContestReferendum {
		fields, sections = referendumFields(s, ct)
		if len(ct.FirstRound().Results) == 0 {
			line = s.T(lang.NoReferendumFigures)
		}
	} else {
		fields, sections = candidateFields(s, ct, prefix)
	}
	fields = append(fields, RoundFields(s, ct, prefix)...)
	return line, fields, sections
}

// candidateFields gives one field per candidate: party, then every round's
// figures side by side ("1st round 34.86% · 281,402 votes | 2nd round
// 46.13% · 401,511 votes"), and one for the candidates given only
// together.
func candidateFields(s reply.Say, ct *knowledge.Contest, prefix string) ([]reply.Field, []string) {
	var fields []reply.Field
	var sections []string
	for _, res := range ct.FirstRound().Ranked() {
		k := res.Contestant
		var parts []string
		for _, r := range ct.Rounds {
			if x := r.Result(k); x != nil && s.ResultFigures(x) != "" {
				parts = append(parts, roundPart(s, ct, r, x))
				sections = append(sections, ResultSections(x)...)
			}
		}
		if len(parts) == 0 {
			parts = append(parts, s.T(lang.NoVotesGiven))
		}
		fields = append(fields, reply.Field{Name: prefix + candidateName(s, k), Value: strings.Join(parts, " | ")})
	}
	for _, r := range ct.Rounds {
		for _, o := range r.Others {
			fields = append(fields, reply.Field{Name: prefix + o.Name, Value: roundPart(s, ct, r, o)})
		}
	}
	return fields, sections
}

// roundPart is one round's figures of a result: "2nd round 53.87% ·
// 468,930 votes", without the round for a contest of one.
func roundPart(s reply.Say, ct *knowledge.Contest, r *knowledge.Round, res *knowledge.Result) string {
	var figs []string
	if res.Share != nil {
		figs = append(figs, reply.Pct(res.Share))
	}
	if res.Votes != nil {
		figs = append(figs, s.Votes(res.Votes))
	}
	if len(ct.Rounds) == 1 {
		return strings.Join(figs, " · ")
	}
	return s.RoundName(r) + " " + strings.Join(figs, " · ")
}

func allSame(vs []string) bool {
	for _, v := range vs[1:] {
		if v != vs[0] {
			return false
		}
	}
	return true
}

// candidateName is a candidate with their party: "Ivan Radić (HDZ)".
func candidateName(s reply.Say, k *knowledge.Contestant) string {
	if k.Kind == knowledge.KindCandidate && k.Party != "" {
		return k.Name + " (" + k.Party + ")"
	}
	return s.Name(k)
}

func ResultSections(res *knowledge.Result) []string {
	var out []string
	for _, f := range []*knowledge.Figure{res.Votes, res.Share, res.Seats} {
		if f != nil {
			out = append(out, f.Section)
		}
	}
	return out
}

// referendumFields gives the answers' votes and shares, and what the
// referendum needed.
func referendumFields(s reply.Say, ct *knowledge.Contest) ([]reply.Field, []string) {
	var fields []reply.Field
	var sections []string
	for _, res := range ct.FirstRound().Results {
		if v := s.ResultFigures(res); v != "" {
			fields = append(fields, reply.Field{Name: s.OptionName(ct, res.Contestant), Value: v, Inline: true})
			sections = append(sections, ResultSections(res)...)
		}
	}
	if ct.Question != nil {
		fields = append([]reply.Field{{Name: s.T(lang.FieldQuestion), Value: ct.Question.Text}}, fields...)
		sections = append(sections, ct.Question.Section)
	}
	if q := ct.Requirement; q != nil {
		v := q.Text
		if met, known := ct.RequirementMet(); known && met {
			v += s.T(lang.RequirementMetMark)
		} else if known {
			v += s.T(lang.RequirementNotMetMark)
		}
		fields = append(fields, reply.Field{Name: s.T(lang.FieldRequirement), Value: v})
		sections = append(sections, q.Section)
	}
	return fields, sections
}

// RoundFields gives each round's date, turnout and vote totals, the
// rounds side by side.
func RoundFields(s reply.Say, ct *knowledge.Contest, prefix string) []reply.Field {
	var fields []reply.Field
	for _, row := range []struct {
		name lang.Key
		get  func(*knowledge.Round) string
	}{
		{lang.FieldDate, func(r *knowledge.Round) string { return s.Date(factText(r.Date)) }},
		{lang.FieldTurnout, func(r *knowledge.Round) string { return reply.Pct(r.Turnout) }},
		{lang.FieldVotesCast, func(r *knowledge.Round) string { return reply.Num(r.Votes) }},
		{lang.FieldInvalidVotes, func(r *knowledge.Round) string { return reply.Num(r.Invalid) }},
		{lang.FieldRegistered, func(r *knowledge.Round) string { return reply.Num(r.Registered) }},
	} {
		var parts, values []string
		for _, r := range ct.Rounds {
			if v := row.get(r); v != "" {
				values = append(values, v)
				if len(ct.Rounds) > 1 {
					v = s.RoundName(r) + " " + v
				}
				parts = append(parts, v)
			}
		}
		if len(values) > 1 && allSame(values) {
			parts = values[:1] // the same in every round: once
		}
		if len(parts) > 0 {
			fields = append(fields, reply.Field{Name: prefix + s.T(row.name), Value: strings.Join(parts, " | "), Inline: true})
		}
	}
	return fields
}

func factText(f *knowledge.Fact) string {
	if f == nil {
		return ""
	}
	return f.Text
}

// LedList returns the list that a candidate leads or heads, or nil.
func LedList(e *knowledge.Election, k *knowledge.Contestant) *knowledge.Contestant {
	for _, l := range e.Contestants {
		if l.Kind == "" && ((l.Leader != "" && knowledge.Fold(l.Leader) == knowledge.Fold(k.Name)) ||
			(l.Carrier != "" && knowledge.Fold(l.Carrier) == knowledge.Fold(k.Name))) {
			return l
		}
	}
	return nil
}

// Placed is a result with its place in the round: "28.15% (227,210
// votes), 2nd of 8".
func Placed(s reply.Say, r *knowledge.Round, res *knowledge.Result) string {
	ranked := r.Ranked()
	for i, x := range ranked {
		switch {
		case x != res:
		case len(r.Others) > 0:
			return s.ResultFigures(res) + ", " + placeNth(s, i+1) // some candidates only together
		default:
			return s.T(lang.PlacedOf, s.ResultFigures(res), placeNth(s, i+1), len(ranked))
		}
	}
	return s.ResultFigures(res)
}

// placeNth is a place in figures: "2nd"; in Serbian "2.".
func placeNth(s reply.Say, n int) string {
	switch n {
	case 1:
		return s.T(lang.PlaceAbbrFirst)
	case 2:
		return s.T(lang.PlaceAbbrSecond)
	case 3:
		return s.T(lang.PlaceAbbrThird)
	}
	return s.T(lang.PlaceAbbrNth, n)
}
