package bot

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// pick chooses the election a command is about: the election option, a
// year or place among the arguments, or the newest. It returns the
// arguments without the words that chose it.
func (c *call) pick() (*knowledge.Election, string, *Response) {
	lib := c.lib
	if len(lib.Elections) == 0 {
		r := c.say.NothingLoaded()
		return nil, "", &r
	}
	if c.p.options != nil {
		sel := c.p.options[OptionElection]
		if sel == "" {
			return lib.Elections[0], "", nil
		}
		e, missing := selectElection(c.state.finder, sel)
		if e == nil {
			r := c.say.NotLoaded(lib.Elections, missing, sel)
			return nil, "", &r
		}
		return e, "", nil
	}
	e, rest, missing := c.state.finder.In(c.p.args)
	if missing != "" {
		r := c.say.NotLoaded(lib.Elections, missing, "")
		return nil, "", &r
	}
	if e == nil {
		e = lib.Elections[0]
	}
	return e, rest, nil
}

// selectElection matches an election option: an ID, a year, or words of
// the title.
func selectElection(f *knowledge.Finder, sel string) (*knowledge.Election, string) {
	if e := f.Named(sel); e != nil {
		return e, ""
	}
	e, rest, missing := f.In(sel)
	if e != nil && strings.TrimSpace(rest) == "" {
		return e, ""
	}
	if missing == "" {
		missing = sel
	}
	return nil, missing
}

func (c *call) elections() Response {
	if len(c.lib.Elections) == 0 {
		return Response{Text: c.say.T(lang.NoElections), Outcome: Refused}
	}
	var fields []Field
	for i, e := range c.lib.Elections {
		v := []string{}
		if e.Date != nil {
			v = append(v, c.say.Date(e.Date.Text))
		}
		v = append(v, c.say.T(lang.ElectionID, e.ID))
		if i == 0 {
			v = append(v, c.say.T(lang.DefaultElection))
		}
		fields = append(fields, Field{Name: e.Title, Value: strings.Join(v, " · ")})
	}
	return Response{Title: c.say.T(lang.TitleElections), Text: c.say.T(lang.ElectionsLoaded, len(c.lib.Elections)), Fields: fields, Outcome: Answered}
}
