package knowledge

import (
	"errors"
	"strings"
	"testing"
)

func mustParse(t *testing.T, text string) *Article {
	t.Helper()
	a, err := Parse("test.txt", strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return a
}

func TestParseTableRowLines(t *testing.T) {
	a := mustParse(t, "= T =\n\n==Polls==\n| Pollster | Date | SNS |\n|---|---|---|\n| Ipsos | 1 May | 40 |\n| CeSID | 2 May | 41 |\n")
	b := a.Sections[1].Blocks[0]
	if got := len(b.Rows); got != 3 {
		t.Fatalf("rows = %d; want 3 (header and two polls, no rule)", got)
	}
	for i, want := range []int{6, 7} {
		if got := b.BodyLine(i); got != want {
			t.Errorf("BodyLine(%d) = %d; want %d", i, got, want)
		}
	}
}

var _ = errors.As
