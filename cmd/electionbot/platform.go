package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/electionbot/electionbot/bot/console"
	"github.com/electionbot/electionbot/bot/discord"
	"github.com/electionbot/electionbot/bot/telegram"
)

// A platform is one place the bot answers: the terminal, Telegram, Discord.
// Each adapter plugs in by filling these few fields.
type platform struct {
	name string
	// run serves until ctx ends and returns nil then; nil when the
	// platform only answers requests on the HTTP listener.
	run func(ctx context.Context) error
	// ready reports whether the platform is connected; nil means always.
	ready func() bool
	// routes are mounted on the HTTP listener (webhooks), path -> handler.
	routes map[string]http.Handler
}

// platforms builds what the configuration asks for: the chat platforms
// whose tokens are set, and the terminal when none is (or
// ELECTIONBOT_CONSOLE is on).
func (a *app) platforms(stdin io.Reader, stdout io.Writer) ([]*platform, error) {
	var ps []*platform
	var errs []error
	if a.cfg.Telegram.Token.IsSet() {
		p, err := a.telegram()
		ps, errs = append(ps, p), append(errs, err)
	}
	if a.cfg.Discord.Token.IsSet() || a.cfg.Discord.PublicKey != "" {
		p, err := a.discord()
		ps, errs = append(ps, p), append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if a.cfg.terminal() {
		ps = append(ps, a.console(stdin, stdout))
	}
	return ps, nil
}

func (a *app) console(stdin io.Reader, stdout io.Writer) *platform {
	term := console.New(a.eng, console.Options{OutDir: a.cfg.OutDir, Lang: a.cfg.Lang})
	return &platform{
		name: "console",
		run: func(ctx context.Context) error {
			defer term.Close() // the session's chart folder goes with it
			return term.Run(ctx, stdin, stdout)
		},
	}
}

// adapterShutdown is how long an adapter waits for its replies in flight
// on shutdown: a little less than SHUTDOWN_TIMEOUT, so that it gives up
// the last ones (and logs and counts them) before the process stops
// waiting for it.
func (a *app) adapterShutdown() time.Duration {
	t := a.cfg.ShutdownTimeout
	return t - min(t/10, time.Second)
}

// telegram serves Telegram: long polling, or a webhook on the HTTP
// listener at the path of TELEGRAM_WEBHOOK_URL.
func (a *app) telegram() (*platform, error) {
	c := a.cfg.Telegram
	tg, err := telegram.New(a.eng, telegram.Options{
		Token:           c.Token.Reveal(),
		APIURL:          c.APIURL,
		WebhookURL:      c.WebhookURL,
		WebhookSecret:   c.WebhookSecret.Reveal(),
		Logger:          a.log,
		Rate:            a.cfg.Rate,
		ShutdownTimeout: a.adapterShutdown(),
		OnRateLimited:   a.metrics.rateLimitedFunc("telegram"),
		OnUndelivered:   a.metrics.undeliveredFunc("telegram"),
	})
	if err != nil {
		return nil, err
	}
	p := &platform{name: "telegram", run: checkToken(tg.Run, telegram.ErrTokenRejected, "TELEGRAM_TOKEN"), ready: tg.Ready}
	if path := tg.WebhookPath(); path != "" {
		p.routes = map[string]http.Handler{"POST " + path: tg.Handler()}
	}
	return p, nil
}

// discord serves Discord: the HTTP interactions endpoint when
// DISCORD_PUBLIC_KEY is set (and, with DISCORD_TOKEN, the commands
// registered over REST); the gateway when only DISCORD_TOKEN is.
func (a *app) discord() (*platform, error) {
	c := a.cfg.Discord
	opts := discord.Options{
		Token:           c.Token.Reveal(),
		AppID:           c.AppID,
		GuildID:         c.GuildID,
		ShardID:         c.ShardID,
		ShardCount:      c.ShardCount,
		APIURL:          c.APIURL,
		Logger:          a.log,
		Rate:            a.cfg.Rate,
		ShutdownTimeout: a.adapterShutdown(),
		OnRateLimited:   a.metrics.rateLimitedFunc("discord"),
		OnUndelivered:   a.metrics.undeliveredFunc("discord"),
		OnReconnect:     a.metrics.reconnectFunc("discord"),
	}
	if c.PublicKey != "" {
		key, err := discord.ParsePublicKey(c.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("DISCORD_PUBLIC_KEY: %w", err)
		}
		opts.PublicKey = key
	}
	dc, err := discord.New(a.eng, opts)
	if err != nil {
		return nil, err
	}
	p := &platform{name: "discord", run: checkToken(dc.Run, discord.ErrTokenRejected, "DISCORD_TOKEN"), ready: dc.Ready}
	if opts.PublicKey != nil {
		p.routes = map[string]http.Handler{"POST " + discordInteractionsPath: dc.InteractionsHandler()}
	}
	return p, nil
}

// checkToken wraps a platform's run so that a token the platform rejects
// says which setting to check.
func checkToken(run func(context.Context) error, rejected error, setting string) func(context.Context) error {
	return func(ctx context.Context) error {
		err := run(ctx)
		if errors.Is(err, rejected) {
			return fmt.Errorf("%w: check %s", err, setting)
		}
		return err
	}
}
