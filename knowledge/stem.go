package knowledge

import "strings"

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
	// A candidate who "carried" a region won it.
	"carry": "win",
	// A proposal approved or adopted passed.
	"approv": "pass", "adopt": "pass",
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

// Stem reduces a folded word (see Tokens) to its stem: an irregular form
// becomes its base ("won" -> "win", "parties" -> "party") and a common
// English ending comes off ("elections" -> "election", "scheduled" ->
// "schedul", "socialists" -> "socialist"). It is the one stemmer: names
// are compared by it (TokenSimilar), and questions, passages and the
// search index by Term, which builds on it. It is rough on purpose: both
// sides of a comparison go through it.
func Stem(w string) string {
	if s, ok := irregular[w]; ok {
		w = s
	}
	return stripEnding(w)
}

// Term is the form in which questions and the article's passages are
// compared, by the question answerer and by the search index: a common
// Serbian word becomes the English stem of its meaning ("izbora" ->
// "election", "mandata" -> "seat"), any other word its Stem, and the few
// election words that articles and users phrase differently share one
// ("held", "called" -> "schedul"; "ballots" -> "vote"). Names are not
// compared this way: "Vladan" is no government.
func Term(w string) string {
	if s, ok := irregular[w]; ok {
		w = s
	}
	for _, sr := range serbian {
		if strings.HasPrefix(w, sr.prefix) && len(w) <= len(sr.prefix)+4 {
			return sr.stem
		}
	}
	w = stripEnding(w)
	if s, ok := synonyms[w]; ok {
		return s
	}
	return w
}

// stripEnding takes one common English ending off a word, leaving at
// least four letters.
func stripEnding(w string) string {
	for _, suf := range []string{"ations", "ation", "ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s", "e"} {
		if len(w)-len(suf) >= 4 && strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			if suf == "ies" || suf == "ied" {
				w += "y"
			}
			break
		}
	}
	return w
}
