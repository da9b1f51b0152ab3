package answer

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/lang"
)

// TestForeignQualifier checks that a party name differing from a list's
// by the word that says whose or where it is finds no list, and that the
// list's own name, in English or Serbian, still finds it.
func TestForeignQualifier(t *testing.T) {
	tests := []struct {
		question, want string // want "" for no contestant
	}{
		{"How many votes did the Green Party of Serbia get?", ""},
		{"How many seats did the Socialist Party of Vojvodina win?", ""},
		{"Koliko mandata je osvojila Zelena stranka Srbije?", ""},
		{"How many votes did the Green Party of Vojvodina get?", "Green Party of Vojvodina"},
		{"How many seats did the Socialist Party of Serbia win?", "Socialist Party of Serbia"},
		{"Koliko mandata je osvojila Socijalistička partija Srbije?", "Socialist Party of Serbia"},
		{"How many seats did the Democratic Party of Serbia win?", "Democratic Party of Serbia"},
		{"How many seats did the Alliance of Vojvodina Hungarians win?", "Alliance of Vojvodina Hungarians"},
	}
	a := answerer(t, "sombor-2004")
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := a.analyse(tt.question, lang.En)
			got := ""
			if len(q.ents) > 0 {
				got = q.ents[0].Name
			}
			if got != tt.want {
				t.Errorf("ents(%q) = %q; want %q", tt.question, got, tt.want)
			}
		})
	}
}

// TestTableSuperlative checks the row a question after the highest or
// lowest figure of a table of places reads, and that a table of parties is
// no table of places.
func TestTableSuperlative(t *testing.T) {
	tests := []struct {
		article, question, want string // want "" when the rule passes
	}{
		{"vojvodina-referendum-2011", "Which municipality had the highest turnout?", "Sremska Mitrovica"},
		{"vojvodina-referendum-2011", "Where was turnout lowest?", "Vršac"},
		{"vojvodina-referendum-2011", "Where was the No vote strongest?", "Kikinda"},
		{"vojvodina-referendum-2011", "Which municipality cast the most Yes votes?", "Novi Sad"},
		{"vojvodina-referendum-2011", "U kojoj opštini je izlaznost bila najveća?", "Sremska Mitrovica"},
		{"vojvodina-referendum-2011", "What was the turnout?", ""},
		{"sombor-2004", "Which party won the most seats?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := answerer(t, tt.article)
			q := a.analyse(tt.question, lang.En)
			r, v := tableSuperlative(a, q)
			if tt.want == "" {
				if v != next {
					t.Errorf("tableSuperlative(%q) = %q; want no answer", tt.question, r.Text)
				}
				return
			}
			if v != done || !strings.Contains(r.Text, tt.want) {
				t.Errorf("tableSuperlative(%q) = %q; want %q", tt.question, r.Text, tt.want)
			}
		})
	}
}
