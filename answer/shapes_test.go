package answer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// answerer loads a test article of another shape (knowledge/testdata).
func answerer(t testing.TB, article string) *Answerer {
	t.Helper()
	e, err := qa.LoadElection("../knowledge/testdata/articles/" + article + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return New([]*knowledge.Election{e}, nil, nil)
}

// TestScope checks the contest and round a question is read to be about:
// by its words ("mayoral", "council", "run-off", "drugom krugu"), by the
// candidate it names, else the main contest.
func TestScope(t *testing.T) {
	tests := []struct {
		article, question string
		kind              knowledge.ContestKind
		round             int
	}{
		{"osijek-2019", "What was the turnout?", knowledge.ContestAssembly, 0},
		{"osijek-2019", "When was the mayoral run-off?", knowledge.ContestMayor, 2},
		{"osijek-2019", "What was the turnout for the City Assembly?", knowledge.ContestAssembly, 0},
		{"osijek-2019", "How many votes did Radić get in the run-off?", knowledge.ContestMayor, 2},
		{"osijek-2019", "How many votes did the Independent list of Marija Kovačević get?", knowledge.ContestAssembly, 0},
		{"ohrid-2019", "How many votes did Arben Rexhepi get?", knowledge.ContestMayor, 0},
		{"ohrid-2019", "What was the turnout in the second round?", knowledge.ContestMayor, 2},
		{"ohrid-2019", "How many votes did Levica get for the council?", knowledge.ContestAssembly, 0},
		{"slovenia-presidential-2020", "Ko je pobedio u drugom krugu?", knowledge.ContestPresident, 2},
		{"slovenia-presidential-2020", "Who won the first round?", knowledge.ContestPresident, 1},
		{"montenegro-referendum-2017", "Did the referendum pass?", knowledge.ContestReferendum, 0},
	}
	for _, tt := range tests {
		t.Run(tt.article+"/"+tt.question, func(t *testing.T) {
			q := answerer(t, tt.article).analyse(tt.question, lang.En)
			if q.scope.c == nil || q.scope.c.Kind != tt.kind || q.scope.round != tt.round {
				t.Errorf("scope(%q) = %v round %d; want %s round %d", tt.question, q.scope.c, q.scope.round, tt.kind, tt.round)
			}
		})
	}
}

// TestShapeRoutes checks which rule decides the questions only elections
// of other shapes ask.
func TestShapeRoutes(t *testing.T) {
	tests := []struct {
		article, question, rule string
		verdict                 verdict
	}{
		{"slovenia-presidential-2020", "Who won the first round?", "a contest of candidates", done},
		{"slovenia-presidential-2020", "Which candidates went through to the run-off?", "a contest of candidates", done},
		{"slovenia-presidential-2020", "How many seats did Vidmar's party win?", "seats of a candidate", done},
		{"slovenia-presidential-2020", "How many seats did the opposition win?", "seats where none were at stake", toPassages},
		{"slovenia-presidential-2020", "How many votes did Igor Marn get?", "a person who is no candidate", toPassages},
		{"slovenia-presidential-2020", "What was the turnout in Celje?", "a place within the election", toPassages},
		{"slovenia-presidential-2020", "What was the turnout in the second round?", "the election as a whole", done},
		{"croatia-presidential-2018", "Ko je pobedio na predsedničkim izborima?", "a contest of candidates", done},
		{"serbia-parliamentary-2018", "How many seats are there in the National Assembly?", "the election as a whole", done},
		{"serbia-parliamentary-2018", "How many polling stations were there?", "the election as a whole", toPassages},
		{"montenegro-referendum-2017", "What did the referendum ask?", "a referendum", done},
		{"montenegro-referendum-2017", "How many people voted No?", "a referendum", done},
		{"montenegro-referendum-2017", "Was the turnout threshold met?", "a referendum", done},
		{"montenegro-referendum-2017", "Where was turnout highest?", "a place within the election", toPassages},
		{"osijek-2019", "What did the polls say about the mayoral race?", "the election as a whole", done},
		{"osijek-2019", "How many votes did Kovačević get in Tenja?", "a place within the election", toPassages},
	}
	for _, tt := range tests {
		t.Run(tt.article+"/"+tt.question, func(t *testing.T) {
			a := answerer(t, tt.article)
			_, v, rule := a.route(a.analyse(tt.question, lang.En))
			if rule != tt.rule || v != tt.verdict {
				t.Errorf("route(%q) = %q, %v; want %q, %v", tt.question, rule, v, tt.rule, tt.verdict)
			}
		})
	}
}

// TestOptionAsked checks that a referendum's options are read from the
// words of voting, and that "no" elsewhere is no option.
func TestOptionAsked(t *testing.T) {
	a := answerer(t, "montenegro-referendum-2017")
	tests := []struct{ question, want string }{
		{"How many people voted No?", "No"},
		{"What share voted Yes?", "Yes"},
		{"How many votes were in favour?", "Yes"},
		{"What percentage voted against?", "No"},
		{"Koliko je glasova bilo za?", "Yes"},
		{"Was there no quorum?", ""},
		{"What was the turnout?", ""},
	}
	for _, tt := range tests {
		got := ""
		if o := a.analyse(tt.question, lang.En).option; o != nil {
			got = o.Name
		}
		if got != tt.want {
			t.Errorf("optionAsked(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
}

// TestOpponents checks whom a candidate faced: the other finalist of the
// run-off, or, for a candidate out before it, the first round's field.
func TestOpponents(t *testing.T) {
	a := answerer(t, "serbia-presidential-2015")
	tests := []struct {
		question  string
		l         lang.Lang
		want, not string
	}{
		{"Who did Ćuk face in the second round?", lang.En, "Milan Žić", "Đokić"},
		{"Who was Žić's opponent?", lang.En, "Dragana Ćuk", "Đokić"},
		{"Who did Đokić run against?", lang.En, "Nikola Rašić", ""},
		{"Ko je bio protivkandidat Žića u drugom krugu?", lang.Sr, "sastali", "Đokić"},
	}
	for _, tt := range tests {
		got := a.Answer(context.Background(), tt.question, tt.l).Plain()
		if !strings.Contains(got, tt.want) || (tt.not != "" && strings.Contains(got, tt.not)) {
			t.Errorf("Answer(%q) = %q; want %q and no %q", tt.question, got, tt.want, tt.not)
		}
	}
}

// TestRejectiveReferendum: a law falls only when the votes against reach
// a share of the registered voters; a No majority short of it leaves the
// law standing.
func TestRejectiveReferendum(t *testing.T) {
	article := func(against string) string {
		return "= 2019 Test referendum =\n\nInfobox\n- Type: referendum\n- Date: 9 June 2019\n- Question: Are you in favour of the Act?\n\n" +
			"Of the 1,000,000 registered voters, 30.00% took part; 100,000 voted in favour (34.48%) and " + against + " against (65.52%).\n\n" +
			"==Rules==\nA law is rejected if a majority of those who vote are against it and the votes against amount to at least one fifth (20%) of all registered voters.\n"
	}
	tests := []struct{ against, want string }{
		{"210,000", "rejected"},
		{"190,000", "stands"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "test-referendum-2019.txt")
		if err := os.WriteFile(path, []byte(article(tt.against)), 0o644); err != nil {
			t.Fatal(err)
		}
		e, err := qa.LoadElection(path)
		if err != nil {
			t.Fatal(err)
		}
		got := New([]*knowledge.Election{e}, nil, nil).Answer(context.Background(), "Did the law pass?", lang.En).Plain()
		if !strings.Contains(got, tt.want) {
			t.Errorf("Answer(Did the law pass?) with %s against = %q; want %q", tt.against, got, tt.want)
		}
	}
}

// TestPassageOverStructure: a structured answer gives way to a passage
// that holds the question's words it leaves out, and a question about
// what happened after the election is answered from the aftermath.
func TestPassageOverStructure(t *testing.T) {
	tests := []struct{ article, question, want, not string }{
		{"slovenia-referendum-2019", "How many signatures were needed to call the referendum?", "40,000", "one fifth"},
		{"slovenia-referendum-2019", "What was needed to reject the law?", "one fifth", "signatures"},
		{"cacak-2020", "When was the threshold lowered to 3%?", "February 2020", ""},
		{"cacak-2020", "What was the threshold?", "3%", "February"},
		{"zadar-2017", "Who formed the majority after the election?", "SDP – HNS and Most", ""},
		{"zadar-2017", "Which party joined the city government after the election?", "Most joined", "2014"},
	}
	for _, tt := range tests {
		got := answerer(t, tt.article).Answer(context.Background(), tt.question, lang.En).Plain()
		if !strings.Contains(got, tt.want) || (tt.not != "" && strings.Contains(got, tt.not)) {
			t.Errorf("Answer(%q) = %q; want %q and no %q", tt.question, got, tt.want, tt.not)
		}
	}
}

// TestPartyNamedOtherwise: a passage that names a party by its leader
// answers a question that names it by its abbreviation, and the last
// poll is the one of the latest fieldwork, wherever the table lists it.
func TestPartyNamedOtherwise(t *testing.T) {
	a := answerer(t, "slovenia-parliamentary-2016")
	tests := []struct{ question, want string }{
		{"Which parties formed the government with the SDS?", "New Slovenia"},
		{"What did the last Mediana poll give the SDS?", "27.5"},
		{"Which parties failed to pass the threshold?", "Pirate Party"},
	}
	for _, tt := range tests {
		if got := a.Answer(context.Background(), tt.question, lang.En).Plain(); !strings.Contains(got, tt.want) {
			t.Errorf("Answer(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
}

// TestYearInProse: a year that is no loaded election is answered from a
// passage that tells of it, in the words of what is asked; "the 2013
// election" and a figure no passage gives are another article's.
func TestYearInProse(t *testing.T) {
	a := answerer(t, "zadar-2017")
	tests := []struct{ question, want string }{
		{"Who was voted out as mayor in 2013?", "Vrančić"},
		{"What was the turnout in 2013?", "no article about the 2013 election"},
		{"Who won the 2013 election?", "no article about the 2013 election"},
	}
	for _, tt := range tests {
		if got := a.Answer(context.Background(), tt.question, lang.En).Plain(); !strings.Contains(got, tt.want) {
			t.Errorf("Answer(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
}

// TestReasonsAndRules: reasons and rules in other words than the
// question's ("did not seek a second term, citing his health", "valid
// only if at least 40% ... take part"), a candidate's list named by the
// candidate, and a Serbian question whether a law was adopted.
func TestReasonsAndRules(t *testing.T) {
	tests := []struct {
		article, question string
		l                 lang.Lang
		want              string
	}{
		{"north-macedonia-presidential-2017", "Why didn't Trajkov run again?", lang.En, "health"},
		{"north-macedonia-presidential-2017", "Who did Zeqiri endorse in the run-off?", lang.En, "support him"},
		{"north-macedonia-presidential-2017", "What turnout was needed for the second round to be valid?", lang.En, "40%"},
		{"north-macedonia-presidential-2017", "Was the turnout requirement met in the second round?", lang.En, "47.36%"},
		{"zadar-2017", "Why didn't Perić run again?", lang.En, "minister"},
		{"zadar-2017", "How many seats did Bilić's list win?", lang.En, "9 seats"},
		{"slovenia-referendum-2019", "Da li je zakon usvojen?", lang.Sr, "odbijen"},
	}
	for _, tt := range tests {
		got := answerer(t, tt.article).Answer(context.Background(), tt.question, tt.l).Plain()
		if !strings.Contains(got, tt.want) {
			t.Errorf("Answer(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
}

// TestUnlistedAndMissed: a party no list goes by is answered by a passage
// that names it alone, and "missed the threshold by" by the passage that
// says it "fell below" it.
func TestUnlistedAndMissed(t *testing.T) {
	a := answerer(t, "cacak-2020")
	tests := []struct{ question, want string }{
		{"Did the Democratic Party take part in the election?", "boycotted"},
		{"By how many votes did United Serbia miss the threshold?", "12 votes"},
		{"Did United Serbia win any seats?", "did not pass the 3% threshold"},
	}
	for _, tt := range tests {
		if got := a.Answer(context.Background(), tt.question, lang.En).Plain(); !strings.Contains(got, tt.want) {
			t.Errorf("Answer(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
}

// TestSiblingPassage: in a series of one place's elections, what only an
// older article tells is answered from it, and what none tells is still
// refused.
func TestSiblingPassage(t *testing.T) {
	es, err := qa.LoadElections("../knowledge/testdata/articles/sabac")
	if err != nil {
		t.Fatal(err)
	}
	a := New(es, nil, nil)
	tests := []struct{ question, want string }{
		{"When did Pavlović leave the Democratic Party?", "2014"},
		{"How many votes did Vuk Jeremić get?", "couldn't find"},
	}
	for _, tt := range tests {
		if got := a.Answer(context.Background(), tt.question, lang.En).Plain(); !strings.Contains(got, tt.want) {
			t.Errorf("Answer(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
	if got := answerer(t, "slovenia-parliamentary-2016").Answer(context.Background(), "How are the minority deputies elected?", lang.En).Plain(); !strings.Contains(got, "Borda") {
		t.Errorf("Answer(How are the minority deputies elected?) = %q; want the national communities' Borda count", got)
	}
}

// TestRoundsAndPlaces: whether a round was held, where an option won, and
// a figure of one place from a table of places.
func TestRoundsAndPlaces(t *testing.T) {
	tests := []struct {
		article, question string
		l                 lang.Lang
		want              string
	}{
		{"banja-luka-2016", "Was there a second round?", lang.En, "No: the mayoral election was decided in one round"},
		{"banja-luka-2016", "Da li je bilo drugog kruga?", lang.Sr, "Ne:"},
		{"pula-2015", "Was there a run-off?", lang.En, "Yes: Boris Čuš and Maja Vlahov"},
		{"osijek-2019", "How many invalid ballots were there in the second round of the mayoral election?", lang.En, "1,104"},
		{"zagreb-referendum-2014", "Where did No win?", lang.En, "Sesvete"},
		{"zagreb-referendum-2014", "What share voted Yes in Maksimir?", lang.En, "70.5"},
	}
	for _, tt := range tests {
		got := answerer(t, tt.article).Answer(context.Background(), tt.question, tt.l).Plain()
		if !strings.Contains(got, tt.want) {
			t.Errorf("Answer(%q) = %q; want %q", tt.question, got, tt.want)
		}
	}
}
