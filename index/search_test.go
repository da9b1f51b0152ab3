package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

// seed builds the index of the embedded articles once per test binary.
var seed = sync.OnceValues(func() (*Index, error) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		return nil, err
	}
	return Build(es)
})

func seedIndex(t testing.TB) *Index {
	t.Helper()
	x, err := seed()
	if err != nil {
		t.Fatalf("Build(seed): %v", err)
	}
	return x
}

const noviSad = `= 2020 Novi Sad City Assembly election =

Infobox
- Election Date: 21 June 2020
- Turnout: 42.1%
- Party1: SNS coalition
- Leader1: Miloš Vučević
- Colour1: #000099
- Seats1: 46

The election was held on 21 June 2020. Милош Вучевић of the SNS stayed mayor of Нови Сад. The opposition called for a non-confidence vote.

==Electoral lists==
| No. | List | Carrier | Note |
| 1 | For Our Children | Miloš Vučević | |
| 2 | Alliance of Vojvodina Hungarians | Balint Pastor | ^{M} |
| 3 | Dveri | – | |

^{M} — National minority list

==Opinion polls==
According to Ipsos, 1–5 June:
- SNS: 55.0%
- SPS: 9.5%
`

const nis = `= 2016 Niš City Assembly election =

The election in Niš followed a non-confidence motion against the mayor. Dragan Đilas did not run here.
`

// article parses an inline article.
func article(t testing.TB, name, text string) *knowledge.Election {
	t.Helper()
	a, err := knowledge.Parse(name, strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return knowledge.Extract(a, nil)
}

func build(t testing.TB, es ...*knowledge.Election) *Index {
	t.Helper()
	x, err := Build(es)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func find(t testing.TB, x *Index, text, election string) []Hit {
	t.Helper()
	hits, err := x.Search(context.Background(), Query{Text: text, Election: election, Limit: 10})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	return hits
}

// marked renders a hit with its marks in brackets: "Dragan [Đilas]".
func marked(h Hit) string {
	var b strings.Builder
	last := 0
	for _, m := range h.Marks {
		b.WriteString(h.Text[last:m[0]])
		b.WriteString("[" + h.Text[m[0]:m[1]] + "]")
		last = m[1]
	}
	b.WriteString(h.Text[last:])
	return b.String()
}

func summary(hits []Hit) string {
	var lines []string
	for _, h := range hits {
		lines = append(lines, fmt.Sprintf("%.3f %s %s (%s): %s", h.Score, h.Election, h.Kind, h.Section, marked(h)))
	}
	return strings.Join(lines, "\n")
}

func TestSearchSeed(t *testing.T) {
	x := seedIndex(t)
	tests := []struct {
		query string
		// The best hit's kind and section, and the hit with its marks.
		kind, section, want string
	}{
		{"non-confidence", KindSentence, "Introduction",
			"The election was scheduled in late 2013, after the mayor Dragan Đilas lost a [non]-[confidence] motion in the assembly."},
		{"Ђилас", KindFact, "Infobox", "DS coalition — Leader: Dragan [Đilas]"},
		{"djilas", KindFact, "Infobox", "DS coalition — Leader: Dragan [Đilas]"},
		{"DJILAS", KindFact, "Infobox", "DS coalition — Leader: Dragan [Đilas]"},
		// Typos: a letter dropped (đ typed as d), two letters swapped.
		{"dilas", KindFact, "Infobox", "DS coalition — Leader: Dragan [Đilas]"},
		{"Djilsa", KindFact, "Infobox", "DS coalition — Leader: Dragan [Đilas]"},
		{"turnuot", KindFact, "Infobox", "[Turnout]: 50.66%"},
		{"izlaznost turnout", KindFact, "Infobox", "[Turnout]: 50.66%"},
		// Marks after multi-byte letters land on whole words.
		{"Šešelj", KindRow, "Electoral lists",
			"Ballot number: 5; Ballot name: Serbian Radical Party - Dr Vojislav [Šešelj]; Ballot carrier: Vojislav [Šešelj]"},
		{"Шешељ", KindRow, "Electoral lists",
			"Ballot number: 5; Ballot name: Serbian Radical Party - Dr Vojislav [Šešelj]; Ballot carrier: Vojislav [Šešelj]"},
		// Table rows read with their headers and resolved footnotes.
		{"Hungarians minority", KindRow, "Electoral lists",
			"Ballot number: 14; Ballot name: Alliance of Vojvodina [Hungarians] — István Pásztor; Ballot carrier: Nebojša Marjanović; Note: National [minority] list"},
		// Poll figures carry their pollster and date.
		{"Factor Plus LDP", KindPoll, "Opinion polls", "[Factor] [Plus], 20–26 January: [LDP] 4.8%"},
		{"Nina Media SNS", KindPoll, "Opinion polls", `"[Nina] [Media]" research agency and TV Prva, early 2014: [SNS] 40.8%`},
		{"15.70", KindFact, "Infobox", "DS coalition — Percentage: [15.70]"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits := find(t, x, tt.query, "")
			if len(hits) == 0 {
				t.Fatalf("Search(%q) found nothing", tt.query)
			}
			h := hits[0]
			if h.Kind != tt.kind || h.Section != tt.section || marked(h) != tt.want || h.Election != "belgrade-2014" {
				t.Errorf("Search(%q) best = %s %s (%s): %s; want belgrade-2014 %s (%s): %s\nall:\n%s",
					tt.query, h.Election, h.Kind, h.Section, marked(h), tt.kind, tt.section, tt.want, summary(hits))
			}
		})
	}
}

// TestSearchExactOverFuzzy checks that a word spelt right outranks one
// that only matches with a typo.
func TestSearchExactOverFuzzy(t *testing.T) {
	x := build(t, article(t, "a.txt", "= 2020 Test election =\n\nThe mayor Mali spoke. The mayor Malic spoke.\n"))
	hits := find(t, x, "Malic", "")
	if len(hits) != 2 || !strings.Contains(hits[0].Text, "Malic") || hits[0].Score <= hits[1].Score {
		t.Errorf("Search(Malic) =\n%s\nwant the exact match first, then the near one", summary(hits))
	}
}

// TestTyposInWords checks that typos are counted in the words typed, not
// in their stems: "seats" is two letters from "state" though "seat" and
// "stat" are one apart, while "dilas" is one letter from "Đilas".
func TestTyposInWords(t *testing.T) {
	x := build(t, article(t, "a.txt", "= 2020 Test election =\n\nThe State Commission met. Dragan Đilas spoke. The election was held in the hall.\n"))
	tests := []struct {
		query, want string // want is the marked passage, "" for none
	}{
		{"seats", ""},
		{"dilas", "Dragan [Đilas] spoke."},
		{"electoin", "The [election] was held in the hall."},
		{"wons", ""},
	}
	for _, tt := range tests {
		hits := find(t, x, tt.query, "")
		switch {
		case tt.want == "" && len(hits) > 0:
			t.Errorf("Search(%q) =\n%s\nwant nothing", tt.query, summary(hits))
		case tt.want != "" && (len(hits) == 0 || marked(hits[0]) != tt.want):
			t.Errorf("Search(%q) =\n%s\nwant %s first", tt.query, summary(hits), tt.want)
		}
	}
}

func TestSearchNothing(t *testing.T) {
	x := seedIndex(t)
	for _, q := range []string{"", "   ", "the of and", "—", "zzzzqqq", "2031"} {
		if hits := find(t, x, q, ""); len(hits) != 0 {
			t.Errorf("Search(%q) =\n%s\nwant nothing", q, summary(hits))
		}
	}
}

func TestSearchInlineArticles(t *testing.T) {
	x := build(t, article(t, "novi-sad-2020.txt", noviSad), article(t, "nis-2016.txt", nis))
	tests := []struct {
		query, election string
		want            []string // "election kind: marked text" of every hit, in any order
	}{
		// Cyrillic text is found by Latin words and the other way round.
		{"novi sad", "", []string{"novi-sad-2020 sentence: Милош Вучевић of the SNS stayed mayor of [Нови] [Сад]."}},
		{"Вучевић", "novi-sad-2020", []string{
			"novi-sad-2020 fact: SNS coalition — Leader: Miloš [Vučević]",
			"novi-sad-2020 sentence: Милош [Вучевић] of the SNS stayed mayor of Нови Сад.",
			"novi-sad-2020 row: No.: 1; List: For Our Children; Carrier: Miloš [Vučević]",
		}},
		// The election filter keeps to one article.
		{"non-confidence", "nis-2016", []string{
			"nis-2016 sentence: The election in Niš followed a [non]-[confidence] motion against the mayor."}},
		{"non-confidence", "novi-sad-2020", []string{
			"novi-sad-2020 sentence: The opposition called for a [non]-[confidence] vote."}},
		{"Đilas", "novi-sad-2020", nil},
		{"Đilas", "", []string{"nis-2016 sentence: Dragan [Đilas] did not run here."}},
		{"Đilas", "no-such-election", nil},
		// Rows read with their headers and footnotes resolved, as the
		// engine quotes them; colours are not facts.
		{"Hungarians", "", []string{
			"novi-sad-2020 row: No.: 2; List: Alliance of Vojvodina [Hungarians]; Carrier: Balint Pastor; Note: National minority list"}},
		{"Dveri", "", []string{"novi-sad-2020 row: No.: 3; List: [Dveri]; Carrier: –"}},
		{"000099", "", nil},
		// Poll entries, not the list items they were read from.
		{"SPS 9.5", "", []string{"novi-sad-2020 poll: Ipsos, 1–5 June: [SPS] [9.5]%"}},
	}
	for _, tt := range tests {
		t.Run(tt.query+"/"+tt.election, func(t *testing.T) {
			var got []string
			for _, h := range find(t, x, tt.query, tt.election) {
				got = append(got, h.Election+" "+h.Kind+": "+marked(h))
			}
			slices.Sort(got)
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q, election %q) =\n%s\nwant\n%s", tt.query, tt.election, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSearchLimit(t *testing.T) {
	x := seedIndex(t)
	for _, limit := range []int{1, 3} {
		hits, err := x.Search(context.Background(), Query{Text: "Đilas", Limit: limit})
		if err != nil || len(hits) != limit {
			t.Errorf("Search(Đilas, limit %d) = %d hits, %v; want %d", limit, len(hits), err, limit)
		}
	}
}

// TestSearchConcurrent runs searches side by side; with -race it checks
// that the index needs no locking by its callers.
func TestSearchConcurrent(t *testing.T) {
	x := seedIndex(t)
	queries := []string{"Đilas", "non-confidence", "turnout", "Factor Plus", "Šešelj", "threshold"}
	want := map[string]string{}
	for _, q := range queries {
		want[q] = summary(find(t, x, q, ""))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(queries))
	for range 4 {
		for _, q := range queries {
			wg.Go(func() {
				hits, err := x.Search(context.Background(), Query{Text: q})
				if got := summary(hits); err != nil || got != want[q] {
					errs <- fmt.Sprintf("concurrent Search(%q) = %v\n%s\nwant\n%s", q, err, got, want[q])
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestSearchCancelled(t *testing.T) {
	x := seedIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Search(ctx, Query{Text: "Đilas"}); err == nil {
		t.Errorf("Search with a cancelled context: no error; want one")
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"Đilas", "Ђилас lost a non-confidence motion", "15.70%", "Šešelj, Đilas's", "\xffĐ\u0301x", "a'b's 1,234.5"} {
		f.Add(s, "Đilas")
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		e := &knowledge.Election{ID: "fuzz", Article: &knowledge.Article{Sections: []*knowledge.Section{
			{Blocks: []knowledge.Block{{Kind: knowledge.Paragraph, Text: text}}},
		}}}
		x := build(t, e)
		for _, q := range []string{query, text} {
			hits := find(t, x, q, "")
			for _, h := range hits {
				prev := 0
				for _, m := range h.Marks {
					if m[0] < prev || m[0] >= m[1] || m[1] > len(h.Text) || !boundary(h.Text, m[0]) || !boundary(h.Text, m[1]) {
						t.Fatalf("Search(%q) in %q: mark %v out of order, bounds or rune boundaries", q, h.Text, m)
					}
					prev = m[1]
				}
			}
		}
	})
}

func TestQueryTerms(t *testing.T) {
	x := seedIndex(t)
	got := fmt.Sprint(x.queryTerms("Why was the election held, Dilas? Djilsa scheduled 43.62 SNS election"))
	want := "[{election election 2} {hold held 0} {dila dilas 1} {djilsa djilsa 1} {schedul scheduled 2} {43.62 43.62 0} {sns sns 0}]"
	if got != want {
		t.Errorf("queryTerms = %s; want %s", got, want)
	}
}

func TestSearchEdges(t *testing.T) {
	empty := build(t)
	if hits := find(t, empty, "Đilas", ""); len(hits) != 0 {
		t.Errorf("Search in an empty index =\n%s\nwant nothing", summary(hits))
	}
	// A query far longer than any question is cut, not refused.
	x := seedIndex(t)
	long := strings.Repeat("Đ", 3000) + " turnout"
	if hits := find(t, x, long, ""); len(hits) != 0 {
		t.Errorf("Search(6000-byte query with turnout at the end) =\n%s\nwant nothing: the end is cut", summary(hits))
	}
	if hits := find(t, x, "turnout "+long, ""); len(hits) == 0 {
		t.Errorf("Search(turnout + 6000 bytes) found nothing; want the turnout fact")
	}
}
