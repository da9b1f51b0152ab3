package render

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// About is /about of e: the kind of election, every round's date and
// turnout, the assembly's seats, majority, threshold and lists where it
// elected one, the officeholders, the elections before and after, how
// each contest ended, and source, the fields of where the article comes
// from.
func About(say reply.Say, e *knowledge.Election, source []reply.Field) reply.Response {
	a := &aboutSheet{say: say}
	if t := electionType(say, e); t != "" {
		a.fields = append(a.fields, reply.Field{Name: say.T(lang.FieldType), Value: t, Inline: true})
	}
	if ct := e.MainContest(); ct != nil && ct.Question != nil {
		a.fields = append(a.fields, reply.Field{Name: say.T(lang.FieldQuestion), Value: ct.Question.Text})
		a.sections = append(a.sections, ct.Question.Section)
	}
	a.rounds(e)
	if HasSeats(e) {
		seats := func(f *knowledge.Figure) string { return say.Seats(f.Int()) }
		a.figure(lang.FieldSeats, e.Seats, seats)
		a.figure(lang.FieldMajority, e.Majority, seats)
		a.figure(lang.FieldThreshold, e.Threshold, reply.Pct)
		a.figure(lang.FieldLists, e.ListCount, reply.Num)
	}
	a.holders(e, office(say, e))
	a.fact(lang.FieldPrevious, e.Previous)
	a.fact(lang.FieldNext, e.Next)
	a.fields = append(a.fields, source...)
	var lines []string
	for _, ct := range e.Contests {
		if l := say.ContestOutcome(e, ct); l != "" {
			lines = append(lines, l)
		}
	}
	if len(a.missing) > 0 {
		lines = append(lines, say.T(lang.DoesNotGive, strings.Join(a.missing, ", ")))
	}
	return reply.Response{
		Title:   e.Title,
		Text:    strings.Join(lines, " "),
		Fields:  a.fields,
		Source:  reply.SourceOf(e, a.sections...),
		Outcome: reply.Answered,
	}
}

// aboutSheet gathers the fields of /about and what the article lacks.
type aboutSheet struct {
	say               reply.Say
	fields            []reply.Field
	missing, sections []string
}

func (a *aboutSheet) add(name, value, section string) {
	a.fields = append(a.fields, reply.Field{Name: name, Value: value, Inline: true})
	a.sections = append(a.sections, section)
}

func (a *aboutSheet) fact(k lang.Key, f *knowledge.Fact) {
	if f == nil {
		a.missing = append(a.missing, strings.ToLower(a.say.T(k)))
		return
	}
	a.add(a.say.T(k), f.Text, f.Section)
}

func (a *aboutSheet) figure(k lang.Key, f *knowledge.Figure, render func(*knowledge.Figure) string) {
	if f == nil {
		a.missing = append(a.missing, strings.ToLower(a.say.T(k)))
		return
	}
	a.add(a.say.T(k), render(f), f.Section)
}

// rounds gives the date and turnout of every round of every contest: the
// election's own for an article of one contest of one round.
func (a *aboutSheet) rounds(e *knowledge.Election) {
	m := e.MainContest()
	if m == nil || (len(e.Contests) == 1 && len(m.Rounds) == 1) {
		if e.Date != nil {
			a.add(a.say.T(lang.FieldDate), a.say.Date(e.Date.Text), e.Date.Section)
		} else {
			a.fact(lang.FieldDate, e.Date)
		}
		a.figure(lang.FieldTurnout, e.Turnout, reply.Pct)
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
				name += a.say.RoundName(r)
			} else {
				name += a.say.T(lang.FieldDate)
			}
			var parts []string
			if r.Date != nil {
				parts = append(parts, a.say.Date(r.Date.Text))
				a.sections = append(a.sections, r.Date.Section)
			}
			if r.Turnout != nil {
				parts = append(parts, a.say.T(lang.TurnoutOf, reply.Pct(r.Turnout)))
				a.sections = append(a.sections, r.Turnout.Section)
			}
			if len(parts) > 0 {
				a.fields = append(a.fields, reply.Field{Name: name, Value: strings.Join(parts, ", "), Inline: true})
			}
		}
	}
}

// holders gives who held the office before and after the election.
func (a *aboutSheet) holders(e *knowledge.Election, office string) {
	for _, h := range []struct {
		present, absent lang.Key
		o               *knowledge.Officeholder
	}{{lang.OfficeBefore, lang.OfficeBeforeMissing, e.Before}, {lang.OfficeAfter, lang.OfficeAfterMissing, e.After}} {
		if h.o == nil {
			if e.Office != "" || HasSeats(e) {
				a.missing = append(a.missing, strings.ToLower(a.say.T(h.absent, office)))
			}
			continue
		}
		v := h.o.Name
		if h.o.Party != "" {
			v += " (" + h.o.Party + ")"
		}
		a.add(a.say.T(h.present, office), v, h.o.Section)
	}
}

// office names the office the election decides, as the article does,
// in the asker's language when it is a mayor's or a president's.
func office(say reply.Say, e *knowledge.Election) string {
	if e.Office == "" {
		return say.T(lang.OfficeHolder)
	}
	return say.Office(e.Office)
}

// electionType is the kind of election: the infobox's Type (in English,
// as the article gives it), else the kinds of its contests ("assembly
// and mayor").
func electionType(say reply.Say, e *knowledge.Election) string {
	if e.Type != "" && !say.Serbian() {
		return e.Type
	}
	if len(e.Contests) == 1 && e.Contests[0].Kind != knowledge.ContestAssembly {
		return say.Contest(e.Contests[0], reply.Nom)
	}
	if len(e.Contests) < 2 {
		return e.Type
	}
	var kinds []string
	for _, ct := range e.Contests {
		kinds = append(kinds, say.Contest(ct, reply.Nom))
	}
	return say.T(lang.ContestKinds, len(kinds), say.Join(kinds))
}
