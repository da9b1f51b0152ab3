package answer

import (
	"strings"
	"unicode"

	"github.com/electionbot/electionbot/knowledge"
)

// stopwords are function and question words of English and Serbian
// (folded) that carry no content for retrieval.
var stopwords = wordSet(`a an the of in on at to for from by with and or but not no nor is are was were be been
being am do does did done have has had having will would shall should can could may might must it its it's this
that these those there here what which who whom whose when where why how many much more most some any all each
every other than then so as if about into over under up down out off again further once only own same too very
just also s t i me my we our you your he him his she her they them their what's who's tell show give please
hi hello hey thanks thank know want like get got did does article say says said according
happen happened happens mean means before after during while since ago
ko sta sto koji koja koje kojih kako kada kad gde zasto koliko je su bio bila bilo bili biti da li ne i u na za od
sa se iz po o a ali ili pa te to taj ta ovaj ova ovo kod nam mi vi oni ona ono njegov njen njihov sam si smo ste
jeste nije nisu ima imao imala imali`)

// questionWords are words of a question that frame rather than name
// something; capitalised ones are not taken for unknown names.
var questionWords = wordSet(`what who whom whose when where why how which did does do was were is are can could
would should will tell show give list please hi hello hey and or but the a an in on of for with about
ko sta sto koji koja koje kako kada kad gde zasto koliko da li je su`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// irregular maps English irregular verb forms to their stems.
var irregular = map[string]string{
	"brought": "bring", "won": "win", "lost": "lose", "led": "lead", "held": "hold", "ran": "run",
	"took": "take", "taken": "take", "gave": "give", "given": "give", "got": "get", "fell": "fall",
	"left": "leave", "became": "become", "began": "begin", "begun": "begin", "chose": "choose",
	"chosen": "choose", "made": "make", "said": "say", "told": "tell", "went": "go", "gone": "go",
	"came": "come", "sought": "seek", "fought": "fight", "beaten": "beat", "stood": "stand",
	"was": "be", "were": "be", "been": "be", "ousted": "oust", "outvoted": "outvote",
	"elections": "election", "parties": "party", "broke": "break", "broken": "break",
	"wrote": "write", "written": "write", "fled": "flee", "drew": "draw", "drawn": "draw",
	"rose": "rise", "risen": "rise", "split": "split", "quit": "quit", "resigned": "resign",
}

// synonyms map stems to a shared stem, for the few election words that
// articles and users phrase differently.
var synonyms = map[string]string{
	"hold": "schedul", "call": "schedul", "snap": "early", "prematur": "early",
	"ballot": "vote", "voter": "vote", "cabinet": "government", "govern": "government",
	"mandat": "seat", "councillor": "seat", "percentag": "percent", "share": "percent",
	"oppositio": "opposit", "progressiv": "progressive", "democrat": "democrat",
}

// serbian maps the stems of common Serbian question words to the English
// stems of the articles, so that a Serbian question can find an English
// passage.
var serbian = []struct{ prefix, stem string }{
	{"izbor", "election"}, {"odrzan", "schedul"}, {"ranij", "early"}, {"prevremen", "early"},
	{"vlad", "government"}, {"gradonacelni", "mayor"}, {"skupstin", "assembly"}, {"strank", "party"},
	{"koalicij", "coalition"}, {"glas", "vote"}, {"anket", "poll"}, {"mandat", "seat"}, {"opozicij", "opposit"},
	{"pokret", "movement"}, {"ostavk", "resign"}, {"nepoverenj", "confidenc"}, {"kampanj", "campaign"},
	{"bojkot", "boycott"}, {"pobed", "win"}, {"izgubi", "lose"}, {"osvoj", "win"}, {"predsedni", "president"},
	{"lider", "leader"}, {"lista", "list"}, {"list", "list"}, {"grad", "city"}, {"zakazan", "schedul"},
	{"raspisan", "schedul"}, {"odlozen", "postpon"}, {"formira", "form"}, {"podrsk", "support"},
}

// stemWord reduces a folded word to a rough English stem: irregular forms,
// Serbian words, then common endings.
func stemWord(w string) string {
	if s, ok := irregular[w]; ok {
		w = s
	}
	for _, sr := range serbian {
		if strings.HasPrefix(w, sr.prefix) && len(w) <= len(sr.prefix)+4 {
			return sr.stem
		}
	}
	for _, suf := range []string{"ations", "ation", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s", "e"} {
		if len(w)-len(suf) >= 4 && strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			if suf == "ies" || suf == "ied" {
				w += "y"
			}
			break
		}
	}
	if s, ok := synonyms[w]; ok {
		return s
	}
	return w
}

// contentTerms returns the stems of a text's content words.
func contentTerms(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range knowledge.FoldTokens(text) {
		if stopwords[t] || len(t) < 2 {
			continue
		}
		s := stemWord(t)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// capitalised returns the words of the original text that start with a
// capital letter or are written in capitals, with their position.
func capitalised(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-'
	}) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			out = append(out, w)
		}
	}
	return out
}
