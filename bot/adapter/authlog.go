package adapter

import (
	"log/slog"
	"net"
	"sync"
	"time"
)

// An AuthLog logs requests that failed authentication (a wrong webhook
// secret, a bad signature) without letting a flood of them flood the log:
// the first failure from a source is logged at once, and after that at
// most one line a minute per source, with the number of failures since
// the line before. It is safe for concurrent use.
type AuthLog struct {
	log   *slog.Logger
	now   func() time.Time
	every time.Duration

	mu      sync.Mutex
	sources map[string]*authSource
	sweep   time.Time
}

type authSource struct {
	logged  time.Time // when the last line for the source was written
	pending int       // failures since then
}

// maxAuthSources bounds the sources remembered; past it, failures from
// new sources share one entry.
const maxAuthSources = 4096

// NewAuthLog logs to log; now may be nil (time.Now).
func NewAuthLog(log *slog.Logger, now func() time.Time) *AuthLog {
	if now == nil {
		now = time.Now
	}
	return &AuthLog{log: log, now: now, every: time.Minute, sources: map[string]*authSource{}}
}

// Failed records one failed request from remoteAddr (an http.Request's
// RemoteAddr: the port is left out, so that one client is one source)
// and why it failed.
func (a *AuthLog) Failed(remoteAddr, why string) {
	source := remoteAddr
	if host, _, err := net.SplitHostPort(remoteAddr); err == nil {
		source = host
	}
	a.mu.Lock()
	t := a.now()
	if t.Sub(a.sweep) > a.every {
		a.forgetQuiet(t)
	}
	s := a.sources[source]
	if s == nil {
		if len(a.sources) >= maxAuthSources {
			source = "other"
			s = a.sources[source]
		}
		if s == nil {
			s = &authSource{}
			a.sources[source] = s
		}
	}
	s.pending++
	if !s.logged.IsZero() && t.Sub(s.logged) < a.every {
		a.mu.Unlock()
		return
	}
	n := s.pending
	s.logged, s.pending = t, 0
	a.mu.Unlock()
	a.log.Warn("request failed authentication", "source", source, "reason", why, "count", n)
}

// forgetQuiet drops sources with nothing pending whose last line is more
// than a minute old: their next failure is logged at once anyway.
func (a *AuthLog) forgetQuiet(t time.Time) {
	a.sweep = t
	for k, s := range a.sources {
		if s.pending == 0 && t.Sub(s.logged) >= a.every {
			delete(a.sources, k)
		}
	}
}
