package knowledge

import (
	"strings"
	"testing"
)

func TestStemAndTerm(t *testing.T) {
	tests := []struct{ in, stem, term string }{
		{"elections", "election", "election"},
		{"parties", "party", "party"},
		{"won", "win", "win"},
		{"scheduled", "schedul", "schedul"},
		{"held", "hold", "schedul"}, // "hold" and "call" an election: scheduled
		{"called", "call", "schedul"},
		{"councillors", "councillor", "seat"},
		{"ballots", "ballot", "vote"},
		{"must", "must", "need"}, // "must be nominated" is what a candidate needs
		{"socialists", "socialist", "socialist"},
		{"democrats", "democrat", "democrat"},
		{"izbora", "izbora", "election"},
		{"mandata", "mandata", "seat"},
		{"gradonacelnik", "gradonacelnik", "mayor"},
		{"vladan", "vladan", "government"}, // why names are compared by Stem
		{"sns", "sns", "sns"},              // too short to lose its "s"
		{"djilas", "djila", "djila"},
		{"2014", "2014", "2014"},
		// Verbs and their forms meet: running is standing, pulling out is
		// withdrawing, a requirement is a need.
		{"running", "run", "run"},
		{"ran", "run", "run"},
		{"stood", "stand", "run"},
		{"stopped", "stop", "stop"},
		{"called", "call", "schedul"}, // "ll" stays
		{"withdrew", "withdraw", "withdraw"},
		{"pulled", "pull", "withdraw"},
		{"required", "requir", "need"},
		{"ousted", "oust", "defeat"},
		{"signatures", "signatur", "nomin"},
		{"signed", "sign", "nomin"},
		{"nominated", "nominat", "nomin"},
		{"nomination", "nomin", "nomin"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.stem {
			t.Errorf("Stem(%q) = %q; want %q", tt.in, got, tt.stem)
		}
		if got := Term(tt.in); got != tt.term {
			t.Errorf("Term(%q) = %q; want %q", tt.in, got, tt.term)
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
		{"vladan", "vladimir", false},
		{"tomislav", "borislav", false},
	}
	for _, tt := range tests {
		if got := TokenSimilar(tt.q, tt.n); got != tt.want {
			t.Errorf("TokenSimilar(%q, %q) = %v; want %v", tt.q, tt.n, got, tt.want)
		}
	}
}

func TestPhrases(t *testing.T) {
	tests := []struct{ in, want string }{
		{"candidates had to collect signatures", "candidates need collect signatures"},
		{"who was voted out as mayor", "who was defeat as mayor"},
		{"he stepped down in may", "he resign in may"},
		{"who had the most seats", "who had the most seats"},
		{"had", "had"},
		{"won the run off", "won the runoff"},
		{"in the second round", "in the second round runoff"},
		{"did not seek re election", "did not run"},
		{"if the registered voters take part", "if the registered voters take part turnout"},
		{"those who took part in the government", "those who took part in the government"},
		{"which had fallen below the threshold", "which had miss the threshold"},
	}
	for _, tt := range tests {
		if got := strings.Join(Phrases(strings.Fields(tt.in)), " "); got != tt.want {
			t.Errorf("Phrases(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSynonymStems(t *testing.T) {
	tests := []struct{ term, want string }{
		{"support", "endors endorsement"},
		{"withdraw", "pull withdrawal"},
		{"election", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(SynonymStems(tt.term), " "); got != tt.want {
			t.Errorf("SynonymStems(%q) = %q; want %q", tt.term, got, tt.want)
		}
	}
}
