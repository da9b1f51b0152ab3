package knowledge

import (
	"slices"
	"strconv"
	"strings"
)

// ElectionIn finds the election a text names by year or place among es
// (newest first). It returns the election, nil when the text names none;
// the text without the words that named it (the year always, the place
// words only when several elections are loaded, since with one they may
// still be part of a question); and what the text named that none of es
// is about ("2018"), which is set only when the election is nil.
func ElectionIn(es []*Election, text string) (e *Election, rest, missing string) {
	year, keep := yearAndRest(text)
	candidates := es
	if year != 0 {
		candidates = nil
		for _, e := range es {
			if e.Year == year {
				candidates = append(candidates, e)
			}
		}
		if len(candidates) == 0 {
			return nil, text, strconv.Itoa(year)
		}
	}
	rest = strings.Join(keep, " ")
	if len(es) > 1 {
		var best *Election
		bestN := 0
		for _, e := range candidates {
			if n := placeWords(e, rest); n > bestN {
				best, bestN = e, n
			}
		}
		if best != nil {
			return best, removePlace(best, rest), ""
		}
	}
	if year != 0 {
		return candidates[0], rest, ""
	}
	return nil, rest, ""
}

// yearAndRest takes the last year out of a text's words, and returns it
// (0 when there is none) with the other words.
func yearAndRest(text string) (year int, rest []string) {
	for _, w := range strings.Fields(text) {
		if y, ok := Year(w); ok {
			year = y
			continue
		}
		rest = append(rest, w)
	}
	return year, rest
}

// Year reads a word as a four-digit year between 1900 and 2100, allowing
// trailing punctuation and a possessive ("2014?", "(2014)", "2014's").
func Year(w string) (int, bool) {
	w = strings.TrimRight(Fold(w), "?!.,;:)'s")
	w = strings.TrimLeft(w, "(")
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

// YearIn returns the first year among the words of a text.
func YearIn(s string) (int, bool) {
	for _, w := range strings.Fields(s) {
		if y, ok := Year(w); ok {
			return y, true
		}
	}
	return 0, false
}

// placeWords counts the distinctive words of an election's place that a
// text contains.
func placeWords(e *Election, text string) int {
	toks := FoldTokens(text)
	n := 0
	for _, pw := range FoldTokens(e.Place) {
		if GenericPlaceWord(pw) {
			continue
		}
		for _, t := range toks {
			if SamePlace(t, pw) {
				n++
				break
			}
		}
	}
	return n
}

// GenericPlaceWord reports a folded word of places and bodies that names
// no place in particular ("city", "assembly", "national").
func GenericPlaceWord(w string) bool { return genericPlaceWords[w] }

var genericPlaceWords = toSet("city assembly local parliamentary presidential general municipal national council " +
	"the of and provincial regional")

// removePlace drops the words of text that are words of e's place.
func removePlace(e *Election, text string) string {
	place := FoldTokens(e.Place)
	var keep []string
	for _, w := range strings.Fields(text) {
		toks := FoldTokens(w)
		// A typo of the place is left in: the user may have meant another
		// word.
		if len(toks) == 1 && slices.ContainsFunc(place, func(pw string) bool { return placeCase(toks[0], pw) }) {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// SamePlace reports whether a folded word of a question names the same
// place as a folded word of a place name, in any Serbian case: "nisu"
// and "nis" (Niš), "novom" and "novi", "sadu" and "sad", "kragujevcu"
// and "kragujevac".
func SamePlace(t, pw string) bool { return placeCase(t, pw) || TokenSimilar(t, pw) }

// placeCase reports the place word itself, or in a Serbian case.
func placeCase(t, pw string) bool { return t == pw || len(pw) >= 3 && placeRoot(t) == placeRoot(pw) }

// PlaceRoot is a place name's word without its Serbian case ending
// ("Vojvodini" -> "vojvodin"): a prefix of the name in any case.
func PlaceRoot(w string) string { return placeRoot(w) }

// caseEndings are the Serbian case endings placeRoot strips, longest
// first where one ends another.
var caseEndings = []string{"ima", "ama", "om", "em", "og", "oj", "u", "a", "e", "i", "o"}

// placeRoot is a place name's word without its Serbian case ending,
// down to three letters, and without the a that drops out before a
// final c ("Kragujevac", "Kragujevca"; "Voždovac", "Voždovcu").
func placeRoot(w string) string {
	for _, end := range caseEndings {
		if len(w)-len(end) >= 3 && strings.HasSuffix(w, end) {
			w = w[:len(w)-len(end)]
			break
		}
	}
	if len(w) > 4 && strings.HasSuffix(w, "ac") {
		w = w[:len(w)-2] + "c"
	}
	return w
}
