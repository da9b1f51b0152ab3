package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) poll() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if len(e.Polls) == 0 {
		return Response{Text: fmt.Sprintf("The %s article has no opinion polls.", e.Title),
			Source: Source{Election: e.Title}, Outcome: Refused}
	}
	who := c.option("who", rest)
	if who == "" {
		text := fmt.Sprintf("%d opinion polls.", len(e.Polls))
		if len(e.Polls) == 1 {
			text = "1 opinion poll."
		}
		return c.pollTable(e, e.Polls, text)
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
		if k, resp := findContestant(e, who); k != nil {
			return c.partyPolls(e, k)
		} else {
			return resp
		}
	}
	return reply.Invalid("No poll or party in the article matches %s. Pollsters: %s. Or name a party, like /poll %s.",
		reply.Quote(who), pollsters(e), firstAbbrev(e))
}

func pollsters(e *knowledge.Election) string {
	var names []string
	for _, p := range e.Polls {
		if p.Pollster != "" {
			names = appendNew(names, p.Pollster)
		}
	}
	if len(names) == 0 {
		return "none named"
	}
	return strings.Join(names, ", ")
}

func firstAbbrev(e *knowledge.Election) string {
	for _, k := range e.Contestants {
		if len(k.Abbrevs) > 0 {
			return k.Abbrevs[0]
		}
	}
	if len(e.Contestants) > 0 {
		return e.Contestants[0].Name
	}
	return "<party>"
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
		fields = append(fields, Field{Name: p.Label(), Value: reply.PollLine(p)})
	}
	resp := Response{
		Title:   "Opinion polls — " + e.Title,
		Text:    text,
		Fields:  fields,
		Source:  Source{Election: e.Title, Section: e.PollsSection},
		Outcome: Answered,
	}
	c.attach(&resp, "polls.png", "Poll chart: one group of bars per poll", func(ch Charter) ([]byte, error) { return ch.Polls(e, ps, nil) })
	return resp
}

func (c *call) partyPolls(e *knowledge.Election, k *knowledge.Contestant) Response {
	var fields []Field
	var ps []*knowledge.Poll
	for _, p := range e.Polls {
		if en := p.Entry(k); en != nil {
			v := reply.Pct(en.Share)
			if en.BelowThreshold {
				v += " (below threshold)"
			}
			fields = append(fields, Field{Name: p.Label(), Value: v, Inline: true})
			ps = append(ps, p)
		}
	}
	if len(fields) == 0 {
		return Response{Text: fmt.Sprintf("None of the article's %d polls gives a figure for %s.", len(e.Polls), k.DisplayName()),
			Source: Source{Election: e.Title, Section: e.PollsSection}, Outcome: Refused}
	}
	text := ""
	if k.Share != nil {
		text = fmt.Sprintf("Result: %s.", reply.Pct(k.Share))
	}
	resp := Response{
		Title:   "Polls: " + k.Name,
		Text:    text,
		Fields:  fields,
		Colour:  k.Colour,
		Source:  Source{Election: e.Title, Section: e.PollsSection},
		Outcome: Answered,
	}
	c.attach(&resp, "polls.png", "Poll chart for "+k.Label(), func(ch Charter) ([]byte, error) { return ch.Polls(e, ps, k) })
	return resp
}
