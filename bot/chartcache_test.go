package bot

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestChartCacheDrawsOnce(t *testing.T) {
	c := newChartCache(1 << 20)
	var draws atomic.Int32
	release := make(chan struct{})
	draw := func() ([]byte, error) {
		draws.Add(1)
		<-release
		return []byte("png"), nil
	}
	var wg sync.WaitGroup
	got := make([][]byte, 20)
	for i := range got {
		wg.Go(func() { got[i], _ = c.get("1/e/seats", draw) })
	}
	close(release)
	wg.Wait()
	if n := draws.Load(); n != 1 {
		t.Errorf("20 requests at once drew %d times; want 1", n)
	}
	for i, png := range got {
		if string(png) != "png" {
			t.Errorf("request %d got %q; want the chart", i, png)
		}
	}
	if png, _ := c.get("1/e/seats", draw); string(png) != "png" || draws.Load() != 1 {
		t.Errorf("a later request got %q after %d drawings; want the kept chart, 1", png, draws.Load())
	}
}

func TestChartCacheKeepsTheRecentWithinItsBytes(t *testing.T) {
	c := newChartCache(100)
	drawn := map[string]int{}
	get := func(key string) {
		t.Helper()
		if _, err := c.get(key, func() ([]byte, error) { drawn[key]++; return bytes.Repeat([]byte{1}, 40), nil }); err != nil {
			t.Fatal(err)
		}
	}
	get("a")
	get("b")
	get("a") // a is now the most recent
	get("c") // 120 bytes: b, the least recent, goes
	if n, size := c.stats(); n != 2 || size != 80 {
		t.Errorf("stats = %d charts, %d bytes; want 2, 80", n, size)
	}
	get("a")
	get("b")
	if want := map[string]int{"a": 1, "b": 2, "c": 1}; fmt.Sprint(drawn) != fmt.Sprint(want) {
		t.Errorf("drawings %v; want %v", drawn, want)
	}
	if _, err := c.get("huge", func() ([]byte, error) { return make([]byte, 101), nil }); err != nil {
		t.Fatal(err)
	}
	if _, size := c.stats(); size > 100 {
		t.Errorf("kept %d bytes; want at most 100", size)
	}
}

func TestChartCacheForgetsFailures(t *testing.T) {
	c := newChartCache(1 << 20)
	boom := errors.New("boom")
	if _, err := c.get("k", func() ([]byte, error) { return nil, boom }); err != boom {
		t.Fatalf("get = %v; want the drawing's error", err)
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a drawing's panic did not reach the caller")
			}
		}()
		c.get("p", func() ([]byte, error) { panic("the chart exploded") })
	}()
	for _, key := range []string{"k", "p"} {
		png, err := c.get(key, func() ([]byte, error) { return []byte("ok"), nil })
		if err != nil || string(png) != "ok" {
			t.Errorf("get(%q) after a failure = %q, %v; want a new drawing", key, png, err)
		}
	}
}
