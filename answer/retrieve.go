package answer

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// minCoverage is the share of a question's weighted content words that a
// passage must hold before the bot quotes it. Below it, the bot says it
// does not know: a wrong answer is worse than none.
const minCoverage = 0.6

// A query is a question's content words weighed against one article.
type query struct {
	corp  *corpus
	terms []string
	// alts are the article's stems each term matches; weights how much
	// each term counts (rarer words more), total their sum.
	alts    []map[string]bool
	weights []float64
	total   float64
	// key is the most telling term (the rarest in the article), which a
	// passage must hold; -1 when no term is telling.
	key int
	// numbers the question names ("list 3", "22 seats") must be in the
	// passage: a passage about list 14 does not answer about list 3.
	numbers []string
	// needDate and needNumber: a "when" needs a date in the answer, a
	// "how many" a number.
	needDate, needNumber bool
	// countOf are terms a number must stand beside (question.countOf).
	countOf  []string
	mustHave [][]string
	// stance is the side a passage must take (question.stance).
	stance    stance
	why       bool
	proseOnly bool
	// who is set for a question after a person ("Who called the
	// election?"): a passage that names one answers it better.
	who bool
	// later is set for a question about what happened afterwards: the
	// article tells it later on.
	later bool
	// own are the terms' words' own stems: a passage with the question's
	// very word ("called") is a little better than one with a synonym
	// ("held").
	own []string
}

// A scored passage is a candidate with how much of the query it covers
// and how good an answer it looks.
type scored struct {
	p        cpassage
	coverage float64
	score    float64
	matched  int
}

// retrieve answers from the passage that best covers the question's
// content words, or refuses.
func (a *Answerer) retrieve(ctx context.Context, q *question) reply.Response {
	e := q.e
	if e.Article == nil {
		return q.say.NotInArticle(e, "")
	}
	corp := a.corpus(e)
	qy := newQuery(corp, q)
	if len(qy.terms) == 0 {
		return q.say.NotInArticle(e, "")
	}
	best := qy.rank(a.candidates(ctx, q, corp))
	if len(best) == 0 || !qy.enough(best[0]) {
		return sectionAnswer(q.say, e, qy.terms)
	}
	return quote(q.say, e, best, q.in.who)
}

// newQuery weighs a question's content words: each counts by how rare it
// is in the article; a word the article never uses counts fully against
// every passage.
func newQuery(corp *corpus, q *question) *query {
	terms, own := contentWords(q.text)
	qy := &query{corp: corp, terms: terms, own: own, proseOnly: q.proseOnly, who: anyPhrase(q.toks, "who", "ko") && personNamed(q) == "", needNumber: q.in.howMany || q.figure, countOf: q.countOf, mustHave: q.mustHave, why: q.in.why, stance: q.stance,
		needDate: anyPhrase(q.toks, "when", "kada", "what year", "what date"),
		later: anyPhrase(q.toks, "afterwards", "afterward", "eventually", "subsequently", "in the end", "after that", "later on",
			"after the referendum", "after the election", "after the vote", "after the elections")}
	n := float64(len(corp.passages))
	titleWeight := 0.0
	names := nameTerms(q.ents)
	for i, t := range qy.terms {
		alts := corp.similar(t)
		if q.stance != noStance {
			sideAlts(corp, q.stance, own[i], alts)
		}
		if names[t] {
			// A party named in the question is named in a passage by
			// another of its names too: "SDS" is "Kos's" party.
			for _, id := range identifiers(q.ents) {
				if corp.df[id] > 0 {
					alts[id] = true
				}
			}
		}
		df := 0
		for s := range alts {
			df = max(df, corp.df[s])
		}
		w := math.Log(1 + n/(float64(df)+0.5))
		switch {
		case qy.later && corp.generic[t]:
			w = 0 // "after the referendum": when, not what
		case corp.generic[t] || knownWord(t) && df > 0 || electionTerms[t] && df == 0:
			w *= 0.35
		}
		qy.alts = append(qy.alts, alts)
		qy.weights = append(qy.weights, w)
		// The election's own words (its place, its kind) add to a passage
		// that has them but count against none, every passage being
		// about them; unless the question has no other words.
		if !corp.generic[t] && !(electionTerms[t] && df == 0) {
			qy.total += w
		} else {
			// Nor does a general election word the article never uses
			// ("race"): it is how the user put the question.
			titleWeight += w
		}
	}
	if qy.total == 0 {
		qy.total = titleWeight
	}
	qy.key = qy.telling()
	if q.stance != noStance {
		// "opposed it": the side is held to, what it was taken on may go
		// by a pronoun.
		qy.key = -1
	}
	for _, t := range qy.terms {
		if _, year := knowledge.Year(t); isNumber(t) && (!year || q.otherYear != "") {
			qy.numbers = append(qy.numbers, t)
		}
	}
	return qy
}

// nameTerms are the terms of the words of every name of the linked
// contestants.
func nameTerms(ents []*knowledge.Contestant) map[string]bool {
	out := map[string]bool{}
	for _, k := range ents {
		for _, n := range k.Names() {
			for _, t := range knowledge.FoldTokens(n) {
				out[knowledge.Term(t)] = true
			}
		}
	}
	return out
}

// identifiers are the terms that name the linked contestants alone: their
// abbreviations, and the surnames of their leaders, carriers and, for
// candidates, their own.
func identifiers(ents []*knowledge.Contestant) []string {
	var out []string
	surname := func(person string) {
		if toks := knowledge.FoldTokens(person); len(toks) > 1 {
			out = append(out, knowledge.Term(toks[len(toks)-1]))
		}
	}
	for _, k := range ents {
		for _, a := range k.Abbrevs {
			out = append(out, knowledge.Term(knowledge.Fold(a)))
		}
		surname(k.Leader)
		surname(k.Carrier)
		if k.Kind == knowledge.KindCandidate {
			surname(k.Name)
		}
	}
	return out
}

// telling returns the term a passage that answers must hold: the rarest
// in the article, of those the article uses and that are not in its
// title. A passage that shares only a question's common words does not
// answer it.
func (qy *query) telling() int {
	key := -1
	for i, t := range qy.terms {
		if qy.corp.generic[t] || len(qy.alts[i]) == 0 || qy.corp.df[t] == 0 && len(qy.alts[i]) == 1 {
			continue
		}
		if key < 0 || qy.weights[i] > qy.weights[key] {
			key = i
		}
	}
	return key
}

// rank scores the candidates that may answer, best first.
func (qy *query) rank(cands []cpassage) []scored {
	var best []scored
	for _, p := range cands {
		if s, ok := qy.score(p); ok {
			best = append(best, s)
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
	return best
}

// score weighs one passage against the query; ok is false when it cannot
// answer: no date for a "when", no number for a "how many", none of the
// words that must be there.
func (qy *query) score(p cpassage) (scored, bool) {
	if (qy.needDate && !hasDate(p.Text)) || (qy.needNumber && !hasNumber(p.Text)) || !hasEvery(p, qy.mustHave) ||
		(len(qy.countOf) > 0 && !countBeside(p, qy.countOf)) ||
		(qy.proseOnly && p.Kind != "sentence") || !takesSide(p.Passage, qy.stance) {
		return scored{}, false
	}
	s, firstMatch := qy.cover(p)
	if s.matched == 0 || !hasAll(p, qy.numbers) || (qy.key >= 0 && !qy.holds(p, qy.key)) {
		return scored{}, false
	}
	s.score = s.coverage + 0.04*qy.sameWords(p)
	if p.Kind == "sentence" {
		s.score += 0.02
	}
	if p.Section == knowledge.SectionLead && !qy.later {
		s.score += 0.03
	}
	if qy.later {
		s.score += 0.1*p.pos + laterSection(p.Section)
	}
	if qy.who && namesPerson(p.Text) {
		s.score += 0.15
	}
	if qy.why {
		// "Why" is answered by a reason: a passage that gives none is a
		// poor answer however many words it shares.
		if b := causalBonus(p, firstMatch); b > 0 {
			s.score += b
		} else {
			s.score -= 0.4
		}
	}
	return s, true
}

// laterSection weighs where a passage about what happened after the
// election stands: its aftermath, not the background of an earlier
// government.
func laterSection(section string) float64 {
	f := knowledge.Fold(section)
	for _, w := range []string{"aftermath", "after the election", "government formation", "formation", "outcome", "posledic", "nakon izbora", "posle izbora"} {
		if strings.Contains(f, w) {
			return 0.15
		}
	}
	for _, w := range []string{"background", "history", "previous", "pozadin", "istorij"} {
		if strings.Contains(f, w) {
			return -0.15
		}
	}
	return 0
}

// sameWords is the share of the question's words a passage holds as
// written (by their own stems), not only as synonyms.
func (qy *query) sameWords(p cpassage) float64 {
	if len(qy.own) == 0 {
		return 0
	}
	n := 0
	for _, s := range qy.own {
		if p.own[s] {
			n++
		}
	}
	return float64(n) / float64(len(qy.own))
}

// cover measures how much of the query's weight a passage holds (words of
// the sentence before a pronoun count a third), how many of its telling
// words, and where the first one stands.
func (qy *query) cover(p cpassage) (scored, int) {
	s := scored{p: p}
	got := 0.0
	firstMatch := -1
	for i := range qy.terms {
		pos := p.find(qy.alts[i])
		if pos < 0 {
			if p.before != nil && anyIn(qy.alts[i], p.before) {
				got += qy.weights[i] * 0.35
			}
			continue
		}
		got += qy.weights[i]
		if !qy.corp.generic[qy.terms[i]] {
			s.matched++
		}
		if firstMatch < 0 || pos < firstMatch {
			firstMatch = pos
		}
	}
	s.coverage = 0
	if qy.total > 0 {
		s.coverage = math.Min(1, got/qy.total)
	}
	return s, firstMatch
}

// holds reports whether a passage, or the sentence its pronoun refers
// to, has term i.
func (qy *query) holds(p cpassage, i int) bool {
	return p.find(qy.alts[i]) >= 0 || (p.before != nil && anyIn(qy.alts[i], p.before))
}

// enough reports whether the best passage covers enough of the question
// to quote. A "why" is answered by its cause, in other words than the
// question's, so it needs less.
func (qy *query) enough(top scored) bool {
	need := minCoverage
	if qy.why && causalBonus(top.p, 0) > 0 {
		need -= 0.1
	}
	if qy.stance != noStance {
		// The passage takes the side asked (score held it to it): what
		// the side was taken on may be named in other words.
		need -= 0.1
	}
	return top.coverage >= need
}

// quote answers with the best passage, and the second when it is as good
// and short ("Which parties boycotted?" is often answered in two places),
// and which lists the passage's names stand for.
func quote(s reply.Say, e *knowledge.Election, best []scored, who bool) reply.Response {
	top := best[0]
	text := reply.Clip(top.p.Text, 400)
	if who && top.p.before != nil && len(top.p.Before)+len(text) < 450 {
		// "Who formed the coalition?" "... it formed a coalition": who "it"
		// is, the sentence before says.
		text = top.p.Before + " " + text
	} else if len(best) > 1 {
		second := best[1]
		if second.coverage >= top.coverage && second.score >= top.score-0.05 && second.p.Text != top.p.Text &&
			top.p.Kind == "sentence" && second.p.Kind == "sentence" &&
			len(text)+len(second.p.Text) < 450 && !strings.Contains(top.p.Text, second.p.Text) {
			text += " " + second.p.Text
		}
	}
	text = s.T(lang.PassageFrame, text)
	if note := nameNote(s, e, top.p.Text); note != "" {
		text += "\n" + note
	}
	return reply.Response{Text: text, Source: reply.SourceOf(e, top.p.Section), Outcome: reply.Answered, Lang: s.Lang}
}

// candidates are the passages worth scoring: the search index's hits when
// there is an index, every passage otherwise (articles are short).
func (a *Answerer) candidates(ctx context.Context, q *question, corp *corpus) []cpassage {
	if a.search == nil {
		return corp.passages
	}
	hits, err := a.search.Passages(ctx, q.e.ID, searchText(q), 20)
	if err != nil {
		a.log.Warn("search failed", "err", err)
		return corp.passages
	}
	out := make([]cpassage, 0, len(hits))
	for _, h := range hits {
		if p, ok := corp.byText[h.Text]; ok {
			out = append(out, p)
			continue
		}
		out = append(out, prepare(knowledge.Passage{Section: h.Section, Kind: h.Kind, Text: h.Text}))
	}
	return out
}

// searchText is what the index is asked for: the question, and the
// English stems of its Serbian words ("odrzani" -> "schedul"), which the
// index, stemming without translating, would not find in an English
// article.
func searchText(q *question) string {
	var b strings.Builder
	b.WriteString(q.text)
	for _, w := range sideSearchWords[q.stance] {
		// "against" is taken in other words too ("opposed", "called for a
		// No vote"), which the index must be asked for.
		b.WriteString(" ")
		b.WriteString(w)
	}
	for _, t := range q.toks {
		if term := knowledge.Term(t); term != knowledge.Stem(t) {
			b.WriteString(" ")
			b.WriteString(term)
			// The index knows no synonyms: ask for the words of the same
			// meaning too ("podržala" -> "support", "endors").
			for _, s := range knowledge.SynonymStems(term) {
				b.WriteString(" ")
				b.WriteString(s)
			}
		}
	}
	return b.String()
}

// causalBonus favours passages that give a reason for what the question
// names: a connector ("after", "because", "due to") after a matched word.
func causalBonus(p cpassage, firstMatch int) float64 {
	for i, s := range p.stems {
		switch s {
		case "after", "because", "due", "owing", "result", "amid", "zbog", "posto", "nakon":
			if i > firstMatch {
				return 0.25 // "X was called after Y": the reason, right after the event
			}
		case "reason", "reasons", "razlog", "razloga", "razlozi", "grounds":
			if i > firstMatch {
				return 0.25 // "withdrew for health reasons"
			}
		case "cite", "citing", "having":
			if i > firstMatch {
				return 0.2 // "did not seek a second term, citing his health"
			}
		case "over", "against", "protest", "since", "following":
			if i > firstMatch {
				return 0.1
			}
		case "lead", "caus", "prompt", "trigger":
			return 0.05
		}
	}
	return 0
}

// nameNote links names in a quoted passage to the lists they stand for
// ("Progressives" -> SNS coalition), so that a quote answers in the
// bot's terms too.
func nameNote(s reply.Say, e *knowledge.Election, text string) string {
	var notes []string
	seen := map[*knowledge.Contestant]bool{}
	for _, m := range e.Mentions(text) {
		k := m.Contestant
		if seen[k] || len(notes) == 2 || containsPhrase(k.Name, m.Name) || containsPhrase(text, k.Name) {
			continue // the passage already uses the bot's name for it
		}
		for _, n := range k.AliasNames {
			if knowledge.LooksLikePerson(n) {
				continue // "Ivica Dačić's government" is not his list
			}
			if strings.Join(knowledge.FoldTokens(n), " ") == m.Name {
				notes = append(notes, s.T(lang.StandsFor, upperFirst(n), s.Name(k)))
				seen[k] = true
				break
			}
		}
	}
	return strings.Join(notes, "; ")
}

func containsPhrase(text, phrase string) bool {
	t, p := " "+strings.Join(knowledge.FoldTokens(text), " ")+" ", " "+strings.Join(knowledge.FoldTokens(phrase), " ")+" "
	return strings.Contains(t, p)
}

// hasDate reports whether a passage states a year, month or date.
func hasDate(text string) bool {
	if len(knowledge.Months(text)) > 0 {
		return true
	}
	for _, t := range knowledge.FoldTokens(text) {
		if _, ok := knowledge.Year(t); ok {
			return true
		}
	}
	return false
}

// countBeside reports whether a passage has a number (no year) within
// three words of one of terms: "with 18 votes", "votes: 1,204".
func countBeside(p cpassage, terms []string) bool {
	toks := knowledge.FoldTokens(p.Text)
	want := map[string]bool{}
	for _, t := range terms {
		want[t] = true
	}
	for i, t := range toks {
		if !want[knowledge.Term(t)] {
			continue
		}
		for _, n := range toks[max(0, i-3):min(len(toks), i+4)] {
			if _, year := knowledge.Year(n); isNumber(n) && !year {
				return true
			}
		}
	}
	return false
}

// hasNumber reports whether a passage states a number, in digits or words.
func hasNumber(text string) bool {
	for _, t := range knowledge.FoldTokens(text) {
		if _, year := knowledge.Year(t); (isNumber(t) && !year) || numberWord[t] {
			return true
		}
	}
	return false
}

var numberWord = wordSet(`one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
single double half dozen jedan dva tri cetiri pet sest sedam osam devet deset`)
