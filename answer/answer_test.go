package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// seed returns the seed election, as the program loads it.
func seed(t testing.TB) *knowledge.Election {
	t.Helper()
	e, err := qa.LoadElection("../data/belgrade-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestQuestionFiles asks every question in plain words of every question
// file of the answerer alone, without the engine or the search index.
func TestQuestionFiles(t *testing.T) {
	qa.EachFile(t, "..", func(t *testing.T, file, article string) {
		es, err := qa.LoadElections(article)
		if err != nil {
			t.Fatal(err)
		}
		a := New(es, nil, nil)
		qa.RunFreeText(t, file, func(q, locale string) string {
			return a.Answer(context.Background(), q, lang.Detect(q, lang.FromLocale(locale))).Plain()
		})
	})
}

// TestRoutes checks which rule decides a question, so that a change to the
// rules' order shows here before it shows in an answer.
func TestRoutes(t *testing.T) {
	a := New([]*knowledge.Election{seed(t)}, nil, nil)
	tests := []struct {
		question string
		rule     string
		verdict  verdict
	}{
		{"How many seats did DS win in 2012?", "one or more parties", done},
		{"Who won in 2012?", "a year of the previous election", toPassages},
		{"Who won the 2012 election?", "a year of the previous election", done},
		{"What was the turnout in 2010?", "a year no article is about", toPassages},
		{"What was the turnout in the 2010 election?", "a year no article is about", done},
		{"Who won the parliamentary election?", "another kind of election", toPassages},
		{"What was the threshold for minority lists?", "the minority lists' threshold", toPassages},
		{"Who won the next election?", "who wins the next election", done},
		{"Did the SNS win a majority?", "one or more parties", done},
		{"How many more seats did SNS win than DS?", "one or more parties", done},
		{"Tell me about the DS", "one or more parties", done},
		{"What was the sample size of the Nina Media poll?", "polls' sample sizes", done},
		{"What did Nina Media find?", "a pollster's polls", done},
		{"What was the turnout?", "the election as a whole", done},
		{"How many seats were there?", "the election as a whole", done},
		{"Who came second?", "the election as a whole", done},
		{"When were the final results proclaimed?", "the election as a whole", toPassages},
		{"Why was the election called early?", "why", toPassages},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := a.analyse(tt.question, lang.En)
			_, v, rule := a.route(q)
			if rule != tt.rule || v != tt.verdict {
				t.Errorf("route(%q) = %q, %v; want %q, %v", tt.question, rule, v, tt.rule, tt.verdict)
			}
		})
	}
}

// TestDetect checks the intent the cue table reads from a question, in
// English and Serbian, with typos.
func TestDetect(t *testing.T) {
	tests := []struct {
		question string
		ent, el  attr
	}{
		{"How many seats did the SNS win?", attrSeats, attrNone},
		{"Koliko mandata je osvojio SPS?", attrSeats, attrNone},
		{"What was the turnout?", attrNone, attrTurnout},
		{"kolika je bila izlaznost", attrNone, attrTurnout},
		{"what was the turnuot", attrNone, attrTurnout},
		{"Who carried list 8?", attrCarrier, attrNone},
		{"Who was the mayor before the election?", attrNone, attrMayor},
		{"What was the electoral threshold?", attrNone, attrThreshold},
		{"How many lists stood?", attrNone, attrListCount},
		{"What did the polls say about DS?", attrPolls, attrNone},
		{"What percentage did DSS get?", attrShare, attrNone},
		{"Who won?", attrNone, attrWinner},
		{"Did the Pirate Party enter the National Assembly?", attrNone, attrPassed},
		{"Who pulled out of the race?", attrNone, attrNone},
		{"Who did Ćuk face?", attrNone, attrOpponent},
	}
	for _, tt := range tests {
		q := &question{in: detect(knowledge.FoldTokens(tt.question))}
		q.weigh()
		if q.ent != tt.ent || q.el != tt.el {
			t.Errorf("detect(%q) = party intent %d, election intent %d; want %d, %d", tt.question, q.ent, q.el, tt.ent, tt.el)
		}
	}
}

// TestEveryIntentIsAnswered checks that each intent the cues can name is
// answered somewhere: by the party table, the election table, the rounds'
// figures, the candidates' table, or a rule.
func TestEveryIntentIsAnswered(t *testing.T) {
	byRule := map[attr]bool{attrPolls: true, attrWinner: true, attrRank: true, attrDifference: true, attrNone: true,
		attrQuestion: true, attrOutcome: true, attrRequirement: true}
	seen := map[attr]bool{}
	for _, c := range cueTable {
		seen[c.a] = true
	}
	for a := range seen {
		_, party := partyIntents[a]
		_, election := electionIntents[a]
		_, round := roundFacts[a]
		_, candidates := candidateIntents[a]
		if !party && !election && !round && !candidates && !byRule[a] {
			t.Errorf("intent %d has cues but no answer", a)
		}
	}
}

func TestAnswerWithoutElections(t *testing.T) {
	a := New(nil, nil, nil)
	if r := a.Answer(context.Background(), "Who won?", lang.En); r.Text == "" || r.Outcome.String() != "refused" {
		t.Errorf("Answer with nothing loaded = %+v; want a refusal", r)
	}
	if r := a.Answer(context.Background(), " ?! ", lang.En); r.Outcome.String() != "user_error" {
		t.Errorf("Answer(punctuation) = %+v; want a user error", r)
	}
}

// TestHowManyNeedsACount checks that a "how many" question is not
// answered by a passage whose only number is a year.
func TestHowManyNeedsACount(t *testing.T) {
	text := "= 2019 Testville local election =\n\nThe Social Democrats won the mayoralty, the first time the party had held it since 2005.\n\nThe Greens won 12 seats in the council.\n"
	a, err := knowledge.Parse("testville-2019.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	ans := New([]*knowledge.Election{knowledge.Extract(a, nil)}, nil, nil)
	if r := ans.Answer(context.Background(), "How many seats did the socialists win?", lang.En); r.Outcome.String() != "refused" {
		t.Errorf("Answer(how many seats, socialists) = %q; want a refusal: the only number about them is a year", r.Text)
	}
	if r := ans.Answer(context.Background(), "How many seats did the Greens win?", lang.En); !strings.Contains(r.Text, "12 seats") {
		t.Errorf("Answer(how many seats, Greens) = %q; want the 12 seats", r.Text)
	}
}
