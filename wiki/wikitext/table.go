package wikitext

import "strings"

// A Table is a wikitable, "{| ... |}".
type Table struct {
	Attrs   []Node
	Caption []Node
	Rows    []*Row
	// Stray holds lines inside the table but in no cell; MediaWiki shows
	// them before the table.
	Stray [][]Node
	Pos   int
}

// A Row is "|-" and the cells after it.
type Row struct {
	Attrs []Node
	Cells []*Cell
	Pos   int
}

// A Cell is a data ("|") or header ("!") cell. Its content may run over
// several lines and hold lists or a nested table: Blocks reads them.
type Cell struct {
	Header  bool
	Attrs   []Node
	Content []Node
	// Template marks a line that starts a row with a template instead of
	// "|" or "!" ({{party name with color|X}}): on Wikipedia the template
	// writes the row's first cells, so what they are depends on it.
	Template bool
	Pos      int
}

// parseTable reads the table whose "{|" is on lines[start]. It returns the
// table, the index of the line after it, and the text after its "|}" when
// there is any.
func parseTable(lines []line, start int) (*Table, int, *line) {
	first := lines[start]
	t := &Table{Pos: first.pos}
	t.Attrs = restAfter(first, strings.Index(first.lead(), "{|")+2)
	tp := &tableParser{t: t}
	for j := start + 1; j < len(lines); j++ {
		if rest, done := tp.line(lines[j]); done {
			t.dropEmptyRows()
			return t, j + 1, rest
		}
	}
	t.dropEmptyRows()
	return t, len(lines), nil // a table the text never closes ends with it
}

// dropEmptyRows removes rows without cells ("|-" twice), as MediaWiki does.
func (t *Table) dropEmptyRows() {
	rows := t.Rows[:0]
	for _, r := range t.Rows {
		if len(r.Cells) > 0 {
			rows = append(rows, r)
		}
	}
	t.Rows = rows
}

type tableParser struct {
	t         *Table
	row       *Row
	cell      *Cell // where continuation lines go
	inCaption bool
	nested    int // depth of tables nested in the current cell
}

// line reads one line of the table; done is set at its "|}", with the
// text after it, if any, as rest.
func (tp *tableParser) line(l line) (rest *line, done bool) {
	lead := l.lead()
	tl := strings.TrimLeft(lead, " \t")
	off := len(lead) - len(tl)
	if tp.nested > 0 {
		tp.appendLine(l)
		switch {
		case strings.HasPrefix(tl, "{|"):
			tp.nested++
		case strings.HasPrefix(tl, "|}"):
			tp.nested--
		}
		return nil, false
	}
	switch {
	case strings.HasPrefix(tl, "|}"):
		r := line{nodes: restAfter(l, off+2), pos: l.pos + off + 2}
		if r.blank() {
			return nil, true
		}
		return &r, true
	case strings.HasPrefix(tl, "{|"):
		if tp.cell == nil {
			tp.addCells([]*Cell{{Pos: l.pos}})
		}
		tp.appendLine(l)
		tp.nested = 1
	case strings.HasPrefix(tl, "|+"):
		c := makeCell(restAfter(l, off+2), false, l.pos)
		tp.t.Caption = c.Content
		tp.cell, tp.inCaption = nil, true
	case strings.HasPrefix(tl, "|-"):
		dashes := runLen(tl, 1, '-')
		tp.row = &Row{Attrs: restAfter(l, off+1+dashes), Pos: l.pos}
		tp.t.Rows = append(tp.t.Rows, tp.row)
		tp.cell, tp.inCaption = nil, false
	case strings.HasPrefix(tl, "|"), strings.HasPrefix(tl, "!"):
		tp.addCells(splitCells(restAfter(l, off+1), tl[0] == '!', l.pos+off+1))
	default:
		switch {
		case tp.cell == nil && !tp.inCaption && startsWithTemplate(l):
			tp.addCells([]*Cell{{Content: l.nodes, Template: true, Pos: l.pos}})
		case tp.inCaption:
			tp.t.Caption = append(tp.t.Caption, newline(l.pos))
			tp.t.Caption = append(tp.t.Caption, l.nodes...)
		case tp.cell != nil:
			tp.appendLine(l)
		case !l.blank() && !l.commentOnly():
			tp.t.Stray = append(tp.t.Stray, l.nodes)
		}
	}
	return nil, false
}

// startsWithTemplate reports whether a line's first node, after spaces,
// is a template.
func startsWithTemplate(l line) bool {
	for _, n := range l.nodes {
		switch n := n.(type) {
		case *Template:
			return true
		case *Text:
			if strings.TrimSpace(n.Value) != "" {
				return false
			}
		default:
			return false
		}
	}
	return false
}

func (tp *tableParser) addCells(cells []*Cell) {
	if tp.row == nil {
		tp.row = &Row{Pos: cells[0].Pos}
		tp.t.Rows = append(tp.t.Rows, tp.row)
	}
	tp.row.Cells = append(tp.row.Cells, cells...)
	tp.cell = cells[len(cells)-1]
	tp.inCaption = false
}

// appendLine continues the current cell's content with another line.
func (tp *tableParser) appendLine(l line) {
	if tp.cell == nil {
		return
	}
	tp.cell.Content = append(tp.cell.Content, newline(l.pos))
	tp.cell.Content = append(tp.cell.Content, l.nodes...)
}

// newline is the line break before the line at pos.
func newline(pos int) Node { return &Text{Value: "\n", Pos: max(pos-1, 0)} }

// restAfter returns the line's nodes without the first n bytes of its
// leading text.
func restAfter(l line, n int) []Node {
	if len(l.nodes) == 0 {
		return nil
	}
	t, ok := l.nodes[0].(*Text)
	if !ok {
		return l.nodes
	}
	n = min(n, len(t.Value))
	out := make([]Node, 0, len(l.nodes))
	if n < len(t.Value) {
		out = append(out, &Text{Value: t.Value[n:], Pos: t.Pos + n})
	}
	return append(out, l.nodes[1:]...)
}

// splitCells cuts a cell line at "||" (and "!!" on a header line).
func splitCells(nodes []Node, header bool, pos int) []*Cell {
	var cells []*Cell
	var cur []Node
	start := pos
	for _, n := range nodes {
		t, ok := n.(*Text)
		if !ok {
			cur = append(cur, n)
			continue
		}
		v, p := t.Value, t.Pos
		for {
			k := cellSep(v, header)
			if k < 0 {
				if v != "" {
					cur = append(cur, &Text{Value: v, Pos: p})
				}
				break
			}
			if k > 0 {
				cur = append(cur, &Text{Value: v[:k], Pos: p})
			}
			cells = append(cells, makeCell(cur, header, start))
			cur, start = nil, p+k+2
			v, p = v[k+2:], p+k+2
		}
	}
	return append(cells, makeCell(cur, header, start))
}

func cellSep(v string, header bool) int {
	k := strings.Index(v, "||")
	if header {
		if h := strings.Index(v, "!!"); h >= 0 && (k < 0 || h < k) {
			k = h
		}
	}
	return k
}

// makeCell splits "attributes | content" at the first single '|', unless
// a link comes before it (then the '|' is content, as in MediaWiki).
func makeCell(nodes []Node, header bool, pos int) *Cell {
	c := &Cell{Header: header, Content: nodes, Pos: pos}
	for i, n := range nodes {
		switch n := n.(type) {
		case *Link:
			return c
		case *Text:
			k := strings.IndexByte(n.Value, '|')
			if k < 0 {
				continue
			}
			attrs := append([]Node{}, nodes[:i]...)
			if k > 0 {
				attrs = append(attrs, &Text{Value: n.Value[:k], Pos: n.Pos})
			}
			content := []Node{}
			if k+1 < len(n.Value) {
				content = append(content, &Text{Value: n.Value[k+1:], Pos: n.Pos + k + 1})
			}
			c.Attrs, c.Content = attrs, append(content, nodes[i+1:]...)
			return c
		}
	}
	return c
}

// Limits on spans, as MediaWiki has: wider or longer spans are cut.
const (
	maxColspan = 100
	maxWidth   = 300
)

// Span returns the cell's rowspan and colspan (1 when not given or not a
// positive number).
func (c *Cell) Span() (rows, cols int) {
	a := Attributes(c.Attrs)
	return spanValue(a["rowspan"], 65534), spanValue(a["colspan"], maxColspan)
}

func spanValue(v string, limit int) int {
	v = strings.TrimSpace(v)
	n := 0
	for i := 0; i < len(v) && v[i] >= '0' && v[i] <= '9' && n <= limit; i++ {
		n = n*10 + int(v[i]-'0')
	}
	if n < 1 {
		return 1
	}
	return min(n, limit)
}

// A GridCell is one position of a table's grid: the cell that covers it
// (nil where no cell does) and the position where that cell starts.
type GridCell struct {
	*Cell
	Row, Col int
}

// Grid lays the table's cells out with their row and column spans, as a
// browser does: a cell spanning two rows appears in both. Rows are as long
// as the table's widest row, at most maxWidth columns.
func (t *Table) Grid() [][]GridCell {
	grid := make([][]GridCell, len(t.Rows))
	width := 0
	for r, row := range t.Rows {
		col := 0
		for _, c := range row.Cells {
			for col < len(grid[r]) && grid[r][col].Cell != nil {
				col++
			}
			rs, cs := c.Span()
			rs = min(rs, len(t.Rows)-r)
			for dr := range rs {
				for dc := range cs {
					if col+dc < maxWidth {
						place(grid, r+dr, col+dc, GridCell{Cell: c, Row: r, Col: col})
					}
				}
			}
			col += cs
		}
		width = max(width, len(grid[r]))
	}
	for r := range grid {
		for len(grid[r]) < width {
			grid[r] = append(grid[r], GridCell{})
		}
	}
	return grid
}

func place(grid [][]GridCell, r, c int, g GridCell) {
	for len(grid[r]) <= c {
		grid[r] = append(grid[r], GridCell{})
	}
	if grid[r][c].Cell == nil {
		grid[r][c] = g
	}
}

// Attributes reads HTML attributes (name="value", name='value', name=value,
// name) from the text of nodes; templates in them are skipped. Names are
// lower case.
func Attributes(nodes []Node) map[string]string {
	s := PlainText(nodes)
	out := map[string]string{}
	i := 0
	for i < len(s) {
		for i < len(s) && !isAttrNameByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isAttrNameByte(s[j]) {
			j++
		}
		if j == i {
			break
		}
		name := strings.ToLower(s[i:j])
		k := j
		for k < len(s) && isSpaceByte(s[k]) {
			k++
		}
		if k >= len(s) || s[k] != '=' {
			if _, dup := out[name]; !dup {
				out[name] = ""
			}
			i = j
			continue
		}
		k++
		for k < len(s) && isSpaceByte(s[k]) {
			k++
		}
		value, next := attrValue(s, k)
		if _, dup := out[name]; !dup {
			out[name] = value
		}
		i = next
	}
	return out
}

func attrValue(s string, k int) (string, int) {
	if k < len(s) && (s[k] == '"' || s[k] == '\'') {
		q := s[k]
		end := strings.IndexByte(s[k+1:], q)
		if end < 0 {
			return s[k+1:], len(s)
		}
		return s[k+1 : k+1+end], k + 2 + end
	}
	e := k
	for e < len(s) && !isSpaceByte(s[e]) {
		e++
	}
	return s[k:e], e
}

func isAttrNameByte(c byte) bool {
	return isNameByte(c) || c == '-' || c == '_' || c == ':' || c == '.'
}
