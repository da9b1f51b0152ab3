package answer

import (
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// candidateKindWords ask for the candidates who stood without a party
// (true) or for a party (false): "How many independent candidates ran?",
// "How many candidates were nominated by parties?".
var candidateKindWords = []struct {
	phrases     [][]string
	independent bool
}{
	{cuePhrases("independent", "independents", "nonpartisan", "non-partisan", "without a party", "nezavisn", "neovisn", "bez stranke"), true},
	{cuePhrases("nominated by parties", "nominated by a party", "party candidates", "party-backed", "backed by parties",
		"by political parties", "stood for parties", "ran for parties", "party nominees", "kandidovale stranke",
		"kandidovala stranka", "stranacki", "stranackih", "ispred stranaka", "predlozile stranke", "predlozila stranka",
		"stranka predlozila", "stranke predlozile", "stranke kandidovale"), false},
}

// candidatesOfKind: how many candidates of a contest stood as
// independents, or for a party, counted from the first round's rows and
// named. It answers only when every row gives the candidate's party: a
// row without one could be either.
func candidatesOfKind(_ *Answerer, q *question) (reply.Response, verdict) {
	independent, ok := candidateKindAsked(q)
	if !ok {
		return reply.Response{}, next
	}
	ct := q.scope.c
	if ct == nil || !ct.Elects() {
		ct = electingContest(q.e)
	}
	if ct == nil || len(ct.FirstRound().Results) == 0 || len(ct.FirstRound().Others) > 0 {
		return reply.Response{}, next
	}
	r := ct.FirstRound()
	all := resultContestants(r)
	var of []*knowledge.Contestant
	for _, c := range all {
		if c.Party == "" {
			return reply.Response{}, next
		}
		if c.Independent() == independent {
			of = append(of, c)
		}
	}
	s := q.say
	in := s.WhereIn(where(ct, r, true))
	var text string
	switch {
	case len(of) == 0 && independent:
		text = s.T(lang.CandidatesNoneIndependent, len(all), in)
	case len(of) == 0:
		text = s.T(lang.CandidatesNoneOfParties, len(all), in)
	case independent:
		text = s.T(lang.CandidatesIndependent, len(of), len(all), in, names(s, of))
	default:
		text = s.T(lang.CandidatesOfParties, len(of), len(all), in, names(s, of))
	}
	return s.Answer(q.e, text, resultSection(r.Results[0])), done
}

// candidateKindAsked reads a question that counts candidates of a kind:
// it asks how many, names candidates and independents or parties.
func candidateKindAsked(q *question) (independent, ok bool) {
	// "How many …", and "Which candidates ran as independents?": the
	// answer names them either way.
	asks := q.in.howMany || q.in.who || anyPhrase(q.toks, "which", "koji", "koje", "koja", "name the")
	if !asks || q.in.has(attrSeats) || q.in.has(attrVotes) || q.in.has(attrShare) ||
		!hasAnyWord(q.toks, []string{"candidat", "kandidat", "independent", "nezavis"}) {
		return false, false
	}
	for _, k := range candidateKindWords {
		for _, p := range k.phrases {
			if phraseIn(q.toks, p, false) {
				return k.independent, true
			}
		}
	}
	return false, false
}

// electingContest is the first contest of an article that elects a
// person (a mayor beside an assembly), or nil.
func electingContest(e *knowledge.Election) *knowledge.Contest {
	for _, ct := range e.Contests {
		if ct.Elects() {
			return ct
		}
	}
	return nil
}

// genderWords ask for candidates by a property the model does not hold:
// only the prose can count them.
var genderWords = []string{"women", "woman", "female", "male", "zena", "zene", "zensk", "kandidatkinj", "muskar"}

// candidatesOfGender: "How many women ran for mayor?" is answered by a
// passage that speaks of women, or refused; never by the contest's winner
// or its count of candidates.
func candidatesOfGender(_ *Answerer, q *question) (reply.Response, verdict) {
	if !q.in.howMany || !hasAnyWord(q.toks, genderWords) {
		return reply.Response{}, next
	}
	q.mustHave = append(q.mustHave, []string{"wom", "female", "male", "zen", "kandidatkinj", "musk"})
	// "the first woman to be elected, by 27,990 votes" counts no women.
	for _, w := range []string{"women", "woman", "female", "zena", "zene", "kandidatkinje"} {
		q.countOf = append(q.countOf, knowledge.Term(w))
	}
	q.proseOnly = true
	q.fallback = false
	return reply.Response{}, toPassages
}
