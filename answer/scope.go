package answer

import (
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// A scope is the part of an election a question is about: one of its
// contests (the assembly, the mayor, the president, a referendum) and,
// where the question names one, one round of it.
type scope struct {
	c *knowledge.Contest
	// round is the round the question names (1 for "first round", 2 for
	// "run-off"), 0 when it names none.
	round int
	// named is set when the question chose the contest: by a word
	// ("mayoral", "council"), by a round, or by one of its candidates.
	named bool
}

// roundCues are the words that name a round, in English and Serbian
// (folded Latin, as the question's tokens are), each word matched as the
// cue table's are.
var roundCues = []struct {
	phrase []string
	round  int
}{
	{[]string{"run", "off"}, 2}, {[]string{"runoff"}, 2}, {[]string{"second", "round"}, 2}, {[]string{"2nd", "round"}, 2},
	{[]string{"round", "2"}, 2}, {[]string{"round", "two"}, 2}, {[]string{"second", "ballot"}, 2}, {[]string{"final", "round"}, 2},
	{[]string{"drugi", "krug"}, 2}, {[]string{"drugom", "krugu"}, 2}, {[]string{"drugog", "kruga"}, 2},
	{[]string{"drugi", "izborni", "krug"}, 2}, {[]string{"drugom", "izbornom"}, 2}, {[]string{"balotaz"}, 2},
	{[]string{"first", "round"}, 1}, {[]string{"1st", "round"}, 1}, {[]string{"round", "1"}, 1}, {[]string{"round", "one"}, 1},
	{[]string{"first", "ballot"}, 1}, {[]string{"prvi", "krug"}, 1}, {[]string{"prvom", "krugu"}, 1}, {[]string{"prvog", "kruga"}, 1},
	{[]string{"prvom", "izbornom"}, 1},
	{[]string{"third", "round"}, 3}, {[]string{"3rd", "round"}, 3}, {[]string{"round", "3"}, 3}, {[]string{"treci", "krug"}, 3},
	{[]string{"trecem", "krugu"}, 3},
}

// roundAsked returns the round a question names, 0 for none, and where
// the words are (start, end), so that they are not read as other intents
// ("second" is no rank in "the second round").
func roundAsked(toks []string) (round, start, end int) {
	start = -1
	for _, c := range roundCues {
		if at := phraseAt(toks, c.phrase, false); at >= 0 && (start < 0 || at < start) {
			round, start, end = c.round, at, at+len(c.phrase)
		}
	}
	return round, start, end
}

// contestCues are the words that name a kind of contest in a question.
var contestCues = []struct {
	kind  knowledge.ContestKind
	words []string
}{
	{knowledge.ContestReferendum, []string{"referendum", "plebiscite", "referendu"}},
	{knowledge.ContestMayor, []string{"mayor", "mayoral", "mayoralty", "gradonacelni", "gradonacelnik", "gradonacelnick"}},
	{knowledge.ContestPresident, []string{"president", "presidential", "presidency", "predsednick", "predsjednick",
		"predsednik", "predsjednik", "predsednic"}},
	{knowledge.ContestOffice, []string{"governor", "gubernatorial", "guverner"}},
	{knowledge.ContestAssembly, []string{"assembly", "council", "parliament", "parliamentary", "skupstin", "skupstina",
		"vece", "veca", "vijece", "sabor", "odbornik", "odbornick", "councillor", "councilor", "legislature"}},
}

// contestNamed returns the contest of the election a question names by
// its kind ("mayoral", "council", "referendum") or by its title's words,
// or nil. A kind the article has no contest of names none here: that is
// another election (see otherKind).
func contestNamed(e *knowledge.Election, toks []string) *knowledge.Contest {
	for _, cc := range contestCues {
		ct := e.ContestOf(cc.kind)
		if ct == nil {
			continue
		}
		for _, w := range cc.words {
			if i := phraseAt(toks, []string{w}, false); i >= 0 && !officeOfOther(toks, i) {
				return ct
			}
		}
	}
	return nil
}

// officeOfOther reports a "president" that is not the contest's office:
// "president of the municipality", "president of the party", "the
// council's president" name an officeholder, not a presidential contest.
func officeOfOther(toks []string, i int) bool {
	t := toks[i]
	if !strings.HasPrefix(t, "president") && !strings.HasPrefix(t, "predsedni") {
		return false
	}
	return i+2 < len(toks) && (toks[i+1] == "of" || toks[i+1] == "opstine" || toks[i+1] == "skupstine")
}

// pickScope reads the contest and the round a question is about: the
// contest its words name, else the contest of the candidate it names,
// else the only contest of several rounds when it names a round, else
// the main contest.
func (q *question) pickScope() {
	e := q.e
	q.scope = scope{c: e.MainContest()}
	if q.scope.c == nil {
		return
	}
	round, _, _ := roundAsked(q.toks)
	q.scope.round = round
	switch ct := contestNamed(e, q.toks); {
	case ct != nil:
		q.scope.c, q.scope.named = ct, true
	case round > 0:
		if ct := onlyMultiRound(e); ct != nil {
			q.scope.c, q.scope.named = ct, true
		} else if ct := onlyElecting(e); ct != nil {
			q.scope.c, q.scope.named = ct, true // an assembly has no rounds
		}
	}
}

// onlyMultiRound returns the one contest of the election held in more
// than one round, or nil when none or several were.
func onlyMultiRound(e *knowledge.Election) *knowledge.Contest {
	var found *knowledge.Contest
	for _, ct := range e.Contests {
		if len(ct.Rounds) > 1 {
			if found != nil {
				return nil
			}
			found = ct
		}
	}
	return found
}

// onlyElecting returns the one contest that elects a person, or nil.
func onlyElecting(e *knowledge.Election) *knowledge.Contest {
	var found *knowledge.Contest
	for _, ct := range e.Contests {
		if ct.Elects() {
			if found != nil {
				return nil
			}
			found = ct
		}
	}
	return found
}

// roundOf returns the round of the scope's contest the question asks
// about, or nil when it names none or the contest had no such round.
func (s scope) roundOf() *knowledge.Round {
	if s.c == nil || s.round == 0 {
		return nil
	}
	return s.c.Round(s.round)
}

// roundOrDecisive returns the round the question names, else the one
// that decided the contest.
func (s scope) roundOrDecisive() *knowledge.Round {
	if r := s.roundOf(); r != nil {
		return r
	}
	return s.c.Decisive()
}

// rounds returns the rounds a question is about: the one it names, else
// all of the contest's.
func (s scope) rounds() []*knowledge.Round {
	if s.c == nil {
		return nil
	}
	if r := s.roundOf(); r != nil {
		return []*knowledge.Round{r}
	}
	if s.round > 0 {
		return nil
	}
	return s.c.Rounds
}

// contestWord reports a word that names a kind of contest or a round
// ("mayoral", "runoff", "krug").
func contestWord(t string) bool {
	for _, cc := range contestCues {
		for _, w := range cc.words {
			if wordMatch(t, w, false) {
				return true
			}
		}
	}
	for _, rc := range roundCues {
		for _, w := range rc.phrase {
			if len(w) > 3 && wordMatch(t, w, false) {
				return true
			}
		}
	}
	return false
}

// fitIntents drops the intents that the scope rules out: a referendum's
// question, outcome and requirement outside a referendum, a run-off's
// finalists in a contest of one round, and "mayoral" as the mayor intent
// when it only chose the contest of another question ("When was the
// mayoral run-off?").
func (q *question) fitIntents() {
	s := q.in.scores
	c := q.scope.c
	if c == nil || c.Kind != knowledge.ContestReferendum {
		q.rule = s[attrRequirement] > 0
		delete(s, attrQuestion)
		delete(s, attrOutcome)
		delete(s, attrRequirement)
	}
	if c == nil || len(c.Rounds) < 2 {
		delete(s, attrFinalists)
	}
	if q.scope.named && c.Kind == knowledge.ContestMayor && s[attrMayor] > 0 {
		for a := range s {
			if a != attrMayor && a != attrNone {
				delete(s, attrMayor)
				break
			}
		}
	}
}

// resolveAll returns the contestants of every contest that a question
// names (Election.ResolveAll), best first. Where two name the same words
// about equally, the contest the question chose wins, and a candidate
// named by their own name wins over the list they lead ("Radić" is the
// candidate, "HDZ" the list). Referendum options are read by their own
// words (optionAsked).
func resolveAll(q *question) []knowledge.Match {
	e := q.e
	ms := e.ResolveAll(q.text)
	toks := q.toks
	out := ms[:0]
	weight := map[*knowledge.Contestant]float64{}
	for _, m := range ms {
		if name, ok := foreignQualifier(q, m); ok {
			q.foreign = name
			continue
		}
		w := m.Score
		switch {
		case q.scope.named && e.ContestFor(m.Contestant) == q.scope.c:
			w *= 1.3
		case m.Contestant.Kind == knowledge.KindCandidate && ownName(m, toks):
			w *= 1.15
		case m.Contestant.Kind == knowledge.KindCandidate:
			w *= 0.9
		}
		weight[m.Contestant] = w
		out = append(out, m)
	}
	// The weights order the matches; the scores stay the resolver's, which
	// say how surely each was named.
	sort.SliceStable(out, func(i, j int) bool { return weight[out[i].Contestant] > weight[out[j].Contestant] })
	return out
}

// ownName reports whether the words a match took are words of the
// contestant's own name, not of their party.
func ownName(m knowledge.Match, toks []string) bool {
	if m.Start < 0 || m.End > len(toks) || m.Start >= m.End {
		return false
	}
	name := knowledge.FoldTokens(m.Contestant.Name)
	for _, t := range toks[m.Start:m.End] {
		found := false
		for _, n := range name {
			found = found || t == n || knowledge.TokenSimilar(t, n)
		}
		if !found {
			return false
		}
	}
	return true
}

// scopeByCandidate lets the candidate a question names choose the contest
// when no word did: "How many votes did Rexhepi get?" is about the mayor.
func (q *question) scopeByCandidate() {
	if q.scope.named || len(q.ents) == 0 || q.ents[0].Kind != knowledge.KindCandidate {
		return
	}
	if ct := q.e.ContestFor(q.ents[0]); ct != nil {
		q.scope.c, q.scope.named = ct, true
	}
}
