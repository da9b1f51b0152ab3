package bot

import (
	"fmt"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// seats answers /seats: the lists that won seats, the assembly's size,
// the majority line and who holds it.
func (c *call) seats() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := c.noArgs("seats", rest); bad {
		return r
	}
	if !hasSeats(e) {
		return c.noSeats(e)
	}
	holders := seatHolders(e)
	if len(holders) == 0 {
		src := reply.SourceOf(e)
		text := c.say.T(lang.NoSeatCounts)
		if e.Seats != nil {
			text += " " + c.say.T(lang.SeatsUpForElection, c.say.Seats(e.Seats.Int()))
			src = reply.SourceOf(e, e.Seats.Section)
		}
		return Response{Title: c.say.T(lang.TitleSeats, e.Title), Text: text, Source: src, Outcome: Refused}
	}
	var fields []Field
	var sections []string
	for _, h := range holders {
		v := c.say.Seats(h.Seats.Int())
		if h.Share != nil {
			v += " · " + reply.Pct(h.Share)
		}
		fields = append(fields, Field{Name: c.say.Name(h), Value: v, Inline: true})
		sections = append(sections, h.Seats.Section)
	}
	lines := append(c.seatTotals(e, len(holders)), c.majorityLines(e)...)
	resp := overview(c.say.T(lang.TitleSeats, e.Title), e, lines, fields, sections)
	c.attach(&resp, e.ID+"/seats", "seats.png", c.say.T(lang.SeatChartAlt, seatSummary(holders)), func(ch Charter) ([]byte, error) { return ch.Seats(e, c.say.Lang) })
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
func (c *call) seatTotals(e *knowledge.Election, holders int) []string {
	total := e.SeatsKnown()
	if e.Seats == nil {
		return []string{c.say.T(lang.SeatsKnownNoSize, c.say.Seats(total))}
	}
	lines := []string{c.say.T(lang.SeatsInAll, c.say.Seats(e.Seats.Int()))}
	others := max(len(e.Ballots()), len(e.Contestants)) - holders
	switch {
	case total != e.Seats.Int():
		lines = append(lines, c.say.T(lang.SeatsPartial, total, e.Seats.Int()))
	case others > 0:
		lines = append(lines, c.say.T(lang.OtherListsNoSeats, others))
	}
	return lines
}

// majorityLines say where the majority lies and who, if anyone, holds it.
func (c *call) majorityLines(e *knowledge.Election) []string {
	var lines []string
	if e.Majority != nil {
		lines = append(lines, c.say.T(lang.MajorityTakes, c.say.Seats(e.Majority.Int())))
	}
	if m := e.MajorityHolder(); m != nil {
		lines = append(lines, c.say.T(lang.HoldsMajority, m.Name, c.say.Seats(m.Seats.Int())))
	} else if e.Majority != nil || e.Seats != nil {
		lines = append(lines, c.say.T(lang.NoMajority))
	}
	return lines
}

// overview is the shape of /seats and /results: a titled summary in the
// winner's colour.
func overview(title string, e *knowledge.Election, lines []string, fields []Field, sections []string) Response {
	resp := Response{
		Title:   title,
		Text:    strings.Join(lines, " "),
		Fields:  fields,
		Source:  reply.SourceOf(e, sections...),
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
// what names what the chart shows, for every option that changes it (the
// election, the chart, its polls or party); with the reply's language,
// which its titles and legends are in, it is the name the engine keeps
// the chart by for the library, and the picture's Key. A chart that fails
// to draw is logged and left out: the text still answers.
func (c *call) attach(r *Response, what, name, alt string, draw func(Charter) ([]byte, error)) {
	if c.engine.charts == nil {
		return
	}
	key := fmt.Sprintf("%d/%s/%s", c.state.generation, what, c.say.Lang)
	drawIt := func() ([]byte, error) { return draw(c.engine.charts) }
	var png []byte
	var err error
	if c.state.charts != nil {
		png, err = c.state.charts.get(key, drawIt)
	} else {
		png, err = drawIt()
	}
	if err != nil {
		c.engine.log.Warn("chart failed", "chart", name, "err", err)
		return
	}
	if len(png) > 0 {
		r.Image = &Image{Name: name, PNG: png, Alt: alt, Key: key}
	}
}

// noArgs rejects arguments to commands that take none (other than an
// election).
func (c *call) noArgs(cmd, rest string) (Response, bool) {
	if strings.TrimSpace(rest) == "" {
		return Response{}, false
	}
	return c.say.Invalid(lang.NoArgs, cmd, c.say.Quote(rest)), true
}

// results answers /results: every list's figures as the article gives
// them, the turnout and the vote totals, and what the article lacks.
func (c *call) results() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := c.noArgs("results", rest); bad {
		return r
	}
	if !hasSeats(e) || len(e.Contests) > 1 {
		return c.contestsResults(e)
	}
	fields, sections := c.resultFields(e)
	lines := c.resultsMissing(e)
	if len(fields) == 0 {
		lines = append(lines, c.say.T(lang.NoResultsEither))
		return Response{Title: c.say.T(lang.TitleResults, e.Title), Text: strings.Join(lines, " "), Source: reply.SourceOf(e), Outcome: Refused}
	}
	if !e.ResultsTable {
		lines = append(lines, c.say.T(lang.FromInfobox))
	}
	if e.AllSeatsAccounted() && len(e.Ballots()) > len(e.SeatHolders()) {
		fields = append(fields, Field{Name: c.say.T(lang.FieldOtherLists), Value: c.say.T(lang.OtherListsValue, e.Seats.Int())})
	}
	if e.Turnout != nil {
		fields = append(fields, Field{Name: c.say.T(lang.FieldTurnout), Value: reply.Pct(e.Turnout), Inline: true})
		sections = append(sections, e.Turnout.Section)
	}
	resp := overview(c.say.T(lang.TitleResults, e.Title), e, lines, append(fields, c.voteTotals(e)...), sections)
	c.attach(&resp, e.ID+"/results", "results.png", c.say.T(lang.ResultsChartAlt), func(ch Charter) ([]byte, error) { return ch.Results(e, c.say.Lang) })
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
		fs, secs := c.resultFields(e)
		for i := range fs {
			fs[i].Name = main.Title + " — " + fs[i].Name
		}
		if l := c.say.ContestOutcome(e, main); l != "" {
			lines = append(lines, l)
		}
		fields, sections = append(fields, fs...), append(sections, secs...)
		fields = append(fields, roundFields(c.say, main, main.Title+" — ")...)
	}
	for _, ct := range e.Contests {
		if ct == main && hasSeats(e) {
			continue
		}
		l, fs, secs := contestResults(c.say, e, ct)
		if l != "" {
			lines = append(lines, l)
		}
		fields, sections = append(fields, fs...), append(sections, secs...)
	}
	if len(fields) == 0 {
		return Response{Title: c.say.T(lang.TitleResults, e.Title), Text: c.say.T(lang.NoResultsAtAll), Source: reply.SourceOf(e), Outcome: Refused}
	}
	resp := overview(c.say.T(lang.TitleResults, e.Title), e, lines, fields, sections)
	c.attach(&resp, e.ID+"/results", "results.png", c.say.T(lang.ResultsChartAlt), func(ch Charter) ([]byte, error) { return ch.Results(e, c.say.Lang) })
	return resp
}

// resultFields gives one line per list with figures, and their sections.
func (c *call) resultFields(e *knowledge.Election) ([]Field, []string) {
	var fields []Field
	var sections []string
	for _, k := range e.Contestants {
		if k.Seats == nil && k.Share == nil && k.Votes == nil {
			continue
		}
		fields = append(fields, Field{Name: c.say.Name(k), Value: c.say.Result(e, k)})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
	}
	return fields, sections
}

// resultsMissing says when the article has no results table.
func (c *call) resultsMissing(e *knowledge.Election) []string {
	switch {
	case e.ResultsSection != "" && !e.ResultsTable:
		return []string{c.say.T(lang.NoResultsTable, e.ResultsSection)}
	case e.ResultsSection == "":
		return []string{c.say.T(lang.NoResultsSection)}
	}
	return nil
}

// voteTotals are the election's vote counts that the article gives.
func (c *call) voteTotals(e *knowledge.Election) []Field {
	var fields []Field
	for _, t := range []struct {
		name lang.Key
		f    *knowledge.Figure
	}{{lang.FieldVotesCast, e.Votes}, {lang.FieldValidVotes, e.Valid}, {lang.FieldInvalidVotes, e.Invalid}, {lang.FieldRegistered, e.Registered}} {
		if t.f != nil {
			fields = append(fields, Field{Name: c.say.T(t.name), Value: reply.Num(t.f), Inline: true})
		}
	}
	return fields
}
