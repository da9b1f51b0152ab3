package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// series loads a test series of one place's elections.
func series(t testing.TB, name string) []*knowledge.Election {
	t.Helper()
	es, err := qa.LoadElections("../knowledge/testdata/articles/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestAcrossKinds checks which kind of question across elections each
// question is read as, so that a change to the order shows here before
// it shows in an answer; "" is a question about one election.
func TestAcrossKinds(t *testing.T) {
	a := New(series(t, "smederevo"), nil, nil)
	tests := []struct{ question, kind string }{
		{"Which election had the highest turnout?", "an election figure at its highest or lowest"},
		{"What was the turnout in 2012 and 2016?", "an election figure in each"},
		{"How many seats did the SNS win in 2012 and in 2016?", "a party's figures in each"},
		{"How many more seats did the SNS win in 2020 than in 2016?", "a party's change between two"},
		{"When did the SNS get its lowest share?", "a party's best or worst"},
		{"Did the SNS win a majority every time?", "a party's majority in each"},
		{"Did the SNS win every election?", "whether a party won each"},
		{"In which elections did Milan Đurić head a list?", "the lists a person headed"},
		{"How did the DSS do over the years?", "a party over the years"},
		{"How did the Pirate Party do over the years?", "a party none of the elections has"},
		{"Who won the 2016 and 2020 elections?", "the winner of each"},
		{"Who became mayor after each election?", "the mayor after each"},
		{"When was each election held?", "the date of each"},
		{"Who carried list 2 in 2012 and 2016?", "each election named on its own"},
		{"Compare the 2016 and 2020 elections", "the elections side by side"},
		{"What was the turnout in 2008 and 2012?", "an election figure in each"},
		{"What was the turnout in 2008 and 2010?", "no election loaded of those named"},
		{"How many seats has the SNS gained since 2012?", "a party's change between two"},
		{"Koja godina je imala najveću izlaznost?", "an election figure at its highest or lowest"},
		{"Which party gained the most seats between 2016 and 2020?", "the party that gained or lost most"},
		{"Did the SNS always win the most seats?", "whether a party won each"},
		{"Which lists did Milica Stojković lead?", "the lists a person headed"},
		{"What was the average turnout?", "an election figure in each"},
		// About one election: the rest of the answerer decides.
		{"What was the turnout?", ""},
		{"What was the turnout in 2016?", ""},
		{"Which party won the most seats?", ""},
		{"Who won more seats, the SNS or the SPS?", ""},
		{"Which poll gave the SNS the highest figure?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			q := a.analyse(tt.question, lang.En)
			got := ""
			if q.across != nil {
				got, _ = q.across.decide(q)
			}
			if got != tt.kind {
				t.Errorf("across kind of %q = %q; want %q", tt.question, got, tt.kind)
			}
		})
	}
}

// TestAcrossNotLoaded: a year no article is about is refused by name,
// never answered from another year.
func TestAcrossNotLoaded(t *testing.T) {
	a := New(series(t, "smederevo"), nil, nil)
	for _, q := range []string{"What was the turnout in 2008 and 2012?", "How many seats did the SNS win in 2018 and 2020?",
		"Did the SNS win a majority in 2010 and 2014?"} {
		r := a.Answer(context.Background(), q, lang.En)
		if r.Outcome.String() != "refused" || !strings.Contains(r.Text, "no article about the") {
			t.Errorf("Answer(%q) = %v %q; want a refusal naming the year", q, r.Outcome, r.Text)
		}
	}
}

// TestSingleElectionThroughHistory: a party the election's own names
// miss is found through its history ("SNS" for the list its mayor
// carried), for a question about that election alone.
func TestSingleElectionThroughHistory(t *testing.T) {
	a := New(series(t, "smederevo"), nil, nil)
	got := a.Answer(context.Background(), "How many seats did the SNS win in 2024?", lang.En).Plain()
	if !strings.Contains(got, "41 seats") || !strings.Contains(got, "Smederevo Must Not Stop") {
		t.Errorf("Answer(SNS in 2024) = %q; want the 41 seats of Smederevo Must Not Stop", got)
	}
}

// TestSingleElectionNotThroughGuesses: a party followed into an election
// only by a guess (a shared leader) is not what its name means there.
func TestSingleElectionNotThroughGuesses(t *testing.T) {
	a := New(series(t, "kraljevo"), nil, nil)
	r := a.Answer(context.Background(), "How many seats did the DS win in 2018?", lang.En)
	if r.Outcome.String() != "refused" || strings.Contains(r.Text, "14") {
		t.Errorf("Answer(DS in 2018) = %v %q; want a refusal, not the 14 seats of the list its leader carried", r.Outcome, r.Text)
	}
}

// TestAcrossPreviousYear: a year not loaded that a loaded article calls
// its previous election is refused by name, and the seats that article
// gives for it are quoted as that article's.
func TestAcrossPreviousYear(t *testing.T) {
	a := New(series(t, "smederevo"), nil, nil)
	r := a.Answer(context.Background(), "How many seats did the SNS win in 2008 and 2012?", lang.En)
	for _, want := range []string{"no article about the 2008 election", "24 seats", "The 2012 article gives SNS coalition 10 seats at the previous election, in 2008"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("Answer(SNS in 2008 and 2012) = %q; want %q in it", r.Text, want)
		}
	}
}
