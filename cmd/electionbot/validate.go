package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"time"
)

var (
	webhookSecretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	snowflakeRE     = regexp.MustCompile(`^[0-9]{1,20}$`)
)

// problems gathers what is wrong with the settings, at most one problem
// per setting (the first), so that all of them are reported at once and
// none twice.
type problems struct {
	c    config
	errs []error
	seen map[string]bool
}

// add records a problem with the setting env unless it has one already.
// The message names settings through %s arguments made with c.name.
func (p *problems) add(env, format string, args ...any) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if p.seen[env] {
		return
	}
	p.seen[env] = true
	p.errs = append(p.errs, fmt.Errorf(format, args...))
}

func (p *problems) err() error { return errors.Join(p.errs...) }

// Validate checks the settings together and names the setting that is
// wrong, by the flag when a flag set it. All problems are reported at
// once.
func (c config) Validate() error {
	p := &problems{c: c}
	c.validate(p)
	return p.err()
}

// validate adds every problem it finds to p; a setting that already has
// one (it could not be read) is not checked again.
func (c config) validate(p *problems) {
	n := c.name
	if c.Watch > 0 && c.DataDir == "" {
		p.add("ELECTIONBOT_WATCH", "%s needs %s: the embedded data never changes", n("ELECTIONBOT_WATCH"), n("ELECTIONBOT_DATA"))
	}
	if c.Watch != 0 && c.Watch < 100*time.Millisecond {
		p.add("ELECTIONBOT_WATCH", "%s=%s is too short: poll at most every 100ms", n("ELECTIONBOT_WATCH"), c.Watch)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		p.add("LOG_FORMAT", "%s=%q must be text or json", n("LOG_FORMAT"), c.LogFormat)
	}
	c.validateListeners(p)
	if c.ShutdownTimeout <= 0 {
		p.add("SHUTDOWN_TIMEOUT", "%s must be above zero, e.g. 10s", n("SHUTDOWN_TIMEOUT"))
	}
	if c.Rate.PerMinute < 0 {
		p.add("RATE_LIMIT_PER_MINUTE", "%s=%d must be 0 (off) or more", n("RATE_LIMIT_PER_MINUTE"), c.Rate.PerMinute)
	}
	if c.Rate.Burst < 1 {
		p.add("RATE_LIMIT_BURST", "%s=%d must be 1 or more", n("RATE_LIMIT_BURST"), c.Rate.Burst)
	}
	c.validateTelegram(p)
	c.validateDiscord(p)
}

func (c config) validateListeners(p *problems) {
	n := c.name
	if c.HTTPAddr != "" {
		if err := checkAddr(c.HTTPAddr); err != nil {
			p.add("HTTP_ADDR", "%s=%q is invalid: %v (want host:port or :port, e.g. :8080)", n("HTTP_ADDR"), c.HTTPAddr, err)
		}
	}
	if c.AdminAddr != "" {
		if err := checkAddr(c.AdminAddr); err != nil {
			p.add("ADMIN_ADDR", "%s=%q is invalid: %v (want host:port or :port, e.g. :9090)", n("ADMIN_ADDR"), c.AdminAddr, err)
		} else if _, port, _ := net.SplitHostPort(c.AdminAddr); c.AdminAddr == c.HTTPAddr && port != "0" {
			p.add("ADMIN_ADDR", "%s=%q is %s too: give the operator's endpoints a listener of their own, or leave %[1]s unset", n("ADMIN_ADDR"), c.AdminAddr, n("HTTP_ADDR"))
		}
	}
}

func (c config) validateTelegram(p *problems) {
	n, t := c.name, c.Telegram
	if t.APIURL != "" {
		if err := checkURL(t.APIURL, false); err != nil {
			p.add("TELEGRAM_API_URL", "%s must be an http(s):// URL: %v", n("TELEGRAM_API_URL"), err)
		}
	}
	if t.WebhookURL != "" {
		if !t.Token.IsSet() {
			p.add("TELEGRAM_WEBHOOK_URL", "%s is set but TELEGRAM_TOKEN is not", n("TELEGRAM_WEBHOOK_URL"))
		}
		if err := checkURL(t.WebhookURL, true); err != nil {
			p.add("TELEGRAM_WEBHOOK_URL", "%s must be https://... (Telegram calls only https webhooks): %v", n("TELEGRAM_WEBHOOK_URL"), err)
		} else if u, _ := url.Parse(t.WebhookURL); reservedPath(u.Path) {
			p.add("TELEGRAM_WEBHOOK_URL", "%s's path %s is one of the listener's own endpoints: use another, e.g. /telegram/webhook", n("TELEGRAM_WEBHOOK_URL"), u.Path)
		}
	}
	if t.WebhookSecret.IsSet() {
		if t.WebhookURL == "" {
			p.add("TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_WEBHOOK_SECRET is set but %s is not", n("TELEGRAM_WEBHOOK_URL"))
		}
		if !webhookSecretRE.MatchString(t.WebhookSecret.Reveal()) {
			p.add("TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -")
		}
	}
}

func (c config) validateDiscord(p *problems) {
	n, d := c.name, c.Discord
	if d.AppID != "" && !snowflakeRE.MatchString(d.AppID) {
		p.add("DISCORD_APP_ID", "%s=%q must be a numeric id", n("DISCORD_APP_ID"), d.AppID)
	}
	if d.GuildID != "" && !snowflakeRE.MatchString(d.GuildID) {
		p.add("DISCORD_GUILD_ID", "%s=%q must be a numeric id", n("DISCORD_GUILD_ID"), d.GuildID)
	}
	if d.PublicKey != "" {
		if b, err := hex.DecodeString(d.PublicKey); err != nil || len(b) != 32 {
			p.add("DISCORD_PUBLIC_KEY", "%s must be 64 hex characters (the application's public key)", n("DISCORD_PUBLIC_KEY"))
		}
	}
	if d.ShardCount < 1 {
		p.add("DISCORD_SHARD_COUNT", "%s=%d must be 1 or more", n("DISCORD_SHARD_COUNT"), d.ShardCount)
	} else if d.ShardID < 0 || d.ShardID >= d.ShardCount {
		p.add("DISCORD_SHARD_ID", "%s=%d must be from 0 to %s-1 (%d)", n("DISCORD_SHARD_ID"), d.ShardID, n("DISCORD_SHARD_COUNT"), d.ShardCount-1)
	}
	if d.APIURL != "" {
		if err := checkURL(d.APIURL, false); err != nil {
			p.add("DISCORD_API_URL", "%s must be an http(s):// URL: %v", n("DISCORD_API_URL"), err)
		}
	}
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
