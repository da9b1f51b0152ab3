package discord_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/discord"
	"github.com/electionbot/electionbot/internal/fakechart"
)

const botToken = "gateway-test-token-5678"

// gatewayBot runs a Bot on the gateway of a fake Discord until the test
// ends, and checks that Run then returns nil.
func gatewayBot(t *testing.T, eng *bot.Engine, opts discord.Options) (*discord.Bot, *fakeDiscord, *syncBuffer) {
	t.Helper()
	fake := newFakeDiscord(t, "app-1", botToken)
	logs := &syncBuffer{}
	opts.Token = botToken
	// With a path, the configured root replaces discordgo's /api/v9.
	opts.APIURL = fake.srv.URL + "/api/v10"
	opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if opts.DeferAfter == 0 {
		opts.DeferAfter = time.Hour
	}
	b, err := discord.New(eng, opts)
	if err != nil {
		t.Fatalf("discord.New() = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := recv(t, done, "return from Run"); err != nil {
			t.Errorf("Run() = %v; want nil", err)
		}
		if strings.Contains(logs.String(), botToken) {
			t.Errorf("logs show the bot token:\n%s", logs)
		}
	})
	return b, fake, logs
}

func TestGatewayEndToEnd(t *testing.T) {
	t.Parallel() // closing a discordgo session takes a second; overlap it
	eng := newEngine(t)
	b, fake, _ := gatewayBot(t, eng, discord.Options{GuildID: "guild-1", ShardID: 1, ShardCount: 2})
	b.SetHandle(func(ctx context.Context, req bot.Request) bot.Response {
		if req.Command == "about" {
			panic("the adapter broke")
		}
		return eng.Handle(ctx, req)
	})

	id := recv(t, fake.identify, "IDENTIFY")
	if id.Token != "Bot "+botToken && id.Token != botToken {
		t.Errorf("IDENTIFY token = %q; want the bot token", id.Token)
	}
	if id.Intents == nil || *id.Intents != 0 {
		t.Errorf("IDENTIFY intents = %v; want 0 (interactions need none)", id.Intents)
	}
	if id.Shard == nil || *id.Shard != [2]int{1, 2} {
		t.Errorf("IDENTIFY shard = %v; want [1 2]", id.Shard)
	}

	// No application id was configured: READY's is used.
	reg := fake.next(t, "command registration", func(c restCall) bool { return c.Method == "PUT" })
	if want := "/api/v10/applications/app-1/guilds/guild-1/commands"; reg.Path != want {
		t.Errorf("registration path = %s; want %s", reg.Path, want)
	}
	var cmds []struct {
		Name    string `json:"name"`
		Options []struct {
			Name         string   `json:"name"`
			Type         int      `json:"type"`
			MinValue     *float64 `json:"min_value"`
			MaxValue     *float64 `json:"max_value"`
			Autocomplete bool     `json:"autocomplete"`
		} `json:"options"`
	}
	if err := json.Unmarshal(reg.Payload, &cmds); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
		if c.Name == "list" {
			o := c.Options[0]
			if o.Type != 4 || o.MinValue == nil || *o.MinValue != 1 || o.MaxValue == nil || *o.MaxValue != 23 || !o.Autocomplete {
				t.Errorf("/list option = %+v; want an autocompleted integer from 1 to 23", o)
			}
		}
	}
	if got, want := strings.Join(names, " "), "seats results list poll party candidate compare trend about ask search elections sources help"; got != want {
		t.Errorf("registered %s; want %s", got, want)
	}
	eventually(t, "Ready()", b.Ready)

	t.Run("command", func(t *testing.T) {
		i := command("list", option{Name: "number", Type: 4, Value: 12})
		r := fake.interact(t, "/api/v10", i)
		if r.Type != 4 {
			t.Fatalf("callback type %d; want 4", r.Type)
		}
		if title := unescape(r.Data.Embeds[0].Title); !strings.HasPrefix(title, "List 12: Dveri") {
			t.Errorf("title = %q; want List 12: Dveri ...", title)
		}
	})
	t.Run("autocomplete", func(t *testing.T) {
		i := autocomplete("list", option{Name: "number", Type: 4, Value: "", Focused: true})
		r := fake.interact(t, "/api/v10", i)
		if r.Type != 8 || r.Data == nil || len(r.Data.Choices) == 0 || len(r.Data.Choices) > 25 {
			t.Fatalf("autocomplete = %+v; want 1 to 25 choices", r)
		}
		if _, ok := r.Data.Choices[0].Value.(float64); !ok {
			t.Errorf("choice value %#v; want an integer", r.Data.Choices[0].Value)
		}
	})
	t.Run("button", func(t *testing.T) {
		i := click("list:3:belgrade-2014")
		r := fake.interact(t, "/api/v10", i)
		if r.Type != 7 {
			t.Fatalf("callback type %d; want 7", r.Type)
		}
		if desc := unescape(r.Data.Embeds[0].Description); !strings.Contains(desc, "Page 3 of 3") {
			t.Errorf("page = %q; want page 3", desc)
		}
	})
	t.Run("panic", func(t *testing.T) {
		i := command("about")
		r := fake.interact(t, "/api/v10", i)
		wantApology(t, r)
	})
}

func TestGatewayDeferred(t *testing.T) {
	t.Parallel()
	pngData := fakechart.TinyPNG()
	charter := &fakechart.Charter{PNG: pngData, Release: make(chan struct{})}
	_, fake, _ := gatewayBot(t, newEngine(t, bot.WithCharts(charter)), discord.Options{AppID: "app-1", DeferAfter: time.Nanosecond})
	reg := fake.next(t, "command registration", func(c restCall) bool { return c.Method == "PUT" })
	if want := "/api/v10/applications/app-1/commands"; reg.Path != want {
		t.Errorf("registration path = %s; want %s (global)", reg.Path, want)
	}
	i := command("seats")
	if r := fake.interact(t, "/api/v10", i); r.Type != 5 {
		t.Fatalf("first callback type %d; want 5 (deferred)", r.Type)
	}
	close(charter.Release)
	_, m := fake.nextMessage(t, "edit of the deferred response", "PATCH")
	if title := unescape(m.Embeds[0].Title); !strings.HasPrefix(title, "Seats") {
		t.Errorf("edited title = %q; want the seats answer", title)
	}
	if m.Embeds[len(m.Embeds)-1].Image == nil {
		t.Errorf("edited embed has no image; want attachment://seats.png")
	}
}

// TestGatewayShutdownWaits checks that Run, told to stop while an answer
// is still being drawn, waits for it and sends it before returning.
func TestGatewayShutdownWaits(t *testing.T) {
	t.Parallel()
	charter := &fakechart.Charter{PNG: fakechart.TinyPNG(), Release: make(chan struct{}), Started: make(chan struct{}, 1)}
	fake := newFakeDiscord(t, "app-1", botToken)
	b, err := discord.New(newEngine(t, bot.WithCharts(charter)), discord.Options{
		Token: botToken, AppID: "app-1", APIURL: fake.srv.URL, DeferAfter: time.Hour,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	eventually(t, "Ready()", b.Ready)
	i := command("seats")
	fake.dispatch("INTERACTION_CREATE", i)
	// The answer is in flight once the engine asks for the chart.
	recv(t, charter.Started, "the engine asking for the chart")
	cancel()
	eventually(t, "Ready() to turn false", func() bool { return !b.Ready() })
	select {
	case err := <-done:
		t.Fatalf("Run() = %v before the answer in flight was sent", err)
	default:
	}
	close(charter.Release)
	// The base URL has no path here, so discordgo's /api/v9 stays.
	r := fake.callback(t, "/api/v9", i["id"].(string))
	if r.Type != 4 {
		t.Errorf("callback type %d; want 4", r.Type)
	}
	if err := recv(t, done, "return from Run"); err != nil {
		t.Errorf("Run() = %v; want nil", err)
	}
}

// TestGatewayReconnect has the fake ask the bot to reconnect (op 7, as
// Discord does before it restarts a gateway): discordgo resumes the
// session, the bot counts the reconnection and keeps answering.
func TestGatewayReconnect(t *testing.T) {
	t.Parallel()
	var reconnects atomic.Int64
	b, fake, _ := gatewayBot(t, newEngine(t), discord.Options{AppID: "app-1", OnReconnect: func() { reconnects.Add(1) }})
	recv(t, fake.identify, "IDENTIFY")
	eventually(t, "Ready()", b.Ready)
	fake.send(map[string]any{"op": 7, "d": nil})
	if id := recv(t, fake.resumes, "RESUME"); id != "session-1" {
		t.Errorf("RESUME of session %q; want session-1", id)
	}
	eventually(t, "the reconnection counted", func() bool { return reconnects.Load() == 1 })
	eventually(t, "Ready() after the reconnection", b.Ready)
	if r := fake.interact(t, "/api/v10", command("elections")); r.Type != 4 {
		t.Errorf("answer after the reconnection has type %d; want 4", r.Type)
	}
}
