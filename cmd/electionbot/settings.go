package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/electionbot/electionbot/bot/adapter"
	"github.com/electionbot/electionbot/lang"
)

// loadConfig reads the settings from getenv, then lets flags in args
// override them, and returns the config and the arguments left (the
// subcommand). Flags may also follow the subcommand: "ask -data DIR ...",
// "index -index-dir DIR".
// Every problem is reported at once, each naming its setting as the user
// gave it (the flag, or the variable). -h prints the usage and returns
// flag.ErrHelp.
func loadConfig(args []string, getenv func(string) string, stderr io.Writer) (config, []string, error) {
	raw := map[string]string{}
	for _, s := range settings {
		raw[s.env] = s.def
		if v := getenv(s.env); v != "" {
			raw[s.env] = v
		}
	}
	setBy := map[string]string{}
	rest, err := parseFlags("electionbot", args, raw, setBy, stderr)
	if err != nil {
		return config{}, nil, err
	}
	if len(rest) > 1 && (rest[0] == "ask" || rest[0] == "index") {
		sub, err := parseFlags("electionbot "+rest[0], rest[1:], raw, setBy, stderr)
		if err != nil {
			return config{}, nil, err
		}
		rest = append([]string{rest[0]}, sub...)
	}
	p := &problems{}
	cfg := fromSettings(raw, setBy, getenv, p)
	cfg.validate(p)
	return cfg, rest, p.err()
}

// parseFlags reads the flags in args into raw, noting in setBy which
// flag set which variable. A wrong flag is returned as an error, once:
// the usage is printed only for -h.
func parseFlags(name string, args []string, raw, setBy map[string]string, stderr io.Writer) ([]string, error) {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard) // the caller reports the error
	fl.Usage = func() {}
	for _, s := range settings {
		if s.flag == "" {
			continue
		}
		set := func(v string) error {
			raw[s.env], setBy[s.env] = v, "-"+s.flag
			return nil
		}
		if s.boolean {
			fl.BoolFunc(s.flag, s.usage+" ("+s.env+")", set)
		} else {
			fl.Func(s.flag, s.usage+" ("+s.env+")", set)
		}
	}
	showVersion := fl.Bool("version", false, "print the version and exit (also: electionbot version)")
	err := fl.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(fl, stderr)
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%w (electionbot -h lists the flags)", err)
	case *showVersion:
		return []string{"version"}, nil
	}
	return fl.Args(), nil
}

func usage(fl *flag.FlagSet, w io.Writer) {
	fmt.Fprint(w, `Usage:
  electionbot [flags]                 the terminal session, or the chat platforms configured
  electionbot [flags] ask "<message>" answer one message and exit
  electionbot healthcheck             exit 0 when the running bot's /healthz answers
  electionbot import TITLE_OR_URL...  add Wikipedia articles to the data folder (electionbot import -h)
  electionbot version                 print the version

Every flag mirrors an environment variable; see README.md for the table.
Tokens are read only from the environment or from NAME_FILE.

`)
	fl.SetOutput(w)
	fl.PrintDefaults()
}

// fromSettings turns the raw strings into typed settings, adding to p a
// problem for each that cannot be read, named as the user gave it.
func fromSettings(raw, setBy map[string]string, getenv func(string) string, p *problems) config {
	cfg := config{setBy: setBy}
	n := cfg.name
	dur := func(env string) time.Duration {
		d, err := time.ParseDuration(raw[env])
		if err != nil || d < 0 {
			p.add(env, "%s=%q is not a duration such as 10s", n(env), raw[env])
		}
		return d
	}
	integer := func(env string) int {
		v, err := strconv.Atoi(strings.TrimSpace(raw[env]))
		if err != nil {
			p.add(env, "%s=%q is not a whole number", n(env), raw[env])
		}
		return v
	}
	boolean := func(env string) bool {
		if raw[env] == "" {
			return false
		}
		b, err := strconv.ParseBool(raw[env])
		if err != nil {
			p.add(env, "%s=%q is not true or false", n(env), raw[env])
		}
		return b
	}
	size := func(env string) int64 {
		v, err := parseBytes(raw[env])
		if err != nil {
			p.add(env, "%s=%q is not a size such as 2MiB or 500000", n(env), raw[env])
		}
		return v
	}
	secretOf := func(env string) secret {
		s, err := readSecret(env, getenv)
		if err != nil {
			p.add(env, "%w", err)
		}
		return s
	}

	cfg.DataDir = raw["ELECTIONBOT_DATA"]
	cfg.OutDir = raw["ELECTIONBOT_OUT"]
	cfg.IndexDir = raw["ELECTIONBOT_INDEX_DIR"]
	cfg.Console = boolean("ELECTIONBOT_CONSOLE")
	cfg.Lang = terminalLang(raw["ELECTIONBOT_LANG"], getenv, func(err error) {
		p.add("ELECTIONBOT_LANG", "%s=%q: %w", n("ELECTIONBOT_LANG"), raw["ELECTIONBOT_LANG"], err)
	})
	cfg.MaxArticleBytes = size("ELECTIONBOT_MAX_ARTICLE_BYTES")
	cfg.LogFormat = strings.ToLower(raw["LOG_FORMAT"])
	cfg.HTTPAddr = raw["HTTP_ADDR"]
	cfg.AdminAddr = raw["ADMIN_ADDR"]
	cfg.ShutdownTimeout = dur("SHUTDOWN_TIMEOUT")
	cfg.Rate = adapter.Rate{PerMinute: integer("RATE_LIMIT_PER_MINUTE"), Burst: integer("RATE_LIMIT_BURST")}
	cfg.Telegram = telegramConfig{
		Token:         secretOf("TELEGRAM_TOKEN"),
		APIURL:        raw["TELEGRAM_API_URL"],
		WebhookURL:    raw["TELEGRAM_WEBHOOK_URL"],
		WebhookSecret: secretOf("TELEGRAM_WEBHOOK_SECRET"),
	}
	cfg.Discord = discordConfig{
		Token:      secretOf("DISCORD_TOKEN"),
		AppID:      raw["DISCORD_APP_ID"],
		GuildID:    raw["DISCORD_GUILD_ID"],
		PublicKey:  raw["DISCORD_PUBLIC_KEY"],
		ShardID:    integer("DISCORD_SHARD_ID"),
		ShardCount: integer("DISCORD_SHARD_COUNT"),
		APIURL:     raw["DISCORD_API_URL"],
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
			p.add("LOG_LEVEL", "%s=%q is not debug, info, warn or error", n("LOG_LEVEL"), lv)
		}
	} else {
		cfg.logLevelDefault = true
		if !cfg.chatPlatforms() {
			cfg.LogLevel = slog.LevelWarn // keep the terminal for answers
		}
	}
	if cfg.HTTPAddr == "" && cfg.chatPlatforms() {
		cfg.HTTPAddr = defaultHTTPAddr
	}
	return cfg
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

// terminalLang is the terminal's language: the setting, or the POSIX
// locale where it names one (LC_ALL, LC_MESSAGES, LANG, in the order
// POSIX reads them), or English.
func terminalLang(setting string, getenv func(string) string, bad func(error)) lang.Lang {
	if setting != "" {
		l, err := lang.Parse(setting)
		if err != nil {
			bad(err)
		}
		return l
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(env); v != "" {
			if l, ok := lang.FromPOSIX(v); ok {
				return l
			}
		}
	}
	return lang.En
}
