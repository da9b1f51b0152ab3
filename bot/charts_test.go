package bot_test

import (
	"context"
	"sync"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// countingCharter counts its drawings by chart.
type countingCharter struct {
	fakechart.Charter
	mu    sync.Mutex
	draws map[string]int
}

func (c *countingCharter) count(chart string) ([]byte, error) {
	c.mu.Lock()
	c.draws[chart]++
	c.mu.Unlock()
	return fakechart.TinyPNG(), nil
}

func (c *countingCharter) Seats(_ *knowledge.Election, l lang.Lang) ([]byte, error) {
	return c.count("seats " + l.String())
}
func (c *countingCharter) Results(*knowledge.Election, lang.Lang) ([]byte, error) {
	return c.count("results")
}
func (c *countingCharter) Polls(_ *knowledge.Election, _ []*knowledge.Poll, k *knowledge.Contestant, _ lang.Lang) ([]byte, error) {
	if k != nil {
		return c.count("polls " + k.Name)
	}
	return c.count("polls")
}

func (c *countingCharter) drawn(chart string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.draws[chart]
}

// TestChartsDrawnOncePerLibrary checks that the engine draws each chart
// once for the data it answers from, names it by what it shows, and draws
// it again after a reload.
func TestChartsDrawnOncePerLibrary(t *testing.T) {
	lib := seedEngine(t).Library()
	ch := &countingCharter{draws: map[string]int{}}
	eng := bot.New(lib, bot.WithCharts(ch))
	ask := func(text string) *bot.Image {
		t.Helper()
		r := eng.Handle(context.Background(), bot.Request{Platform: "test", Text: text})
		if r.Image == nil || r.Image.Key == "" {
			t.Fatalf("%s: picture %+v; want one with a key", text, r.Image)
		}
		return r.Image
	}
	first := ask("/seats")
	again := ask("/seats 2014")
	en := lang.En.String()
	if n := ch.drawn("seats " + en); n != 1 {
		t.Errorf("two /seats drew the seat chart %d times; want 1", n)
	}
	if again.Key != first.Key {
		t.Errorf("the same chart has keys %q and %q; want one", first.Key, again.Key)
	}
	sr := eng.Handle(context.Background(), bot.Request{Platform: "test", Text: "/seats", Locale: "sr"})
	if sr.Image == nil || sr.Image.Key == first.Key || ch.drawn("seats "+lang.Sr.String()) != 1 {
		t.Errorf("/seats in Serbian: key %v after %q, drawings %v; want a chart of its own, drawn in Serbian", sr.Image, first.Key, ch.draws)
	}
	all, sns, sns2 := ask("/poll"), ask("/poll SNS"), ask("/poll sns")
	if all.Key == sns.Key || sns.Key != sns2.Key {
		t.Errorf("poll chart keys: all %q, SNS %q, sns %q; want the party's apart from all, one for both spellings", all.Key, sns.Key, sns2.Key)
	}
	if ch.drawn("polls") != 1 || ch.drawn("polls "+lib.Elections[0].Contestants[0].Name) != 1 {
		t.Errorf("drawings %v; want each poll chart once", ch.draws)
	}

	eng.Swap(lib) // a reload, even of the same data
	reloaded := ask("/seats")
	if n := ch.drawn("seats " + en); n != 2 {
		t.Errorf("/seats after a reload drew %d seat charts in all; want 2", n)
	}
	if reloaded.Key == first.Key {
		t.Errorf("the key %q outlived the reload", first.Key)
	}
}

func TestChartCacheOff(t *testing.T) {
	ch := &countingCharter{draws: map[string]int{}}
	eng := bot.New(seedEngine(t).Library(), bot.WithCharts(ch), bot.WithChartCache(0))
	for range 3 {
		eng.Handle(context.Background(), bot.Request{Platform: "test", Text: "/results"})
	}
	if n := ch.drawn("results"); n != 3 {
		t.Errorf("three /results without a cache drew %d times; want 3", n)
	}
}
