package bot

import (
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
	"github.com/electionbot/electionbot/reply"
)

// listPageSize is how many lists one page of /list shows: short enough for
// a phone screen and for Discord's 25 embed fields.
const listPageSize = 10

func (c *call) list() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if !render.HasSeats(e) {
		return c.noLists(e)
	}
	arg := c.option("number", rest)
	if arg == "" {
		return c.listPage(e, 1)
	}
	ballots := e.Ballots()
	if len(ballots) == 0 {
		return Response{Text: c.say.T(lang.NoListTable),
			Source: reply.SourceOf(e), Outcome: Refused}
	}
	n, err := parseBallotNumber(arg)
	if err != nil {
		// "/list dveri": a name where a number was expected is still clear.
		if k := confidentMatch(e, arg); k != nil && k.Ballot > 0 {
			return c.listDetail(e, k)
		}
		return c.say.Invalid(lang.NotAListNumber, c.say.Quote(arg), render.RangeHint(c.say, e))
	}
	k := e.ContestantByBallot(n)
	if k == nil {
		if n < 1 {
			return c.say.Invalid(lang.ListNumbersStart, render.RangeHint(c.say, e))
		}
		return c.say.Invalid(lang.NoSuchList, reply.Clip(strings.TrimSpace(arg), 24), render.RangeHint(c.say, e))
	}
	return c.listDetail(e, k)
}

// numberError is returned by parseBallotNumber for text that is no number.
type numberError struct{ reason string }

func (e *numberError) Error() string { return e.reason }

// parseBallotNumber reads a ballot number as users type it: "8", "08",
// "#8", "No. 8", full-width or Arabic-Indic digits. Out-of-range values
// parse (the caller explains the range); anything else is an error.
func parseBallotNumber(s string) (int, error) {
	f := knowledge.Fold(strings.TrimSpace(s))
	f = strings.TrimPrefix(f, "#")
	f = strings.TrimPrefix(f, "no.")
	f = strings.TrimPrefix(f, "list")
	f = strings.TrimSpace(f)
	if f == "" {
		return 0, &numberError{"empty"}
	}
	neg := false
	if f[0] == '-' || f[0] == '+' {
		neg = f[0] == '-'
		f = f[1:]
	}
	if f == "" {
		return 0, &numberError{"no digits"}
	}
	for _, r := range f {
		if r < '0' || r > '9' {
			return 0, &numberError{"not a whole number"}
		}
	}
	f = strings.TrimLeft(f, "0")
	if len(f) > 9 {
		return 1 << 30, nil // far out of range either way
	}
	n, _ := strconv.Atoi(f)
	if neg {
		return -n, nil
	}
	return n, nil
}

func (c *call) listPage(e *knowledge.Election, page int) Response {
	ballots := e.Ballots()
	if len(ballots) == 0 {
		return render.UnnumberedLists(c.say, e)
	}
	pages := (len(ballots) + listPageSize - 1) / listPageSize
	page = min(max(page, 1), pages)
	var fields []Field
	for _, k := range ballots[(page-1)*listPageSize : min(page*listPageSize, len(ballots))] {
		fields = append(fields, Field{Name: strconv.Itoa(k.Ballot), Value: render.ListLine(c.say, k)})
	}
	resp := Response{
		Title:   c.say.T(lang.TitleLists, e.Title),
		Text:    c.say.T(lang.ListsStood, len(ballots)),
		Fields:  fields,
		Source:  reply.SourceOf(e, e.ListsSection),
		Outcome: Answered,
	}
	if pages > 1 {
		resp.Text += " " + c.say.T(lang.PageOf, page, pages)
		if page > 1 {
			resp.Buttons = append(resp.Buttons, Button{Label: c.say.T(lang.ButtonPrevious), Data: pageData("list", page-1, e.ID, c.say.Lang)})
		}
		if page < pages {
			resp.Buttons = append(resp.Buttons, Button{Label: c.say.T(lang.ButtonNext), Data: pageData("list", page+1, e.ID, c.say.Lang)})
		}
	}
	return resp
}

func (c *call) listDetail(e *knowledge.Election, k *knowledge.Contestant) Response {
	fields := []Field{{Name: c.say.T(lang.FieldBallotNumber), Value: strconv.Itoa(k.Ballot), Inline: true}}
	if k.Carrier != "" {
		fields = append(fields, Field{Name: c.say.T(lang.FieldCarrier), Value: k.Carrier, Inline: true})
	}
	for _, n := range k.Notes {
		fields = append(fields, Field{Name: c.say.T(lang.FieldNote), Value: n})
	}
	sections := []string{e.ListsSection}
	fields, sections = render.ProfileFields(c.say, e, k, fields, sections, false)
	return Response{
		Title:   c.say.T(lang.TitleList, k.Ballot, k.BallotName),
		Fields:  fields,
		Colour:  k.Colour,
		Source:  reply.SourceOf(e, sections...),
		Outcome: Answered,
	}
}

// pageData encodes a pagination button: "list:2:belgrade-2014", and
// "list-sr:2:belgrade-2014" for a page in Serbian.
func pageData(cmd string, page int, electionID string, l lang.Lang) string {
	return clipData(pageKind(cmd, l) + ":" + strconv.Itoa(page) + ":" + electionID)
}

// listPageData answers a press of a /list page button: "2:belgrade-2014".
func (c *call) listPageData(rest string) Response {
	pageText, id, ok := strings.Cut(rest, ":")
	page, err := strconv.Atoi(pageText)
	if !ok || err != nil {
		return c.say.Invalid(lang.ButtonExpired)
	}
	for _, el := range c.lib.Elections {
		if el.ID == id {
			return c.listPage(el, page)
		}
	}
	return c.say.Invalid(lang.ElectionGone)
}

// confidentMatch resolves a name to one contestant, or nil when no name
// matches or several match about equally.
func confidentMatch(e *knowledge.Election, name string) *knowledge.Contestant {
	ms := e.ResolveAll(name)
	if len(ms) == 0 || ms[0].Score < 5 {
		return nil
	}
	if len(ms) > 1 && ms[1].Score > ms[0].Score*0.8 && !(ms[0].Exact && !ms[1].Exact) {
		return nil
	}
	return ms[0].Contestant
}
