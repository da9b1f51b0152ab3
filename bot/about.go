package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// about answers /about: the kind of election, every round's date and
// turnout, the assembly's seats, majority, threshold and lists where it
// elected one, the officeholders, the elections before and after, and how
// each contest ended.
func (c *call) about() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := noArgs("about", rest); bad {
		return r
	}
	a := &aboutSheet{}
	if t := electionType(e); t != "" {
		a.fields = append(a.fields, Field{Name: "Type", Value: t, Inline: true})
	}
	if ct := e.MainContest(); ct != nil && ct.Question != nil {
		a.fields = append(a.fields, Field{Name: "Question", Value: ct.Question.Text})
		a.sections = append(a.sections, ct.Question.Section)
	}
	a.rounds(e)
	if hasSeats(e) {
		a.figure("Seats", e.Seats, func(f *knowledge.Figure) string { return reply.Seats(f.Int()) })
		a.figure("Majority", e.Majority, func(f *knowledge.Figure) string { return reply.Seats(f.Int()) })
		a.figure("Threshold", e.Threshold, reply.Pct)
		a.figure("Lists", e.ListCount, reply.Num)
	}
	a.holders(e)
	a.fact("Previous election", e.Previous)
	a.fact("Next election", e.Next)
	var lines []string
	for _, ct := range e.Contests {
		if l := reply.ContestOutcome(e, ct); l != "" {
			lines = append(lines, l)
		}
	}
	if len(a.missing) > 0 {
		lines = append(lines, "The article does not give: "+strings.Join(a.missing, ", ")+".")
	}
	return Response{
		Title:   e.Title,
		Text:    strings.Join(lines, " "),
		Fields:  a.fields,
		Source:  Source{Election: e.Title, Section: reply.Sections(a.sections...)},
		Outcome: Answered,
	}
}

// aboutSheet gathers the fields of /about and what the article lacks.
type aboutSheet struct {
	fields            []Field
	missing, sections []string
}

func (a *aboutSheet) fact(name string, f *knowledge.Fact) {
	if f == nil {
		a.missing = append(a.missing, strings.ToLower(name))
		return
	}
	a.fields = append(a.fields, Field{Name: name, Value: f.Text, Inline: true})
	a.sections = append(a.sections, f.Section)
}

func (a *aboutSheet) figure(name string, f *knowledge.Figure, render func(*knowledge.Figure) string) {
	if f == nil {
		a.missing = append(a.missing, strings.ToLower(name))
		return
	}
	a.fields = append(a.fields, Field{Name: name, Value: render(f), Inline: true})
	a.sections = append(a.sections, f.Section)
}

// rounds gives the date and turnout of every round of every contest: the
// election's own for an article of one contest of one round.
func (a *aboutSheet) rounds(e *knowledge.Election) {
	m := e.MainContest()
	if m == nil || (len(e.Contests) == 1 && len(m.Rounds) == 1) {
		a.fact("Date", e.Date)
		a.figure("Turnout", e.Turnout, reply.Pct)
		return
	}
	for _, ct := range e.Contests {
		prefix := ""
		if len(e.Contests) > 1 {
			prefix = ct.Title + " — "
		}
		for _, r := range ct.Rounds {
			name := prefix
			if len(ct.Rounds) > 1 {
				name += roundName(r)
			} else {
				name += "Date"
			}
			var parts []string
			if r.Date != nil {
				parts = append(parts, r.Date.Text)
				a.sections = append(a.sections, r.Date.Section)
			}
			if r.Turnout != nil {
				parts = append(parts, "turnout "+reply.Pct(r.Turnout))
				a.sections = append(a.sections, r.Turnout.Section)
			}
			if len(parts) > 0 {
				a.fields = append(a.fields, Field{Name: name, Value: strings.Join(parts, ", "), Inline: true})
			}
		}
	}
}

// holders gives who held the office before and after the election.
func (a *aboutSheet) holders(e *knowledge.Election) {
	office := e.Office
	if office == "" {
		office = "Office holder"
	}
	for _, h := range []struct {
		when string
		o    *knowledge.Officeholder
	}{{"before", e.Before}, {"after", e.After}} {
		if h.o == nil {
			if e.Office != "" || hasSeats(e) {
				a.missing = append(a.missing, strings.ToLower(office)+" "+h.when+" the election")
			}
			continue
		}
		v := h.o.Name
		if h.o.Party != "" {
			v += " (" + h.o.Party + ")"
		}
		a.fields = append(a.fields, Field{Name: office + " " + h.when, Value: v, Inline: true})
		a.sections = append(a.sections, h.o.Section)
	}
}

// electionType is the kind of election: the infobox's Type, else the
// kinds of its contests ("assembly and mayor").
func electionType(e *knowledge.Election) string {
	if e.Type != "" {
		return e.Type
	}
	if len(e.Contests) == 1 && e.Contests[0].Kind != knowledge.ContestAssembly {
		return reply.ContestLabel(e.Contests[0])
	}
	if len(e.Contests) < 2 {
		return ""
	}
	var kinds []string
	for _, ct := range e.Contests {
		kinds = append(kinds, reply.ContestLabel(ct))
	}
	return fmt.Sprintf("%s (%d contests)", strings.Join(kinds, " and "), len(kinds))
}
