package answer

import (
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// A stance is the side a party took on what was voted on.
type stance int

const (
	noStance stance = iota
	stanceFor
	stanceAgainst
	stanceBoycott
)

// stanceWords name a side wherever they stand, in English and Serbian
// (folded word beginnings): "opposed", "podržala", "bojkot".
var stanceWords = []struct {
	s     stance
	words []string
}{
	{stanceBoycott, []string{"boycott", "bojkot", "abstain", "apstin", "stay away", "stay home"}},
	{stanceAgainst, []string{"against", "oppos", "protiv", "reject", "odbac"}},
	{stanceFor, []string{"support", "favour", "favor", "backed", "endors", "podrz", "podrs", "zalag"}},
}

// stanceContext are the words that make a question about a side taken,
// not a count of votes: "campaigned", "which party", "pozvala".
var stanceContext = []string{"campaign", "kampanj", "call", "pozva", "urge", "position", "stav", "stance", "side",
	"party", "parties", "stranka", "stranke", "stranc", "partij", "who", "ko", "tko", "which", "koja", "koje", "koji"}

// stanceAsked reads the side a question asks about: "Which parties
// campaigned against?", "Who called for a boycott?", "Did the SDP support
// the proposal?", "Ko je bio za?". A question after a figure ("How many
// voted against?", "Koji procenat je glasao za?") asks no side, nor one
// after an opponent ("Who ran against Radić?").
func stanceAsked(q *question) stance {
	in := q.in
	if in.howMany || in.has(attrShare) || in.has(attrVotes) || in.has(attrOpponent) || !hasAnyWord(q.toks, stanceContext) {
		return noStance
	}
	return stanceOf(q.toks)
}

// stanceOf reads the side a text takes, the first one found: a side word,
// or "for"/"za" after a word of campaigning or being ("campaigned for",
// "bili za"), read by what it is for ("called for a No vote" is against,
// "for a boycott" a boycott, "for the statute" for). "Elected for mayor"
// or "izabran za gradonačelnika" takes no side.
func stanceOf(toks []string) stance {
	for i, t := range toks {
		for _, sw := range stanceWords {
			for _, w := range sw.words {
				if wordMatch(t, w, false) {
					return sw.s
				}
			}
		}
		if (t == "for" || t == "za") && i > 0 && hasPrefix(toks[i-1], forVerbs...) {
			return forWhat(toks[i+1 : min(len(toks), i+4)])
		}
	}
	return noStance
}

// forVerbs begin the words after which "for" takes a side.
var forVerbs = []string{"campaign", "call", "urg", "argu", "was", "were", "is", "are", "bio", "bila", "bile", "bili", "bilo",
	"voted", "vote", "glasa", "kampanj", "pozva", "zalaga", "zalozi", "agitova"}

// stancesIn reports the sides a passage takes, each at any place in it.
func stancesIn(toks []string) map[stance]bool {
	out := map[stance]bool{}
	for i, t := range toks {
		if hasPrefix(t, "supporters", "pristalic", "pristas") || countBefore(toks, i) {
			// A party's supporters are no side it took, and "497,002
			// (43.7%) against" is a count of votes.
			continue
		}
		for _, sw := range stanceWords {
			for _, w := range sw.words {
				if wordMatch(t, w, false) {
					out[sw.s] = true
				}
			}
		}
		if (t == "for" || t == "za") && i > 0 && hasPrefix(toks[i-1], forVerbs...) {
			if s := forWhat(toks[i+1 : min(len(toks), i+4)]); s != noStance {
				out[s] = true
			}
		}
	}
	return out
}

// countBefore reports a number among the three words before i.
func countBefore(toks []string, i int) bool {
	for _, t := range toks[max(0, i-3):i] {
		if isNumber(t) {
			return true
		}
	}
	return false
}

// forWhat reads what "for" is for: a No vote is against, a boycott a
// boycott, anything else (the statute, a Yes vote) for.
func forWhat(after []string) stance {
	for _, t := range after {
		switch {
		case t == "no" || t == "ne" || t == "against" || t == "protiv":
			return stanceAgainst
		case hasPrefix(t, "boycott", "bojkot", "abstain", "apstin"):
			return stanceBoycott
		}
	}
	return stanceFor
}

func hasAnyWord(toks []string, words []string) bool {
	for _, t := range toks {
		for _, w := range words {
			if wordMatch(t, w, false) {
				return true
			}
		}
	}
	return false
}

// stanceQuestion: the side a party took is prose; a count of Yes votes
// does not say who campaigned for Yes. The passage must take the side
// asked (passage scoring holds it to q.stance).
func stanceQuestion(_ *Answerer, q *question) (reply.Response, verdict) {
	if q.stance == noStance {
		return reply.Response{}, next
	}
	q.proseOnly = true
	return reply.Response{}, toPassages
}

// takesSide reports whether a passage takes the side asked.
func takesSide(p knowledge.Passage, s stance) bool {
	return s == noStance || stancesIn(knowledge.FoldTokens(p.Text))[s]
}

// sideWords are the word beginnings of each side as a passage may take
// it, and of campaigning, one of which a question's word of the same kind
// finds: "campaigned against" finds "opposed it", "called for" finds
// "called on".
var sideWords = map[stance][]string{
	stanceFor:     {"support", "favour", "favor", "backed", "endors", "campaign", "podrz", "podrs", "zalag"},
	stanceAgainst: {"against", "oppos", "reject", "protiv", "odbac", "campaign", "no"},
	stanceBoycott: {"boycott", "bojkot", "abstain", "apstin", "call"},
}

// sideSearchWords are whole words of each side for the search index,
// which matches words, not their beginnings.
var sideSearchWords = map[stance][]string{
	stanceFor:     {"supported", "support", "backed", "endorsed", "favour", "campaigned", "podržala", "podržali"},
	stanceAgainst: {"against", "opposed", "oppose", "rejected", "protiv", "campaigned", "no"},
	stanceBoycott: {"boycott", "boycotted", "bojkot", "abstain", "called"},
}

// sideAlts lets a question's word of taking a side (its own stem w)
// match the article's words for the same side.
func sideAlts(corp *corpus, s stance, w string, alts map[string]bool) {
	if stanceOf([]string{w}) == noStance && !hasPrefix(w, "campaign", "kampanj", "call", "pozva", "pozv", "urge", "yes", "vote", "glas", "vodil") && w != "no" {
		return
	}
	for stem := range corp.df {
		if hasPrefix(stem, sideWords[s]...) {
			alts[stem] = true
		}
	}
}
