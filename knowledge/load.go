package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// AliasesFile is the name of the aliases file in a data folder.
const AliasesFile = "aliases.tsv"

// Load parses every *.txt article in fsys and extracts its election. An
// aliases file in fsys adds to base. Elections come newest first. The first
// malformed file stops the load with its file:line.
func Load(fsys fs.FS, base *Aliases) ([]*Election, error) {
	aliases := base
	if f, err := fsys.Open(AliasesFile); err == nil {
		extra, perr := ParseAliases(AliasesFile, f)
		f.Close()
		if perr != nil {
			return nil, perr
		}
		aliases = base.Merge(extra)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open %s: %w", AliasesFile, err)
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
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		a, err := Parse(path.Base(name), f)
		f.Close()
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

// SortNewestFirst orders elections by year, newest first, then by title.
func SortNewestFirst(es []*Election) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Year != es[j].Year {
			return es[i].Year > es[j].Year
		}
		return strings.Compare(es[i].Title, es[j].Title) < 0
	})
}
