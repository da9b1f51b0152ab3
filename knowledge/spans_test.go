package knowledge

import (
	"slices"
	"testing"
	"unicode/utf8"
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
			for _, s := range TokenSpans(tt.in) {
				got = append(got, s.Term+"@"+tt.in[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("TokenSpans(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzTokenSpans checks that every word's place lies within the text, in
// order, on rune boundaries, and that its term is valid UTF-8.
func FuzzTokenSpans(f *testing.F) {
	for _, s := range []string{"Dragan Đilas", "Ђилас", "15.70%", "12,345", "Đilas's", "rock'n'roll",
		"Đi\u00adlas", "a\u0301b", "\xff\xfeĐ", "1,2345", "x'", "'s", "ъ", "Ǆ ǅ ǆ İ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := map[int]bool{len(s): true}
		for i := range s {
			runes[i] = true
		}
		prev := 0
		for _, sp := range TokenSpans(s) {
			if sp.Start < prev || sp.Start >= sp.End || sp.End > len(s) {
				t.Fatalf("TokenSpans(%q): span %d..%d out of order or bounds", s, sp.Start, sp.End)
			}
			if !runes[sp.Start] || !runes[sp.End] {
				t.Fatalf("TokenSpans(%q): span %d..%d splits a rune", s, sp.Start, sp.End)
			}
			if sp.Term == "" || !utf8.ValidString(sp.Term) {
				t.Fatalf("TokenSpans(%q): bad term %q", s, sp.Term)
			}
			prev = sp.End
		}
		if got, want := Tokens(s), Tokens(Fold(s)); !slices.Equal(got, want) {
			t.Fatalf("Tokens(%q) = %q but Tokens(Fold) = %q", s, got, want)
		}
	})
}
