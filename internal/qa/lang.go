package qa

import (
	"strings"
	"unicode"

	"github.com/electionbot/electionbot/knowledge"
)

// The language check reads the answer's own words, not what it quotes:
// text in quotation marks and the names it gives are left out, and what
// is left must have more words of the one language than of the other.
// It counts words from two fixed lists, of its own, apart from the bot's
// detector, so that the bot is not judged by its own rule: an English
// reply to a Serbian question fails, and so does a Latin reply to a
// Cyrillic one.

// serbianFrame are words Serbian replies are made of (folded).
var serbianFrame = set(`je su sa od za u na i iz nije nema ima bio bila bilo bili ukupno mandat mandata mandati
glas glasa glasova glasovi lista liste listi listu clanak clanku izbori izbora izborima vecina vecinu
cenzus cenzusa izlaznost osvojila osvojio osvojili navodi pominje procenat prema koji koja koje
kao ali jos posle pre gradonacelnik nosilac rezultat ankete anketa anketi datum prethodni sledeci
odrzani ucitan ucitani odgovorim mogu stranka stranke nijedna nijedan ovi ove drugi prvi krug
izvor strana ostale ostalih mandate manje vise najvise pobedila pobedio vece ispod iznad`)

// englishFrame are words English replies are made of.
var englishFrame = set(`the was were is are did has have had won seats seat votes vote article election with
and by for from in on at of couldn't could find there no not which who it its that this a an to took
got list lists turnout threshold majority mayor share poll polls held other others won't in all
source page next previous none before after since`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// checkLang reports an answer that is not in want ("sr", "cyr", "en"),
// or "" when it is (or want is "").
func checkLang(want, answer string) string {
	if want == "" {
		return ""
	}
	sr, srCyr, en := 0, 0, 0
	for _, w := range strings.FieldsFunc(unquoted(withoutSources(answer)), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		f := knowledge.Fold(w)
		switch {
		case serbianFrame[f]:
			sr++
			if cyrillic(w) {
				srCyr++
			}
		case englishFrame[f]:
			en++
		}
	}
	switch want {
	case "en":
		if en <= sr {
			return "answer is not in English"
		}
	case "sr":
		if sr <= en {
			return "answer is not in Serbian"
		}
	case "cyr":
		if sr <= en || srCyr*2 <= sr {
			return "answer is not in Serbian Cyrillic"
		}
	}
	return ""
}

// withoutSources keeps only the label of a source line ("Source:",
// "Izvor:"): what follows it is the article's title and section, as the
// article writes them. Addresses go too: their words are the article's
// title.
func withoutSources(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if label, _, ok := strings.Cut(l, ": "); ok && sourceLabels[knowledge.Fold(label)] {
			lines[i] = label
			continue
		}
		words := strings.Fields(l)
		for j, w := range words {
			if strings.Contains(w, "://") {
				words[j] = ""
			}
		}
		lines[i] = strings.Join(words, " ")
	}
	return strings.Join(lines, "\n")
}

var sourceLabels = set("source izvor")

// unquoted is text without what it quotes: “...”, „...“, «...» and "...".
func unquoted(s string) string {
	var b strings.Builder
	depth := 0
	plain := false // inside "..."
	for _, r := range s {
		if r == '"' {
			plain = !plain
			continue
		}
		if plain {
			continue
		}
		switch r {
		case '“': // opens in English, closes Serbian „...“
			if depth > 0 {
				depth--
			} else {
				depth++
			}
			continue
		case '„', '«':
			depth++
			continue
		case '”', '»':
			depth = max(0, depth-1)
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func cyrillic(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
