package index

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/electionbot/electionbot/knowledge"
)

// Search tuning.
const (
	defaultLimit = 10
	maxLimit     = 50
	// maxTerms and maxQueryBytes bound the work one query can ask for: no
	// question has more words worth looking up.
	maxTerms      = 32
	maxQueryBytes = 4096
	// maxNear bounds the indexed words one query word may stand for.
	maxNear = 16
	// An exact word outweighs a near one (a typo away; two typos away
	// counts half that), and words in a passage's paragraph or section
	// count for less than words in the passage.
	exactBoost   = 1.0
	fuzzyBoost   = 0.4
	contextBoost = 0.3
)

// A Query asks for the passages about Text, in one election (by
// Election.ID) when Election is set, at most Limit of them (10 when 0, 50
// at most).
type Query struct {
	Text     string
	Election string
	Limit    int
}

// A Hit is one passage found: where it is, its text as the article has
// it, bleve's score, and the byte ranges of Text that matched the query,
// sorted and merged.
type Hit struct {
	Election string
	Section  string
	// Kind is KindSentence, KindRow, KindItem, KindFact or KindPoll.
	Kind  string
	Text  string
	Score float64
	Marks [][2]int
}

// Search finds the passages that best match q.Text, in q.Election when it
// is set. Words match after folding and stemming; words of five letters
// or more also match with one typo, of eight or more with two. Each hit's
// Marks are the byte ranges of its Text that matched. Scores are bleve's,
// comparable only among the hits of one query.
func (x *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	terms := x.queryTerms(q.Text)
	if len(terms) == 0 {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)

	req := bleve.NewSearchRequestOptions(x.query(q, terms), limit, 0, false)
	req.IncludeLocations = true
	// Equal scores are common (two infobox lines with the one word asked);
	// without a second key bleve returns them in whatever order its
	// segments answered, and the engine's answer would change from one
	// run to the next.
	req.SortBy([]string{"-_score", "_id"})
	res, err := x.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		i, err := strconv.Atoi(h.ID)
		if err != nil || i < 0 || i >= len(x.passages) {
			return nil, fmt.Errorf("search: unknown document %q", h.ID)
		}
		p := x.passages[i]
		hits = append(hits, Hit{
			Election: p.election,
			Section:  p.section,
			Kind:     p.kind,
			Text:     p.text,
			Score:    h.Score,
			Marks:    marks(p.text, h.Locations[fieldText]),
		})
	}
	return hits, nil
}

// A queryTerm is one analysed word of a query, the word as typed
// (folded), and how many typos it may carry.
type queryTerm struct {
	term      string
	word      string
	fuzziness int
}

// queryTerms runs text through the index's analyzer: the typo queries
// are term queries, which bleve does not analyse, so they are given these
// analysed terms.
func (x *Index) queryTerms(text string) []queryTerm {
	if len(text) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var out []queryTerm
	seen := map[string]bool{}
	for _, t := range x.analyzer.Analyze([]byte(text)) {
		term := string(t.Term)
		if seen[term] {
			continue
		}
		seen[term] = true
		out = append(out, queryTerm{term: term, word: surface(text, t), fuzziness: fuzziness(text, t)})
		if len(out) == maxTerms {
			break
		}
	}
	return out
}

// fuzziness allows one typo in words of five letters or more and two in
// words of eight or more, counted on the word as typed, not its stem:
// "dilas", which a keyboard without đ gives, may still find "Đilas",
// while "seats" is two typos from "state" though their stems ("seat",
// "stat") are one apart. Numbers must match exactly: 43.62 is not 43.82.
func fuzziness(text string, t *analysis.Token) int {
	if t.Type == analysis.Numeric {
		return 0
	}
	return typos(utf8.RuneCountInString(surface(text, t)))
}

func typos(letters int) int {
	switch {
	case letters >= 8:
		return 2
	case letters >= 5:
		return 1
	}
	return 0
}

// query asks for passages whose text has the query's words, each word
// spelt as asked or, for a lower score, a typo or two away; passages whose
// paragraph or section has the words too rank higher; and, when asked,
// only passages of one election. Each word is one clause of the
// disjunction, so a passage matching more of the words ranks higher
// however they are spelt. The election is a required clause of no weight:
// a clause, not a filter, because bleve scores every passage a filtered
// query matches before it filters (every election's, at a thousand
// elections most of a search), where a clause lets it skip to the
// election's own; of no weight, so that scores are what they were.
func (x *Index) query(q Query, terms []queryTerm) query.Query {
	b := x.wordsQuery(q, terms)
	if q.Election != "" {
		e := bleve.NewTermQuery(q.Election)
		e.SetField(fieldElection)
		e.SetBoost(0)
		b.AddMust(e)
	}
	return b
}

// wordsQuery asks for the query's words in the passages' text and
// context, spelt as asked or as the words near them in q.Election's
// passages.
func (x *Index) wordsQuery(q Query, terms []queryTerm) *query.BooleanQuery {
	words := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		// The terms are analysed already: term queries take them as they
		// are, where a match query would analyse (and stem) them again.
		exact := bleve.NewTermQuery(t.term)
		exact.SetField(fieldText)
		exact.SetBoost(exactBoost)
		spellings := []query.Query{exact}
		for _, n := range x.near(q.Election, t) {
			f := bleve.NewTermQuery(n.term)
			f.SetField(fieldText)
			f.SetBoost(fuzzyBoost / float64(n.distance))
			spellings = append(spellings, f)
		}
		if len(spellings) == 1 {
			words = append(words, exact)
		} else {
			words = append(words, bleve.NewDisjunctionQuery(spellings...))
		}
	}
	around := bleve.NewMatchQuery(q.Text)
	around.SetField(fieldContext)
	around.Analyzer = analyzerName
	around.SetBoost(contextBoost)

	b := bleve.NewBooleanQuery()
	b.AddMust(bleve.NewDisjunctionQuery(words...))
	b.AddShould(around)
	return b
}

// A nearTerm is an indexed term a query term may be a typo of.
type nearTerm struct {
	term     string
	distance int
}

// near returns the indexed terms of the words of the election's passages
// (every passage's when election is "") within t's fuzziness of the word
// typed, nearest first and at most maxNear of them,
// leaving out t's own term (the exact query has it). Typos are made in
// words, so words are compared, not stems. Distance is
// knowledge.EditDistance, the bot's typo distance, which counts two
// swapped letters as one typo ("turnuot"); bleve's fuzzy query counts them
// as two, and costs a pass over its term dictionary or a Levenshtein
// automaton per query, which took most of a search's time.
func (x *Index) near(election string, t queryTerm) []nearTerm {
	if t.fuzziness == 0 {
		return nil
	}
	n := utf8.RuneCountInString(t.word)
	best := map[string]int{}
	var out []nearTerm
	x.vocabulary.each(election, func(v *vocabularyTerm) {
		if v.runes < n-t.fuzziness || v.runes > n+t.fuzziness || v.term == t.term {
			return
		}
		d := knowledge.EditDistance(t.word, v.word, t.fuzziness)
		if d > t.fuzziness {
			return
		}
		if i, ok := best[v.term]; ok {
			out[i].distance = min(out[i].distance, d)
			return
		}
		best[v.term] = len(out)
		out = append(out, nearTerm{v.term, d})
	})
	slices.SortStableFunc(out, func(a, b nearTerm) int { return a.distance - b.distance })
	return out[:min(len(out), maxNear)]
}

// marks turns bleve's term locations into sorted, merged byte ranges of
// text. The analyzer gives offsets in the original text, so they need no
// mapping; ranges that do not fall on rune boundaries of text are dropped
// rather than trusted.
func marks(text string, locs search.TermLocationMap) [][2]int {
	var out [][2]int
	for _, ls := range locs {
		for _, l := range ls {
			s, e := int(l.Start), int(l.End)
			if s < 0 || e > len(text) || s >= e || !boundary(text, s) || !boundary(text, e) {
				continue
			}
			out = append(out, [2]int{s, e})
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	merged := out[:0]
	for _, m := range out {
		if n := len(merged); n > 0 && m[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], m[1])
			continue
		}
		merged = append(merged, m)
	}
	if len(merged) == 0 {
		return nil
	}
	return merged
}

// boundary reports whether byte i of s starts a rune (or ends s).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
