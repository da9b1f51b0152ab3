package bot_test

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// oddArticles are articles of the new shapes with something odd about
// them: what the bot says must still be clear and true.
var oddArticles = map[string]string{
	// A referendum the article gives no numbers for.
	"no-numbers-referendum-2019.txt": `= 2019 Tivat independence referendum =

Infobox
- Election Name: 2019 Tivat independence referendum
- Type: referendum
- Date: 3 March 2019
- Question: Should the municipality of Tivat leave the Bay Association?

A referendum on leaving the Bay Association was held in Tivat on 3 March 2019. The proposal was approved by a large majority, and the municipality left the association at the end of the year.
`,
	// A results table whose rows do not add up: shares far over 100 and
	// more seats than the assembly has.
	"bad-sums-2019.txt": `= 2019 Herceg Novi municipal election =

Infobox
- Election Name: 2019 Herceg Novi municipal election
- Seats For Election: 35
- Election Date: 7 April 2019

Municipal elections were held in Herceg Novi on 7 April 2019.

==Results==
| List | Votes | % | Seats |
| Coastal Alliance | 9,100 | 48.2 | 20 |
| For Herceg Novi | 7,300 | 52.1 | 19 |
| Greens | 1,200 | 31.0 | 3 |
`,
	// A presidential election with two infoboxes, one per round, and a
	// candidate the table gives no votes.
	"two-boxes-2021.txt": `= 2021 Kosovan presidential election =

Infobox
- Election Name: 2021 Kosovan presidential election
- Type: presidential
- Election Date: 14 March 2021
- Candidate1: Arta Krasniqi
- Party1: Independent
- Popular Vote1: 310,400
- Percentage1: 41.2%
- Candidate2: Besnik Hoxha
- Party2: Democratic League
- Popular Vote2: 280,100
- Percentage2: 37.2%

A presidential election was held on 14 March 2021, with a second round on 28 March.

==Second round==
Infobox
- Candidate1: Arta Krasniqi
- Party1: Independent
- Popular Vote1: 402,700
- Percentage1: 55.9%
- Candidate2: Besnik Hoxha
- Party2: Democratic League
- Popular Vote2: 317,800
- Percentage2: 44.1%

==Candidates==
| Candidate | Party | Votes | % |
| Arta Krasniqi | Independent | 310,400 | 41.2 |
| Besnik Hoxha | Democratic League | 280,100 | 37.2 |
| Driton Berisha | Self-Determination | – | – |
`,
}

// TestOddArticles asks every command and a few questions of the odd
// articles: no internal error, and the answers say what the article
// gives and no more.
func TestOddArticles(t *testing.T) {
	var es []*knowledge.Election
	for name, text := range oddArticles {
		a, err := knowledge.Parse(name, strings.NewReader(text))
		if err != nil {
			t.Fatalf("Parse(%s) = %v", name, err)
		}
		es = append(es, knowledge.Extract(a, nil))
	}
	knowledge.SortNewestFirst(es)
	eng := bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
	for _, e := range es {
		for _, cmd := range []string{"/seats", "/results", "/list", "/about", "/poll", "/party 1", "/candidate Krasniqi"} {
			in := cmd + " " + e.Place
			if r := ask(eng, in); r.Outcome == bot.InternalError || strings.TrimSpace(r.Plain()) == "" {
				t.Errorf("Handle(%q) = %v %q", in, r.Outcome, r.Plain())
			}
		}
	}
	tests := []struct {
		in   string
		want []string // all must appear, folded
		not  []string
	}{
		{"Did the Tivat referendum pass?", []string{"approved"}, nil},
		{"How many people voted Yes in the Tivat referendum?", []string{"couldn't find"}, nil},
		{"/results Tivat", []string{"no vote figures", "Bay Association"}, nil},
		{"How many seats did Coastal Alliance win in Herceg Novi?", []string{"20 seats"}, nil},
		{"Who won in Herceg Novi?", []string{"Coastal Alliance", "20 seats"}, nil},
		{"Who won the Kosovan presidential election?", []string{"Arta Krasniqi", "55.9%", "second round"}, nil},
		{"How many votes did Krasniqi get in the first round?", []string{"310,400"}, nil},
		{"How many votes did Driton Berisha get?", []string{"couldn't find"}, []string{"310,400"}},
		{"How many seats did Hoxha win?", []string{"no seats"}, nil},
	}
	for _, tt := range tests {
		checkHas(t, tt.in, ask(eng, tt.in).Plain(), tt.want, tt.not)
	}
	for _, e := range es {
		if e.ID == "bad-sums-2019" && len(e.Warnings) == 0 {
			t.Errorf("%s: no warning for a table whose seats add up to 42 of 35", e.ID)
		}
	}
}
