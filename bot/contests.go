package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// The commands follow the shape of the election: an assembly's lists and
// seats, a contest of candidates round by round, a referendum's answers.
// This file renders the contests that are not an assembly of lists.

// hasSeats reports whether the election elected an assembly with seats
// (the main contest is one).
func hasSeats(e *knowledge.Election) bool {
	m := e.MainContest()
	return m == nil || m.Kind == knowledge.ContestAssembly
}

// noSeats answers /seats for an election that filled no seats: a
// president, a mayor alone, a referendum.
func (c *call) noSeats(e *knowledge.Election) Response {
	m := e.MainContest()
	text := c.say.T(lang.SeatsNoneOnePerson, e.Title)
	if m.Kind == knowledge.ContestReferendum {
		text = c.say.T(lang.SeatsNoneReferendum, e.Title)
	}
	return Response{Title: c.say.T(lang.TitleSeats, e.Title), Text: text, Source: reply.SourceOf(e), Outcome: Refused}
}

// contestResults renders one contest for /results: its outcome in a
// sentence, and its figures as fields (candidates round by round, or a
// referendum's answers), each field named after the contest when the
// article has several.
func contestResults(s reply.Say, e *knowledge.Election, ct *knowledge.Contest) (line string, fields []Field, sections []string) {
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
	fields = append(fields, roundFields(s, ct, prefix)...)
	return line, fields, sections
}

// candidateFields gives one field per candidate: party, then every round's
// figures side by side ("1st round 34.86% · 281,402 votes | 2nd round
// 46.13% · 401,511 votes"), and one for the candidates given only
// together.
func candidateFields(s reply.Say, ct *knowledge.Contest, prefix string) ([]Field, []string) {
	var fields []Field
	var sections []string
	for _, res := range ct.FirstRound().Ranked() {
		k := res.Contestant
		var parts []string
		for _, r := range ct.Rounds {
			if x := r.Result(k); x != nil && s.ResultFigures(x) != "" {
				parts = append(parts, roundPart(s, ct, r, x))
				sections = append(sections, resultSections(x)...)
			}
		}
		if len(parts) == 0 {
			parts = append(parts, s.T(lang.NoVotesGiven))
		}
		fields = append(fields, Field{Name: prefix + candidateName(s, k), Value: strings.Join(parts, " | ")})
	}
	for _, r := range ct.Rounds {
		for _, o := range r.Others {
			fields = append(fields, Field{Name: prefix + o.Name, Value: roundPart(s, ct, r, o)})
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

func resultSections(res *knowledge.Result) []string {
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
func referendumFields(s reply.Say, ct *knowledge.Contest) ([]Field, []string) {
	var fields []Field
	var sections []string
	for _, res := range ct.FirstRound().Results {
		if v := s.ResultFigures(res); v != "" {
			fields = append(fields, Field{Name: s.OptionName(ct, res.Contestant), Value: v, Inline: true})
			sections = append(sections, resultSections(res)...)
		}
	}
	if ct.Question != nil {
		fields = append([]Field{{Name: s.T(lang.FieldQuestion), Value: ct.Question.Text}}, fields...)
		sections = append(sections, ct.Question.Section)
	}
	if q := ct.Requirement; q != nil {
		v := q.Text
		if met, known := ct.RequirementMet(); known && met {
			v += s.T(lang.RequirementMetMark)
		} else if known {
			v += s.T(lang.RequirementNotMetMark)
		}
		fields = append(fields, Field{Name: s.T(lang.FieldRequirement), Value: v})
		sections = append(sections, q.Section)
	}
	return fields, sections
}

// roundFields gives each round's date, turnout and vote totals, the
// rounds side by side.
func roundFields(s reply.Say, ct *knowledge.Contest, prefix string) []Field {
	var fields []Field
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
			fields = append(fields, Field{Name: prefix + s.T(row.name), Value: strings.Join(parts, " | "), Inline: true})
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

// noLists answers /list for an election contested by candidates, or a
// referendum, which had no ballot lists.
func (c *call) noLists(e *knowledge.Election) Response {
	text := c.say.T(lang.ListsNoneCandidates, e.Title)
	if e.MainContest().Kind == knowledge.ContestReferendum {
		text = c.say.T(lang.ListsNoneReferendum, e.Title)
	}
	return Response{Text: text, Source: reply.SourceOf(e), Outcome: Refused}
}

// candidateProfile is /candidate (or /party) for a candidate: party,
// ballot number, every round's figures and polls.
func (c *call) candidateProfile(e *knowledge.Election, k *knowledge.Contestant) Response {
	s := c.say
	ct := e.ContestFor(k)
	contest := ct.Title
	if s.Serbian() {
		contest = s.Contest(ct, reply.Nom)
	}
	fields := []Field{{Name: s.T(lang.FieldContest), Value: contest, Inline: true}}
	if k.Party != "" {
		fields = append(fields, Field{Name: s.T(lang.FieldParty), Value: k.Party, Inline: true})
	}
	if k.Ballot > 0 {
		fields = append(fields, Field{Name: s.T(lang.FieldBallotNumber), Value: fmt.Sprint(k.Ballot), Inline: true})
	}
	var sections []string
	for _, r := range ct.Rounds {
		res := r.Result(k)
		if res == nil || s.ResultFigures(res) == "" {
			continue
		}
		name := s.T(lang.FieldResult)
		if len(ct.Rounds) > 1 {
			name = s.RoundName(r)
		}
		fields = append(fields, Field{Name: name, Value: placed(s, r, res), Inline: true})
		sections = append(sections, resultSections(res)...)
	}
	if ct.Winner() == k {
		fields = append(fields, Field{Name: s.T(lang.FieldOutcome), Value: s.T(lang.OutcomeElected), Inline: true})
	}
	fields, sections = c.pollFields(e, k, fields, sections)
	return Response{Title: k.Name, Fields: fields, Colour: k.Colour,
		Source: reply.SourceOf(e, sections...), Outcome: Answered}
}

// ledList returns the list that a candidate leads or heads, or nil.
func ledList(e *knowledge.Election, k *knowledge.Contestant) *knowledge.Contestant {
	for _, l := range e.Contestants {
		if l.Kind == "" && ((l.Leader != "" && knowledge.Fold(l.Leader) == knowledge.Fold(k.Name)) ||
			(l.Carrier != "" && knowledge.Fold(l.Carrier) == knowledge.Fold(k.Name))) {
			return l
		}
	}
	return nil
}

// placed is a result with its place in the round: "28.15% (227,210
// votes), 2nd of 8".
func placed(s reply.Say, r *knowledge.Round, res *knowledge.Result) string {
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
