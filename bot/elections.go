package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// pick chooses the election a command is about: the election option, a
// year or place among the arguments, or the newest. It returns the
// arguments without the words that chose it.
func (c *call) pick() (*knowledge.Election, string, *Response) {
	lib := c.lib
	if len(lib.Elections) == 0 {
		r := Response{Text: "No election articles are loaded, so I have nothing to answer from.", Outcome: Refused}
		return nil, "", &r
	}
	if c.p.options != nil {
		sel := c.p.options[OptionElection]
		if sel == "" {
			return lib.Elections[0], "", nil
		}
		e, missing := selectElection(lib.Elections, sel)
		if e == nil {
			r := notLoaded(lib.Elections, missing, sel)
			return nil, "", &r
		}
		return e, "", nil
	}
	e, rest, missing := electionIn(lib.Elections, c.p.args, true)
	if missing != "" {
		r := notLoaded(lib.Elections, missing, "")
		return nil, "", &r
	}
	if e == nil {
		e = lib.Elections[0]
	}
	return e, rest, nil
}

// selectElection matches an election option: an ID, a year, or words of
// the title.
func selectElection(es []*knowledge.Election, sel string) (*knowledge.Election, string) {
	for _, e := range es {
		if strings.EqualFold(sel, e.ID) || knowledge.Fold(sel) == knowledge.Fold(e.Title) {
			return e, ""
		}
	}
	e, rest, missing := electionIn(es, sel, true)
	if e != nil && strings.TrimSpace(rest) == "" {
		return e, ""
	}
	if missing == "" {
		missing = sel
	}
	return nil, missing
}

// electionIn finds the election a text names by year or place. It returns
// the election (nil when the text names none), the text without those
// words, and what the text named that is not loaded ("2018", "Novi Sad").
// Place words are only taken out of command arguments when several
// elections are loaded; in questions they stay for the answerer.
func electionIn(es []*knowledge.Election, text string, strip bool) (*knowledge.Election, string, string) {
	words := strings.Fields(text)
	var keep []string
	var year int
	for _, w := range words {
		if y, ok := yearToken(w); ok {
			year = y
			continue
		}
		keep = append(keep, w)
	}
	candidates := es
	if year != 0 {
		candidates = nil
		for _, e := range es {
			if e.Year == year {
				candidates = append(candidates, e)
			}
		}
		if len(candidates) == 0 {
			return nil, text, strconv.Itoa(year)
		}
	}
	rest := strings.Join(keep, " ")
	if len(es) > 1 {
		best, bestN := (*knowledge.Election)(nil), 0
		for _, e := range candidates {
			if n := placeWords(e, rest); n > bestN {
				best, bestN = e, n
			}
		}
		if best != nil {
			if strip {
				rest = removePlace(best, rest)
			}
			return best, rest, ""
		}
	}
	if year != 0 {
		return candidates[0], rest, ""
	}
	return nil, rest, ""
}

// yearToken reads a four-digit year between 1900 and 2100, with trailing
// punctuation ("2014?").
func yearToken(w string) (int, bool) {
	w = strings.TrimRight(knowledge.Fold(w), "?!.,;:)'s")
	w = strings.TrimLeft(w, "(")
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

// placeWords counts the distinctive words of an election's place that a
// text contains.
func placeWords(e *knowledge.Election, text string) int {
	toks := knowledge.FoldTokens(text)
	n := 0
	for _, pw := range knowledge.FoldTokens(e.Place) {
		if genericPlaceWord[pw] {
			continue
		}
		for _, t := range toks {
			if t == pw || knowledge.TokenSimilar(t, pw) {
				n++
				break
			}
		}
	}
	return n
}

var genericPlaceWord = map[string]bool{"city": true, "assembly": true, "local": true, "parliamentary": true,
	"presidential": true, "general": true, "municipal": true, "national": true, "council": true, "the": true,
	"of": true, "and": true, "provincial": true, "regional": true}

func removePlace(e *knowledge.Election, text string) string {
	place := map[string]bool{}
	for _, pw := range knowledge.FoldTokens(e.Place) {
		place[pw] = true
	}
	var keep []string
	for _, w := range strings.Fields(text) {
		toks := knowledge.FoldTokens(w)
		if len(toks) == 1 && place[toks[0]] {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// notLoaded answers a request about an election the bot does not have:
// a year ("2018") or what the user typed as the election.
func notLoaded(es []*knowledge.Election, missing, sel string) Response {
	what := missing
	if what == "" {
		what = sel
	}
	about := "an election matching " + quote(what)
	if _, ok := yearToken(what); ok {
		about = "the " + what + " election"
	}
	return Response{
		Text:    fmt.Sprintf("I have no article about %s loaded, so I can't answer that. Loaded: %s.", about, electionNames(es)),
		Outcome: Refused,
	}
}

func (c *call) elections() Response {
	if len(c.lib.Elections) == 0 {
		return Response{Text: "No election articles are loaded.", Outcome: Refused}
	}
	var fields []Field
	for i, e := range c.lib.Elections {
		v := []string{}
		if e.Date != nil {
			v = append(v, e.Date.Text)
		}
		v = append(v, "id "+e.ID)
		if i == 0 {
			v = append(v, "the default")
		}
		fields = append(fields, Field{Name: e.Title, Value: strings.Join(v, " · ")})
	}
	text := "1 election is loaded."
	if len(c.lib.Elections) > 1 {
		text = fmt.Sprintf("%d elections are loaded; commands take a year or place to pick one (/seats 2014), the newest by default.", len(c.lib.Elections))
	}
	return Response{Title: "Loaded elections", Text: text, Fields: fields, Outcome: Answered}
}
