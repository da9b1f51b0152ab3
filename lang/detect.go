package lang

import (
	"strings"
	"unicode"

	"github.com/electionbot/electionbot/knowledge"
)

// Detect tells the language of a message from its words: Cyrillic
// letters (most of them) make it Serbian Cyrillic; more Serbian,
// Croatian, Bosnian or Montenegrin words than English ones (with or
// without diacritics: "koliko", "gradonacelnik", "tko") make it Serbian
// Latin; more English words make it English. A message that says too
// little to tell ("SNS?", "/seats", "Đilas 2014") gets fallback, the
// language of the user's locale.
func Detect(text string, fallback Lang) Lang {
	cyr, lat := 0, 0
	for _, r := range text {
		switch {
		case r >= 0x400 && r < 0x530:
			cyr++
		case r < 0x250 && unicode.IsLetter(r):
			lat++
		}
	}
	if cyr > 0 && cyr >= lat {
		return SrCyrl
	}
	sr, en := Score(text)
	switch {
	case sr > en:
		return Sr
	case en > sr:
		return En
	}
	return fallback
}

// Score counts a text's Serbian and English words: the words only one
// of the languages has, and lower-case words with Serbian letters
// (č, ć, š, ž, đ). Names count for neither.
func Score(text string) (sr, en int) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		f := knowledge.Fold(w)
		switch {
		case serbianWord(f) || lowerSerbian(w):
			sr++
		case englishWords[f]:
			en++
		}
	}
	return sr, en
}

// lowerSerbian reports a lower-case word with a letter only Serbian
// Latin (of the languages the bot speaks) writes.
func lowerSerbian(w string) bool {
	r := []rune(w)
	return len(r) > 1 && unicode.IsLower(r[0]) && strings.ContainsAny(w, "čćšžđ") || containsCyrillic(w)
}

func containsCyrillic(w string) bool {
	for _, r := range w {
		if r >= 0x400 && r < 0x530 {
			return true
		}
	}
	return false
}

// serbianWord reports a folded Serbian, Croatian, Bosnian or
// Montenegrin word, or a form of an election word ("mandata", "izbora").
func serbianWord(f string) bool {
	if serbianWords[f] {
		return true
	}
	for _, p := range serbianStems {
		if strings.HasPrefix(f, p) && len(f) <= len(p)+5 {
			return true
		}
	}
	// A typo in a long election word: "izlaznot", "mandta".
	if len(f) >= 6 && !englishWords[f] {
		for _, p := range serbianStems {
			if len(p) >= 6 && len(f) >= len(p)-1 && knowledge.EditDistance(f[:min(len(f), len(p))], p, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// serbianWords are the common words of questions, folded (no
// diacritics), in Serbian (ekavian and ijekavian) and Croatian, that
// English does not have.
var serbianWords = wordSet(`
ko tko sta sto koliko kolko kolika koliki kolike kada kad gde gdje zasto zbog koji koja koje kojeg kojega
kojoj kojem kojim kome cega cemu kakav kakva kakvo kako li da je su jesu bio bila bilo bili bile
ima imao imala imalo imali imale nije nisu sam smo ste biti bice bi ce ces cu ili i u na za od iz sa
pre prije posle poslije nakon izmedju protiv prema po kod ka ovaj ova ovo ovih taj ta te tih svi sve
svaki jos vec samo najvise najmanje vise manje prvi prva prvo prvom drugi druga drugo drugom drugoj
treci treca broj broja godine godina godini molim hvala reci recite kazi daj pokazi koga mu joj njih
njegov njegova njena njihov dobio dobila dobili osvojio osvojila osvojili pobedio pobedila pobijedio
pobijedila izgubio izgubila nosilac nosioc nosila lista liste listi listu listom listama prag cenzus
odziv izlaznost vecina vecinu vecine krug krugu kruga kandidat kandidata kandidati sabor sabora
zastupnika zastupnici poslanika poslanici odbornika odbornici stranka stranke stranci stranku
partija partije gradonacelnik gradonacelnika nezavisnost neovisnost nezavisnosti neovisnosti izbori
izbora izborima glasova glasa glasovi glasove mandat mandata mandati mandate ankete anketa anketi
procenat procenta postotak postotka posto pre-izbora koliko-je ukupno godine kojih ispod iznad
`)

// serbianStems begin the forms of Serbian election words ("skupstin-a",
// "predsednick-i").
var serbianStems = []string{
	"izbor", "mandat", "glasov", "glasac", "anket", "izlaznost", "cenzus", "vecin", "gradonacelni",
	"skupstin", "predsedni", "predsjedni", "kandidat", "koalicij", "strank", "partij", "odborni",
	"zastupni", "poslani", "osvoj", "pobedi", "pobijedi", "pobed", "pobjed", "izgubi", "procen",
	"postot", "opozicij", "nezavisn", "neovisn", "kampanj", "rezultat", "opstin", "nosioc", "nosila",
	"prethodn", "sledec", "sljedec", "naredn", "odrzan", "raspisan", "prevremen", "drugom", "drugog",
	// Parties' Serbian names and nicknames ("socijalisti", "naprednjaci").
	"socijalist", "demokrat", "naprednj", "napredn", "radikal", "liberaln", "penzioner", "koalicion",
}
