package knowledge

import (
	"slices"
	"testing"
)

func TestEnrichAliases(t *testing.T) {
	aliases := testAliases(t)
	tests := []struct {
		ballot  string
		abbrevs []string
	}{
		{"Aleksandar Vučić — Future we believe in (SNS, SDPS, NS, SPO, PS)", []string{"SNS", "SDPS", "NS", "SPO", "PS"}},
		{"Democratic Party of Serbia - Vojislav Koštunica", []string{"DSS"}},
		{"With the Democratic Party for a democratic Belgrade - Dragan Đilas", []string{"DS"}},
		{"With the Democratic Party of Dragan Đilas", []string{"DS"}},
		{"Democratic Party of Socialists", nil},
		{"Social Democrats – Ivan Brajović", nil},
		{"Socialists", []string{"SPS"}},
		{"Boris Tadić — New Democratic Party — Greens — Together for Serbia", []string{"NDS", "ZZS"}},
		{"Dosta je bilo — Saša Radulović", []string{"DJB"}},
		{"League of Social Democrats of Vojvodina — Novi Sad is Vojvodina", []string{"LSV"}},
		{"Dveri — Vladan Glišić", nil},
		{"Александар Вучић — Зато што волимо Вождовац (СНС, СДПС, НС)", []string{"SNS", "SDPS", "NS"}},
		{"Ivica Dačić — SPS–PUPS–JS", []string{"SPS", "PUPS", "JS"}},
		{"Together for Šumadija (ZZŠ)", []string{"ZZŠ"}},
		{"GEPS for Belgrade — Prof. Dr Jovan Filipović", []string{"GEPS"}},
		{"Patriotism in parliament — 1389 — Miša Vacić", nil},
	}
	for _, tt := range tests {
		t.Run(tt.ballot, func(t *testing.T) {
			c := &Contestant{BallotName: tt.ballot, Name: tt.ballot}
			enrich(c, aliases)
			if !slices.Equal(c.Abbrevs, tt.abbrevs) {
				t.Errorf("enrich(%q).Abbrevs = %q; want %q", tt.ballot, c.Abbrevs, tt.abbrevs)
			}
		})
	}
}

func TestMembers(t *testing.T) {
	tests := []struct {
		ballot string
		want   []string
	}{
		{"Aleksandar Vučić — Future we believe in (SNS, SDPS, NS, SPO, PS)", []string{"SNS", "SDPS", "NS", "SPO", "PS"}},
		{"Ivica Dačić — Socialist Party of Serbia (SPS) — United Serbia (JS) — Dragan Marković Palma", []string{"SPS", "JS"}},
		{"United Reform Action (URA)", nil},
		{"Dveri — Vladan Glišić", nil},
		{"Broken (SNS, DS", nil},
	}
	for _, tt := range tests {
		if got := members(tt.ballot); !slices.Equal(got, tt.want) {
			t.Errorf("members(%q) = %q; want %q", tt.ballot, got, tt.want)
		}
	}
}

func TestAcronym(t *testing.T) {
	tests := []struct{ seg, want string }{
		{"United Regions of Serbia", "URS"},
		{"Democratic Front", "DF"},
		{"Social Democrats", "SD"},
		{"Party of Russians", ""},
		{"Future we believe in", ""},
		{"SNS coalition", ""},
		{"Greens", ""},
		{"Democratic Party of Serbia", "DPS"},
	}
	for _, tt := range tests {
		if got := acronym(tt.seg); got != tt.want {
			t.Errorf("acronym(%q) = %q; want %q", tt.seg, got, tt.want)
		}
	}
}
