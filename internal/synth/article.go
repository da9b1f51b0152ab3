package synth

import (
	"fmt"
	"strings"
)

// An article is written top to bottom: the title, the infobox, the lead,
// then sections.
type article struct {
	g     *gen
	place *place
	year  int
	shape *shape
	title string

	box  []string // "Key: Value"
	lead []string // paragraphs
	secs []*section
}

type section struct {
	title  string
	level  int
	blocks []string // paragraphs, tables and lists, as written
}

func (a *article) field(key string, format string, args ...any) {
	a.box = append(a.box, key+": "+fmt.Sprintf(format, args...))
}

// assemblyBox writes the infobox lines of an assembly elected every four
// years.
func (a *article) assemblyBox(seats int, d date, turnout int) {
	a.field("Previous Election", "%d", a.year-4)
	a.field("Next Election", "%d", a.year+4)
	a.field("Seats For Election", "All %d seats in the City Assembly", seats)
	a.field("Majority Seats", "%d", seats/2+1)
	a.field("Election Date", "%s", d)
	a.field("Turnout", "%s%%", pct(turnout))
}

// officeBox writes who held an office before and after the election.
func (a *article) officeBox(title, before, beforeParty, after, afterParty string) {
	a.field("Title", "%s", title)
	a.field("Before Election", "%s", before)
	a.field("Before Party", "%s", beforeParty)
	a.field("After Election", "%s", after)
	a.field("After Party", "%s", afterParty)
}

func (a *article) section(title string) *section {
	s := &section{title: title, level: 2}
	a.secs = append(a.secs, s)
	return s
}

func (a *article) subsection(title string) *section {
	s := &section{title: title, level: 3}
	a.secs = append(a.secs, s)
	return s
}

func (s *section) para(format string, args ...any) {
	s.blocks = append(s.blocks, fmt.Sprintf(format, args...))
}

// sentences adds a paragraph of sentences.
func (s *section) sentences(ss ...string) {
	s.blocks = append(s.blocks, strings.Join(ss, " "))
}

// table adds a pipe table, the header first; rule adds the "|---|" line
// that wide tables carry under their header.
func (s *section) table(rule bool, rows ...[]string) {
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 && rule {
			b.WriteString(strings.Repeat("|---", len(r)) + "|\n")
		}
	}
	s.blocks = append(s.blocks, strings.TrimSuffix(b.String(), "\n"))
}

// list adds a bullet list, after a lead-in line when there is one.
func (s *section) list(lead string, items ...string) {
	var b strings.Builder
	if lead != "" {
		b.WriteString(lead + "\n")
	}
	for _, it := range items {
		b.WriteString("- " + it + "\n")
	}
	s.blocks = append(s.blocks, strings.TrimSuffix(b.String(), "\n"))
}

func (a *article) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "= %s =\n\nInfobox\n- Election Name: %s\n", a.title, a.title)
	for _, f := range a.box {
		b.WriteString("- " + f + "\n")
	}
	for _, p := range a.lead {
		b.WriteString("\n" + p + "\n")
	}
	for _, s := range a.secs {
		mark := strings.Repeat("=", s.level)
		fmt.Fprintf(&b, "\n%s%s%s\n", mark, s.title, mark)
		for i, bl := range s.blocks {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(bl + "\n")
		}
	}
	return b.String()
}
