package knowledge

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The first TokenSpans, kept as the reference the faster one must agree
// with on every input (FuzzTokenSpansReference).

// foldRunes folds s rune by rune, keeping each folded rune's origin.
// Runes that fold to nothing (invisible characters, combining marks,
// invalid bytes) leave no rune, so they join the letters around them as
// they do after Fold; a mark stays inside the word it accents.
func foldRunesReference(s string) []foldedRune {
	out := make([]foldedRune, 0, len(s))
	var buf []rune
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			i++
			continue
		}
		buf = foldRune(buf[:0], r)
		if len(buf) == 0 && len(out) > 0 && out[len(out)-1].end == i {
			out[len(out)-1].end = i + w
		}
		for _, fr := range buf {
			out = append(out, foldedRune{fr, i, i + w})
		}
		i += w
	}
	return out
}

// TokenSpans splits a text into folded words with their places in it:
// runs of letters and digits, inner apostrophes dropped ("it's" -> "its"),
// a possessive "'s" dropped ("Vučić's" -> "vucic"), decimal points kept
// between digits ("15.70", "15,7" -> "15.7") and thousands separators
// dropped ("12,345" -> "12345"). The search index marks matches with the
// places; everything else compares the words.
func tokenSpansReference(s string) []TokenSpan {
	rs := foldRunesReference(s)
	var out []TokenSpan
	var cur strings.Builder
	start, end := 0, 0
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, TokenSpan{cur.String(), start, end})
			cur.Reset()
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i].r
		switch {
		case isWordRuneReference(r):
			if cur.Len() == 0 {
				start = rs[i].start
			}
			cur.WriteRune(r)
			end = rs[i].end
		case (r == '\'' || r == '.' || r == ',') && cur.Len() > 0 && i+1 < len(rs):
			prev, next := rs[i-1].r, rs[i+1].r
			if r == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(next) {
				if next == 's' && (i+2 == len(rs) || !isWordRuneReference(rs[i+2].r)) {
					flush()
					i++ // the possessive's "s"
				}
				continue
			}
			if r != '\'' && unicode.IsDigit(prev) && unicode.IsDigit(next) {
				if r == ',' && thousandsGroupReference(rs[i+1:]) {
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

func isWordRuneReference(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// thousandsGroup reports whether rs starts with exactly three digits.
func thousandsGroupReference(rs []foldedRune) bool {
	n := 0
	for n < len(rs) && unicode.IsDigit(rs[n].r) {
		n++
	}
	return n == 3
}

func FuzzTokenSpansReference(f *testing.F) {
	for _, s := range []string{"Dragan Đilas", "Ђилас", "15.70%", "12,345", "Đilas's", "rock'n'roll",
		"Đi\u00adlas", "a\u0301b", "\xff\xfeĐ", "1,2345", "x'", "'s", "ъ", "Ǆ ǅ ǆ İ ß", "It's 1,234,567.5 ＳＮＳ٤٣ e\u0301 x'y's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := TokenSpans(s), tokenSpansReference(s)
		if !slices.Equal(got, want) {
			t.Fatalf("TokenSpans(%q) = %v; want %v (the reference)", s, got, want)
		}
		if toks := Tokens(s); len(toks) != len(want) {
			t.Fatalf("Tokens(%q) = %q; want the terms of %v", s, toks, want)
		}
	})
}

func TestTokenSpansAgreeOnTheArticles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range append(files, "../data/belgrade-2014.txt") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if got, want := TokenSpans(line), tokenSpansReference(line); !slices.Equal(got, want) {
				t.Errorf("TokenSpans(%q) = %v; want %v", line, got, want)
			}
		}
	}
}

func BenchmarkTokenSpans(b *testing.B) {
	data, err := os.ReadFile("../data/belgrade-2014.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	b.Run("now", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				TokenSpans(l)
			}
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				tokenSpansReference(l)
			}
		}
	})
}
