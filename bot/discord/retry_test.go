package discord_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/adapter"
	"github.com/electionbot/electionbot/bot/discord"
)

// TestDeferredAnswerRetries fails the edit that carries a deferred answer
// and checks that it arrives once, or is given up and counted.
func TestDeferredAnswerRetries(t *testing.T) {
	tests := []struct {
		name     string
		failures int
		status   int
		attempts int64
		reason   string // "" when the answer arrives
	}{
		{"500s within the back-off", 3, http.StatusInternalServerError, 4, ""},
		{"503s past the back-off", 10, http.StatusServiceUnavailable, 4, "server_error"},
		{"403", 1, http.StatusForbidden, 1, "forbidden"},
		{"404", 1, http.StatusNotFound, 1, "rejected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Each wait moves the retries' clock 10 s on; they give up
			// after 25 s, so the 4th failed attempt is the last.
			var mu sync.Mutex
			now := time.Unix(1700000000, 0)
			var reasons []string
			opts := discord.WithRetryClock(discord.Options{
				DeferAfter: time.Nanosecond,
				Backoff:    adapter.Backoff{First: time.Millisecond, For: 25 * time.Second},
				OnUndelivered: func(r string) {
					mu.Lock()
					reasons = append(reasons, r)
					mu.Unlock()
				},
			}, func(ctx context.Context, _ time.Duration) error {
				mu.Lock()
				now = now.Add(10 * time.Second)
				mu.Unlock()
				return ctx.Err()
			}, func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				return now
			})
			e := newEndpoint(t, newEngine(t), opts)
			release := make(chan struct{})
			e.bot.SetHandle(func(context.Context, bot.Request) bot.Response {
				<-release
				return bot.Response{Title: "Seats", Text: "110 seats.", Outcome: bot.Answered}
			})
			e.fake.failWebhooks(tt.failures, tt.status)
			if r, _ := e.interact(command("seats")); r.Type != 5 {
				t.Fatalf("first response type %d; want 5 (deferred)", r.Type)
			}
			close(release)
			if err := e.bot.Shutdown(ctxFor(t)); err != nil {
				t.Fatalf("Shutdown() = %v", err)
			}
			if got := e.fake.attempts.Load(); got != tt.attempts {
				t.Errorf("the edit was tried %d times; want %d", got, tt.attempts)
			}
			edits := 0
			for len(e.fake.rest) > 0 {
				if c := <-e.fake.rest; c.Method == "PATCH" {
					edits++
				}
			}
			if want := map[bool]int{true: 1, false: 0}[tt.reason == ""]; edits != want {
				t.Errorf("Discord took %d edits; want %d", edits, want)
			}
			var want []string
			if tt.reason != "" {
				want = []string{tt.reason}
			}
			mu.Lock()
			defer mu.Unlock()
			if !slices.Equal(reasons, want) {
				t.Errorf("OnUndelivered reasons %q; want %q", reasons, want)
			}
		})
	}
}
