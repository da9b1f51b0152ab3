package knowledge

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"elections", "election"},
		{"parties", "party"},
		{"won", "win"},
		{"scheduled", "schedul"},
		{"held", "schedul"}, // "hold" and "call" an election: scheduled
		{"called", "schedul"},
		{"councillors", "seat"},
		{"ballots", "vote"},
		{"socialists", "socialist"},
		{"democrats", "democrat"},
		{"izbora", "election"},
		{"mandata", "seat"},
		{"gradonacelnik", "mayor"},
		{"sns", "sns"}, // too short to lose its "s"
		{"djilas", "djila"},
		{"2014", "2014"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestStemSimilarNames checks that names compare through the one stemmer:
// plurals and Serbian case endings match, a different name does not.
func TestStemSimilarNames(t *testing.T) {
	tests := []struct {
		q, n string
		want bool
	}{
		{"socialists", "socialist", true},
		{"democrats", "democratic", true},
		{"djilasa", "djilas", true},
		{"kostunice", "kostunica", true},
		{"nikolic", "nikola", false},
		{"tomislav", "borislav", false},
	}
	for _, tt := range tests {
		if got := TokenSimilar(tt.q, tt.n); got != tt.want {
			t.Errorf("TokenSimilar(%q, %q) = %v; want %v", tt.q, tt.n, got, tt.want)
		}
	}
}
