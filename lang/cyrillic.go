package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Serbian Latin and Cyrillic correspond letter for letter (lj, nj and dž
// are one letter each), so the Cyrillic catalogue is the Latin one
// transliterated, and a Serbian name from an article can be written in
// Cyrillic without knowing the word. What is not Serbian must not be
// transliterated: English names and words ("Independent", "Serbian
// Progressive Party"), other languages' letters ("István Pásztor"), URLs,
// commands ("/seats"), format verbs ("%d") and Roman numerals stay as
// they are written.

var latin = map[rune]string{
	'a': "а", 'b': "б", 'c': "ц", 'č': "ч", 'ć': "ћ", 'd': "д", 'đ': "ђ", 'e': "е", 'f': "ф",
	'g': "г", 'h': "х", 'i': "и", 'j': "ј", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о",
	'p': "п", 'r': "р", 's': "с", 'š': "ш", 't': "т", 'u': "у", 'v': "в", 'z': "з", 'ž': "ж",
}

var digraphs = map[string]string{"lj": "љ", "nj": "њ", "dž": "џ"}

// split are the words where two Latin letters that would be one
// Cyrillic letter belong to two morphemes: "injekcija" is инјекција.
var split = []string{"injek", "konjug", "konjunk", "nadživ", "podžanr", "tanjug"}

// Transliterate writes Serbian Latin text in Cyrillic, every word: the
// catalogue's text, which is all Serbian. Format verbs ("%d", "%[2]s")
// and commands ("/seats") are kept.
func Transliterate(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(s); {
		switch {
		case s[i] == '%':
			n := verbLen(s[i:])
			b.WriteString(s[i : i+n])
			i += n
		case s[i] == '/' && (i == 0 || !isLetterAt(s, i-1)):
			n := strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ')' })
			if n < 0 {
				n = len(s) - i
			}
			b.WriteString(s[i : i+n])
			i += n
		default:
			n := letterRun(s[i:])
			if n == 0 {
				_, n = utf8.DecodeRuneInString(s[i:])
				b.WriteString(s[i : i+n])
			} else {
				b.WriteString(word(s[i : i+n]))
			}
			i += n
		}
	}
	return b.String()
}

// verbLen is the length of the fmt verb at the start of s ("%d", "%[1]s",
// "%.2f", "%%").
func verbLen(s string) int {
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '%' {
			return i + 1
		}
	}
	return len(s)
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return unicode.IsLetter(r)
}

// letterRun is the length in bytes of the run of letters s starts with.
func letterRun(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		n += utf8.RuneLen(r)
	}
	return n
}

// word transliterates one word of Serbian Latin letters. Letters Serbian
// has no Cyrillic for (q, w, x, y, ö ...) stay, and so does a word of
// them: such a word is not Serbian.
func word(w string) string {
	lw := strings.ToLower(w)
	if strings.ContainsAny(lw, "qwxy") {
		return w // "quit", "Wikipedia": not Serbian
	}
	keepSplit := false
	for _, p := range split {
		keepSplit = keepSplit || strings.HasPrefix(lw, p)
	}
	rs := []rune(w)
	lrs := []rune(lw)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) && !keepSplit {
			if cy, ok := digraphs[string(lrs[i:i+2])]; ok {
				b.WriteString(caseLike(cy, rs[i]))
				i++
				continue
			}
			// "Djilas": a word-initial dj before a vowel is đ written
			// without its stroke.
			if i == 0 && lrs[0] == 'd' && lrs[1] == 'j' && len(rs) > 2 && strings.ContainsRune("aeiou", lrs[2]) {
				b.WriteString(caseLike("ђ", rs[0]))
				i++
				continue
			}
		}
		cy, ok := latin[lrs[i]]
		if !ok {
			b.WriteRune(rs[i])
			continue
		}
		b.WriteString(caseLike(cy, rs[i]))
	}
	return b.String()
}

// caseLike gives cy the case of the Latin letter it stands for.
func caseLike(cy string, like rune) string {
	if unicode.IsUpper(like) {
		return strings.ToUpper(cy)
	}
	return cy
}
