package knowledge

import (
	"strings"
	"testing"
)

func TestHeading(t *testing.T) {
	a, err := Parse("t.txt", strings.NewReader("= 2019 Test election =\n\nInfobox\n- Seats For Election: 41\n\nLead text.\n\n==Results==\nText.\n\n===Mayor===\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := Extract(a, nil)
	read := &Election{Title: e.Title} // read back from a snapshot: no article
	tests := []struct{ name, want, wantRead string }{
		{"Results", "Results", "Results"},
		{"Mayor", "Mayor", "Mayor"},
		{"Mayor (infobox)", "Mayor", "Mayor"},
		{"Results (computed from the votes)", "Results", "Results"},
		{SectionInfobox, "", ""},
		{SectionLead, "", ""},
		{"Aftermath", "", "Aftermath"},
		{"  ", "", ""},
	}
	for _, tt := range tests {
		if got := e.Heading(tt.name); got != tt.want {
			t.Errorf("Heading(%q) = %q; want %q", tt.name, got, tt.want)
		}
		if got := read.Heading(tt.name); got != tt.wantRead {
			t.Errorf("Heading(%q) without the article = %q; want %q", tt.name, got, tt.wantRead)
		}
	}
}
