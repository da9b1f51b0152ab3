package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Passage is a unit of article text an answer can quote: a sentence, a
// list item, a table row or an infobox fact, with its section.
type Passage struct {
	Section string
	// Kind is "sentence", "item", "row", "legend" or "fact".
	Kind string
	Text string
	Line int
	// Before is the sentence before this one in its paragraph: "It was
	// called after ..." is about what the sentence before names.
	Before string
}

// Passages returns the article's text cut into quotable passages, in
// article order. Table rows are rendered "Header: cell; Header: cell" with
// footnote marks resolved.
func (a *Article) Passages() []Passage {
	var out []Passage
	for _, f := range a.Infobox {
		out = append(out, Passage{Section: SectionInfobox, Kind: "fact", Text: f.Key + ": " + f.Value, Line: f.Line})
	}
	for _, s := range a.Sections {
		sec := SectionName(s)
		for _, f := range s.Infobox {
			out = append(out, Passage{Section: sec, Kind: "fact", Text: f.Key + ": " + f.Value, Line: f.Line})
		}
		for _, b := range s.Blocks {
			switch b.Kind {
			case Paragraph:
				before := ""
				for _, t := range Sentences(b.Text) {
					out = append(out, Passage{Section: sec, Kind: "sentence", Text: t, Line: b.Line, Before: before})
					before = t
				}
			case List:
				for _, it := range b.Items {
					out = append(out, Passage{Section: sec, Kind: "item", Text: it.Text, Line: it.Line})
				}
			case Table:
				// A two-row header ("First round" over "Votes | %") is read
				// as one: "First round Votes: 281,402".
				header, start := mergedHeader(b)
				for i, row := range b.Rows[start:] {
					var parts []string
					for j, cell := range row {
						v := a.resolveMarks(cell)
						if v == "" || j >= len(header) {
							continue
						}
						parts = append(parts, stripMarks(header[j])+": "+v)
					}
					if len(parts) > 0 {
						out = append(out, Passage{Section: sec, Kind: "row", Text: strings.Join(parts, "; "), Line: b.BodyLine(i + start - 1)})
					}
				}
			case Legend:
				out = append(out, Passage{Section: sec, Kind: "legend", Text: b.Text, Line: b.Line})
			}
		}
	}
	return out
}

// resolveMarks replaces footnote marks in a cell with their legends.
func (a *Article) resolveMarks(cell string) string {
	if !strings.Contains(cell, "^{") {
		return strings.TrimSpace(cell)
	}
	return strings.TrimSpace(markRe.ReplaceAllStringFunc(cell, func(m string) string {
		mark := strings.TrimSpace(m[2 : len(m)-1])
		if meaning, ok := a.Footnotes[mark]; ok {
			return meaning
		}
		return ""
	}))
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = toSet("dr prof mr mrs ms st no vs etc e.g i.e jr sr gen col lt sgt approx ca fig inc ltd co corp mt")

// Sentences splits a paragraph into sentences: at '.', '!' or '?' followed
// by a space and a capital letter, digit or quote, except after
// abbreviations ("Dr.") and initials ("Jovan I. Deretić").
func Sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
			j++
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[j+1:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“'(", next)) {
			continue
		}
		if c == '.' {
			w := lastWord(text[start:i])
			if abbreviations[strings.ToLower(w)] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])) {
				continue
			}
		}
		if s := strings.TrimSpace(text[start:j]); s != "" {
			out = append(out, s)
		}
		start = j + 1
		i = j
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	i := strings.LastIndexAny(s, " (\"“")
	return s[i+1:]
}
