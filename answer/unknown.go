package answer

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// unknownNames returns the names in a question that the article has never
// heard of ("Novi Sad", "Ipsos", "LSV"), joined for a reply, or "". A
// question about something the article does not mention must be refused,
// not answered with facts about something else.
func unknownNames(e *knowledge.Election, text string) string {
	unknown := unknownCapitalised(e, text)
	for _, n := range append(unknownAfterPreposition(e, text), unknownPlaceAfterIn(e, text)...) {
		if !containsFold(unknown, n) {
			unknown = append(unknown, n)
		}
	}
	return strings.Join(unknown, " ")
}

// unknownCapitalised returns the capitalised words of a question that
// are neither question words nor known to the article.
func unknownCapitalised(e *knowledge.Election, text string) []string {
	var unknown []string
	words := capitalised(text)
	first := firstWord(text)
	for i, w := range words {
		t := firstTok(w)
		if t == "" || questionWords[t] || stopwords[t] || isNumber(t) || len(knowledge.Months(w)) > 0 || len(t) < 2 {
			continue
		}
		if e.Knows(t) || knownWord(t) || placeKind(t) {
			continue
		}
		// The first word of a sentence is capitalised anyway: count it only
		// when the next word is an unknown name too ("Novi Sad").
		if w == first && i == 0 && !(len(words) > 1 && !e.Knows(firstTok(words[1]))) {
			continue
		}
		unknown = append(unknown, w)
	}
	return unknown
}

// unknownAfterPreposition returns lower-case places after a preposition
// that the article does not know: "mayor of novi sad".
func unknownAfterPreposition(e *knowledge.Election, text string) []string {
	var unknown []string
	toks := knowledge.FoldTokens(text)
	for i := 0; i+1 < len(toks); i++ {
		switch toks[i] {
		// Not the Serbian "za" (for): "glasao za promene" names no place.
		case "of", "in", "u", "iz", "from", "for":
		default:
			continue
		}
		n := toks[i+1]
		if stopwords[n] || questionWords[n] || isNumber(n) || len(n) < 3 || knownWord(n) || placeKind(n) || e.Knows(n) || len(knowledge.Months(n)) > 0 || isOptionWord(n) {
			continue
		}
		unknown = append(unknown, n)
	}
	return unknown
}

// unknownPlaceAfterIn returns capitalised words after "in" or "u" that
// the article does not know, though a question word spells them: a place
// in a Serbian case may fold to a common word ("u Nišu" is no "nisu").
func unknownPlaceAfterIn(e *knowledge.Election, text string) []string {
	var unknown []string
	spans := knowledge.TokenSpans(text)
	for i := 0; i+1 < len(spans); i++ {
		switch spans[i].Term {
		case "in", "u", "iz", "at":
		default:
			continue
		}
		n := spans[i+1].Term
		if !capitalisedAt(text, spans[i+1]) || questionWords[n] || isNumber(n) || len(n) < 3 ||
			len(knowledge.Months(n)) > 0 || e.Knows(n) || !(knownWord(n) || stopwords[n]) {
			continue // an unknown word that is no common word is unknownCapitalised's
		}
		unknown = append(unknown, text[spans[i+1].Start:spans[i+1].End])
	}
	return unknown
}

func firstWord(text string) string {
	f := capitalised(strings.TrimSpace(text))
	ws := strings.Fields(text)
	if len(f) == 0 || len(ws) == 0 {
		return ""
	}
	if strings.HasPrefix(ws[0], f[0]) {
		return f[0]
	}
	return ""
}

func firstTok(w string) string {
	toks := knowledge.FoldTokens(w)
	if len(toks) == 0 {
		return ""
	}
	return toks[0]
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if knowledge.Fold(v) == s {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return s != ""
}

// knownWord reports words that are part of how people ask about elections
// (attribute words and their Serbian forms), which no article needs to
// contain.
func knownWord(t string) bool {
	for _, c := range cueTable {
		for _, p := range c.phrase {
			if wordMatch(t, p, false) {
				return true
			}
		}
	}
	return electionWords[t] || contestWord(t)
}

// placeKind reports a word for a kind of place, in any case: a question
// may ask about a municipality ("u opštini Lajkovac") of an article that
// never says the word, and that word names nothing unknown.
func placeKind(t string) bool { return placeKindOf([]string{t}) != "" }

// electionTerms are the electionWords as questions' terms (Term): a
// question's general words weigh little in choosing a passage, even when
// the article does not use them ("people" in "How many people voted?").
var electionTerms = func() map[string]bool {
	m := map[string]bool{}
	for w := range electionWords {
		m[knowledge.Term(w)] = true
	}
	return m
}()

// electionWords are general words of questions about elections.
var electionWords = wordSet(`election elections elected vote votes voted voting voter voters party parties list lists
coalition coalitions seat seats assembly city council parliament government opposition result results win won
winner lose lost percent percentage share poll polls total mayor leader threshold majority turnout date year
month day people candidate candidates ballot ballots campaign round first second last next previous current
izbori izbora izborima izbore glas glasova glasalo stranka stranke stranaka lista liste listi koalicija mandat
mandata mandati skupstina skupstini grad gradu vlada opozicija rezultat rezultati pobeda pobedio cenzus
gradonacelnik gradonacelnika anketa ankete godina godine procenat odsto posto izlaznost posle pre nakon
national local held take place scheduled official officially citizens residents people serbians vote
note footnote mean means victory defeat win margin race contest`)
