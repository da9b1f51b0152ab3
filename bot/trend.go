package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
	"github.com/electionbot/electionbot/reply"
)

// trendPageSize is how many elections one page of /trend shows.
const trendPageSize = 8

// trend answers /trend <party>: the party's seats and share in every
// loaded election of its place, the best and the worst, with a chart.
func (c *call) trend() Response {
	if len(c.lib.Elections) == 0 {
		return c.say.NothingLoaded()
	}
	name, sel := c.option("party", c.p.args), ""
	if c.p.options != nil {
		sel = c.p.options[OptionElection]
	}
	if name == "" {
		return c.say.Invalid(lang.TrendWhichParty, render.ExampleParty(c.state.histories))
	}
	hs, errResp := c.trendHistories(sel, &name)
	if errResp != nil {
		return *errResp
	}
	h, l, errResp := render.FindLineage(c.say, hs, name)
	if errResp != nil {
		return *errResp
	}
	resp := trendPage(c.say, h, l, 1)
	c.attach(&resp, fmt.Sprintf("%s/trend/%d", h.Newest().ID, slices.Index(h.Parties, l)), "trend.png", c.say.T(lang.TrendChartAlt, l.Name(), render.YearSpan(h)),
		func(ch Charter) ([]byte, error) { return ch.Trend(h, l, c.say.Lang) })
	return resp
}

// trendHistories are the places /trend looks for the party in: the one
// of an election the option or a year among the words names, else all.
// A year is taken out of the name.
func (c *call) trendHistories(sel string, name *string) ([]*knowledge.History, *Response) {
	es := c.lib.Elections
	if sel == "" {
		var rest []string
		for _, w := range strings.Fields(*name) {
			if _, ok := knowledge.Year(w); ok && sel == "" {
				sel = w
				continue
			}
			rest = append(rest, w)
		}
		*name = strings.Join(rest, " ")
	}
	if sel == "" {
		return c.state.histories, nil
	}
	e, missing := selectElection(c.state.finder, sel)
	if e == nil {
		r := c.say.NotLoaded(es, missing, sel)
		return nil, &r
	}
	if h := knowledge.HistoryOf(c.state.histories, e); h != nil {
		return []*knowledge.History{h}, nil
	}
	return c.state.histories, nil
}

// trendPage is one page of /trend: a summary of every election, and one
// field per election of the page.
func trendPage(s reply.Say, h *knowledge.History, l *knowledge.Lineage, page int) Response {
	pages := (len(h.Elections) + trendPageSize - 1) / trendPageSize
	page = min(max(page, 1), pages)
	var fields []Field
	var sections []string
	for _, e := range h.Elections[(page-1)*trendPageSize : min(page*trendPageSize, len(h.Elections))] {
		k := l.In(e)
		if k == nil {
			fields = append(fields, Field{Name: reply.YearOf(e), Value: s.T(lang.TrendNoList), Inline: true})
			continue
		}
		fields = append(fields, Field{Name: reply.YearOf(e) + " — " + reply.Clip(s.Name(k), 80), Value: render.TrendValue(s, e, k), Inline: true})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
	}
	lines := []string{render.TrendSummary(s, h, l)}
	lines = append(lines, s.LinkNotes(h, l, h.Elections)...)
	lines = append(lines, s.DisagreementNotes(h, l, h.Elections)...)
	resp := Response{
		Title:   s.T(lang.TrendTitle, l.Name(), h.Place, render.YearSpan(h)),
		Text:    strings.Join(lines, "\n"),
		Fields:  fields,
		Colour:  l.Colour(),
		Source:  s.HistorySource(h, h.Elections, sections...),
		Outcome: Answered,
	}
	if pages > 1 {
		resp.Text += "\n" + s.T(lang.PageOf, page, pages)
		if page > 1 {
			resp.Buttons = append(resp.Buttons, Button{Label: s.T(lang.ButtonEarlier), Data: trendData(l, page-1, s.Lang)})
		}
		if page < pages {
			resp.Buttons = append(resp.Buttons, Button{Label: s.T(lang.ButtonLater), Data: trendData(l, page+1, s.Lang)})
		}
	}
	return resp
}

// trendData encodes a /trend page button by the party's newest list:
// "tr:2:3:belgrade-2024" (page, the list's place among its election's
// contestants, the election), "tr-sr:…" in Serbian.
func trendData(l *knowledge.Lineage, page int, lg lang.Lang) string {
	s := l.Latest()
	for i, k := range s.Election.Contestants {
		if k == s.Contestant {
			return clipData(fmt.Sprintf("%s:%d:%d:%s", pageKind("tr", lg), page, i, s.Election.ID))
		}
	}
	return ""
}

// trendPage answers a press of a /trend page button.
func (c *call) trendPage(rest string) Response {
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) == 3 {
		page, err1 := strconv.Atoi(parts[0])
		i, err2 := strconv.Atoi(parts[1])
		for _, h := range c.state.histories {
			for _, e := range h.Elections {
				if e.ID == parts[2] && err1 == nil && err2 == nil && i >= 0 && i < len(e.Contestants) {
					if l := h.LineageOf(e.Contestants[i]); l != nil {
						return trendPage(c.say, h, l, page)
					}
				}
			}
		}
	}
	return c.say.Invalid(lang.TrendExpired)
}
