package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

// These tests run the whole program through run, as a user or an
// orchestrator would: flags, environment, standard streams, HTTP.

func TestAsk(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{name: "a list", args: []string{"ask", "/list 8"}, want: "Ballot carrier: Dragan Đilas"},
		{name: "a user error still exits 0", args: []string{"ask", "/list 999"}, want: "1"},
		{name: "an unknown command", args: []string{"ask", "/frobnicate"}, want: "/help"},
		{name: "an empty message", args: []string{"ask", ""}, want: "/help"},
		{name: "search through the index", args: []string{"ask", "/search turnout"}, want: "[Turnout]"},
		{name: "data flag after ask", args: []string{"ask", "-data", dir, "/elections"}, want: "2030 Zemun municipal election"},
		{name: "data flag before ask", args: []string{"-data", dir, "ask", "/elections"}, want: "2030 Zemun municipal election"},
		{name: "data from the environment", args: []string{"ask", "/elections"}, env: map[string]string{"ELECTIONBOT_DATA": dir}, want: "2030 Zemun municipal election"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(t.Context(), tt.args, testEnv(t, tt.env), strings.NewReader(""), &stdout, &stderr)
			if code != 0 {
				t.Fatalf("run(%q) = %d; want 0; stderr:\n%s", tt.args, code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.want) {
				t.Errorf("run(%q) printed:\n%s\nwant it to contain %q", tt.args, stdout.String(), tt.want)
			}
		})
	}
}

func TestTerminalSession(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), nil, testEnv(t, nil), strings.NewReader("/seats\nquit\n"), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("run() = %d; want 0; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "110 seats") {
		t.Errorf("the terminal session printed:\n%s\nwant the /seats answer", stdout.String())
	}
	if strings.Contains(stderr.String(), "answer") {
		t.Errorf("the terminal session logged its answers at the default level:\n%s", stderr.String())
	}
}

func TestCannotStart(t *testing.T) {
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "broken.txt"), []byte("no title here\n"), 0o644)
	empty := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "malformed article", args: []string{"-data", bad, "ask", "/seats"}, want: "broken.txt:1:"},
		{name: "malformed article, terminal", args: []string{"-data", bad}, want: "broken.txt:1:"},
		{name: "no articles", args: []string{"-data", empty, "ask", "/seats"}, want: "no *.txt articles"},
		{name: "missing folder", args: []string{"-data", filepath.Join(empty, "nope"), "ask", "/seats"}, want: "ELECTIONBOT_DATA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(t.Context(), tt.args, envOf(nil), strings.NewReader(""), &stdout, &stderr)
			if code != 1 {
				t.Errorf("run(%q) = %d; want 1", tt.args, code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run(%q) stderr:\n%s\nwant it to contain %q", tt.args, stderr.String(), tt.want)
			}
		})
	}
}

// TestOversizedArticle refuses a 50 MB article (sparse: it takes no disk)
// without reading it, at start and at reload.
func TestOversizedArticle(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), []string{"-data", dir, "ask", "/elections"}, envOf(nil), strings.NewReader(""), &stdout, &stderr)
	runtime.ReadMemStats(&after)
	want := "huge.txt: 52428800 bytes, more than the limit 2097152"
	if code != 1 || !strings.Contains(stderr.String(), want) {
		t.Errorf("run with a 50 MB article = %d, stderr:\n%s\nwant 1 and %q", code, stderr.String(), want)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("refusing the article allocated %d MiB; want it refused unread", grew>>20)
	}

	os.Remove(big)
	var logs bytes.Buffer
	a := newTestApp(t, config{DataDir: dir, MaxArticleBytes: 1 << 20}, &logs)
	if err := os.Truncate(filepath.Join(dir, "zemun-2030.txt"), 2<<20); err != nil {
		t.Fatal(err)
	}
	var se *knowledge.SizeError
	if err := a.reloader.Reload(); !errors.As(err, &se) || se.File != "zemun-2030.txt" {
		t.Errorf("Reload() with an oversized article = %v; want a SizeError for zemun-2030.txt", err)
	}
	if got := a.eng.Handle(t.Context(), bot.Request{Platform: "console", Text: "/elections"}).Plain(); !strings.Contains(got, "2030 Zemun") {
		t.Errorf("after the refused reload /elections = %q; want the previous data", got)
	}
}

func TestWrongSettingStopsTheStart(t *testing.T) {
	ask := []string{"ask", "/seats"}
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{env: map[string]string{"HTTP_ADDR": "localhost"}, args: ask, want: "HTTP_ADDR"},
		{env: map[string]string{"ADMIN_ADDR": "9090"}, args: ask, want: "ADMIN_ADDR"},
		{env: map[string]string{"HTTP_ADDR": ":8080", "ADMIN_ADDR": ":8080"}, args: ask, want: "ADMIN_ADDR=\":8080\" is HTTP_ADDR too"},
		{env: map[string]string{"LOG_FORMAT": "xml"}, args: ask, want: "LOG_FORMAT"},
		{env: map[string]string{"LOG_LEVEL": "loud"}, args: ask, want: "LOG_LEVEL"},
		{env: map[string]string{"SHUTDOWN_TIMEOUT": "soon"}, args: ask, want: "SHUTDOWN_TIMEOUT"},
		{env: map[string]string{"ELECTIONBOT_MAX_ARTICLE_BYTES": "big"}, args: ask, want: "ELECTIONBOT_MAX_ARTICLE_BYTES"},
		{env: map[string]string{"ELECTIONBOT_WATCH": "true"}, args: ask, want: "ELECTIONBOT_WATCH needs ELECTIONBOT_DATA"},
		{env: map[string]string{"TELEGRAM_TOKEN": "1:x", "TELEGRAM_WEBHOOK_URL": "http://example.org/hook"}, args: ask, want: "TELEGRAM_WEBHOOK_URL must be https://"},
		{env: map[string]string{"DISCORD_PUBLIC_KEY": "abc"}, args: ask, want: "DISCORD_PUBLIC_KEY must be 64 hex characters"},
		{args: []string{"-http-addr", ":99999", "ask", "/seats"}, want: `-http-addr=":99999" is invalid`},
		{args: []string{"ask", "-log-level", "loud", "/seats"}, want: `-log-level="loud" is not debug`},
		{args: []string{"-nosuchflag", "ask", "/seats"}, want: "nosuchflag"},
		{args: []string{"serve-forever"}, want: "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := tt.args
			code := run(t.Context(), args, envOf(tt.env), strings.NewReader(""), &stdout, &stderr)
			if code != 2 {
				t.Errorf("run(%q) with %v = %d; want 2", args, tt.env, code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run(%q) with %v stderr:\n%s\nwant it to name %q", args, tt.env, stderr.String(), tt.want)
			}
			if stdout.Len() > 0 {
				t.Errorf("run(%q) answered although its settings are wrong:\n%s", args, stdout.String())
			}
		})
	}
}

// TestSettingsErrorsAllAtOnce reports every wrong setting, each once, by
// the name the user gave it, and a wrong flag once, without the usage.
func TestSettingsErrorsAllAtOnce(t *testing.T) {
	var stdout, stderr bytes.Buffer
	env := envOf(map[string]string{"LOG_LEVEL": "loud", "HTTP_ADDR": "localhost", "SHUTDOWN_TIMEOUT": "soon"})
	if code := run(t.Context(), []string{"-rate-burst", "0", "ask", "/seats"}, env, strings.NewReader(""), &stdout, &stderr); code != 2 {
		t.Errorf("run with four wrong settings = %d; want 2", code)
	}
	got := stderr.String()
	for _, want := range []string{`LOG_LEVEL="loud"`, `HTTP_ADDR="localhost"`, `SHUTDOWN_TIMEOUT="soon"`, `-rate-burst=0`} {
		if n := strings.Count(got, want); n != 1 {
			t.Errorf("stderr names %s %d times; want once:\n%s", want, n, got)
		}
	}
	if strings.Count(got, "SHUTDOWN_TIMEOUT") != 1 {
		t.Errorf("an unreadable SHUTDOWN_TIMEOUT is reported more than once:\n%s", got)
	}

	stderr.Reset()
	if code := run(t.Context(), []string{"-nosuchflag", "ask", "/seats"}, envOf(nil), strings.NewReader(""), &stdout, &stderr); code != 2 {
		t.Errorf("run with an unknown flag = %d; want 2", code)
	}
	if got := stderr.String(); strings.Count(got, "nosuchflag") != 1 || strings.Contains(got, "Usage") {
		t.Errorf("an unknown flag printed:\n%s\nwant it named once, without the usage", got)
	}

	stderr.Reset()
	if code := run(t.Context(), []string{"-h"}, envOf(nil), strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Errorf("run -h = %d; want 0", code)
	}
	if got := stderr.String(); !strings.Contains(got, "Usage") || !strings.Contains(got, "-max-article-bytes") {
		t.Errorf("run -h printed:\n%s\nwant the usage with every flag", got)
	}
}

func TestService(t *testing.T) {
	p := start(t, map[string]string{"HTTP_ADDR": "127.0.0.1:0"})
	base := "http://" + p.addr(t)

	for _, path := range []string{"/healthz", "/readyz"} {
		if code, body := get(t, base+path); code != http.StatusOK {
			t.Errorf("GET %s = %d %q; want 200", path, code, body)
		}
	}

	io.WriteString(p.stdin, "/seats\n")
	p.stdout.waitFor(t, "the /seats answer", func(s string) bool { return strings.Contains(s, "110 seats") })
	io.WriteString(p.stdin, "/list 987654321\n")
	p.stderr.waitFor(t, "two answer log lines", func(s string) bool { return strings.Count(s, `"msg":"answer"`) == 2 })

	_, metrics := get(t, base+"/metrics")
	for _, want := range []string{
		`electionbot_messages_total{command="seats",platform="console"} 1`,
		`electionbot_answers_total{outcome="answered",platform="console"} 1`,
		`electionbot_answers_total{outcome="user_error",platform="console"} 1`,
		`electionbot_answer_duration_seconds_count{command="seats",platform="console"} 1`,
		`electionbot_reloads_total{result="failed"} 0`,
		`electionbot_elections_loaded 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s; got:\n%s", want, metrics)
		}
	}

	var answer map[string]any
	for _, l := range p.logLines(t) {
		if l["msg"] == "answer" && l["command"] == "seats" {
			answer = l
		}
	}
	for _, key := range []string{"platform", "command", "outcome", "latency_ms"} {
		if _, ok := answer[key]; !ok {
			t.Errorf("answer log line %v lacks %q", answer, key)
		}
	}
	if strings.Contains(p.stderr.String(), "987654321") {
		t.Errorf("the log holds a message body:\n%s", p.stderr.String())
	}

	if code := p.stop(t); code != 0 {
		t.Errorf("run after SIGTERM = %d; want 0", code)
	}
	if code, _ := tryGet(base + "/healthz"); code != 0 {
		t.Errorf("GET /healthz after shutdown = %d; want the listener closed", code)
	}
}

// TestAdminAddr serves the operator's endpoints on ADMIN_ADDR alone, and
// only the webhooks on HTTP_ADDR.
func TestAdminAddr(t *testing.T) {
	api := newFakeTelegram(t)
	p := start(t, map[string]string{
		"TELEGRAM_TOKEN":       "123456:TEST-token",
		"TELEGRAM_API_URL":     api.srv.URL,
		"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg/hook",
		"HTTP_ADDR":            "127.0.0.1:0",
		"ADMIN_ADDR":           "127.0.0.1:0",
	})
	public, admin := "http://"+p.addr(t), "http://"+p.addrOf(t, "ADMIN_ADDR")
	p.stderr.waitFor(t, "Telegram to start", func(s string) bool { return strings.Contains(s, "telegram bot started") })
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if code, body := get(t, admin+path); code != http.StatusOK {
			t.Errorf("GET ADMIN_ADDR%s = %d %q; want 200", path, code, body)
		}
		if code, _ := get(t, public+path); code != http.StatusNotFound {
			t.Errorf("GET HTTP_ADDR%s = %d; want 404 with ADMIN_ADDR set", path, code)
		}
	}
	resp, err := http.Post(public+"/tg/hook", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST HTTP_ADDR/tg/hook without the secret = %d; want the webhook's 401", resp.StatusCode)
	}
	var stderr bytes.Buffer
	env := envOf(map[string]string{"HTTP_ADDR": "127.0.0.1:1", "ADMIN_ADDR": strings.TrimPrefix(admin, "http://")})
	if code := run(t.Context(), []string{"healthcheck"}, env, nil, io.Discard, &stderr); code != 0 {
		t.Errorf("electionbot healthcheck with ADMIN_ADDR = %d; want 0 (it probes ADMIN_ADDR); stderr: %s", code, stderr.String())
	}
	if code := p.stop(t); code != 0 {
		t.Errorf("run after SIGTERM = %d; want 0", code)
	}
}

func TestHealthcheckCommand(t *testing.T) {
	p := start(t, map[string]string{"HTTP_ADDR": "127.0.0.1:0"})
	addr := p.addr(t)
	var stderr bytes.Buffer
	if code := run(t.Context(), []string{"healthcheck"}, envOf(map[string]string{"HTTP_ADDR": addr}), nil, io.Discard, &stderr); code != 0 {
		t.Errorf("electionbot healthcheck on a running bot = %d; want 0; stderr: %s", code, stderr.String())
	}
	p.stop(t)
	stderr.Reset()
	if code := run(t.Context(), []string{"healthcheck"}, envOf(map[string]string{"HTTP_ADDR": addr}), nil, io.Discard, &stderr); code != 1 {
		t.Errorf("electionbot healthcheck on a stopped bot = %d; want 1", code)
	}
	if stderr.Len() == 0 {
		t.Error("electionbot healthcheck on a stopped bot said nothing")
	}
}

// program is a run of the whole program in the background.
type program struct {
	stdin          *io.PipeWriter
	stdout, stderr *syncBuffer
	cancel         context.CancelFunc
	done           chan int
}

// start runs the program with env (plus JSON logs at info) until the test
// ends or stop is called.
func start(t *testing.T, env map[string]string, args ...string) *program {
	t.Helper()
	all := map[string]string{"LOG_FORMAT": "json", "LOG_LEVEL": "info"}
	for k, v := range env {
		all[k] = v
	}
	ctx, cancel := context.WithCancel(t.Context())
	r, w := io.Pipe()
	p := &program{stdin: w, stdout: &syncBuffer{}, stderr: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	go func() { p.done <- run(ctx, args, testEnv(t, all), r, p.stdout, p.stderr) }()
	t.Cleanup(func() { p.stop(t) })
	return p
}

// stop is SIGTERM: it cancels the program's context and returns its exit
// status.
func (p *program) stop(t *testing.T) int {
	t.Helper()
	p.cancel()
	select {
	case code := <-p.done:
		p.stdin.Close()
		p.done <- code // for a second stop
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("the program did not stop within 30s of SIGTERM")
		return -1
	}
}

// addr waits for the program to log its HTTP_ADDR listener's address.
func (p *program) addr(t *testing.T) string {
	t.Helper()
	return p.addrOf(t, "HTTP_ADDR")
}

// addrOf waits for the program to log the address of the listener that
// setting (HTTP_ADDR, ADMIN_ADDR) sets.
func (p *program) addrOf(t *testing.T, setting string) string {
	t.Helper()
	p.stderr.waitFor(t, "the listening log line of "+setting, func(s string) bool {
		return strings.Contains(s, `"msg":"listening","setting":"`+setting+`"`)
	})
	for _, l := range p.logLines(t) {
		if l["msg"] == "listening" && l["setting"] == setting {
			return l["addr"].(string)
		}
	}
	t.Fatal("no listening line for " + setting)
	return ""
}

func (p *program) logLines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(p.stderr.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// A watched is state that a test waits on while the program changes it:
// every change wakes the waiters, so that waiting needs no polling.
type watched struct {
	mu      sync.Mutex
	changed chan struct{} // closed on the next change
}

// change runs f under the lock and wakes the waiters.
func (w *watched) change(f func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	f()
	if w.changed != nil {
		close(w.changed)
		w.changed = nil
	}
}

// waitFor returns once ok, run under the lock, accepts the state, and
// fails the test if that takes more than 30 seconds, with what ok last
// said about the state.
func (w *watched) waitFor(t *testing.T, what string, ok func() (bool, string)) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		w.mu.Lock()
		done, state := ok()
		if done {
			w.mu.Unlock()
			return
		}
		if w.changed == nil {
			w.changed = make(chan struct{})
		}
		ch := w.changed
		w.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("timed out waiting for %s; got:\n%s", what, state)
		}
	}
}

// syncBuffer is an output stream the program writes while the test reads.
type syncBuffer struct {
	watched
	b bytes.Buffer
}

func (w *syncBuffer) Write(p []byte) (n int, err error) {
	w.change(func() { n, err = w.b.Write(p) })
	return n, err
}

func (w *syncBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// waitFor returns the text once ok accepts it.
func (w *syncBuffer) waitFor(t *testing.T, what string, ok func(string) bool) string {
	t.Helper()
	var s string
	w.watched.waitFor(t, what, func() (bool, string) { s = w.b.String(); return ok(s), s })
	return s
}

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// testEnv is envOf(m) with charts written to a temporary folder of the
// test unless m says where.
func testEnv(t *testing.T, m map[string]string) func(string) string {
	out := t.TempDir()
	return func(k string) string {
		if v, ok := m[k]; ok || k != "ELECTIONBOT_OUT" {
			return v
		}
		return out
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	code, body := tryGet(url)
	if code == 0 {
		t.Fatalf("GET %s: %s", url, body)
	}
	return code, body
}

// tryGet returns 0 and the error when the request fails.
func tryGet(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// writeArticle writes the seed article under another file name and title:
// a second election to load.
func writeArticle(t *testing.T, dir, name, title string) {
	t.Helper()
	seed, err := data.FS.ReadFile("belgrade-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := bytes.Cut(seed, []byte("\n"))
	text := "= " + title + " =\n" + strings.ReplaceAll(string(rest), "2014 Belgrade City Assembly election", title)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
