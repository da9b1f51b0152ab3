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
}

// An AliasEntry is one line of an aliases file.
type AliasEntry struct {
	Abbrev string
	Names  []string
	File   string
	Line   int

	abbrev string     // folded
	toks   [][]string // folded tokens of each name
}

// ParseAliases reads an aliases file: one party a line,
// "ABBREV | Name | Other name", '#' starting a comment.
func ParseAliases(file string, r io.Reader) (*Aliases, error) {
	out := &Aliases{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
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
			if p = strings.TrimSpace(p); p != "" {
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

func (e AliasEntry) prepared() AliasEntry {
	e.abbrev = Fold(e.Abbrev)
	e.toks = make([][]string, len(e.Names))
	for i, n := range e.Names {
		e.toks[i] = FoldTokens(n)
	}
	return e
}

// Merge returns the entries of a followed by those of b; both may be nil.
func (a *Aliases) Merge(b *Aliases) *Aliases {
	out := &Aliases{}
	for _, x := range []*Aliases{a, b} {
		if x != nil {
			out.Entries = append(out.Entries, x.Entries...)
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
