package bot

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

func (c *call) about() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := c.noArgs("about", rest); bad {
		return r
	}
	var fields []Field
	var missing, sections []string
	add := func(name string, value string, section string) {
		fields = append(fields, Field{Name: name, Value: value, Inline: true})
		sections = append(sections, section)
	}
	fact := func(k lang.Key, f *knowledge.Fact) {
		if f == nil {
			missing = append(missing, strings.ToLower(c.say.T(k)))
			return
		}
		add(c.say.T(k), f.Text, f.Section)
	}
	figure := func(k lang.Key, f *knowledge.Figure, render func(*knowledge.Figure) string) {
		if f == nil {
			missing = append(missing, strings.ToLower(c.say.T(k)))
			return
		}
		add(c.say.T(k), render(f), f.Section)
	}
	seats := func(f *knowledge.Figure) string { return c.say.Seats(f.Int()) }
	if e.Date != nil {
		add(c.say.T(lang.FieldDate), c.say.Date(e.Date.Text), e.Date.Section)
	} else {
		fact(lang.FieldDate, e.Date)
	}
	figure(lang.FieldTurnout, e.Turnout, reply.Pct)
	figure(lang.FieldSeats, e.Seats, seats)
	figure(lang.FieldMajority, e.Majority, seats)
	figure(lang.FieldThreshold, e.Threshold, reply.Pct)
	figure(lang.FieldLists, e.ListCount, reply.Num)
	office := c.office(e)
	holder := func(present, absent lang.Key, h *knowledge.Officeholder) {
		if h == nil {
			missing = append(missing, strings.ToLower(c.say.T(absent, office)))
			return
		}
		v := h.Name
		if h.Party != "" {
			v += " (" + h.Party + ")"
		}
		add(c.say.T(present, office), v, h.Section)
	}
	holder(lang.OfficeBefore, lang.OfficeBeforeMissing, e.Before)
	holder(lang.OfficeAfter, lang.OfficeAfterMissing, e.After)
	fact(lang.FieldPrevious, e.Previous)
	fact(lang.FieldNext, e.Next)
	text := ""
	if w := e.MajorityHolder(); w != nil {
		text = c.say.T(lang.WonMajority, w.Name, c.say.Seats(w.Seats.Int()))
	} else if w := e.Winner(); w != nil && w.Seats != nil {
		text = c.say.T(lang.WonMostSeats, w.Name, w.Seats.Int())
	}
	if len(missing) > 0 {
		text = strings.TrimSpace(text + " " + c.say.T(lang.DoesNotGive, strings.Join(missing, ", ")))
	}
	return Response{
		Title:   e.Title,
		Text:    text,
		Fields:  fields,
		Source:  Source{Election: e.Title, Section: reply.Sections(sections...)},
		Outcome: Answered,
	}
}

// office names the office the election decides, as the article does,
// in the asker's language when it is a mayor's or a president's.
func (c *call) office(e *knowledge.Election) string {
	f := knowledge.Fold(e.Office)
	switch {
	case e.Office == "":
		return c.say.T(lang.OfficeHolder)
	case c.say.Serbian() && strings.Contains(f, "mayor"):
		return c.say.T(lang.OfficeMayor)
	case c.say.Serbian() && strings.Contains(f, "president"):
		return c.say.T(lang.OfficePresident)
	}
	return e.Office
}
