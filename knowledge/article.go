// Package knowledge owns what electionbot knows: it parses Wikipedia-style
// election articles into a document model (Article), extracts an election
// model from them (Election: its contests, each with rounds of results,
// its polls and names) and resolves the many names a party or candidate
// goes by. It imports only the standard library, so every other package
// can build on it.
package knowledge

// An Article is one parsed article file: its title, infobox and sections in
// the order they appear.
type Article struct {
	// File is the name the article was read from; errors and sources use it.
	File  string
	Title string
	// Infobox holds the "- Key: Value" lines after the "Infobox" line.
	Infobox []Field
	// Sections in order. The first one is the lead (the prose before the
	// first heading) and has an empty Title and Level 1.
	Sections []*Section
	// Source says where the text comes from (its "Source" block); nil when
	// the file does not say.
	Source *Source
	// Footnotes maps a footnote mark ("M") to its legend ("National minority
	// list"), from lines like "^{M} — National minority list".
	Footnotes map[string]string
}

// A Field is one infobox line.
type Field struct {
	Key   string
	Value string
	Line  int
}

// A Section is a heading and the blocks under it up to the next heading.
type Section struct {
	Title  string
	Level  int // 2 for ==X==, 3 for ===X===
	Line   int
	Blocks []Block
	// Parent is the title of the enclosing level-2 section of a subsection,
	// empty otherwise.
	Parent string
	// Infobox holds the fields of an infobox that opens inside the section
	// (a mayor's infobox under "Mayor"); the article's first infobox is
	// Article.Infobox.
	Infobox []Field `json:",omitempty"`
}

// BlockKind says what a Block holds.
type BlockKind int

// The kinds of block a section holds.
const (
	Paragraph BlockKind = iota + 1
	Table
	List
	Legend
)

// A Block is a paragraph, a pipe table, a bullet list or a footnote legend.
type Block struct {
	Kind BlockKind
	Line int
	// Text is the paragraph text, or for a Legend the "mark — meaning" line.
	Text string
	// Rows of a table, the header first. Every row has the header's width.
	Rows [][]string
	// RowLines holds the line of each of Rows: a "|---|" rule under the
	// header takes a line but is no row, so lines cannot be counted.
	RowLines []int
	// Items of a bullet list, with the line of each.
	Items []Item
}

// An Item is one bullet of a list.
type Item struct {
	Text string
	Line int
}

// Header returns a table's header row (nil for other blocks).
func (b Block) Header() []string {
	if b.Kind != Table || len(b.Rows) == 0 {
		return nil
	}
	return b.Rows[0]
}

// Body returns a table's rows after the header.
func (b Block) Body() [][]string {
	if b.Kind != Table || len(b.Rows) < 2 {
		return nil
	}
	return b.Rows[1:]
}

// BodyLine returns the line of the i-th row after the header.
func (b Block) BodyLine(i int) int {
	if i+1 < len(b.RowLines) {
		return b.RowLines[i+1]
	}
	return b.Line + 1 + i
}

// Section returns the first section whose folded title contains any of the
// folded words, or nil.
func (a *Article) Section(words ...string) *Section {
	for _, s := range a.Sections {
		t := Fold(s.Title)
		for _, w := range words {
			if t != "" && containsWord(t, Fold(w)) {
				return s
			}
		}
	}
	return nil
}

// InfoboxValue returns the value of the first infobox field whose key folds
// to one of keys (spaces and case ignored), and whether there was one.
func (a *Article) InfoboxValue(keys ...string) (Field, bool) {
	for _, f := range a.Infobox {
		k := normKey(f.Key)
		for _, want := range keys {
			if k == normKey(want) {
				return f, true
			}
		}
	}
	return Field{}, false
}
