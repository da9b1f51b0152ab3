package render

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// RangeHint explains the valid ballot numbers, with any gaps.
func RangeHint(say reply.Say, e *knowledge.Election) string {
	ballots := e.Ballots()
	maxN := e.MaxBallot()
	if len(ballots) == maxN && ballots[0].Ballot == 1 {
		return say.T(lang.ListRange, len(ballots), maxN)
	}
	nums := make([]int, len(ballots))
	for i, b := range ballots {
		nums[i] = b.Ballot
	}
	return say.T(lang.ListNumbered, len(ballots), reply.Ranges(nums))
}

// ProfileFields adds what is known of a contestant beyond its ballot entry:
// infobox name and leader, result, polls.
func ProfileFields(say reply.Say, e *knowledge.Election, k *knowledge.Contestant, fields []reply.Field, sections []string, ballot bool) ([]reply.Field, []string) {
	if ballot && k.Ballot > 0 {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldList), Value: fmt.Sprintf("%d: %s", k.Ballot, k.BallotName)})
		if k.Carrier != "" {
			fields = append(fields, reply.Field{Name: say.T(lang.FieldCarrier), Value: k.Carrier, Inline: true})
		}
		for _, n := range k.Notes {
			fields = append(fields, reply.Field{Name: say.T(lang.FieldNote), Value: n})
		}
		sections = append(sections, e.ListsSection)
	}
	if k.InfoboxName != "" && k.InfoboxName != k.BallotName && !ballot {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldInInfobox), Value: k.InfoboxName, Inline: true})
	}
	if k.Leader != "" {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldLeader), Value: k.Leader, Inline: true})
		sections = append(sections, knowledge.SectionInfobox)
	}
	if len(k.Abbrevs) > 0 {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldKnownAs), Value: strings.Join(k.Abbrevs, ", "), Inline: true})
	}
	if line := say.Result(e, k); line != "" {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldResult), Value: line})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
		if k.PrevSeats != nil {
			fields = append(fields, reply.Field{Name: say.SeatsBefore(e), Value: reply.Num(k.PrevSeats), Inline: true})
		}
	} else if line := say.NoSeats(e, k); line != "" {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldResult), Value: line})
		sections = append(sections, knowledge.SectionInfobox)
	}
	return PollFields(say, e, k, fields, sections)
}

// PollFields adds a contestant's figure in every poll that gives one.
func PollFields(say reply.Say, e *knowledge.Election, k *knowledge.Contestant, fields []reply.Field, sections []string) ([]reply.Field, []string) {
	var polls []string
	for _, p := range e.Polls {
		if en := p.Entry(k); en != nil {
			polls = append(polls, fmt.Sprintf("%s: %s", say.PollLabel(p), reply.Pct(en.Share)))
		}
	}
	if len(polls) > 0 {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldPolls), Value: strings.Join(polls, "\n")})
		sections = append(sections, e.PollsSection)
	}
	return fields, sections
}

// UnnumberedLists answers /list for an article without a lists table with
// the lists its infobox and results name.
func UnnumberedLists(say reply.Say, e *knowledge.Election) reply.Response {
	if len(e.Contestants) == 0 {
		return reply.Response{Text: say.T(lang.NoListsAnywhere),
			Source: reply.SourceOf(e), Outcome: reply.Refused}
	}
	var fields []reply.Field
	var sections []string
	for _, k := range e.Contestants[:min(len(e.Contestants), 25)] {
		fields = append(fields, reply.Field{Name: k.Name, Value: say.Result(e, k)})
		if k.Seats != nil {
			sections = append(sections, k.Seats.Section)
		}
	}
	return reply.Response{
		Title:   say.T(lang.TitleListsPlain, e.Title),
		Text:    say.T(lang.UnnumberedLists),
		Fields:  fields,
		Source:  reply.SourceOf(e, sections...),
		Outcome: reply.Answered,
	}
}

// ListLine renders one ballot list compactly.
func ListLine(say reply.Say, k *knowledge.Contestant) string {
	s := k.BallotName
	if k.Carrier != "" {
		s = say.T(lang.CarriedBy, s, k.Carrier)
	}
	for _, n := range k.Notes {
		s += " (" + reply.LowerFirst(n) + ")"
	}
	return s
}
