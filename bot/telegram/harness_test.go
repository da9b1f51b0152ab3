package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/adapter"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/apispec"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// loadElections parses the embedded articles once for all tests.
var loadElections = sync.OnceValues(func() ([]*knowledge.Election, error) {
	return knowledge.Load(data.FS, nil)
})

func newEngine(t testing.TB, opts ...bot.Option) *bot.Engine {
	t.Helper()
	es, err := loadElections()
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(&bot.Library{Elections: es}, append([]bot.Option{wire.Answers(nil)}, opts...)...)
}

func sharedEngine(t testing.TB) *bot.Engine {
	t.Helper()
	eng, err := plainEngine()
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// plainEngine is shared by the tests that need no engine options: an
// engine is safe for concurrent use, and preparing one takes a while.
var plainEngine = sync.OnceValues(func() (*bot.Engine, error) {
	es, err := loadElections()
	if err != nil {
		return nil, err
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil)), nil
})

// syncBuffer collects logs from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness runs a Bot against a fake Bot API.
type harness struct {
	t      testing.TB
	api    *fakeAPI
	bot    *Bot
	logs   *syncBuffer
	info   *syncBuffer // info and above only
	cancel context.CancelFunc
	done   chan error
	once   sync.Once

	mu    sync.Mutex
	waits []time.Duration // what the retrier asked to wait
	clock time.Time       // the retries' clock
}

// The retries of the tests: a wait moves their clock retryStep on, and
// they give up after testRetryFor, so the 4th failed attempt is the last.
const (
	retryStep    = 10 * time.Second
	testRetryFor = 25 * time.Second
)

type setup struct {
	engine  *bot.Engine
	options func(*Options)
	bot     func(*Bot)
}

func start(t testing.TB, s setup) *harness {
	t.Helper()
	api := newFakeAPI(t)
	h := &harness{t: t, api: api, logs: &syncBuffer{}, info: &syncBuffer{}, done: make(chan error, 1)}
	eng := s.engine
	if eng == nil {
		eng = sharedEngine(t)
	}
	opts := Options{
		Token:       api.token,
		APIURL:      api.srv.URL,
		Logger:      slog.New(teeHandler{slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}), slog.NewTextHandler(h.info, nil)}),
		PollTimeout: 2 * time.Second,
		// Retries wait no real time: each wait is recorded and moves
		// the retries' clock on by a fixed retryStep, so that how many
		// attempts fit in the back-off does not depend on its jitter.
		Backoff: adapter.Backoff{First: time.Millisecond, For: testRetryFor},
		wait: func(ctx context.Context, d time.Duration) error {
			h.mu.Lock()
			h.waits = append(h.waits, d)
			h.clock = h.clock.Add(retryStep)
			h.mu.Unlock()
			return ctx.Err()
		},
		clock: func() time.Time {
			h.mu.Lock()
			defer h.mu.Unlock()
			return h.clock
		},
	}
	if s.options != nil {
		s.options(&opts)
	}
	b, err := New(eng, opts)
	if err != nil {
		t.Fatalf("New = %v", err)
	}
	if s.bot != nil {
		s.bot(b)
	}
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- b.Run(ctx) }()
	t.Cleanup(h.stop)
	if opts.WebhookURL == "" {
		api.await("the first getUpdates", func() bool { return api.attempts["getUpdates"] > 0 })
	} else {
		waitUntil(t, "the bot is ready", b.Ready)
	}
	return h
}

// stop shuts the bot down and waits for Run to return; logs must never
// hold the token.
func (h *harness) stop() {
	h.once.Do(func() {
		h.cancel()
		h.wait()
		if strings.Contains(h.logs.String(), h.api.token) {
			h.t.Errorf("the logs hold the bot token:\n%s", h.logs.String())
		}
	})
}

func (h *harness) wait() {
	h.t.Helper()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run = %v; want nil after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Fatal("Run did not return after shutdown")
	}
}

func (h *harness) recordedWaits() []time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Duration(nil), h.waits...)
}

// teeHandler sends records to two handlers, each with its own level.
type teeHandler [2]slog.Handler

func (t teeHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return t[0].Enabled(ctx, l) || t[1].Enabled(ctx, l)
}

func (t teeHandler) Handle(ctx context.Context, r slog.Record) error {
	for _, h := range t {
		if h.Enabled(ctx, r.Level) {
			if err := h.Handle(ctx, r.Clone()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t teeHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return teeHandler{t[0].WithAttrs(as), t[1].WithAttrs(as)}
}

func (t teeHandler) WithGroup(name string) slog.Handler {
	return teeHandler{t[0].WithGroup(name), t[1].WithGroup(name)}
}

// waitUntil polls cond with a deadline, for state the fake cannot see.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline.C:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// People and chats of the tests.
var (
	alice = map[string]any{"id": 1001, "is_bot": false, "first_name": "Alice", "username": "alice"}
	bob   = map[string]any{"id": 1002, "is_bot": false, "first_name": "Bob"}
	group = map[string]any{"id": -1001234, "type": "supergroup", "title": "Election talk"}
)

func privateChat(user map[string]any) map[string]any {
	return map[string]any{"id": user["id"], "type": "private", "first_name": user["first_name"]}
}

func userN(n int) map[string]any {
	return map[string]any{"id": 2000 + n, "is_bot": false, "first_name": "User"}
}

// message builds a message update; extra fields go into the message.
func message(chat, from map[string]any, id int, text string, extra map[string]any) map[string]any {
	m := map[string]any{"message_id": id, "date": 1700000000, "chat": chat, "from": from, "text": text}
	for k, v := range extra {
		m[k] = v
	}
	return map[string]any{"message": m}
}

// botUser is the bot's own account as it appears in updates.
func (h *harness) botUser() map[string]any {
	return map[string]any{"id": h.api.botID, "is_bot": true, "first_name": "Election Bot", "username": h.api.name}
}

// replyTo reads reply_parameters.message_id of a call, or 0.
func replyTo(t *testing.T, c *apispec.TelegramCall) int {
	t.Helper()
	raw, ok := c.Params["reply_parameters"]
	if !ok {
		return 0
	}
	var p struct {
		MessageID int `json:"message_id"`
	}
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		t.Fatalf("reply_parameters %q: %v", raw, err)
	}
	return p.MessageID
}

type button struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

func buttons(t *testing.T, c *apispec.TelegramCall) []button {
	t.Helper()
	raw, ok := c.Params["reply_markup"]
	if !ok {
		return nil
	}
	var kb struct {
		InlineKeyboard [][]button `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &kb); err != nil {
		t.Fatalf("reply_markup %q: %v", raw, err)
	}
	var out []button
	for _, row := range kb.InlineKeyboard {
		out = append(out, row...)
	}
	return out
}
