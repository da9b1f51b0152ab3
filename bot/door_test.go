package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/lang"
)

// panicky is an answerer that breaks on every question.
type panicky struct{}

func (panicky) Answer(context.Context, string, lang.Lang) bot.Response {
	panic("the answerer exploded")
}

// TestFrontDoor checks that every way into the engine is observed with
// its command label, and that a panic anywhere becomes an apology and a
// logged stack trace.
func TestFrontDoor(t *testing.T) {
	lib := seedEngine(t).Library()
	var mu sync.Mutex
	var events []bot.Event
	var logs bytes.Buffer
	eng := bot.New(lib,
		bot.WithObserver(func(ev bot.Event) { mu.Lock(); events = append(events, ev); mu.Unlock() }),
		bot.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))),
		bot.WithCharts(&fakechart.Charter{Panic: true}),
		bot.WithAnswerer(func(*bot.Library) bot.Answerer { return panicky{} }))
	ctx := context.Background()
	tests := []struct {
		name    string
		do      func() bot.Outcome
		command string
		outcome bot.Outcome
	}{
		{"a command", func() bot.Outcome { return eng.Handle(ctx, bot.Request{Platform: "telegram", Text: "/about"}).Outcome }, "about", bot.Answered},
		{"a command that panics", func() bot.Outcome { return eng.Handle(ctx, bot.Request{Platform: "telegram", Text: "/seats"}).Outcome }, "seats", bot.InternalError},
		{"free text that panics", func() bot.Outcome { return eng.Handle(ctx, bot.Request{Platform: "discord", Text: "who won?"}).Outcome }, "text", bot.InternalError},
		{"an unknown command", func() bot.Outcome { return eng.Handle(ctx, bot.Request{Platform: "console", Text: "/weather"}).Outcome }, "unknown", bot.UserError},
		{"a button", func() bot.Outcome { return eng.Press(ctx, "list:2:"+lib.Elections[0].ID).Outcome }, "button", bot.Answered},
		{"an expired button", func() bot.Outcome { return eng.Press(ctx, "garbage").Outcome }, "button", bot.UserError},
		{"autocomplete", func() bot.Outcome {
			if len(eng.Complete("party", "name", "djil", "")) == 0 {
				t.Error("Complete(party name djil) suggested nothing")
			}
			return bot.Answered
		}, "autocomplete", bot.Answered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			before := len(events)
			mu.Unlock()
			if got := tt.do(); got != tt.outcome {
				t.Errorf("outcome = %v; want %v", got, tt.outcome)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(events) != before+1 {
				t.Fatalf("observed %d events; want 1", len(events)-before)
			}
			if ev := events[before]; ev.Command != tt.command || ev.Outcome != tt.outcome {
				t.Errorf("event = %+v; want command %q, outcome %v", ev, tt.command, tt.outcome)
			}
		})
	}
	for _, want := range []string{"answer panicked", "command=seats", "command=text", "the chart exploded", "the answerer exploded", "stack="} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}
