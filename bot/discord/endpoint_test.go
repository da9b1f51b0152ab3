package discord_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/adapter"
	"github.com/electionbot/electionbot/bot/discord"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// endpoint is a Bot serving the HTTP interactions endpoint through
// httptest, with a key pair to sign requests as Discord does.
type endpoint struct {
	t    *testing.T
	bot  *discord.Bot
	srv  *httptest.Server
	priv ed25519.PrivateKey
	eng  *bot.Engine
	fake *fakeDiscord // REST for deferred answers
	logs *syncBuffer
	now  func() time.Time
}

func newEndpoint(t *testing.T, eng *bot.Engine, opts discord.Options) *endpoint {
	t.Helper()
	return newEndpointAt(t, eng, opts, time.Now)
}

// newEndpointAt is newEndpoint on a clock of the test's: the bot checks
// signature timestamps and rate limits against it, and post signs with
// its time.
func newEndpointAt(t *testing.T, eng *bot.Engine, opts discord.Options, now func() time.Time) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	opts = discord.WithClock(opts, now)
	e := &endpoint{t: t, priv: priv, eng: eng, logs: &syncBuffer{}, now: now}
	e.fake = newFakeDiscord(t, "app-1", "")
	opts.PublicKey = pub
	opts.APIURL = e.fake.srv.URL
	opts.Logger = slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if opts.DeferAfter == 0 {
		opts.DeferAfter = time.Hour // answers are never deferred unless a test asks
	}
	e.bot, err = discord.New(eng, opts)
	if err != nil {
		t.Fatalf("discord.New() = %v", err)
	}
	e.srv = httptest.NewServer(e.bot.InteractionsHandler())
	t.Cleanup(e.srv.Close)
	return e
}

// post signs body with key at the endpoint's time and posts it.
func (e *endpoint) post(body []byte, key ed25519.PrivateKey) *http.Response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	ts := strconv.FormatInt(e.now().Unix(), 10)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("POST interaction: %v", err)
	}
	return resp
}

// interact posts a signed interaction and returns the response after
// checking it against the OpenAPI description (it is the body of an
// interaction callback) and, for messages, against the embed limits.
func (e *endpoint) interact(interaction map[string]any) (wireResponse, map[string][]byte) {
	e.t.Helper()
	body, err := json.Marshal(interaction)
	if err != nil {
		e.t.Fatal(err)
	}
	resp := e.post(body, e.priv)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("POST interaction = %s %s; want 200", resp.Status, raw)
	}
	ct := resp.Header.Get("Content-Type")
	callback := "/api/v10/interactions/" + interaction["id"].(string) + "/token/callback"
	if err := discordSpec(e.t).CheckRequest("POST", callback, ct, raw); err != nil {
		e.t.Errorf("response Discord would refuse: %v", err)
	}
	payload, files := raw, map[string][]byte(nil)
	if mt, params, _ := mime.ParseMediaType(ct); mt == "multipart/form-data" {
		payload, files = readMultipart(e.t, raw, params["boundary"])
	}
	r := decodeResponse(e.t, payload)
	if r.Type == 4 || r.Type == 7 {
		if r.Data == nil {
			e.t.Fatalf("response type %d without data", r.Type)
		}
		checkMessage(e.t, r.Data.wireMessage)
	}
	return r, files
}

// syncBuffer is a log destination that handlers on several goroutines
// may write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestEndpointPing(t *testing.T) {
	e := newEndpoint(t, newEngine(t), discord.Options{})
	r, _ := e.interact(baseInteraction(1, nil))
	if r.Type != 1 {
		t.Errorf("PING answered with type %d; want 1 (PONG)", r.Type)
	}
}

// sampleOptions fills a command's options the way a user might.
func sampleOptions(c bot.Command) []option {
	samples := map[string]any{"name": "SNS", "question": "How many seats did the SNS win?", "words": "turnout", "who": "SNS", "number": 8}
	var out []option
	for _, o := range c.Options {
		v, ok := samples[o.Name]
		if !ok {
			continue
		}
		typ := 3
		if o.Type == bot.OptionInteger {
			typ = 4
		}
		out = append(out, option{Name: o.Name, Type: typ, Value: v})
	}
	return out
}

func TestEndpointEveryCommand(t *testing.T) {
	eng := newEngine(t)
	e := newEndpoint(t, eng, discord.Options{})
	for _, c := range eng.Commands() {
		for _, withOptions := range []bool{false, true} {
			opts := []option(nil)
			if withOptions {
				opts = sampleOptions(c)
				if len(opts) == 0 {
					continue
				}
			}
			t.Run(c.Name+map[bool]string{false: "", true: "_with_options"}[withOptions], func(t *testing.T) {
				r, _ := e.interact(command(c.Name, opts...))
				if r.Type != 4 {
					t.Fatalf("/%s answered with type %d; want 4", c.Name, r.Type)
				}
				// The same request, straight to the engine.
				req := bot.Request{Platform: "discord", Command: c.Name, Options: map[string]string{}}
				for _, o := range opts {
					req.Options[o.Name] = strings.Trim(strings.TrimSpace(jsonString(o.Value)), `"`)
				}
				want := eng.Handle(context.Background(), req)
				if got := r.Data.Flags&64 != 0; got != want.Ephemeral {
					t.Errorf("/%s ephemeral = %v; want %v (%s)", c.Name, got, want.Ephemeral, want.Text)
				}
				first := r.Data.Embeds[0]
				if want.Title != "" && len(want.Title) < 200 && unescape(first.Title) != want.Title {
					t.Errorf("/%s title = %q; want %q", c.Name, unescape(first.Title), want.Title)
				}
				wantDesc, linkInText := want.Text, want.Title == "" && want.Source.Link() != ""
				if linkInText {
					wantDesc += "\n\nSource: [" + want.Source.String() + "](" + want.Source.Link() + ")"
				}
				if want.Text != "" && len(want.Text) < 3000 && unescape(first.Description) != wantDesc {
					t.Errorf("/%s description = %q; want %q", c.Name, unescape(first.Description), wantDesc)
				}
				if first.URL != want.Source.Link() {
					t.Errorf("/%s embed url = %q; want the article's link %q", c.Name, first.URL, want.Source.Link())
				}
				if src := want.Source.String(); src != "" && !linkInText {
					last := r.Data.Embeds[len(r.Data.Embeds)-1]
					if last.Footer == nil || last.Footer.Text != src {
						t.Errorf("/%s footer = %+v; want %q", c.Name, last.Footer, src)
					}
				}
			})
		}
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestEndpointListNumber(t *testing.T) {
	e := newEndpoint(t, newEngine(t), discord.Options{})
	r, _ := e.interact(command("list", option{Name: "number", Type: 4, Value: 8}))
	if title := unescape(r.Data.Embeds[0].Title); !strings.HasPrefix(title, "List 8: ") {
		t.Errorf("/list number:8 title = %q; want List 8: ...", title)
	}
	if r.Data.Flags != 0 {
		t.Errorf("/list number:8 flags = %d; want 0 (everyone sees it)", r.Data.Flags)
	}
}

func TestEndpointAutocomplete(t *testing.T) {
	e := newEndpoint(t, twoElectionEngine(t), discord.Options{})
	tests := []struct {
		name    string
		command string
		focused option
		integer bool
		want    string // a choice name that must be offered
	}{
		{"party name", "party", option{Name: "name", Type: 3, Value: "dem", Focused: true}, false, "Democratic"},
		{"list number", "list", option{Name: "number", Type: 4, Value: "", Focused: true}, true, "8 — "},
		{"list number typed", "list", option{Name: "number", Type: 4, Value: "1", Focused: true}, true, "12 — "},
		{"poll who", "poll", option{Name: "who", Type: 3, Value: "", Focused: true}, false, ""},
		{"election", "seats", option{Name: "election", Type: 3, Value: "2018", Focused: true}, false, "2018"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := e.interact(autocomplete(tt.command, tt.focused))
			if r.Type != 8 {
				t.Fatalf("autocomplete answered with type %d; want 8", r.Type)
			}
			if r.Data == nil || len(r.Data.Choices) > 25 {
				t.Fatalf("autocomplete data = %+v; want at most 25 choices", r.Data)
			}
			found := tt.want == ""
			for _, c := range r.Data.Choices {
				if n := len([]rune(c.Name)); n < 1 || n > 100 {
					t.Errorf("choice name %q has %d characters; want 1-100", c.Name, n)
				}
				_, isNumber := c.Value.(float64)
				if isNumber != tt.integer {
					t.Errorf("choice %q value %#v; want integer=%v", c.Name, c.Value, tt.integer)
				}
				found = found || strings.Contains(c.Name, tt.want)
			}
			if !found {
				t.Errorf("choices %+v; want one containing %q", r.Data.Choices, tt.want)
			}
		})
	}
}

// twoElectionEngine loads the seed twice, the second time as if it were
// the 2018 election, so that commands take the election option.
func twoElectionEngine(t *testing.T) *bot.Engine {
	t.Helper()
	seed, err := data.FS.ReadFile("belgrade-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	aliases, _ := data.FS.ReadFile(knowledge.AliasesFile)
	fsys := fstest.MapFS{
		"belgrade-2014.txt":   {Data: seed},
		"belgrade-2018.txt":   {Data: bytes.ReplaceAll(seed, []byte("2014"), []byte("2018"))},
		knowledge.AliasesFile: {Data: aliases},
	}
	es, err := knowledge.Load(fsys, nil)
	if err != nil {
		t.Fatalf("knowledge.Load() = %v", err)
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}

func TestEndpointAutocompleteLimits(t *testing.T) {
	e := newEndpoint(t, newEngine(t), discord.Options{})
	var many []bot.Choice
	for i := range 40 {
		many = append(many, bot.Choice{Name: strings.Repeat("ž", 150), Value: strings.Repeat("x", i+1)})
	}
	many = append([]bot.Choice{{Name: "", Value: ""}, {Name: "not a number", Value: "x"}}, many...)
	e.bot.SetComplete(func(command, option, partial, election string) []bot.Choice { return many })
	r, _ := e.interact(autocomplete("party", option{Name: "name", Type: 3, Value: "x", Focused: true}))
	if got := len(r.Data.Choices); got != 25 {
		t.Errorf("%d choices; want 25", got)
	}
	for _, c := range r.Data.Choices {
		if n := len([]rune(c.Name)); n < 1 || n > 100 {
			t.Errorf("choice name of %d characters; want 1-100", n)
		}
	}
	// An integer option drops the choices whose value is no number.
	r, _ = e.interact(autocomplete("list", option{Name: "number", Type: 4, Value: "x", Focused: true}))
	if len(r.Data.Choices) != 0 {
		t.Errorf("integer choices = %+v; want none (no value is a number)", r.Data.Choices)
	}
}

func TestEndpointButton(t *testing.T) {
	e := newEndpoint(t, newEngine(t), discord.Options{})
	r, _ := e.interact(command("list"))
	next := r.Data.buttons()["Next ›"]
	if next == "" {
		t.Fatalf("/list buttons = %v; want a Next button", r.Data.buttons())
	}
	r, _ = e.interact(click(next))
	if r.Type != 7 {
		t.Fatalf("button click answered with type %d; want 7 (UPDATE_MESSAGE)", r.Type)
	}
	if desc := unescape(r.Data.Embeds[0].Description); !strings.Contains(desc, "Page 2 of") {
		t.Errorf("page after Next = %q; want page 2", desc)
	}
	if b := r.Data.buttons(); b["‹ Previous"] == "" || b["Next ›"] == "" {
		t.Errorf("page 2 buttons = %v; want Previous and Next", b)
	}
	// An expired button answers the clicker alone and leaves the page.
	r, _ = e.interact(click("list:x:gone"))
	if r.Type != 4 || r.Data.Flags&64 == 0 {
		t.Errorf("expired button answered type %d flags %d; want an ephemeral new message", r.Type, r.Data.Flags)
	}
}

func TestEndpointRejects(t *testing.T) {
	var handled atomic.Int64
	eng := bot.New(&bot.Library{Elections: elections(t)}, bot.WithObserver(func(bot.Event) { handled.Add(1) }), wire.Answers(nil))
	now := time.Unix(1700000000, 0)
	e := newEndpointAt(t, eng, discord.Options{}, func() time.Time { return now })
	body, _ := json.Marshal(command("seats"))
	_, otherKey, _ := ed25519.GenerateKey(nil)
	signAt := func(ts string) string {
		return hex.EncodeToString(ed25519.Sign(e.priv, append([]byte(ts), body...)))
	}
	at := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	goodTS := at(0)
	goodSig := signAt(goodTS)
	otherSig := hex.EncodeToString(ed25519.Sign(otherKey, append([]byte(goodTS), body...)))
	tampered := bytes.Replace(body, []byte("seats"), []byte("about"), 1)
	tests := []struct {
		name      string
		method    string
		body      []byte
		sig, ts   string
		setHeader bool
		want      int
	}{
		{"tampered body", "POST", tampered, goodSig, goodTS, true, 401},
		{"wrong key", "POST", body, otherSig, goodTS, true, 401},
		{"other timestamp", "POST", body, goodSig, at(time.Second), true, 401},
		{"replayed 10 minutes later", "POST", body, signAt(at(-10 * time.Minute)), at(-10 * time.Minute), true, 401},
		{"just over 5 minutes old", "POST", body, signAt(at(-5*time.Minute - time.Second)), at(-5*time.Minute - time.Second), true, 401},
		{"2 minutes ahead", "POST", body, signAt(at(2 * time.Minute)), at(2 * time.Minute), true, 401},
		{"timestamp not a number", "POST", body, signAt("abc"), "abc", true, 401},
		{"timestamp with a fraction", "POST", body, signAt(goodTS + ".5"), goodTS + ".5", true, 401},
		{"missing headers", "POST", body, "", "", false, 401},
		{"missing signature", "POST", body, "", goodTS, true, 401},
		{"missing timestamp", "POST", body, goodSig, "", true, 401},
		{"signature not hex", "POST", body, "zz" + goodSig[2:], goodTS, true, 401},
		{"signature too short", "POST", body, goodSig[:64], goodTS, true, 401},
		{"GET", "GET", nil, goodSig, goodTS, true, 405},
		{"body too large", "POST", bytes.Repeat([]byte("x"), 1<<20), goodSig, goodTS, true, 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, e.srv.URL, bytes.NewReader(tt.body))
			if tt.setHeader {
				req.Header.Set("X-Signature-Ed25519", tt.sig)
				req.Header.Set("X-Signature-Timestamp", tt.ts)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d; want %d", resp.StatusCode, tt.want)
			}
		})
	}
	if n := handled.Load(); n != 0 {
		t.Errorf("the engine answered %d rejected requests; want 0", n)
	}
	// A dozen failures from one source within a minute: one log line.
	if n := strings.Count(e.logs.String(), "request failed authentication"); n != 1 {
		t.Errorf("%d log lines for the failed requests from one source; want 1:\n%s", n, e.logs.String())
	}
	// Within the window: a little old, or a little ahead.
	for _, d := range []time.Duration{-4 * time.Minute, 30 * time.Second} {
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL, bytes.NewReader(body))
		req.Header.Set("X-Signature-Ed25519", signAt(at(d)))
		req.Header.Set("X-Signature-Timestamp", at(d))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("signed %v from now: status %d; want 200", d, resp.StatusCode)
		}
	}
	// Signed but not an interaction.
	for _, b := range [][]byte{[]byte("not json"), []byte(`{"type":0}`)} {
		resp := e.post(b, e.priv)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("signed %q = %d; want 400", b, resp.StatusCode)
		}
	}
}

func TestEndpointPanics(t *testing.T) {
	const token = "secret-bot-token-1234"
	t.Run("in the engine", func(t *testing.T) {
		eng := newEngine(t, bot.WithCharts(&fakechart.Charter{Panic: true}))
		e := newEndpoint(t, eng, discord.Options{Token: token})
		r, _ := e.interact(command("seats"))
		wantApology(t, r)
	})
	t.Run("in the adapter", func(t *testing.T) {
		e := newEndpoint(t, newEngine(t), discord.Options{Token: token})
		e.bot.SetHandle(func(context.Context, bot.Request) bot.Response {
			panic("boom with " + token + " and " + interactionToken)
		})
		r, _ := e.interact(command("seats"))
		wantApology(t, r)
		logs := e.logs.String()
		if !strings.Contains(logs, "interaction panicked") {
			t.Errorf("logs = %q; want the panic logged", logs)
		}
		if strings.Contains(logs, token) || strings.Contains(logs, interactionToken) {
			t.Errorf("logs = %q; want no token", logs)
		}
	})
	t.Run("in autocomplete", func(t *testing.T) {
		e := newEndpoint(t, newEngine(t), discord.Options{})
		e.bot.SetComplete(func(string, string, string, string) []bot.Choice { panic("boom") })
		r, _ := e.interact(autocomplete("party", option{Name: "name", Type: 3, Value: "s", Focused: true}))
		if r.Type != 8 || r.Data == nil || len(r.Data.Choices) != 0 {
			t.Errorf("panicking autocomplete = %+v; want type 8 without choices", r)
		}
	})
}

func wantApology(t *testing.T, r wireResponse) {
	t.Helper()
	if r.Type != 4 || r.Data.Flags&64 == 0 {
		t.Fatalf("answer type %d flags %d; want an ephemeral message (4, 64)", r.Type, r.Data.Flags)
	}
	if got, want := unescape(r.Data.Embeds[0].Description), bot.Apology().Text; got != want {
		t.Errorf("answer = %q; want the apology %q", got, want)
	}
}

func TestEndpointImage(t *testing.T) {
	pngData := fakechart.TinyPNG()
	e := newEndpoint(t, newEngine(t, bot.WithCharts(&fakechart.Charter{PNG: pngData})), discord.Options{})
	r, files := e.interact(command("seats"))
	if got := files["seats.png"]; !bytes.Equal(got, pngData) {
		t.Errorf("files = %v; want seats.png with the chart", keys(files))
	}
	last := r.Data.Embeds[len(r.Data.Embeds)-1]
	if last.Image == nil || last.Image.URL != "attachment://seats.png" {
		t.Errorf("embed image = %+v; want attachment://seats.png", last.Image)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestEndpointDeferred(t *testing.T) {
	t.Run("command", func(t *testing.T) {
		pngData := fakechart.TinyPNG()
		charter := &fakechart.Charter{PNG: pngData, Release: make(chan struct{})}
		e := newEndpoint(t, newEngine(t, bot.WithCharts(charter)), discord.Options{DeferAfter: time.Nanosecond})
		// The chart cannot be drawn before the test releases it, so the
		// deferral must come first.
		r, _ := e.interact(command("seats"))
		if r.Type != 5 {
			t.Fatalf("slow answer: first response type %d; want 5 (DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE)", r.Type)
		}
		close(charter.Release)
		edit, m := e.fake.nextMessage(t, "edit of the deferred response", "PATCH")
		if want := "/api/v9/webhooks/app-1/" + interactionToken + "/messages/@original"; edit.Path != want {
			t.Errorf("edit path = %s; want %s", edit.Path, want)
		}
		if title := unescape(m.Embeds[0].Title); !strings.HasPrefix(title, "Seats") {
			t.Errorf("edited title = %q; want the seats answer", title)
		}
		if !bytes.Equal(edit.Files["seats.png"], pngData) {
			t.Errorf("edit files = %v; want seats.png", keys(edit.Files))
		}
		if err := e.bot.Shutdown(ctxFor(t)); err != nil {
			t.Errorf("Shutdown() = %v; want nil", err)
		}
	})
	t.Run("error", func(t *testing.T) {
		e := newEndpoint(t, newEngine(t), discord.Options{DeferAfter: time.Nanosecond})
		release := make(chan struct{})
		e.bot.SetHandle(func(context.Context, bot.Request) bot.Response {
			<-release
			return bot.Response{Text: "No such list.", Ephemeral: true, Outcome: bot.UserError}
		})
		if r, _ := e.interact(command("list")); r.Type != 5 {
			t.Fatalf("first response type %d; want 5", r.Type)
		}
		close(release)
		_, m := e.fake.nextMessage(t, "follow-up", "POST")
		if m.Flags&64 == 0 {
			t.Errorf("follow-up flags = %d; want ephemeral (64)", m.Flags)
		}
		// The public "thinking…" placeholder goes.
		e.fake.next(t, "delete of the placeholder", func(c restCall) bool {
			return c.Method == "DELETE" && strings.HasSuffix(c.Path, "/messages/@original")
		})
	})
	t.Run("button", func(t *testing.T) {
		e := newEndpoint(t, newEngine(t), discord.Options{DeferAfter: time.Nanosecond})
		release := make(chan struct{})
		eng := newEngine(t)
		e.bot.SetPress(func(ctx context.Context, data string) bot.Response {
			<-release
			return eng.Press(ctx, data)
		})
		if r, _ := e.interact(click("list:2:belgrade-2014")); r.Type != 6 {
			t.Fatalf("first response type %d; want 6 (DEFERRED_UPDATE_MESSAGE)", r.Type)
		}
		close(release)
		_, m := e.fake.nextMessage(t, "edit of the clicked message", "PATCH")
		if desc := unescape(m.Embeds[0].Description); !strings.Contains(desc, "Page 2 of") {
			t.Errorf("edited page = %q; want page 2", desc)
		}
	})
}

func TestEndpointRateLimit(t *testing.T) {
	var limited atomic.Int64
	now := time.Unix(1700000000, 0)
	e := newEndpointAt(t, newEngine(t), discord.Options{
		Rate:          adapter.Rate{PerMinute: 1, Burst: 1},
		OnRateLimited: func() { limited.Add(1) },
	}, func() time.Time { return now })
	if r, _ := e.interact(command("about")); r.Data.Flags&64 != 0 {
		t.Fatalf("first /about is ephemeral; want an answer")
	}
	r, _ := e.interact(command("about"))
	if got, want := unescape(r.Data.Embeds[0].Description), bot.RateLimited(lang.En).Text; got != want || r.Data.Flags&64 == 0 {
		t.Errorf("second /about = %q (flags %d); want the ephemeral %q", got, r.Data.Flags, want)
	}
	if limited.Load() != 1 {
		t.Errorf("OnRateLimited called %d times; want 1", limited.Load())
	}
	// Autocomplete is not limited: it fires at every keystroke.
	if r, _ := e.interact(autocomplete("party", option{Name: "name", Type: 3, Value: "s", Focused: true})); r.Type != 8 {
		t.Errorf("autocomplete after the limit answered type %d; want 8", r.Type)
	}
}

func TestEndpointShutdown(t *testing.T) {
	e := newEndpoint(t, newEngine(t), discord.Options{})
	if !e.bot.Ready() {
		t.Fatalf("Ready() = false before shutdown; want true")
	}
	if err := e.bot.Shutdown(ctxFor(t)); err != nil {
		t.Fatalf("Shutdown() = %v", err)
	}
	if e.bot.Ready() {
		t.Errorf("Ready() = true after shutdown; want false")
	}
	body, _ := json.Marshal(command("about"))
	resp := e.post(body, e.priv)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("after shutdown: status %d; want 503", resp.StatusCode)
	}
}

func FuzzEndpoint(f *testing.F) {
	for _, i := range []map[string]any{
		baseInteraction(1, nil),
		command("list", option{Name: "number", Type: 4, Value: 8}),
		command("party", option{Name: "name", Type: 3, Value: "@everyone **x**"}),
		autocomplete("party", option{Name: "name", Type: 3, Value: "s", Focused: true}),
		click("list:2:belgrade-2014"),
	} {
		b, _ := json.Marshal(i)
		f.Add(b)
	}
	f.Add([]byte(`{"type":2,"data":null}`))
	f.Add([]byte(`{"type":3}`))
	f.Add([]byte(`{"type":4,"data":{"options":[{"focused":true,"value":[1]}]}}`))
	pub, priv, _ := ed25519.GenerateKey(nil)
	es, err := loadSeed()
	if err != nil {
		f.Fatal(err)
	}
	eng := bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
	b, err := discord.New(eng, discord.Options{PublicKey: pub, DeferAfter: time.Hour})
	if err != nil {
		f.Fatal(err)
	}
	h := b.InteractionsHandler()
	spec, err := specOnce()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
		req.Header.Set("X-Signature-Timestamp", ts)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		switch w.Code {
		case http.StatusBadRequest:
		case http.StatusOK:
			if err := spec.CheckRequest("POST", "/interactions/1/t/callback", w.Header().Get("Content-Type"), w.Body.Bytes()); err != nil {
				t.Errorf("answer to %q: %v", body, err)
			}
		default:
			t.Errorf("status %d for %q; want 200 or 400", w.Code, body)
		}
	})
}
