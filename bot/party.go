package bot

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) party() Response {
	return c.contestant(lang.WhichParty, func(e *knowledge.Election, k *knowledge.Contestant) Response {
		if k.Kind == knowledge.KindCandidate {
			if l := render.LedList(e, k); l != nil {
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
	return c.contestant(lang.WhichCandidate, func(e *knowledge.Election, k *knowledge.Contestant) Response {
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
func (c *call) contestant(which lang.Key, show func(*knowledge.Election, *knowledge.Contestant) Response) Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	name := c.option("name", rest)
	if name == "" {
		return c.say.Invalid(which, c.examples(e))
	}
	k, resp := c.findContestant(e, name)
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
func (c *call) findContestant(e *knowledge.Election, name string) (*knowledge.Contestant, Response) {
	if n, err := parseBallotNumber(name); err == nil {
		if k := e.ContestantByBallot(n); k != nil {
			return k, Response{}
		}
		if len(e.Ballots()) == 0 {
			return nil, c.say.Invalid(lang.NoNumberedLists, c.examples(e))
		}
		if n < 1 {
			return nil, c.say.Invalid(lang.ListNumbersStart, render.RangeHint(c.say, e))
		}
		return nil, c.say.Invalid(lang.NoSuchList, reply.Clip(strings.TrimSpace(name), 24), render.RangeHint(c.say, e))
	}
	ms := e.ResolveAll(name)
	if m := e.MainContest(); len(ms) == 0 && m != nil && m.Kind == knowledge.ContestReferendum {
		return nil, c.say.Invalid(lang.ReferendumNoParties, e.Title)
	}
	if len(ms) == 0 || ms[0].Score < 5 {
		return nil, c.say.Invalid(lang.NoSuchParty, c.say.Quote(name), e.Title, c.examples(e))
	}
	if len(ms) > 1 && ms[1].Score > ms[0].Score*0.8 && !(ms[0].Exact && !ms[1].Exact) && !samePerson(ms[0], ms[1]) {
		var alts []string
		for _, m := range ms[:min(len(ms), 4)] {
			if m.Score > ms[0].Score*0.8 {
				alts = append(alts, c.say.Name(m.Contestant))
			}
		}
		return nil, c.say.Invalid(lang.AmbiguousParty, c.say.Quote(name), strings.Join(alts, "; "))
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
func (c *call) examples(e *knowledge.Election) string {
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
		return c.say.T(lang.NoPartiesNamed)
	}
	return strings.Join(out, ", ")
}

func (c *call) profile(e *knowledge.Election, k *knowledge.Contestant) Response {
	var fields []Field
	var sections []string
	if k.InfoboxName != "" {
		sections = append(sections, knowledge.SectionInfobox)
	}
	fields, sections = render.ProfileFields(c.say, e, k, fields, sections, true)
	if k.Votes == nil && (k.Seats != nil || k.Share != nil) {
		fields = append(fields, Field{Name: c.say.T(lang.FieldVotes), Value: c.say.T(lang.NoVoteCount), Inline: true})
	}
	return Response{
		Title:   k.Name,
		Fields:  fields,
		Colour:  k.Colour,
		Source:  reply.SourceOf(e, sections...),
		Outcome: Answered,
	}
}
