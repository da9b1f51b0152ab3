package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
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
	if !render.HasSeats(e) {
		return c.noSeats(e)
	}
	holders := render.SeatHolders(e)
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
	lines := append(render.SeatTotals(c.say, e, len(holders)), render.MajorityLines(c.say, e)...)
	resp := render.Overview(c.say.T(lang.TitleSeats, e.Title), e, lines, fields, sections)
	c.attach(&resp, e.ID+"/seats", "seats.png", c.say.T(lang.SeatChartAlt, render.SeatSummary(holders)), func(ch Charter) ([]byte, error) { return ch.Seats(e, c.say.Lang) })
	return resp
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
	if !render.HasSeats(e) || len(e.Contests) > 1 {
		return c.contestsResults(e)
	}
	fields, sections := render.ResultFields(c.say, e)
	lines := render.ResultsMissing(c.say, e)
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
	resp := render.Overview(c.say.T(lang.TitleResults, e.Title), e, lines, append(fields, render.VoteTotals(c.say, e)...), sections)
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
	if render.HasSeats(e) {
		fs, secs := render.ResultFields(c.say, e)
		for i := range fs {
			fs[i].Name = main.Title + " — " + fs[i].Name
		}
		if l := c.say.ContestOutcome(e, main); l != "" {
			lines = append(lines, l)
		}
		fields, sections = append(fields, fs...), append(sections, secs...)
		fields = append(fields, render.RoundFields(c.say, main, main.Title+" — ")...)
	}
	for _, ct := range e.Contests {
		if ct == main && render.HasSeats(e) {
			continue
		}
		l, fs, secs := render.ContestResults(c.say, e, ct)
		if l != "" {
			lines = append(lines, l)
		}
		fields, sections = append(fields, fs...), append(sections, secs...)
	}
	if len(fields) == 0 {
		return Response{Title: c.say.T(lang.TitleResults, e.Title), Text: c.say.T(lang.NoResultsAtAll), Source: reply.SourceOf(e), Outcome: Refused}
	}
	resp := render.Overview(c.say.T(lang.TitleResults, e.Title), e, lines, fields, sections)
	c.attach(&resp, e.ID+"/results", "results.png", c.say.T(lang.ResultsChartAlt), func(ch Charter) ([]byte, error) { return ch.Results(e, c.say.Lang) })
	return resp
}
