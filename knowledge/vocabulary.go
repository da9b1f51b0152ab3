package knowledge

import "strings"

// buildVocabulary collects every folded word of the article and of the
// contestants' names, so that the bot can tell a name the article knows
// from one it has never heard of ("Novi Sad" in a question about Belgrade).
func (x *extractor) buildVocabulary() {
	v := map[string]bool{}
	add := func(s string) {
		for _, t := range FoldTokens(s) {
			v[t] = true
		}
	}
	a := x.a
	add(a.Title)
	for _, f := range a.Infobox {
		add(f.Key)
		add(f.Value)
	}
	for _, s := range a.Sections {
		add(s.Title)
		for _, f := range s.Infobox {
			add(f.Key)
			add(f.Value)
		}
		for _, b := range s.Blocks {
			add(b.Text)
			for _, row := range b.Rows {
				for _, cell := range row {
					add(cell)
				}
			}
			for _, it := range b.Items {
				add(it.Text)
			}
		}
	}
	for _, c := range x.e.Contestants {
		for _, n := range c.Names() {
			add(n)
		}
		for _, n := range c.acronyms {
			add(n)
		}
	}
	x.e.vocabulary = v
}

// Knows reports whether a folded word occurs in the article or the names of
// its parties, allowing a typo in words of five letters or more.
func (e *Election) Knows(word string) bool {
	if e.vocabulary[word] || e.vocabulary[translit(word)] {
		return true
	}
	// A Serbian word for one the article uses in English ("Rusa" for
	// "Russians", "skupstinu" for "assembly").
	if en := e.aliases.translate(word); en != "" && en != word && e.Knows(en) {
		return true
	}
	if en := Term(word); en != word && en != Stem(word) && e.Knows(en) {
		return true
	}
	if len(word) >= 4 && e.Place != "" {
		// The place in a Serbian case: "Nišu", "Novom Sadu".
		for _, pw := range FoldTokens(e.Place) {
			if !GenericPlaceWord(pw) && SamePlace(word, pw) {
				return true
			}
		}
	}
	if len(word) > 3 && e.vocabulary[word[:3]] && shortDeclined(word, word[:3]) {
		return true // a three-letter name in a case: "Žića", "Šutom"
	}
	if len(word) < 5 {
		return false
	}
	if e.knowsInCase(word) {
		return true
	}
	for w := range e.vocabulary {
		if len(w) >= 4 && TokenSimilar(word, w) {
			return true
		}
	}
	return false
}

// knowsInCase reports a word of the article in another Serbian case:
// "Slovcu" of a table's "Slovac". The article's words with the same root
// are looked up by the forms placeRoot strips, not by a scan.
func (e *Election) knowsInCase(word string) bool {
	root := placeRoot(word)
	stems := []string{root}
	if len(root) > 3 && strings.HasSuffix(root, "c") {
		stems = append(stems, root[:len(root)-1]+"ac") // "Slovc" of "Slovac"
	}
	for _, st := range stems {
		for _, end := range append([]string{""}, caseEndings...) {
			if w := st + end; len(w) >= 4 && e.vocabulary[w] && placeRoot(w) == root {
				return true
			}
		}
	}
	return false
}

// Uses reports whether the article uses a folded word as written.
func (e *Election) Uses(word string) bool { return e.vocabulary[word] }
