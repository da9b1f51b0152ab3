package adapter

import (
	"sync"
	"testing"
)

func TestRecent(t *testing.T) {
	r := NewRecent[int64](3)
	steps := []struct {
		op   string // "add" or "forget"
		id   int64
		want bool // Add's answer
	}{
		{"add", 1, true},
		{"add", 1, false},
		{"add", 2, true},
		{"add", 3, true},
		{"add", 2, false},
		{"add", 4, true}, // 1 is forgotten: the set holds 3
		{"add", 1, true},
		{"add", 3, false},
		{"forget", 3, false},
		{"add", 3, true},
		{"add", 5, true},
		{"add", 6, true},
		{"add", 3, false}, // re-added later, so it outlives its old slot
	}
	for i, s := range steps {
		if s.op == "forget" {
			r.Forget(s.id)
			continue
		}
		if got := r.Add(s.id); got != s.want {
			t.Errorf("step %d: Add(%d) = %v; want %v", i, s.id, got, s.want)
		}
	}
	if n := len(r.slot); n > 3 {
		t.Errorf("the set holds %d ids; want at most 3", n)
	}
}

func TestRecentConcurrentDuplicates(t *testing.T) {
	r := NewRecent[int64](100)
	var wg sync.WaitGroup
	var mu sync.Mutex
	taken := 0
	for range 50 {
		wg.Go(func() {
			if r.Add(42) {
				mu.Lock()
				taken++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if taken != 1 {
		t.Errorf("Add(42) from 50 goroutines took it %d times; want once", taken)
	}
}
