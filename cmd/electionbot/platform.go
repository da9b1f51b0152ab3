package main

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/electionbot/electionbot/bot/console"
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
	term := console.New(a.eng, console.Options{OutDir: a.cfg.OutDir})
	return &platform{
		name: "console",
		run:  func(ctx context.Context) error { return term.Run(ctx, stdin, stdout) },
	}
}

// telegram is wired once the bot/telegram adapter lands.
func (a *app) telegram() (*platform, error) {
	return nil, errors.New("TELEGRAM_TOKEN is set, but this build has no Telegram adapter yet")
}

// discord is wired once the bot/discord adapter lands.
func (a *app) discord() (*platform, error) {
	return nil, errors.New("DISCORD_TOKEN or DISCORD_PUBLIC_KEY is set, but this build has no Discord adapter yet")
}
