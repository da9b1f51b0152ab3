package bot

import (
	"strconv"
	"strings"
	"time"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
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
		fields = append(fields, Field{Name: e.Title, Value: c.sourceSummary(e.Source)})
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

// sourceSummary is one article's lines of /sources: its link, its
// revision and when it was fetched, and its credit.
func (c *call) sourceSummary(s *knowledge.Source) string {
	if s == nil {
		return c.say.T(lang.SourceNone)
	}
	lines := []string{sourceURL(s)}
	rev := c.revision(s, sourcesRevision)
	if !s.Retrieved.IsZero() {
		rev += ", " + c.say.T(lang.SourceRetrieved, sourceTime(s.Retrieved))
	}
	lines = append(lines, rev)
	if cr := credit(s, " "); cr != "" {
		lines = append(lines, cr)
	}
	return strings.Join(lines, "\n")
}

// sourceFields are /about's lines of where the article comes from: the
// link, the revision and when it was saved, when it was fetched, and the
// credit its licence asks for. None when the article records no source.
func (c *call) sourceFields(s *knowledge.Source) []Field {
	if s == nil {
		return nil
	}
	fields := []Field{
		{Name: c.say.T(lang.FieldArticle), Value: sourceURL(s)},
		{Name: c.say.T(lang.FieldRevision), Value: c.revision(s, aboutRevision)},
	}
	if !s.Retrieved.IsZero() {
		fields = append(fields, Field{Name: c.say.T(lang.FieldRetrieved), Value: sourceTime(s.Retrieved)})
	}
	if cr := credit(s, "\n"); cr != "" {
		fields = append(fields, Field{Name: c.say.T(lang.FieldLicence), Value: cr})
	}
	return fields
}

// sourceURL is the address an article records, as it may be linked.
func sourceURL(s *knowledge.Source) string {
	if u := reply.LinkURL(s.URL); u != "" {
		return u
	}
	return s.URL
}

// revisionWords are the phrases that say which revision an article was
// taken from: /sources says it in a line of its own, /about after the
// field's name (where the revision alone is its number: only is "").
type revisionWords struct{ saved, only, none lang.Key }

var (
	sourcesRevision = revisionWords{lang.SourceRevision, lang.SourceRevisionOnly, lang.SourceNoRevision}
	aboutRevision   = revisionWords{lang.RevisionSaved, "", lang.RevisionNone}
)

// revision says which revision of the page the article was taken from
// and when it was saved, or that it records none.
func (c *call) revision(s *knowledge.Source, w revisionWords) string {
	id := strconv.FormatInt(s.Revision, 10)
	switch {
	case s.Revision > 0 && !s.RevisionTime.IsZero():
		return c.say.T(w.saved, id, sourceTime(s.RevisionTime))
	case s.Revision > 0 && w.only == "":
		return id
	case s.Revision > 0:
		return c.say.T(w.only, id)
	}
	return c.say.T(w.none)
}

// credit is the attribution the licence asks for and the licence's
// address, joined by sep; "" when the article records neither.
func credit(s *knowledge.Source, sep string) string {
	var parts []string
	if cr := s.Credit(); cr != "" {
		parts = append(parts, cr)
	}
	if u := reply.LinkURL(s.LicenceURL); u != "" {
		parts = append(parts, u)
	}
	return strings.Join(parts, sep)
}

// sourceTime writes a time as the Source block does (RFC 3339, UTC): one
// token, the same in every language and script.
func sourceTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
