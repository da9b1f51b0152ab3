package knowledge

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Aliases are curated names for well-known parties: the abbreviation people
// use (DSS) and the names it stands for (Democratic Party of Serbia,
// Demokratska stranka Srbije). Articles rarely spell out both, so the bot
// would otherwise never know that "DSS" in a poll is list 3.
type Aliases struct {
	Entries []AliasEntry
	// glossary maps the roots of Serbian words to English ones (see
	// ParseGlossary).
	glossary map[string]string
}

// An AliasEntry is one line of an aliases file.
type AliasEntry struct {
	Abbrev string
	Names  []string
	// Colour is the party's colour ("#RRGGBB") where the line gives one
	// (a "#RRGGBB" field), for articles that name a party without it.
	Colour string
	File   string
	Line   int

	abbrev string     // folded
	toks   [][]string // folded tokens of each name
}

// ParseAliases reads an aliases file: one party a line,
// "ABBREV | Name | Other name | #RRGGBB", '#' starting a comment unless it
// begins a field that is a hex colour.
func ParseAliases(file string, r io.Reader) (*Aliases, error) {
	out := &Aliases{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		line = stripComment(line)
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) < 2 {
			return nil, &ParseError{File: file, Line: n, Msg: "alias line is not \"ABBREV | Name | Other name\""}
		}
		e := AliasEntry{Abbrev: strings.TrimSpace(parts[0]), File: file, Line: n}
		if e.Abbrev == "" || strings.ContainsAny(e.Abbrev, " \t") {
			return nil, &ParseError{File: file, Line: n, Msg: fmt.Sprintf("alias abbreviation %q must be one word", e.Abbrev)}
		}
		for _, p := range parts[1:] {
			p = strings.TrimSpace(p)
			switch {
			case p == "":
			case strings.HasPrefix(p, "#"):
				e.Colour = normColour(p) // stripComment kept only colours
			default:
				e.Names = append(e.Names, p)
			}
		}
		if len(e.Names) == 0 {
			return nil, &ParseError{File: file, Line: n, Msg: fmt.Sprintf("alias %s has no names", e.Abbrev)}
		}
		out.Entries = append(out.Entries, e.prepared())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: read aliases: %w", file, err)
	}
	return out, nil
}

// stripComment cuts a line at the '#' that starts a comment: any '#' but
// the one that begins a "| #RRGGBB" colour field.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && !colourField(line[:i], line[i:]) {
			return line[:i]
		}
	}
	return line
}

// colourField reports whether rest, which follows before on its line,
// begins with a "#RRGGBB" field: after a '|', up to a space or '|'.
func colourField(before, rest string) bool {
	if !strings.HasSuffix(strings.TrimRight(before, " \t"), "|") {
		return false
	}
	end := strings.IndexAny(rest, " \t|")
	if end < 0 {
		end = len(rest)
	}
	return normColour(rest[:end]) != ""
}

// Colour returns the colour the aliases give the party called name (its
// abbreviation or any of its names, compared folded), or "".
func (a *Aliases) Colour(name string) string {
	f := strings.Join(FoldTokens(name), " ")
	if f == "" {
		return ""
	}
	for _, e := range a.entries() {
		if e.Colour == "" {
			continue
		}
		if e.abbrev == f {
			return e.Colour
		}
		for _, t := range e.toks {
			if strings.Join(t, " ") == f {
				return e.Colour
			}
		}
	}
	return ""
}

func (e AliasEntry) prepared() AliasEntry {
	e.abbrev = Fold(e.Abbrev)
	e.toks = make([][]string, len(e.Names))
	for i, n := range e.Names {
		e.toks[i] = FoldTokens(n)
	}
	return e
}

// Merge returns the entries of a followed by those of b, and both
// glossaries (b's words over a's); both may be nil.
func (a *Aliases) Merge(b *Aliases) *Aliases {
	out := &Aliases{}
	for _, x := range []*Aliases{a, b} {
		if x == nil {
			continue
		}
		out.Entries = append(out.Entries, x.Entries...)
		for k, v := range x.glossary {
			if out.glossary == nil {
				out.glossary = map[string]string{}
			}
			out.glossary[k] = v
		}
	}
	return out
}

func (a *Aliases) entries() []AliasEntry {
	if a == nil {
		return nil
	}
	return a.Entries
}
