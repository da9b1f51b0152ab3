package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// AliasesFile is the name of the aliases file in a data folder.
const AliasesFile = "aliases.tsv"

// DefaultMaxFileBytes bounds one article (or aliases) file when the caller
// sets no limit. The longest real election article is a few hundred
// kilobytes; a file of tens of megabytes is a mistake, and parsing and
// indexing it would take gigabytes.
const DefaultMaxFileBytes = 2 << 20

// A SizeError is a file over the size limit. It is refused before it is
// read.
type SizeError struct {
	File  string
	Size  int64 // -1 when the file did not say its size and ran over while read
	Limit int64
}

func (e *SizeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s: more than the limit %d bytes", e.File, e.Limit)
	}
	return fmt.Sprintf("%s: %d bytes, more than the limit %d", e.File, e.Size, e.Limit)
}

// Load is LoadLimited with DefaultMaxFileBytes.
func Load(fsys fs.FS, base *Aliases) ([]*Election, error) {
	return LoadLimited(fsys, base, DefaultMaxFileBytes)
}

// LoadLimited parses every *.txt article in fsys and extracts its
// election. An aliases file and a glossary in fsys add to base. Elections come newest
// first. A file over maxBytes (DefaultMaxFileBytes when 0 or less) is a
// *SizeError, found from its size before it is read; the first malformed
// file stops the load with its file:line.
func LoadLimited(fsys fs.FS, base *Aliases, maxBytes int64) ([]*Election, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxFileBytes
	}
	aliases, err := readAliases(fsys, base, maxBytes)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	if len(names) == 0 {
		return nil, errors.New("no *.txt articles found")
	}
	var out []*Election
	seen := map[string]string{}
	for _, name := range names {
		data, err := readLimited(fsys, name, maxBytes)
		if err != nil {
			return nil, err
		}
		a, err := Parse(path.Base(name), bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		e := Extract(a, aliases)
		if prev, dup := seen[e.ID]; dup {
			return nil, fmt.Errorf("%s:1: election id %q already used by %s", name, e.ID, prev)
		}
		seen[e.ID] = name
		out = append(out, e)
	}
	SortNewestFirst(out)
	return out, nil
}

// readLimited reads a whole file of at most maxBytes. The size is checked
// before reading, and the read stops one byte past the limit, in case the
// size was not known or the file grew.
func readLimited(fsys fs.FS, name string, maxBytes int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxBytes {
		return nil, &SizeError{File: name, Size: st.Size(), Limit: maxBytes}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > maxBytes {
		return nil, &SizeError{File: name, Size: -1, Limit: maxBytes}
	}
	return data, nil
}

// SortNewestFirst orders elections by year, newest first, then by title.
func SortNewestFirst(es []*Election) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Year != es[j].Year {
			return es[i].Year > es[j].Year
		}
		return strings.Compare(es[i].Title, es[j].Title) < 0
	})
}
