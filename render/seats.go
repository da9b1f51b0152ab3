package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// SeatHolders are the lists that won seats: the infobox's order first,
// as the article has it; the rest by seats.
func SeatHolders(e *knowledge.Election) []*knowledge.Contestant {
	holders := e.SeatWinners()
	rest := holders
	for len(rest) > 0 && rest[0].Position > 0 {
		rest = rest[1:]
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Seats.Value > rest[j].Seats.Value })
	return holders
}

// SeatTotals says how many seats there were, and what is known of the
// lists beyond the holders.
func SeatTotals(say reply.Say, e *knowledge.Election, holders int) []string {
	total := e.SeatsKnown()
	if e.Seats == nil {
		return []string{say.T(lang.SeatsKnownNoSize, say.Seats(total))}
	}
	lines := []string{say.T(lang.SeatsInAll, say.Seats(e.Seats.Int()))}
	others := max(len(e.Ballots()), len(e.Contestants)) - holders
	switch {
	case total != e.Seats.Int():
		lines = append(lines, say.T(lang.SeatsPartial, total, e.Seats.Int()))
	case others > 0:
		lines = append(lines, say.T(lang.OtherListsNoSeats, others))
	}
	return lines
}

// MajorityLines say where the majority lies and who, if anyone, holds it.
func MajorityLines(say reply.Say, e *knowledge.Election) []string {
	var lines []string
	if e.Majority != nil {
		lines = append(lines, say.T(lang.MajorityTakes, say.Seats(e.Majority.Int())))
	}
	if m := e.MajorityHolder(); m != nil {
		lines = append(lines, say.T(lang.HoldsMajority, m.Name, say.Seats(m.Seats.Int())))
	} else if e.Majority != nil || e.Seats != nil {
		lines = append(lines, say.T(lang.NoMajority))
	}
	return lines
}

// Overview is the shape of /seats and /results: a titled summary in the
// winner's colour.
func Overview(title string, e *knowledge.Election, lines []string, fields []reply.Field, sections []string) reply.Response {
	resp := reply.Response{
		Title:   title,
		Text:    strings.Join(lines, " "),
		Fields:  fields,
		Source:  reply.SourceOf(e, sections...),
		Outcome: reply.Answered,
	}
	if w := e.Winner(); w != nil {
		resp.Colour = w.Colour
	}
	return resp
}

func SeatSummary(hs []*knowledge.Contestant) string {
	var parts []string
	for _, h := range hs {
		parts = append(parts, fmt.Sprintf("%s %d", h.Label(), h.Seats.Int()))
	}
	return strings.Join(parts, ", ")
}

// ResultFields gives one line per list with figures, and their sections.
func ResultFields(say reply.Say, e *knowledge.Election) ([]reply.Field, []string) {
	var fields []reply.Field
	var sections []string
	for _, k := range e.Contestants {
		if k.Seats == nil && k.Share == nil && k.Votes == nil {
			continue
		}
		fields = append(fields, reply.Field{Name: say.Name(k), Value: say.Result(e, k)})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
	}
	return fields, sections
}

// ResultsMissing says when the article has no results table.
func ResultsMissing(say reply.Say, e *knowledge.Election) []string {
	switch {
	case e.ResultsSection != "" && !e.ResultsTable:
		return []string{say.T(lang.NoResultsTable, e.ResultsSection)}
	case e.ResultsSection == "":
		return []string{say.T(lang.NoResultsSection)}
	}
	return nil
}

// VoteTotals are the election's vote counts that the article gives.
func VoteTotals(say reply.Say, e *knowledge.Election) []reply.Field {
	var fields []reply.Field
	for _, t := range []struct {
		name lang.Key
		f    *knowledge.Figure
	}{{lang.FieldVotesCast, e.Votes}, {lang.FieldValidVotes, e.Valid}, {lang.FieldInvalidVotes, e.Invalid}, {lang.FieldRegistered, e.Registered}} {
		if t.f != nil {
			fields = append(fields, reply.Field{Name: say.T(t.name), Value: reply.Num(t.f), Inline: true})
		}
	}
	return fields
}
