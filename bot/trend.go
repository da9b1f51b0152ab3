package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
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
		return c.say.Invalid(lang.TrendWhichParty, exampleParty(c.state.histories))
	}
	hs, errResp := c.trendHistories(sel, &name)
	if errResp != nil {
		return *errResp
	}
	h, l, errResp := findLineage(c.say, hs, name)
	if errResp != nil {
		return *errResp
	}
	resp := trendPage(c.say, h, l, 1)
	c.attach(&resp, fmt.Sprintf("%s/trend/%d", h.Newest().ID, slices.Index(h.Parties, l)), "trend.png", c.say.T(lang.TrendChartAlt, l.Name(), yearSpan(h)),
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

// findLineage finds the party a name means in the histories: the surest
// match, or a reply saying why there is none.
func findLineage(s reply.Say, hs []*knowledge.History, name string) (*knowledge.History, *knowledge.Lineage, *Response) {
	var bestH *knowledge.History
	var best []knowledge.LineageMatch
	for _, h := range hs {
		ms := h.Find(name)
		if len(ms) > 0 && (best == nil || ms[0].Score > best[0].Score) {
			bestH, best = h, ms
		}
	}
	if len(best) == 0 || best[0].Score < 5 {
		r := s.Invalid(lang.TrendNoSuchParty, s.Quote(name), exampleParty(hs))
		return nil, nil, &r
	}
	if len(best) > 1 && !best[0].Exact && best[1].Score > best[0].Score*0.8 {
		var alts []string
		for _, m := range best[:min(len(best), 4)] {
			if m.Score > best[0].Score*0.8 {
				alts = append(alts, m.Lineage.Name())
			}
		}
		r := s.Invalid(lang.TrendAmbiguous, s.Quote(name), strings.Join(alts, "; "))
		return nil, nil, &r
	}
	return bestH, best[0].Lineage, nil
}

// exampleParty names a few parties that have lists in several elections.
func exampleParty(hs []*knowledge.History) string {
	var out []string
	for _, h := range hs {
		for _, l := range h.Parties {
			if len(l.Steps) > 1 && len(out) < 3 && len([]rune(l.Name())) <= 20 {
				out = append(out, l.Name())
			}
		}
	}
	if len(out) == 0 {
		return "SNS"
	}
	return strings.Join(out, ", ")
}

// yearSpan is "2012–2024", the years of a history.
func yearSpan(h *knowledge.History) string {
	first, last := reply.YearOf(h.Elections[0]), reply.YearOf(h.Newest())
	if first == last {
		return first
	}
	return first + "–" + last
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
		fields = append(fields, Field{Name: reply.YearOf(e) + " — " + reply.Clip(s.Name(k), 80), Value: trendValue(s, e, k), Inline: true})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
	}
	lines := []string{trendSummary(s, h, l)}
	lines = append(lines, s.LinkNotes(h, l, h.Elections)...)
	lines = append(lines, s.DisagreementNotes(h, l, h.Elections)...)
	resp := Response{
		Title:   s.T(lang.TrendTitle, l.Name(), h.Place, yearSpan(h)),
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

// trendValue is a party's result in one election: "47 of 70 seats ·
// 61.30% · a majority".
func trendValue(s reply.Say, e *knowledge.Election, k *knowledge.Contestant) string {
	var parts []string
	if k.Seats != nil {
		seats := s.Seats(k.Seats.Int())
		if e.Seats != nil {
			seats = s.T(lang.SeatsOfTotal, k.Seats.Int(), e.Seats.Int())
		}
		parts = append(parts, seats)
	}
	if k.Share != nil {
		parts = append(parts, reply.Pct(k.Share))
	}
	if need := e.MajorityNeeded(); k.Seats != nil && need > 0 && k.Seats.Int() >= need {
		parts = append(parts, s.T(lang.AMajority))
	}
	if len(parts) == 0 {
		if line := s.NoSeats(e, k); line != "" {
			return s.T(lang.StepNoSeats)
		}
		return s.T(lang.TrendNoFigures)
	}
	return strings.Join(parts, " · ")
}

// trendSummary says where the party peaked and where it was lowest, by
// seats and by share, and where it had no list.
func trendSummary(s reply.Say, h *knowledge.History, l *knowledge.Lineage) string {
	seats := func(k *knowledge.Contestant) *knowledge.Figure { return k.Seats }
	share := func(k *knowledge.Contestant) *knowledge.Figure { return k.Share }
	var parts []string
	if hi, lo := extremes(h, l, seats); hi != nil {
		parts = append(parts, s.T(lang.TrendSeatsRange, reply.YearOf(hi.Election), hi.Contestant.Seats.Int(), reply.YearOf(lo.Election), lo.Contestant.Seats.Int()))
	}
	if hi, lo := extremes(h, l, share); hi != nil {
		parts = append(parts, s.T(lang.TrendShareRange, reply.YearOf(hi.Election), reply.Pct(hi.Contestant.Share), reply.YearOf(lo.Election), reply.Pct(lo.Contestant.Share)))
	}
	var absent []*knowledge.Election
	for _, e := range h.Elections {
		if l.In(e) == nil {
			absent = append(absent, e)
		}
	}
	if len(absent) > 0 {
		parts = append(parts, s.T(lang.TrendAbsent, s.Years(absent)))
	}
	if len(parts) == 0 {
		return s.T(lang.TrendNoSeatsOrShares, l.Name())
	}
	return strings.Join(parts, " ")
}

// extremes returns the steps with the highest and the lowest figure, or
// nils when no step has one.
func extremes(h *knowledge.History, l *knowledge.Lineage, get func(*knowledge.Contestant) *knowledge.Figure) (hi, lo *knowledge.Step) {
	for i := range l.Steps {
		s := &l.Steps[i]
		f := get(s.Contestant)
		if f == nil {
			continue
		}
		if hi == nil || f.Value > get(hi.Contestant).Value {
			hi = s
		}
		if lo == nil || f.Value < get(lo.Contestant).Value {
			lo = s
		}
	}
	return hi, lo
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
