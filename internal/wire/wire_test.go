package wire_test

import (
	"context"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

func TestWiredEngine(t *testing.T) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(es)
	if err != nil {
		t.Fatal(err)
	}
	s := wire.Searcher(ix)
	defer s.Close()
	hits, err := s.Search(context.Background(), bot.SearchQuery{Text: "Đilas", Election: es[0].ID, Limit: 3})
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search(Đilas) = %v, %v; want hits", hits, err)
	}
	if h := hits[0]; h.Election != es[0].ID || h.Section == "" || len(h.Marks) == 0 || !strings.Contains(h.Text[h.Marks[0][0]:h.Marks[0][1]], "ilas") {
		t.Errorf("Search(Đilas)[0] = %+v; want a marked passage of %s", h, es[0].ID)
	}
	for _, tt := range []struct {
		name string
		lib  *bot.Library
	}{{"without the index", &bot.Library{Elections: es}}, {"with the index", &bot.Library{Elections: es, Searcher: s}}} {
		eng := bot.New(tt.lib, wire.Answers(nil))
		r := eng.Handle(context.Background(), bot.Request{Platform: "test", Text: "How many seats did the socialists win?"})
		if r.Outcome != bot.Answered || !strings.Contains(r.Text, "16 seats") {
			t.Errorf("%s: free text = %v %q; want the socialists' 16 seats", tt.name, r.Outcome, r.Text)
		}
	}
	bare := bot.New(&bot.Library{Elections: es})
	if r := bare.Handle(context.Background(), bot.Request{Platform: "test", Text: "Who won?"}); r.Outcome != bot.Refused {
		t.Errorf("an engine without an answerer answered free text: %v %q", r.Outcome, r.Text)
	}
}
