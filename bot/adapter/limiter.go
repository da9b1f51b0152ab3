package adapter

import (
	"sync"
	"time"
)

// A Rate is how often one user may ask: PerMinute messages a minute, in
// bursts of up to Burst at once. A PerMinute of zero (the zero Rate)
// turns the limit off; a Burst below 1 counts as 1. This is the one rate
// option of both chat adapters; RATE_LIMIT_PER_MINUTE and
// RATE_LIMIT_BURST set it.
type Rate struct {
	PerMinute int
	Burst     int
}

// DefaultRate is the limit when none is configured: 20 messages a minute,
// 5 at once. A person in a discussion asks a few questions a minute; a
// script or a flood asks more.
var DefaultRate = Rate{PerMinute: 20, Burst: 5}

// Off reports whether the rate sets no limit.
func (r Rate) Off() bool { return r.PerMinute <= 0 }

// Times is the rate n times as generous, for a limit shared by many
// people (a whole group) or by keystrokes (inline queries).
func (r Rate) Times(n int) Rate {
	if r.Off() {
		return r
	}
	return Rate{PerMinute: r.PerMinute * n, Burst: max(r.Burst, 1) * n}
}

// A Limiter is a set of token buckets keyed by user or chat, so that one
// person cannot flood a group through the bot. It is safe for concurrent
// use; idle buckets are dropped so memory stays bounded. A nil Limiter
// allows everything.
type Limiter struct {
	rate  float64 // tokens per second
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// NewLimiter applies r per key. now may be nil (time.Now).
func NewLimiter(r Rate, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{rate: float64(max(r.PerMinute, 0)) / 60, burst: float64(max(r.Burst, 1)), now: now, buckets: map[string]*bucket{}}
}

// Allow takes a token from key's bucket and reports whether there was one.
func (l *Limiter) Allow(key string) bool {
	if l == nil || l.rate <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	if t.Sub(l.sweep) > time.Minute {
		l.sweepIdle(t)
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: t}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+t.Sub(b.last).Seconds()*l.rate)
	b.last = t
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// sweepIdle drops buckets that have refilled completely.
func (l *Limiter) sweepIdle(t time.Time) {
	l.sweep = t
	full := time.Duration(l.burst / l.rate * float64(time.Second))
	for k, b := range l.buckets {
		if t.Sub(b.last) > full {
			delete(l.buckets, k)
		}
	}
}
