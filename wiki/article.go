package wiki

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// outKind says what an output block is.
type outKind int

const (
	outParagraph outKind = iota + 1
	outList
	outHeading
	outTable
	outInfobox // a section's infobox
)

// An outBlock is one block of the article being written.
type outBlock struct {
	kind  outKind
	level int // of a heading
	text  string
	rows  [][]string // of a table, the header first
	// fields of an infobox
	fields []field
	pos    int
}

func (c *converter) emit(b outBlock) { c.out = append(c.out, b) }

// maxLine bounds an article line; the article parser takes lines up to
// 1 MiB, and no prose paragraph is near this long.
const maxLine = 256 << 10

// write lays the article out in electionbot's format: the title line, the
// source block, the infobox, then the lead and the sections. Every line is
// made safe for the format's parser: prose that would read as a heading,
// a table row, a legend or a block heading is changed so that it does not.
func (c *converter) write(title string) string {
	w := &writer{c: c}
	w.line("= " + oneLine(title) + " =")
	if s := c.opt.Source; s != nil {
		w.blank()
		w.line("Source")
		writeSource(w, s)
	}
	if len(c.infobox) > 0 {
		w.blank()
		w.infobox(c.infobox)
	}
	prev := outKind(0)
	for _, b := range c.out {
		w.block(b, prev)
		prev = b.kind
	}
	return w.b.String()
}

// writeSource writes the source block's lines.
func writeSource(w *writer, s *Source) {
	item := func(k, v string) {
		if v = oneLine(v); v != "" {
			w.line("- " + k + ": " + v)
		}
	}
	item("Title", s.Title)
	item("URL", s.URL)
	item("Page", s.Page)
	if s.Revision > 0 {
		item("Revision", strconv.FormatInt(s.Revision, 10))
	}
	if !s.RevisionTime.IsZero() {
		item("Revision Time", s.RevisionTime.UTC().Format(time.RFC3339))
	}
	if !s.Retrieved.IsZero() {
		item("Retrieved", s.Retrieved.UTC().Format(time.RFC3339))
	}
	item("Licence", s.Licence)
	item("Licence URL", s.LicenceURL)
	item("Attribution", s.Attribution)
}

type writer struct {
	c *converter
	b strings.Builder
	// body is set once prose or a heading is written: before it, a line
	// "Source" or "Infobox ..." would open a block.
	body bool
}

func (w *writer) line(s string) {
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func (w *writer) blank() { w.b.WriteByte('\n') }

// block writes one block: a blank line before it, except right after a
// heading and between a paragraph and the list it leads into.
func (w *writer) block(b outBlock, prev outKind) {
	switch {
	case prev == outHeading:
	case b.kind == outList && (prev == outList || prev == outParagraph):
	default:
		w.blank()
	}
	switch b.kind {
	case outHeading:
		t := strings.TrimSpace(strings.Trim(oneLine(b.text), "="))
		if t == "" {
			t = "Untitled section"
		}
		eq := strings.Repeat("=", b.level)
		w.line(eq + t + eq)
	case outParagraph:
		w.line(w.prose(b.text, b.pos))
	case outInfobox:
		w.infobox(b.fields)
	case outList:
		w.line("- " + oneLine(b.text))
	case outTable:
		for _, row := range b.rows {
			cells := make([]string, len(row))
			for i, cell := range row {
				cells[i] = cellSafe(cell)
			}
			w.line("| " + strings.Join(cells, " | ") + " |")
		}
	}
	w.body = true
}

// infobox writes an "Infobox" line and its "- Key: Value" lines.
func (w *writer) infobox(fields []field) {
	w.line("Infobox")
	for _, f := range fields {
		key := strings.TrimSpace(strings.ReplaceAll(oneLine(f.key), ":", " "))
		if key != "" {
			w.line("- " + key + ": " + oneLine(f.value))
		}
	}
}

// legendRe is a footnote legend the article format reads: "^{M} — meaning".
var legendRe = regexp.MustCompile(`^\^\{([^}]*)\}\s*[—–\-:=·]*\s*(.*)$`)

// prose makes a paragraph one safe line.
func (w *writer) prose(text string, pos int) string {
	s := oneLine(text)
	s = strings.TrimLeft(s, "=| ")
	if m := legendRe.FindStringSubmatch(s); strings.HasPrefix(s, "^{") && (m == nil || strings.TrimSpace(m[1]) == "" || strings.TrimSpace(m[2]) == "") {
		s = strings.TrimPrefix(s, "^{") // a mark alone is no legend
		s = strings.Replace(s, "}", "", 1)
	}
	if f := strings.ToLower(s); !w.body && f == "source" || opensInfobox(s) {
		s = "(" + s + ")" // would open a source block or an infobox
	}
	if s == "" {
		s = "…"
	}
	if len(s) > maxLine {
		w.c.warn(pos, "cut a paragraph longer than %d bytes", maxLine)
		s = clipBytes(s, maxLine)
	}
	return s
}

// opensInfobox reports whether a line would open an infobox: a short
// line of "Infobox" and words, anywhere in the article. The parser folds
// diacritics ("Ínfobox"), so any letter beyond ASCII counts as a match.
func opensInfobox(s string) bool {
	if len(s) >= 40 || strings.ContainsAny(s, ":|=.,") {
		return false
	}
	word := []rune(s)
	for i, c := range "infobox" {
		if i >= len(word) || word[i] < utf8.RuneSelf && unicode.ToLower(word[i]) != c {
			return false
		}
	}
	return true
}

// oneLine makes text one line of the article with its signs resolved.
func oneLine(s string) string {
	s = resolveSigns(s)
	if strings.ContainsAny(s, "\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return clipBytes(s, maxLine)
}

// cellSafe makes text a cell: no '|' (which would end it) on one line.
func cellSafe(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", "/")
}

func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
