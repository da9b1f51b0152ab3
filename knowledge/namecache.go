package knowledge

import (
	"slices"
	"strings"
)

// A nameCache remembers what extraction works out of a name's text:
// its segments, whether a segment reads as a person's name, its folded
// words and their stems, its acronym and the alias entries it names.
// Every step of extraction enriches and indexes the names of the lists
// it links (resolverFor), five to eight times an article over much the
// same names; each of these is a function of the text alone, so what is
// remembered is what would be worked out again, and never goes stale.
// One cache serves one extraction; noNames remembers nothing.
type nameCache struct {
	segments map[string][]string
	person   map[string]bool
	people   map[string]string // a person's words, titles dropped, joined
	tokens   map[string][]string
	stems    map[string]string
	acronyms map[string]string
	abbrOnly map[string]bool
	// aliases are aliasesIn's answers over entries, the extraction's
	// alias entries.
	entries []AliasEntry
	aliases map[string][]int
}

// noNames is the cache of names made outside an extraction: its maps
// are nil, so it works everything out and keeps nothing, and is safe to
// share.
var noNames = &nameCache{}

func newNameCache(aliases *Aliases) *nameCache {
	return &nameCache{
		segments: map[string][]string{}, person: map[string]bool{}, people: map[string]string{},
		tokens: map[string][]string{}, stems: map[string]string{}, acronyms: map[string]string{},
		abbrOnly: map[string]bool{}, entries: aliases.entries(), aliases: map[string][]int{},
	}
}

// remember returns the value of key in m, working it out with f the first
// time; with a nil m, every time.
func remember[V any](m map[string]V, key string, f func(string) V) V {
	if v, ok := m[key]; ok {
		return v
	}
	v := f(key)
	if m != nil {
		m[key] = v
	}
	return v
}

// segmentsOf is segments(name). The slice is shared: callers only read
// it.
func (nc *nameCache) segmentsOf(name string) []string { return remember(nc.segments, name, segments) }

func (nc *nameCache) isPersonName(seg string) bool { return remember(nc.person, seg, isPersonName) }

// personName is a person's words, titles dropped, joined by spaces.
func (nc *nameCache) personName(seg string) string {
	return remember(nc.people, seg, func(seg string) string { return strings.Join(personWords(seg), " ") })
}

// foldTokens is FoldTokens(text), a slice of the caller's own: a
// resolver keeps it.
func (nc *nameCache) foldTokens(text string) []string {
	return slices.Clone(remember(nc.tokens, text, FoldTokens))
}

func (nc *nameCache) stem(w string) string { return remember(nc.stems, w, Stem) }

func (nc *nameCache) acronym(seg string) string { return remember(nc.acronyms, seg, acronym) }

func (nc *nameCache) explicitAbbrevOnly(seg string) bool {
	return remember(nc.abbrOnly, seg, explicitAbbrevOnly)
}

// aliasesIn is aliasesIn(seg, entries), remembered for the cache's own
// entries only. The slice is shared: callers only read it.
func (nc *nameCache) aliasesIn(seg string, entries []AliasEntry) []int {
	m := nc.aliases
	if !sameEntries(entries, nc.entries) {
		m = nil
	}
	return remember(m, seg, func(seg string) []int { return aliasesIn(seg, entries) })
}

// sameEntries reports whether a and b are the same slice, not merely
// equal ones.
func sameEntries(a, b []AliasEntry) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
