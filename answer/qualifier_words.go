package answer

import "github.com/electionbot/electionbot/knowledge"

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
	if len(spans) != len(q.toks) || m.Start < 0 || m.End > len(q.toks) || m.Start >= m.End {
		return "", false
	}
	start, end := namePhrase(q, spans, m.Start, m.End)
	quals, head := qualifiersIn(q, spans, start, end)
	if len(quals) == 0 {
		return "", false
	}
	for _, w := range append(quals, head...) {
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
	for end < n {
		switch t := q.toks[end]; {
		case capitalisedAt(q.text, spans[end]) || hasPrefix(t, partyNouns...):
			end++
		case (t == "of" || t == "and") && end+1 < n && capitalisedAt(q.text, spans[end+1]):
			end += 2
		default:
			return start, end
		}
	}
	for start > 1 {
		switch t := q.toks[start-1]; {
		case capitalisedAt(q.text, spans[start-1]) && !stopwords[t]:
			start--
		case (t == "of" || t == "and") && start > 2 && capitalisedAt(q.text, spans[start-2]):
			start -= 2
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
	names := append([]string{c.Name, c.InfoboxName, c.BallotName, c.Party}, c.ResultNames...)
	names = append(append(names, c.AliasNames...), c.ProseNames...)
	names = append(names, c.Abbrevs...)
	for _, n := range names {
		for _, t := range knowledge.FoldTokens(n) {
			if knowledge.SamePlace(w, t) || (en != "" && (en == t || knowledge.SamePlace(en, t))) {
				return true
			}
		}
	}
	return false
}
