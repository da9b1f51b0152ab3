package index

import (
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/electionbot/electionbot/knowledge"
)

// Names of the analysis components in the index mapping.
const (
	analyzerName   = "electionbot"
	tokenizerName  = "electionbot_fold"
	stemmerName    = "electionbot_stem"
	serbianStopMap = "electionbot_stop_sr_words"
	serbianStop    = "electionbot_stop_sr"
)

// serbianStopWords are the commonest Serbian function words, folded (the
// stop filter runs after folding). English ones come from bleve's stop_en.
var serbianStopWords = []any{
	"i", "u", "na", "je", "da", "se", "su", "za", "od", "sa", "iz", "do",
	"po", "o", "a", "ali", "ili", "li", "kao", "koji", "koja", "koje", "sto",
	"bio", "bila", "bilo", "biti", "ce", "bi",
}

// bleve resolves tokenizers and token filters by name from its
// process-wide registry, so the folding tokenizer and the stemmer have to
// be registered there once; they hold no state.
func init() {
	err := registry.RegisterTokenizer(tokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return foldTokenizer{}, nil
	})
	if err == nil {
		err = registry.RegisterTokenFilter(stemmerName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
			return stemFilter{}, nil
		})
	}
	if err != nil {
		panic(err)
	}
}

// addAnalyzer registers electionbot's one analyzer in m: the folding
// tokenizer (knowledge.TokenSpans), English and Serbian stop words, then
// knowledge.Stem, the stemmer the name matcher and the question answerer
// build on. The index does not translate Serbian words or merge synonyms
// as the answerer does (knowledge.Term): a search for "government" must
// not mark "Vladimir".
//
// Folding happens in the tokenizer rather than in a char filter: a char
// filter would hand bleve the folded text, whose byte offsets no longer
// match the article ("Đilas" is 6 bytes, "djilas" 6, "Ђилас" 10), and the
// term locations bleve reports would mark the wrong letters. The tokenizer
// folds each rune and remembers where it came from, so every token carries
// its offsets in the original text. Fold already lower-cases, so there is
// no lower-case filter.
func addAnalyzer(m *mapping.IndexMappingImpl) error {
	if err := m.AddCustomTokenizer(tokenizerName, map[string]any{"type": tokenizerName}); err != nil {
		return err
	}
	if err := m.AddCustomTokenMap(serbianStopMap, map[string]any{"type": tokenmap.Name, "tokens": serbianStopWords}); err != nil {
		return err
	}
	if err := m.AddCustomTokenFilter(serbianStop, map[string]any{"type": stop.Name, "stop_token_map": serbianStopMap}); err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []any{en.StopName, serbianStop, stemmerName},
	})
}

// foldTokenizer splits text into the words knowledge.Tokens finds in
// knowledge.Fold(text), with each token's Start and End in the unfolded
// input. It also drops a trailing possessive "'s" ("Đilas's" -> "djilas").
type foldTokenizer struct{}

func (foldTokenizer) Tokenize(input []byte) analysis.TokenStream {
	spans := knowledge.TokenSpans(string(input))
	// The tokens and their terms are made in one piece each, not one
	// allocation per word: a thousand articles' passages are some ten
	// million words. Each term's capacity ends where it does, so a
	// filter that appends to one cannot write over the next.
	out := make(analysis.TokenStream, len(spans))
	tokens := make([]analysis.Token, len(spans))
	size := 0
	for _, s := range spans {
		size += len(s.Term)
	}
	terms := make([]byte, 0, size)
	for i, s := range spans {
		typ, numeric := analysis.AlphaNumeric, isNumber(s.Term)
		if numeric {
			typ = analysis.Numeric
		}
		start := len(terms)
		terms = append(terms, s.Term...)
		tokens[i] = analysis.Token{
			Start:    s.Start,
			End:      s.End,
			Term:     terms[start:len(terms):len(terms)],
			Position: i + 1,
			Type:     typ,
			// Numbers are not words: the stemmer must leave "2014" alone.
			KeyWord: numeric,
		}
		out[i] = &tokens[i]
	}
	return out
}

// isNumber reports whether a term is digits with decimal points.
func isNumber(term string) bool {
	for _, r := range term {
		if r != '.' && !unicode.IsDigit(r) {
			return false
		}
	}
	return term != ""
}

// stemFilter stems every word with knowledge.Stem; numbers are keywords
// and stay as they are.
type stemFilter struct{}

func (stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if !t.KeyWord {
			// A word the stemmer leaves as it is keeps its bytes.
			w := string(t.Term)
			if st := knowledge.Stem(w); st != w {
				t.Term = []byte(st)
			}
		}
	}
	return input
}
