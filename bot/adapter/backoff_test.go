package adapter

import (
	"testing"
	"time"
)

func TestBackoffDelay(t *testing.T) {
	b := Backoff{First: time.Second, Max: 8 * time.Second, For: time.Minute}
	tests := []struct {
		attempt  int
		min, max time.Duration
	}{
		{0, 500 * time.Millisecond, time.Second},
		{1, time.Second, 2 * time.Second},
		{3, 4 * time.Second, 8 * time.Second},
		{4, 4 * time.Second, 8 * time.Second}, // capped
		{100, 4 * time.Second, 8 * time.Second},
	}
	for _, tt := range tests {
		for range 20 {
			if d := b.Delay(tt.attempt); d < tt.min || d > tt.max {
				t.Errorf("Delay(%d) = %v; want %v to %v", tt.attempt, d, tt.min, tt.max)
			}
		}
	}
}

func TestBackoffGiveUp(t *testing.T) {
	b := Backoff{For: time.Minute}
	t0 := time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)
	if b.GiveUp(t0, t0.Add(59*time.Second)) {
		t.Error("GiveUp after 59s of a minute = true")
	}
	if !b.GiveUp(t0, t0.Add(time.Minute)) {
		t.Error("GiveUp after a minute of a minute = false")
	}
}

func TestBackoffOr(t *testing.T) {
	got := Backoff{For: -1}.Or(DefaultBackoff)
	want := Backoff{First: DefaultBackoff.First, Max: DefaultBackoff.Max, For: -1}
	if got != want {
		t.Errorf("Or = %+v; want %+v (a negative For kept: no retries)", got, want)
	}
}
