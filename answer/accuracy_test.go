package answer

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
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
		// The distinguishing word may come before the words that match.
		{"How many seats did the Progressive Renewal Movement win?", ""},
		{"How many votes did the Social Party of Serbia get?", ""},
		// Serbian writes a name's later words in lower case.
		{"Koliko mandata je osvojio Radikalni front?", ""},
		{"Koliko glasova je dobila Zelena stranka socijalista?", ""},
	}
	a := answerer(t, "sombor-2004")
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := a.analyse(tt.question, lang.Detect(tt.question, lang.En))
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
		{"backa-palanka-referendum-2009", "Where was the No vote strongest?", "Obrovac had the highest share of No votes: 45.09%"},
		{"backa-palanka-referendum-2009", "Which local community cast the most No votes?", "Bačka Palanka had the highest number of No votes: 2,210"},
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

// TestOutcomeOf checks which sentences state how a referendum ended.
func TestOutcomeOf(t *testing.T) {
	tests := []struct {
		sentence     string
		passed, isOK bool
	}{
		{"The referendum failed.", false, true},
		{"The referendum was declared invalid because fewer than half of the registered voters took part.", false, true},
		{"The proposal did not succeed.", false, true},
		{"Referendum nije uspeo jer je izlaznost bila ispod 50%.", false, true},
		{"The referendum passed with 60% of the vote.", true, true},
		{"Voters were asked whether they supported the law passed by the Parliament in May 2017.", false, false},
		{"Although the statute won a majority of the votes cast, it was approved by no one.", false, false},
		{"26,790 ballots were invalid.", false, false},
		{"The referendum was unsuccessful.", false, true},
		{"The initiative was successful.", true, true},
		{"Referendum nije bio uspešan.", false, true},
		{"The proposal was not successful.", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			passed, ok := outcomeOf(knowledge.FoldTokens(tt.sentence))
			if passed != tt.passed || ok != tt.isOK {
				t.Errorf("outcomeOf(%q) = %v, %v; want %v, %v", tt.sentence, passed, ok, tt.passed, tt.isOK)
			}
		})
	}
}

// TestShareBeside checks the share the prose writes beside a count.
func TestShareBeside(t *testing.T) {
	tests := []struct {
		text, count, want string
	}{
		{"Of the ballots cast, 612,408 (53.9%) were for the statute.", "612,408", "53.9%"},
		{"Yes won 53,9% (612,408 votes).", "612,408", "53.9%"},
		{"In all 1,612,408 (53.9%) voted.", "612,408", ""},
		{"612,408 voted for it.", "612,408", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got, _ := shareBeside(tt.text, tt.count); got != tt.want {
				t.Errorf("shareBeside(%q, %q) = %q; want %q", tt.text, tt.count, got, tt.want)
			}
		})
	}
}

// TestStanceAsked checks the side a question asks who took, and that a
// count of votes, an opponent or an office takes none.
func TestStanceAsked(t *testing.T) {
	tests := []struct {
		question string
		want     stance
	}{
		{"Which parties campaigned against the statute?", stanceAgainst},
		{"Who campaigned for a Yes vote?", stanceFor},
		{"Which party called for a boycott?", stanceBoycott},
		{"Did the Democratic Party support the statute?", stanceFor},
		{"Koje stranke su bile protiv statuta?", stanceAgainst},
		{"Ko je pozvao na bojkot?", stanceBoycott},
		{"How many voted against?", noStance},
		{"Koji procenat glasača je glasao za?", noStance},
		{"Who ran against Radić?", noStance},
		{"Ko je izabran za gradonačelnika?", noStance},
		{"Which party did Nikola Pavelić stand for?", noStance},
	}
	a := answerer(t, "vojvodina-referendum-2011")
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if got := a.analyse(tt.question, lang.En).stance; got != tt.want {
				t.Errorf("stance(%q) = %v; want %v", tt.question, got, tt.want)
			}
		})
	}
}

// TestStancesIn checks the sides a passage takes: "for" by what it is
// for, a count of votes none.
func TestStancesIn(t *testing.T) {
	tests := []struct {
		text string
		want stance
		has  bool
	}{
		{"The SRS opposed it and called for a No vote.", stanceAgainst, true},
		{"The SRS opposed it and called for a No vote.", stanceFor, false},
		{"The SVM campaigned for the statute.", stanceFor, true},
		{"Dveri called on its supporters to boycott the referendum.", stanceFor, false},
		{"Dveri called on its supporters to boycott the referendum.", stanceBoycott, true},
		{"612,408 (53.9%) were for the statute and 497,002 (43.7%) against.", stanceAgainst, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := stancesIn(knowledge.FoldTokens(tt.text))[tt.want]; got != tt.has {
				t.Errorf("stancesIn(%q)[%v] = %v; want %v", tt.text, tt.want, got, tt.has)
			}
		})
	}
}

// TestCandidatesOfKind checks counts of independent and party candidates,
// named, and that a question not after a kind passes.
func TestCandidatesOfKind(t *testing.T) {
	tests := []struct {
		article, question string
		want              []string // nil when the rule passes
	}{
		{"sombor-2004", "How many independent candidates ran for mayor?", []string{"2 of the 6", "Ivana Petrović", "Dušan Mileker"}},
		{"sombor-2004", "How many mayoral candidates were nominated by parties?", []string{"4 of the 6", "Ružica Tot"}},
		{"osijek-2019", "How many independent candidates were there?", []string{"2 of the 5", "Goran Tomić"}},
		{"sombor-2004", "How many candidates stood for mayor?", nil},
		{"sombor-2004", "Was Ivana Petrović an independent candidate?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := answerer(t, tt.article)
			r, v := candidatesOfKind(a, a.analyse(tt.question, lang.En))
			if tt.want == nil {
				if v != next {
					t.Errorf("candidatesOfKind(%q) = %q; want no answer", tt.question, r.Text)
				}
				return
			}
			for _, w := range tt.want {
				if v != done || !strings.Contains(r.Text, w) {
					t.Errorf("candidatesOfKind(%q) = %q; want %q", tt.question, r.Text, w)
				}
			}
		})
	}
}

// TestRulingSeats checks the seats of the majority formed after an
// election: summed from the lists the prose names, as the prose states
// them, a list's own majority, or "does not say".
func TestRulingSeats(t *testing.T) {
	tests := []struct {
		article, question, want string
	}{
		{"sombor-2004", "How many seats did the ruling coalition have?", "26 of the 45"},
		{"slovenia-parliamentary-2016", "How many seats did the governing coalition have?", "47 of the 90"},
		{"vozdovac-2013", "How many seats did the ruling majority hold?", "32 of the 55"},
		{"novi-sad-2020", "How many seats did the ruling coalition have?", "51 of the 78"},
		{"osijek-2019", "How many seats did the ruling coalition have?", "does not say"},
		{"sombor-2004", "How many seats did the opposition have?", "19 of the 45"},
		{"novi-sad-2020", "How many seats did the opposition have?", "27 of the 78"},
	}
	for _, tt := range tests {
		t.Run(tt.article+"/"+tt.question, func(t *testing.T) {
			a := answerer(t, tt.article)
			r, v := rulingSeats(a, a.analyse(tt.question, lang.En))
			if v != done || !strings.Contains(r.Text, tt.want) {
				t.Errorf("rulingSeats(%q) = %q; want %q", tt.question, r.Text, tt.want)
			}
		})
	}
}

// TestPlaceRow checks a place's figure read from a table of places, in
// any Serbian case, and that a question naming no row is left to the
// other rules.
func TestPlaceRow(t *testing.T) {
	tests := []struct {
		question, want string // want "" when the rule passes
	}{
		{"What was the turnout in Novi Sad?", "68.4%"},
		{"How many No votes were cast in Sombor?", "24,118"},
		{"What share voted Yes in Kikinda?", "46.99%"},
		{"Kolika je izlaznost bila u Kikindi?", "57.3%"},
		{"Koliko je glasova bilo protiv u Vršcu?", "11,230"},
		{"What was the turnout?", ""},
		{"What was the turnout in Belgrade?", ""},
	}
	a := answerer(t, "vojvodina-referendum-2011")
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := a.analyse(tt.question, lang.Detect(tt.question, lang.En))
			r, v := placeRow(a, q)
			if tt.want == "" {
				if v != next {
					t.Errorf("placeRow(%q) = %q; want no answer", tt.question, r.Text)
				}
				return
			}
			if v != done || !strings.Contains(r.Text, tt.want) {
				t.Errorf("placeRow(%q) = %q; want %q", tt.question, r.Text, tt.want)
			}
		})
	}
}

// TestPlacesWhereOption checks the places where the option a question
// names had more votes than the other.
func TestPlacesWhereOption(t *testing.T) {
	a := answerer(t, "vojvodina-referendum-2011")
	for _, question := range []string{"In which municipalities did a majority vote No?", "U kojim opštinama je većina glasala protiv?"} {
		q := a.analyse(question, lang.Detect(question, lang.En))
		r, v := placesWhereOption(a, q)
		if v != done || !strings.Contains(r.Text, "Sombor") || !strings.Contains(r.Text, "Kikinda") || strings.Contains(r.Text, "Novi Sad") {
			t.Errorf("placesWhereOption(%q) = %q; want Sombor and Kikinda only", question, r.Text)
		}
	}
	q := a.analyse("What was the turnout?", lang.En)
	if r, v := placesWhereOption(a, q); v != next {
		t.Errorf("placesWhereOption(turnout) = %q; want no answer", r.Text)
	}
}
