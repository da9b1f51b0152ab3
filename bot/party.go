package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) party() Response {
	return c.contestant("Which party? Give a name, abbreviation, leader or ballot number: %s.", func(e *knowledge.Election, k *knowledge.Contestant) Response {
		if k.Kind == knowledge.KindCandidate {
			if l := ledList(e, k); l != nil {
				return c.profile(e, l) // a party's command: the list the person leads
			}
			return c.candidateProfile(e, k)
		}
		return c.profile(e, k)
	})
}

// candidate answers /candidate, /party for people: everything the article
// says about one candidate.
func (c *call) candidate() Response {
	return c.contestant("Which candidate? Give a name or surname: %s.", func(e *knowledge.Election, k *knowledge.Contestant) Response {
		if k.Kind != knowledge.KindCandidate {
			if ct := candidateOf(e, k); ct != nil {
				return c.candidateProfile(e, ct)
			}
			return c.profile(e, k)
		}
		return c.candidateProfile(e, k)
	})
}

// contestant answers a command about one list or candidate named by its
// "name" option: which asks for a name when there is none (with the
// article's examples for %s), and show profiles the one found.
func (c *call) contestant(which string, show func(*knowledge.Election, *knowledge.Contestant) Response) Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	name := c.option("name", rest)
	if name == "" {
		return reply.Invalid(which, examples(e))
	}
	k, resp := findContestant(e, name)
	if k == nil {
		return resp
	}
	return show(e, k)
}

// candidateOf returns the candidate who leads or carries a list (the
// mayoral candidate beside the list), or nil.
func candidateOf(e *knowledge.Election, k *knowledge.Contestant) *knowledge.Contestant {
	for _, ct := range e.Contests {
		for _, x := range ct.Contestants {
			if x.Kind != knowledge.KindCandidate {
				continue
			}
			for _, p := range []string{k.Leader, k.Carrier} {
				if p != "" && knowledge.Fold(p) == knowledge.Fold(x.Name) {
					return x
				}
			}
		}
	}
	return nil
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
	ms := e.ResolveAll(name)
	if m := e.MainContest(); len(ms) == 0 && m != nil && m.Kind == knowledge.ContestReferendum {
		return nil, reply.Invalid("The %s was a referendum, with no parties or candidates on the ballot: /results shows how the votes went.", e.Title)
	}
	if len(ms) == 0 || ms[0].Score < 5 {
		return nil, Response{
			Text:      fmt.Sprintf("I couldn't find a party, list or candidate called %s in the %s article. Try: %s.", reply.Quote(name), e.Title, examples(e)),
			Ephemeral: true,
			Outcome:   UserError,
		}
	}
	if len(ms) > 1 && ms[1].Score > ms[0].Score*0.8 && !(ms[0].Exact && !ms[1].Exact) && !samePerson(ms[0], ms[1]) {
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

// samePerson reports two matches that are one person: a candidate and
// the list they lead, both found by the person's name. The candidate
// (first, for /candidate) or the list will do; the profiles link them.
func samePerson(a, b knowledge.Match) bool {
	ka, kb := a.Contestant, b.Contestant
	if ka.Kind == kb.Kind {
		return false
	}
	if kb.Kind == knowledge.KindCandidate {
		ka, kb = kb, ka
	}
	return ka.Kind == knowledge.KindCandidate && (knowledge.Fold(kb.Leader) == knowledge.Fold(ka.Name) || knowledge.Fold(kb.Carrier) == knowledge.Fold(ka.Name))
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
