package knowledge

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// foldTable maps runes that fold to something other than their lower-case
// selves: Latin letters with diacritics, Serbian (and common Russian)
// Cyrillic, typographic dashes and quotes, and digits from other scripts.
var foldTable = map[rune]string{
	// Serbian Latin first: đ is "dj", never "d".
	'đ': "dj", 'ć': "c", 'č': "c", 'š': "s", 'ž': "z",
	// Other Latin letters with diacritics.
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ĉ': "c", 'ċ': "c", 'ď': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ţ': "t", 'ț': "t", 'ť': "t", 'ŧ': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'þ': "th", 'ð': "d",
	// Serbian Cyrillic to Serbian Latin, folded.
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "dj", 'е': "e", 'ж': "z",
	'з': "z", 'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n",
	'њ': "nj", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'ћ': "c", 'у': "u",
	'ф': "f", 'х': "h", 'ц': "c", 'ч': "c", 'џ': "dz", 'ш': "s",
	// Russian, Ukrainian and Macedonian letters that Serbian lacks.
	'й': "j", 'ы': "y", 'э': "e", 'ю': "ju", 'я': "ja", 'щ': "sc", 'ъ': "", 'ь': "",
	'ё': "e", 'є': "je", 'і': "i", 'ї': "ji", 'ґ': "g", 'ѓ': "dj", 'ќ': "c", 'ѕ': "dz",
	// Typography.
	'–': "-", '—': "-", '―': "-", '‒': "-", '−': "-", '‐': "-", '‑': "-",
	'“': "\"", '”': "\"", '„': "\"", '«': "\"", '»': "\"",
	'‘': "'", '’': "'", '‚': "'", 'ʼ': "'", '′': "'",
	'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\u2007': " ",
}

// Fold returns s reduced to the form every comparison in electionbot uses:
// lower case, no diacritics, đ as "dj", Serbian Cyrillic as Latin, ASCII
// dashes and quotes, ASCII digits, and no invisible formatting characters.
// Users type "Djilas", "đilas" or "Ђилас" for the same man; after Fold they
// are one string.
func Fold(s string) string {
	if isPlainASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var buf []rune
	for _, r := range s {
		buf = foldRune(buf[:0], r)
		for _, fr := range buf {
			b.WriteRune(fr)
		}
	}
	return b.String()
}

// foldRune appends what one rune folds to: nothing for invisible
// characters, combining marks and invalid bytes, "dj" for đ, and so on.
// Fold has no rule that looks at neighbouring runes, so folding rune by
// rune is folding the whole.
func foldRune(dst []rune, r rune) []rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, r)
	case r == utf8.RuneError, isInvisible(r), unicode.Is(unicode.Mn, r):
		return dst // combining marks: "e\u0301" folds like "é"
	}
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0 // full-width ASCII ("ＳＮＳ"), as East Asian keyboards type it
	}
	if d, ok := digitValue(r); ok {
		return append(dst, rune('0'+d))
	}
	lr := unicode.ToLower(r)
	if f, ok := foldTable[lr]; ok {
		return append(dst, []rune(f)...)
	}
	return append(dst, lr)
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isInvisible reports format characters that change nothing a reader sees
// but would break comparisons: zero-width spaces and joiners, bidirectional
// overrides and isolates, the byte-order mark, soft hyphens.
func isInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2069, r == 0xFEFF, r == 0x00AD:
		return true
	}
	return false
}

// digitValue maps decimal digits of any script (full-width, Arabic-Indic,
// Devanagari, ...) to their value.
func digitValue(r rune) (int, bool) {
	if r < 0x80 || !unicode.IsDigit(r) {
		return 0, false
	}
	// Every Unicode decimal digit block is ten consecutive code points
	// starting at a zero; walk back to it.
	for z := r; z > r-10; z-- {
		if !unicode.IsDigit(z) {
			return int(r - z - 1), true
		}
	}
	return int(r-0x30) % 10, true
}

// A TokenSpan is one word of a text: its folded form and the byte range
// of the original text it comes from ("Đilas" gives "djilas", 0..6).
type TokenSpan struct {
	Term       string
	Start, End int
}

// foldedRune is one rune of the folded text and the byte range of the
// original rune it came from ("đ" gives 'd' and 'j', both from one range).
type foldedRune struct {
	r          rune
	start, end int
}

// foldRunes appends s folded rune by rune to dst, keeping each folded
// rune's origin. Runes that fold to nothing (invisible characters,
// combining marks, invalid bytes) leave no rune, so they join the letters
// around them as they do after Fold; a mark stays inside the word it
// accents.
func foldRunes(dst []foldedRune, s string) []foldedRune {
	var buf [4]rune
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of every article: lower case is all its folding.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, foldedRune{rune(c), i, i + 1})
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			i++
			continue
		}
		folded := foldRune(buf[:0], r)
		if len(folded) == 0 && len(dst) > 0 && dst[len(dst)-1].end == i {
			dst[len(dst)-1].end = i + w
		}
		for _, fr := range folded {
			dst = append(dst, foldedRune{fr, i, i + w})
		}
		i += w
	}
	return dst
}

// A tokenScratch is what splitting one text needs and need not keep: the
// folded runes, and the terms' bytes with each term's end among them.
// Splitting is the commonest thing start-up and answering do, so these
// are reused (tokenScratches) rather than made for every text.
type tokenScratch struct {
	rs    []foldedRune
	terms []byte
	ends  []int
	spans []TokenSpan
}

var tokenScratches = sync.Pool{New: func() any { return new(tokenScratch) }}

// maxScratch is the most folded runes a scratch keeps for the next text:
// one huge text must not pin its buffers in the pool.
const maxScratch = 1 << 16

func (sc *tokenScratch) release() {
	if cap(sc.rs) > maxScratch {
		return
	}
	sc.rs, sc.terms, sc.ends, sc.spans = sc.rs[:0], sc.terms[:0], sc.ends[:0], sc.spans[:0]
	tokenScratches.Put(sc)
}

// TokenSpans splits a text into folded words with their places in it:
// runs of letters and digits, inner apostrophes dropped ("it's" -> "its"),
// a possessive "'s" dropped ("Vučić's" -> "vucic"), decimal points kept
// between digits ("15.70", "15,7" -> "15.7") and thousands separators
// dropped ("12,345" -> "12345"). The search index marks matches with the
// places; everything else compares the words.
func TokenSpans(s string) []TokenSpan {
	sc := tokenScratches.Get().(*tokenScratch)
	defer sc.release()
	sc.split(s)
	if len(sc.spans) == 0 {
		return nil
	}
	return append([]TokenSpan(nil), sc.spans...)
}

// split fills sc.spans with the words of s. The terms are cut from one
// string holding them all, one allocation for the whole text.
func (sc *tokenScratch) split(s string) {
	sc.rs = foldRunes(sc.rs[:0], s)
	rs := sc.rs
	inWord := false
	start, end := 0, 0
	flush := func() {
		if inWord {
			sc.spans = append(sc.spans, TokenSpan{Start: start, End: end})
			sc.ends = append(sc.ends, len(sc.terms))
			inWord = false
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i].r
		switch {
		case isWordRune(r):
			if !inWord {
				start, inWord = rs[i].start, true
			}
			sc.terms = utf8.AppendRune(sc.terms, r)
			end = rs[i].end
		case (r == '\'' || r == '.' || r == ',') && inWord && i+1 < len(rs):
			prev, next := rs[i-1].r, rs[i+1].r
			if r == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(next) {
				if next == 's' && (i+2 == len(rs) || !isWordRune(rs[i+2].r)) {
					flush()
					i++ // the possessive's "s"
				}
				continue
			}
			if r != '\'' && unicode.IsDigit(prev) && unicode.IsDigit(next) {
				if r == ',' && thousandsGroup(rs[i+1:]) {
					continue
				}
				sc.terms = append(sc.terms, '.')
				continue
			}
			flush()
		default:
			flush()
		}
	}
	flush()
	if len(sc.spans) == 0 {
		return
	}
	all := string(sc.terms)
	from := 0
	for k := range sc.spans {
		sc.spans[k].Term = all[from:sc.ends[k]]
		from = sc.ends[k]
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// thousandsGroup reports whether rs starts with exactly three digits.
func thousandsGroup(rs []foldedRune) bool {
	n := 0
	for n < len(rs) && unicode.IsDigit(rs[n].r) {
		n++
	}
	return n == 3
}

// Tokens splits text, folded or not, into the folded words of TokenSpans.
func Tokens(s string) []string {
	sc := tokenScratches.Get().(*tokenScratch)
	defer sc.release()
	sc.split(s)
	if len(sc.spans) == 0 {
		return nil
	}
	out := make([]string, len(sc.spans))
	for i, sp := range sc.spans {
		out[i] = sp.Term
	}
	return out
}

// FoldTokens is Tokens(Fold(s)), which is Tokens(s).
func FoldTokens(s string) []string { return Tokens(s) }

// containsWord reports whether folded text contains the folded phrase as
// whole words ("results" in "election results", not "res" in "results").
func containsWord(text, phrase string) bool {
	t, p := Tokens(text), Tokens(phrase)
	if len(p) == 0 {
		return false
	}
	for i := 0; i+len(p) <= len(t); i++ {
		if equalTokens(t[i:i+len(p)], p) {
			return true
		}
	}
	return false
}
