// Package wikitext reads MediaWiki wikitext the way MediaWiki's own parser
// sees it: first a tree of templates (with their parameters), template
// arguments, links, tags, comments and text, then the blocks of the page
// (headings, paragraphs, list items and tables with their rows and cells).
// It knows the syntax only: what a template means is for its caller. It
// never fails: text that does not form a construct (an unclosed "{{") stays
// text, as it does on Wikipedia.
package wikitext

import (
	"sort"
	"strings"
)

// A Node is one piece of parsed wikitext.
type Node interface {
	// Offset is the byte offset in the source where the node starts.
	Offset() int
}

// Text is plain text, newlines included, exactly as in the source.
type Text struct {
	Value string
	Pos   int
}

// Comment is an HTML comment, <!-- ... -->.
type Comment struct {
	Value string
	Pos   int
}

// A Template is a transclusion, {{Name|arg|key=value}}, or a parser
// function or magic word ({{#if:...}}, {{formatnum:...}}), whose name part
// then holds the text up to the first '|'.
type Template struct {
	Name []Node
	Args []Arg
	Pos  int

	positional [][]Node // Positional's answer, once asked
}

// An Arg is one parameter of a template: named (key=value) or positional.
type Arg struct {
	// Name holds the nodes before the '=' of a named parameter; nil for a
	// positional one.
	Name  []Node
	Value []Node
}

// An Argument is a template parameter reference, {{{name|default}}}; it
// appears in articles only by mistake or inside copied template code.
type Argument struct {
	Name       []Node
	Default    []Node
	HasDefault bool
	Pos        int
}

// A Link is an internal link, [[Target|text]], including files and
// categories ([[File:x.png|thumb|caption]]).
type Link struct {
	Target []Node
	// Args are the parts after the target, split at '|'.
	Args [][]Node
	Pos  int
}

// A Tag is an HTML tag (<br />, <small>, </span>) or an extension tag with
// its raw body (<ref name="x">...</ref>, <nowiki>...</nowiki>).
type Tag struct {
	// Name is lower case.
	Name  string
	Attrs string
	// Body is the raw text between an extension tag's opening and closing
	// tags.
	Body string
	// Closing marks </name>; SelfClosing marks <name ... />.
	Closing, SelfClosing bool
	// Extension marks tags whose body MediaWiki does not parse as wikitext
	// (ref, nowiki, pre, math, gallery, ...).
	Extension bool
	Pos       int
}

func (n *Text) Offset() int     { return n.Pos }
func (n *Comment) Offset() int  { return n.Pos }
func (n *Template) Offset() int { return n.Pos }
func (n *Argument) Offset() int { return n.Pos }
func (n *Link) Offset() int     { return n.Pos }
func (n *Tag) Offset() int      { return n.Pos }

// PlainText returns the text of nodes with only Text nodes kept and
// comments dropped: what a template name or a parameter name says.
func PlainText(nodes []Node) string {
	var b strings.Builder
	for _, n := range nodes {
		if t, ok := n.(*Text); ok {
			b.WriteString(t.Value)
		}
	}
	return b.String()
}

// NameText returns the template's name as written, trimmed: "Infobox
// election", "#if:yes", "formatnum:1234".
func (t *Template) NameText() string { return strings.TrimSpace(PlainText(t.Name)) }

// Named returns the value of the parameter called name (trimmed of
// surrounding whitespace as MediaWiki does for named parameters), and
// whether it is there. The last of several parameters with one name wins,
// as on Wikipedia. Positional parameters answer to "1", "2", ...
func (t *Template) Named(name string) ([]Node, bool) {
	var found []Node
	ok := false
	pos := 0
	for _, a := range t.Args {
		if a.Name == nil {
			pos++
			if itoa(pos) == name {
				found, ok = a.Value, true
			}
			continue
		}
		if strings.TrimSpace(PlainText(a.Name)) == name {
			found, ok = a.Value, true
		}
	}
	return found, ok
}

// Positional returns the positional parameters in order; explicit "1=",
// "2=" parameters take their numbered places.
func (t *Template) Positional() [][]Node {
	if t.positional == nil {
		t.positional = t.readPositional()
	}
	return t.positional
}

func (t *Template) readPositional() [][]Node {
	out := [][]Node{}
	set := func(i int, v []Node) {
		for len(out) < i {
			out = append(out, nil)
		}
		out[i-1] = v
	}
	pos := 0
	for _, a := range t.Args {
		if a.Name == nil {
			pos++
			set(pos, a.Value)
			continue
		}
		if n, ok := atoi(strings.TrimSpace(PlainText(a.Name))); ok && n > 0 && n <= maxPositional {
			set(n, a.Value)
		}
	}
	return out
}

// maxPositional bounds explicit positional numbers ("999999=x" would
// otherwise ask for a slice that long).
const maxPositional = 100

// Lines maps byte offsets of a source to line numbers.
type Lines []int

// NewLines indexes the line starts of src.
func NewLines(src string) Lines {
	l := Lines{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

// Line returns the 1-based line of offset.
func (l Lines) Line(offset int) int {
	return sort.Search(len(l), func(i int) bool { return l[i] > offset })
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
