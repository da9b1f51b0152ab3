package bot_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// searchLibrary is the seed with its bleve index, built once per test
// binary (the index is safe for concurrent use and never closed here).
var searchLibrary = sync.OnceValues(func() (*bot.Library, error) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		return nil, err
	}
	idx, err := index.Build(es)
	if err != nil {
		return nil, err
	}
	return &bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, nil
})

func searchEngine(t *testing.T, opts ...bot.Option) *bot.Engine {
	t.Helper()
	lib, err := searchLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(lib, append([]bot.Option{wire.Answers(nil)}, opts...)...)
}

// marked returns the passages as the terminal shows them: "[word]" for
// marks, the section after.
func marked(r bot.Response) []string {
	var out []string
	for _, l := range strings.Split(r.Plain(), "\n") {
		if p, ok := strings.CutPrefix(l, "• "); ok {
			out = append(out, p)
		}
	}
	return out
}

func TestSearchCommand(t *testing.T) {
	eng := searchEngine(t)
	tests := []struct {
		name, text string
		// The first passage, with marks and section.
		first string
	}{
		{"prose", "/search non-confidence",
			"The election was scheduled in late 2013, after the mayor Dragan Đilas lost a [non]-[confidence] motion in the assembly. (Introduction)"},
		{"cyrillic finds latin", "/search Ђилас", "DS coalition — Leader: Dragan [Đilas] (Infobox)"},
		{"typo", "/search Djilsa", "DS coalition — Leader: Dragan [Đilas] (Infobox)"},
		{"table row", "/search Šešelj",
			"Ballot number: 5; Ballot name: Serbian Radical Party - Dr Vojislav [Šešelj]; Ballot carrier: Vojislav [Šešelj] (Electoral lists)"},
		{"poll", "/search Factor Plus LDP", "[Factor] [Plus], 20–26 January: [LDP] 4.8% (Opinion polls)"},
		{"a loaded year is the election and the word", "/search 2014",
			"Election Date: 16 March [2014] (Infobox)"},
		{"mention", "@ElectionBot /search@ElectionBot turnout", "[Turnout]: 50.66% (Infobox)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ask(eng, tt.text)
			got := marked(r)
			if r.Outcome != bot.Answered || len(got) == 0 || got[0] != tt.first {
				t.Fatalf("Handle(%q) = %v, passages\n%s\nwant answered, first\n%s", tt.text, r.Outcome, strings.Join(got, "\n"), tt.first)
			}
			if len(got) > 5 {
				t.Errorf("Handle(%q) gave %d passages; want at most 5", tt.text, len(got))
			}
			for _, p := range r.Passages {
				if p.Source.Election != "2014 Belgrade City Assembly election" || p.Source.Section == "" {
					t.Errorf("Handle(%q) passage source = %+v; want the seed's title and a section", tt.text, p.Source)
				}
			}
			if r.Source.Election != "2014 Belgrade City Assembly election" || r.Ephemeral {
				t.Errorf("Handle(%q) source = %+v, ephemeral %v; want the seed, public", tt.text, r.Source, r.Ephemeral)
			}
		})
	}
}

func TestSearchCommandTyped(t *testing.T) {
	eng := searchEngine(t)
	r := eng.Handle(context.Background(), bot.Request{Platform: "discord", Command: "search", Options: map[string]string{"words": "non-confidence"}})
	if got := marked(r); r.Outcome != bot.Answered || len(got) == 0 || !strings.Contains(got[0], "[non]-[confidence]") {
		t.Errorf("typed /search words=non-confidence = %v\n%s\nwant the non-confidence sentence", r.Outcome, strings.Join(got, "\n"))
	}
	r = eng.Handle(context.Background(), bot.Request{Platform: "discord", Command: "search", Options: map[string]string{"words": " "}})
	if r.Outcome != bot.UserError || !r.Ephemeral {
		t.Errorf("typed /search with blank words = %v, ephemeral %v; want a user error for the asker", r.Outcome, r.Ephemeral)
	}
}

func TestSearchCommandRefusals(t *testing.T) {
	eng := searchEngine(t)
	tests := []struct {
		text    string
		outcome bot.Outcome
		want    string // in the reply
	}{
		{"/search", bot.UserError, "What should I look for?"},
		{"/search   —  ", bot.UserError, "What should I look for?"},
		{"/search zzyzx qqqq", bot.Refused, "I couldn't find “zzyzx qqqq” in the article on the 2014 Belgrade City Assembly election."},
		{"/search the of and", bot.Refused, "I couldn't find"},
		// A year no article covers is an election not loaded, as in
		// every other command.
		{"/search 2031 turnout", bot.Refused, "no article about the 2031 election"},
	}
	for _, tt := range tests {
		r := ask(eng, tt.text)
		if r.Outcome != tt.outcome || !strings.Contains(r.Text, tt.want) || len(r.Passages) != 0 {
			t.Errorf("Handle(%q) = %v %q; want %v with %q and no passages", tt.text, r.Outcome, r.Text, tt.outcome, tt.want)
		}
		if (tt.outcome == bot.UserError) != r.Ephemeral {
			t.Errorf("Handle(%q) ephemeral = %v; want %v", tt.text, r.Ephemeral, tt.outcome == bot.UserError)
		}
	}
}

func TestSearchCommandNoSearcher(t *testing.T) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := ask(bot.New(&bot.Library{Elections: es}, wire.Answers(nil)), "/search Đilas")
	if r.Outcome != bot.Refused || !strings.Contains(r.Text, "not available") {
		t.Errorf("Handle(/search Đilas) without a searcher = %v %q; want refused, not available", r.Outcome, r.Text)
	}
}

// TestSearchCommandSeveralElections checks that a year or place picks the
// article searched, and that the others' passages stay out.
func TestSearchCommandSeveralElections(t *testing.T) {
	seed, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := knowledge.Parse("nis-2016.txt", strings.NewReader("= 2016 Niš City Assembly election =\n\n"+
		"The election in Niš followed a non-confidence motion against the mayor.\n"))
	if err != nil {
		t.Fatal(err)
	}
	es := append(seed, knowledge.Extract(a, nil))
	knowledge.SortNewestFirst(es)
	idx, err := index.Build(es)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	eng := bot.New(&bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, wire.Answers(nil))
	for _, tt := range []struct{ text, first string }{
		{"/search 2016 non-confidence", "The election in Niš followed a [non]-[confidence] motion against the mayor. (Introduction)"},
		{"/search Niš non-confidence", "The election in Niš followed a [non]-[confidence] motion against the mayor. (Introduction)"},
		{"/search Belgrade non-confidence", "The election was scheduled in late 2013, after the mayor Dragan Đilas lost a [non]-[confidence] motion in the assembly. (Introduction)"},
	} {
		r := ask(eng, tt.text)
		got := marked(r)
		if r.Outcome != bot.Answered || len(got) != 1 || got[0] != tt.first {
			t.Errorf("Handle(%q) = %v\n%s\nwant only\n%s", tt.text, r.Outcome, strings.Join(got, "\n"), tt.first)
		}
	}
}

// fakeSearcher returns what it is given, to test the command against a
// searcher that fails or misbehaves.
type fakeSearcher struct {
	hits []bot.Hit
	err  error
}

func (f fakeSearcher) Search(context.Context, bot.SearchQuery) ([]bot.Hit, error) {
	return f.hits, f.err
}

func TestSearchCommandSearcherFails(t *testing.T) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	eng := bot.New(&bot.Library{Elections: es, Searcher: fakeSearcher{err: errors.New("index on fire")}},
		bot.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))), wire.Answers(nil))
	r := ask(eng, "/search Đilas")
	if r.Outcome != bot.InternalError || strings.Contains(r.Text, "fire") {
		t.Errorf("Handle(/search) with a failing searcher = %v %q; want the apology, no cause", r.Outcome, r.Text)
	}
	if !strings.Contains(logs.String(), "index on fire") || !strings.Contains(logs.String(), "command=search") {
		t.Errorf("log = %q; want the cause with command=search", logs.String())
	}
}

func TestSearchCommandBadHits(t *testing.T) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	const text = "Dragan Đilas lost"
	hits := []bot.Hit{
		// "Đ" is good; the others (inside "Đ", backwards, overlapping,
		// out of bounds) are ignored.
		{Election: "belgrade-2014", Section: "Introduction", Text: text,
			Marks: [][2]int{{7, 9}, {7, 8}, {9, 7}, {8, 13}, {14, 99}}},
		{Election: "another-election", Section: "Elsewhere", Text: "not this one"},
	}
	for range 6 {
		hits = append(hits, bot.Hit{Election: "belgrade-2014", Section: "Background", Text: "filler"})
	}
	r := ask(bot.New(&bot.Library{Elections: es, Searcher: fakeSearcher{hits: hits}}, wire.Answers(nil)), "/search Đilas")
	got := marked(r)
	if len(got) != 5 || got[0] != "Dragan [Đ]ilas lost (Introduction)" {
		t.Errorf("Handle(/search) with bad hits =\n%s\nwant 5 passages, the first \"Dragan [Đ]ilas lost\"", strings.Join(got, "\n"))
	}
	for _, p := range r.Passages {
		if p.Source.Section == "Elsewhere" {
			t.Errorf("passage from another election shown: %+v", p)
		}
	}
}
