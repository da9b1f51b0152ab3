package bot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) poll() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if len(e.Polls) == 0 {
		return Response{Text: c.say.T(lang.NoPolls, e.Title),
			Source: reply.SourceOf(e), Outcome: Refused}
	}
	who := c.option("who", rest)
	if who == "" {
		return c.pollTable(e, e.Polls, c.say.T(lang.PollCount, len(e.Polls)))
	}
	if ps := e.PollsBy(who); len(ps) > 0 {
		if when := knowledge.PollsWhen(ps, who); len(when) > 0 {
			ps = when
		}
		return c.pollTable(e, ps, "")
	}
	if k := confidentMatch(e, who); k != nil {
		return c.partyPolls(e, k)
	}
	if _, err := parseBallotNumber(who); err == nil {
		if k, resp := c.findContestant(e, who); k != nil {
			return c.partyPolls(e, k)
		} else {
			return resp
		}
	}
	return c.say.Invalid(lang.NoPollMatch, c.say.Quote(who), c.pollsters(e), c.firstAbbrev(e))
}

func (c *call) pollsters(e *knowledge.Election) string {
	var names []string
	for _, p := range e.Polls {
		if p.Pollster != "" {
			names = appendNew(names, p.Pollster)
		}
	}
	if len(names) == 0 {
		return c.say.T(lang.PollstersNoneNamed)
	}
	return strings.Join(names, ", ")
}

func (c *call) firstAbbrev(e *knowledge.Election) string {
	for _, k := range e.Contestants {
		if len(k.Abbrevs) > 0 {
			return k.Abbrevs[0]
		}
	}
	if len(e.Contestants) > 0 {
		return e.Contestants[0].Name
	}
	return c.say.T(lang.PartyPlaceholder)
}

func appendNew(list []string, s string) []string {
	for _, v := range list {
		if knowledge.Fold(v) == knowledge.Fold(s) {
			return list
		}
	}
	return append(list, s)
}

func (c *call) pollTable(e *knowledge.Election, ps []*knowledge.Poll, text string) Response {
	var fields []Field
	for _, p := range ps {
		fields = append(fields, Field{Name: c.say.PollLabel(p), Value: c.say.PollLine(p)})
	}
	resp := Response{
		Title:   c.say.T(lang.TitlePolls, e.Title),
		Text:    text,
		Fields:  fields,
		Source:  reply.SourceOf(e, e.PollsSection),
		Outcome: Answered,
	}
	c.attach(&resp, pollsChart(e, ps, nil), "polls.png", c.say.T(lang.PollChartAlt), func(ch Charter) ([]byte, error) { return ch.Polls(e, ps, nil, c.say.Lang) })
	return resp
}

func (c *call) partyPolls(e *knowledge.Election, k *knowledge.Contestant) Response {
	var fields []Field
	var ps []*knowledge.Poll
	for _, p := range e.Polls {
		if en := p.Entry(k); en != nil {
			v := reply.Pct(en.Share)
			if en.BelowThreshold {
				v = c.say.T(lang.BelowThresholdMark, v)
			}
			fields = append(fields, Field{Name: c.say.PollLabel(p), Value: v, Inline: true})
			ps = append(ps, p)
		}
	}
	if len(fields) == 0 {
		return Response{Text: c.say.T(lang.NoPollFigure, len(e.Polls), c.say.Name(k)),
			Source: reply.SourceOf(e, e.PollsSection), Outcome: Refused}
	}
	text := ""
	if k.Share != nil {
		text = c.say.T(lang.PollResult, reply.Pct(k.Share))
	}
	resp := Response{
		Title:   c.say.T(lang.TitlePartyPolls, k.Name),
		Text:    text,
		Fields:  fields,
		Colour:  k.Colour,
		Source:  reply.SourceOf(e, e.PollsSection),
		Outcome: Answered,
	}
	c.attach(&resp, pollsChart(e, ps, k), "polls.png", c.say.T(lang.PartyPollChartAlt, k.Label()), func(ch Charter) ([]byte, error) { return ch.Polls(e, ps, k, c.say.Lang) })
	return resp
}

// pollsChart names a poll chart for the chart cache: the election, the
// polls it shows by their places in the article, and the party it is
// about, by its place among the contestants.
func pollsChart(e *knowledge.Election, ps []*knowledge.Poll, focus *knowledge.Contestant) string {
	var b strings.Builder
	b.WriteString(e.ID + "/polls/")
	for _, p := range ps {
		fmt.Fprintf(&b, "%d,", slices.Index(e.Polls, p))
	}
	if focus != nil {
		fmt.Fprintf(&b, "/party %d %s", slices.Index(e.Contestants, focus), focus.Name)
	}
	return b.String()
}
