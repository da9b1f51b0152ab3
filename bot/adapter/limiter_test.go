package adapter

import (
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t0 := time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		rate Rate
		// at are the seconds after t0 of each request; want their verdicts.
		at   []float64
		want []bool
	}{
		{"burst then refused", Rate{PerMinute: 60, Burst: 2}, []float64{0, 0, 0}, []bool{true, true, false}},
		{"refills at the rate", Rate{PerMinute: 60, Burst: 1}, []float64{0, 0.5, 1}, []bool{true, false, true}},
		{"burst below 1 is 1", Rate{PerMinute: 60, Burst: 0}, []float64{0, 0}, []bool{true, false}},
		{"zero rate is off", Rate{}, []float64{0, 0, 0, 0}, []bool{true, true, true, true}},
		{"negative rate is off", Rate{PerMinute: -1, Burst: 1}, []float64{0, 0}, []bool{true, true}},
		{"refills after a minute", Rate{PerMinute: 1, Burst: 1}, []float64{0, 61, 61}, []bool{true, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := t0
			l := NewLimiter(tt.rate, func() time.Time { return now })
			for i, s := range tt.at {
				now = t0.Add(time.Duration(s * float64(time.Second)))
				if got := l.Allow("user:1"); got != tt.want[i] {
					t.Errorf("request %d at %vs: Allow = %v; want %v", i, s, got, tt.want[i])
				}
			}
			if !l.Allow("user:2") {
				t.Error("Allow(another key) = false; want a bucket of its own")
			}
		})
	}
}

func TestNilLimiterAllows(t *testing.T) {
	var l *Limiter
	if !l.Allow("x") {
		t.Error("nil Limiter: Allow = false; want true")
	}
}

func TestRateTimes(t *testing.T) {
	tests := []struct {
		r    Rate
		n    int
		want Rate
	}{
		{Rate{20, 5}, 3, Rate{60, 15}},
		{Rate{20, 0}, 2, Rate{40, 2}},
		{Rate{}, 3, Rate{}},
	}
	for _, tt := range tests {
		if got := tt.r.Times(tt.n); got != tt.want {
			t.Errorf("%+v.Times(%d) = %+v; want %+v", tt.r, tt.n, got, tt.want)
		}
	}
}
