package chart

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/lang"
)

func TestDisplayable(t *testing.T) {
	r := New()
	tests := []struct{ in, want string }{
		// Latin diacritics and Cyrillic are in the Go fonts: kept.
		{"Đilas", "Đilas"},
		{"Šešelj", "Šešelj"},
		{"Mlađan Dinkić", "Mlađan Dinkić"},
		{"Ђилас — Вучић", "Ђилас — Вучић"},
		// Letters the fonts lack fall back to their folded form.
		{"List ٣", "List 3"},
		{"a\u200bb", "ab"},
		// Nothing to fall back to: kept, and drawn as a box.
		{"選挙", "選挙"},
	}
	for _, tt := range tests {
		if got := r.displayable(tt.in); got != tt.want {
			t.Errorf("displayable(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFit(t *testing.T) {
	c := New().canvas(lang.En)
	c.font(18, false)
	long := "Coalition of the Extremely Long Names of Central and Eastern Europe"
	for _, w := range []float64{20, 80, 175, 330} {
		got := c.fit(long, w)
		if c.measure(got) > w {
			t.Errorf("fit(%q, %v) = %q, %.1f wide; want at most %v", long, w, got, c.measure(got), w)
		}
		if !strings.HasSuffix(got, ellipsis) {
			t.Errorf("fit(%q, %v) = %q; want it to end in %q", long, w, got, ellipsis)
		}
	}
	if got := c.fit("SNS", 100); got != "SNS" {
		t.Errorf("fit(%q, 100) = %q; want it unchanged", "SNS", got)
	}
}

func TestWrap(t *testing.T) {
	c := New().canvas(lang.En)
	c.font(16, false)
	label := `"Nina Media" research agency and TV Prva, early 2014`
	for _, w := range []float64{60, 150, 300, 1000} {
		got := c.wrap(label, w, 2)
		if len(got) == 0 || len(got) > 2 {
			t.Fatalf("wrap(%q, %v, 2) = %q; want 1 or 2 lines", label, w, got)
		}
		for _, line := range got {
			if c.measure(line) > w {
				t.Errorf("wrap(%q, %v, 2) has %q, %.1f wide; want at most %v", label, w, line, c.measure(line), w)
			}
		}
	}
	if got := c.wrap(label, 1000, 2); len(got) != 1 || got[0] != label {
		t.Errorf("wrap(%q, 1000, 2) = %q; want the label on one line", label, got)
	}
}
