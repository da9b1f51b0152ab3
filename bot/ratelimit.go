package bot

import (
	"sync"
	"time"
)

// A Limiter is a set of token buckets keyed by chat or user, so that one
// person cannot flood a group through the bot. It is safe for concurrent
// use; idle buckets are dropped so memory stays bounded.
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

// NewLimiter allows perMinute requests a minute per key, with bursts of up
// to burst. now may be nil (time.Now).
func NewLimiter(perMinute, burst int, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{rate: float64(perMinute) / 60, burst: float64(max(burst, 1)), now: now, buckets: map[string]*bucket{}}
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

// RateLimited is the reply to a request over the limit.
func RateLimited() Response {
	return Response{Text: "You're sending messages faster than I can answer. Please wait a moment and try again.",
		Ephemeral: true, Outcome: UserError}
}
