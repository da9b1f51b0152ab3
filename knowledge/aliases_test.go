package knowledge

import (
	"strings"
	"testing"
)

func TestAliasColours(t *testing.T) {
	a, err := ParseAliases("aliases.tsv", strings.NewReader(`# comment | #123456 is no field
ZS | Zelena stranka | Green Party | #2E8B57 # a trailing comment
NP | Narodna partija | People's Party | #12345G is a comment
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Entries[0].Names; len(got) != 2 {
		t.Errorf("names = %q; want the two names without the colour", got)
	}
	if got := a.Entries[1].Names; len(got) != 2 || got[1] != "People's Party" {
		t.Errorf("names = %q; want the comment cut at a '#' that is no colour", got)
	}
	tests := []struct{ name, want string }{
		{"ZS", "#2E8B57"},
		{"green party", "#2E8B57"},
		{"Zelena  stranka", "#2E8B57"},
		{"NP", ""},
		{"Green", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := a.Colour(tt.name); got != tt.want {
			t.Errorf("Colour(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
	var nilAliases *Aliases
	if got := nilAliases.Colour("ZS"); got != "" {
		t.Errorf("nil Colour(ZS) = %q; want \"\"", got)
	}
}
