package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
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
		return c.say.Invalid(lang.NotAListNumber, c.say.Quote(arg), c.rangeHint(e))
	}
	k := e.ContestantByBallot(n)
	if k == nil {
		if n < 1 {
			return c.say.Invalid(lang.ListNumbersStart, c.rangeHint(e))
		}
		return c.say.Invalid(lang.NoSuchList, reply.Clip(strings.TrimSpace(arg), 24), c.rangeHint(e))
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
func (c *call) rangeHint(e *knowledge.Election) string {
	ballots := e.Ballots()
	maxN := e.MaxBallot()
	if len(ballots) == maxN && ballots[0].Ballot == 1 {
		return c.say.T(lang.ListRange, len(ballots), maxN)
	}
	nums := make([]int, len(ballots))
	for i, b := range ballots {
		nums[i] = b.Ballot
	}
	return c.say.T(lang.ListNumbered, len(ballots), reply.Ranges(nums))
}

func (c *call) listPage(e *knowledge.Election, page int) Response {
	ballots := e.Ballots()
	if len(ballots) == 0 {
		return c.unnumberedLists(e)
	}
	pages := (len(ballots) + listPageSize - 1) / listPageSize
	page = min(max(page, 1), pages)
	var fields []Field
	for _, k := range ballots[(page-1)*listPageSize : min(page*listPageSize, len(ballots))] {
		fields = append(fields, Field{Name: strconv.Itoa(k.Ballot), Value: c.listLine(k)})
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
	fields, sections = c.profileFields(e, k, fields, sections, false)
	return Response{
		Title:   c.say.T(lang.TitleList, k.Ballot, k.BallotName),
		Fields:  fields,
		Colour:  k.Colour,
		Source:  reply.SourceOf(e, sections...),
		Outcome: Answered,
	}
}

// profileFields adds what is known of a contestant beyond its ballot entry:
// infobox name and leader, result, polls.
func (c *call) profileFields(e *knowledge.Election, k *knowledge.Contestant, fields []Field, sections []string, ballot bool) ([]Field, []string) {
	if ballot && k.Ballot > 0 {
		fields = append(fields, Field{Name: c.say.T(lang.FieldList), Value: fmt.Sprintf("%d: %s", k.Ballot, k.BallotName)})
		if k.Carrier != "" {
			fields = append(fields, Field{Name: c.say.T(lang.FieldCarrier), Value: k.Carrier, Inline: true})
		}
		for _, n := range k.Notes {
			fields = append(fields, Field{Name: c.say.T(lang.FieldNote), Value: n})
		}
		sections = append(sections, e.ListsSection)
	}
	if k.InfoboxName != "" && k.InfoboxName != k.BallotName && !ballot {
		fields = append(fields, Field{Name: c.say.T(lang.FieldInInfobox), Value: k.InfoboxName, Inline: true})
	}
	if k.Leader != "" {
		fields = append(fields, Field{Name: c.say.T(lang.FieldLeader), Value: k.Leader, Inline: true})
		sections = append(sections, knowledge.SectionInfobox)
	}
	if len(k.Abbrevs) > 0 {
		fields = append(fields, Field{Name: c.say.T(lang.FieldKnownAs), Value: strings.Join(k.Abbrevs, ", "), Inline: true})
	}
	if line := c.say.Result(e, k); line != "" {
		fields = append(fields, Field{Name: c.say.T(lang.FieldResult), Value: line})
		for _, f := range []*knowledge.Figure{k.Seats, k.Share, k.Votes} {
			if f != nil {
				sections = append(sections, f.Section)
			}
		}
		if k.PrevSeats != nil {
			fields = append(fields, Field{Name: c.say.SeatsBefore(e), Value: reply.Num(k.PrevSeats), Inline: true})
		}
	} else if line := c.say.NoSeats(e, k); line != "" {
		fields = append(fields, Field{Name: c.say.T(lang.FieldResult), Value: line})
		sections = append(sections, knowledge.SectionInfobox)
	}
	return c.pollFields(e, k, fields, sections)
}

// pollFields adds a contestant's figure in every poll that gives one.
func (c *call) pollFields(e *knowledge.Election, k *knowledge.Contestant, fields []Field, sections []string) ([]Field, []string) {
	var polls []string
	for _, p := range e.Polls {
		if en := p.Entry(k); en != nil {
			polls = append(polls, fmt.Sprintf("%s: %s", c.say.PollLabel(p), reply.Pct(en.Share)))
		}
	}
	if len(polls) > 0 {
		fields = append(fields, Field{Name: c.say.T(lang.FieldPolls), Value: strings.Join(polls, "\n")})
		sections = append(sections, e.PollsSection)
	}
	return fields, sections
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

// unnumberedLists answers /list for an article without a lists table with
// the lists its infobox and results name.
func (c *call) unnumberedLists(e *knowledge.Election) Response {
	if len(e.Contestants) == 0 {
		return Response{Text: c.say.T(lang.NoListsAnywhere),
			Source: reply.SourceOf(e), Outcome: Refused}
	}
	var fields []Field
	var sections []string
	for _, k := range e.Contestants[:min(len(e.Contestants), 25)] {
		fields = append(fields, Field{Name: k.Name, Value: c.say.Result(e, k)})
		if k.Seats != nil {
			sections = append(sections, k.Seats.Section)
		}
	}
	return Response{
		Title:   c.say.T(lang.TitleListsPlain, e.Title),
		Text:    c.say.T(lang.UnnumberedLists),
		Fields:  fields,
		Source:  reply.SourceOf(e, sections...),
		Outcome: Answered,
	}
}

// listLine renders one ballot list compactly.
func (c *call) listLine(k *knowledge.Contestant) string {
	s := k.BallotName
	if k.Carrier != "" {
		s = c.say.T(lang.CarriedBy, s, k.Carrier)
	}
	for _, n := range k.Notes {
		s += " (" + reply.LowerFirst(n) + ")"
	}
	return s
}
