package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Script writes text that comes from an article or a user (names,
// titles, quoted passages) in l's script. Only Serbian Cyrillic changes
// anything: a phrase (the text between punctuation such as "," "—" "("
// or a sentence's end) that is Serbian is written in Cyrillic, and a
// phrase with any word that is not Serbian stays as written, so that
// "Aleksandar Vučić — Future we believe in (SNS, SDPS)" becomes
// "Александар Вучић — Future we believe in (СНС, СДПС)". A word is not
// Serbian when it is a common English word ("Party", "of",
// "Independent"), has letters Serbian Latin lacks (q, w, x, y, á, ö) or
// letter pairs Serbian never writes ("th", "sh", "ch", "ee"). URLs,
// e-mail addresses, commands, numbers and Roman numerals are kept
// wherever they are. Already Cyrillic text is unchanged.
func (l Lang) Script(s string) string {
	if l != SrCyrl || !hasLatin(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) * 2)
	// An address is kept whole: its parentheses and commas
	// ("…/wiki/Foo_(Beograd)") are no phrase breaks.
	for s != "" {
		i := urlStart(s)
		if i < 0 {
			i = len(s)
		}
		scriptPhrases(&b, s[:i])
		s = s[i:]
		n := strings.IndexFunc(s, unicode.IsSpace)
		if n < 0 {
			n = len(s)
		}
		b.WriteString(s[:n])
		s = s[n:]
	}
	return b.String()
}

// urlStart is where the first http or https address in s starts, or -1.
func urlStart(s string) int {
	from := 0
	for {
		i := strings.Index(s[from:], "http")
		if i < 0 {
			return -1
		}
		i += from
		if rest := s[i:]; strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") {
			return i
		}
		from = i + len("http")
	}
}

// scriptPhrases writes s phrase by phrase, each in Cyrillic when all its
// words may be Serbian.
func scriptPhrases(b *strings.Builder, s string) {
	start := 0
	for i, r := range s {
		if phraseBreak(s, i, r) {
			b.WriteString(phrase(s[start:i]))
			b.WriteRune(r)
			start = i + len(string(r))
		}
	}
	b.WriteString(phrase(s[start:]))
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < 0x250 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// phraseBreak reports whether r at s[i] ends a phrase.
func phraseBreak(s string, i int, r rune) bool {
	switch r {
	case ',', ';', '(', ')', '[', ']', '—', '–', '·', '\n', '|', '“', '”', '„', '"', '«', '»', '‘', '’':
		return true
	case '.', '!', '?', ':':
		return i+1 == len(s) || s[i+1] == ' '
	case '-':
		return i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' '
	}
	return false
}

// phrase transliterates one phrase when all its words may be Serbian.
func phrase(p string) string {
	fields := strings.Fields(p)
	for _, f := range fields {
		if verbatim(f) {
			continue
		}
		for _, w := range words(f) {
			if foreign(w) {
				return p
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		j := strings.IndexFunc(p[i:], unicode.IsSpace)
		if j < 0 {
			j = len(p) - i
		}
		if j == 0 {
			b.WriteByte(p[i])
			i++
			continue
		}
		tok := p[i : i+j]
		if verbatim(tok) {
			b.WriteString(tok)
		} else {
			b.WriteString(transliterateToken(tok))
		}
		i += j
	}
	return b.String()
}

// transliterateToken writes a token's letter runs in Cyrillic, keeping
// Roman numerals.
func transliterateToken(tok string) string {
	var b strings.Builder
	for i := 0; i < len(tok); {
		n := letterRun(tok[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(tok[i:])
			b.WriteString(tok[i : i+size])
			i += size
			continue
		}
		w := tok[i : i+n]
		if roman(w) {
			b.WriteString(w)
		} else {
			b.WriteString(word(w))
		}
		i += n
	}
	return b.String()
}

// verbatim tokens are never transliterated: URLs, addresses, commands,
// anything with a digit.
func verbatim(tok string) bool {
	t := strings.ToLower(strings.Trim(tok, "\"'“”„«»()[],;:!?"))
	switch {
	case strings.HasPrefix(t, "/"), strings.HasPrefix(t, "#"), strings.Contains(t, "://"), strings.HasPrefix(t, "www."), strings.Contains(t, "@"):
		return true
	case strings.IndexFunc(t, unicode.IsDigit) >= 0:
		return true
	}
	// "rts.rs", "example.org": a dot between letters.
	if k := strings.LastIndexByte(t, '.'); k > 0 && k < len(t)-1 {
		return true
	}
	return false
}

// words are the letter runs of a token.
func words(tok string) []string {
	return strings.FieldsFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
}

// roman reports a Roman numeral of two or more letters ("II", "XIV").
func roman(w string) bool {
	return len(w) >= 2 && strings.Trim(w, "IVXLCDM") == ""
}

// foreign reports a word that is not Serbian Latin.
func foreign(w string) bool {
	lw := strings.ToLower(w)
	for _, r := range lw {
		if r >= 0x400 && r < 0x530 {
			continue // Cyrillic already
		}
		if _, ok := latin[r]; !ok {
			return true // q, w, x, y, á, ö ...
		}
	}
	if englishWords[lw] {
		return true
	}
	for _, p := range englishPairs {
		if strings.Contains(lw, p) {
			return true
		}
	}
	return strings.HasSuffix(lw, "tion") || strings.HasSuffix(lw, "tions")
}

// englishPairs are letter pairs English writes and Serbian never does.
var englishPairs = []string{"th", "sh", "ch", "wh", "ph", "gh", "ck", "ee", "zh", "ct", "ia"}
