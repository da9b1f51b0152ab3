package answer

import (
	"github.com/electionbot/electionbot/knowledge"
)

// optionWords name a referendum's options in questions, in English and
// Serbian: "voted Yes", "in favour", "against", "za", "protiv". Bare
// "no" and "for" are too common to count; beside a word of voting they do
// ("voted no", "the No vote").
var optionWords = []struct {
	option string
	alone  []string // words that name the option wherever they stand
	voted  []string // words that name it only next to a word of voting
}{
	{"Yes", []string{"yes", "favour", "favor", "supported", "support", "approved", "approve", "backed"}, []string{"for", "za", "da"}},
	{"No", []string{"against", "protiv"}, []string{"no", "ne"}},
}

// optionAsked returns the referendum option a question names, or nil
// outside a referendum.
func optionAsked(q *question) *knowledge.Contestant {
	ct := q.scope.c
	if ct == nil || ct.Kind != knowledge.ContestReferendum {
		return nil
	}
	// "What share did No get?": the option's name capitalised mid-question.
	for i, sp := range knowledge.TokenSpans(q.text) {
		switch w := q.text[sp.Start:sp.End]; {
		case i == 0:
		case w == "Yes" || w == "YES":
			return ct.Yes()
		case w == "No" || w == "NO":
			return ct.No()
		}
	}
	for _, o := range optionWords {
		named := false
		for _, w := range o.alone {
			named = named || phraseIn(q.toks, []string{w}, false)
		}
		for i, t := range q.toks {
			for _, w := range o.voted {
				named = named || (t == w && nextToVoting(q.toks, i))
			}
		}
		if named {
			if o.option == "Yes" {
				return ct.Yes()
			}
			return ct.No()
		}
	}
	return nil
}

// nextToVoting reports whether the word at i stands beside a word of
// voting: "voted no", "no votes", "glasalo za", "bilo za" at the end.
func nextToVoting(toks []string, i int) bool {
	voting := func(t string) bool {
		for _, w := range []string{"vote", "voted", "votes", "voting", "voter", "side", "camp", "glas", "glasa", "glasal", "glasova"} {
			if wordMatch(t, w, false) {
				return true
			}
		}
		return false
	}
	if i > 0 && voting(toks[i-1]) || i+1 < len(toks) && voting(toks[i+1]) {
		return true
	}
	// "How many votes were for?", "Koliko je glasova bilo za?": the
	// option ends the question.
	// "Koliko je glasova bilo za u Brgulama?": or a place follows; "Koliko
	// je glasova bilo za spajanje?": the votes were named before.
	if i > 0 && copula[toks[i-1]] && (i == len(toks)-1 || placeLink[toks[i+1]] || i > 1 && voting(toks[i-2])) {
		return true
	}
	return false
}

// isOptionWord reports a word that names a referendum option wherever it
// stands ("favour", "against"): the option answers it.
func isOptionWord(t string) bool {
	for _, o := range optionWords {
		for _, w := range o.alone {
			if wordMatch(t, w, false) {
				return true
			}
		}
	}
	return false
}

// copula are the forms of "to be" (and "voted", "went") that put an
// option after a count of votes: "were for", "bilo za".
var copula = wordSet("bilo bio bila were was are is voted went")
