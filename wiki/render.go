package wiki

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// A rctx is where rendered text goes; a few templates read differently
// in a table cell or an infobox value.
type rctx int

const (
	ctxText    rctx = iota // prose, list items, headings
	ctxCell                // a table cell
	ctxInfobox             // an infobox value
	ctxColour              // an infobox colour: a hex colour or nothing
)

// Markers the renderer leaves in text and resolves at the end: the sign of
// {{increase}} and its kin joins the number after it.
const signMark = '\x01'

// render turns inline nodes into one line of plain text: markup removed,
// templates read, entities decoded, whitespace collapsed.
func (c *converter) render(nodes []wikitext.Node, ctx rctx, depth int) string {
	r := &inline{c: c, ctx: ctx, depth: depth}
	r.nodes(nodes)
	return finish(string(r.buf))
}

// inline renders nodes into buf.
type inline struct {
	c     *converter
	ctx   rctx
	depth int
	buf   []byte
	// extLink is set inside "[http://... label]": the label is text, the
	// closing ']' is dropped.
	extLink bool
	// supAt is where the text of an open <sup> began in buf; -1 when none.
	supAt []int
}

func (r *inline) nodes(nodes []wikitext.Node) {
	if r.depth > maxDepth {
		return
	}
	for _, n := range nodes {
		switch n := n.(type) {
		case *wikitext.Text:
			r.text(n.Value)
		case *wikitext.Template:
			r.buf = append(r.buf, r.c.template(n, r.ctx, r.depth+1)...)
		case *wikitext.Link:
			r.link(n)
		case *wikitext.Tag:
			r.tag(n)
		case *wikitext.Argument:
			r.nodes(n.Default)
		}
	}
}

// urlSchemes start external links.
var urlSchemes = []string{"https://", "http://", "//", "ftp://", "mailto:", "irc://", "ircs://", "news:", "sftp://", "git://"}

// text writes text with bold and italic quotes removed and external links
// reduced to their labels.
func (r *inline) text(s string) {
	for s != "" {
		if r.extLink {
			end := strings.IndexByte(s, ']')
			if end < 0 {
				r.buf = append(r.buf, stripQuotes(s)...)
				return
			}
			r.buf = append(r.buf, stripQuotes(s[:end])...)
			r.extLink = false
			s = s[end+1:]
			continue
		}
		open := extLinkStart(s)
		if open < 0 {
			r.buf = append(r.buf, stripQuotes(s)...)
			return
		}
		r.buf = append(r.buf, stripQuotes(s[:open])...)
		s = s[open+1:]
		end := strings.IndexAny(s, " \t\n]")
		switch {
		case end < 0:
			return // "[http://x" running to the end of the text: a bare URL
		case s[end] == ']':
			s = s[end+1:] // "[http://x]" shows as a number: nothing to read
		default:
			r.extLink = true
			s = s[end+1:]
		}
	}
}

// extLinkStart finds a '[' that opens an external link.
func extLinkStart(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '[' {
			continue
		}
		rest := strings.ToLower(s[i+1:])
		for _, p := range urlSchemes {
			if strings.HasPrefix(rest, p) {
				return i
			}
		}
	}
	return -1
}

// stripQuotes removes the apostrophe runs of bold and italic markup:
// ” and ”' and ””' go, ”” leaves one apostrophe, longer runs leave
// the extra ones, as MediaWiki renders them.
func stripQuotes(s string) string {
	if !strings.Contains(s, "''") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\'' {
			b.WriteByte(s[i])
			i++
			continue
		}
		n := 1
		for i+n < len(s) && s[i+n] == '\'' {
			n++
		}
		switch {
		case n == 1:
			b.WriteByte('\'')
		case n == 4:
			b.WriteByte('\'')
		case n > 5:
			b.WriteString(strings.Repeat("'", n-5))
		}
		i += n
	}
	return b.String()
}

// link writes an internal link's text; files, categories and links to
// other languages show nothing.
func (r *inline) link(l *wikitext.Link) {
	target := strings.TrimSpace(r.c.render(l.Target, ctxText, r.depth+1))
	colon := strings.HasPrefix(target, ":")
	target = strings.TrimPrefix(target, ":")
	if ns, _, ok := strings.Cut(target, ":"); ok {
		switch k := strings.ToLower(strings.TrimSpace(ns)); {
		case (k == "file" || k == "image" || k == "media") && !colon:
			return
		case k == "category" && !colon:
			return
		case isLanguageCode(k) && !colon && len(l.Args) == 0:
			return // an interlanguage link
		}
	}
	if len(l.Args) > 0 {
		text := r.c.render(l.Args[0], r.ctx, r.depth+1)
		if strings.TrimSpace(text) != "" {
			r.buf = append(r.buf, text...)
			return
		}
		target = pipeTrick(target) // [[Page (disambiguation)|]]
	}
	r.buf = append(r.buf, strings.ReplaceAll(target, "_", " ")...)
}

// pipeTrick shortens a target as "[[Target|]]" shows it: without its
// namespace and a trailing "(...)" or ", ...".
func pipeTrick(t string) string {
	if _, rest, ok := strings.Cut(t, ":"); ok {
		t = rest
	}
	if i := strings.LastIndex(t, " ("); i > 0 && strings.HasSuffix(t, ")") {
		return t[:i]
	}
	if i := strings.Index(t, ", "); i > 0 {
		return t[:i]
	}
	return t
}

// isLanguageCode reports whether a link prefix is a wiki language code
// ("sr", "de", "zh-yue"), which makes [[sr:...]] an interlanguage link.
func isLanguageCode(s string) bool {
	base, _, _ := strings.Cut(s, "-")
	if len(base) < 2 || len(base) > 3 || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z') && r != '-' {
			return false
		}
	}
	return true
}

// tagHandlers read the tags that hold or shape text; other HTML tags let
// their content through. droppedTags hold content the converter cannot
// read, which it says.
var (
	tagHandlers map[string]func(r *inline, t *wikitext.Tag)
	droppedTags = map[string]bool{"math": true, "chem": true, "ce": true, "gallery": true,
		"timeline": true, "graph": true, "mapframe": true, "maplink": true, "score": true,
		"imagemap": true, "syntaxhighlight": true, "source": true, "inputbox": true,
		"categorytree": true, "hiero": true, "charinsert": true, "phonos": true, "chart": true}
)

func init() {
	// Set here, not in the declaration: the handlers render, which reads
	// tags.
	tagHandlers = map[string]func(r *inline, t *wikitext.Tag){
		"nowiki": literalTag, "pre": literalTag, "poem": poemTag, "sup": supTag,
		"br": spaceTag, "hr": spaceTag, "p": spaceTag, "li": spaceTag, "div": spaceTag,
		"td": spaceTag, "th": spaceTag, "tr": spaceTag,
	}
}

// tag reads a tag. References, TemplateStyles and the like show nothing
// and need no handler.
func (r *inline) tag(t *wikitext.Tag) {
	if h := tagHandlers[t.Name]; h != nil {
		h(r, t)
	} else if droppedTags[t.Name] && !t.Closing {
		r.c.warn(t.Pos, "dropped <%s>: not content the converter reads", t.Name)
	}
}

func literalTag(r *inline, t *wikitext.Tag) { r.buf = append(r.buf, t.Body...) }

func poemTag(r *inline, t *wikitext.Tag) { r.nodes(wikitext.Parse(t.Body)) }

func spaceTag(r *inline, _ *wikitext.Tag) { r.buf = append(r.buf, ' ') }

// supTag marks where superscript text begins, and at its end turns it
// into a footnote mark when it is one.
func supTag(r *inline, t *wikitext.Tag) {
	switch {
	case !t.Closing && !t.SelfClosing:
		r.supAt = append(r.supAt, len(r.buf))
	case t.Closing && len(r.supAt) > 0:
		at := r.supAt[len(r.supAt)-1]
		r.supAt = r.supAt[:len(r.supAt)-1]
		mark := string(r.buf[at:])
		r.buf = append(r.buf[:at], r.c.sup(mark, r.buf[:at], r.ctx)...)
	}
}

// sup renders superscript text: a footnote mark of a table or a legend
// ("<sup>M</sup>") becomes "^{M}", which the article format reads as a
// mark; anything else ("1<sup>st</sup>", "km<sup>2</sup>") stays text.
func (c *converter) sup(text string, before []byte, ctx rctx) string {
	t := strings.TrimSpace(finish(text))
	if ctx == ctxInfobox || ctx == ctxColour || !isMark(t, before) {
		return text
	}
	return "^{" + t + "}"
}

// isMark reports whether superscript text is a footnote mark: one to three
// letters or symbols, not an ordinal after a number and not a power.
func isMark(t string, before []byte) bool {
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 3 || strings.ContainsAny(t, "{}|^") {
		return false
	}
	prev, _ := utf8.DecodeLastRune(before)
	if unicode.IsDigit(prev) {
		return false // 1st, 2nd, 10^3
	}
	for _, r := range t {
		if unicode.IsSpace(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var (
	magicRe = regexp.MustCompile(`__[A-Z]+__`)
	// signRe joins a sign from {{increase}} and its kin to the number
	// after it: "+ 5" -> "+5".
	signRe = regexp.MustCompile("\x01([+−±])\\s*")
)

// finish decodes entities and collapses whitespace. It leaves the sign
// markers for resolveSigns, so that a sign from a template joins a number
// written after the template.
func finish(s string) string {
	if strings.Contains(s, "__") {
		s = magicRe.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u2009', '\u202f', '\u200a', '\u2002', '\u2003':
			return ' '
		case '\u200b', '\u200e', '\u200f', '\ufeff', '\u00ad':
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// changeKeyRe matches the infobox parameters whose values are changes
// (seat_change1, swing1, ...): the only ones where {{increase}} and its
// kin are signs rather than arrows beside a figure.
var changeKeyRe = regexp.MustCompile(`(?i)change|swing|gain|loss|diff|^sc\d*$`)

// dropArrows removes the sign markers of {{increase}} and its kin that
// stand as arrows beside a figure ("{{decrease}} 58.1% (second round)"),
// keeping those that sign a change: one in points ("(+1.5 pp)") or one
// written right after the figure it changes ("55.2% {{increase}} 3.1%").
func dropArrows(s string) string {
	if strings.IndexByte(s, signMark) < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, signMark)
		if i < 0 || i+1 >= len(s) {
			b.WriteString(s)
			break
		}
		_, size := utf8.DecodeRuneInString(s[i+1:])
		mark, rest := s[i:i+1+size], s[i+1+size:]
		b.WriteString(s[:i])
		if pointsRe.MatchString(rest) || afterFigureRe.MatchString(b.String()) {
			b.WriteString(mark)
		}
		s = rest
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var (
	// pointsRe: a signed number in points follows.
	pointsRe = regexp.MustCompile(`^\s*\d[\d.,]*\s*(pp\b|p\.p\.|percentage point|point|pts\b)`)
	// afterFigureRe: text that ends in a figure, maybe with "%" and "(".
	afterFigureRe = regexp.MustCompile(`\d%?\s*\(?\s*$`)
)

// resolveSigns joins each sign marker's sign to the number after it; a
// lone {{steady}} is "0".
func resolveSigns(s string) string {
	if strings.IndexByte(s, signMark) < 0 {
		return s
	}
	if s == string(signMark)+"±" {
		return "0"
	}
	s = signRe.ReplaceAllString(s, "$1")
	return strings.ReplaceAll(s, string(signMark), "")
}
