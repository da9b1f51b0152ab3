package wiki

import (
	"slices"
	"strings"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// table converts a wikitable into a pipe table with one header row: rows
// and columns spanned are filled in, header rows are combined column by
// column ("First round" over "Votes" is "First round votes"), colour
// swatch columns are dropped, and a table that only lays other tables
// out is unwrapped.
func (c *converter) table(t *wikitext.Table, depth int) {
	if depth > maxDepth {
		c.warn(t.Pos, "dropped a table nested too deep")
		return
	}
	for _, s := range t.Stray {
		if text := c.render(s, ctxText, depth+1); text != "" {
			c.emit(outBlock{kind: outParagraph, text: text, pos: t.Pos})
		}
	}
	if c.layoutTable(t) {
		for _, row := range t.Rows {
			for _, cell := range row.Cells {
				c.walk(wikitext.Blocks(cell.Content), depth+1)
			}
		}
		return
	}
	c.expandRowTemplates(t)
	grid := t.Grid()
	if len(grid) == 0 || len(grid[0]) == 0 {
		return
	}
	tc := &tableConv{c: c, grid: grid, text: map[*wikitext.Cell]string{}}
	for _, row := range t.Rows {
		for _, cell := range row.Cells {
			tc.text[cell] = c.cellText(cell, depth+1)
		}
	}
	if caption := c.render(t.Caption, ctxText, depth+1); caption != "" {
		c.emit(outBlock{kind: outParagraph, text: caption, pos: t.Pos})
	}
	rows, notes := tc.rows()
	if len(rows) == 0 {
		return
	}
	if isResultsHeader(rows[0]) {
		c.isElection = true
	}
	c.emit(outBlock{kind: outTable, rows: rows, pos: t.Pos})
	for _, n := range notes {
		c.emit(outBlock{kind: outParagraph, text: n, pos: t.Pos})
	}
}

// cellText renders a cell, its lines and bullets joined.
func (c *converter) cellText(cell *wikitext.Cell, depth int) string {
	return strings.Join(c.items(cell.Content, ctxCell, depth), ", ")
}

// layoutTable reports whether a table only places other tables (or
// results templates) side by side: then its contents are what counts.
func (c *converter) layoutTable(t *wikitext.Table) bool {
	for _, row := range t.Rows {
		for _, cell := range row.Cells {
			for _, b := range wikitext.Blocks(cell.Content) {
				switch b := b.(type) {
				case *wikitext.Table:
					return true
				case *wikitext.Paragraph:
					for _, l := range b.Lines {
						for _, n := range l {
							if tp, ok := n.(*wikitext.Template); ok && blockTemplates[templateName(tp)] != nil {
								return true
							}
						}
					}
				}
			}
		}
	}
	return false
}

// expandRowTemplates reads the templates that stand for whole cells at
// the start of a row: {{party name with color|X}} is a colour swatch cell
// and a cell with the party's name.
func (c *converter) expandRowTemplates(t *wikitext.Table) {
	for _, row := range t.Rows {
		var cells []*wikitext.Cell
		for _, cell := range row.Cells {
			if !cell.Template {
				cells = append(cells, cell)
				continue
			}
			switch tp := firstTemplate(cell.Content); {
			case tp != nil && (templateName(tp) == "party name with color" || templateName(tp) == "party name with colour"):
				cells = append(cells, &wikitext.Cell{Pos: cell.Pos}, &wikitext.Cell{Content: cell.Content, Pos: cell.Pos})
			default:
				cells = append(cells, cell)
			}
		}
		row.Cells = cells
	}
}

func firstTemplate(nodes []wikitext.Node) *wikitext.Template {
	for _, n := range nodes {
		switch n := n.(type) {
		case *wikitext.Template:
			return n
		case *wikitext.Text:
			if strings.TrimSpace(n.Value) != "" {
				return nil
			}
		}
	}
	return nil
}

// tableConv lays a grid out as text rows.
type tableConv struct {
	c    *converter
	grid [][]wikitext.GridCell
	text map[*wikitext.Cell]string
}

func (tc *tableConv) cell(r, col int) string {
	g := tc.grid[r][col]
	if g.Cell == nil {
		return ""
	}
	return tc.text[g.Cell]
}

// fullWidth reports whether row r is one cell across the whole table (a
// title or a divider such as "2021").
func (tc *tableConv) fullWidth(r int) bool {
	row := tc.grid[r]
	return len(row) > 1 && row[0].Cell != nil && slices.IndexFunc(row, func(g wikitext.GridCell) bool { return g.Cell != row[0].Cell }) < 0
}

func (tc *tableConv) headerRows() int {
	n := 0
	for n < len(tc.grid) && allHeader(tc.grid[n]) {
		n++
	}
	return n
}

func allHeader(row []wikitext.GridCell) bool {
	any := false
	for _, g := range row {
		if g.Cell != nil {
			if !g.Header {
				return false
			}
			any = true
		}
	}
	return any
}

// rows returns the table's text rows, the combined header first, and the
// notes under it: rows that are one cell across the table at its end
// ("Source: City Electoral Commission") read as prose after it.
func (tc *tableConv) rows() ([][]string, []string) {
	hr := tc.headerRows()
	first := 0
	// A title row over the real header rows reads as a caption.
	for first < hr-1 && tc.fullWidth(first) {
		if title := tc.cell(first, 0); title != "" {
			tc.c.emit(outBlock{kind: outParagraph, text: title})
		}
		first++
	}
	if hr == 0 {
		hr = 1 // no header cells: the first row is the header
	}
	keep := tc.keptColumns(first, len(tc.grid[0]))
	header := tc.textRow(-1, keep, func(col int) string { return tc.headerText(first, hr, col) })
	end := len(tc.grid)
	var notes []string
	for end > hr && tc.fullWidth(end-1) {
		end--
		if t := tc.cell(end, 0); t != "" {
			notes = append([]string{t}, notes...)
		}
	}
	out := [][]string{header}
	for r := hr; r < end; r++ {
		row := tc.textRow(r, keep, func(col int) string { return tc.cell(r, col) })
		if blankRow(row) || (r > hr && slices.Equal(row, header) && allHeader(tc.grid[r])) {
			continue // empty, or the header again
		}
		out = append(out, row)
	}
	return out, notes
}

// textRow writes row r's kept columns; a row that is one cell across the
// table (a divider such as "2021") says it once, in its first column.
func (tc *tableConv) textRow(r int, keep []bool, text func(col int) string) []string {
	full := r >= 0 && tc.fullWidth(r)
	row := []string{}
	for col, k := range keep {
		switch {
		case !k:
		case full && len(row) > 0:
			row = append(row, "")
		default:
			row = append(row, text(col))
		}
	}
	return row
}

// headerText combines a column's header rows: each cell once, a group
// heading before what it spans ("Second round" + "Votes").
func (tc *tableConv) headerText(first, hr, col int) string {
	var parts []string
	var last *wikitext.Cell
	for r := first; r < hr && r < len(tc.grid); r++ {
		g := tc.grid[r][col]
		if g.Cell == nil || g.Cell == last {
			continue
		}
		last = g.Cell
		if t := tc.text[g.Cell]; t != "" && !slices.Contains(parts, t) {
			if len(parts) > 0 {
				t = lowerColumnWord(t)
			}
			parts = append(parts, t)
		}
	}
	if len(parts) > 1 && groupOnlyWords[strings.ToLower(parts[0])] {
		// "Candidates" over "Petković": the column is the candidate's.
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

// groupOnlyWords are group headings that say only what kind of thing the
// columns under them name ("Candidates", "Parties"): the column's own
// heading is the name, and the group word would hide it.
var groupOnlyWords = map[string]bool{"candidates": true, "candidate": true, "parties": true, "party": true,
	"lists": true, "list": true, "parties and coalitions": true, "coalitions": true, "nominees": true}

// columnWords are the words that read in lower case after a group
// heading: "First round votes".
var columnWords = map[string]bool{"votes": true, "vote": true, "seats": true, "seat": true,
	"share": true, "percentage": true, "percent": true, "change": true, "swing": true, "won": true,
	"total": true, "candidates": true, "elected": true, "mandates": true, "before": true,
	"after": true, "popular vote": true, "result": true, "results": true, "turnout": true}

func lowerColumnWord(t string) string {
	if columnWords[strings.ToLower(t)] {
		return strings.ToLower(t)
	}
	return t
}

// keptColumns drops the columns that hold nothing of their own: colour
// swatches under a heading that spans the swatch and the name
// ("! colspan=2 | Party"), whose every other cell is empty or the same
// cell as a column kept beside it.
func (tc *tableConv) keptColumns(first, width int) []bool {
	keep := make([]bool, width)
	for i := range keep {
		keep[i] = true
	}
	for col := range width {
		droppable := true
		for r := first; r < len(tc.grid) && droppable; r++ {
			g := tc.grid[r][col]
			if g.Cell == nil || tc.text[g.Cell] == "" {
				continue
			}
			droppable = tc.shownElsewhere(g, col, keep)
		}
		if droppable {
			keep[col] = false
		}
	}
	if !slices.Contains(keep, true) {
		keep[0] = true
	}
	return keep
}

// shownElsewhere reports whether a spanning cell also shows in a kept
// column other than col.
func (tc *tableConv) shownElsewhere(g wikitext.GridCell, col int, keep []bool) bool {
	_, cs := g.Span()
	for k := g.Col; k < g.Col+cs && k < len(keep); k++ {
		if k != col && keep[k] {
			return true
		}
	}
	return false
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.Trim(c, " -:") != "" {
			return false
		}
	}
	return true
}

// isResultsHeader reports whether a table header is a results table's:
// names with votes, shares or seats.
func isResultsHeader(header []string) bool {
	name, figure := false, false
	for _, h := range header {
		f := strings.ToLower(h)
		for _, w := range []string{"party", "candidate", "list", "coalition", "alliance", "choice", "option"} {
			if strings.Contains(f, w) {
				name = true
			}
		}
		if strings.Contains(f, "votes") || strings.Contains(f, "seats") || strings.HasSuffix(f, "%") {
			figure = true
		}
	}
	return name && figure
}
