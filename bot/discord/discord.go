// Package discord is electionbot's Discord adapter. It owns everything
// Discord-specific: the slash commands registered from the engine's
// registry, the rendering of a bot.Response as embeds and buttons within
// Discord's limits, and the two ways interactions arrive: over the gateway
// (github.com/bwmarrin/discordgo, sharded, reconnecting) and as signed POSTs
// to an HTTP interactions endpoint (stateless, for any load balancer).
// Both ways share one interaction path: answer within Discord's 3-second
// window, or defer first and edit the answer in when it is ready.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/adapter"
)

// Options configure a Bot. Token alone opens the gateway; PublicKey turns
// the HTTP interactions endpoint on; with both, interactions come to the
// endpoint and the token only registers the commands over REST.
type Options struct {
	// Token is the bot token, with or without the "Bot " prefix. It opens
	// the gateway and registers the slash commands.
	Token string
	// AppID is the application id. With a token it may be left empty: the
	// gateway's READY names the application, or, without a gateway, GET
	// /applications/@me.
	AppID string
	// GuildID registers the commands in that server only (instant, for
	// testing); empty registers them globally.
	GuildID string
	// PublicKey is the application's Ed25519 key that signs the requests
	// to the HTTP interactions endpoint (see ParsePublicKey).
	PublicKey ed25519.PublicKey
	// ShardID and ShardCount split the gateway across processes; a zero
	// ShardCount means one shard.
	ShardID, ShardCount int
	// APIURL sends REST calls to another base URL instead of Discord's: a
	// rate-limiting REST proxy or a test server. With a path
	// ("https://proxy/api/v10") the path replaces discordgo's versioned
	// root; without one, only scheme and host change.
	APIURL string
	// HTTPClient makes the REST calls; nil means a client with a 20-second
	// timeout.
	HTTPClient *http.Client
	// Logger receives the adapter's logs; nil discards them.
	Logger *slog.Logger
	// Rate bounds how often one user may ask (the zero Rate: no limit;
	// see adapter.Rate).
	Rate adapter.Rate
	// DeferAfter is how long an answer may take before the bot defers
	// the interaction (Discord allows 3 seconds for the first response);
	// zero means DefaultDeferAfter.
	DeferAfter time.Duration
	// ShutdownTimeout bounds how long Run waits for interactions in flight
	// once its context ends; zero means DefaultShutdownTimeout. Closing the
	// gateway takes about a second more (discordgo waits for the close
	// handshake).
	ShutdownTimeout time.Duration
	// Backoff spaces the retries of a reply's REST calls (the edit or
	// follow-up of a deferred answer) after a 5xx, a 429 or a network
	// error, and bounds how long they go on (adapter.DefaultBackoff for
	// its zero fields; a negative For: no retries).
	Backoff adapter.Backoff
	// OnRateLimited and OnReconnect, when set, are called when a user is
	// refused for asking too often and when the gateway reconnects (for
	// metrics).
	OnRateLimited func()
	OnReconnect   func()
	// OnUndelivered is called once for every reply given up, with why
	// (server_error, network, rate_limited, shutdown, forbidden,
	// rejected), for metrics; may be nil.
	OnUndelivered func(reason string)

	// now is the clock of the rate limit and of signature timestamps;
	// wait and clock are the retries'. Tests set them.
	now   func() time.Time
	wait  func(ctx context.Context, d time.Duration) error
	clock func() time.Time
}

// String describes the options without the token, so that printing them
// in an error or a log gives nothing away.
func (o Options) String() string {
	token := "unset"
	if o.Token != "" {
		token = adapter.Redacted
	}
	return fmt.Sprintf("{Token:%s AppID:%s GuildID:%s PublicKey:%x Shard:%d/%d APIURL:%s}",
		token, o.AppID, o.GuildID, []byte(o.PublicKey), o.ShardID, o.ShardCount, o.APIURL)
}

// Defaults for the zero Options.
const (
	DefaultDeferAfter      = 2 * time.Second
	DefaultShutdownTimeout = 10 * time.Second
)

// answerTimeout bounds one answer, deferred or not; Discord keeps an
// interaction token for 15 minutes, and no honest answer needs more than
// a few seconds.
const answerTimeout = time.Minute

// restTimeout bounds one REST call made after the first response.
const restTimeout = 15 * time.Second

// A Bot answers Discord interactions with an engine. It is safe for
// concurrent use.
type Bot struct {
	eng     *bot.Engine
	opts    Options
	log     *slog.Logger
	session *discordgo.Session
	limiter *adapter.Limiter
	auth    *adapter.AuthLog // requests to the endpoint with a bad signature
	backoff adapter.Backoff
	wait    func(ctx context.Context, d time.Duration) error
	clock   func() time.Time

	// The engine's entry points; tests replace them to reach paths the
	// engine never takes (a panic in the adapter).
	handle   func(context.Context, bot.Request) bot.Response
	press    func(context.Context, string) bot.Response
	complete func(command, option, partial, election string) []bot.Choice

	// work is the context of every answer: it outlives the HTTP request
	// that started a deferred answer and ends when shutdown gives up
	// waiting.
	work     context.Context
	stopWork context.CancelFunc

	// gate admits interactions until shutdown and waits for them.
	gate adapter.Gate

	running    atomic.Bool
	appID      atomic.Pointer[string]
	registered atomic.Bool
	connects   atomic.Int64
	readyCh    chan struct{} // closed on the first READY
	readyOnce  sync.Once
}

// New returns a Bot on eng. It checks the options but connects to nothing:
// Run opens the gateway, InteractionsHandler serves the endpoint.
func New(eng *bot.Engine, opts Options) (*Bot, error) {
	if eng == nil {
		return nil, errors.New("discord: no engine")
	}
	token := strings.TrimSpace(opts.Token)
	if strings.HasPrefix(token, "Bot ") || token == "Bot" {
		token = strings.TrimSpace(token[len("Bot"):])
	}
	if token == "" && opts.PublicKey == nil {
		return nil, errors.New("discord: neither a token nor a public key is set")
	}
	if opts.PublicKey != nil && len(opts.PublicKey) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("discord: public key has %d bytes, want %d", len(opts.PublicKey), ed25519.PublicKeySize)
	}
	if opts.ShardCount == 0 {
		opts.ShardCount = 1
	}
	if opts.ShardCount < 1 || opts.ShardID < 0 || opts.ShardID >= opts.ShardCount {
		return nil, fmt.Errorf("discord: shard %d of %d: want 0 <= id < count", opts.ShardID, opts.ShardCount)
	}
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = DefaultDeferAfter
	}
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = DefaultShutdownTimeout
	}
	client, err := restClient(opts.HTTPClient, opts.APIURL)
	if err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.now == nil {
		opts.now = time.Now
	}
	limiter := adapter.NewLimiter(opts.Rate, opts.now)

	// discordgo.New only fills in a struct; it dials nothing.
	s, err := discordgo.New("")
	if err != nil {
		return nil, fmt.Errorf("discord: new session: %w", err)
	}
	if token != "" {
		s.Token = "Bot " + token
		s.Identify.Token = s.Token
	}
	s.Client = client
	s.ShardID, s.ShardCount = opts.ShardID, opts.ShardCount
	// Interactions arrive whatever the intents; asking for none keeps the
	// gateway quiet and needs no privileged intent.
	s.Identify.Intents = discordgo.IntentsNone
	s.StateEnabled = false
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true

	work, stop := context.WithCancel(context.Background())
	b := &Bot{
		eng: eng, opts: opts, log: log.With("platform", "discord"), session: s, limiter: limiter,
		backoff: opts.Backoff.Or(adapter.DefaultBackoff), wait: opts.wait, clock: opts.clock,
		handle: eng.Handle, press: eng.Press, complete: eng.Complete,
		work: work, stopWork: stop,
		readyCh: make(chan struct{}),
	}
	b.auth = adapter.NewAuthLog(b.log, opts.now)
	if b.wait == nil {
		b.wait = adapter.Sleep
	}
	if b.clock == nil {
		b.clock = time.Now
	}
	if opts.AppID != "" {
		id := opts.AppID
		b.appID.Store(&id)
	}
	return b, nil
}

// now is the time signature timestamps are checked against.
func (b *Bot) now() time.Time { return b.opts.now() }

// ParsePublicKey reads the application's public key as the developer
// portal shows it: 64 hex characters.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	k, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("discord public key: %w", err)
	}
	if len(k) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("discord public key: %d bytes, want %d", len(k), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(k), nil
}

// Ready reports whether the bot takes interactions: not shutting down and,
// with a token, connected to the gateway with the commands registered.
func (b *Bot) Ready() bool {
	if b.gate.Closed() {
		return false
	}
	switch {
	case b.session.Token == "":
		return true
	case b.restOnly():
		return b.registered.Load()
	}
	return b.registered.Load() && b.gatewayUp()
}

// restOnly reports whether the bot has a token but takes interactions on
// the HTTP endpoint: it talks to Discord over REST alone.
func (b *Bot) restOnly() bool { return b.session.Token != "" && b.opts.PublicKey != nil }

// gatewayUp reports whether the gateway connection is up. discordgo's own
// flag is the one to trust: its connect and disconnect events reach
// handlers on separate goroutines, in no guaranteed order.
func (b *Bot) gatewayUp() bool {
	b.session.RLock()
	defer b.session.RUnlock()
	return b.session.DataReady
}

// begin admits one interaction unless the bot is shutting down; every
// admitted interaction calls end when its last message is sent.
func (b *Bot) begin() bool { return b.gate.Enter() }

func (b *Bot) end() { b.gate.Leave() }

// Shutdown stops taking interactions and waits for those in flight,
// including answers still to be edited into deferred responses. When ctx
// ends first, the answers still running are cancelled and ctx's error is
// returned. Run calls Shutdown itself; a Bot that only serves the HTTP
// endpoint calls it after the HTTP server has stopped.
func (b *Bot) Shutdown(ctx context.Context) error {
	defer b.stopWork()
	if err := b.gate.Close(ctx); err != nil {
		b.log.Warn("shutdown gave up waiting for interactions in flight")
		return err
	}
	return nil
}

// redactErr is err with the secrets taken out of its message, still
// unwrapping to err, so that callers can tell what happened.
func (b *Bot) redactErr(err error, interactionToken string) error {
	return &redactedError{msg: b.redact(err.Error(), interactionToken), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redact removes secrets from text bound for a log: the bot token, and
// interaction tokens, which travel in webhook URLs and so in the errors of
// failed REST calls.
func (b *Bot) redact(s string, interactionToken string) string {
	return adapter.Redact(s, strings.TrimPrefix(b.session.Token, "Bot "), interactionToken, url.PathEscape(interactionToken))
}
