package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
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

// bleve resolves tokenizers by name from its process-wide registry, so the
// folding tokenizer has to be registered there once; it holds no state.
func init() {
	err := registry.RegisterTokenizer(tokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return foldTokenizer{}, nil
	})
	if err != nil {
		panic(err)
	}
}

// addAnalyzer registers electionbot's one analyzer in m: the folding
// tokenizer, English and Serbian stop words, then the Porter stemmer.
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
		"token_filters": []any{en.StopName, serbianStop, porter.Name},
	})
}

// foldTokenizer splits text into the words knowledge.Tokens finds in
// knowledge.Fold(text), with each token's Start and End in the unfolded
// input. It also drops a trailing possessive "'s" ("Đilas's" -> "djilas").
type foldTokenizer struct{}

func (foldTokenizer) Tokenize(input []byte) analysis.TokenStream {
	spans := tokenSpans(string(input))
	out := make(analysis.TokenStream, len(spans))
	for i, s := range spans {
		typ, numeric := analysis.AlphaNumeric, isNumber(s.term)
		if numeric {
			typ = analysis.Numeric
		}
		out[i] = &analysis.Token{
			Start:    s.start,
			End:      s.end,
			Term:     []byte(s.term),
			Position: i + 1,
			Type:     typ,
			// Numbers are not words: the stemmer must leave "2014" alone.
			KeyWord: numeric,
		}
	}
	return out
}

// A span is one token: its folded term and its byte range in the original.
type span struct {
	term       string
	start, end int
}

// foldedRune is one rune of the folded text and the byte range of the
// original rune it came from ("đ" gives 'd' and 'j', both from one range).
type foldedRune struct {
	r          rune
	start, end int
}

// foldRunes folds s rune by rune, exactly as knowledge.Fold folds the whole
// (Fold has no rule that looks at neighbouring runes), keeping each folded
// rune's origin. Runes that fold to nothing (invisible characters,
// combining marks, invalid bytes) leave no rune, so they join the letters
// around them as they do after Fold.
func foldRunes(s string) []foldedRune {
	out := make([]foldedRune, 0, len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, foldedRune{r, i, i + w})
		case r != utf8.RuneError:
			f := knowledge.Fold(s[i : i+w])
			if f == "" && len(out) > 0 && out[len(out)-1].end == i {
				// A combining accent or soft sign belongs to the letter
				// before it: a mark must not cut it off.
				out[len(out)-1].end = i + w
			}
			for _, fr := range f {
				out = append(out, foldedRune{fr, i, i + w})
			}
		}
		i += w
	}
	return out
}

// tokenSpans mirrors knowledge.Tokens over the folded runes of s: runs of
// letters and digits, inner apostrophes dropped, decimal points kept and
// thousands separators dropped between digits.
func tokenSpans(s string) []span {
	rs := foldRunes(s)
	var out []span
	var cur strings.Builder
	start, end := 0, 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, span{cur.String(), start, end})
			cur.Reset()
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i].r
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if cur.Len() == 0 {
				start = rs[i].start
			}
			cur.WriteRune(r)
			end = rs[i].end
		case (r == '\'' || r == '.' || r == ',') && cur.Len() > 0 && i+1 < len(rs):
			prev, next := rs[i-1].r, rs[i+1].r
			if r == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(next) {
				if next == 's' && (i+2 == len(rs) || !isWordRune(rs[i+2].r)) {
					flush()
					i++ // the possessive's "s"
				}
				continue
			}
			if r != '\'' && unicode.IsDigit(prev) && unicode.IsDigit(next) {
				if r == ',' && thousandsGroup(rs[i+1:]) {
					continue
				}
				cur.WriteRune('.')
				continue
			}
			flush()
		default:
			flush()
		}
	}
	flush()
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// thousandsGroup reports whether rs starts with exactly three digits.
func thousandsGroup(rs []foldedRune) bool {
	n := 0
	for n < len(rs) && unicode.IsDigit(rs[n].r) {
		n++
	}
	return n == 3
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
