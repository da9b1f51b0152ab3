package lang

import "github.com/electionbot/electionbot/knowledge"

// PollLabel names a poll for people: "Factor Plus, 20–26 January", or
// "Poll of 20–26 January" in l when the article names no pollster.
func (l Lang) PollLabel(p *knowledge.Poll) string {
	switch {
	case p.Pollster != "" && p.Date != "":
		return p.Pollster + ", " + p.Date
	case p.Pollster != "":
		return p.Pollster
	case p.Date != "":
		return l.T(PollOf, p.Date)
	}
	return l.T(PollUnnamed)
}
