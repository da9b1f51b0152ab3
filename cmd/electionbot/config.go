package main

import (
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/electionbot/electionbot/bot/adapter"
	"github.com/electionbot/electionbot/lang"
)

// config is every setting of the process. It is read once, from the
// environment and then the flags, and handed to what needs it; nothing reads
// the environment after that.
type config struct {
	DataDir string        // ELECTIONBOT_DATA: folder of *.txt articles; "" = embedded
	OutDir  string        // ELECTIONBOT_OUT: chart images in the terminal
	Watch   time.Duration // ELECTIONBOT_WATCH: poll interval of DataDir; 0 = off
	Console bool          // ELECTIONBOT_CONSOLE: terminal alongside the chat platforms
	// Lang (ELECTIONBOT_LANG) is the terminal's language for messages
	// whose words do not tell theirs (a bare command): from LANG (or
	// LC_ALL, LC_MESSAGES) when not set, else English.
	Lang lang.Lang
	// IndexDir (ELECTIONBOT_INDEX_DIR) keeps the search index and the
	// parsed articles on disk between starts; "" builds them in memory.
	IndexDir string
	// MaxArticleBytes (ELECTIONBOT_MAX_ARTICLE_BYTES) bounds one article
	// file; a larger one stops the start, or a reload.
	MaxArticleBytes int64

	LogLevel slog.Level
	// logLevelDefault is set when LOG_LEVEL was not given, so that a
	// command may choose its own default.
	logLevelDefault bool
	// oneMessage is set for electionbot ask, which answers one message
	// and exits: what only some messages need is made when one does.
	oneMessage bool
	LogFormat  string // "text" or "json"

	HTTPAddr string // "" = no listener
	// AdminAddr, when set, serves /healthz, /readyz and /metrics apart
	// from the webhooks on HTTPAddr.
	AdminAddr       string
	ShutdownTimeout time.Duration

	Rate adapter.Rate // per user, on every chat platform; PerMinute 0 = off

	Telegram telegramConfig
	Discord  discordConfig

	// setBy names the flag that set a variable ("-log-level"), for the
	// variables a flag set, so that an error names what the user typed.
	setBy map[string]string
}

// name is how errors call a setting: by its flag when a flag set it, by
// its variable otherwise.
func (c config) name(env string) string {
	if f := c.setBy[env]; f != "" {
		return f
	}
	return env
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
	return adapter.Redacted
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
	{env: "ELECTIONBOT_OUT", flag: "out", usage: "folder where the terminal writes chart images and keeps them (default: a folder of the session's own, removed when it ends)"},
	{env: "ELECTIONBOT_INDEX_DIR", flag: "index-dir", usage: "folder where the search index and the parsed articles are kept between starts, and shared by replicas; rebuilt there when the articles or the program change (default: built in memory at every start)"},
	{env: "ELECTIONBOT_WATCH", flag: "watch", usage: "reload when a file in ELECTIONBOT_DATA changes: true, or a poll interval such as 10s"},
	{env: "ELECTIONBOT_MAX_ARTICLE_BYTES", flag: "max-article-bytes", def: "2MiB", usage: "largest article file loaded, in bytes (or KiB, MiB); a larger one is refused unread"},
	{env: "ELECTIONBOT_LANG", flag: "lang", usage: "the terminal's language for bare commands: en, sr (Serbian Latin) or sr-Cyrl (default: from LANG, else en)"},
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
