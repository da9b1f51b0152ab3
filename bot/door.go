package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// The engine's front door. Every way in (a message or typed command, a
// button press, an autocomplete request) goes through serve: it takes
// the data the request will be answered from, turns a panic into an
// apology and a logged stack trace, and reports the request to the
// observer (the answer log line and the metrics) with its command label.

// An Event describes one request, for logs and metrics.
type Event struct {
	Platform string
	// Command is the command name, "text" for free text, "button" for a
	// button press, "autocomplete" for suggestions and "unknown" for a
	// command the bot lacks; the set is small so that metrics labels stay
	// bounded. Platform is empty for buttons and autocomplete, which do
	// not say where they come from.
	Command string
	Outcome Outcome
	Latency time.Duration
	// Lang is the language of the answer.
	Lang lang.Lang
}

// WithObserver has f called after every request with what happened.
func WithObserver(f func(Event)) Option { return func(e *Engine) { e.observe = f } }

// Handle answers one request. It never panics: a failure in answering is
// logged and answered with a short apology.
func (e *Engine) Handle(ctx context.Context, req Request) Response {
	p := parse(req)
	l := p.lang(lang.FromLocale(req.Locale))
	return e.serve(req.Platform, "text", l, func(st *state, command *string) Response {
		c := &call{engine: e, lib: st.lib, state: st, ctx: ctx, p: p, say: reply.In(l)}
		if p.command == "" {
			return c.freeText(p.args)
		}
		cmd := e.lookup(p.command)
		if cmd == nil {
			*command = "unknown"
			return c.unknownCommand(p.command)
		}
		*command = cmd.Name
		return cmd.run(c)
	})
}

// Press answers a button press carrying data from a Response's Button.
func (e *Engine) Press(ctx context.Context, data string) Response {
	l := pageLang(data)
	return e.serve("", "button", l, func(st *state, _ *string) Response {
		c := &call{engine: e, lib: st.lib, state: st, ctx: ctx, say: reply.In(l)}
		return c.turnPage(data)
	})
}

// Complete suggests values for a command option as the user types
// partial; election is the election option typed so far, if any. It
// suggests nothing when something breaks.
func (e *Engine) Complete(command, option, partial, election string) []Choice {
	var out []Choice
	e.serve("", "autocomplete", lang.En, func(st *state, _ *string) Response {
		out = complete(st, command, option, partial, election)
		return Response{Outcome: Answered}
	})
	return out
}

// serve runs answer on the current data, labelled command until answer
// names the command it runs, and writes the answer in l's script.
func (e *Engine) serve(platform, command string, l lang.Lang, answer func(st *state, command *string) Response) (resp Response) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			e.log.Error("answer panicked", "platform", platform, "command", command, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			resp = reply.In(l).Apology()
		}
		resp.Lang = l
		resp = resp.Scripted()
		if e.observe != nil {
			e.observe(Event{Platform: platform, Command: command, Outcome: resp.Outcome, Latency: time.Since(start), Lang: l})
		}
	}()
	return answer(e.state.Load(), &command)
}
