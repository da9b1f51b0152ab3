package discord

import (
	"context"
	"time"

	"github.com/electionbot/electionbot/bot"
)

// SetHandle replaces the engine's Handle, so that tests reach paths the
// engine never takes: a panic in the adapter, an answer that is slow.
func (b *Bot) SetHandle(f func(context.Context, bot.Request) bot.Response) { b.handle = f }

// SetComplete replaces the engine's Complete.
func (b *Bot) SetComplete(f func(command, option, partial, election string) []bot.Choice) {
	b.complete = f
}

// SetPress replaces the engine's Press.
func (b *Bot) SetPress(f func(context.Context, string) bot.Response) { b.press = f }

// WithClock gives the options a clock: the rate limit's and the
// signature timestamps'.
func WithClock(o Options, now func() time.Time) Options {
	o.now = now
	return o
}

// WithRetryClock gives the options the retries' wait and clock, so that
// tests retry without waiting.
func WithRetryClock(o Options, wait func(context.Context, time.Duration) error, clock func() time.Time) Options {
	o.wait, o.clock = wait, clock
	return o
}
