package knowledge

import "strings"

// wordSim is how a question word compares with a name word.
type wordSim struct {
	sim   float64
	exact bool
}

// matchPhrase returns where a name's words occur contiguously among the
// question's (-1 when they don't), and whether without typo tolerance.
func matchPhrase(sims [][]wordSim, name []int) (int, bool) {
	if len(name) == 0 || len(name) > len(sims) {
		return -1, false
	}
	for s := 0; s+len(name) <= len(sims); s++ {
		ok, exact := true, true
		for k, id := range name {
			w := sims[s+k][id]
			if w.sim == 0 {
				ok = false
				break
			}
			exact = exact && w.exact
		}
		if ok {
			return s, exact
		}
	}
	return -1, false
}

// tokenSim compares a query token with a name token: 1 when equal, a little
// less for a plural or a typo, 0 when different.
func tokenSim(q, n string) (float64, bool) {
	return simWords(q, Stem(q), translit(q), n, Stem(n))
}

// simWords is tokenSim with the stems and transliteration worked out
// beforehand.
func simWords(q, stemQ, translitQ, n, stemN string) (float64, bool) {
	return simWordsOf(sideOf(q, stemQ, translitQ), sideOf(n, stemN, ""))
}

// A simSide is one word of a comparison with what simWordsOf works out of
// it; the stem of its transliteration and its Serbian root are worked out
// when first needed, unless given.
type simSide struct {
	word, stem, translit string
	translitStem, root   string
}

func sideOf(w, stem, translit string) simSide {
	return simSide{word: w, stem: stem, translit: translit}
}

// preparedSide works out all of a word's side once, for a word compared
// with many (Finder's place words, a question's words).
func preparedSide(w string) simSide {
	s := simSide{word: w, stem: Stem(w), translit: translit(w), root: SerbianRoot(w)}
	s.translitStem = Stem(s.translit)
	return s
}

func (s *simSide) rootOf() string {
	if s.root == "" {
		s.root = SerbianRoot(s.word)
	}
	return s.root
}

// simWordsOf is simWords on sides.
func simWordsOf(qs, ns simSide) (float64, bool) { return simWordsAt(&qs, &ns) }

// simWordsAt is simWordsOf on sides that keep what it works out of them
// (the transliteration's stem, the root), for a word compared with many
// in turn.
func simWordsAt(qs, ns *simSide) (float64, bool) {
	q, stemQ, translitQ, n, stemN := qs.word, qs.stem, qs.translit, ns.word, ns.stem
	if q == n {
		return 1, true
	}
	// English spellings of Serbian names: "Stevanovich", "Dinkich",
	// "Seselj" for Šešelj is already folded.
	if translitQ != q {
		if qs.translitStem == "" {
			qs.translitStem = Stem(translitQ)
		}
		if translitQ == n || qs.translitStem == stemN {
			return 1, true
		}
	}
	if len(n) == 3 && shortDeclined(q, n) {
		return 0.95, true
	}
	if len(q) < 4 || len(n) < 4 || isNumeric(q) || isNumeric(n) {
		return 0, false
	}
	// Cheap rejections first: this runs for every pair of words.
	if !mayBeSimilar(q, n) {
		return 0, false
	}
	// Possessives and cases that change the word's end: "Koštuničina" ~
	// "Koštunica", "Vučićeva" ~ "Vučić". A declined name is the name
	// itself, not a typo of it: exact.
	if rq := qs.rootOf(); len(rq) >= 4 && rq == ns.rootOf() {
		return 0.95, true
	}
	// Plurals and endings: "socialists" ~ "socialist", "democrats" ~
	// "democratic", Serbian case endings ("Dačića" ~ "Dačić").
	if len(stemQ) >= 5 && len(stemN) >= 5 && (strings.HasPrefix(stemN, stemQ) || strings.HasPrefix(stemQ, stemN)) {
		return 0.9, false
	}
	if len(q) < 5 || len(q)-len(n) > 2 || len(n)-len(q) > 2 {
		return 0, false
	}
	limit := 1
	if len(n) >= 8 && q[0] == n[0] {
		limit = 2
	}
	d := editDistance(q, n, limit)
	// Two typos only in long words, and not in the first letter: "Tomislav"
	// is not "Borislav".
	if d <= 1 || (d == 2 && len(n) >= 8 && q[0] == n[0]) {
		return 0.8, false
	}
	return 0, false
}

// mayBeSimilar is simWords's cheap rejection of two words of four letters
// or more: a different first letter allows one typo only. Finder scans
// place words with it.
func mayBeSimilar(q, n string) bool {
	return q[0] == n[0] || len(q) >= 5 && len(q)-len(n) <= 1 && len(n)-len(q) <= 1
}

// shortEndings are the Serbian case and possessive endings a
// three-letter name takes ("Žića", "Žiću", "Šutom", "Ćukova").
var shortEndings = toSet("a u e om em ov ev ova ove ovi ovo ovu eva eve evi evo evu ovom evom ovoj evoj ovog evog")

// shortDeclined reports a word that is a three-letter name in a Serbian
// case: SerbianRoot leaves four letters at least, so "Žić" needs its own
// rule. Only the name itself followed by one of its endings counts, never
// a typo.
func shortDeclined(q, n string) bool {
	return len(q) > len(n) && strings.HasPrefix(q, n) && shortEndings[q[len(n):]] && !isNumeric(n)
}

func isNumeric(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			if r != '.' {
				return false
			}
		}
	}
	return true
}

// editDistance is the optimal string alignment distance (Levenshtein with
// transpositions) between a and b, or limit+1 once it must exceed limit.
func editDistance(a, b string, limit int) int {
	if len(a) <= 32 && len(b) <= 32 && isPlainASCII(a) && isPlainASCII(b) {
		// Folded words are ASCII: compare bytes in rows on the stack.
		var r [3][33]int
		return osa([]byte(a), []byte(b), limit, r[0][:len(b)+1], r[1][:len(b)+1], r[2][:len(b)+1])
	}
	ra, rb := []rune(a), []rune(b)
	return osa(ra, rb, limit, make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1))
}

// osa computes the optimal string alignment distance over any symbols,
// in the three rows given.
func osa[T byte | rune](ra, rb []T, limit int, prev2, prev, cur []int) int {
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// EditDistance is the typo distance the bot uses everywhere (transpositions
// count once), capped at limit+1.
func EditDistance(a, b string, limit int) int { return editDistance(a, b, limit) }

// TokenSimilar reports whether a user's word matches a word of the article,
// allowing plurals, case endings and typos.
func TokenSimilar(q, n string) bool {
	s, _ := tokenSim(q, n)
	return s > 0
}

// translit undoes English spellings of Serbian letters in a folded word:
// "ch" for č and ć, "sh" for š, "zh" for ž, "tch" for č. (Serbian words
// of party names find their English ones through the glossary,
// data/glossary.tsv, which the resolver reads.)
func translit(w string) string {
	if !strings.Contains(w, "h") {
		return w
	}
	return translitReplacer.Replace(w)
}

var translitReplacer = strings.NewReplacer("tch", "c", "ch", "c", "sh", "s", "zh", "z")
