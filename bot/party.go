package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) party() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	name := c.option("name", rest)
	if name == "" {
		return reply.Invalid("Which party? Give a name, abbreviation, leader or ballot number: %s.", examples(e))
	}
	k, resp := findContestant(e, name)
	if k == nil {
		return resp
	}
	return c.profile(e, k)
}

// findContestant resolves a user's name for a party: a ballot number, or
// any of its names. When it can't, the Response says why and suggests.
func findContestant(e *knowledge.Election, name string) (*knowledge.Contestant, Response) {
	if n, err := parseBallotNumber(name); err == nil {
		if k := e.ContestantByBallot(n); k != nil {
			return k, Response{}
		}
		if len(e.Ballots()) == 0 {
			return nil, reply.Invalid("The article has no numbered lists. Try a name: %s.", examples(e))
		}
		if n < 1 {
			return nil, reply.Invalid("List numbers start at 1. %s", rangeHint(e))
		}
		return nil, reply.Invalid("There is no list %s. %s", reply.Clip(strings.TrimSpace(name), 24), rangeHint(e))
	}
	ms := e.Resolve(name)
	if len(ms) == 0 || ms[0].Score < 5 {
		return nil, Response{
			Text:      fmt.Sprintf("I couldn't find a party or list called %s in the %s article. Try: %s.", reply.Quote(name), e.Title, examples(e)),
			Ephemeral: true,
			Outcome:   UserError,
		}
	}
	if len(ms) > 1 && ms[1].Score > ms[0].Score*0.8 && !(ms[0].Exact && !ms[1].Exact) {
		var alts []string
		for _, m := range ms[:min(len(ms), 4)] {
			if m.Score > ms[0].Score*0.8 {
				alts = append(alts, m.Contestant.DisplayName())
			}
		}
		return nil, reply.Invalid("%s could be several lists: %s. Which one?", reply.Quote(name), strings.Join(alts, "; "))
	}
	return ms[0].Contestant, Response{}
}

// examples names a few parties the way users can ask for them.
func examples(e *knowledge.Election) string {
	var out []string
	for _, k := range e.Contestants {
		if len(out) == 4 {
			break
		}
		label := k.Name
		if len(k.Abbrevs) > 0 && len([]rune(label)) > 20 {
			label = k.Abbrevs[0]
		}
		out = append(out, label)
	}
	if len(out) == 0 {
		return "the article names no parties"
	}
	return strings.Join(out, ", ")
}

func (c *call) profile(e *knowledge.Election, k *knowledge.Contestant) Response {
	var fields []Field
	var sections []string
	if k.InfoboxName != "" {
		sections = append(sections, knowledge.SectionInfobox)
	}
	fields, sections = c.profileFields(e, k, fields, sections, true)
	if k.Votes == nil && (k.Seats != nil || k.Share != nil) {
		fields = append(fields, Field{Name: "Votes", Value: "the article gives no vote count", Inline: true})
	}
	return Response{
		Title:   k.Name,
		Fields:  fields,
		Colour:  k.Colour,
		Source:  Source{Election: e.Title, Section: reply.Sections(sections...)},
		Outcome: Answered,
	}
}
