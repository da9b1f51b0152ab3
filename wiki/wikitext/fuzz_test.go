package wikitext

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that any text parses without a panic into a tree whose
// text is the source's own, in order, and whose blocks and table grids can
// be read.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"{{a|b=[[c|d]]|{{e}}}}",
		"{|\n! rowspan=2 | a !! colspan=2 | b\n|-\n| c || d\n|}",
		"== H ==\n* x\n<ref>y</ref><!-- z",
		"{{{{{a}}}}} [[[b]]] }}]]",
	} {
		f.Add(s)
	}
	fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", "*.wikitext"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		nodes := Parse(src)
		checkTexts(t, src, nodes, 0)
		walkTables(Blocks(nodes), 0)
	})
}

// checkTexts checks that every Text node is the source at its offset and
// that nodes come in source order.
func checkTexts(t *testing.T, src string, nodes []Node, last int) int {
	t.Helper()
	for _, n := range nodes {
		if n.Offset() < last {
			t.Fatalf("node %T at %d comes before %d", n, n.Offset(), last)
		}
		last = n.Offset()
		switch n := n.(type) {
		case *Text:
			if n.Pos+len(n.Value) > len(src) || src[n.Pos:n.Pos+len(n.Value)] != n.Value {
				t.Fatalf("Text %q at %d is not the source", n.Value, n.Pos)
			}
		case *Template:
			l := checkTexts(t, src, n.Name, last)
			for _, a := range n.Args {
				l = checkTexts(t, src, a.Name, l)
				l = checkTexts(t, src, a.Value, l)
			}
		case *Link:
			l := checkTexts(t, src, n.Target, last)
			for _, a := range n.Args {
				l = checkTexts(t, src, a, l)
			}
		case *Argument:
			checkTexts(t, src, n.Default, checkTexts(t, src, n.Name, last))
		}
	}
	return last
}

// walkTables reads every table's grid and every cell's own blocks.
func walkTables(blocks []Block, depth int) {
	if depth > 20 {
		return
	}
	for _, b := range blocks {
		tb, ok := b.(*Table)
		if !ok {
			continue
		}
		for _, row := range tb.Grid() {
			for _, g := range row {
				if g.Cell != nil && g.Row >= 0 {
					walkTables(Blocks(g.Content), depth+1)
				}
			}
		}
	}
}
