package knowledge

import (
	"sort"
	"strings"
)

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
	"withdrew": "withdraw", "withdrawn": "withdraw",
}

// synonyms map stems to a shared stem, for the few election words that
// articles and users phrase differently.
var synonyms = map[string]string{
	"hold": "schedul", "call": "schedul", "snap": "early", "prematur": "early",
	"ballot": "vote", "voter": "vote", "cabinet": "government", "govern": "government",
	"mandat": "seat", "councillor": "seat", "percentag": "percent", "share": "percent",
	"oppositio": "opposit", "progressiv": "progressive", "democrat": "democrat", "presidential": "president",
	// A candidate who "carried" a region won it.
	"carry": "win",
	// A proposal approved or adopted passed.
	"approv": "pass", "adopt": "pass",
	// Standing for office is running for it; pulling out of a race is
	// withdrawing; what is required, or must be, is needed; an incumbent beaten,
	// ousted or unseated was defeated.
	"stand": "run", "candidacy": "run", "pull": "withdraw", "withdrawal": "withdraw",
	"requir": "need", "requirement": "need", "necessary": "need", "must": "need",
	"beat": "defeat", "oust": "defeat", "unseat": "defeat",
	// Deputies and MPs are members of the body.
	"deputy": "member", "mp": "member", "representativ": "member",
	// Endorsing a candidate is supporting them.
	"endors": "support", "endorsement": "support",
	// A noun and its verb are one word to a question: a signature is what
	// was signed, a nomination what was nominated; and a candidate
	// "nominated by 1,500 voters" needed their signatures.
	"signatur": "nomin", "sign": "nomin", "nominat": "nomin", "nominee": "nomin",
	// Signatures collected or gathered were submitted.
	"collect": "submit", "gather": "submit",
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
	{"raspisan", "schedul"}, {"odlozen", "postpon"}, {"formira", "form"}, {"podrsk", "support"}, {"podrz", "support"},
	{"prosl", "previous"}, {"saziv", "assembly"}, {"pobjed", "win"}, {"pobijed", "win"},
	{"srusi", "bring"}, {"srusen", "bring"}, {"obori", "bring"}, {"oboren", "bring"}, {"pad", "fall"},
	{"predsjedni", "president"}, {"krug", "round"}, {"nezavisnost", "independenc"}, {"neovisnost", "independenc"},
	{"kandidat", "candidat"}, {"izlaznost", "turnout"}, {"odziv", "turnout"}, {"cenzus", "threshold"},
	{"prag", "threshold"}, {"vecin", "majority"}, {"nosila", "carrier"}, {"nosioc", "carrier"}, {"postot", "percent"},
	{"procen", "percent"}, {"zastupni", "seat"}, {"odbornik", "seat"}, {"poslanik", "seat"},
	{"promen", "amendment"}, {"amandman", "amendment"}, {"vazen", "valid"}, {"vazec", "valid"}, {"referendum", "referendum"},
	{"region", "region"}, {"pozva", "schedul"}, {"preuze", "take"}, {"prvom", "first"}, {"prvog", "first"}, {"drugom", "second"}, {"drugog", "second"}, {"ucestvova", "stand"}, {"sudjelova", "stand"}, {"duznost", "office"}, {"funkcij", "office"},
	{"potpis", "sign"}, {"potreb", "need"}, {"trebal", "need"}, {"statut", "statut"}, {"ustav", "constitution"}, {"zakon", "law"},
	{"predlog", "proposal"}, {"prijedlog", "proposal"}, {"peticij", "petition"}, {"kandidova", "nomin"}, {"predlaga", "nomin"},
}

// SynonymStems returns the stems (as Stem makes them) whose Term is term:
// "support" for "endors" and "podrsk", so that a search index that stems
// without synonyms can be asked for every word of a meaning.
func SynonymStems(term string) []string {
	var out []string
	for stem, t := range synonyms {
		if t == term && stem != term {
			out = append(out, stem)
		}
	}
	sort.Strings(out)
	return out
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
			if s, ok := synonyms[sr.stem]; ok {
				return s // "učestvovala" is "stand", and standing is running
			}
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
			if n := len(w); (suf == "ing" || suf == "ed") && w[n-1] == w[n-2] && doubled[w[n-1]] {
				w = w[:n-1] // "running", "stopped": "run", "stop"
			}
			break
		}
	}
	return w
}

// doubled are the consonants English doubles before -ing and -ed
// ("running", "planned"); "called", "passed" keep theirs.
var doubled = map[byte]bool{'b': true, 'd': true, 'g': true, 'm': true, 'n': true, 'p': true, 'r': true, 't': true}

// serbianEndings are the case endings of Serbian (and Croatian) nouns and
// of the possessive adjectives made from names, folded, longest first:
// "Đilasova lista", "Đilasu", "Koštuničina", "Vučićevi", "Dačića".
var serbianEndings = []string{"ovima", "evima", "inima", "ovom", "evom", "inom", "ovih", "evih", "inih", "ovoj", "evoj", "inoj",
	"ova", "ove", "ovi", "ovo", "ovu", "eva", "eve", "evi", "evo", "evu", "ina", "ine", "ini", "inu", "ima", "ama",
	"om", "em", "og", "eg", "oj", "ov", "ev", "in", "u", "a", "e", "i", "o"}

// SerbianRoot takes a Serbian case ending, or a possessive ending and its
// case ending, off a folded word, leaving at least four letters (five
// before a possessive -ov, -ev, -in): "djilasova" and "djilasu" are
// "djilas", "kostunicina" and "kostunica" are "kostunic". Names are
// compared by it as well as by Stem, so that a name is found in any case.
func SerbianRoot(w string) string {
	for _, end := range serbianEndings {
		root := len(w) - len(end)
		least := 4
		if len(end) >= 2 && (end[0] == 'o' || end[0] == 'e' || end[0] == 'i') && end[1] != 'm' && end[1] != 'g' && end[1] != 'j' {
			least = 5 // a possessive: "Putin" is no "Put"'s
		}
		if root >= least && strings.HasSuffix(w, end) {
			return w[:root]
		}
	}
	return w
}

// phraseWords are phrases whose meaning is one word's: "had to collect"
// is what a candidate needed, who was "voted out" was defeated.
var phraseWords = []struct {
	words []string
	word  string
	// keep keeps the phrase's own words beside its meaning: a passage may
	// say "the second" for the second round.
	keep bool
}{
	{[]string{"had", "to"}, "need", false}, {[]string{"has", "to"}, "need", false}, {[]string{"have", "to"}, "need", false},
	{[]string{"voted", "out"}, "defeat", false}, {[]string{"vote", "out"}, "defeat", false},
	{[]string{"stepped", "down"}, "resign", false}, {[]string{"step", "down"}, "resign", false},
	{[]string{"dropped", "out"}, "withdraw", false}, {[]string{"drop", "out"}, "withdraw", false},
	// A candidate who did not take part in a round withdrew from it.
	{[]string{"not", "take", "part"}, "withdraw", false}, {[]string{"not", "taking", "part"}, "withdraw", false},
	// Seeking re-election is running; the run-off is no running.
	{[]string{"seek", "re", "election"}, "run", false}, {[]string{"sought", "re", "election"}, "run", false},
	{[]string{"seeking", "re", "election"}, "run", false}, {[]string{"stand", "for", "re", "election"}, "run", false},
	{[]string{"seek", "a", "second", "term"}, "run", false}, {[]string{"seek", "a", "third", "term"}, "run", false},
	{[]string{"seek", "another", "term"}, "run", false}, {[]string{"seek", "a", "new", "term"}, "run", false},
	{[]string{"run", "off"}, "runoff", false}, {[]string{"second", "round"}, "runoff", true},
	// The president of a municipality is its mayor.
	{[]string{"predsednik", "opstine"}, "mayor", false}, {[]string{"predsednika", "opstine"}, "mayor", false},
	{[]string{"predsednica", "opstine"}, "mayor", false}, {[]string{"predsjednik", "opcine"}, "mayor", false},
	{[]string{"drugi", "krug"}, "runoff", true}, {[]string{"drugom", "krugu"}, "runoff", true}, {[]string{"drugog", "kruga"}, "runoff", true},
	{[]string{"only", "if"}, "need", true},
	// Voters who take part are the turnout (not those who took part in a
	// government).
	{[]string{"voters", "take", "part"}, "turnout", true}, {[]string{"voters", "took", "part"}, "turnout", true},
	{[]string{"voters", "taking", "part"}, "turnout", true},
	// A national community is a minority.
	{[]string{"national", "communities"}, "minority", true}, {[]string{"national", "community"}, "minority", true},
	// A list that fell below the threshold missed it.
	{[]string{"fell", "below"}, "miss", false}, {[]string{"fallen", "below"}, "miss", false},
	{[]string{"falls", "below"}, "miss", false}, {[]string{"fell", "short"}, "miss", false},
	{[]string{"fallen", "short"}, "miss", false},
}

// Phrases returns folded words with the phrases of phraseWords made their
// one word, for comparing questions with passages: the words of "had to"
// are no content, what they mean is.
func Phrases(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		found := false
		for _, p := range phraseWords {
			if i+len(p.words) <= len(toks) && equalWords(toks[i:i+len(p.words)], p.words) {
				if out == nil {
					out = append([]string(nil), toks[:i]...)
				}
				if p.keep {
					out = append(out, toks[i:i+len(p.words)]...)
				}
				out = append(out, p.word)
				i += len(p.words) - 1
				found = true
				break
			}
		}
		if !found && out != nil {
			out = append(out, toks[i])
		}
	}
	if out == nil {
		return toks
	}
	return out
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
