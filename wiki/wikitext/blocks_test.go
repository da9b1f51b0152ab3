package wikitext

import (
	"fmt"
	"strings"
	"testing"
)

// describe shows blocks one a line: "H2 Title", "P text", "L* text",
// "TABLE rows".
func describe(blocks []Block) []string {
	var out []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *Heading:
			out = append(out, fmt.Sprintf("H%d %s", b.Level, strings.TrimSpace(dump(b.Content))))
		case *Paragraph:
			var ls []string
			for _, l := range b.Lines {
				ls = append(ls, dump(l))
			}
			out = append(out, "P "+strings.Join(ls, " / "))
		case *ListItem:
			out = append(out, "L"+b.Marker+" "+strings.TrimSpace(dump(b.Content)))
		case *Table:
			out = append(out, fmt.Sprintf("TABLE %d rows", len(b.Rows)))
		}
	}
	return out
}

func TestBlocks(t *testing.T) {
	src := `{{Use dmy dates}}
'''Lead''' text
continues here.
<!-- a comment line does not break a paragraph -->
still the lead.

== Background ==
Para one.
=== Sub <!-- c --> ===  <!-- trailing -->
* item one
** nested
# numbered
; term
: indented
----
After rule.
=not a heading
==
{|
| a
|}
Tail.`
	got := describe(Blocks(Parse(src)))
	want := []string{
		"P {{Use dmy dates}} / '''Lead''' text / continues here. / still the lead.",
		"H2 Background",
		"P Para one.",
		"H3 Sub <!-- c -->",
		"L* item one",
		"L** nested",
		"L# numbered",
		"L; term",
		"L: indented",
		"P After rule. / =not a heading / ==",
		"TABLE 1 rows",
		"P Tail.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Blocks() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBlocksMultilineTemplateStaysOnItsLine(t *testing.T) {
	src := "{{Infobox election\n| a = 1\n\n| b = 2\n}}The election was held.\n\n* after"
	got := describe(Blocks(Parse(src)))
	want := []string{"P {{Infobox election\n| a = 1\n\n| b = 2\n}}The election was held.", "L* after"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Blocks() = %q; want %q", got, want)
	}
}

// cellText is a cell's content as dumped text, trimmed.
func cellText(c *Cell) string {
	if c == nil {
		return "<nil>"
	}
	return strings.TrimSpace(dump(c.Content))
}

func TestTable(t *testing.T) {
	src := `{| class="wikitable sortable" style="text-align:right"
|+ style="font-size:90%" | Results of the [[2020 election|election]]
! rowspan="2" colspan="2" | Candidate !! rowspan=2 | Party
! colspan="2" | First round !! colspan='2' | Second round
|-
! Votes !! % !! Votes !! %
|-
| style="background:{{party color|A}};" |
| [[Ana Anić]] || [[Party A|A]] || 1,234 || 45.6
| 2,000 || 55.0
|-
| style="background:#ccc" |
| Bo Bić
| B party<ref>note | with pipe</ref>
| 999 || 30.1
| colspan="2" rowspan="2" |
|-
|
| Cy {{sfn|x|2020}} || C || 10 || 0.5
|-
! colspan=3 | Total !! 2,243 !! 100 !! 2,000 !! 100
|}`
	blocks := Blocks(Parse(src))
	if len(blocks) != 1 {
		t.Fatalf("Blocks() = %q; want one table", describe(blocks))
	}
	tb := blocks[0].(*Table)
	if got := strings.TrimSpace(dump(tb.Caption)); got != "Results of the [[2020 election|election]]" {
		t.Errorf("caption = %q; want it without its attributes", got)
	}
	if got := Attributes(tb.Attrs); got["class"] != "wikitable sortable" || got["style"] != "text-align:right" {
		t.Errorf("table attributes = %v", got)
	}
	grid := tb.Grid()
	want := [][]string{
		{"Candidate", "Candidate", "Party", "First round", "First round", "Second round", "Second round"},
		{"Candidate", "Candidate", "Party", "Votes", "%", "Votes", "%"},
		{"", "[[Ana Anić]]", "[[Party A|A]]", "1,234", "45.6", "2,000", "55.0"},
		{"", "Bo Bić", "B party<ref>note | with pipe</ref>", "999", "30.1", "", ""},
		{"", "Cy {{sfn|x|2020}}", "C", "10", "0.5", "", ""},
		{"Total", "Total", "Total", "2,243", "100", "2,000", "100"},
	}
	if len(grid) != len(want) {
		t.Fatalf("grid has %d rows; want %d", len(grid), len(want))
	}
	for r := range want {
		var got []string
		for _, g := range grid[r] {
			got = append(got, cellText(g.Cell))
		}
		if strings.Join(got, " ¦ ") != strings.Join(want[r], " ¦ ") {
			t.Errorf("grid row %d = %q; want %q", r, got, want[r])
		}
	}
	if g := grid[1][0]; g.Row != 0 || g.Col != 0 || !g.Header {
		t.Errorf("grid[1][0] starts at %d,%d header=%v; want the rowspan cell from 0,0", g.Row, g.Col, g.Header)
	}
	if g := grid[4][5]; g.Row != 3 || g.Col != 5 {
		t.Errorf("grid[4][5] starts at %d,%d; want the eliminated candidate's blank from 3,5", g.Row, g.Col)
	}
}

func TestTableOddities(t *testing.T) {
	tests := []struct {
		name, src string
		rows      [][]string
	}{
		{"cell over lines with a list", "{|\n| a\n* x\n* y\n| b\n|}", [][]string{{"a\n* x\n* y", "b"}}},
		{"nested table stays in its cell", "{|\n| outer\n{|\n| inner || cell\n|}\n| second\n|}", [][]string{{"outer\n{|\n| inner || cell\n|}", "second"}}},
		{"link before pipe is content", "{|\n| [[a|b]] | c\n|}", [][]string{{"[[a|b]] | c"}}},
		{"template in attributes", "{|\n| {{party shading/X}} | name\n|}", [][]string{{"name"}}},
		{"no closing", "{|\n| a\n|-\n| b", [][]string{{"a"}, {"b"}}},
		{"indented", ":{|\n| a\n|}", [][]string{{"a"}}},
		{"header and data on one line", "{|\n! h || d\n|}", [][]string{{"h", "d"}}},
		{"empty rows dropped from the grid", "{|\n|-\n|-\n| a\n|}", [][]string{{"a"}}},
		{"huge colspan is cut", "{|\n| colspan=99999 | a\n|}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := Blocks(Parse(tt.src))
			if len(blocks) != 1 {
				t.Fatalf("Blocks(%q) = %q; want one table", tt.src, describe(blocks))
			}
			tb := blocks[0].(*Table)
			if tt.rows == nil {
				if g := tb.Grid(); len(g) != 1 || len(g[0]) != maxColspan {
					t.Errorf("grid of %q is %d wide; want %d", tt.src, len(g[0]), maxColspan)
				}
				return
			}
			var got [][]string
			for _, r := range tb.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, cellText(c))
				}
				if cells == nil {
					cells = []string{}
				}
				got = append(got, cells)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.rows) {
				t.Errorf("rows of %q = %q; want %q", tt.src, got, tt.rows)
			}
		})
	}
}

func TestTableTextAfterClose(t *testing.T) {
	got := describe(Blocks(Parse("{|\n| a\n|} After the table.\n== H ==")))
	want := []string{"TABLE 1 rows", "P  After the table.", "H2 H"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Blocks() = %q; want %q", got, want)
	}
}

func TestCellBlocks(t *testing.T) {
	tb := Blocks(Parse("{|\n| a\n{|\n| inner\n|}\n|}"))[0].(*Table)
	got := describe(Blocks(tb.Rows[0].Cells[0].Content))
	want := []string{"P  a", "TABLE 1 rows"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Blocks(cell) = %q; want %q", got, want)
	}
}
