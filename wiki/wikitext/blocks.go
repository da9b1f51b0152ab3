package wikitext

import "strings"

// A Block is one block of a page: a *Heading, *Paragraph, *ListItem or
// *Table.
type Block interface {
	Offset() int
}

// A Heading is "== Title ==".
type Heading struct {
	Level   int
	Content []Node
	Pos     int
}

// A Paragraph is a run of text lines; MediaWiki joins them with spaces.
type Paragraph struct {
	Lines [][]Node
	Pos   int
}

// A ListItem is one line of a bulleted ("*"), numbered ("#"), indented
// (":") or definition (";") list.
type ListItem struct {
	// Marker is the run of list characters ("*", "**", "#:", ";").
	Marker  string
	Content []Node
	Pos     int
}

func (b *Heading) Offset() int   { return b.Pos }
func (b *Paragraph) Offset() int { return b.Pos }
func (b *ListItem) Offset() int  { return b.Pos }
func (b *Table) Offset() int     { return b.Pos }

// A line is the top-level nodes of one source line; a template or comment
// that spans lines stays whole on the line where it starts.
type line struct {
	nodes []Node
	pos   int
}

// splitLines cuts nodes at the newlines of their top-level text.
func splitLines(nodes []Node) []line {
	var out []line
	cur := line{pos: -1}
	for _, n := range nodes {
		t, ok := n.(*Text)
		if !ok {
			if cur.pos < 0 {
				cur.pos = n.Offset()
			}
			cur.nodes = append(cur.nodes, n)
			continue
		}
		v, pos := t.Value, t.Pos
		for {
			if cur.pos < 0 {
				cur.pos = pos
			}
			nl := strings.IndexByte(v, '\n')
			if nl < 0 {
				if v != "" {
					cur.nodes = append(cur.nodes, &Text{Value: v, Pos: pos})
				}
				break
			}
			if nl > 0 {
				cur.nodes = append(cur.nodes, &Text{Value: v[:nl], Pos: pos})
			}
			out = append(out, cur)
			cur = line{pos: pos + nl + 1}
			v, pos = v[nl+1:], pos+nl+1
		}
	}
	if len(cur.nodes) > 0 {
		out = append(out, cur)
	}
	return out
}

// lead returns the text the line starts with ("" when it starts with
// another node).
func (l line) lead() string {
	if len(l.nodes) == 0 {
		return ""
	}
	if t, ok := l.nodes[0].(*Text); ok {
		return t.Value
	}
	return ""
}

// blank reports whether the line holds only whitespace.
func (l line) blank() bool {
	for _, n := range l.nodes {
		t, ok := n.(*Text)
		if !ok || strings.TrimSpace(t.Value) != "" {
			return false
		}
	}
	return true
}

// commentOnly reports whether the line holds comments and whitespace and
// at least one comment: MediaWiki drops such lines whole, so they neither
// end a paragraph nor start one.
func (l line) commentOnly() bool {
	seen := false
	for _, n := range l.nodes {
		switch n := n.(type) {
		case *Comment:
			seen = true
		case *Text:
			if strings.TrimSpace(n.Value) != "" {
				return false
			}
		default:
			return false
		}
	}
	return seen
}

// Blocks reads the block structure of parsed wikitext: headings, list
// items, tables and the paragraphs between them.
func Blocks(nodes []Node) []Block {
	bp := &blockParser{lines: splitLines(nodes)}
	bp.run()
	return bp.out
}

type blockParser struct {
	lines []line
	out   []Block
	para  *Paragraph
}

func (bp *blockParser) endPara() {
	if bp.para != nil {
		bp.out = append(bp.out, bp.para)
		bp.para = nil
	}
}

func (bp *blockParser) run() {
	for i := 0; i < len(bp.lines); {
		l := bp.lines[i]
		lead := l.lead()
		trimmed := strings.TrimLeft(lead, " \t:")
		switch {
		case l.commentOnly():
			i++
		case l.blank(), strings.HasPrefix(lead, "----"):
			bp.endPara()
			i++
		case strings.HasPrefix(trimmed, "{|"):
			bp.endPara()
			t, next, rest := parseTable(bp.lines, i)
			bp.out = append(bp.out, t)
			if rest != nil {
				// Text after "|}" on its line is read as a line of its own.
				bp.lines[next-1] = *rest
				next--
			}
			i = next
		case strings.HasPrefix(lead, "="):
			if h := heading(l); h != nil {
				bp.endPara()
				bp.out = append(bp.out, h)
			} else {
				bp.paraLine(l)
			}
			i++
		case lead != "" && strings.IndexByte("*#:;", lead[0]) >= 0:
			bp.endPara()
			bp.out = append(bp.out, listItem(l))
			i++
		default:
			bp.paraLine(l)
			i++
		}
	}
	bp.endPara()
}

func (bp *blockParser) paraLine(l line) {
	if bp.para == nil {
		bp.para = &Paragraph{Pos: l.pos}
	}
	bp.para.Lines = append(bp.para.Lines, l.nodes)
}

func listItem(l line) *ListItem {
	lead := l.lead()
	n := 0
	for n < len(lead) && strings.IndexByte("*#:;", lead[n]) >= 0 {
		n++
	}
	content := append([]Node{&Text{Value: lead[n:], Pos: l.pos + n}}, l.nodes[1:]...)
	return &ListItem{Marker: lead[:n], Content: content, Pos: l.pos}
}

// heading reads "== Title ==" (comments and spaces may follow), or returns
// nil when the line is not one.
func heading(l line) *Heading {
	nodes := l.nodes
	for len(nodes) > 0 {
		switch n := nodes[len(nodes)-1].(type) {
		case *Comment:
			nodes = nodes[:len(nodes)-1]
			continue
		case *Text:
			if strings.TrimRight(n.Value, " \t") == "" {
				nodes = nodes[:len(nodes)-1]
				continue
			}
		}
		break
	}
	if len(nodes) == 0 {
		return nil
	}
	first, ok1 := nodes[0].(*Text)
	last, ok2 := nodes[len(nodes)-1].(*Text)
	if !ok1 || !ok2 {
		return nil
	}
	lastVal := strings.TrimRight(last.Value, " \t")
	a := runLen(first.Value, 0, '=')
	z := len(lastVal) - len(strings.TrimRight(lastVal, "="))
	if len(nodes) == 1 && a == len(lastVal) {
		return nil // a line of '=' only
	}
	level := min(a, z, 6)
	if level == 0 || len(nodes) == 1 && 2*level > len(lastVal) {
		return nil
	}
	content := make([]Node, len(nodes))
	copy(content, nodes)
	if len(nodes) == 1 {
		content[0] = &Text{Value: lastVal[level : len(lastVal)-level], Pos: first.Pos + level}
	} else {
		content[0] = &Text{Value: first.Value[level:], Pos: first.Pos + level}
		content[len(content)-1] = &Text{Value: lastVal[:len(lastVal)-level], Pos: last.Pos}
	}
	return &Heading{Level: level, Content: content, Pos: l.pos}
}
