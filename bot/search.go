package bot

import (
	"unicode/utf8"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// maxPassages is how many passages /search shows: enough to choose from,
// few enough for one chat message.
const maxPassages = 5

// search answers /search <words> with the best passages, matching words
// marked. It needs the Library's Searcher (the bleve index).
func (c *call) search() Response {
	e, rest, refusal := c.pick()
	if refusal != nil {
		return *refusal
	}
	words := c.option("words", rest)
	if words == "" && c.p.options == nil {
		// "/search 2014": the year that picked the election was also
		// the word to look for.
		words = c.option("words", c.p.args)
	}
	if words == "" || len(knowledge.Tokens(words)) == 0 {
		return c.say.Invalid(lang.SearchWhat)
	}
	if c.lib.Searcher == nil {
		return Response{Text: c.say.T(lang.SearchUnavailable), Outcome: Refused}
	}
	hits, err := c.lib.Searcher.Search(c.ctx, SearchQuery{Text: words, Election: e.ID, Limit: maxPassages})
	if err != nil {
		c.engine.log.Error("search failed", "command", "search", "election", e.ID, "err", err)
		return c.say.Apology()
	}
	var ps []Passage
	for _, h := range hits {
		if h.Election != e.ID || len(ps) == maxPassages {
			continue // a searcher that ignored the election or the limit
		}
		ps = append(ps, Passage{Spans: spans(h.Text, h.Marks), Source: reply.SourceOf(e, h.Section)})
	}
	if len(ps) == 0 {
		return c.say.Refusal(e, c.say.T(lang.SearchNothing, c.say.Quote(words), e.Title))
	}
	return Response{
		Title:    c.say.T(lang.TitleSearch, e.Title),
		Text:     c.say.T(lang.SearchPassages, c.say.Quote(words)),
		Passages: ps,
		Source:   reply.SourceOf(e),
		Outcome:  Answered,
	}
}

// spans cuts text at the marked byte ranges. Marks out of order, out of
// bounds or inside a rune are ignored rather than trusted: a Searcher is
// someone else's code, and a bad cut would garble the passage.
func spans(text string, marks [][2]int) []Span {
	var out []Span
	last := 0
	for _, m := range marks {
		s, e := m[0], m[1]
		if s < last || e <= s || e > len(text) || !utf8.RuneStart(text[s]) || (e < len(text) && !utf8.RuneStart(text[e])) {
			continue
		}
		if s > last {
			out = append(out, Span{Text: text[last:s]})
		}
		out = append(out, Span{Text: text[s:e], Mark: true})
		last = e
	}
	if last < len(text) {
		out = append(out, Span{Text: text[last:]})
	}
	return out
}
