package bot

import (
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
)

// sourcesPageSize is how many articles one page of /sources shows: each
// takes three or four lines, and a page stays one short message.
const sourcesPageSize = 8

// sources answers /sources: every loaded article with its link, the
// revision it was taken from and its credit, or plainly that it records
// none; paged like /list.
func (c *call) sources() Response {
	if r, bad := c.noArgs("sources", c.p.args); bad {
		return r
	}
	return c.sourcesPage(1)
}

func (c *call) sourcesPage(page int) Response {
	es := c.lib.Elections
	if len(es) == 0 {
		return c.say.NothingLoaded()
	}
	pages := (len(es) + sourcesPageSize - 1) / sourcesPageSize
	page = min(max(page, 1), pages)
	var fields []Field
	for _, e := range es[(page-1)*sourcesPageSize : min(page*sourcesPageSize, len(es))] {
		fields = append(fields, Field{Name: e.Title, Value: render.SourceSummary(c.say, e.Source)})
	}
	resp := Response{Title: c.say.T(lang.TitleSources), Text: c.say.T(lang.SourcesLoaded, len(es)), Fields: fields, Outcome: Answered}
	if pages > 1 {
		resp.Text += " " + c.say.T(lang.PageOf, page, pages)
		if page > 1 {
			resp.Buttons = append(resp.Buttons, Button{Label: c.say.T(lang.ButtonPrevious), Data: pageData("src", page-1, "", c.say.Lang)})
		}
		if page < pages {
			resp.Buttons = append(resp.Buttons, Button{Label: c.say.T(lang.ButtonNext), Data: pageData("src", page+1, "", c.say.Lang)})
		}
	}
	return resp
}

// sourcesPageData answers a press of a /sources page button: "2:".
func (c *call) sourcesPageData(rest string) Response {
	pageText, _, _ := strings.Cut(rest, ":")
	page, err := strconv.Atoi(pageText)
	if err != nil {
		return c.say.Invalid(lang.ButtonExpired)
	}
	return c.sourcesPage(page)
}
