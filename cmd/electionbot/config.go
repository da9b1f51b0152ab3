package main

import (
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/electionbot/electionbot/bot/adapter"
)

// config is every setting of the process. It is read once, from the
// environment and then the flags, and handed to what needs it; nothing reads
// the environment after that.
type config struct {
	DataDir string        // ELECTIONBOT_DATA: folder of *.txt articles; "" = embedded
	OutDir  string        // ELECTIONBOT_OUT: chart images in the terminal
	Watch   time.Duration // ELECTIONBOT_WATCH: poll interval of DataDir; 0 = off
	Console bool          // ELECTIONBOT_CONSOLE: terminal alongside the chat platforms
	// MaxArticleBytes (ELECTIONBOT_MAX_ARTICLE_BYTES) bounds one article
	// file; a larger one stops the start, or a reload.
	MaxArticleBytes int64

	LogLevel  slog.Level
	LogFormat string // "text" or "json"

	HTTPAddr string // "" = no listener
	// AdminAddr, when set, serves /healthz, /readyz and /metrics apart
	// from the webhooks on HTTPAddr.
	AdminAddr       string
	ShutdownTimeout time.Duration

	Rate adapter.Rate // per user, on every chat platform; PerMinute 0 = off

	Telegram telegramConfig
	Discord  discordConfig
}

type telegramConfig struct {
	Token         secret
	APIURL        string
	WebhookURL    string
	WebhookSecret secret
}

type discordConfig struct {
	Token      secret
	AppID      string
	GuildID    string
	PublicKey  string
	ShardID    int
	ShardCount int
	APIURL     string
}

// A secret is a token or password. It prints and logs as "[redacted]" so
// that a config dumped into a log or an error never shows it; Reveal gives
// the value to the one place that sends it.
type secret struct{ v string }

func (s secret) Reveal() string { return s.v }
func (s secret) IsSet() bool    { return s.v != "" }

func (s secret) String() string {
	if s.v == "" {
		return ""
	}
	return "[redacted]"
}

func (s secret) GoString() string { return `secret("` + s.String() + `")` }

func (s secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// A setting is one environment variable, the flag that mirrors it, and its
// default. Secrets have no flag (command lines show up in ps) but may come
// from a file named by NAME_FILE.
type setting struct {
	env, flag, def, usage string
	secret                bool
	boolean               bool // the flag may stand alone: -console
}

// settings lists every variable the program reads; the README's table and
// a test keep them in step.
var settings = []setting{
	{env: "ELECTIONBOT_DATA", flag: "data", usage: "folder of *.txt articles (and aliases.tsv) to load instead of the embedded data"},
	{env: "ELECTIONBOT_OUT", flag: "out", usage: "folder for chart images in the terminal (default: a new temporary folder)"},
	{env: "ELECTIONBOT_WATCH", flag: "watch", usage: "reload when a file in ELECTIONBOT_DATA changes: true, or a poll interval such as 10s"},
	{env: "ELECTIONBOT_MAX_ARTICLE_BYTES", flag: "max-article-bytes", def: "2MiB", usage: "largest article file loaded, in bytes (or KiB, MiB); a larger one is refused unread"},
	{env: "ELECTIONBOT_CONSOLE", flag: "console", boolean: true, usage: "also run the terminal session when a chat platform is configured (true/false)"},
	{env: "LOG_LEVEL", flag: "log-level", usage: "debug, info, warn or error (default info; warn in the terminal)"},
	{env: "LOG_FORMAT", flag: "log-format", def: "text", usage: "text or json"},
	{env: "HTTP_ADDR", flag: "http-addr", usage: "listener for /healthz, /readyz, /metrics and webhooks (default :8080 when a chat platform is configured, none otherwise)"},
	{env: "ADMIN_ADDR", flag: "admin-addr", usage: "listener for /healthz, /readyz and /metrics alone, apart from the webhooks on HTTP_ADDR (e.g. :9090)"},
	{env: "SHUTDOWN_TIMEOUT", flag: "shutdown-timeout", def: "10s", usage: "how long to let answers in flight finish on SIGINT/SIGTERM"},
	{env: "RATE_LIMIT_PER_MINUTE", flag: "rate-limit", def: strconv.Itoa(adapter.DefaultRate.PerMinute), usage: "messages a minute one user may send; 0 turns the limit off"},
	{env: "RATE_LIMIT_BURST", flag: "rate-burst", def: strconv.Itoa(adapter.DefaultRate.Burst), usage: "messages one user may send at once before the limit applies"},
	{env: "TELEGRAM_TOKEN", secret: true, usage: "Telegram bot token from @BotFather; turns Telegram on"},
	{env: "TELEGRAM_API_URL", flag: "telegram-api-url", usage: "Telegram Bot API server (default https://api.telegram.org)"},
	{env: "TELEGRAM_WEBHOOK_URL", flag: "telegram-webhook-url", usage: "public https:// URL of this process's webhook; empty means long polling"},
	{env: "TELEGRAM_WEBHOOK_SECRET", secret: true, usage: "secret Telegram sends with each webhook update (1-256 of A-Z a-z 0-9 _ -)"},
	{env: "DISCORD_TOKEN", secret: true, usage: "Discord bot token; turns the Discord gateway on, or with DISCORD_PUBLIC_KEY registers the commands over REST"},
	{env: "DISCORD_APP_ID", flag: "discord-app-id", usage: "Discord application id, for registering the slash commands"},
	{env: "DISCORD_GUILD_ID", flag: "discord-guild-id", usage: "register the commands in this server only (instant; global otherwise)"},
	{env: "DISCORD_PUBLIC_KEY", flag: "discord-public-key", usage: "application public key (64 hex characters); turns the HTTP interactions endpoint on"},
	{env: "DISCORD_SHARD_ID", flag: "discord-shard-id", def: "0", usage: "this process's gateway shard"},
	{env: "DISCORD_SHARD_COUNT", flag: "discord-shard-count", def: "1", usage: "number of gateway shards across all processes"},
	{env: "DISCORD_API_URL", flag: "discord-api-url", usage: "Discord REST API base (default https://discord.com/api/v10)"},
}

// Paths of the chat endpoints on the HTTP listener.
const (
	discordInteractionsPath = "/discord/interactions"
	defaultHTTPAddr         = ":8080"
	defaultWatchInterval    = 2 * time.Second
)

// loadConfig reads the settings from getenv, then lets flags in args
// override them, and returns the config and the arguments left (the
// subcommand). Flags may also follow the subcommand: "ask -data DIR ...".
func loadConfig(args []string, getenv func(string) string, stderr io.Writer) (config, []string, error) {
	raw := map[string]string{}
	for _, s := range settings {
		raw[s.env] = s.def
		if v := getenv(s.env); v != "" {
			raw[s.env] = v
		}
	}
	parse := func(name string, args []string) ([]string, error) {
		fl := flag.NewFlagSet(name, flag.ContinueOnError)
		fl.SetOutput(stderr)
		fl.Usage = func() { usage(fl, stderr) }
		for _, s := range settings {
			if s.flag == "" {
				continue
			}
			set := func(v string) error { raw[s.env] = v; return nil }
			if s.boolean {
				fl.BoolFunc(s.flag, s.usage+" ("+s.env+")", set)
			} else {
				fl.Func(s.flag, s.usage+" ("+s.env+")", set)
			}
		}
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		return fl.Args(), nil
	}
	rest, err := parse("electionbot", args)
	if err != nil {
		return config{}, nil, err
	}
	if len(rest) > 1 && rest[0] == "ask" {
		sub, err := parse("electionbot ask", rest[1:])
		if err != nil {
			return config{}, nil, err
		}
		rest = append([]string{"ask"}, sub...)
	}
	cfg, err := fromSettings(raw, getenv)
	if err != nil {
		return config{}, nil, err
	}
	return cfg, rest, cfg.Validate()
}

func usage(fl *flag.FlagSet, w io.Writer) {
	fmt.Fprint(w, `Usage:
  electionbot [flags]                 the terminal session, or the chat platforms configured
  electionbot [flags] ask "<message>" answer one message and exit
  electionbot healthcheck             exit 0 when the running bot's /healthz answers

Every flag mirrors an environment variable; see README.md for the table.
Tokens are read only from the environment or from NAME_FILE.

`)
	fl.PrintDefaults()
}

// fromSettings turns the raw strings into typed settings. Each error names
// its variable; all of them are reported at once.
func fromSettings(raw map[string]string, getenv func(string) string) (config, error) {
	var errs []error
	dur := func(name string) time.Duration {
		d, err := time.ParseDuration(raw[name])
		if err != nil || d < 0 {
			errs = append(errs, fmt.Errorf("%s=%q is not a duration such as 10s", name, raw[name]))
		}
		return d
	}
	integer := func(name string) int {
		n, err := strconv.Atoi(strings.TrimSpace(raw[name]))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q is not a whole number", name, raw[name]))
		}
		return n
	}
	boolean := func(name string) bool {
		if raw[name] == "" {
			return false
		}
		b, err := strconv.ParseBool(raw[name])
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q is not true or false", name, raw[name]))
		}
		return b
	}
	size := func(name string) int64 {
		n, err := parseBytes(raw[name])
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q is not a size such as 2MiB or 500000", name, raw[name]))
		}
		return n
	}
	secretOf := func(name string) secret {
		s, err := readSecret(name, getenv)
		if err != nil {
			errs = append(errs, err)
		}
		return s
	}

	cfg := config{
		DataDir:         raw["ELECTIONBOT_DATA"],
		OutDir:          raw["ELECTIONBOT_OUT"],
		Console:         boolean("ELECTIONBOT_CONSOLE"),
		MaxArticleBytes: size("ELECTIONBOT_MAX_ARTICLE_BYTES"),
		LogFormat:       strings.ToLower(raw["LOG_FORMAT"]),
		HTTPAddr:        raw["HTTP_ADDR"],
		AdminAddr:       raw["ADMIN_ADDR"],
		ShutdownTimeout: dur("SHUTDOWN_TIMEOUT"),
		Rate:            adapter.Rate{PerMinute: integer("RATE_LIMIT_PER_MINUTE"), Burst: integer("RATE_LIMIT_BURST")},
		Telegram: telegramConfig{
			Token:         secretOf("TELEGRAM_TOKEN"),
			APIURL:        raw["TELEGRAM_API_URL"],
			WebhookURL:    raw["TELEGRAM_WEBHOOK_URL"],
			WebhookSecret: secretOf("TELEGRAM_WEBHOOK_SECRET"),
		},
		Discord: discordConfig{
			Token:      secretOf("DISCORD_TOKEN"),
			AppID:      raw["DISCORD_APP_ID"],
			GuildID:    raw["DISCORD_GUILD_ID"],
			PublicKey:  raw["DISCORD_PUBLIC_KEY"],
			ShardID:    integer("DISCORD_SHARD_ID"),
			ShardCount: integer("DISCORD_SHARD_COUNT"),
			APIURL:     raw["DISCORD_API_URL"],
		},
	}
	switch w := strings.ToLower(raw["ELECTIONBOT_WATCH"]); w {
	case "", "0", "false", "off", "no":
	case "1", "true", "on", "yes":
		cfg.Watch = defaultWatchInterval
	default:
		cfg.Watch = dur("ELECTIONBOT_WATCH")
	}
	if lv := raw["LOG_LEVEL"]; lv != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(lv)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL=%q is not debug, info, warn or error", lv))
		}
	} else if !cfg.chatPlatforms() {
		cfg.LogLevel = slog.LevelWarn // keep the terminal for answers
	}
	if cfg.HTTPAddr == "" && cfg.chatPlatforms() {
		cfg.HTTPAddr = defaultHTTPAddr
	}
	return cfg, errors.Join(errs...)
}

// parseBytes reads a size: a whole number of bytes, or one of KiB, MiB or
// GiB ("2MiB").
func parseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	unit := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, unit = strings.TrimSpace(rest), u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/unit {
		return 0, errors.New("not a size")
	}
	return n * unit, nil
}

// readSecret reads NAME from the environment or from the file NAME_FILE
// names (Docker and Kubernetes secrets), trimming the file's line end.
func readSecret(name string, getenv func(string) string) (secret, error) {
	v, file := getenv(name), getenv(name+"_FILE")
	switch {
	case v != "" && file != "":
		return secret{}, fmt.Errorf("%s and %s_FILE are both set: use one", name, name)
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return secret{}, fmt.Errorf("%s_FILE: %w", name, err)
		}
		v = strings.TrimSpace(string(b))
		if v == "" {
			return secret{}, fmt.Errorf("%s_FILE: %s is empty", name, file)
		}
	}
	return secret{strings.TrimSpace(v)}, nil
}

// chatPlatforms reports whether Telegram or Discord is configured.
func (c config) chatPlatforms() bool {
	return c.Telegram.Token.IsSet() || c.Discord.Token.IsSet() || c.Discord.PublicKey != ""
}

// terminal reports whether the process runs the interactive terminal.
func (c config) terminal() bool { return c.Console || !c.chatPlatforms() }

var (
	webhookSecretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	snowflakeRE     = regexp.MustCompile(`^[0-9]{1,20}$`)
)

// Validate checks the settings together and names the variable that is
// wrong. All problems are reported at once.
func (c config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if c.Watch > 0 && c.DataDir == "" {
		bad("ELECTIONBOT_WATCH needs ELECTIONBOT_DATA: the embedded data never changes")
	}
	if c.Watch != 0 && c.Watch < 100*time.Millisecond {
		bad("ELECTIONBOT_WATCH=%s is too short: poll at most every 100ms", c.Watch)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		bad("LOG_FORMAT=%q must be text or json", c.LogFormat)
	}
	if c.HTTPAddr != "" {
		if err := checkAddr(c.HTTPAddr); err != nil {
			bad("HTTP_ADDR=%q is invalid: %v (want host:port or :port, e.g. :8080)", c.HTTPAddr, err)
		}
	}
	if c.AdminAddr != "" {
		if err := checkAddr(c.AdminAddr); err != nil {
			bad("ADMIN_ADDR=%q is invalid: %v (want host:port or :port, e.g. :9090)", c.AdminAddr, err)
		} else if _, port, _ := net.SplitHostPort(c.AdminAddr); c.AdminAddr == c.HTTPAddr && port != "0" {
			bad("ADMIN_ADDR=%q is HTTP_ADDR too: give the operator's endpoints a listener of their own, or leave ADMIN_ADDR unset", c.AdminAddr)
		}
	}
	if c.ShutdownTimeout <= 0 {
		bad("SHUTDOWN_TIMEOUT must be above zero, e.g. 10s")
	}
	if c.Rate.PerMinute < 0 {
		bad("RATE_LIMIT_PER_MINUTE=%d must be 0 (off) or more", c.Rate.PerMinute)
	}
	if c.Rate.Burst < 1 {
		bad("RATE_LIMIT_BURST=%d must be 1 or more", c.Rate.Burst)
	}

	t := c.Telegram
	if t.APIURL != "" {
		if err := checkURL(t.APIURL, false); err != nil {
			bad("TELEGRAM_API_URL must be an http(s):// URL: %v", err)
		}
	}
	if t.WebhookURL != "" {
		if !t.Token.IsSet() {
			bad("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_TOKEN is not")
		}
		if err := checkURL(t.WebhookURL, true); err != nil {
			bad("TELEGRAM_WEBHOOK_URL must be https://... (Telegram calls only https webhooks): %v", err)
		} else if u, _ := url.Parse(t.WebhookURL); reservedPath(u.Path) {
			bad("TELEGRAM_WEBHOOK_URL's path %s is one of the listener's own endpoints: use another, e.g. /telegram/webhook", u.Path)
		}
	}
	if t.WebhookSecret.IsSet() {
		if t.WebhookURL == "" {
			bad("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not")
		}
		if !webhookSecretRE.MatchString(t.WebhookSecret.Reveal()) {
			bad("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -")
		}
	}

	d := c.Discord
	if d.AppID != "" && !snowflakeRE.MatchString(d.AppID) {
		bad("DISCORD_APP_ID=%q must be a numeric id", d.AppID)
	}
	if d.GuildID != "" && !snowflakeRE.MatchString(d.GuildID) {
		bad("DISCORD_GUILD_ID=%q must be a numeric id", d.GuildID)
	}
	if d.PublicKey != "" {
		if b, err := hex.DecodeString(d.PublicKey); err != nil || len(b) != 32 {
			bad("DISCORD_PUBLIC_KEY must be 64 hex characters (the application's public key)")
		}
	}
	if d.ShardCount < 1 {
		bad("DISCORD_SHARD_COUNT=%d must be 1 or more", d.ShardCount)
	} else if d.ShardID < 0 || d.ShardID >= d.ShardCount {
		bad("DISCORD_SHARD_ID=%d must be from 0 to DISCORD_SHARD_COUNT-1 (%d)", d.ShardID, d.ShardCount-1)
	}
	if d.APIURL != "" {
		if err := checkURL(d.APIURL, false); err != nil {
			bad("DISCORD_API_URL must be an http(s):// URL: %v", err)
		}
	}
	return errors.Join(errs...)
}

// reservedPath reports whether path is taken on the HTTP listener.
func reservedPath(path string) bool {
	switch path {
	case "/healthz", "/readyz", "/metrics", discordInteractionsPath:
		return true
	}
	return false
}

func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	return nil
}

func checkURL(s string, httpsOnly bool) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return errors.New("it does not parse")
	case u.Host == "":
		return errors.New("it has no host")
	case u.Scheme == "https", u.Scheme == "http" && !httpsOnly:
		return nil
	}
	return fmt.Errorf("scheme %q", u.Scheme)
}
