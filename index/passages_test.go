package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

func TestPassagesNoviSad(t *testing.T) {
	ps := passages(article(t, "novi-sad-2020.txt", noviSad))
	var got []string
	for _, p := range ps {
		got = append(got, p.kind+" ("+p.section+"): "+p.text)
	}
	want := []string{
		"fact (Infobox): Election Date: 21 June 2020",
		"fact (Infobox): Turnout: 42.1%",
		"fact (Infobox): Party: SNS coalition",
		"fact (Infobox): SNS coalition — Leader: Miloš Vučević",
		"fact (Infobox): SNS coalition — Seats: 46",
		"poll (Opinion polls): Ipsos, 1–5 June: SNS 55.0%",
		"poll (Opinion polls): Ipsos, 1–5 June: SPS 9.5%",
		"sentence (Introduction): The election was held on 21 June 2020.",
		"sentence (Introduction): Милош Вучевић of the SNS stayed mayor of Нови Сад.",
		"sentence (Introduction): The opposition called for a non-confidence vote.",
		"row (Electoral lists): No.: 1; List: For Our Children; Carrier: Miloš Vučević",
		"row (Electoral lists): No.: 2; List: Alliance of Vojvodina Hungarians; Carrier: Balint Pastor; Note: National minority list",
		"row (Electoral lists): No.: 3; List: Dveri; Carrier: –",
		"sentence (Opinion polls): According to Ipsos, 1–5 June:",
	}
	if !slices.Equal(got, want) {
		t.Errorf("passages(novi sad) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range ps {
		if p.election != "novi-sad-2020" {
			t.Errorf("passage %q election = %q; want novi-sad-2020", p.text, p.election)
		}
		// A sentence ranks with its whole paragraph and its section.
		if p.text == "The opposition called for a non-confidence vote." && !strings.Contains(p.context, "Милош Вучевић of the SNS") {
			t.Errorf("context of %q = %q; want its paragraph", p.text, p.context)
		}
	}
}

// TestPassagesQuoteTheArticle checks that every sentence, row and item
// hit carries exactly the text of a knowledge.Passage, which the engine
// looks its passages up by.
func TestPassagesQuoteTheArticle(t *testing.T) {
	x := seedIndex(t)
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, e := range es {
		for _, p := range e.Article.Passages() {
			texts[p.Text] = true
		}
	}
	kinds := map[string]int{}
	for _, p := range x.passages {
		kinds[p.kind]++
		if (p.kind == KindSentence || p.kind == KindRow || p.kind == KindItem) && !texts[p.text] {
			t.Errorf("%s passage %q is no knowledge.Passage text", p.kind, p.text)
		}
	}
	// The seed has prose, a lists table, infobox facts and bullet polls
	// (whose items are indexed as polls only).
	for _, k := range []string{KindSentence, KindRow, KindFact, KindPoll} {
		if kinds[k] == 0 {
			t.Errorf("seed index has no %s passages; kinds: %v", k, kinds)
		}
	}
	if kinds[KindItem] != 0 {
		t.Errorf("seed index has %d list items; want 0, its lists are polls", kinds[KindItem])
	}
}

func TestPassagesPollTable(t *testing.T) {
	const text = `= 2022 Test City election =

==Opinion polls==
| Pollster | Date | SNS | DS | Lead |
|---|---|---|---|---|
| Ipsos | 1 March | 50 | 20 | 30 |

==Lists==
- Everyone was happy.
`
	var got []string
	for _, p := range passages(article(t, "test.txt", text)) {
		got = append(got, p.kind+": "+p.text)
	}
	want := []string{"poll: Ipsos, 1 March: SNS 50%", "poll: Ipsos, 1 March: DS 20%", "item: Everyone was happy."}
	if !slices.Equal(got, want) {
		t.Errorf("passages(poll table) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
