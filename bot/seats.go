package bot

import (
	"fmt"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// seats answers /seats: the lists that won seats, the assembly's size,
// the majority line and who holds it.
func (c *call) seats() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := noArgs("seats", rest); bad {
		return r
	}
	if !hasSeats(e) {
		return noSeats(e)
	}
	holders := seatHolders(e)
	if len(holders) == 0 {
		src := Source{Election: e.Title}
		text := "The article gives no seat counts per list."
		if e.Seats != nil {
			text += fmt.Sprintf(" It says %s were up for election.", reply.Seats(e.Seats.Int()))
			src.Section = e.Seats.Section
		}
		return Response{Title: "Seats — " + e.Title, Text: text, Source: src, Outcome: Refused}
	}
	var fields []Field
	var sections []string
	for _, h := range holders {
		v := reply.Seats(h.Seats.Int())
		if h.Share != nil {
			v += " · " + reply.Pct(h.Share)
		}
		fields = append(fields, Field{Name: h.DisplayName(), Value: v, Inline: true})
		sections = append(sections, h.Seats.Section)
	}
	lines := append(seatTotals(e, len(holders)), majorityLines(e)...)
	resp := overview("Seats", e, lines, fields, sections)
	c.attach(&resp, "seats.png", "Seat chart: "+seatSummary(holders), func(ch Charter) ([]byte, error) { return ch.Seats(e) })
	return resp
}

// seatHolders are the lists that won seats: the infobox's order first,
// as the article has it; the rest by seats.
func seatHolders(e *knowledge.Election) []*knowledge.Contestant {
	var holders []*knowledge.Contestant
	for _, h := range e.SeatHolders() {
		if h.Seats.Int() > 0 {
			holders = append(holders, h)
		}
	}
	sort.SliceStable(holders, func(i, j int) bool {
		a, b := holders[i], holders[j]
		if (a.Position > 0) != (b.Position > 0) {
			return a.Position > 0
		}
		return a.Position == 0 && a.Seats.Value > b.Seats.Value
	})
	return holders
}

// seatTotals says how many seats there were, and what is known of the
// lists beyond the holders.
func seatTotals(e *knowledge.Election, holders int) []string {
	total := e.SeatsKnown()
	if e.Seats == nil {
		return []string{fmt.Sprintf("%s known in all; the article does not state the assembly's size.", reply.Seats(total))}
	}
	lines := []string{fmt.Sprintf("%s in all.", reply.Seats(e.Seats.Int()))}
	others := max(len(e.Ballots()), len(e.Contestants)) - holders
	switch {
	case total != e.Seats.Int():
		lines = append(lines, fmt.Sprintf("The article gives seats for these lists only: %d of %d.", total, e.Seats.Int()))
	case others == 1:
		lines = append(lines, "The other list won no seats.")
	case others > 1:
		lines = append(lines, fmt.Sprintf("The other %d lists won no seats.", others))
	}
	return lines
}

// majorityLines say where the majority lies and who, if anyone, holds it.
func majorityLines(e *knowledge.Election) []string {
	var lines []string
	if e.Majority != nil {
		lines = append(lines, fmt.Sprintf("A majority takes %s.", reply.Seats(e.Majority.Int())))
	}
	if m := e.MajorityHolder(); m != nil {
		lines = append(lines, fmt.Sprintf("%s holds a majority with %s.", m.Name, reply.Seats(m.Seats.Int())))
	} else if e.Majority != nil || e.Seats != nil {
		lines = append(lines, "No list holds a majority on its own.")
	}
	return lines
}

// overview is the shape of /seats and /results: a titled summary in the
// winner's colour.
func overview(what string, e *knowledge.Election, lines []string, fields []Field, sections []string) Response {
	resp := Response{
		Title:   what + " — " + e.Title,
		Text:    strings.Join(lines, " "),
		Fields:  fields,
		Source:  Source{Election: e.Title, Section: reply.Sections(sections...)},
		Outcome: Answered,
	}
	if w := e.Winner(); w != nil {
		resp.Colour = w.Colour
	}
	return resp
}

func seatSummary(hs []*knowledge.Contestant) string {
	var parts []string
	for _, h := range hs {
		parts = append(parts, fmt.Sprintf("%s %d", h.Label(), h.Seats.Int()))
	}
	return strings.Join(parts, ", ")
}

// attach draws a chart into the response when the engine has a charter.
// A chart that fails to draw is logged and left out: the text still
// answers.
func (c *call) attach(r *Response, name, alt string, draw func(Charter) ([]byte, error)) {
	if c.engine.charts == nil {
		return
	}
	png, err := draw(c.engine.charts)
	if err != nil {
		c.engine.log.Warn("chart failed", "chart", name, "err", err)
		return
	}
	if len(png) > 0 {
		r.Image = &Image{Name: name, PNG: png, Alt: alt}
	}
}

// noArgs rejects arguments to commands that take none (other than an
// election).
func noArgs(cmd, rest string) (Response, bool) {
	if strings.TrimSpace(rest) == "" {
		return Response{}, false
	}
	return reply.Invalid("/%s takes no arguments other than an election year (like /%s 2014), and I don't know %s. For one party, try /party <name>.", cmd, cmd, reply.Quote(rest)), true
}

// results answers /results: every list's figures as the article gives
// them, the turnout and the vote totals, and what the article lacks.
func (c *call) results() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := noArgs("results", rest); bad {
		return r
	}
	if !hasSeats(e) || len(e.Contests) > 1 {
		return c.contestsResults(e)
	}
	fields, sections := resultFields(e)
	lines := resultsMissing(e)
	if len(fields) == 0 {
		lines = append(lines, "It gives no seats or shares per list either.")
		return Response{Title: "Results — " + e.Title, Text: strings.Join(lines, " "), Source: Source{Election: e.Title}, Outcome: Refused}
	}
	if !e.ResultsTable {
		lines = append(lines, "These figures come from the infobox:")
	}
	if e.AllSeatsAccounted() && len(e.Ballots()) > len(e.SeatHolders()) {
		fields = append(fields, Field{Name: "Other lists", Value: fmt.Sprintf("no seats (the lists above hold all %d)", e.Seats.Int())})
	}
	if e.Turnout != nil {
		fields = append(fields, Field{Name: "Turnout", Value: reply.Pct(e.Turnout), Inline: true})
		sections = append(sections, e.Turnout.Section)
	}
	resp := overview("Results", e, lines, append(fields, voteTotals(e)...), sections)
	c.attach(&resp, "results.png", "Bar chart of vote shares", func(ch Charter) ([]byte, error) { return ch.Results(e) })
	return resp
}

// contestsResults answers /results for an election of another shape or
// of several contests: each contest's outcome and figures, the first
// round and the run-off side by side. The chart shows the main contest's
// (first-round) shares.
func (c *call) contestsResults(e *knowledge.Election) Response {
	var lines, sections []string
	var fields []Field
	main := e.MainContest()
	if hasSeats(e) {
		fs, secs := resultFields(e)
		for i := range fs {
			fs[i].Name = main.Title + " — " + fs[i].Name
		}
		if l := reply.ContestOutcome(e, main); l != "" {
			lines = append(lines, l)
		}
		fields, sections = append(fields, fs...), append(sections, secs...)
		fields = append(fields, roundFields(main, main.Title+" — ")...)
	}
	for _, ct := range e.Contests {
		if ct == main && hasSeats(e) {
			continue
		}
		l, fs, secs := contestResults(e, ct)
		if l != "" {
			lines = append(lines, l)
		}
		fields, sections = append(fields, fs...), append(sections, secs...)
	}
	if len(fields) == 0 {
		return Response{Title: "Results — " + e.Title, Text: "The article gives no results: no votes, shares or seats.", Source: Source{Election: e.Title}, Outcome: Refused}
	}
	resp := overview("Results", e, lines, fields, sections)
	c.attach(&resp, "results.png", "Bar chart of vote shares", func(ch Charter) ([]byte, error) { return ch.Results(e) })
	return resp
}

// resultFields gives one line per list with figures, and their sections.
func resultFields(e *knowledge.Election) ([]Field, []string) {
	var fields []Field
	var sections []string
	for _, k := range e.Contestants {
		if k.Seats == nil && k.Share == nil && k.Votes == nil {
			continue
		}
		fields = append(fields, Field{Name: k.DisplayName(), Value: reply.Result(e, k)})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
	}
	return fields, sections
}

// resultsMissing says when the article has no results table.
func resultsMissing(e *knowledge.Election) []string {
	switch {
	case e.ResultsSection != "" && !e.ResultsTable:
		return []string{fmt.Sprintf("The article's %q section has no results table, so per-list vote counts are missing.", e.ResultsSection)}
	case e.ResultsSection == "":
		return []string{"The article has no results section or table."}
	}
	return nil
}

// voteTotals are the election's vote counts that the article gives.
func voteTotals(e *knowledge.Election) []Field {
	var fields []Field
	for _, t := range []struct {
		name string
		f    *knowledge.Figure
	}{{"Votes cast", e.Votes}, {"Valid votes", e.Valid}, {"Invalid votes", e.Invalid}, {"Registered voters", e.Registered}} {
		if t.f != nil {
			fields = append(fields, Field{Name: t.name, Value: reply.Num(t.f), Inline: true})
		}
	}
	return fields
}
