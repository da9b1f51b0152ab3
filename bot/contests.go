package bot

import (
	"fmt"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
	"github.com/electionbot/electionbot/reply"
)

// The commands follow the shape of the election: an assembly's lists and
// seats, a contest of candidates round by round, a referendum's answers.
// This file renders the contests that are not an assembly of lists.

// noSeats answers /seats for an election that filled no seats: a
// president, a mayor alone, a referendum.
func (c *call) noSeats(e *knowledge.Election) Response {
	m := e.MainContest()
	text := c.say.T(lang.SeatsNoneOnePerson, e.Title)
	if m.Kind == knowledge.ContestReferendum {
		text = c.say.T(lang.SeatsNoneReferendum, e.Title)
	}
	return Response{Title: c.say.T(lang.TitleSeats, e.Title), Text: text, Source: reply.SourceOf(e), Outcome: Refused}
}

// noLists answers /list for an election contested by candidates, or a
// referendum, which had no ballot lists.
func (c *call) noLists(e *knowledge.Election) Response {
	text := c.say.T(lang.ListsNoneCandidates, e.Title)
	if e.MainContest().Kind == knowledge.ContestReferendum {
		text = c.say.T(lang.ListsNoneReferendum, e.Title)
	}
	return Response{Text: text, Source: reply.SourceOf(e), Outcome: Refused}
}

// candidateProfile is /candidate (or /party) for a candidate: party,
// ballot number, every round's figures and polls.
func (c *call) candidateProfile(e *knowledge.Election, k *knowledge.Contestant) Response {
	s := c.say
	ct := e.ContestFor(k)
	contest := ct.Title
	if s.Serbian() {
		contest = s.Contest(ct, reply.Nom)
	}
	fields := []Field{{Name: s.T(lang.FieldContest), Value: contest, Inline: true}}
	if k.Party != "" {
		fields = append(fields, Field{Name: s.T(lang.FieldParty), Value: k.Party, Inline: true})
	}
	if k.Ballot > 0 {
		fields = append(fields, Field{Name: s.T(lang.FieldBallotNumber), Value: fmt.Sprint(k.Ballot), Inline: true})
	}
	var sections []string
	for _, r := range ct.Rounds {
		res := r.Result(k)
		if res == nil || s.ResultFigures(res) == "" {
			continue
		}
		name := s.T(lang.FieldResult)
		if len(ct.Rounds) > 1 {
			name = s.RoundName(r)
		}
		fields = append(fields, Field{Name: name, Value: render.Placed(s, r, res), Inline: true})
		sections = append(sections, render.ResultSections(res)...)
	}
	if ct.Winner() == k {
		fields = append(fields, Field{Name: s.T(lang.FieldOutcome), Value: s.T(lang.OutcomeElected), Inline: true})
	}
	fields, sections = render.PollFields(c.say, e, k, fields, sections)
	return Response{Title: k.Name, Fields: fields, Colour: k.Colour,
		Source: reply.SourceOf(e, sections...), Outcome: Answered}
}
