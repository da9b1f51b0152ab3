package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/electionbot/electionbot/knowledge"
)

func analyze(t *testing.T, text string) []string {
	t.Helper()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tok := range m.AnalyzerNamed(analyzerName).Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

func TestAnalyzer(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// Every spelling of one name is one term.
		{"Đilas", []string{"djila"}},
		{"Djilas", []string{"djila"}},
		{"ĐILAS", []string{"djila"}},
		{"Ђилас", []string{"djila"}},
		// English stop words go, words are stemmed by knowledge.Stem
		// (irregular forms too), numbers are kept whole.
		{"How many seats did the socialists win in 2014?", []string{"many", "seat", "socialist", "win", "2014"}},
		{"The elections were scheduled", []string{"election", "schedul"}},
		{"The SNS won", []string{"sns", "win"}},
		{"15.70 percent", []string{"15.70", "percent"}},
		// A few Serbian function words go too.
		{"Koliko mandata je osvojio SNS", []string{"koliko", "mandata", "osvojio", "sns"}},
		{"Колико мандата је освојила ДС", []string{"koliko", "mandata", "osvojila", "ds"}},
	}
	for _, tt := range tests {
		if got := analyze(t, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("analyze(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestAnalyzerOffsets checks that analysed tokens, stemmed or not, still
// point at the original words.
func TestAnalyzerOffsets(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	text := "Ђилас lost a non-confidence motion"
	var got []string
	for _, tok := range m.AnalyzerNamed(analyzerName).Analyze([]byte(text)) {
		got = append(got, text[tok.Start:tok.End])
	}
	want := []string{"Ђилас", "lost", "non", "confidence", "motion"}
	if !slices.Equal(got, want) {
		t.Errorf("analysed words of %q = %q; want %q", text, got, want)
	}
}

// FuzzTokenize checks bleve's view of the folding tokenizer: tokens in
// order within the text, numbered from 1, numbers kept from the stemmer,
// and the terms the rest of the bot compares.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Dragan Đilas", "Ђилас", "15.70%", "12,345", "Đilas's", "\xff\xfeĐ", "Ǆ ǅ ǆ İ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := foldTokenizer{}.Tokenize([]byte(s))
		var terms []string
		prev := 0
		for i, tok := range toks {
			if tok.Start < prev || tok.Start >= tok.End || tok.End > len(s) {
				t.Fatalf("Tokenize(%q)[%d] spans %d..%d: out of order or bounds", s, i, tok.Start, tok.End)
			}
			if tok.Position != i+1 || (tok.Type == analysis.Numeric) != tok.KeyWord {
				t.Fatalf("Tokenize(%q)[%d] = %v; want position %d, numbers as keywords", s, i, tok, i+1)
			}
			prev = tok.End
			terms = append(terms, string(tok.Term))
		}
		if want := knowledge.FoldTokens(s); !slices.Equal(terms, want) {
			t.Fatalf("Tokenize(%q) terms = %q; want knowledge.FoldTokens %q", s, terms, want)
		}
	})
}
