package index

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/electionbot/electionbot/knowledge"
)

func TestTokenSpans(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // "term@original text"
	}{
		{"latin diacritics", "Dragan Đilas", []string{"dragan@Dragan", "djilas@Đilas"}},
		{"cyrillic", "Драган Ђилас", []string{"dragan@Драган", "djilas@Ђилас"}},
		{"after a multi-byte letter", "Šešelj, Đilas", []string{"seselj@Šešelj", "djilas@Đilas"}},
		{"hyphen splits", "non-confidence", []string{"non@non", "confidence@confidence"}},
		{"decimal point kept", "15.70% of votes", []string{"15.70@15.70", "of@of", "votes@votes"}},
		{"decimal comma read as point", "15,7%", []string{"15.7@15,7"}},
		{"thousands separator dropped", "12,345 votes", []string{"12345@12,345", "votes@votes"}},
		{"inner apostrophe dropped", "rock'n'roll", []string{"rocknroll@rock'n'roll"}},
		{"possessive dropped", "Đilas's party", []string{"djilas@Đilas", "party@party"}},
		{"typographic possessive", "Dačić’s government", []string{"dacic@Dačić", "government@government"}},
		{"soft hyphen joins", "Đi\u00adlas", []string{"djilas@Đi\u00adlas"}},
		{"combining accent", "Die\u0301", []string{"die@Die\u0301"}},
		{"full-width digits", "２０１４", []string{"2014@２０１４"}},
		{"sentence end", "won 63 seats.", []string{"won@won", "63@63", "seats@seats"}},
		{"nothing", " — ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range tokenSpans(tt.in) {
				got = append(got, s.term+"@"+tt.in[s.start:s.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tokenSpans(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

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
		// English stop words go, words are stemmed, numbers are kept whole.
		{"How many seats did the socialists win in 2014?", []string{"mani", "seat", "socialist", "win", "2014"}},
		{"The election was scheduled", []string{"elect", "schedul"}},
		{"15.70 percent", []string{"15.70", "percent"}},
		// A few Serbian function words go too.
		{"Koliko mandata je osvojio SNS", []string{"koliko", "mandata", "osvojio", "sn"}},
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

func FuzzTokenSpans(f *testing.F) {
	for _, s := range []string{"Dragan Đilas", "Ђилас", "15.70%", "12,345", "Đilas's", "rock'n'roll",
		"Đi\u00adlas", "a\u0301b", "\xff\xfeĐ", "1,2345", "x'", "'s", "ъ", "Ǆ ǅ ǆ İ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := tokenSpans(s)
		runes := runeBoundaries(s)
		prev := 0
		for _, sp := range spans {
			if sp.start < prev || sp.start >= sp.end || sp.end > len(s) {
				t.Fatalf("tokenSpans(%q): span %d..%d out of order or bounds", s, sp.start, sp.end)
			}
			if !runes[sp.start] || !runes[sp.end] {
				t.Fatalf("tokenSpans(%q): span %d..%d splits a rune", s, sp.start, sp.end)
			}
			if sp.term == "" || !utf8.ValidString(sp.term) {
				t.Fatalf("tokenSpans(%q): bad term %q", s, sp.term)
			}
			prev = sp.end
		}
		// Without apostrophes (where the possessive rule differs) the
		// terms are exactly what the rest of the bot compares.
		if !strings.Contains(knowledge.Fold(s), "'") {
			var got []string
			for _, sp := range spans {
				got = append(got, sp.term)
			}
			if want := knowledge.FoldTokens(s); !slices.Equal(got, want) {
				t.Fatalf("tokenSpans(%q) terms = %q; want knowledge.FoldTokens %q", s, got, want)
			}
		}
		// The tokenizer must hold the same for bleve.
		toks := foldTokenizer{}.Tokenize([]byte(s))
		for i, tok := range toks {
			if tok.Position != i+1 || (tok.Type == analysis.Numeric) != tok.KeyWord {
				t.Fatalf("Tokenize(%q)[%d] = %v; want position %d, numbers as keywords", s, i, tok, i+1)
			}
		}
	})
}

// runeBoundaries returns the offsets where s's runes start as Go decodes
// them (an invalid byte is a rune of its own), and len(s).
func runeBoundaries(s string) map[int]bool {
	out := map[int]bool{len(s): true}
	for i := range s {
		out[i] = true
	}
	return out
}
