package reply

import (
	"testing"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// TestWhere checks that a round of a contest is named in the case its
// slot needs, in every language.
func TestWhere(t *testing.T) {
	mayor := &knowledge.Contest{Kind: knowledge.ContestMayor, Title: "Mayoral election"}
	council := &knowledge.Contest{Kind: knowledge.ContestAssembly, Title: "City Council"}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"english round of a contest", In(lang.En).WhereIn(Where{Contest: mayor, Round: 2}), "in the second round of the mayoral election"},
		{"english contest", In(lang.En).WhereFor(Where{Contest: council}), "for the City Council election"},
		{"english nothing", In(lang.En).WhereIn(Where{}), ""},
		{"serbian round of a contest", In(lang.Sr).WhereIn(Where{Contest: mayor, Round: 2}), "u drugom krugu izbora za gradonačelnika"},
		{"serbian contest", In(lang.Sr).WhereIn(Where{Contest: mayor}), "na izborima za gradonačelnika"},
		{"serbian round named", In(lang.Sr).WhereName(Where{Round: 1}), "prvi krug"},
		{"serbian fourth round", In(lang.Sr).WhereIn(Where{Round: 4}), "u 4. krugu"},
		{"serbian about", In(lang.Sr).WhereFor(Where{Round: 3}), "o trećem krugu"},
		{"serbian assembly", In(lang.Sr).Contest(council, Nom), "izbori za skupštinu"},
		{"cyrillic", In(lang.SrCyrl).WhereIn(Where{Contest: mayor, Round: 2}), "у другом кругу избора за градоначелника"},
		{"round label english", In(lang.En).RoundName(&knowledge.Round{Number: 2, Name: "Second round"}), "Second round"},
		{"round label serbian", In(lang.Sr).RoundName(&knowledge.Round{Number: 2, Name: "Second round"}), "2. krug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q; want %q", tt.got, tt.want)
			}
		})
	}
}

// TestContestOutcome checks how a contest's end is said: a winner in the
// decisive round, and a referendum's options in Serbian.
func TestContestOutcome(t *testing.T) {
	a := &knowledge.Contestant{Name: "Ana Anić", Kind: knowledge.KindCandidate}
	b := &knowledge.Contestant{Name: "Ivo Ivić", Kind: knowledge.KindCandidate}
	fig := func(v float64, text string) *knowledge.Figure { return &knowledge.Figure{Value: v, Text: text} }
	pres := &knowledge.Contest{Kind: knowledge.ContestPresident, Contestants: []*knowledge.Contestant{a, b}, Rounds: []*knowledge.Round{
		{Number: 1, Results: []*knowledge.Result{{Name: a.Name, Contestant: a, Share: fig(45, "45%")}, {Name: b.Name, Contestant: b, Share: fig(40, "40%")}}},
		{Number: 2, Results: []*knowledge.Result{{Name: a.Name, Contestant: a, Share: fig(52, "52%"), Votes: fig(1021, "1,021")}, {Name: b.Name, Contestant: b, Share: fig(48, "48%")}}},
	}}
	yes := &knowledge.Contestant{Name: "For", Kind: knowledge.KindOption}
	no := &knowledge.Contestant{Name: "Against", Kind: knowledge.KindOption}
	ref := &knowledge.Contest{Kind: knowledge.ContestReferendum, Contestants: []*knowledge.Contestant{yes, no}, Rounds: []*knowledge.Round{
		{Number: 1, Results: []*knowledge.Result{{Name: "For", Contestant: yes, Votes: fig(60, "60")}, {Name: "Against", Contestant: no, Votes: fig(40, "40")}}},
	}}
	e := &knowledge.Election{Contests: []*knowledge.Contest{pres}}
	tests := []struct {
		name string
		s    Say
		ct   *knowledge.Contest
		want string
	}{
		{"english run-off", In(lang.En), pres, "Ana Anić won the presidential election in the second round, with 52% (1,021 votes)."},
		{"serbian run-off", In(lang.Sr), pres, "Ana Anić je pobednik predsedničkih izbora u drugom krugu, sa 52% (1,021 glas)."},
		{"english referendum", In(lang.En), ref, "The referendum passed: For won 60 votes to 40 votes."},
		{"serbian referendum", In(lang.Sr), ref, "Referendum je prošao: opcija „Za“ dobila je 60 glasova prema 40 glasova."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.ContestOutcome(e, tt.ct); got != tt.want {
				t.Errorf("ContestOutcome = %q; want %q", got, tt.want)
			}
		})
	}
}
