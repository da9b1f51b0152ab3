package answer

import (
	"strings"
	"sync"

	"github.com/electionbot/electionbot/knowledge"
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

// A lazyCorpus is an election's corpus, prepared the first time it is
// needed.
type lazyCorpus struct {
	once sync.Once
	c    *corpus
}

// corpus returns the prepared passages of e, made once for the library.
func (a *Answerer) corpus(e *knowledge.Election) *corpus {
	if k, ok := a.corpora[e]; ok {
		k.once.Do(func() { k.c = newCorpus(e) })
		return k.c
	}
	return newCorpus(e) // an election from outside the library (tests)
}

type cpassage struct {
	knowledge.Passage
	stems []string
	set   map[string]bool
	// before holds the previous sentence's stems when this one opens with
	// a pronoun ("It was called after ..."): its words count half.
	before map[string]bool
	// pos is where the passage stands in the article, from 0 (the start)
	// to 1 (the end).
	pos float64
	// own holds the words' own stems (Stem), for telling the word a
	// question uses from its synonyms.
	own map[string]bool
	// words is the passage's folded words, space-separated and -framed,
	// for finding a phrase in it.
	words string
}

func newCorpus(e *knowledge.Election) *corpus {
	c := &corpus{df: map[string]int{}, generic: map[string]bool{}, byText: map[string]cpassage{}}
	ps := e.Article.Passages()
	for i, p := range ps {
		cp := prepare(p)
		cp.pos = float64(i) / float64(max(1, len(ps)-1))
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
	cp := cpassage{Passage: p, set: map[string]bool{}, own: map[string]bool{}}
	toks := knowledge.FoldTokens(p.Text)
	cp.words = " " + strings.Join(toks, " ") + " "
	for _, t := range knowledge.Phrases(toks) {
		s := knowledge.Term(t)
		cp.stems = append(cp.stems, s)
		cp.set[s] = true
		cp.own[knowledge.Stem(t)] = true
	}
	if strings.Contains(p.Text, "%") && !cp.set["percent"] {
		// "Yes (%): 70.5": a share, though "%" is no word.
		cp.stems = append(cp.stems, "percent")
		cp.set["percent"] = true
	}
	if p.Before != "" && opensWithPronoun(toks) {
		cp.before = map[string]bool{}
		for _, t := range knowledge.FoldTokens(p.Before) {
			cp.before[knowledge.Term(t)] = true
		}
	}
	return cp
}

func opensWithPronoun(toks []string) bool {
	for i, t := range toks[:min(len(toks), 6)] {
		switch t {
		case "it", "they", "he", "she":
			return true // the subject, even after "After two months of talks"
		case "this", "that", "its", "their", "these", "those", "his", "her", "there":
			if i < 3 {
				return true
			}
		}
	}
	return false
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

func hasAll(p cpassage, words []string) bool {
	for _, w := range words {
		if !p.set[w] {
			return false
		}
	}
	return true
}

// hasEvery reports whether a passage has a word of every group
// (hasPrefixWord).
func hasEvery(p cpassage, groups [][]string) bool {
	for _, g := range groups {
		if !hasPrefixWord(p, g) {
			return false
		}
	}
	return true
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

// articleSays reports whether the article's passages hold a phrase of
// folded words: "national assembly" is the article's own body, not
// another election, when the article says so.
func (a *Answerer) articleSays(e *knowledge.Election, phrase string) bool {
	if phrase == "" || e.Article == nil {
		return false
	}
	phrase = " " + phrase + " "
	for _, p := range a.corpus(e).passages {
		if strings.Contains(p.words, phrase) {
			return true
		}
	}
	return false
}
