package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
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
	if !hasSeats(e) {
		return noLists(e)
	}
	arg := c.option("number", rest)
	if arg == "" {
		return c.listPage(e, 1)
	}
	ballots := e.Ballots()
	if len(ballots) == 0 {
		return Response{Text: "The article has no table of electoral lists, so I can't show lists by number.",
			Source: Source{Election: e.Title}, Outcome: Refused}
	}
	n, err := parseBallotNumber(arg)
	if err != nil {
		// "/list dveri": a name where a number was expected is still clear.
		if k := confidentMatch(e, arg); k != nil && k.Ballot > 0 {
			return c.listDetail(e, k)
		}
		return reply.Invalid("%s is not a list number. %s To find a list by name, use /party with its name.", reply.Quote(arg), rangeHint(e))
	}
	k := e.ContestantByBallot(n)
	if k == nil {
		if n < 1 {
			return reply.Invalid("List numbers start at 1. %s", rangeHint(e))
		}
		return reply.Invalid("There is no list %s. %s", reply.Clip(strings.TrimSpace(arg), 24), rangeHint(e))
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

// rangeHint explains the valid ballot numbers, with any gaps.
func rangeHint(e *knowledge.Election) string {
	ballots := e.Ballots()
	maxN := e.MaxBallot()
	if len(ballots) == maxN && ballots[0].Ballot == 1 {
		return fmt.Sprintf("There are %d lists: pick a number from 1 to %d.", len(ballots), maxN)
	}
	nums := make([]int, len(ballots))
	for i, b := range ballots {
		nums[i] = b.Ballot
	}
	return fmt.Sprintf("There are %d lists, numbered %s.", len(ballots), reply.Ranges(nums))
}

func (c *call) listPage(e *knowledge.Election, page int) Response {
	ballots := e.Ballots()
	if len(ballots) == 0 {
		return unnumberedLists(e)
	}
	pages := (len(ballots) + listPageSize - 1) / listPageSize
	page = min(max(page, 1), pages)
	var fields []Field
	for _, k := range ballots[(page-1)*listPageSize : min(page*listPageSize, len(ballots))] {
		fields = append(fields, Field{Name: strconv.Itoa(k.Ballot), Value: listLine(k)})
	}
	resp := Response{
		Title:   fmt.Sprintf("Electoral lists — %s", e.Title),
		Text:    fmt.Sprintf("%d lists stood. /list <number> shows one in full.", len(ballots)),
		Fields:  fields,
		Source:  Source{Election: e.Title, Section: e.ListsSection},
		Outcome: Answered,
	}
	if pages > 1 {
		resp.Text += fmt.Sprintf(" Page %d of %d.", page, pages)
		if page > 1 {
			resp.Buttons = append(resp.Buttons, Button{Label: "‹ Previous", Data: pageData("list", page-1, e.ID)})
		}
		if page < pages {
			resp.Buttons = append(resp.Buttons, Button{Label: "Next ›", Data: pageData("list", page+1, e.ID)})
		}
	}
	return resp
}

func (c *call) listDetail(e *knowledge.Election, k *knowledge.Contestant) Response {
	fields := []Field{{Name: "Ballot number", Value: strconv.Itoa(k.Ballot), Inline: true}}
	if k.Carrier != "" {
		fields = append(fields, Field{Name: "Ballot carrier", Value: k.Carrier, Inline: true})
	}
	for _, n := range k.Notes {
		fields = append(fields, Field{Name: "Note", Value: n})
	}
	sections := []string{e.ListsSection}
	fields, sections = c.profileFields(e, k, fields, sections, false)
	return Response{
		Title:   fmt.Sprintf("List %d: %s", k.Ballot, k.BallotName),
		Fields:  fields,
		Colour:  k.Colour,
		Source:  Source{Election: e.Title, Section: reply.Sections(sections...)},
		Outcome: Answered,
	}
}

// profileFields adds what is known of a contestant beyond its ballot entry:
// infobox name and leader, result, polls.
func (c *call) profileFields(e *knowledge.Election, k *knowledge.Contestant, fields []Field, sections []string, ballot bool) ([]Field, []string) {
	if ballot && k.Ballot > 0 {
		fields = append(fields, Field{Name: "List", Value: fmt.Sprintf("%d: %s", k.Ballot, k.BallotName)})
		if k.Carrier != "" {
			fields = append(fields, Field{Name: "Ballot carrier", Value: k.Carrier, Inline: true})
		}
		for _, n := range k.Notes {
			fields = append(fields, Field{Name: "Note", Value: n})
		}
		sections = append(sections, e.ListsSection)
	}
	if k.InfoboxName != "" && k.InfoboxName != k.BallotName && !ballot {
		fields = append(fields, Field{Name: "In the infobox", Value: k.InfoboxName, Inline: true})
	}
	if k.Leader != "" {
		fields = append(fields, Field{Name: "Leader", Value: k.Leader, Inline: true})
		sections = append(sections, knowledge.SectionInfobox)
	}
	if len(k.Abbrevs) > 0 {
		fields = append(fields, Field{Name: "Known as", Value: strings.Join(k.Abbrevs, ", "), Inline: true})
	}
	if line := reply.Result(e, k); line != "" {
		fields = append(fields, Field{Name: "Result", Value: line})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
		if k.PrevSeats != nil {
			fields = append(fields, Field{Name: "Seats in " + reply.Previous(e), Value: reply.Num(k.PrevSeats), Inline: true})
		}
	} else if line := reply.NoSeats(e, k); line != "" {
		fields = append(fields, Field{Name: "Result", Value: line})
		sections = append(sections, knowledge.SectionInfobox)
	}
	return pollFields(e, k, fields, sections)
}

// pollFields adds a contestant's figure in every poll that gives one.
func pollFields(e *knowledge.Election, k *knowledge.Contestant, fields []Field, sections []string) ([]Field, []string) {
	var polls []string
	for _, p := range e.Polls {
		if en := p.Entry(k); en != nil {
			polls = append(polls, fmt.Sprintf("%s: %s", p.Label(), reply.Pct(en.Share)))
		}
	}
	if len(polls) > 0 {
		fields = append(fields, Field{Name: "Polls", Value: strings.Join(polls, "\n")})
		sections = append(sections, e.PollsSection)
	}
	return fields, sections
}

// pageData encodes a pagination button: "list:2:belgrade-2014".
func pageData(cmd string, page int, electionID string) string {
	return clipData(cmd + ":" + strconv.Itoa(page) + ":" + electionID)
}

// listPageData answers a press of a /list page button: "2:belgrade-2014".
func (c *call) listPageData(rest string) Response {
	pageText, id, ok := strings.Cut(rest, ":")
	page, err := strconv.Atoi(pageText)
	if !ok || err != nil {
		return reply.Invalid("That button has expired. Send /list again.")
	}
	for _, el := range c.lib.Elections {
		if el.ID == id {
			return c.listPage(el, page)
		}
	}
	return reply.Invalid("That election is no longer loaded. Send /list again.")
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

// unnumberedLists answers /list for an article without a lists table with
// the lists its infobox and results name.
func unnumberedLists(e *knowledge.Election) Response {
	if len(e.Contestants) == 0 {
		return Response{Text: "The article has no table of electoral lists and names no lists elsewhere.",
			Source: Source{Election: e.Title}, Outcome: Refused}
	}
	var fields []Field
	var sections []string
	for _, k := range e.Contestants[:min(len(e.Contestants), 25)] {
		fields = append(fields, Field{Name: k.Name, Value: reply.Result(e, k)})
		if k.Seats != nil {
			sections = append(sections, k.Seats.Section)
		}
	}
	return Response{
		Title:   "Lists — " + e.Title,
		Text:    "The article has no table of electoral lists, so there are no ballot numbers; these lists appear in it:",
		Fields:  fields,
		Source:  Source{Election: e.Title, Section: reply.Sections(sections...)},
		Outcome: Answered,
	}
}

// listLine renders one ballot list compactly.
func listLine(c *knowledge.Contestant) string {
	s := c.BallotName
	if c.Carrier != "" {
		s += " — carried by " + c.Carrier
	}
	for _, n := range c.Notes {
		s += " (" + reply.LowerFirst(n) + ")"
	}
	return s
}
