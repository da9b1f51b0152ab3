package index

import (
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// tokensOf analyses text as the index does.
func tokensOf(t testing.TB, text string) analysis.TokenStream {
	t.Helper()
	_, an, err := mappingAndAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	return an.Analyze([]byte(text))
}

func TestTokenFrequenciesAsBleve(t *testing.T) {
	texts := []string{
		"",
		"turnout",
		"The Socialist Party of Serbia won 25 seats; the party's list was led by Ivica Dačić, and the party lost seats.",
		"Đilas Đilas Đilas djilas Ђилас",
		strings.Repeat("seats votes seats ", 50),
	}
	options := []bleveindex.FieldIndexingOptions{textOptions, contextOptions, keywordOptions,
		bleveindex.IndexField | bleveindex.IncludeTermVectors | bleveindex.SkipFreqNorm}
	for _, text := range texts {
		for _, o := range options {
			t.Run(text+"/"+o.String(), func(t *testing.T) {
				tokens := tokensOf(t, text)
				got, want := tokenFrequencies(tokens, o), analysis.TokenFrequency(tokens, nil, o)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("tokenFrequencies(%q, %v) = %v; want %v", text, o, got, want)
				}
			})
		}
	}
}

// FuzzTokenFrequencies checks tokenFrequencies against bleve's
// TokenFrequency on any text, with and without term vectors.
func FuzzTokenFrequencies(f *testing.F) {
	f.Add("The Socialist Party of Serbia won 25 seats; the party lost seats.")
	f.Add("a a a b")
	_, an, err := mappingAndAnalyzer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tokens := an.Analyze([]byte(text))
		for _, o := range []bleveindex.FieldIndexingOptions{textOptions, contextOptions} {
			if got, want := tokenFrequencies(tokens, o), analysis.TokenFrequency(tokens, nil, o); !reflect.DeepEqual(got, want) {
				t.Errorf("tokenFrequencies(%q, %v) = %v; want %v", text, o, got, want)
			}
		}
	})
}
