package adapter

import (
	"context"
	"math/rand/v2"
	"time"
)

// A Backoff spaces the retries of a request that failed for a reason
// that passes (a server error, the network, a rate limit): First before
// the first retry, doubling each time up to Max, for as long as For
// since the first attempt. Both adapters retry their replies this way,
// so that an outage of the platform's API shorter than For loses no
// reply.
type Backoff struct {
	First time.Duration
	Max   time.Duration
	For   time.Duration
}

// DefaultBackoff rides out an outage of a minute and a half, and sends a
// reply at most five seconds after the API is back.
var DefaultBackoff = Backoff{First: 500 * time.Millisecond, Max: 5 * time.Second, For: 90 * time.Second}

// Or fills in the zero fields of b from def.
func (b Backoff) Or(def Backoff) Backoff {
	if b.First <= 0 {
		b.First = def.First
	}
	if b.Max <= 0 {
		b.Max = def.Max
	}
	if b.For == 0 {
		b.For = def.For
	}
	b.Max = max(b.Max, b.First)
	return b
}

// Delay is the wait before retry number attempt (0 for the first retry):
// between half and all of First·2^attempt, capped at Max. The jitter
// spreads the retries of many replies and replicas.
func (b Backoff) Delay(attempt int) time.Duration {
	d := b.First << min(attempt, 30)
	if d <= 0 || d > b.Max {
		d = b.Max
	}
	return d/2 + rand.N(d/2+1)
}

// GiveUp reports whether a request first tried at start should not be
// tried again at now.
func (b Backoff) GiveUp(start, now time.Time) bool {
	return now.Sub(start) >= b.For
}

// Sleep waits for d, or until ctx is done, when it returns ctx's error:
// the wait between two tries of a request.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
