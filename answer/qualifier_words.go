package answer

import (
	"strings"
	"unicode"

	"github.com/electionbot/electionbot/knowledge"
)

// partyNouns begin the Serbian words for a party or a movement, after
// which a capitalised word in the genitive names whose it is
// ("Demokratska stranka Srbije"); and the English ones, which say nothing
// of which party a name is.
var (
	partyNouns   = []string{"strank", "partij", "pokret", "savez", "lig", "unij", "koalicij"}
	genericNames = wordSet("party parties movement list coalition alliance union league of and the for stranka partija pokret savez")
)

// foreignQualifier reports a match whose name in the question carries a
// distinguishing word the contestant's names lack: asked "Green Party of
// Serbia", the article has only the "Green Party of Vojvodina"; asked
// "Socialist Party of Vojvodina", only the "Socialist Party of Serbia".
// Such a match names another party, and answering with its figures would
// be wrong. Every match inside that name is held to it: a candidate of the
// "Serbian Radical Party" is no "Green Party of Serbia" either.
// It returns the name as the question writes it.
func foreignQualifier(q *question, m knowledge.Match) (string, bool) {
	spans := knowledge.TokenSpans(q.text)
	if len(spans) != len(q.toks) || m.Start < 0 || m.End > len(q.toks) || m.Start >= m.End || !hasLower(q.text) {
		// A question in capitals says nothing by its capitals.
		return "", false
	}
	start, end := namePhrase(q, spans, m.Start, m.End)
	quals, head := qualifiersIn(q, spans, start, end)
	head = withoutElectionWords(q.e, head)
	words := append(quals, head...)
	switch {
	case len(quals) > 0 || end-start >= 2 && len(head) > 0:
		// "Democratic Front" is no "Democratic Party of Serbia".
	case end-start == 1 && isAbbrev(q.text[spans[start].Start:spans[start].End]) && !ownNamesHave(m.Contestant, q.toks[start]):
		// "DF", which the prose spells out as the "Democratic Front (DF)",
		// and which no name of the list is.
		words = longNameWords(q.e, q.text[spans[start].Start:spans[start].End])
	default:
		return "", false
	}
	for _, w := range words {
		if !namesHave(q.e, m.Contestant, w) {
			return q.text[spans[start].Start:spans[end-1].End], true
		}
	}
	return "", false
}

// namePhrase widens the words a match took to the whole name the question
// writes: capitalised words, "of" or "and" before a capitalised word, and
// the Serbian party nouns written in lower case ("Zelena stranka Srbije").
func namePhrase(q *question, spans []knowledge.TokenSpan, start, end int) (int, int) {
	n := len(q.toks)
forward:
	for end < n {
		switch t := q.toks[end]; {
		case capitalisedAt(q.text, spans[end]) || hasPrefix(t, partyNouns...):
			end++
		case t == "of" && end+1 < n && capitalisedAt(q.text, spans[end+1]):
			end += 2
		case q.say.Serbian() && serbianNameWord(t) && (q.e.EnglishWord(t) != "" || adjectival(q.toks[end-1])):
			// Serbian writes a name's later words in lower case:
			// "Demokratski front", "Demokratska partija socijalista".
			end++
		default:
			break forward
		}
	}
	for start > 1 {
		switch t := q.toks[start-1]; {
		case capitalisedAt(q.text, spans[start-1]) && !stopwords[t]:
			start--
		case t == "of" && start > 2 && capitalisedAt(q.text, spans[start-2]):
			start -= 2
		case q.say.Serbian() && hasPrefix(t, partyNouns...):
			start-- // "Zelena stranka socijalista"
		default:
			return start, end
		}
	}
	return start, end
}

// qualifiersIn returns the words of a name that say whose or where a
// party is ("of Serbia", "stranka Srbije"), and the other words that set
// it apart ("Green"), leaving out "party" and the like.
func qualifiersIn(q *question, spans []knowledge.TokenSpan, start, end int) (quals, head []string) {
	of := false
	for i := start; i < end; i++ {
		t := q.toks[i]
		switch {
		case i > start && (q.toks[i-1] == "of" || hasPrefix(q.toks[i-1], partyNouns...)) && capitalisedAt(q.text, spans[i]):
			quals = append(quals, t)
			of = true
		case !of && !genericNames[t] && !stopwords[t] && !hasPrefix(t, partyNouns...):
			head = append(head, t)
		}
	}
	return quals, head
}

// namesHave reports whether any name of a contestant has a word for the
// same place or thing as w, in English or, by the glossary, in Serbian.
func namesHave(e *knowledge.Election, c *knowledge.Contestant, w string) bool {
	en := e.EnglishWord(w)
	// A list goes by its leader's and its carrier's names too:
	// "Tamara Šćepanović's list".
	names := append([]string{c.Name, c.InfoboxName, c.BallotName, c.Party, c.Leader, c.Carrier}, c.ResultNames...)
	names = append(append(names, c.AliasNames...), c.ProseNames...)
	names = append(names, c.Abbrevs...)
	for _, n := range names {
		for _, t := range knowledge.FoldTokens(n) {
			if sameNameWord(w, t) || (en != "" && sameNameWord(en, t)) {
				return true
			}
		}
	}
	return false
}

// ownNamesHave reports whether a word is a word of the names the
// contestant's rows and infobox give it, or the aliases file: not of the
// abbreviations linked to it from the prose, which may be another
// party's ("the Democratic Party (DS)" of a "Democratic Party of Serbia").
func ownNamesHave(c *knowledge.Contestant, w string) bool {
	names := append([]string{c.Name, c.InfoboxName, c.BallotName, c.Party}, c.ResultNames...)
	names = append(names, c.PartyNames...)
	for _, n := range append(names, c.AliasNames...) {
		for _, t := range knowledge.FoldTokens(n) {
			if t == w {
				return true
			}
		}
	}
	return false
}

// hasLower reports a lower-case letter in s.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// withoutElectionWords leaves out the words that name the election
// itself, its place and its body ("the 2005 Kraprikovik City Assembly
// election"), which a list with the place in its name need not carry.
func withoutElectionWords(e *knowledge.Election, words []string) []string {
	own := map[string]bool{}
	for _, t := range knowledge.FoldTokens(e.Title + " " + e.Place + " " + e.Office) {
		own[t] = true
	}
	var out []string
	for _, w := range words {
		if !own[w] && !knowledge.GenericPlaceWord(w) && !namesPlace(e, w) {
			out = append(out, w)
		}
	}
	return out
}

// isAbbrev reports a word written in capitals, of two letters or more.
func isAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// longNameWords returns the distinguishing words of the name the prose
// spells an abbreviation out as ("the Democratic Front (DF)" gives
// democratic, front), none when it does not.
func longNameWords(e *knowledge.Election, abbr string) []string {
	for _, n := range e.ArticleNames {
		if n.Short != abbr {
			continue
		}
		var out []string
		for _, t := range knowledge.FoldTokens(n.Long) {
			if !genericNames[t] && !stopwords[t] {
				out = append(out, t)
			}
		}
		return out
	}
	return nil
}

// proseOnlyName returns the name a question gives of something the prose
// spells out but no list or candidate is ("the Democratic Front (DF)",
// which did not stand), the long name first; nil when it names none. Such
// a name must not fall through to the election's own figures: "How many
// seats did the DF win?" is not the seats up for election.
func proseOnlyName(q *question) []string {
	for _, n := range q.e.ArticleNames {
		if n.Of != "" {
			continue
		}
		short := knowledge.FoldTokens(n.Short)
		long := knowledge.FoldTokens(strings.TrimPrefix(n.Long, "the "))
		if len(short) == 1 && containsToken(q.toks, short[0]) || len(long) > 1 && phraseIn(q.toks, long, false) {
			return []string{n.Long, n.Short}
		}
	}
	return nil
}

func containsToken(toks []string, w string) bool {
	for _, t := range toks {
		if t == w {
			return true
		}
	}
	return false
}

// didVerbs begin the verbs of winning or holding after "did X": "did the
// coalition win", "koliko je X osvojio".
var didVerbs = []string{"win", "won", "get", "got", "have", "had", "hold", "held", "take", "took", "gain", "receiv",
	"secur", "obtain", "osvoj", "dobi", "ima"}

// hasDidSubject reports a question that asks what someone won: words
// between "did" and a verb of winning ("How many seats did the coalition
// win?"), which the seats up for election do not answer.
func hasDidSubject(toks []string) bool {
	for i, t := range toks {
		if t != "did" && t != "does" && t != "do" {
			continue
		}
		for j := i + 1; j < len(toks); j++ {
			if hasPrefix(toks[j], didVerbs...) {
				return j > i+1 && !(j == i+2 && (toks[i+1] == "the" || toks[i+1] == "they" || toks[i+1] == "it"))
			}
		}
	}
	return false
}

// adjectival reports a Serbian adjective of a name, whose noun follows:
// "demokratski", "napredna", "zelena".
func adjectival(t string) bool {
	for _, end := range []string{"ski", "ska", "sko", "cki", "cka", "cko", "na", "ni", "no", "ena", "eni"} {
		if len(t) > len(end)+2 && strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// serbianNameWord reports a lower-case word that may go on a Serbian
// party's name: none of the question's own words (stop words, question
// words, words of elections and figures, numbers).
func serbianNameWord(t string) bool {
	return !stopwords[t] && !questionWords[t] && !knownWord(t) && !isNumber(t) && len(knowledge.Months(t)) == 0
}

// sameNameWord reports two words of names that are one: the same word,
// in another form ("democratic", "democrats"), in a Serbian case
// ("Vojvodine"), or with a typo; not a word inside a longer one
// ("social" is no "socialists").
func sameNameWord(a, b string) bool {
	switch {
	case a == b || knowledge.Term(a) == knowledge.Term(b):
		return true
	case len(a) >= 4 && len(b) >= 4 && knowledge.PlaceRoot(a) == knowledge.PlaceRoot(b):
		return true
	}
	return len(a) >= 5 && len(b) >= 5 && knowledge.EditDistance(a, b, 1) <= 1
}
