package main

import (
	"context"
	"errors"
	"testing"

	"github.com/electionbot/electionbot/bot"
)

type fakeSearcher struct{ closed bool }

func (f *fakeSearcher) Search(context.Context, bot.SearchQuery) ([]bot.Hit, error) {
	return []bot.Hit{{Text: "found"}}, nil
}
func (f *fakeSearcher) Close() error { f.closed = true; return nil }

func TestLazySearcher(t *testing.T) {
	builds := 0
	ix := &fakeSearcher{}
	s := &lazySearcher{build: func() (closableSearcher, error) { builds++; return ix, nil }}
	if builds != 0 {
		t.Fatal("built before a search")
	}
	for range 2 {
		if hits, err := s.Search(context.Background(), bot.SearchQuery{Text: "x"}); err != nil || len(hits) != 1 {
			t.Fatalf("Search = %v, %v; want the index's hit", hits, err)
		}
	}
	if builds != 1 {
		t.Errorf("two searches built the index %d times; want once", builds)
	}
	if s.Close(); !ix.closed {
		t.Error("Close did not close the index built")
	}

	never := &lazySearcher{build: func() (closableSearcher, error) { builds++; return ix, nil }}
	never.Close()
	if _, err := never.Search(context.Background(), bot.SearchQuery{Text: "x"}); !errors.Is(err, errRetired) || builds != 1 {
		t.Errorf("a search after Close = %v (%d builds); want errRetired and no build", err, builds)
	}
}
