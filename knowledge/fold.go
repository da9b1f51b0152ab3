package knowledge

import (
	"strings"
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

// foldRunes folds s rune by rune, keeping each folded rune's origin.
// Runes that fold to nothing (invisible characters, combining marks,
// invalid bytes) leave no rune, so they join the letters around them as
// they do after Fold; a mark stays inside the word it accents.
func foldRunes(s string) []foldedRune {
	out := make([]foldedRune, 0, len(s))
	var buf []rune
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			i++
			continue
		}
		buf = foldRune(buf[:0], r)
		if len(buf) == 0 && len(out) > 0 && out[len(out)-1].end == i {
			out[len(out)-1].end = i + w
		}
		for _, fr := range buf {
			out = append(out, foldedRune{fr, i, i + w})
		}
		i += w
	}
	return out
}

// TokenSpans splits a text into folded words with their places in it:
// runs of letters and digits, inner apostrophes dropped ("it's" -> "its"),
// a possessive "'s" dropped ("Vučić's" -> "vucic"), decimal points kept
// between digits ("15.70", "15,7" -> "15.7") and thousands separators
// dropped ("12,345" -> "12345"). The search index marks matches with the
// places; everything else compares the words.
func TokenSpans(s string) []TokenSpan {
	rs := foldRunes(s)
	var out []TokenSpan
	var cur strings.Builder
	start, end := 0, 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, TokenSpan{cur.String(), start, end})
			cur.Reset()
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i].r
		switch {
		case isWordRune(r):
			if cur.Len() == 0 {
				start = rs[i].start
			}
			cur.WriteRune(r)
			end = rs[i].end
		case (r == '\'' || r == '.' || r == ',') && cur.Len() > 0 && i+1 < len(rs):
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
				cur.WriteRune('.')
				continue
			}
			flush()
		default:
			flush()
		}
	}
	flush()
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

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
	spans := TokenSpans(s)
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
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
