package answer

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// corpus is an election's passages prepared for scoring: stems per passage
// and how many passages hold each stem.
type corpus struct {
	passages []cpassage
	byText   map[string]cpassage
	df       map[string]int
	// generic stems appear in the election's title: every passage is
	// about them, so they say little about which passage answers.
	generic map[string]bool
}

type cpassage struct {
	knowledge.Passage
	stems []string
	set   map[string]bool
	// before holds the previous sentence's stems when this one opens with
	// a pronoun ("It was called after ..."): its words count half.
	before map[string]bool
}

func newCorpus(e *knowledge.Election) *corpus {
	c := &corpus{df: map[string]int{}, generic: map[string]bool{}, byText: map[string]cpassage{}}
	for _, p := range e.Article.Passages() {
		cp := prepare(p)
		for s := range cp.set {
			c.df[s]++
		}
		c.passages = append(c.passages, cp)
		c.byText[p.Text] = cp
	}
	for _, t := range contentTerms(e.Title) {
		c.generic[t] = true
	}
	c.generic["election"] = true
	return c
}

func prepare(p knowledge.Passage) cpassage {
	cp := cpassage{Passage: p, set: map[string]bool{}}
	toks := knowledge.FoldTokens(p.Text)
	for _, t := range toks {
		s := stemWord(t)
		cp.stems = append(cp.stems, s)
		cp.set[s] = true
	}
	if p.Before != "" && opensWithPronoun(toks) {
		cp.before = map[string]bool{}
		for _, t := range knowledge.FoldTokens(p.Before) {
			cp.before[stemWord(t)] = true
		}
	}
	return cp
}

func opensWithPronoun(toks []string) bool {
	for _, t := range toks[:min(len(toks), 3)] {
		switch t {
		case "it", "this", "that", "they", "he", "she", "its", "their", "these", "those", "his", "her", "there":
			return true
		}
	}
	return false
}

// corpus returns the prepared passages of e, made when the library was
// swapped in.
func (a *Answerer) corpus(e *knowledge.Election) *corpus {
	if k, ok := a.corpora[e]; ok {
		return k
	}
	return newCorpus(e) // an election from outside the library (tests)
}

// minCoverage is the share of a question's weighted content words that a
// passage must hold before the bot quotes it. Below it, the bot says it
// does not know: a wrong answer is worse than none.
const minCoverage = 0.6

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
		return reply.NotInArticle(e, "")
	}
	corp := a.corpus(e)
	terms := contentTerms(q.text)
	if len(terms) == 0 {
		return reply.NotInArticle(e, "")
	}
	// Each term counts by how rare it is in the article; a term the article
	// never uses counts fully against every passage.
	n := float64(len(corp.passages))
	weights := make([]float64, len(terms))
	alts := make([]map[string]bool, len(terms))
	total := 0.0
	for i, t := range terms {
		alts[i] = corp.similar(t)
		df := 0
		for s := range alts[i] {
			df = max(df, corp.df[s])
		}
		w := math.Log(1 + n/(float64(df)+0.5))
		if corp.generic[t] || knownWord(t) && df > 0 {
			w *= 0.35
		}
		weights[i] = w
		total += w
	}
	// The question's most telling word (the rarest in the article) must
	// be in the passage: a passage that shares only its common words does
	// not answer it.
	key := -1
	for i, t := range terms {
		if corp.generic[t] || len(alts[i]) == 0 || corp.df[t] == 0 && len(alts[i]) == 1 {
			continue
		}
		if key < 0 || weights[i] > weights[key] {
			key = i
		}
	}
	cands := a.candidates(ctx, q, corp)
	var best []scored
	needDate := phraseIn(q.toks, []string{"when"}, false) || phraseIn(q.toks, []string{"kada"}, false) ||
		phraseIn(q.toks, []string{"what", "year"}, false) || phraseIn(q.toks, []string{"what", "date"}, false)
	needNumber := q.in.howMany
	// Numbers the question names ("list 3", "22 seats") must be in the
	// passage: a passage about list 14 does not answer about list 3.
	var numbers []string
	for _, t := range terms {
		if isNumber(t) {
			if _, year := knowledge.Year(t); !year || q.otherYear != "" {
				numbers = append(numbers, t)
			}
		}
	}
	for _, p := range cands {
		// A "when" needs a date in the answer, a "how many" a number.
		if (needDate && !hasDate(p.Text)) || (needNumber && !hasNumber(p.Text)) || !hasPrefixWord(p, q.mustHave) {
			continue
		}
		s := scored{p: p}
		got := 0.0
		firstMatch := -1
		for i := range terms {
			pos := p.find(alts[i])
			if pos < 0 {
				if p.before != nil && anyIn(alts[i], p.before) {
					got += weights[i] * 0.35
				}
				continue
			}
			got += weights[i]
			if !corp.generic[terms[i]] {
				s.matched++
			}
			if firstMatch < 0 || pos < firstMatch {
				firstMatch = pos
			}
		}
		if s.matched == 0 || !hasAll(p, numbers) || (key >= 0 && p.find(alts[key]) < 0 && !(p.before != nil && anyIn(alts[key], p.before))) {
			continue
		}
		s.coverage = got / total
		s.score = s.coverage
		if p.Kind == "sentence" {
			s.score += 0.02
		}
		if p.Section == knowledge.SectionLead {
			s.score += 0.03
		}
		if q.in.why {
			// "Why" is answered by a reason: a passage that gives none
			// is a poor answer however many words it shares.
			if b := causalBonus(p, firstMatch); b > 0 {
				s.score += b
			} else {
				s.score -= 0.4
			}
		}
		best = append(best, s)
	}
	if len(best) == 0 {
		return sectionAnswer(e, terms)
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
	top := best[0]

	need := minCoverage
	if q.in.why && causalBonus(top.p, 0) > 0 {
		need -= 0.1 // "why" is answered by the cause, in other words than the question's
	}
	if top.coverage < need {
		return sectionAnswer(e, terms)
	}
	text := reply.Clip(top.p.Text, 400)
	// A second passage as good as the first often completes it ("Which
	// parties boycotted?" is answered in two places); add it when short.
	if len(best) > 1 {
		second := best[1]
		if second.coverage >= top.coverage && second.score >= top.score-0.05 && second.p.Text != top.p.Text &&
			top.p.Kind == "sentence" && second.p.Kind == "sentence" &&
			len(text)+len(second.p.Text) < 450 && !strings.Contains(top.p.Text, second.p.Text) {
			text += " " + second.p.Text
		}
	}
	if note := nameNote(e, top.p.Text); note != "" {
		text += "\n" + note
	}
	return reply.Response{Text: text, Source: reply.Source{Election: e.Title, Section: top.p.Section}, Outcome: reply.Answered}
}

// candidates are the passages worth scoring: the search index's hits when
// there is an index, every passage otherwise (articles are short).
func (a *Answerer) candidates(ctx context.Context, q *question, corp *corpus) []cpassage {
	if a.search == nil {
		return corp.passages
	}
	hits, err := a.search.Passages(ctx, q.e.ID, q.text, 20)
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

func anyIn(alts, set map[string]bool) bool {
	for s := range alts {
		if set[s] {
			return true
		}
	}
	return false
}

// similar returns the corpus stems a question term matches: itself, and
// words within a typo or an ending of it.
func (c *corpus) similar(t string) map[string]bool {
	out := map[string]bool{}
	if c.df[t] > 0 {
		out[t] = true
		return out
	}
	out[t] = true
	if len(t) < 4 {
		return out
	}
	for s := range c.df {
		if knowledge.TokenSimilar(t, s) {
			out[s] = true
		}
	}
	return out
}

// find returns the position of the first stem in alts, or -1.
func (p cpassage) find(alts map[string]bool) int {
	for i, s := range p.stems {
		if alts[s] {
			return i
		}
	}
	return -1
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
func nameNote(e *knowledge.Election, text string) string {
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
				notes = append(notes, upperFirst(n)+": "+k.DisplayName())
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

// hasNumber reports whether a passage states a number, in digits or words.
func hasNumber(text string) bool {
	for _, t := range knowledge.FoldTokens(text) {
		if isNumber(t) || numberWord[t] {
			return true
		}
	}
	return false
}

var numberWord = wordSet(`one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
single double half dozen jedan dva tri cetiri pet sest sedam osam devet deset`)

func hasAll(p cpassage, words []string) bool {
	for _, w := range words {
		if !p.set[w] {
			return false
		}
	}
	return true
}

// sectionWords may stand beside a section's title in a question about the
// section itself ("tell me about the campaign").
var sectionWords = wordSet("section part summary summarise summarize overview info information deo odeljak")

// sectionAnswer answers a question that names a section of the article
// and nothing else ("Tell me about the campaign") with the section's
// opening, or refuses.
func sectionAnswer(e *knowledge.Election, terms []string) reply.Response {
	for _, s := range e.Article.Sections {
		if s.Title == "" {
			continue
		}
		title := map[string]bool{}
		for _, t := range contentTerms(s.Title) {
			title[t] = true
		}
		named, other := 0, 0
		for _, t := range terms {
			switch {
			case title[t]:
				named++
			case !sectionWords[t]:
				other++
			}
		}
		if named == 0 || other > 0 || named < len(title) {
			continue
		}
		var text string
		for _, b := range s.Blocks {
			if b.Kind != knowledge.Paragraph {
				continue
			}
			for _, sentence := range knowledge.Sentences(b.Text) {
				if len(text)+len(sentence) > 400 && text != "" {
					break
				}
				text = strings.TrimSpace(text + " " + sentence)
			}
			if text != "" {
				break
			}
		}
		if text == "" {
			continue
		}
		return reply.Response{Text: text, Source: reply.Source{Election: e.Title, Section: knowledge.SectionName(s)}, Outcome: reply.Answered}
	}
	return reply.NotInArticle(e, "")
}

// hasPrefixWord reports whether a passage has a word starting with one of
// prefixes; true when there are none.
func hasPrefixWord(p cpassage, prefixes []string) bool {
	if len(prefixes) == 0 {
		return true
	}
	for _, s := range p.stems {
		for _, pre := range prefixes {
			if strings.HasPrefix(s, pre) {
				return true
			}
		}
	}
	return false
}
