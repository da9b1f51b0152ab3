package knowledge

import (
	"sort"
	"strings"
)

// A Mention is a name of a contestant written out in a text.
type Mention struct {
	Contestant *Contestant
	// Name is the name as the contestant's names have it ("progressives").
	Name       string
	Start, End int // word positions in FoldTokens(text)
}

// Mentions finds the contestants' names and aliases written exactly in a
// text (no typos, no abbreviations), longest first where they overlap.
// It is cheap enough to run on every passage an answer quotes.
func (e *Election) Mentions(text string) []Mention {
	r := e.resolverOnce()
	toks := FoldTokens(text)
	var out []Mention
	taken := make([]bool, len(toks))
	for _, n := range r.byLength() {
		if n.kind == kindAbbrev {
			continue
		}
		for s := 0; s+len(n.toks) <= len(toks); s++ {
			if !equalTokens(toks[s:s+len(n.toks)], n.toks) || anyTaken(taken[s:s+len(n.toks)]) {
				continue
			}
			for k := s; k < s+len(n.toks); k++ {
				taken[k] = true
			}
			out = append(out, Mention{Contestant: n.c, Name: strings.Join(n.toks, " "), Start: s, End: s + len(n.toks)})
		}
	}
	return out
}

func anyTaken(b []bool) bool {
	for _, t := range b {
		if t {
			return true
		}
	}
	return false
}

// byLength returns the names, longest first, computed once.
func (r *resolver) byLength() []entName {
	r.sortOnce.Do(func() {
		r.sorted = append([]entName(nil), r.names...)
		sort.SliceStable(r.sorted, func(i, j int) bool { return len(r.sorted[i].toks) > len(r.sorted[j].toks) })
	})
	return r.sorted
}
