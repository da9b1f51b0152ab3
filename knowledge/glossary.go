package knowledge

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// GlossaryFile is the name of the glossary in a data folder.
const GlossaryFile = "glossary.tsv"

// ParseGlossary reads a glossary: one English word a line with its
// Serbian (and Croatian) forms, "party | stranka | partija", '#'
// starting a comment. It lets a question that names a party in Serbian
// ("Nova demokratska stranka") find the list the article names in English
// ("New Democratic Party"), word by word, for parties the aliases file
// does not know. The result is Aliases with only a glossary, to Merge.
func ParseGlossary(file string, r io.Reader) (*Aliases, error) {
	out := &Aliases{glossary: map[string]string{}}
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
		english := Tokens(parts[0])
		if len(parts) < 2 || len(english) != 1 {
			return nil, &ParseError{File: file, Line: n, Msg: "glossary line is not \"english | serbian | other serbian form\" with one English word"}
		}
		for _, p := range parts[1:] {
			sr := Tokens(p)
			if len(sr) != 1 {
				return nil, &ParseError{File: file, Line: n, Msg: fmt.Sprintf("glossary form %q is not one word", strings.TrimSpace(p))}
			}
			out.glossary[SerbianRoot(sr[0])] = english[0]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: read glossary: %w", file, err)
	}
	return out, nil
}

// translate is the English word for a folded Serbian word, by its root,
// or "".
func (a *Aliases) translate(w string) string {
	if a == nil || len(a.glossary) == 0 {
		return ""
	}
	root := SerbianRoot(w)
	if en, ok := a.glossary[root]; ok {
		return en
	}
	// k, g and h become c, z and s before -i and -e ("stranka",
	// "stranci").
	if n := len(root); n > 0 && root != w {
		switch root[n-1] {
		case 'c':
			return a.glossary[root[:n-1]+"k"]
		case 'z':
			return a.glossary[root[:n-1]+"g"]
		case 's':
			return a.glossary[root[:n-1]+"h"]
		}
	}
	return ""
}

// BaseAliases reads the aliases file and the glossary of a data folder
// (the embedded one): what every load starts from.
func BaseAliases(fsys fs.FS) (*Aliases, error) {
	return readAliases(fsys, nil, DefaultMaxFileBytes)
}

// readAliases adds to base the aliases file and the glossary in fsys,
// each if present.
func readAliases(fsys fs.FS, base *Aliases, maxBytes int64) (*Aliases, error) {
	out := base
	for _, f := range []struct {
		name  string
		parse func(string, io.Reader) (*Aliases, error)
	}{{AliasesFile, ParseAliases}, {GlossaryFile, ParseGlossary}} {
		data, err := readLimited(fsys, f.name, maxBytes)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		a, err := f.parse(f.name, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		out = out.Merge(a)
	}
	return out, nil
}

// EnglishWord is the glossary's English word for a folded Serbian word
// of a question ("srbije" is "serbia"), or "": for callers that compare a
// question's word with an article's English names.
func (e *Election) EnglishWord(w string) string {
	if e.resolver == nil {
		return ""
	}
	return e.resolver.glossary.translate(w)
}
