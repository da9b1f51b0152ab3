package knowledge

import (
	"regexp"
	"strings"
)

// columns says which column of a table holds what; -1 where none does.
type columns struct {
	number, name, carrier, note                 int
	votes, share, seats, seatChange, shareSwing int
	pollster, date, sample                      int
	// skip marks columns that are neither a party nor a known field in a
	// poll table (lead, others, undecided, margin of error).
	skip map[int]bool
}

// classify reads a table header.
func classify(header []string) columns {
	c := columns{number: -1, name: -1, carrier: -1, note: -1, votes: -1, share: -1,
		seats: -1, seatChange: -1, shareSwing: -1, pollster: -1, date: -1, sample: -1,
		skip: map[int]bool{}}
	set := func(p *int, i int) bool {
		if *p < 0 {
			*p = i
			return true
		}
		return false
	}
	for i, h := range header {
		f := strings.TrimSpace(Fold(stripMarks(h)))
		words := strings.Join(Tokens(f), " ")
		switch {
		case f == "":
		case isChangeHeader(f):
			if strings.Contains(f, "%") || strings.Contains(f, "swing") || (c.share >= 0 && c.seats < 0) {
				set(&c.shareSwing, i)
			} else if !set(&c.seatChange, i) {
				set(&c.shareSwing, i)
			}
		case strings.Contains(f, "%") || hasAny(words, "percentage", "percent", "share", "odsto", "procenat"):
			set(&c.share, i)
		case hasAny(words, "votes", "vote", "popular vote", "glasova", "glasovi"):
			set(&c.votes, i)
		case hasAny(words, "seats", "seat", "mandates", "mandati", "mandata"):
			set(&c.seats, i)
		case hasAny(words, "pollster", "polling firm", "firm", "agency", "polling organisation",
			"polling organization", "conducted by", "polling company", "commissioner", "source", "agencija"):
			set(&c.pollster, i)
		case hasAny(words, "date", "dates", "fieldwork", "period", "datum"):
			set(&c.date, i)
		case hasAny(words, "sample", "sample size", "uzorak") || words == "n":
			set(&c.sample, i)
		case hasAny(words, "carrier", "list leader", "head of list", "leader", "nosilac", "candidate for mayor"):
			set(&c.carrier, i)
		case hasAny(words, "note", "notes", "remark", "remarks"):
			set(&c.note, i)
		case hasAny(words, "number", "no", "ballot number", "list number", "broj", "br") || f == "#":
			set(&c.number, i)
		case hasAny(words, "ballot name", "name", "list", "electoral list", "party", "parties",
			"coalition", "alliance", "lista", "stranka", "candidate list", "party coalition", "list name",
			"naziv", "naziv liste", "izborna lista", "partija", "koalicija"):
			set(&c.name, i)
		case hasAny(words, "lead", "others", "other", "undecided", "dont know", "none", "margin", "moe", "turnout", "ostali"):
			c.skip[i] = true
		}
	}
	return c
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

func (c columns) isLists() bool {
	return c.name >= 0 && (c.number >= 0 || c.carrier >= 0) &&
		c.votes < 0 && c.share < 0 && c.seats < 0 && c.pollster < 0
}

func (c columns) isResults() bool {
	return c.name >= 0 && (c.votes >= 0 || c.share >= 0 || c.seats >= 0) && c.pollster < 0 && c.date < 0
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
