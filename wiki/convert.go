// Package wiki turns English Wikipedia election articles into electionbot's
// article format (see DESIGN.md and data/belgrade-2014.txt), and fetches
// them from the MediaWiki Action API. It reads the markup with
// wiki/wikitext and gives the templates election articles use their
// meaning: the election infoboxes, {{Election results}}, poll dates, party
// colours and the many small templates of prose. What it cannot read it
// drops with a warning that names it; it never fails on bad markup.
package wiki

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// Options tell Convert what the page is and what else it may use.
type Options struct {
	// Title is the page's title, the article's title line. When empty the
	// infobox's election name is used, else DefaultTitle.
	Title        string
	DefaultTitle string
	// Source, when set, is written as the article's source block.
	Source *Source
	// Colour returns a party's colour ("#RRGGBB") or "" when unknown; the
	// command gives it the aliases data. It may be nil.
	Colour func(party string) string
}

// A Source is where the page comes from; Convert writes it as the
// article's source block, which knowledge.Parse reads back.
type Source struct {
	Title        string
	URL          string // the revision's permanent link
	Page         string // the page's current address
	Revision     int64
	RevisionTime time.Time
	Retrieved    time.Time
	Licence      string
	LicenceURL   string
	Attribution  string
}

// The licence of Wikipedia's text, and whom to credit.
const (
	Licence     = "CC BY-SA 4.0"
	LicenceURL  = "https://creativecommons.org/licenses/by-sa/4.0/"
	Attribution = "Wikipedia contributors"
)

// A Result is one converted page.
type Result struct {
	// Text is the article in electionbot's format.
	Text  string
	Title string
	// Election reports whether the page is an election article: it has an
	// election or referendum infobox, or a results table.
	Election bool
	// Warnings say what was dropped, in the order first met.
	Warnings []Warning
}

// A Warning says what the converter dropped and where in the wikitext.
type Warning struct {
	Line  int // where it first happened
	Msg   string
	Count int // how many times
}

func (w Warning) String() string {
	s := fmt.Sprintf("line %d: %s", w.Line, w.Msg)
	if w.Count > 1 {
		s += fmt.Sprintf(" (%d times)", w.Count)
	}
	return s
}

// maxDepth bounds how deep templates inside templates and tables inside
// tables are followed.
const maxDepth = 40

// Convert reads one page of wikitext.
func Convert(src string, opt Options) *Result {
	src = cleanInput(src)
	c := &converter{opt: opt, lines: wikitext.NewLines(src), warned: map[string]*Warning{}}
	c.walk(wikitext.Blocks(wikitext.Parse(src)), 0)
	title := strings.TrimSpace(opt.Title)
	for _, t := range []string{c.infoboxName, opt.DefaultTitle, "Untitled election"} {
		if title == "" {
			title = strings.TrimSpace(t)
		}
	}
	res := &Result{Title: title, Election: c.isElection}
	res.Text = c.write(title)
	res.Warnings = c.warnings()
	return res
}

// cleanInput makes the text valid UTF-8 with Unix line ends and without
// control characters (which the converter uses as markers and the article
// format refuses).
func cleanInput(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, s)
}

type converter struct {
	opt   Options
	lines wikitext.Lines
	out   []outBlock
	// infobox holds the election infobox's fields; infoboxName its
	// election name.
	infobox     []field
	infoboxName string
	haveInfobox bool
	isElection  bool
	// skipLevel is the level of a skipped section (References, External
	// links, ...) while its blocks are dropped; 0 otherwise.
	skipLevel int
	warned    map[string]*Warning
	order     []*Warning
}

// warn records a warning once per message, counting repeats.
func (c *converter) warn(pos int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	c.warnAs(msg, pos, msg)
}

// warnAs records a warning once per key, counting repeats: a template
// written "Bar box" and "bar box" is one template.
func (c *converter) warnAs(key string, pos int, msg string) {
	if w, ok := c.warned[key]; ok {
		w.Count++
		return
	}
	w := &Warning{Line: c.lines.Line(pos), Msg: msg, Count: 1}
	c.warned[key] = w
	c.order = append(c.order, w)
}

func (c *converter) warnings() []Warning {
	out := make([]Warning, len(c.order))
	for i, w := range c.order {
		out[i] = *w
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// skippedSections hold no facts about the election: references, links
// away and navigation.
var skippedSections = map[string]bool{
	"references": true, "notes": true, "footnotes": true, "citations": true,
	"sources": true, "external links": true, "see also": true, "further reading": true,
	"bibliography": true, "explanatory notes": true, "notes and references": true,
	"references and notes": true, "reference": true, "works cited": true,
}

// walk converts blocks in order.
func (c *converter) walk(blocks []wikitext.Block, depth int) {
	if depth > maxDepth {
		return
	}
	for _, b := range blocks {
		if h, ok := b.(*wikitext.Heading); ok {
			c.heading(h)
			continue
		}
		if c.skipLevel > 0 {
			continue
		}
		switch b := b.(type) {
		case *wikitext.Paragraph:
			c.paragraph(b, depth)
		case *wikitext.ListItem:
			c.listItem(b, depth)
		case *wikitext.Table:
			c.table(b, depth)
		}
	}
}

func (c *converter) heading(h *wikitext.Heading) {
	title := c.render(h.Content, ctxText, 0)
	level := min(max(h.Level, 2), 6)
	if c.skipLevel > 0 && level > c.skipLevel {
		return
	}
	c.skipLevel = 0
	if skippedSections[strings.ToLower(title)] {
		c.skipLevel = level
		return
	}
	title = strings.TrimSpace(strings.Trim(title, "= "))
	if title == "" {
		c.warn(h.Pos, "dropped a heading with no text")
		return
	}
	c.emit(outBlock{kind: outHeading, level: level, text: title})
}

// paragraph converts a paragraph, taking out the templates that are blocks
// of their own (infoboxes, results tables) where they stand.
func (c *converter) paragraph(p *wikitext.Paragraph, depth int) {
	var seg []wikitext.Node
	flush := func() {
		if text := c.render(seg, ctxText, depth); text != "" {
			c.emit(outBlock{kind: outParagraph, text: text, pos: p.Pos})
		}
		seg = nil
	}
	for i, line := range p.Lines {
		if i > 0 {
			seg = append(seg, &wikitext.Text{Value: "\n"})
		}
		for _, n := range line {
			if t, ok := n.(*wikitext.Template); ok {
				if fn := blockTemplates[templateName(t)]; fn != nil {
					flush()
					fn(c, t, depth)
					continue
				}
			}
			seg = append(seg, n)
		}
	}
	flush()
}

func (c *converter) listItem(li *wikitext.ListItem, depth int) {
	text := c.render(li.Content, ctxText, depth)
	if text == "" {
		return
	}
	switch li.Marker[len(li.Marker)-1] {
	case '*', '#':
		c.emit(outBlock{kind: outList, text: text, pos: li.Pos})
	default:
		// ";" terms and ":" indents read as lines of prose ("Factor
		// Plus, 20–26 January:" before the poll's bullets).
		c.emit(outBlock{kind: outParagraph, text: text, pos: li.Pos})
	}
}
