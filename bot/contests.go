package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
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
func noSeats(e *knowledge.Election) Response {
	m := e.MainContest()
	text := fmt.Sprintf("The %s elected one person, so no seats were won. /results shows the candidates' votes round by round.", e.Title)
	if m.Kind == knowledge.ContestReferendum {
		text = fmt.Sprintf("The %s was a referendum, so no seats were won. /results shows how the votes went.", e.Title)
	}
	return Response{Title: "Seats — " + e.Title, Text: text, Source: Source{Election: e.Title}, Outcome: Refused}
}

// contestResults renders one contest for /results: its outcome in a
// sentence, and its figures as fields (candidates round by round, or a
// referendum's answers), each field named after the contest when the
// article has several.
func contestResults(e *knowledge.Election, ct *knowledge.Contest) (line string, fields []Field, sections []string) {
	prefix := ""
	if len(e.Contests) > 1 {
		prefix = ct.Title + " — "
	}
	line = reply.ContestOutcome(e, ct)
	if ct.Kind == knowledge.ContestReferendum {
		fields, sections = referendumFields(ct)
		if len(ct.FirstRound().Results) == 0 {
			line = "The article gives no vote figures for the referendum."
		}
	} else {
		fields, sections = candidateFields(ct, prefix)
	}
	fields = append(fields, roundFields(ct, prefix)...)
	return line, fields, sections
}

// candidateFields gives one field per candidate: party, then every round's
// figures side by side ("1st round 34.86% · 281,402 votes | 2nd round
// 46.13% · 401,511 votes"), and one for the candidates given only
// together.
func candidateFields(ct *knowledge.Contest, prefix string) ([]Field, []string) {
	var fields []Field
	var sections []string
	for _, res := range ct.FirstRound().Ranked() {
		k := res.Contestant
		var parts []string
		for _, r := range ct.Rounds {
			if x := r.Result(k); x != nil && reply.ResultFigures(x) != "" {
				parts = append(parts, roundPart(ct, r, x))
				sections = append(sections, resultSections(x)...)
			}
		}
		if len(parts) == 0 {
			parts = append(parts, "the article gives no votes")
		}
		fields = append(fields, Field{Name: prefix + candidateName(k), Value: strings.Join(parts, " | ")})
	}
	for _, r := range ct.Rounds {
		for _, o := range r.Others {
			fields = append(fields, Field{Name: prefix + o.Name, Value: roundPart(ct, r, o)})
		}
	}
	return fields, sections
}

// roundPart is one round's figures of a result: "2nd round 53.87% ·
// 468,930 votes", without the round for a contest of one.
func roundPart(ct *knowledge.Contest, r *knowledge.Round, res *knowledge.Result) string {
	var figs []string
	if res.Share != nil {
		figs = append(figs, reply.Pct(res.Share))
	}
	if res.Votes != nil {
		figs = append(figs, reply.Num(res.Votes)+" votes")
	}
	if len(ct.Rounds) == 1 {
		return strings.Join(figs, " · ")
	}
	return fmt.Sprintf("%s %s", roundName(r), strings.Join(figs, " · "))
}

// roundName is how the article names a round ("Second round"), else
// "Round 2".
func roundName(r *knowledge.Round) string {
	if r.Name != "" {
		return r.Name
	}
	return fmt.Sprintf("Round %d", r.Number)
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
func candidateName(k *knowledge.Contestant) string {
	if k.Kind == knowledge.KindCandidate && k.Party != "" {
		return fmt.Sprintf("%s (%s)", k.Name, k.Party)
	}
	return k.DisplayName()
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
func referendumFields(ct *knowledge.Contest) ([]Field, []string) {
	var fields []Field
	var sections []string
	for _, res := range ct.FirstRound().Results {
		if v := reply.ResultFigures(res); v != "" {
			fields = append(fields, Field{Name: res.Contestant.Name, Value: v, Inline: true})
			sections = append(sections, resultSections(res)...)
		}
	}
	if ct.Question != nil {
		fields = append([]Field{{Name: "Question", Value: ct.Question.Text}}, fields...)
		sections = append(sections, ct.Question.Section)
	}
	if q := ct.Requirement; q != nil {
		v := q.Text
		if met, known := ct.RequirementMet(); known && met {
			v += " (met)"
		} else if known {
			v += " (not met)"
		}
		fields = append(fields, Field{Name: "Requirement", Value: v})
		sections = append(sections, q.Section)
	}
	return fields, sections
}

// roundFields gives each round's date, turnout and vote totals, the
// rounds side by side.
func roundFields(ct *knowledge.Contest, prefix string) []Field {
	var fields []Field
	for _, row := range []struct {
		name string
		get  func(*knowledge.Round) string
	}{
		{"Date", func(r *knowledge.Round) string { return factText(r.Date) }},
		{"Turnout", func(r *knowledge.Round) string { return reply.Pct(r.Turnout) }},
		{"Votes cast", func(r *knowledge.Round) string { return reply.Num(r.Votes) }},
		{"Invalid votes", func(r *knowledge.Round) string { return reply.Num(r.Invalid) }},
		{"Registered voters", func(r *knowledge.Round) string { return reply.Num(r.Registered) }},
	} {
		var parts, values []string
		for _, r := range ct.Rounds {
			if v := row.get(r); v != "" {
				values = append(values, v)
				if len(ct.Rounds) > 1 {
					v = fmt.Sprintf("%s %s", roundName(r), v)
				}
				parts = append(parts, v)
			}
		}
		if len(values) > 1 && allSame(values) {
			parts = values[:1] // the same in every round: once
		}
		if len(parts) > 0 {
			fields = append(fields, Field{Name: prefix + row.name, Value: strings.Join(parts, " | "), Inline: true})
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
func noLists(e *knowledge.Election) Response {
	text := fmt.Sprintf("The %s was contested by candidates, not lists: /results shows them all and /candidate <name> one of them.", e.Title)
	if e.MainContest().Kind == knowledge.ContestReferendum {
		text = fmt.Sprintf("The %s was a referendum, with no lists on the ballot: /results shows how the votes went.", e.Title)
	}
	return Response{Text: text, Source: Source{Election: e.Title}, Outcome: Refused}
}

// candidateProfile is /candidate (or /party) for a candidate: party,
// ballot number, every round's figures and polls.
func (c *call) candidateProfile(e *knowledge.Election, k *knowledge.Contestant) Response {
	ct := e.ContestFor(k)
	fields := []Field{{Name: "Contest", Value: ct.Title, Inline: true}}
	if k.Party != "" {
		fields = append(fields, Field{Name: "Party", Value: k.Party, Inline: true})
	}
	if k.Ballot > 0 {
		fields = append(fields, Field{Name: "Ballot number", Value: fmt.Sprint(k.Ballot), Inline: true})
	}
	var sections []string
	for _, r := range ct.Rounds {
		res := r.Result(k)
		if res == nil || reply.ResultFigures(res) == "" {
			continue
		}
		name := "Result"
		if len(ct.Rounds) > 1 {
			name = roundName(r)
		}
		fields = append(fields, Field{Name: name, Value: placed(r, res), Inline: true})
		sections = append(sections, resultSections(res)...)
	}
	if ct.Winner() == k {
		fields = append(fields, Field{Name: "Outcome", Value: "Elected", Inline: true})
	}
	fields, sections = pollFields(e, k, fields, sections)
	return Response{Title: k.Name, Fields: fields, Colour: k.Colour,
		Source: Source{Election: e.Title, Section: reply.Sections(sections...)}, Outcome: Answered}
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
func placed(r *knowledge.Round, res *knowledge.Result) string {
	ranked := r.Ranked()
	for i, x := range ranked {
		switch {
		case x != res:
		case len(r.Others) > 0:
			return fmt.Sprintf("%s, %s", reply.ResultFigures(res), placeNth(i+1)) // some candidates only together
		default:
			return fmt.Sprintf("%s, %s of %d", reply.ResultFigures(res), placeNth(i+1), len(ranked))
		}
	}
	return reply.ResultFigures(res)
}

func placeNth(n int) string {
	switch n {
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return fmt.Sprintf("%dth", n)
}
