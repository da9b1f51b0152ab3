package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
happen happened happens mean means before after during while since ago afterwards afterward eventually subsequently
become became becomes
ko sta sto koji koja koje kojih kako kada kad gde zasto koliko je su bio bila bilo bili bile biti da li ne i u na za od bi
sa se iz po o a ali ili pa te to taj ta ovaj ova ovo kod nam mi vi oni ona ono njegov njen njihov sam si smo ste
jeste nije nisu ima imao imala imali
didnt doesnt dont wasnt werent isnt arent hasnt havent hadnt wont cant couldnt wouldnt shouldnt met
tko gdje kolika koliki kolike kog koga kojoj kojem kojim cega cemu kakav kakva kakvo jesu oba obe obadva obadvije svim svih`)

// questionWords are words of a question that frame rather than name
// something; capitalised ones are not taken for unknown names.
var questionWords = wordSet(`what who whom whose when where why how which did does do was were is are can could
would should will tell show give list please hi hello hey and or but the a an in on of for with about
ko sta sto koji koja koje kako kada kad gde zasto koliko da li je su
tko gdje kolika koliki kolike kolikim kog koga kojoj kojem kojim cega cemu kakav kakva kakvo jesu`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// contentTerms returns the stems of a text's content words.
func contentTerms(text string) []string {
	terms, _ := contentWords(text)
	return terms
}

// contentWords returns the terms of a text's content words (Term) and,
// beside each, the word's own stem (Stem): "called" is the term
// "schedul", as "held" is, but its own stem is "call".
func contentWords(text string) (terms, stems []string) {
	seen := map[string]bool{}
	for _, t := range knowledge.Phrases(knowledge.FoldTokens(text)) {
		if stopwords[t] || len(t) < 2 {
			continue
		}
		s := knowledge.Term(t)
		if !seen[s] {
			seen[s] = true
			terms = append(terms, s)
			stems = append(stems, knowledge.Stem(t))
		}
	}
	return terms, stems
}

// capitalised returns the words of the original text (as Tokens splits
// it, hyphenated words whole: "Arabic-Indic") that start with a capital
// letter or are written in capitals.
func capitalised(text string) []string {
	var out []string
	spans := knowledge.TokenSpans(text)
	for i := 0; i < len(spans); i++ {
		start := spans[i].Start
		for i+1 < len(spans) && text[spans[i].End:spans[i+1].Start] == "-" {
			i++
		}
		w := text[start:spans[i].End]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			out = append(out, w)
		}
	}
	return out
}
