package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) about() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := noArgs("about", rest); bad {
		return r
	}
	var fields []Field
	var missing, sections []string
	fact := func(name string, f *knowledge.Fact) {
		if f == nil {
			missing = append(missing, strings.ToLower(name))
			return
		}
		fields = append(fields, Field{Name: name, Value: f.Text, Inline: true})
		sections = append(sections, f.Section)
	}
	figure := func(name string, f *knowledge.Figure, render func(*knowledge.Figure) string) {
		if f == nil {
			missing = append(missing, strings.ToLower(name))
			return
		}
		fields = append(fields, Field{Name: name, Value: render(f), Inline: true})
		sections = append(sections, f.Section)
	}
	fact("Date", e.Date)
	figure("Turnout", e.Turnout, reply.Pct)
	figure("Seats", e.Seats, func(f *knowledge.Figure) string { return reply.Seats(f.Int()) })
	figure("Majority", e.Majority, func(f *knowledge.Figure) string { return reply.Seats(f.Int()) })
	figure("Threshold", e.Threshold, reply.Pct)
	figure("Lists", e.ListCount, reply.Num)
	office := e.Office
	if office == "" {
		office = "Office holder"
	}
	holder := func(when string, h *knowledge.Officeholder) {
		if h == nil {
			missing = append(missing, strings.ToLower(office)+" "+when+" the election")
			return
		}
		v := h.Name
		if h.Party != "" {
			v += " (" + h.Party + ")"
		}
		fields = append(fields, Field{Name: office + " " + when, Value: v, Inline: true})
		sections = append(sections, h.Section)
	}
	holder("before", e.Before)
	holder("after", e.After)
	fact("Previous election", e.Previous)
	fact("Next election", e.Next)
	text := ""
	if w := e.MajorityHolder(); w != nil {
		text = fmt.Sprintf("%s won a majority with %s.", w.Name, reply.Seats(w.Seats.Int()))
	} else if w := e.Winner(); w != nil && w.Seats != nil {
		text = fmt.Sprintf("%s won the most seats (%d).", w.Name, w.Seats.Int())
	}
	if len(missing) > 0 {
		text = strings.TrimSpace(text + " The article does not give: " + strings.Join(missing, ", ") + ".")
	}
	return Response{
		Title:   e.Title,
		Text:    text,
		Fields:  fields,
		Source:  Source{Election: e.Title, Section: reply.Sections(sections...)},
		Outcome: Answered,
	}
}
