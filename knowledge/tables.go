package knowledge

import (
	"regexp"
	"strings"
)

// columns says which column of a table holds what; -1 where none does.
type columns struct {
	number, name, carrier, note int
	// abbrev is a column of the parties' abbreviations ("SDS").
	abbrev                                      int
	votes, share, seats, seatChange, shareSwing int
	pollster, date, sample                      int
	// candidate is a column of candidates' names; party the column of
	// their parties (or a second name column).
	candidate, party int
	// others, lead and undecided are a poll table's columns of those names.
	others, lead, undecided int
	// rounds are the columns of each round in a table of several rounds
	// ("First round votes"); votes and share are then the first round's.
	rounds []roundColumns
	// skip marks columns that are neither a party nor a known field in a
	// poll table (lead, others, undecided, margin of error).
	skip map[int]bool
}

// roundColumns are the columns of one round of a results table.
type roundColumns struct {
	round               int
	votes, share, seats int
}

// classify reads a table header.
func classify(header []string) columns {
	c := columns{number: -1, name: -1, carrier: -1, note: -1, abbrev: -1, votes: -1, share: -1,
		seats: -1, seatChange: -1, shareSwing: -1, pollster: -1, date: -1, sample: -1,
		candidate: -1, party: -1, others: -1, lead: -1, undecided: -1,
		skip: map[int]bool{}}
	byRound := map[int]*roundColumns{}
	roundCol := func(r int) *roundColumns {
		if byRound[r] == nil {
			byRound[r] = &roundColumns{round: r, votes: -1, share: -1, seats: -1}
			c.rounds = append(c.rounds, *byRound[r])
		}
		return byRound[r]
	}
	lastRound := 0
	for i, h := range header {
		if r := roundOf(h); r > 0 {
			roundCol(r).set(h, i)
			lastRound = r
			continue
		}
		f := strings.TrimSpace(Fold(stripMarks(h)))
		words := strings.Join(Tokens(f), " ")
		if lastRound > 0 && roundCol(lastRound).takes(f, words, i) {
			// "First round | % | Second round | %": a bare column after a
			// round's is that round's.
			continue
		}
		if f != "" {
			c.classifyCell(f, words, i)
		}
	}
	c.finishRounds(byRound, roundCol)
	if c.candidate >= 0 {
		// The name column beside a candidate column is the candidate's
		// party.
		if c.party < 0 {
			c.party = c.name
		}
		c.name = c.candidate
	}
	return c
}

// setColumn gives a field its column if no earlier column took it.
func setColumn(p *int, i int) bool {
	if *p < 0 {
		*p = i
		return true
	}
	return false
}

// A headerRule recognises one kind of header cell and records its
// column. Rules are tried in order: the first that matches wins, so "%"
// comes before "votes" ("Votes %") and a change column before both.
type headerRule struct {
	match func(f, words string) bool
	apply func(c *columns, f, words string, i int)
}

// phrases matches a header whose words begin or end with one of ps.
func phrases(ps ...string) func(f, words string) bool {
	return func(_, words string) bool { return hasAny(words, ps...) }
}

// field records the column as the field p picks, if none has it yet.
func field(p func(c *columns) *int) func(c *columns, f, words string, i int) {
	return func(c *columns, _, _ string, i int) { setColumn(p(c), i) }
}

var headerRules = []headerRule{
	// "2014 seats": another election's figures, not this one's.
	{func(f, words string) bool {
		return yearRe.MatchString(f) || hasAny(words, "last election", "previous election", "prethodni izbori")
	}, func(c *columns, _, _ string, i int) { c.skip[i] = true }},
	{phrases("abbreviation", "abbr", "acronym", "short name", "skracenica", "kratica", "skraceni naziv"),
		field(func(c *columns) *int { return &c.abbrev })},
	{func(f, _ string) bool { return isChangeHeader(f) }, (*columns).change},
	{func(f, words string) bool {
		return strings.Contains(f, "%") || hasAny(words, "percentage", "percent", "share", "odsto", "procenat")
	}, field(func(c *columns) *int { return &c.share })},
	{phrases("votes", "vote", "popular vote", "glasova", "glasovi"), field(func(c *columns) *int { return &c.votes })},
	{phrases("seats", "seat", "mandates", "mandati", "mandata"), field(func(c *columns) *int { return &c.seats })},
	{phrases("pollster", "polling firm", "firm", "agency", "polling organisation",
		"polling organization", "conducted by", "polling company", "commissioner", "source", "agencija"),
		field(func(c *columns) *int { return &c.pollster })},
	{phrases("date", "dates", "fieldwork", "period", "datum"), field(func(c *columns) *int { return &c.date })},
	{func(_, words string) bool { return hasAny(words, "sample", "sample size", "uzorak") || words == "n" },
		field(func(c *columns) *int { return &c.sample })},
	{phrases("carrier", "list leader", "head of list", "leader", "nosilac", "candidate for mayor"),
		field(func(c *columns) *int { return &c.carrier })},
	{phrases("note", "notes", "remark", "remarks"), field(func(c *columns) *int { return &c.note })},
	{func(f, words string) bool {
		return hasAny(words, "number", "no", "ballot number", "list number", "broj", "br") || f == "#"
	}, field(func(c *columns) *int { return &c.number })},
	{func(_, words string) bool { return candidateHeaders[words] }, field(func(c *columns) *int { return &c.candidate })},
	{phrases("choice", "option", "answer", "response", "odgovor", "ballot name", "name", "list", "electoral list", "party", "parties",
		"coalition", "alliance", "lista", "stranka", "candidate list", "party coalition", "list name",
		"naziv", "naziv liste", "izborna lista", "partija", "koalicija"),
		func(c *columns, _, _ string, i int) {
			// A second name column is the party beside a candidate.
			if !setColumn(&c.name, i) {
				setColumn(&c.party, i)
			}
		}},
	{phrases("lead", "others", "other", "undecided", "dont know", "none", "margin", "moe", "turnout", "ostali", "neodlucni"),
		func(c *columns, _, words string, i int) { c.skipColumn(words, i) }},
}

// candidateHeaders are the whole headers of a column of candidates.
var candidateHeaders = map[string]bool{"candidate": true, "candidates": true, "nominee": true, "kandidat": true,
	"kandidati": true, "candidate name": true, "name of candidate": true}

// classifyCell records what the header cell f (folded; words, its
// tokens) says its column i holds.
func (c *columns) classifyCell(f, words string, i int) {
	for _, r := range headerRules {
		if r.match(f, words) {
			r.apply(c, f, words, i)
			return
		}
	}
}

// change records a change column: a swing of shares where the header
// says so or the table has shares but no seats, else the seats' change.
func (c *columns) change(f, _ string, i int) {
	if strings.Contains(f, "%") || strings.Contains(f, "swing") || (c.share >= 0 && c.seats < 0) {
		setColumn(&c.shareSwing, i)
	} else if !setColumn(&c.seatChange, i) {
		setColumn(&c.shareSwing, i)
	}
}

// set gives a round's header cell ("First round %") its column.
func (rc *roundColumns) set(h string, i int) {
	rest := withoutRound(stripMarks(h))
	words := strings.Join(Tokens(Fold(rest)), " ")
	p := &rc.votes
	switch {
	case strings.Contains(rest, "%") || hasAny(words, "percentage", "percent", "share"):
		p = &rc.share
	case hasAny(words, "seats", "seat", "mandates"):
		p = &rc.seats
	}
	if *p < 0 {
		*p = i
	}
}

// takes gives a round a bare figure column ("%", "Votes") that follows
// its own, when the round has no such column yet; it reports whether it
// did.
func (rc *roundColumns) takes(f, words string, i int) bool {
	var p *int
	switch {
	case isChangeHeader(f):
		return false
	case strings.Contains(f, "%") || hasAny(words, "percentage", "percent", "share"):
		p = &rc.share
	case hasAny(words, "votes", "vote"):
		p = &rc.votes
	default:
		return false
	}
	if *p >= 0 {
		return false
	}
	*p = i
	return true
}

// skipColumn marks a poll table's column that names no party, keeping the
// Others, Undecided and Lead columns for their figures.
func (c *columns) skipColumn(words string, i int) {
	c.skip[i] = true
	var p *int
	switch {
	case hasAny(words, "others", "other", "ostali"):
		p = &c.others
	case hasAny(words, "undecided", "dont know", "neodlucni"):
		p = &c.undecided
	case words == "lead" || words == "margin":
		p = &c.lead
	}
	if p != nil && *p < 0 {
		*p = i
	}
}

// finishRounds orders the round columns and makes votes and share the
// first round's.
func (c *columns) finishRounds(byRound map[int]*roundColumns, roundCol func(int) *roundColumns) {
	if len(c.rounds) == 0 {
		return
	}
	if byRound[1] == nil && (c.votes >= 0 || c.share >= 0) {
		// "Votes | % | Run-off votes | Run-off %": the plain columns are
		// the first round's.
		rc := roundCol(1)
		rc.votes, rc.share = c.votes, c.share
	}
	for k := range c.rounds {
		c.rounds[k] = *byRound[c.rounds[k].round]
	}
	sortBy(c.rounds, func(r roundColumns) int { return r.round })
	c.votes, c.share = c.rounds[0].votes, c.rounds[0].share
	if c.seats < 0 {
		c.seats = c.rounds[0].seats
	}
}

// classifyBlock reads a table's header (two rows where a group row such
// as "First round | | Second round" sits over "Votes | % | Votes | %")
// and tells date columns by their cells, whatever their header says, so
// that "13 June 2020" is never read as 13%.
func classifyBlock(b Block) columns {
	header, start := mergedHeader(b)
	c := classify(header)
	if c.date >= 0 || len(b.Rows) <= start {
		return c
	}
	for i := range header {
		if c.isKnown(i) {
			continue
		}
		dates, filled := 0, 0
		for _, row := range b.Rows[start:] {
			v := cell(row, i)
			if isBlankCell(v) {
				continue
			}
			filled++
			if isDateCell(v) {
				dates++
			}
		}
		if filled > 0 && dates*2 > filled {
			c.date = i
			c.skip[i] = true
			break
		}
	}
	return c
}

// isKnown reports whether column i already has a meaning.
func (c columns) isKnown(i int) bool {
	for _, v := range []int{c.number, c.name, c.carrier, c.note, c.abbrev, c.votes, c.share, c.seats, c.seatChange,
		c.shareSwing, c.pollster, c.date, c.sample, c.candidate, c.party} {
		if v == i {
			return true
		}
	}
	for _, r := range c.rounds {
		if r.votes == i || r.share == i || r.seats == i {
			return true
		}
	}
	return c.skip[i]
}

// isDateCell reports a cell that states a date or period: "13 June 2020",
// "12–14 May", "May 2020", "early 2014", "2020-06-13".
func isDateCell(v string) bool {
	return len(Months(v)) > 0 || isoDateRe.MatchString(v) || periodRe.MatchString(v)
}

var (
	isoDateRe = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	periodRe  = regexp.MustCompile(`(?i)^(?:early|mid|late|mid-)\s*\d{4}$`)
)

// mergedHeader returns a table's header and the index of its first body
// row: one header row, or two where the second is a row of column words
// under round groups.
func mergedHeader(b Block) ([]string, int) {
	if len(b.Rows) == 0 {
		return nil, 0
	}
	top := b.Rows[0]
	if len(b.Rows) < 2 || !isSubHeader(b.Rows[1]) {
		return top, 1
	}
	sub := b.Rows[1]
	out := make([]string, len(top))
	group := ""
	for i := range top {
		t := strings.TrimSpace(stripMarks(top[i]))
		if t != "" {
			group = ""
			if roundOf(t) > 0 {
				group = t
			}
		}
		u := strings.TrimSpace(stripMarks(cell(sub, i)))
		switch {
		case t != "" && u != "" && t != u:
			out[i] = t + " " + u
		case t != "":
			out[i] = t
		case group != "" && u != "":
			out[i] = group + " " + u
		default:
			out[i] = u
		}
	}
	return out, 2
}

// isSubHeader reports a second header row: column words only ("Votes",
// "%", "Seats", "+/−"), no figures and no names.
func isSubHeader(row []string) bool {
	n := 0
	for _, v := range row {
		v = strings.TrimSpace(stripMarks(v))
		if v == "" {
			continue
		}
		f := Fold(v)
		words := strings.Join(Tokens(f), " ")
		if !(strings.Contains(f, "%") || isChangeHeader(f) || hasAny(words, "votes", "vote", "seats", "percentage", "share", "glasova", "mandata")) {
			return false
		}
		n++
	}
	return n > 0
}

func isChangeHeader(f string) bool {
	for _, s := range []string{"+/-", "+-", "±", "+/−", "change", "swing", "gain", "promena"} {
		if strings.Contains(f, s) {
			return true
		}
	}
	return false
}

// hasAny reports whether words (space-joined tokens) equals, starts with or
// ends with any phrase, as whole words.
func hasAny(words string, phrases ...string) bool {
	for _, p := range phrases {
		if words == p || strings.HasPrefix(words, p+" ") || strings.HasSuffix(words, " "+p) {
			return true
		}
	}
	return false
}

// isLists reports a table of the ballot lists: names with ballot numbers
// or carriers, and no figures. An abbreviation column is one more thing
// it may say of each list when it numbers them; without numbers it is a
// table introducing the parties (partyTables).
func (c columns) isLists() bool {
	return c.name >= 0 && (c.number >= 0 || c.carrier >= 0) && (c.abbrev < 0 || c.number >= 0) &&
		c.votes < 0 && c.share < 0 && c.seats < 0 && c.pollster < 0
}

func (c columns) isResults() bool {
	return c.name >= 0 && (c.votes >= 0 || c.share >= 0 || c.seats >= 0) && c.pollster < 0 && c.date < 0
}

// isCandidateList reports a table of candidates without results: "No. |
// Candidate | Party".
func (c columns) isCandidateList() bool {
	return c.candidate >= 0 && c.votes < 0 && c.share < 0 && c.seats < 0 && c.pollster < 0 && c.date < 0
}

func (c columns) isPolls() bool { return c.pollster >= 0 || (c.date >= 0 && c.name < 0) }

var markRe = regexp.MustCompile(`\^\{([^}]*)\}`)

// stripMarks removes footnote marks ("^{M}") from text.
func stripMarks(s string) string {
	if !strings.Contains(s, "^{") {
		return s
	}
	return strings.TrimSpace(markRe.ReplaceAllString(s, ""))
}

// marks returns the footnote marks in s, in order.
func marks(s string) []string {
	var out []string
	for _, m := range markRe.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

// cell returns row[i] without footnote marks, or "" when i is absent.
func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return stripMarks(row[i])
}

// IsBlankCell reports the ways tables say "nothing here", for answers
// that read a table as it stands.
func IsBlankCell(s string) bool { return isBlankCell(s) }

// StripMarks removes footnote marks ("^{M}") from a cell.
func StripMarks(s string) string { return stripMarks(s) }

// isBlankCell reports the ways tables say "nothing here".
func isBlankCell(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—", "n/a", "N/A", "?", "×":
		return true
	}
	return false
}

// tables returns every table of the article with its section.
func (a *Article) tables() []sectionBlock {
	var out []sectionBlock
	for _, s := range a.Sections {
		for i := range s.Blocks {
			if s.Blocks[i].Kind == Table {
				out = append(out, sectionBlock{s, &s.Blocks[i]})
			}
		}
	}
	return out
}

type sectionBlock struct {
	s *Section
	b *Block
}
