package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot/adapter"
)

const testPublicKey = "e3f0c2a1b4d5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		args  []string
		check func(config) bool
	}{
		{name: "defaults: terminal, no listener, warn", check: func(c config) bool {
			return c.terminal() && c.HTTPAddr == "" && c.LogLevel == slog.LevelWarn && c.ShutdownTimeout == 10*time.Second && c.Rate == adapter.DefaultRate
		}},
		{name: "a platform turns the listener on and logs at info", env: map[string]string{"TELEGRAM_TOKEN": "123:abc"}, check: func(c config) bool {
			return !c.terminal() && c.HTTPAddr == ":8080" && c.LogLevel == slog.LevelInfo
		}},
		{name: "ELECTIONBOT_CONSOLE keeps the terminal", env: map[string]string{"TELEGRAM_TOKEN": "123:abc", "ELECTIONBOT_CONSOLE": "true"}, check: func(c config) bool {
			return c.terminal()
		}},
		{name: "flags override the environment", env: map[string]string{"HTTP_ADDR": ":1", "ELECTIONBOT_DATA": "env"}, args: []string{"-http-addr", ":2", "-data", "flag"}, check: func(c config) bool {
			return c.HTTPAddr == ":2" && c.DataDir == "flag"
		}},
		{name: "a boolean flag alone", env: map[string]string{"TELEGRAM_TOKEN": "123:abc"}, args: []string{"-console"}, check: func(c config) bool {
			return c.Console && c.terminal()
		}},
		{name: "watch true", env: map[string]string{"ELECTIONBOT_DATA": "d", "ELECTIONBOT_WATCH": "true"}, check: func(c config) bool { return c.Watch == defaultWatchInterval }},
		{name: "watch interval", env: map[string]string{"ELECTIONBOT_DATA": "d", "ELECTIONBOT_WATCH": "30s"}, check: func(c config) bool { return c.Watch == 30*time.Second }},
		{name: "watch off", env: map[string]string{"ELECTIONBOT_WATCH": "false"}, check: func(c config) bool { return c.Watch == 0 }},
		{name: "discord interactions only", env: map[string]string{"DISCORD_PUBLIC_KEY": testPublicKey, "DISCORD_APP_ID": "123"}, check: func(c config) bool {
			return c.chatPlatforms() && c.HTTPAddr == ":8080"
		}},
		{name: "json logs at debug", env: map[string]string{"LOG_FORMAT": "JSON", "LOG_LEVEL": "debug"}, check: func(c config) bool {
			return c.LogFormat == "json" && c.LogLevel == slog.LevelDebug
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, _, err := loadConfig(tt.args, envOf(tt.env), io.Discard)
			if err != nil {
				t.Fatalf("loadConfig(%q) with %v: %v", tt.args, tt.env, err)
			}
			if !tt.check(cfg) {
				t.Errorf("loadConfig(%q) with %v = %+v; not what the test wants", tt.args, tt.env, cfg)
			}
		})
	}
}

func TestValidateNamesTheVariable(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{env: map[string]string{"HTTP_ADDR": "8080"}, want: "HTTP_ADDR"},
		{env: map[string]string{"HTTP_ADDR": ":http-alt"}, want: "HTTP_ADDR"},
		{env: map[string]string{"LOG_FORMAT": "logfmt"}, want: "LOG_FORMAT"},
		{env: map[string]string{"LOG_LEVEL": "verbose"}, want: "LOG_LEVEL"},
		{env: map[string]string{"SHUTDOWN_TIMEOUT": "0s"}, want: "SHUTDOWN_TIMEOUT"},
		{env: map[string]string{"SHUTDOWN_TIMEOUT": "-1s"}, want: "SHUTDOWN_TIMEOUT"},
		{env: map[string]string{"RATE_LIMIT_PER_MINUTE": "many"}, want: "RATE_LIMIT_PER_MINUTE"},
		{env: map[string]string{"RATE_LIMIT_PER_MINUTE": "-5"}, want: "RATE_LIMIT_PER_MINUTE"},
		{env: map[string]string{"RATE_LIMIT_BURST": "0"}, want: "RATE_LIMIT_BURST"},
		{env: map[string]string{"ELECTIONBOT_CONSOLE": "sometimes"}, want: "ELECTIONBOT_CONSOLE"},
		{env: map[string]string{"ELECTIONBOT_WATCH": "10s"}, want: "ELECTIONBOT_WATCH needs ELECTIONBOT_DATA"},
		{env: map[string]string{"ELECTIONBOT_DATA": "d", "ELECTIONBOT_WATCH": "1ms"}, want: "ELECTIONBOT_WATCH"},
		{env: map[string]string{"ELECTIONBOT_DATA": "d", "ELECTIONBOT_WATCH": "often"}, want: "ELECTIONBOT_WATCH"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:a", "TELEGRAM_API_URL": "api.telegram.org"}, want: "TELEGRAM_API_URL"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:a", "TELEGRAM_WEBHOOK_URL": "http://bot.example.org/hook"}, want: "TELEGRAM_WEBHOOK_URL must be https://"},
		{env: map[string]string{"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/hook"}, want: "TELEGRAM_TOKEN"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:a", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/metrics"}, want: "TELEGRAM_WEBHOOK_URL's path"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:a", "TELEGRAM_WEBHOOK_SECRET": "s3cret"}, want: "TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:a", "TELEGRAM_WEBHOOK_URL": "https://b.example.org/h", "TELEGRAM_WEBHOOK_SECRET": "no spaces please"}, want: "TELEGRAM_WEBHOOK_SECRET must be"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:a", "TELEGRAM_TOKEN_FILE": "/run/secrets/t"}, want: "TELEGRAM_TOKEN and TELEGRAM_TOKEN_FILE"},
		{env: map[string]string{"DISCORD_TOKEN_FILE": "/nonexistent/token"}, want: "DISCORD_TOKEN_FILE"},
		{env: map[string]string{"DISCORD_PUBLIC_KEY": "zz" + testPublicKey[2:]}, want: "DISCORD_PUBLIC_KEY must be 64 hex characters"},
		{env: map[string]string{"DISCORD_PUBLIC_KEY": testPublicKey[2:]}, want: "DISCORD_PUBLIC_KEY must be 64 hex characters"},
		{env: map[string]string{"DISCORD_TOKEN": "x", "DISCORD_APP_ID": "my-app"}, want: "DISCORD_APP_ID"},
		{env: map[string]string{"DISCORD_TOKEN": "x", "DISCORD_GUILD_ID": "guild"}, want: "DISCORD_GUILD_ID"},
		{env: map[string]string{"DISCORD_TOKEN": "x", "DISCORD_SHARD_ID": "2", "DISCORD_SHARD_COUNT": "2"}, want: "DISCORD_SHARD_ID"},
		{env: map[string]string{"DISCORD_TOKEN": "x", "DISCORD_SHARD_COUNT": "0"}, want: "DISCORD_SHARD_COUNT"},
		{env: map[string]string{"DISCORD_TOKEN": "x", "DISCORD_SHARD_COUNT": "two"}, want: "DISCORD_SHARD_COUNT"},
		{env: map[string]string{"DISCORD_TOKEN": "x", "DISCORD_API_URL": "ftp://discord.com"}, want: "DISCORD_API_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, _, err := loadConfig(nil, envOf(tt.env), io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("loadConfig with %v = %v; want an error naming %q", tt.env, err, tt.want)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	_, _, err := loadConfig(nil, envOf(map[string]string{"HTTP_ADDR": "x", "LOG_FORMAT": "y", "RATE_LIMIT_BURST": "0"}), io.Discard)
	for _, name := range []string{"HTTP_ADDR", "LOG_FORMAT", "RATE_LIMIT_BURST"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("loadConfig with three wrong settings = %v; want it to name %s too", err, name)
		}
	}
}

func TestSecretsAreNeverShown(t *testing.T) {
	const token, hookSecret = "123456:SUPER-SECRET-TOKEN", "hook_secret_value"
	file := filepath.Join(t.TempDir(), "discord-token")
	os.WriteFile(file, []byte("DISCORD-SECRET-TOKEN\n"), 0o600)
	env := map[string]string{
		"TELEGRAM_TOKEN": token, "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/hook", "TELEGRAM_WEBHOOK_SECRET": hookSecret,
		"DISCORD_TOKEN_FILE": file,
	}
	cfg, _, err := loadConfig(nil, envOf(env), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Discord.Token.Reveal(); got != "DISCORD-SECRET-TOKEN" {
		t.Errorf("DISCORD_TOKEN_FILE gave %q; want the file's token without its line end", got)
	}
	if got := cfg.Telegram.Token.Reveal(); got != token {
		t.Errorf("TELEGRAM_TOKEN gave %q; want %q", got, token)
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "%v %+v %#v %s %q\n", cfg, cfg, cfg, cfg.Telegram.Token, cfg.Telegram.Token)
	for _, format := range []string{"text", "json"} {
		c := cfg
		c.LogFormat = format
		c.LogLevel = slog.LevelDebug
		newLogger(c, &out).Debug("config", "config", cfg, "telegram", cfg.Telegram, "token", cfg.Telegram.Token)
	}
	for _, s := range []string{token, hookSecret, "DISCORD-SECRET-TOKEN"} {
		if strings.Contains(out.String(), s) {
			t.Errorf("a secret shows in printed or logged config:\n%s", out.String())
		}
	}
	if !strings.Contains(out.String(), "[redacted]") {
		t.Errorf("printed config does not mark its secrets as redacted:\n%s", out.String())
	}
}

// TestREADMEListsEverySetting keeps the README's table in step with the
// settings the program reads.
func TestREADMEListsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range settings {
		names := []string{"`" + s.env + "`"}
		if s.flag != "" {
			names = append(names, "`-"+s.flag+"`")
		}
		if s.secret {
			names = append(names, "`"+s.env+"_FILE`")
		}
		for _, n := range names {
			if !bytes.Contains(readme, []byte(n)) {
				t.Errorf("README.md does not mention %s", n)
			}
		}
	}
}

func TestParseBytes(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{"2097152", 2097152, false},
		{"2MiB", 2 << 20, false},
		{" 512 KiB ", 512 << 10, false},
		{"1GiB", 1 << 30, false},
		{"0", 0, true},
		{"-5", 0, true},
		{"2MB", 0, true},
		{"", 0, true},
		{"99999999GiB", 0, true},
	}
	for _, tt := range tests {
		got, err := parseBytes(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseBytes(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
