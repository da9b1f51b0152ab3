// Package telegram is electionbot's Telegram adapter, built on
// github.com/go-telegram/bot. It owns everything Telegram-specific: long
// polling or the webhook endpoint, the command menu, which messages in a
// group are meant for the bot, inline mode, pagination buttons, rendering
// a bot.Response as Telegram HTML within Telegram's limits, retries on
// 429 and server errors, per-user and per-chat rate limits, and a
// graceful shutdown that finishes the replies in flight.
package telegram

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/adapter"
)

// DefaultAPIURL is the public Bot API server.
const DefaultAPIURL = "https://api.telegram.org"

// platform names Telegram in requests to the engine and in logs.
const platform = "telegram"

// Options configure a Bot. Only Token is required.
type Options struct {
	// Token is the bot token from @BotFather.
	Token string
	// APIURL is the Bot API server: DefaultAPIURL when empty, or a
	// self-hosted telegram-bot-api server.
	APIURL string
	// WebhookURL is the public HTTPS address Telegram posts updates to.
	// Empty means long polling.
	WebhookURL string
	// WebhookSecret is the secret Telegram sends in
	// X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -). When
	// empty, one is derived from the token, so that every replica agrees
	// on it without more configuration.
	WebhookSecret string
	// WebhookPath is where the program mounts Handler on its HTTP
	// listener; the path of WebhookURL when empty. The bot itself only
	// reports it (see Bot.WebhookPath): behind a proxy the two may differ.
	WebhookPath string
	// Logger receives the adapter's logs; nothing is logged when nil.
	Logger *slog.Logger
	// HTTPClient talks to the Bot API; a plain *http.Client when nil.
	// The bot retries on top of it and sets per-request deadlines.
	HTTPClient HTTPClient
	// PollTimeout is how long one long poll waits for updates (50 s by
	// default, at least 2 s).
	PollTimeout time.Duration
	// Rate bounds how often the bot answers one user (the zero Rate: no
	// limit; see adapter.Rate). A group as a whole may ask GroupTimes as
	// often, and inline queries, which come with every keystroke, come
	// InlineTimes as often.
	Rate adapter.Rate
	// Backoff spaces the retries of a Bot API request after a 429, a 5xx
	// answer or a network error, and bounds how long they go on
	// (adapter.DefaultBackoff for its zero fields; a negative For: no
	// retries).
	Backoff adapter.Backoff
	// MaxRetryAfter is the longest 429 wait honoured; a request asked to
	// wait longer fails instead (60 s by default).
	MaxRetryAfter time.Duration
	// MaxConcurrent bounds the updates answered at once (32 by default).
	MaxConcurrent int
	// MaxQueued bounds the updates taken but not yet being answered (4096
	// by default). Past it the webhook answers 503, and Telegram sends
	// the update again later; polling waits.
	MaxQueued int
	// ShutdownTimeout bounds how long Run waits, once its context ends,
	// for the replies taken; those still unsent then are given up and
	// counted (10 s by default).
	ShutdownTimeout time.Duration
	// OnRateLimited is called for every message or button press turned
	// away by Rate (for metrics); may be nil.
	OnRateLimited func()
	// OnUndelivered is called once for every reply given up, with why
	// (server_error, network, rate_limited, timeout, shutdown,
	// forbidden, rejected), for metrics; may be nil.
	OnUndelivered func(reason string)

	// Tests shorten waits and fix the clocks through these: wait and
	// clock are the retries', now the rate limits'.
	wait  func(ctx context.Context, d time.Duration) error
	clock func() time.Time
	now   func() time.Time
}

// How much more often than one user a whole group, and the inline
// queries of one user, may ask.
const (
	GroupTimes  = 3
	InlineTimes = 6
)

// allowedUpdates are the update kinds the bot reads.
var allowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery, models.AllowedUpdateInlineQuery}

// A Bot serves one Telegram bot account from an engine.
type Bot struct {
	eng    *bot.Engine
	opts   Options
	log    *slog.Logger
	tg     *tgbot.Bot
	client *retrier
	apiURL string
	secret string
	path   string

	users, chats *adapter.Limiter
	inline       *adapter.Limiter // inline queries come with every keystroke
	notices      *adapter.Limiter // one "slow down" per key while limited
	auth         *adapter.AuthLog // webhook requests without the secret

	me      atomic.Pointer[identity]
	known   map[string]bool // command names, hidden ones too
	started atomic.Bool
	ready   atomic.Bool
	last    atomic.Int64 // highest update_id handed to the bot

	// Updates taken go through queue to the workers; flight counts them
	// from taking to the last reply sent, so that shutdown can wait for
	// them; seen drops an update taken before.
	queue  chan *job
	flight adapter.Gate
	seen   *adapter.Recent[int64]
	// base is the context of every reply: it outlives the webhook request
	// and Run's context, and ends when shutdown gives up waiting.
	base     context.Context
	stopBase context.CancelFunc

	// photos remembers the file_ids of the charts sent.
	photos *photoIDs

	// hook runs first in the handling of every update (tests panic in it).
	hook func(*models.Update)
}

// identity is the bot's own account, learnt from getMe.
type identity struct {
	id       int64
	username string
}

// Defaults for the zero Options.
const (
	defaultConcurrent      = 32
	defaultQueued          = 4096
	defaultShutdownTimeout = 10 * time.Second
)

// replyTimeout bounds the handling of one update: the whole back-off of
// its retries, 429 waits included, and one last attempt.
const replyTimeout = 3 * time.Minute

var secretChars = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// New checks the options and prepares a bot; it does not contact
// Telegram (Run does).
func New(eng *bot.Engine, opts Options) (*Bot, error) {
	if eng == nil {
		return nil, errors.New("telegram: no engine")
	}
	if opts.Token == "" {
		return nil, errors.New("telegram: no bot token")
	}
	if strings.ContainsAny(opts.Token, "/?# \t\r\n") {
		return nil, errors.New("telegram: the token holds characters a bot token never has")
	}
	b := &Bot{eng: eng, opts: opts, log: opts.Logger, photos: newPhotoIDs(), hook: func(*models.Update) {}}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	b.log = b.log.With("platform", platform)
	b.apiURL = strings.TrimRight(opts.APIURL, "/")
	if b.apiURL == "" {
		b.apiURL = DefaultAPIURL
	}
	if u, err := url.Parse(b.apiURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("telegram: API URL %q is not an http(s) URL", opts.APIURL)
	}
	if opts.WebhookURL != "" {
		u, err := url.Parse(opts.WebhookURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("telegram: webhook URL %q is not an http(s) URL", opts.WebhookURL)
		}
		b.path = opts.WebhookPath
		if b.path == "" {
			b.path = u.Path
		}
		if b.path == "" {
			b.path = "/"
		}
		b.secret = opts.WebhookSecret
		if b.secret == "" {
			sum := sha256.Sum256([]byte("electionbot telegram webhook\x00" + opts.Token))
			b.secret = hex.EncodeToString(sum[:])
		}
		if !secretChars.MatchString(b.secret) {
			return nil, errors.New("telegram: the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
		}
	}
	poll := opts.PollTimeout
	if poll == 0 {
		poll = 50 * time.Second
	}
	// The library asks for a poll of (timeout - 1 s) in whole seconds;
	// under 2 s that is 0, a busy loop of short polls.
	poll = max(poll, 2*time.Second)
	next := opts.HTTPClient
	if next == nil {
		// Replies go out in parallel; keep their connections for reuse
		// (the default keeps only two idle per host).
		c := &http.Client{}
		if tr, ok := http.DefaultTransport.(*http.Transport); ok {
			tr = tr.Clone()
			tr.MaxIdleConnsPerHost = max(1, orInt(opts.MaxConcurrent, defaultConcurrent)) + 1
			c.Transport = tr
		}
		next = c
	}
	b.client = &retrier{
		next:          next,
		backoff:       opts.Backoff.Or(adapter.DefaultBackoff),
		maxRetryAfter: orDuration(opts.MaxRetryAfter, time.Minute),
		pollTimeout:   poll,
		wait:          opts.wait,
		now:           opts.clock,
		log:           b.log,
		redact:        b.redact,
	}
	if b.client.wait == nil {
		b.client.wait = adapter.Sleep
	}
	if b.client.now == nil {
		b.client.now = time.Now
	}
	b.users = adapter.NewLimiter(opts.Rate, opts.now)
	b.chats = adapter.NewLimiter(opts.Rate.Times(GroupTimes), opts.now)
	b.inline = adapter.NewLimiter(opts.Rate.Times(InlineTimes), opts.now)
	b.notices = adapter.NewLimiter(adapter.Rate{PerMinute: 1, Burst: 1}, opts.now)
	b.auth = adapter.NewAuthLog(b.log, opts.now)
	b.queue = make(chan *job, max(1, orInt(opts.MaxQueued, defaultQueued)))
	// Telegram re-sends an update for hours while it gets no 2xx; the
	// queue bounds what can be in flight, and far more ids than that are
	// remembered.
	b.seen = adapter.NewRecent[int64](4 * cap(b.queue))
	b.base, b.stopBase = context.WithCancel(context.Background())
	b.known = map[string]bool{}
	for _, c := range eng.Commands() {
		b.known[strings.ToLower(c.Name)] = true
	}
	tg, err := tgbot.New(opts.Token,
		tgbot.WithSkipGetMe(),
		tgbot.WithServerURL(b.apiURL),
		tgbot.WithHTTPClient(poll, b.client),
		tgbot.WithDefaultHandler(b.onUpdate),
		// One worker that hands each update over before it takes the
		// next, through an unbuffered channel: when polling stops, every
		// update taken from Telegram has been handed over.
		tgbot.WithNotAsyncHandlers(),
		tgbot.WithWorkers(1),
		tgbot.WithUpdatesChannelCap(0),
		tgbot.WithAllowedUpdates(allowedUpdates),
		tgbot.WithErrorsHandler(b.onLibraryError),
		tgbot.WithDebugHandler(func(string, ...any) {}),
	)
	if err != nil {
		return nil, fmt.Errorf("telegram: %w", err)
	}
	b.tg = tg
	return b, nil
}

func orInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func orDuration(v, def time.Duration) time.Duration {
	if v == 0 {
		return def
	}
	return v
}

// ErrTokenRejected is what Run returns when the Bot API answers the token
// with 401: no retry will help.
var ErrTokenRejected = errors.New("telegram: the Bot API rejected the bot token (401 Unauthorized)")

// Run connects to Telegram and answers updates until ctx is done: it
// learns the bot's name (getMe), registers the command menu, sets the
// webhook or removes it and polls, and on shutdown stops taking updates,
// finishes the replies in flight and returns. While the Bot API cannot
// be reached it keeps trying, with capped back-off, and Ready stays
// false. It returns an error only when the bot cannot start: the token is
// rejected (ErrTokenRejected), or Telegram refuses the webhook. Run may be
// called once.
func (b *Bot) Run(ctx context.Context) error {
	if !b.started.CompareAndSwap(false, true) {
		return errors.New("telegram: Run called twice")
	}
	defer b.stopBase()
	mode, err := b.start(ctx)
	if err != nil || ctx.Err() != nil {
		return err // nil when shut down while starting
	}
	me := b.me.Load()
	var workers sync.WaitGroup
	for range max(1, orInt(b.opts.MaxConcurrent, defaultConcurrent)) {
		workers.Go(b.work)
	}
	b.ready.Store(true)
	b.log.Info("telegram bot started", "username", me.username, "mode", mode, "webhook_path", b.path)
	if mode == "webhook" {
		<-ctx.Done()
	} else {
		b.tg.Start(ctx)
	}
	b.ready.Store(false)
	b.drain(&workers)
	if mode == "polling" {
		b.confirm()
	}
	b.log.Info("telegram bot stopped")
	return nil
}

// start does what Run does before taking updates, trying again while the
// Bot API fails for a reason that passes. It returns "webhook" or
// "polling", or an error that retrying cannot mend; nothing when ctx ends
// first.
func (b *Bot) start(ctx context.Context) (string, error) {
	for attempt := 0; ; attempt++ {
		mode, err := b.startOnce(ctx)
		switch {
		case err == nil, ctx.Err() != nil:
			return mode, nil
		case errors.Is(err, tgbot.ErrorUnauthorized):
			return "", ErrTokenRejected
		case errors.Is(err, tgbot.ErrorBadRequest), errors.Is(err, tgbot.ErrorNotFound), errors.Is(err, tgbot.ErrorForbidden):
			return "", fmt.Errorf("telegram: %w", b.redactErr(err))
		}
		delay := b.client.backoff.Delay(attempt)
		b.log.Warn("cannot start: the Bot API failed; trying again", "attempt", attempt+1, "retry_in", delay.String(), "err", b.redact(err.Error()))
		if b.client.wait(ctx, delay) != nil {
			return "", nil
		}
	}
}

// startOnce learns the bot's account, registers the command menu, and
// sets the webhook, or removes it for polling.
func (b *Bot) startOnce(ctx context.Context) (string, error) {
	me, err := b.tg.GetMe(ctx)
	if err != nil {
		return "", fmt.Errorf("getMe: %w", err)
	}
	if me.Username == "" {
		return "", errors.New("getMe returned no username")
	}
	b.me.Store(&identity{id: me.ID, username: me.Username})
	b.setCommands(ctx)
	if b.opts.WebhookURL == "" {
		if _, err := b.tg.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{}); err != nil {
			// getUpdates fails while a webhook is set; the poll loop
			// will say so again.
			b.log.Warn("could not remove the webhook", "err", b.redact(err.Error()))
		}
		return "polling", nil
	}
	if _, err := b.tg.SetWebhook(ctx, &tgbot.SetWebhookParams{
		URL: b.opts.WebhookURL, SecretToken: b.secret, AllowedUpdates: allowedUpdates,
	}); err != nil {
		return "", fmt.Errorf("setWebhook: %w", err)
	}
	return "webhook", nil
}

// drain stops taking updates and waits up to ShutdownTimeout for the
// replies to those taken. Then it gives up the rest (each is logged and
// counted as undelivered) and waits for the workers to stop.
func (b *Bot) drain(workers *sync.WaitGroup) {
	ctx, cancel := context.WithTimeout(context.Background(), orDuration(b.opts.ShutdownTimeout, defaultShutdownTimeout))
	defer cancel()
	if err := b.flight.Close(ctx); err != nil {
		b.log.Warn("shutdown: giving up the replies still unsent", "queued", len(b.queue))
		b.stopBase()
		// Without a context, what is left fails at once.
		b.flight.Close(context.Background())
	}
	b.stopBase()
	close(b.queue)
	workers.Wait()
}

// Ready reports whether the bot is connected and taking updates.
func (b *Bot) Ready() bool { return b.ready.Load() }

// WebhookPath is where Handler expects to be mounted ("" when polling).
func (b *Bot) WebhookPath() string { return b.path }

// Username is the bot's @username without the @, once Run has learnt it.
func (b *Bot) Username() string {
	if me := b.me.Load(); me != nil {
		return me.username
	}
	return ""
}

// confirm tells Telegram that the updates handled so far are done: the
// Bot API forgets an update only when a later getUpdates asks for a
// higher offset, and polling stopped before it could. Without this the
// last updates would be answered again after a restart.
func (b *Bot) confirm() {
	last := b.last.Load()
	if last == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	form := url.Values{"offset": {strconv.FormatInt(last+1, 10)}, "limit": {"1"}, "timeout": {"0"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, b.apiURL+"/bot"+b.opts.Token+"/getUpdates", strings.NewReader(form.Encode()))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := b.client.Do(req)
	if err != nil {
		b.log.Warn("could not confirm the last updates", "err", b.redact(err.Error()))
		return
	}
	resp.Body.Close()
}

// onLibraryError logs what go-telegram/bot reports (failed polls).
func (b *Bot) onLibraryError(err error) {
	msg := b.redact(err.Error())
	if strings.Contains(msg, "ctx done") || errors.Is(err, context.Canceled) {
		b.log.Debug("telegram library", "err", msg)
		return
	}
	b.log.Warn("telegram library", "err", msg)
}

// redact removes the token from text bound for logs and errors.
func (b *Bot) redact(s string) string {
	return adapter.Redact(s, b.opts.Token)
}

func (b *Bot) redactErr(err error) error {
	if err == nil {
		return nil
	}
	return &redacted{msg: b.redact(err.Error()), err: err}
}

// redacted is an error whose message has the token taken out.
type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// rateLimited reports one update turned away by the limits.
func (b *Bot) rateLimited() {
	if b.opts.OnRateLimited != nil {
		b.opts.OnRateLimited()
	}
}
