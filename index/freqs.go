package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// tokenFrequencies is analysis.TokenFrequency(tokens, nil, options): each
// distinct term with its frequency and, for a field with term vectors,
// its locations. bleve allocates every term's entry and list of
// locations one by one, two allocations a distinct word of every
// passage; here the entries and the lists are carved out of one slice
// each. The lists are exactly as long as the term is frequent.
func tokenFrequencies(tokens analysis.TokenStream, options bleveindex.FieldIndexingOptions) bleveindex.TokenFrequencies {
	if options.SkipFreqNorm() {
		return analysis.TokenFrequency(tokens, nil, options) // the lists' lengths come from the frequencies
	}
	rv := make(bleveindex.TokenFrequencies, len(tokens))
	// At most one entry a token: the slice never grows, so pointers into
	// it stay put.
	entries := make([]bleveindex.TokenFreq, 0, len(tokens))
	vectors := options.IncludeTermVectors()
	var of []*bleveindex.TokenFreq // each token's entry
	if vectors {
		of = make([]*bleveindex.TokenFreq, len(tokens))
	}
	for i, t := range tokens {
		curr, ok := rv[string(t.Term)]
		if !ok {
			entries = append(entries, bleveindex.TokenFreq{Term: t.Term})
			curr = &entries[len(entries)-1]
			rv[string(t.Term)] = curr
		}
		curr.SetFrequency(curr.Frequency() + 1)
		if vectors {
			of[i] = curr
		}
	}
	if !vectors {
		return rv
	}
	locations := make([]bleveindex.TokenLocation, len(tokens))
	lists := make([]*bleveindex.TokenLocation, len(tokens))
	at := 0
	for i := range entries {
		n := entries[i].Frequency()
		entries[i].Locations = lists[at : at : at+n]
		at += n
	}
	for i, t := range tokens {
		locations[i] = bleveindex.TokenLocation{Start: t.Start, End: t.End, Position: t.Position}
		of[i].Locations = append(of[i].Locations, &locations[i])
	}
	return rv
}
