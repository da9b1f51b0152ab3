package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

func TestReloadSwapsAndKeepsOldDataOnError(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	var logs bytes.Buffer
	a := newTestApp(t, config{DataDir: dir}, &logs)
	ask := func() string {
		return a.eng.Handle(t.Context(), bot.Request{Platform: "console", Text: "/elections"}).Plain()
	}

	writeArticle(t, dir, "zemun-2034.txt", "2034 Zemun municipal election")
	if err := a.reloader.Reload(); err != nil {
		t.Fatalf("Reload() = %v; want nil", err)
	}
	if got := ask(); !strings.Contains(got, "2034 Zemun") {
		t.Errorf("after a reload /elections = %q; want the new election", got)
	}

	os.WriteFile(filepath.Join(dir, "zemun-2034.txt"), []byte("\n\nno title line\n"), 0o644)
	err := a.reloader.Reload()
	var pe *knowledge.ParseError
	if !errors.As(err, &pe) || pe.File != "zemun-2034.txt" || pe.Line != 3 {
		t.Errorf("Reload() of a broken article = %v; want a ParseError at zemun-2034.txt:3", err)
	}
	if !strings.Contains(logs.String(), "zemun-2034.txt:3") {
		t.Errorf("the failed reload was not logged with file:line:\n%s", logs.String())
	}
	if got := ask(); !strings.Contains(got, "2034 Zemun") || !strings.Contains(got, "2030 Zemun") {
		t.Errorf("after a failed reload /elections = %q; want the previous data", got)
	}
}

// blockingCharter holds a /seats answer in flight until released.
type blockingCharter struct {
	called  chan *knowledge.Election
	release chan struct{}
}

func (c blockingCharter) Seats(e *knowledge.Election, _ lang.Lang) ([]byte, error) {
	c.called <- e
	<-c.release
	return nil, nil
}

func (blockingCharter) Polls(*knowledge.Election, []*knowledge.Poll, *knowledge.Contestant, lang.Lang) ([]byte, error) {
	return nil, nil
}
func (blockingCharter) Results(*knowledge.Election, lang.Lang) ([]byte, error) { return nil, nil }
func (blockingCharter) Trend(*knowledge.History, *knowledge.Lineage, lang.Lang) ([]byte, error) {
	return nil, nil
}

func TestInFlightAnswerFinishesOnOldData(t *testing.T) {
	oldDir, newDir := t.TempDir(), t.TempDir()
	writeArticle(t, oldDir, "zemun-2030.txt", "2030 Zemun municipal election")
	writeArticle(t, newDir, "zemun-2034.txt", "2034 Zemun municipal election")
	lib, err := loadLibrary(config{DataDir: oldDir}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	charts := blockingCharter{called: make(chan *knowledge.Election), release: make(chan struct{})}
	eng := bot.New(lib, bot.WithCharts(charts), wire.Answers(nil))
	r := &reloader{load: func() (*bot.Library, error) {
		return loadLibrary(config{DataDir: newDir}, slog.New(slog.DiscardHandler))
	}, eng: eng, log: slog.New(slog.DiscardHandler)}

	answer := make(chan bot.Response)
	go func() { answer <- eng.Handle(context.Background(), bot.Request{Text: "/seats"}) }()
	<-charts.called // the answer is in flight
	if err := r.Reload(); err != nil {
		t.Fatal(err)
	}
	close(charts.release)
	if got := (<-answer).Plain(); !strings.Contains(got, "2030 Zemun") {
		t.Errorf("the answer in flight during a reload = %q; want it about the old data (2030)", got)
	}
	go func() { answer <- eng.Handle(context.Background(), bot.Request{Text: "/seats"}) }()
	<-charts.called
	if got := (<-answer).Plain(); !strings.Contains(got, "2034 Zemun") {
		t.Errorf("the answer after the reload = %q; want it about the new data (2034)", got)
	}
}

func TestWatchReloadsOnChange(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	ticks := make(chan time.Time)
	reloads := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() {
		watch(ctx, os.DirFS(dir), ticks, func() error { reloads <- struct{}{}; return nil }, slog.New(slog.DiscardHandler))
		close(done)
	}()
	tick := func() { ticks <- time.Now() }
	// A tick always reaches the watcher before the next one is accepted, so
	// after two ticks the first one's check is finished.
	settle := func() { tick(); tick() }

	settle()
	if len(reloads) != 0 {
		t.Fatalf("watch reloaded %d times with nothing changed", len(reloads))
	}
	article := filepath.Join(dir, "zemun-2030.txt")
	later := time.Now().Add(time.Hour)
	os.Chtimes(article, later, later)
	settle()
	if len(reloads) != 1 {
		t.Errorf("watch reloaded %d times after a file was touched; want 1", len(reloads))
	}
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not an article"), 0o644)
	settle()
	if len(reloads) != 1 {
		t.Errorf("watch reloaded %d times after a non-article file appeared; want still 1", len(reloads))
	}
	os.Remove(article)
	settle()
	if len(reloads) != 2 {
		t.Errorf("watch reloaded %d times after an article was removed; want 2", len(reloads))
	}
	cancel()
	<-done
}

func TestReadyz(t *testing.T) {
	a := newTestApp(t, config{}, nil)
	var connected atomic.Bool
	ps := []*platform{{name: "telegram", ready: connected.Load}, {name: "console"}}
	srv := httptest.NewServer(newMux(a.metrics, func() (bool, string) { return a.ready(ps) }, ps))
	defer srv.Close()

	code, body := get(t, srv.URL+"/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "telegram") {
		t.Errorf("GET /readyz with telegram connecting = %d %q; want 503 naming telegram", code, body)
	}
	connected.Store(true)
	if code, body := get(t, srv.URL+"/readyz"); code != http.StatusOK {
		t.Errorf("GET /readyz with everything connected = %d %q; want 200", code, body)
	}
	a.eng.Swap(&bot.Library{})
	if code, body := get(t, srv.URL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz with no data = %d %q; want 503", code, body)
	}
	if code, _ := get(t, srv.URL+"/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d; want 200 whatever the readiness", code)
	}
}

func TestWebhookRoutesAreMounted(t *testing.T) {
	a := newTestApp(t, config{}, nil)
	hook := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	ps := []*platform{{name: "telegram", routes: map[string]http.Handler{"POST /telegram/webhook": hook}}}
	srv := httptest.NewServer(newMux(a.metrics, func() (bool, string) { return true, "" }, ps))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/telegram/webhook", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTeapot {
		t.Errorf("POST %s = %d; want the platform's handler (418)", "/telegram/webhook", resp.StatusCode)
	}
}

func TestShutdown(t *testing.T) {
	tests := []struct {
		name    string
		result  error         // what the platform's run returns
		timeout time.Duration // SHUTDOWN_TIMEOUT
		// late: the answer in flight outlasts the timeout.
		late bool
	}{
		{name: "in flight finishes in time", timeout: time.Minute},
		{name: "platform reports cancel", result: context.Canceled, timeout: time.Minute},
		{name: "in flight outlasts the timeout", timeout: time.Millisecond, late: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestApp(t, config{ShutdownTimeout: tt.timeout}, nil)
			started, release := make(chan struct{}), make(chan struct{})
			p := &platform{name: "fake", run: func(ctx context.Context) error {
				close(started)
				<-ctx.Done() // SIGTERM: stop taking updates...
				<-release    // ...and finish the answer in flight
				return tt.result
			}}
			ctx, cancel := context.WithCancel(t.Context())
			errc := make(chan error, 1)
			go func() { errc <- a.serve(ctx, []*platform{p}, nil) }()
			<-started
			cancel()
			if !tt.late {
				close(release)
			}
			err := <-errc
			if tt.late {
				close(release)
			}
			if (err != nil) != tt.late {
				t.Errorf("serve after SIGTERM = %v; want an error: %v", err, tt.late)
			}
		})
	}
}

func TestPlatformErrorStopsTheProcess(t *testing.T) {
	a := newTestApp(t, config{ShutdownTimeout: time.Minute}, nil)
	other := make(chan struct{})
	ps := []*platform{
		{name: "broken", run: func(context.Context) error { return errors.New("unauthorized") }},
		{name: "healthy", run: func(ctx context.Context) error { <-ctx.Done(); close(other); return nil }},
	}
	err := a.serve(t.Context(), ps, nil)
	if err == nil || !strings.Contains(err.Error(), "broken: unauthorized") {
		t.Errorf("serve with a failing platform = %v; want its error", err)
	}
	select {
	case <-other:
	default:
		t.Error("serve returned before stopping the healthy platform")
	}
}

func TestNamed(t *testing.T) {
	tests := []struct {
		platform string
		err      error
		want     string
	}{
		{"telegram", errors.New("telegram: the Bot API rejected the bot token"), "telegram: the Bot API rejected the bot token"},
		{"console", errors.New("read input: closed"), "console: read input: closed"},
		{"discord", errors.New("discordgo broke"), "discord: discordgo broke"},
	}
	for _, tt := range tests {
		if got := named(tt.platform, tt.err).Error(); got != tt.want {
			t.Errorf("named(%q, %q) = %q; want %q", tt.platform, tt.err, got, tt.want)
		}
	}
}

// TestRejectedTelegramToken stops the process, saying so once.
func TestRejectedTelegramToken(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
	}))
	defer api.Close()
	var stdout, stderr bytes.Buffer
	env := envOf(map[string]string{"TELEGRAM_TOKEN": "123:wrong", "TELEGRAM_API_URL": api.URL, "HTTP_ADDR": "127.0.0.1:0"})
	if code := run(t.Context(), nil, env, strings.NewReader(""), &stdout, &stderr); code != 1 {
		t.Errorf("run with a rejected token = %d; want 1", code)
	}
	got := stderr.String()
	if !strings.Contains(got, "rejected the bot token (401 Unauthorized): check TELEGRAM_TOKEN") || strings.Contains(got, "telegram: telegram:") || strings.Contains(got, "123:wrong") {
		t.Errorf("stderr:\n%s\nwant the rejection named once, without the token", got)
	}
}

// newTestApp builds an app on cfg's data (embedded by default), logging to
// logs when not nil.
func newTestApp(t *testing.T, cfg config, logs *bytes.Buffer) *app {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	if logs != nil {
		log = slog.New(slog.NewTextHandler(logs, nil))
	}
	a, err := newApp(cfg, log)
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	return a
}

// fakeIndex is a search index whose searches wait to be released.
type fakeIndex struct {
	searching, release chan struct{}
	searched           atomic.Bool
	closed             chan bool // whether the search had finished when Close came
}

func (f *fakeIndex) Search(context.Context, bot.SearchQuery) ([]bot.Hit, error) {
	f.searching <- struct{}{}
	<-f.release
	f.searched.Store(true)
	return nil, nil
}

func (f *fakeIndex) Close() error {
	f.closed <- f.searched.Load()
	return nil
}

func TestReloadRetiresTheOldIndexAfterSearchesInFlight(t *testing.T) {
	old := &fakeIndex{searching: make(chan struct{}), release: make(chan struct{}), closed: make(chan bool, 1)}
	oldSearcher := &retiringSearcher{ix: old}
	lib, err := loadLibrary(config{}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	eng := bot.New(&bot.Library{Elections: lib.Elections, Searcher: oldSearcher}, wire.Answers(nil))
	r := &reloader{load: func() (*bot.Library, error) { return lib, nil }, eng: eng, log: slog.New(slog.DiscardHandler)}

	searched := make(chan error)
	go func() {
		_, err := oldSearcher.Search(context.Background(), bot.SearchQuery{Text: "seats"})
		searched <- err
	}()
	<-old.searching // a search is in flight on the old index
	if err := r.Reload(); err != nil {
		t.Fatal(err)
	}
	close(old.release)
	if err := <-searched; err != nil {
		t.Errorf("the search in flight during a reload = %v; want it to finish", err)
	}
	if finished := <-old.closed; !finished {
		t.Error("the old index was closed while a search was in flight")
	}
	if _, err := oldSearcher.Search(context.Background(), bot.SearchQuery{Text: "seats"}); !errors.Is(err, errRetired) {
		t.Errorf("a search on the retired index = %v; want errRetired", err)
	}
	if eng.Library().Searcher == bot.Searcher(oldSearcher) {
		t.Error("the engine still searches the old index after a reload")
	}
}
