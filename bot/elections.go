package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// pick chooses the election a command is about: the election option, a
// year or place among the arguments, or the newest. It returns the
// arguments without the words that chose it.
func (c *call) pick() (*knowledge.Election, string, *Response) {
	lib := c.lib
	if len(lib.Elections) == 0 {
		r := reply.NothingLoaded()
		return nil, "", &r
	}
	if c.p.options != nil {
		sel := c.p.options[OptionElection]
		if sel == "" {
			return lib.Elections[0], "", nil
		}
		e, missing := selectElection(lib.Elections, sel)
		if e == nil {
			r := reply.NotLoaded(lib.Elections, missing, sel)
			return nil, "", &r
		}
		return e, "", nil
	}
	e, rest, missing := knowledge.ElectionIn(lib.Elections, c.p.args)
	if missing != "" {
		r := reply.NotLoaded(lib.Elections, missing, "")
		return nil, "", &r
	}
	if e == nil {
		e = lib.Elections[0]
	}
	return e, rest, nil
}

// selectElection matches an election option: an ID, a year, or words of
// the title.
func selectElection(es []*knowledge.Election, sel string) (*knowledge.Election, string) {
	for _, e := range es {
		if strings.EqualFold(sel, e.ID) || knowledge.Fold(sel) == knowledge.Fold(e.Title) {
			return e, ""
		}
	}
	e, rest, missing := knowledge.ElectionIn(es, sel)
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
		return Response{Text: "No election articles are loaded.", Outcome: Refused}
	}
	var fields []Field
	for i, e := range c.lib.Elections {
		v := []string{}
		if e.Date != nil {
			v = append(v, e.Date.Text)
		}
		v = append(v, "id "+e.ID)
		if i == 0 {
			v = append(v, "the default")
		}
		fields = append(fields, Field{Name: e.Title, Value: strings.Join(v, " · ")})
	}
	text := "1 election is loaded."
	if len(c.lib.Elections) > 1 {
		text = fmt.Sprintf("%d elections are loaded; commands take a year or place to pick one (/seats 2014), the newest by default.", len(c.lib.Elections))
	}
	return Response{Title: "Loaded elections", Text: text, Fields: fields, Outcome: Answered}
}
