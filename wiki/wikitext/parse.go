package wikitext

// Parse reads wikitext into a tree: templates, template arguments, links,
// comments and tags, with the text between them. It works like MediaWiki's
// preprocessor: one pass with a stack of open "{{" and "[[", so that the
// pipes and '=' of a template belong to the innermost open template, and a
// construct left open at the end of the text falls back to plain text. It
// takes time linear in the length of src (nesting deeper than maxDepth is
// read as text) and never fails.
func Parse(src string) []Node {
	p := &parser{src: src, noClose: map[string]int{}}
	p.stack = []*frame{{parts: []*part{{sep: -1, eq: -1}}}}
	p.run()
	for len(p.stack) > 1 {
		p.breakTop()
	}
	return p.stack[0].parts[0].nodes
}

// maxDepth bounds how many "{{" and "[[" may be open at once; deeper ones
// are text. Real pages nest a few levels; the bound keeps hostile input
// from costing quadratic time.
const maxDepth = 200

type parser struct {
	src   string
	stack []*frame
	// noClose records, per extension tag name, an offset from which on the
	// text holds no closing tag, so that many unclosed <ref> cost one scan.
	noClose map[string]int
}

// A frame is an open "{{...", "{{{..." or "[[...".
type frame struct {
	open  byte // '{' or '['; 0 for the root
	count int  // opening characters not yet matched
	pos   int  // offset of the first opening character
	parts []*part
}

// A part is one '|'-separated part of an open frame.
type part struct {
	nodes []Node
	sep   int // offset of the '|' before it; -1 for the first part
	eq    int // index in nodes where a named parameter's value begins; -1 if none
	eqPos int // offset of that '='
}

func (p *parser) top() *frame { return p.stack[len(p.stack)-1] }

func (f *frame) cur() *part { return f.parts[len(f.parts)-1] }

// add appends n to the innermost open part, joining text that continues
// the text before it.
func (p *parser) add(n Node) { addNode(p.src, p.top().cur(), n) }

func addNode(src string, pt *part, n Node) {
	if t, ok := n.(*Text); ok {
		if t.Value == "" {
			return
		}
		if k := len(pt.nodes); k > 0 && (pt.eq < 0 || pt.eq < k) {
			if prev, ok := pt.nodes[k-1].(*Text); ok && prev.Pos+len(prev.Value) == t.Pos {
				pt.nodes[k-1] = &Text{Value: src[prev.Pos : t.Pos+len(t.Value)], Pos: prev.Pos}
				return
			}
		}
	}
	pt.nodes = append(pt.nodes, n)
}

func (p *parser) text(start, end int) {
	if end > start {
		p.add(&Text{Value: p.src[start:end], Pos: start})
	}
}

func (p *parser) run() {
	src := p.src
	i, textStart := 0, 0
	for i < len(src) {
		c := src[i]
		top := p.top()
		switch {
		case c == '<':
			if n, node := p.tag(i); n > 0 {
				p.text(textStart, i)
				if node != nil {
					p.add(node)
				}
				i += n
				textStart = i
				continue
			}
		case c == '{' || c == '[':
			n := runLen(src, i, c)
			if n >= 2 && len(p.stack) < maxDepth {
				p.text(textStart, i)
				p.stack = append(p.stack, &frame{open: c, count: n, pos: i, parts: []*part{{sep: -1, eq: -1}}})
				i += n
				textStart = i
				continue
			}
			i += n
			continue
		case (c == '}' && top.open == '{') || (c == ']' && top.open == '['):
			p.text(textStart, i)
			n := p.close(i, min(runLen(src, i, c), top.count))
			i += n
			textStart = i
			continue
		case c == '|' && top.open != 0:
			p.text(textStart, i)
			top.parts = append(top.parts, &part{sep: i, eq: -1})
			i++
			textStart = i
			continue
		case c == '=' && top.open == '{' && len(top.parts) > 1 && top.cur().eq < 0:
			p.text(textStart, i)
			pt := top.cur()
			pt.eq, pt.eqPos = len(pt.nodes), i
			i++
			textStart = i
			continue
		}
		i++
	}
	p.text(textStart, len(src))
}

// close matches n closing characters at offset i against the open frame
// on top, as MediaWiki does: three braces make a template argument, two a
// template or link; fewer are text. It returns how many characters it used.
func (p *parser) close(i, n int) int {
	f := p.top()
	matching := n
	if f.open == '{' {
		matching = min(n, 3)
	} else {
		matching = min(n, 2)
	}
	if matching < 2 {
		p.text(i, i+n)
		return n
	}
	pos := f.pos + f.count - matching
	var node Node
	switch {
	case f.open == '[':
		node = f.link(p.src, pos)
	case matching == 3:
		node = f.argument(p.src, pos)
	default:
		node = f.template(pos)
	}
	p.stack = p.stack[:len(p.stack)-1]
	if rest := f.count - matching; rest >= 2 {
		// "{{{{{x}}}}}": the braces left open wrap what was just closed.
		f.count = rest
		f.parts = []*part{{sep: -1, eq: -1}}
		p.stack = append(p.stack, f)
	} else if rest == 1 {
		p.text(f.pos, f.pos+1)
	}
	p.add(node)
	return matching
}

func (f *frame) template(pos int) Node {
	t := &Template{Name: f.parts[0].nodes, Pos: pos}
	for _, pt := range f.parts[1:] {
		if pt.eq >= 0 {
			t.Args = append(t.Args, Arg{Name: nonNil(pt.nodes[:pt.eq]), Value: pt.nodes[pt.eq:]})
		} else {
			t.Args = append(t.Args, Arg{Value: pt.nodes})
		}
	}
	return t
}

func (f *frame) argument(src string, pos int) Node {
	a := &Argument{Name: f.parts[0].flat(src), Pos: pos}
	if len(f.parts) > 1 {
		a.Default, a.HasDefault = f.parts[1].flat(src), true
	}
	return a
}

func (f *frame) link(src string, pos int) Node {
	l := &Link{Target: f.parts[0].flat(src), Pos: pos}
	for _, pt := range f.parts[1:] {
		l.Args = append(l.Args, pt.flat(src))
	}
	return l
}

// nonNil keeps an empty parameter name ("{{x|=y}}") apart from "no name".
func nonNil(n []Node) []Node {
	if n == nil {
		return []Node{}
	}
	return n
}

// flat returns the part's nodes with the '=' of a named parameter put back
// as text.
func (pt *part) flat(src string) []Node {
	if pt.eq < 0 {
		return pt.nodes
	}
	out := &part{sep: -1, eq: -1}
	for _, n := range pt.nodes[:pt.eq] {
		addNode(src, out, n)
	}
	addNode(src, out, &Text{Value: src[pt.eqPos : pt.eqPos+1], Pos: pt.eqPos})
	for _, n := range pt.nodes[pt.eq:] {
		addNode(src, out, n)
	}
	return out.nodes
}

// breakTop turns the open frame on top, which the text never closed, back
// into text (its opening characters and pipes) around what it holds.
func (p *parser) breakTop() {
	f := p.top()
	p.stack = p.stack[:len(p.stack)-1]
	p.text(f.pos, f.pos+f.count)
	for _, pt := range f.parts {
		if pt.sep >= 0 {
			p.text(pt.sep, pt.sep+1)
		}
		for _, n := range pt.flat(p.src) {
			p.add(n)
		}
	}
}

func runLen(s string, i int, c byte) int {
	j := i
	for j < len(s) && s[j] == c {
		j++
	}
	return j - i
}
