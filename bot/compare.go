package bot

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
	"github.com/electionbot/electionbot/reply"
)

// compare answers /compare [election] [election]: two elections side by
// side, the newest and the one before it by default.
func (c *call) compare() Response {
	es := c.lib.Elections
	switch len(es) {
	case 0:
		return c.say.NothingLoaded()
	case 1:
		return c.say.Invalid(lang.CompareOnlyOne, es[0].Title)
	}
	picks, errResp := c.comparePicks()
	if errResp != nil {
		return *errResp
	}
	a, b, errResp := c.pair(picks)
	if errResp != nil {
		return *errResp
	}
	return c.comparison(a, b)
}

// comparePicks reads the elections /compare names: the typed options, or
// the words after the command.
func (c *call) comparePicks() ([]*knowledge.Election, *Response) {
	if c.p.options == nil {
		return render.ElectionsNamed(c.say, c.lib.Elections, c.state.histories, c.p.args)
	}
	var picks []*knowledge.Election
	for _, name := range []string{"first", "second"} {
		sel := strings.TrimSpace(c.p.options[name])
		if sel == "" {
			continue
		}
		e, missing := selectElection(c.state.finder, sel)
		if e == nil {
			r := c.say.NotLoaded(c.lib.Elections, missing, sel)
			return nil, &r
		}
		picks = append(picks, e)
	}
	return picks, nil
}

// pair makes two elections of what the command named: the newest and
// the one before it when it names none, the one before (or after) it
// when it names one.
func (c *call) pair(picks []*knowledge.Election) (a, b *knowledge.Election, errResp *Response) {
	hs := c.state.histories
	switch len(picks) {
	case 0:
		picks = []*knowledge.Election{c.lib.Elections[0]}
		fallthrough
	case 1:
		h := knowledge.HistoryOf(hs, picks[0])
		if h == nil || len(h.Elections) < 2 {
			r := c.say.Invalid(lang.CompareOnePlace, render.PlaceOf(picks[0]), render.ExampleCompare(hs))
			return nil, nil, &r
		}
		if before := h.Before(picks[0]); before != nil {
			return before, picks[0], nil
		}
		return picks[0], h.Elections[1], nil
	case 2:
		if picks[0] == picks[1] {
			r := c.say.Invalid(lang.CompareSame, picks[0].Title, render.ExampleCompare(hs))
			return nil, nil, &r
		}
		a, b = picks[0], picks[1]
		if a.Year > b.Year {
			a, b = b, a
		}
		return a, b, nil
	}
	r := c.say.Invalid(lang.CompareTooMany, render.ExampleCompare(hs), len(picks))
	return nil, nil, &r
}

// comparison sets two elections side by side: dates, turnout, seats and
// majority, then each party's seats and share in both, the parties of
// one only marked so, and what the bot guessed or the articles disagree
// on.
func (c *call) comparison(a, b *knowledge.Election) Response {
	h := knowledge.HistoryOf(c.state.histories, a)
	if h == nil || h != knowledge.HistoryOf(c.state.histories, b) {
		// Two places: only the two articles link their parties.
		h = knowledge.NewHistory(c.say.Join([]string{render.PlaceOf(a), render.PlaceOf(b)}), []*knowledge.Election{a, b})
	}
	pair := []*knowledge.Election{a, b}
	lines := render.CompareLines(c.say, a, b)
	fields, lineages := render.PartyFields(c.say, h, a, b)
	var notes []string
	for _, l := range lineages {
		notes = append(notes, c.say.LinkNotes(h, l, pair)...)
		notes = append(notes, c.say.DisagreementNotes(h, l, pair)...)
	}
	if len(notes) > 4 {
		notes = notes[:4]
	}
	resp := Response{
		Title:   render.CompareTitle(c.say, h, a, b),
		Text:    strings.Join(append(lines, notes...), "\n"),
		Fields:  fields,
		Source:  c.say.HistorySource(h, pair, knowledge.SectionInfobox),
		Outcome: Answered,
	}
	if w := b.Winner(); w != nil {
		resp.Colour = w.Colour
	}
	if i := h.Index(b); i >= 0 && h.Index(a) == i-1 {
		if i > 1 {
			resp.Buttons = append(resp.Buttons, Button{Label: "‹ " + c.say.Join([]string{reply.YearOf(h.Elections[i-2]), reply.YearOf(a)}), Data: compareData(a, c.say.Lang)})
		}
		if i+1 < len(h.Elections) {
			resp.Buttons = append(resp.Buttons, Button{Label: c.say.Join([]string{reply.YearOf(b), reply.YearOf(h.Elections[i+1])}) + " ›", Data: compareData(h.Elections[i+1], c.say.Lang)})
		}
	}
	return resp
}

// compareData encodes a button that compares e with the election before
// it: "cmp:belgrade-2018", "cmp-sr:belgrade-2018" in Serbian.
func compareData(e *knowledge.Election, l lang.Lang) string {
	return clipData(pageKind("cmp", l) + ":" + e.ID)
}

// comparePage answers a press of a /compare button.
func (c *call) comparePage(id string) Response {
	for _, h := range c.state.histories {
		for i, e := range h.Elections {
			if e.ID == id && i > 0 {
				return c.comparison(h.Elections[i-1], e)
			}
		}
	}
	return c.say.Invalid(lang.CompareGone)
}
