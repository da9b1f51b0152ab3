package discord_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot/discord"
)

func TestNewChecksOptions(t *testing.T) {
	eng := newEngine(t)
	pub, _, _ := ed25519.GenerateKey(nil)
	tests := []struct {
		name    string
		opts    discord.Options
		wantErr string
	}{
		{"token", discord.Options{Token: "t"}, ""},
		{"token with prefix", discord.Options{Token: "Bot t"}, ""},
		{"public key", discord.Options{PublicKey: pub}, ""},
		{"shards", discord.Options{Token: "t", ShardID: 3, ShardCount: 4}, ""},
		{"nothing", discord.Options{}, "neither a token nor a public key"},
		{"blank token", discord.Options{Token: "Bot  "}, "neither a token nor a public key"},
		{"short key", discord.Options{PublicKey: pub[:31]}, "public key has 31 bytes"},
		{"shard out of range", discord.Options{Token: "t", ShardID: 2, ShardCount: 2}, "shard 2 of 2"},
		{"negative shard", discord.Options{Token: "t", ShardID: -1}, "shard -1 of 1"},
		{"bad API URL", discord.Options{Token: "t", APIURL: "discord.com"}, "API URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := discord.New(eng, tt.opts)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("New(%+v) = %v; want nil", tt.opts, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("New(%+v) = %v; want an error containing %q", tt.opts, err, tt.wantErr)
			}
		})
	}
	if _, err := discord.New(nil, discord.Options{Token: "t"}); err == nil {
		t.Errorf("New(nil engine) = nil error; want one")
	}
}

func TestOptionsStringHidesToken(t *testing.T) {
	o := discord.Options{Token: "very-secret-token", AppID: "1"}
	for _, s := range []string{o.String(), fmt.Sprintf("%v", o), fmt.Sprintf("%+v", o)} {
		if strings.Contains(s, "very-secret-token") || !strings.Contains(s, "AppID:1") {
			t.Errorf("Options printed as %s; want the app id and no token", s)
		}
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	got, err := discord.ParsePublicKey(" " + hex.EncodeToString(pub) + "\n")
	if err != nil || !got.Equal(pub) {
		t.Errorf("ParsePublicKey(hex) = %x, %v; want %x", got, err, pub)
	}
	for _, bad := range []string{"", "zz", hex.EncodeToString(pub[:16])} {
		if _, err := discord.ParsePublicKey(bad); err == nil {
			t.Errorf("ParsePublicKey(%q) = nil error; want one", bad)
		}
	}
}

func TestReadyWithoutGateway(t *testing.T) {
	b, err := discord.New(newEngine(t), discord.Options{Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Ready() {
		t.Errorf("Ready() = true for a token bot that never connected; want false")
	}
}

func TestRegisterCommandsNeeds(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	b, _ := discord.New(newEngine(t), discord.Options{PublicKey: pub, AppID: "1"})
	if err := b.RegisterCommands(context.Background()); err == nil || !strings.Contains(err.Error(), "token") {
		t.Errorf("RegisterCommands() without a token = %v; want an error naming the token", err)
	}
	b, _ = discord.New(newEngine(t), discord.Options{Token: "t"})
	if err := b.RegisterCommands(context.Background()); err == nil || !strings.Contains(err.Error(), "application id") {
		t.Errorf("RegisterCommands() without an app id = %v; want an error naming it", err)
	}
}

// TestHTTPModeRegistersOverREST: with a token and a public key, Run opens
// no gateway; it registers the commands over REST (learning the
// application id there when not configured), checked against Discord's
// OpenAPI description by the fake, and is ready once they are.
func TestHTTPModeRegistersOverREST(t *testing.T) {
	tests := []struct {
		name, appID, guildID string
		wantPath             string
	}{
		{"global, app id given", "app-1", "", "/api/v9/applications/app-1/commands"},
		{"in a guild, app id asked", "", "guild-1", "/api/v9/applications/app-1/guilds/guild-1/commands"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, _, _ := ed25519.GenerateKey(nil)
			fake := newFakeDiscord(t, "app-1", "tok-123")
			b, err := discord.New(newEngine(t), discord.Options{Token: "tok-123", AppID: tt.appID, GuildID: tt.guildID, PublicKey: pub, APIURL: fake.srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- b.Run(ctx) }()
			if tt.appID == "" {
				me := fake.next(t, "the application asked for", func(c restCall) bool { return c.Method == "GET" })
				if me.Path != "/api/v9/applications/@me" {
					t.Errorf("asked for the application at %s; want /api/v9/applications/@me", me.Path)
				}
			}
			reg := fake.next(t, "registration", func(c restCall) bool { return c.Method == "PUT" })
			if reg.Path != tt.wantPath {
				t.Errorf("registered at %s; want %s", reg.Path, tt.wantPath)
			}
			eventually(t, "ready", b.Ready)
			cancel()
			if err := recv(t, done, "return from Run"); err != nil {
				t.Errorf("Run() = %v; want nil", err)
			}
			if n := fake.gateways.Load(); n != 0 {
				t.Errorf("asked for the gateway %d times; want none in HTTP mode", n)
			}
			select {
			case id := <-fake.identify:
				t.Errorf("identified on the gateway (%v); want no gateway in HTTP mode", id)
			default:
			}
		})
	}
}

// TestHTTPModeRetriesRegistration: while Discord fails, registration is
// tried again and the bot is not ready; a rejected token ends Run.
func TestHTTPModeRetriesRegistration(t *testing.T) {
	t.Run("server errors", func(t *testing.T) {
		pub, _, _ := ed25519.GenerateKey(nil)
		fake := newFakeDiscord(t, "app-1", "tok-123")
		fake.failPath("/commands", 2, http.StatusInternalServerError)
		waits := make(chan struct{})
		opts := discord.WithRetryClock(discord.Options{Token: "tok-123", AppID: "app-1", PublicKey: pub, APIURL: fake.srv.URL},
			func(ctx context.Context, _ time.Duration) error {
				select {
				case waits <- struct{}{}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			}, time.Now)
		b, err := discord.New(newEngine(t), opts)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- b.Run(ctx) }()
		for range 2 {
			recv(t, waits, "a wait before trying again")
			if b.Ready() {
				t.Errorf("Ready() = true while registration fails")
			}
		}
		fake.next(t, "registration", func(c restCall) bool { return c.Method == "PUT" })
		eventually(t, "ready", b.Ready)
		cancel()
		recv(t, done, "return from Run")
	})
	t.Run("token rejected", func(t *testing.T) {
		pub, _, _ := ed25519.GenerateKey(nil)
		fake := newFakeDiscord(t, "app-1", "tok-123")
		fake.failPath("/commands", 1, http.StatusUnauthorized)
		b, err := discord.New(newEngine(t), discord.Options{Token: "tok-123", AppID: "app-1", PublicKey: pub, APIURL: fake.srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Run(ctxFor(t)); !errors.Is(err, discord.ErrTokenRejected) {
			t.Errorf("Run() with a rejected token = %v; want ErrTokenRejected", err)
		}
	})
}

// TestRunWithoutToken: an endpoint-only bot's Run waits for ctx and
// returns without touching Discord.
func TestRunWithoutToken(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	b, _ := discord.New(newEngine(t), discord.Options{PublicKey: pub})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	cancel()
	if err := recv(t, done, "return from Run"); err != nil {
		t.Errorf("Run() = %v; want nil", err)
	}
	if b.Ready() {
		t.Errorf("Ready() = true after Run returned; want false")
	}
	if err := b.Run(context.Background()); err == nil {
		t.Errorf("second Run() = nil; want an error")
	}
}
