package wiki

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// electionResults converts {{Election results}} into a pipe table as the
// template's Lua module draws it: a row per party, candidate or other row
// (partyN, candN, rowN, allianceN over aspanN rows), votes and shares per
// round (votesN, votesN_2; shares computed from the valid votes where the
// template leaves them to the module), swing (swN), seats (seatsN) and
// their change (scN), then the totals rows: Total, Valid votes,
// Invalid/blank votes, Total votes and Registered voters/turnout.
func (c *converter) electionResults(t *wikitext.Template, depth int) {
	c.isElection = true
	er := c.readResults(t, depth)
	if len(er.rows) == 0 {
		c.warn(t.Pos, "dropped {{%s}} without rows", displayName(t))
		return
	}
	if caption := er.param("caption"); caption != "" {
		c.emit(outBlock{kind: outParagraph, text: caption, pos: t.Pos})
	}
	c.emit(outBlock{kind: outTable, rows: er.table(), pos: t.Pos})
	if src := er.param("source"); src != "" {
		c.emit(outBlock{kind: outParagraph, text: "Source: " + src, pos: t.Pos})
	}
	for _, k := range []string{"notes", "footnote", "footnotes"} {
		if n := er.param(k); n != "" {
			c.emit(outBlock{kind: outParagraph, text: n, pos: t.Pos})
		}
	}
}

// erKey normalises a parameter name of {{Election results}}: lower case,
// no spaces or underscores but a round suffix's ("total_sc" -> "totalsc",
// "votes3_2" -> "votes3_2").
func erKey(raw string) string {
	k := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	suffix := ""
	if n := len(k); n > 2 && k[n-2] == '_' && k[n-1] >= '0' && k[n-1] <= '9' {
		k, suffix = k[:n-2], k[n-2:]
	}
	return strings.ReplaceAll(k, "_", "") + suffix
}

// erParamRe splits "votes3_2" into field, row and round.
var erParamRe = regexp.MustCompile(`^([a-z]+)(\d+)(?:_(\d))?$`)

// rowFields are the per-row fields that make a row.
var rowFields = map[string]bool{"party": true, "cand": true, "row": true, "alliance": true, "votes": true, "seats": true}

// erTable is a read {{Election results}}.
type erTable struct {
	global map[string]string         // caption, valid, invalid, electorate, ...
	cells  map[int]map[string]string // row number -> "votes", "votes_2", ...
	rows   []int
	// what the columns hold
	alliance, cand, party, vp, sw, seats, sc, round2 bool
	seatTypes                                        []string
	// validCache holds each round's valid votes once summed.
	validCache map[string]validSum
}

type validSum struct {
	v  float64
	ok bool
}

func (c *converter) readResults(t *wikitext.Template, depth int) *erTable {
	er := &erTable{global: map[string]string{}, cells: map[int]map[string]string{}}
	for _, a := range t.Args {
		if a.Name != nil {
			er.set(erKey(wikitext.PlainText(a.Name)), func() string { return c.render(a.Value, ctxCell, depth+1) })
		}
	}
	for n, fs := range er.cells {
		for f := range fs {
			if rowFields[f] {
				er.rows = append(er.rows, n)
				break
			}
		}
	}
	sort.Ints(er.rows)
	for k := 1; k <= 10; k++ {
		if st := er.param("seattype" + strconv.Itoa(k)); st != "" {
			er.seatTypes = append(er.seatTypes, st)
		}
	}
	return er
}

// maxRows bounds the row numbers read ("votes99999999=1" is no row).
const maxRows = 10000

// set files one parameter: a row's field ("votes3_2" is row 3's votes in
// the second round, "st3t2" its seats in custom seat column 2), or a
// parameter of the whole table.
func (er *erTable) set(key string, value func() string) {
	row := func(n string) map[string]string {
		i, err := strconv.Atoi(n)
		if err != nil || i > maxRows {
			return nil
		}
		if er.cells[i] == nil {
			er.cells[i] = map[string]string{}
		}
		return er.cells[i]
	}
	if st := stRe.FindStringSubmatch(key); st != nil {
		if fs := row(st[1]); fs != nil {
			fs["stt"+st[2]] = value()
		}
		return
	}
	if t := roundTotalRe.FindStringSubmatch(key); t != nil {
		// A round's totals are written both ways: "invalid_2", "invalid2".
		er.global[t[1]+"_"+t[2]] = value()
		return
	}
	m := erParamRe.FindStringSubmatch(key)
	if m == nil || strings.HasPrefix(key, "seattype") {
		er.global[key] = value()
		return
	}
	fs := row(m[2])
	if fs == nil {
		return
	}
	f := m[1]
	if m[3] != "" {
		f += "_" + m[3]
	}
	if f == "colour" {
		f = "color"
	}
	fs[f] = value()
	er.note(f, m[3] != "")
}

// roundTotalRe matches a later round's totals written without the
// underscore ("invalid2"), which would otherwise read as a row's field.
var roundTotalRe = regexp.MustCompile(`^(valid|invalid|blank|totalvotes|electorate|turnout)([2-9])$`)

// stRe matches the custom seat columns, "st3t2".
var stRe = regexp.MustCompile(`^st(\d+)t(\d+)$`)

// note records which columns the rows use.
func (er *erTable) note(f string, round2 bool) {
	switch strings.TrimSuffix(f, "_2") {
	case "alliance":
		er.alliance = true
	case "cand":
		er.cand = true
	case "party":
		er.party = true
	case "vp":
		er.vp = true
	case "sw":
		er.sw = er.sw || !round2
	case "seats":
		er.seats = true
	case "sc":
		er.sc = true
	case "votes", "pct":
		er.round2 = er.round2 || round2
	}
}

func (er *erTable) param(k string) string { return er.global[k] }

// A column of the results table: its header and how a party row and a
// totals row fill it.
type erColumn struct {
	header string
	cell   func(n int) string
	total  func(kind totalKind) string
}

type totalKind int

const (
	totalRow totalKind = iota
	validRow
	invalidRow
	votesRow
	electorateRow
)

// table lays the read template out as rows, the header first.
func (er *erTable) table() [][]string {
	cols := er.columns()
	header := make([]string, len(cols))
	for i, col := range cols {
		header[i] = col.header
	}
	out := [][]string{header}
	alliance, left := "", 0
	for _, n := range er.rows {
		fs := er.cells[n]
		if a := fs["alliance"]; a != "" {
			alliance, left = a, 1
			if span, err := strconv.Atoi(fs["aspan"]); err == nil && span > 1 {
				left = span
			}
		} else if left <= 0 {
			alliance = ""
		}
		left--
		row := make([]string, len(cols))
		for i, col := range cols {
			if col.header == "Alliance" {
				row[i] = alliance
				continue
			}
			row[i] = col.cell(n)
		}
		out = append(out, row)
	}
	for _, k := range er.totalKinds() {
		row := make([]string, len(cols))
		for i, col := range cols {
			if col.total != nil {
				row[i] = col.total(k)
			}
		}
		row[0] = er.totalLabel(k)
		out = append(out, row)
	}
	return out
}

// totalKinds are the totals rows the template draws for the parameters
// it has.
func (er *erTable) totalKinds() []totalKind {
	kinds := []totalKind{totalRow}
	if er.param("invalid") != "" {
		kinds = append(kinds, validRow, invalidRow, votesRow)
	} else if er.param("totalvotes") != "" {
		kinds = append(kinds, votesRow)
	}
	if er.param("electorate") != "" {
		kinds = append(kinds, electorateRow)
	}
	return kinds
}

func (er *erTable) totalLabel(k totalKind) string {
	switch k {
	case validRow:
		return "Valid votes"
	case invalidRow:
		if er.param("blank") != "" {
			return "Invalid votes"
		}
		return "Invalid/blank votes"
	case votesRow:
		return "Total votes"
	case electorateRow:
		return "Registered voters/turnout"
	}
	return "Total"
}

// columns chooses the columns: names, then votes and shares per round,
// swing, seats and their change.
func (er *erTable) columns() []erColumn {
	var cols []erColumn
	text := func(f string) func(int) string { return func(n int) string { return er.cells[n][f] } }
	partyTitle := orDefault(er.param("partytitle"), "Party")
	candTitle := orDefault(er.param("candtitle"), "Candidate")
	name := func(f string) func(int) string {
		return func(n int) string {
			if r := er.cells[n]["row"]; r != "" {
				return r // "Against all", "None of the above"
			}
			return er.cells[n][f]
		}
	}
	switch {
	case er.cand && er.party && er.param("dsv") != "":
		cols = append(cols, erColumn{header: partyTitle, cell: name("party")}, erColumn{header: candTitle, cell: text("cand")})
	case er.cand && er.party:
		cols = append(cols, erColumn{header: candTitle, cell: name("cand")}, erColumn{header: partyTitle, cell: text("party")})
	case er.cand:
		cols = append(cols, erColumn{header: candTitle, cell: name("cand")})
	default:
		cols = append(cols, erColumn{header: partyTitle, cell: name("party")})
	}
	if er.vp {
		cols = append(cols, erColumn{header: "Running mate", cell: text("vp")})
	}
	if er.alliance {
		// After the names, not before as the template draws it: the first
		// name column is what the table is about, row by row.
		cols = append(cols, erColumn{header: "Alliance"})
	}
	if er.round2 {
		cols = append(cols, er.roundColumns(orDefault(er.param("firstround"), "First round")+" ", "")...)
		cols = append(cols, er.roundColumns(orDefault(er.param("secondround"), "Second round")+" ", "_2")...)
	} else {
		cols = append(cols, er.roundColumns("", "")...)
	}
	if er.seats {
		cols = append(cols, erColumn{header: "Seats", cell: text("seats"), total: er.seatTotal})
	}
	for k, st := range er.seatTypes {
		f := "t" + strconv.Itoa(k+1)
		cols = append(cols, erColumn{header: st, cell: func(n int) string { return er.stCell(n, f) }})
	}
	if er.sc {
		cols = append(cols, erColumn{header: "+/–", cell: func(n int) string { return formatChange(er.cells[n]["sc"]) },
			total: func(k totalKind) string {
				if k == totalRow {
					return formatChange(er.param("totalsc"))
				}
				return ""
			}})
	}
	return cols
}

// roundColumns are one round's votes and share columns (and the swing for
// a single round).
func (er *erTable) roundColumns(prefix, suffix string) []erColumn {
	votesHeader, pctHeader := prefix+"votes", prefix+"%"
	if prefix == "" {
		votesHeader = "Votes"
	}
	cols := []erColumn{
		{header: votesHeader, cell: func(n int) string { return formatNumberText(er.cells[n]["votes"+suffix]) },
			total: func(k totalKind) string { return er.totalVotes(k, suffix) }},
		{header: pctHeader, cell: func(n int) string { return er.share(n, suffix) },
			total: func(k totalKind) string { return er.totalShare(k, suffix) }},
	}
	if er.sw && suffix == "" {
		cols = append(cols, erColumn{header: "+/–", cell: func(n int) string { return formatChange(er.cells[n]["sw"]) }})
	}
	return cols
}

// valid is a round's valid votes: the "valid" parameter, else the sum of
// the rows' votes.
func (er *erTable) valid(suffix string) (float64, bool) {
	if c, ok := er.validCache[suffix]; ok {
		return c.v, c.ok
	}
	sum, any := 0.0, false
	if v, ok := parseNumber(er.param("valid" + suffix)); ok {
		sum, any = v, true
	} else {
		for _, n := range er.rows {
			if v, ok := parseNumber(er.cells[n]["votes"+suffix]); ok {
				sum += v
				any = true
			}
		}
	}
	if er.validCache == nil {
		er.validCache = map[string]validSum{}
	}
	er.validCache[suffix] = validSum{sum, any}
	return sum, any
}

// cast is a round's total votes: "totalvotes", else valid plus invalid.
func (er *erTable) cast(suffix string) (float64, bool) {
	if v, ok := parseNumber(er.param("totalvotes" + suffix)); ok {
		return v, true
	}
	valid, ok := er.valid(suffix)
	invalid, _ := parseNumber(er.param("invalid" + suffix))
	return valid + invalid, ok
}

func (er *erTable) share(n int, suffix string) string {
	if p := er.cells[n]["pct"+suffix]; p != "" {
		return p
	}
	v, ok := parseNumber(er.cells[n]["votes"+suffix])
	valid, okV := er.valid(suffix)
	if !ok || !okV || valid <= 0 {
		return ""
	}
	return formatPercent(v / valid * 100)
}

func (er *erTable) totalVotes(k totalKind, suffix string) string {
	var v float64
	var ok bool
	switch k {
	case totalRow, validRow:
		v, ok = er.valid(suffix)
	case invalidRow:
		v, ok = parseNumber(er.param("invalid" + suffix))
	case votesRow:
		v, ok = er.cast(suffix)
	case electorateRow:
		v, ok = parseNumber(er.param("electorate" + suffix))
		if !ok && suffix != "" {
			v, ok = parseNumber(er.param("electorate"))
		}
	}
	if !ok {
		return ""
	}
	return formatThousands(v, 0)
}

func (er *erTable) totalShare(k totalKind, suffix string) string {
	if _, ok := er.valid(suffix); !ok {
		return ""
	}
	cast, _ := er.cast(suffix)
	of := func(param string) string {
		v, ok := parseNumber(er.param(param + suffix))
		if param == "valid" {
			v, ok = er.valid(suffix)
		}
		if !ok || cast <= 0 {
			return ""
		}
		return formatPercent(v / cast * 100)
	}
	switch k {
	case totalRow, votesRow:
		return "100.00"
	case validRow:
		return of("valid")
	case invalidRow:
		return of("invalid")
	case electorateRow:
		if t := er.param("turnout" + suffix); t != "" {
			return strings.TrimSuffix(t, "%")
		}
		e, ok := parseNumber(er.param("electorate" + suffix))
		if !ok && suffix != "" {
			e, ok = parseNumber(er.param("electorate"))
		}
		if !ok || e <= 0 {
			return ""
		}
		return formatPercent(cast / e * 100)
	}
	return ""
}

func (er *erTable) seatTotal(k totalKind) string {
	if k != totalRow {
		return ""
	}
	for _, p := range []string{"totalseats", "totseats", "seats"} {
		if s := er.param(p); s != "" {
			return s
		}
	}
	sum, any := 0.0, false
	for _, n := range er.rows {
		if v, ok := parseNumber(er.cells[n]["seats"]); ok {
			sum += v
			any = true
		}
	}
	if !any {
		return ""
	}
	return formatThousands(sum, 0)
}

// stCell is a custom seat column's cell: "st3t2" is row 3, column 2.
func (er *erTable) stCell(n int, f string) string {
	return er.cells[n]["st"+f]
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// referendumTable converts {{Referendum}}: options, valid, invalid and
// total votes and turnout, shares computed where not given.
func (c *converter) referendumTable(t *wikitext.Template, depth int) {
	c.isElection = true
	p := func(k string) string { return c.named(t, k, ctxCell, depth+1) }
	yesV, okY := parseNumber(p("yes"))
	noV, okN := parseNumber(p("no"))
	if !okY || !okN {
		c.warn(t.Pos, "dropped {{%s}} without yes and no votes", displayName(t))
		return
	}
	valid := yesV + noV
	if v, ok := parseNumber(p("valid")); ok {
		valid = v
	}
	invalid, okI := parseNumber(p("invalid"))
	total := valid + invalid
	if v, ok := parseNumber(p("total")); ok {
		total = v
	}
	pct := func(given string, v, of float64) string {
		if given != "" {
			return strings.TrimSuffix(given, "%")
		}
		if of <= 0 {
			return ""
		}
		return formatPercent(v / of * 100)
	}
	rows := [][]string{
		{"Choice", "Votes", "%"},
		{orDefault(p("option1"), "Yes"), formatThousands(yesV, 0), pct(p("yespct"), yesV, valid)},
		{orDefault(p("option2"), "No"), formatThousands(noV, 0), pct(p("nopct"), noV, valid)},
		{"Valid votes", formatThousands(valid, 0), pct(p("validpct"), valid, total)},
	}
	if okI {
		rows = append(rows, []string{orDefault(p("invalidname"), "Invalid or blank votes"), formatThousands(invalid, 0), pct(p("invalidpct"), invalid, total)})
	}
	rows = append(rows, []string{"Total votes", formatThousands(total, 0), "100.00"})
	if e, ok := parseNumber(p("electorate")); ok {
		rows = append(rows, []string{"Registered voters/turnout", formatThousands(e, 0), pct(p("turnoutpct"), total, e)})
	}
	if title := p("title"); title != "" {
		c.emit(outBlock{kind: outParagraph, text: title, pos: t.Pos})
	}
	c.emit(outBlock{kind: outTable, rows: rows, pos: t.Pos})
	if src := p("source"); src != "" {
		c.emit(outBlock{kind: outParagraph, text: "Source: " + src, pos: t.Pos})
	}
}
