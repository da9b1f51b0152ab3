package knowledge

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// A ParseError is a format error at one line of one article file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// MaxLineBytes bounds one line. A paragraph is one line, and the longest
// in real articles is a few kilobytes; a line of megabytes is not prose,
// and would make every search that reads it slow.
const MaxLineBytes = 32 << 10

// Parse reads one article in the format ARCHITECTURE.md describes. It
// accepts what real articles do (missing infobox, ragged short table rows,
// any bullet style) and rejects what cannot be read unambiguously, with a
// *ParseError that names file and line.
func Parse(file string, r io.Reader) (*Article, error) {
	p := &parser{a: &Article{File: file, Footnotes: map[string]string{}}}
	sc := bufio.NewScanner(r)
	// Room for the line end too ("\r\n"), which the scanner must see.
	sc.Buffer(make([]byte, 0, 4096), MaxLineBytes+2)
	n := 0
	for sc.Scan() {
		n++
		raw := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if len(raw) > MaxLineBytes {
			return nil, p.errorf(n, "line longer than %d bytes: split the paragraph", MaxLineBytes)
		}
		if n == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		if !utf8.Valid(raw) {
			return nil, p.errorf(n, "line is not valid UTF-8")
		}
		if bytes.IndexByte(raw, 0) >= 0 {
			return nil, p.errorf(n, "line contains a NUL byte")
		}
		if err := p.line(n, strings.TrimRight(string(raw), " \t\r")); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, p.errorf(n+1, "line longer than %d bytes: split the paragraph", MaxLineBytes)
		}
		return nil, fmt.Errorf("%s: read: %w", file, err)
	}
	if p.a.Title == "" {
		return nil, p.errorf(max(n, 1), "no title line (\"= Title =\"): the file is empty")
	}
	if err := p.endSource(); err != nil {
		return nil, err
	}
	p.flush()
	return p.a, nil
}

type parser struct {
	a *Article
	// inInfobox is true while "- Key: Value" lines belong to the infobox;
	// sectionBox when that infobox is a later one, of the current section.
	inInfobox, sectionBox bool
	// seenBody is set once anything but the title and infobox has appeared.
	seenBody bool
	// inSource is true while "- Key: Value" lines belong to the source
	// block; sourceSeen holds the line of each key it has given.
	inSource   bool
	sourceSeen map[string]int
	cur        *Section
	// The block being gathered, if any.
	block *Block
	para  []string
}

func (p *parser) errorf(line int, format string, args ...any) error {
	return &ParseError{File: p.a.File, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) line(n int, s string) error {
	trimmed := strings.TrimSpace(s)
	if p.a.Title == "" {
		if trimmed == "" {
			return nil
		}
		title, ok := titleLine(trimmed)
		if !ok {
			return p.errorf(n, "expected the title line \"= Title =\", found %q", clip(trimmed))
		}
		p.a.Title = title
		p.cur = &Section{Level: 1, Line: n}
		p.a.Sections = append(p.a.Sections, p.cur)
		return nil
	}
	if trimmed == "" {
		p.flush()
		p.inInfobox = false
		return p.endSource()
	}
	if p.inSource {
		if item, ok := bullet(trimmed); ok {
			return p.sourceLine(n, item)
		}
		if err := p.endSource(); err != nil {
			return err
		}
	}
	if p.inInfobox {
		item, ok := bullet(trimmed)
		if ok && (!p.sectionBox || strings.Contains(item, ":")) {
			return p.infoboxLine(n, item)
		}
		// The article's infobox ends only at a blank line or a heading:
		// anything else is most likely a field that lost its "- ", and
		// reading it as prose would drop the field without a word. A
		// later infobox ends at its first line that is no "- Key: Value":
		// that line is the section's own.
		if !p.sectionBox && !strings.HasPrefix(trimmed, "=") {
			return p.errorf(n, "infobox line %q is not \"- Key: Value\" (a blank line ends the infobox)", clip(trimmed))
		}
		p.inInfobox = false
	}
	switch {
	case !p.seenBody && isSourceHeading(trimmed):
		return p.startSource(n)
	case isInfoboxLine(trimmed):
		p.flush()
		p.inInfobox = true
		// The first infobox describes the article; a later one (a mayor's
		// under a "Mayor" heading) belongs to its section.
		p.sectionBox = p.seenBody || len(p.a.Infobox) > 0
		return nil
	case strings.HasPrefix(trimmed, "="):
		return p.heading(n, trimmed)
	case strings.HasPrefix(trimmed, "|"):
		return p.tableRow(n, trimmed)
	case strings.HasPrefix(trimmed, "^{"):
		return p.legend(n, trimmed)
	}
	p.seenBody = true
	if item, ok := bullet(trimmed); ok {
		if p.block == nil || p.block.Kind != List {
			p.flush()
			p.block = &Block{Kind: List, Line: n}
		}
		p.block.Items = append(p.block.Items, Item{Text: item, Line: n})
		return nil
	}
	if p.block != nil && p.block.Kind != Paragraph {
		p.flush()
	}
	if p.block == nil {
		p.block = &Block{Kind: Paragraph, Line: n}
	}
	p.para = append(p.para, trimmed)
	return nil
}

func (p *parser) infoboxLine(n int, item string) error {
	key, value, ok := strings.Cut(item, ":")
	key = strings.TrimSpace(key)
	if !ok || key == "" {
		return p.errorf(n, "infobox line %q is not \"- Key: Value\"", clip(item))
	}
	f := Field{Key: key, Value: cleanValue(value), Line: n}
	if p.sectionBox {
		p.cur.Infobox = append(p.cur.Infobox, f)
		return nil
	}
	p.a.Infobox = append(p.a.Infobox, f)
	return nil
}

// isInfoboxLine reports the line that opens an infobox: "Infobox", or
// "Infobox election", alone on its line.
func isInfoboxLine(s string) bool {
	return strings.HasPrefix(Fold(s), "infobox") && !strings.ContainsAny(s, ":|=.,") && len(s) < 40
}

func (p *parser) heading(n int, s string) error {
	lead := len(s) - len(strings.TrimLeft(s, "="))
	trail := len(s) - len(strings.TrimRight(s, "="))
	title := strings.TrimSpace(strings.Trim(s, "="))
	switch {
	case lead != trail:
		return p.errorf(n, "heading %q has %d '=' before and %d after", clip(s), lead, trail)
	case lead == 1:
		return p.errorf(n, "a second title line %q: sections are \"==Section==\"", clip(s))
	case lead > 6:
		return p.errorf(n, "heading %q is nested deeper than level 6", clip(s))
	case title == "":
		return p.errorf(n, "heading without a title")
	}
	p.flush()
	p.inInfobox = false
	p.seenBody = true
	sec := &Section{Title: title, Level: lead, Line: n}
	if lead > 2 {
		for i := len(p.a.Sections) - 1; i >= 0; i-- {
			if prev := p.a.Sections[i]; prev.Level == 2 {
				sec.Parent = prev.Title
				break
			}
		}
	}
	p.cur = sec
	p.a.Sections = append(p.a.Sections, sec)
	return nil
}

func (p *parser) tableRow(n int, s string) error {
	if !strings.HasSuffix(s, "|") || len(s) < 2 {
		return p.errorf(n, "table row does not end with \"|\"")
	}
	parts := strings.Split(s[1:len(s)-1], "|")
	cells := make([]string, len(parts))
	sep := true
	for i, c := range parts {
		cells[i] = strings.TrimSpace(c)
		if strings.Trim(cells[i], "-: ") != "" {
			sep = false
		}
	}
	p.seenBody = true
	if p.block == nil || p.block.Kind != Table {
		p.flush()
		p.block = &Block{Kind: Table, Line: n}
	}
	if sep && len(p.block.Rows) == 1 {
		return nil // a Markdown-style "|---|---|" rule under the header
	}
	if len(p.block.Rows) > 0 {
		width := len(p.block.Rows[0])
		if len(cells) > width {
			return p.errorf(n, "table row has %d cells but the header (line %d) has %d", len(cells), p.block.Line, width)
		}
		for len(cells) < width {
			cells = append(cells, "")
		}
	}
	p.block.Rows = append(p.block.Rows, cells)
	p.block.RowLines = append(p.block.RowLines, n)
	return nil
}

func (p *parser) legend(n int, s string) error {
	end := strings.Index(s, "}")
	if end < 0 {
		return p.errorf(n, "footnote legend %q has no closing '}'", clip(s))
	}
	mark := strings.TrimSpace(s[2:end])
	meaning := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s[end+1:]), "—–-:=·"))
	if mark == "" || meaning == "" {
		return p.errorf(n, "footnote legend %q is not \"^{mark} — meaning\"", clip(s))
	}
	p.flush()
	p.seenBody = true
	p.a.Footnotes[mark] = meaning
	p.cur.Blocks = append(p.cur.Blocks, Block{Kind: Legend, Line: n, Text: mark + " — " + meaning})
	return nil
}

// flush closes the block being gathered.
func (p *parser) flush() {
	if p.block == nil {
		return
	}
	if p.block.Kind == Paragraph {
		p.block.Text = strings.Join(p.para, " ")
		p.para = p.para[:0]
	}
	p.cur.Blocks = append(p.cur.Blocks, *p.block)
	p.block = nil
}

func titleLine(s string) (string, bool) {
	if len(s) < 3 || s[0] != '=' || s[len(s)-1] != '=' || strings.HasPrefix(s, "==") {
		return "", false
	}
	t := strings.TrimSpace(s[1 : len(s)-1])
	return t, t != ""
}

// bullet returns the text of a bullet line ("- x", "* x", "• x").
func bullet(s string) (string, bool) {
	for _, m := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(s, m) {
			return strings.TrimSpace(s[len(m):]), true
		}
	}
	return "", false
}

// cleanValue trims an infobox value of the stray punctuation that article
// exports leave behind ("Siniša Mali,").
func cleanValue(v string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(v), ",;"))
}

func clip(s string) string {
	const n = 60
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
