package index

import "unicode/utf8"

// A vocabulary is every word of the passages' text as written (folded),
// with the term the analyzer makes of it, for typo matching (near). A
// search about one election looks among that election's words alone: a
// word of another article cannot match its passages, and among the
// nearest few it would crowd out the article's own, so that an answer
// about one election would change with the others loaded.
type vocabulary struct {
	// terms holds each distinct word once, in the order the passages
	// first use it.
	terms []vocabularyTerm
	// byElection lists each election's words as positions in terms, in
	// the order its own passages first use them.
	byElection map[string][]int32

	ids map[string]int32 // word -> position in terms, while building
	// election and inElection are the election being added and the
	// words it has so far, while building.
	election   string
	inElection map[int32]bool
}

// A vocabularyTerm is a word of the passages (folded), its indexed term
// and its length in runes.
type vocabularyTerm struct {
	word, term string
	runes      int
}

func newVocabulary() *vocabulary {
	return &vocabulary{byElection: map[string][]int32{}, ids: map[string]int32{}}
}

// id returns the position of a word in terms, adding it if it is new.
func (v *vocabulary) id(word, term string) int32 {
	if id, ok := v.ids[word]; ok {
		return id
	}
	id := int32(len(v.terms))
	v.ids[word] = id
	v.terms = append(v.terms, vocabularyTerm{word: word, term: term, runes: utf8.RuneCountInString(word)})
	return id
}

// use records that an election's passages use the words ids. Passages
// come election by election.
func (v *vocabulary) use(election string, ids []int32) {
	if election != v.election {
		v.election, v.inElection = election, map[int32]bool{}
	}
	for _, id := range ids {
		if !v.inElection[id] {
			v.inElection[id] = true
			v.byElection[election] = append(v.byElection[election], id)
		}
	}
}

// done drops what only building needed.
func (v *vocabulary) done() {
	v.ids, v.inElection = nil, nil
}

// each calls f with the words of one election (all words when election
// is ""), in the order the passages first use them.
func (v *vocabulary) each(election string, f func(*vocabularyTerm)) {
	if election == "" {
		for i := range v.terms {
			f(&v.terms[i])
		}
		return
	}
	for _, id := range v.byElection[election] {
		f(&v.terms[id])
	}
}
