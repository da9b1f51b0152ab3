package knowledge

import (
	"strconv"
	"strings"
)

// A Finder is ElectionIn over one set of elections, prepared once when
// they are loaded, so that finding the election a message names does not
// take longer with every election loaded: the elections by year, and
// each distinctive word of their places, folded and stemmed once, with
// the elections whose places have it. A message's words are compared
// with the distinct place words, not with every election's. It is safe
// for concurrent use.
type Finder struct {
	es     []*Election
	byYear map[int][]int // positions in es, in order
	// words are the distinct distinctive place words; exact finds one by
	// its word, byRoot by its root in any Serbian case (placeCase).
	words  []placeWord
	exact  map[string]int
	byRoot map[string][]int
	// places holds each election's place words as positions in words,
	// one for each time its place has the word, as ElectionIn counts.
	places [][]int
	// byID and byTitle find an election by its ID in lower case and by
	// its folded title, the first of the elections that have it;
	// unusualIDs are the positions of IDs not in ASCII, which only
	// strings.EqualFold compares.
	byID, byTitle map[string]int
	unusualIDs    []int
}

// A placeWord is a distinctive word of some elections' places.
type placeWord struct {
	word, stem string
	side       simSide // worked out once for simWordsOf
	// fuzzy is whether a typo or an ending may match it: words of four
	// letters or more that are not numbers (simWords).
	fuzzy     bool
	elections []int // positions in Finder.es, in order, once each
}

// NewFinder prepares a Finder for elections, newest first, as the
// library holds them.
func NewFinder(es []*Election) *Finder {
	f := &Finder{es: es, byYear: map[int][]int{}, exact: map[string]int{}, byRoot: map[string][]int{}, places: make([][]int, len(es)),
		byID: map[string]int{}, byTitle: map[string]int{}}
	for i, e := range es {
		f.byYear[e.Year] = append(f.byYear[e.Year], i)
		if isPlainASCII(e.ID) {
			if _, ok := f.byID[strings.ToLower(e.ID)]; !ok {
				f.byID[strings.ToLower(e.ID)] = i
			}
		} else {
			f.unusualIDs = append(f.unusualIDs, i)
		}
		if _, ok := f.byTitle[Fold(e.Title)]; !ok {
			f.byTitle[Fold(e.Title)] = i
		}
		for _, pw := range FoldTokens(e.Place) {
			if GenericPlaceWord(pw) {
				continue
			}
			k, ok := f.exact[pw]
			if !ok {
				k = len(f.words)
				f.exact[pw] = k
				f.words = append(f.words, placeWord{word: pw, stem: Stem(pw), side: preparedSide(pw), fuzzy: len(pw) >= 4 && !isNumeric(pw)})
				if len(pw) >= 3 {
					f.byRoot[placeRoot(pw)] = append(f.byRoot[placeRoot(pw)], k)
				}
			}
			w := &f.words[k]
			if n := len(w.elections); n == 0 || w.elections[n-1] != i {
				w.elections = append(w.elections, i)
			}
			f.places[i] = append(f.places[i], k)
		}
	}
	return f
}

// Elections returns the elections the Finder was made for.
func (f *Finder) Elections() []*Election { return f.es }

// Named returns the first election whose ID is name in any case
// (strings.EqualFold) or whose title folds as name does, or nil.
func (f *Finder) Named(name string) *Election {
	first := len(f.es)
	if isPlainASCII(name) {
		if i, ok := f.byID[strings.ToLower(name)]; ok {
			first = i
		}
		for _, i := range f.unusualIDs {
			if i < first && strings.EqualFold(name, f.es[i].ID) {
				first = i
			}
		}
	} else {
		for i, e := range f.es[:first] {
			if strings.EqualFold(name, e.ID) {
				first = i
				break
			}
		}
	}
	if i, ok := f.byTitle[Fold(name)]; ok && i < first {
		first = i
	}
	if first == len(f.es) {
		return nil
	}
	return f.es[first]
}

// In is ElectionIn(f.Elections(), text).
func (f *Finder) In(text string) (e *Election, rest, missing string) {
	year, keep := yearAndRest(text)
	var inYear []int
	if year != 0 {
		if inYear = f.byYear[year]; len(inYear) == 0 {
			return nil, text, strconv.Itoa(year)
		}
	}
	rest = strings.Join(keep, " ")
	if len(f.es) > 1 {
		if best := f.best(rest, year); best >= 0 {
			return f.es[best], removePlace(f.es[best], rest), ""
		}
	}
	if year != 0 {
		return f.es[inYear[0]], rest, ""
	}
	return nil, rest, ""
}

// best returns the position of the election (of year, when not 0) whose
// place the most words of text name, the first of equals; -1 when text
// names none.
func (f *Finder) best(text string, year int) int {
	var only map[int]bool // the place words of the year's elections
	if year != 0 {
		only = map[int]bool{}
		for _, i := range f.byYear[year] {
			for _, k := range f.places[i] {
				only[k] = true
			}
		}
	}
	matched := f.matched(FoldTokens(text), only)
	if len(matched) == 0 {
		return -1
	}
	counts := map[int]int{}
	for k := range matched {
		for _, i := range f.words[k].elections {
			if year != 0 && f.es[i].Year != year {
				continue
			}
			if _, done := counts[i]; !done {
				counts[i] = f.count(i, matched)
			}
		}
	}
	best, bestN := -1, 0
	for i, n := range counts {
		if n > bestN || n == bestN && i < best {
			best, bestN = i, n
		}
	}
	return best
}

// count is how many of election i's place words are matched.
func (f *Finder) count(i int, matched map[int]bool) int {
	n := 0
	for _, k := range f.places[i] {
		if matched[k] {
			n++
		}
	}
	return n
}

// matched returns the place words (of only, when it is not nil) that one
// of toks names as SamePlace has it: equal to it, the same in a Serbian
// case, or similar as TokenSimilar has it.
func (f *Finder) matched(toks []string, only map[int]bool) map[int]bool {
	var out map[int]bool
	mark := func(k int) {
		if out == nil {
			out = map[int]bool{}
		}
		out[k] = true
	}
	for _, t := range toks {
		if k, ok := f.exact[t]; ok && (only == nil || only[k]) {
			mark(k)
		}
		for _, k := range f.byRoot[placeRoot(t)] {
			if only == nil || only[k] {
				mark(k)
			}
		}
		tr := translit(t)
		if k, ok := f.exact[tr]; ok && tr != t && (only == nil || only[k]) {
			mark(k)
		}
		if len(t) < 4 || isNumeric(t) {
			continue // only the same word names a place word then
		}
		side := preparedSide(t)
		similar := func(k int) {
			w := &f.words[k]
			if w.fuzzy && mayBeSimilar(t, w.word) {
				if s, _ := simWordsOf(side, w.side); s > 0 {
					mark(k)
				}
			}
		}
		if only != nil {
			for k := range only {
				similar(k)
			}
			continue
		}
		for k := range f.words {
			similar(k)
		}
	}
	return out
}
