package knowledge

import (
	"strings"
	"testing"
)

func TestContainsSpaced(t *testing.T) {
	for _, tc := range []struct {
		f, w string
		want bool
	}{
		{" city assembly election ", "assembly", true},
		{" city assembly election ", "city assembly", true},
		{" city assemblyman ", "assembly", false},
		{" subassembly ", "assembly", false},
		{" assembly ", "assembly", true},
		{"assembly", "assembly", false},
		{" mayor mayoral ", "mayoral", true},
		{" mayoralmayor mayor ", "mayor", true},
		{" a  b ", "", true},
		{" a b ", "", false},
		{"", "mayor", false},
	} {
		t.Run(tc.f+"/"+tc.w, func(t *testing.T) {
			if got := containsSpaced(tc.f, tc.w); got != tc.want {
				t.Errorf("containsSpaced(%q, %q) = %v; want %v", tc.f, tc.w, got, tc.want)
			}
		})
	}
}

// FuzzContainsSpaced checks containsSpaced and indexSpaced against the
// string they save making.
func FuzzContainsSpaced(f *testing.F) {
	f.Add(" city assembly election ", "assembly")
	f.Add(" aa a ", "a")
	f.Add("  ", "")
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := containsSpaced(s, w), strings.Contains(s, " "+w+" "); got != want {
			t.Errorf("containsSpaced(%q, %q) = %v; want %v", s, w, got, want)
		}
		if got, want := indexSpaced(s, w), strings.Index(s, " "+w+" "); got != want {
			t.Errorf("indexSpaced(%q, %q) = %v; want %v", s, w, got, want)
		}
	})
}
