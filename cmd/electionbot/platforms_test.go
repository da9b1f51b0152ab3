package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/apispec"
	"github.com/electionbot/electionbot/internal/hostile"
)

// These tests run the whole program with Telegram's webhook and Discord's
// interactions endpoint on its HTTP listener, send every hostile request
// of internal/hostile through them, and check what would reach the chat:
// requests Telegram and Discord would accept, within their limits, with
// the user's markup and mentions escaped rather than obeyed.

func TestTelegramWebhookHostile(t *testing.T) {
	api := newFakeTelegram(t)
	p := start(t, map[string]string{
		"TELEGRAM_TOKEN":          "123456:TEST-token",
		"TELEGRAM_API_URL":        api.srv.URL,
		"TELEGRAM_WEBHOOK_URL":    "https://bot.example.org/tg/hook",
		"TELEGRAM_WEBHOOK_SECRET": "webhook_secret",
		"HTTP_ADDR":               "127.0.0.1:0",
		"RATE_LIMIT_PER_MINUTE":   "0",
	})
	base := "http://" + p.addr(t)
	p.stderr.waitFor(t, "Telegram to start", func(s string) bool { return strings.Contains(s, "telegram bot started") })
	if code, body := get(t, base+"/readyz"); code != http.StatusOK {
		t.Fatalf("GET /readyz with Telegram started = %d %q; want 200", code, body)
	}
	if strings.Contains(p.stderr.String(), "TEST-token") {
		t.Errorf("the token shows in the log:\n%s", p.stderr.String())
	}

	expect := newTestApp(t, config{}, nil).eng
	var sent []hostile.Request
	for i, h := range hostile.Requests() {
		if h.Text == "" || h.Command != "" {
			continue // Telegram delivers no empty messages and no typed commands
		}
		chat := int64(1000 + i)
		update := map[string]any{"update_id": i + 1, "message": map[string]any{
			"message_id": 1, "date": 1700000000, "text": h.Text,
			"chat": map[string]any{"id": chat, "type": "private", "first_name": "U"},
			"from": map[string]any{"id": chat, "is_bot": false, "first_name": "U"},
		}}
		body, _ := json.Marshal(update)
		req, _ := http.NewRequest(http.MethodPost, base+"/tg/hook", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "webhook_secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST the webhook (%s) = %s; want 200", h.Name, resp.Status)
		}
		sent = append(sent, h)
	}
	api.waitFor(t, "a reply in every chat", func() (bool, string) {
		n := len(repliesByChat(api.calls))
		return n == len(sent), fmt.Sprintf("replies in %d of %d chats", n, len(sent))
	})
	_, metrics := get(t, base+"/metrics")
	for _, want := range []string{
		`electionbot_answers_total{outcome="user_error",platform="telegram"}`,
		`electionbot_answers_total{outcome="undelivered",platform="telegram"} 0`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s:\n%s", want, metrics)
		}
	}
	if code := p.stop(t); code != 0 {
		t.Errorf("run after SIGTERM = %d; want 0", code)
	}

	spec, err := apispec.LoadTelegram()
	if err != nil {
		t.Fatal(err)
	}
	calls := api.recorded()
	for _, c := range calls {
		if err := spec.Check(c); err != nil {
			t.Errorf("%s: Telegram would refuse it: %v", c.Method, err)
		}
	}
	replies := repliesByChat(calls)
	for i, h := range hostile.Requests() {
		if h.Text == "" || h.Command != "" {
			continue
		}
		want := expect.Handle(context.Background(), bot.Request{Platform: "telegram", Text: h.Text, BotName: "ElectionBot"})
		var plain strings.Builder
		for _, c := range replies[strconv.Itoa(1000+i)] {
			text, err := apispec.ParseTelegramHTML(c.Params["text"] + c.Params["caption"])
			if err != nil {
				t.Errorf("%s: reply is not Telegram HTML: %v", h.Name, err)
			}
			plain.WriteString(text)
		}
		checkRendered(t, "Telegram", h, want, plain.String())
	}
}

func TestDiscordInteractionsHostile(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	rest := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Only answers slower than Discord's 3 seconds are sent over REST.
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"1","channel_id":"55","content":"","type":0}`)
	}))
	defer rest.Close()
	p := start(t, map[string]string{
		"DISCORD_PUBLIC_KEY":    hex.EncodeToString(pub),
		"DISCORD_APP_ID":        "1234",
		"DISCORD_API_URL":       rest.URL,
		"HTTP_ADDR":             "127.0.0.1:0",
		"RATE_LIMIT_PER_MINUTE": "0",
	})
	base := "http://" + p.addr(t)
	if code, body := get(t, base+"/readyz"); code != http.StatusOK {
		t.Fatalf("GET /readyz with the interactions endpoint = %d %q; want 200", code, body)
	}
	spec, err := apispec.LoadDiscord()
	if err != nil {
		t.Fatal(err)
	}
	expect := newTestApp(t, config{}, nil).eng

	for i, h := range hostile.Requests() {
		name, opts := h.Command, h.Options
		if name == "" {
			name, opts = "ask", map[string]string{"question": h.Text}
		}
		var options []map[string]any
		for k, v := range opts {
			options = append(options, map[string]any{"name": k, "type": 3, "value": v})
		}
		id := strconv.Itoa(100 + i)
		interaction := map[string]any{
			"id": id, "application_id": "1234", "type": 2, "token": "tok-" + id, "version": 1,
			"guild_id": "66", "channel_id": "55",
			"member": map[string]any{"user": map[string]any{"id": "77", "username": "u", "discriminator": "0"}, "roles": []string{}},
			"data":   map[string]any{"id": "9", "name": name, "type": 1, "options": options},
		}
		body, _ := json.Marshal(interaction)
		req, _ := http.NewRequest(http.MethodPost, base+discordInteractionsPath, bytes.NewReader(body))
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: POST the interaction = %s %s; want 200", h.Name, resp.Status, raw)
			continue
		}
		if err := spec.CheckRequest(http.MethodPost, "/api/v10/interactions/"+id+"/tok-"+id+"/callback", resp.Header.Get("Content-Type"), raw); err != nil {
			t.Errorf("%s: Discord would refuse the response: %v", h.Name, err)
		}
		var r discordResponse
		if err := json.Unmarshal(payloadJSON(t, resp.Header.Get("Content-Type"), raw), &r); err != nil {
			t.Errorf("%s: response: %v", h.Name, err)
			continue
		}
		if r.Type == 5 {
			t.Logf("%s: the answer was deferred (slow machine); its edit is not checked here", h.Name)
			continue
		}
		if r.Type != 4 || r.Data == nil {
			t.Errorf("%s: response type %d; want 4, a message", h.Name, r.Type)
			continue
		}
		if r.Data.AllowedMentions == nil || len(r.Data.AllowedMentions.Parse) > 0 {
			t.Errorf("%s: allowed_mentions = %+v; want no pings at all", h.Name, r.Data.AllowedMentions)
		}
		want := expect.Handle(context.Background(), bot.Request{Platform: "discord", Command: name, Options: opts})
		checkRendered(t, "Discord", h, want, r.text(t, h.Name))
	}
}

// checkRendered fails the test for each problem of what a platform shows
// for the engine's reply want.
func checkRendered(t *testing.T, platform string, h hostile.Request, want bot.Response, got string) {
	t.Helper()
	for _, p := range renderedProblems(platform, want, got) {
		t.Errorf("%s %s: %s:\n%s", platform, h.Name, p, got)
	}
}

// renderedProblems checks what a platform shows for the engine's reply
// want: not empty, valid UTF-8, no live Discord mention, and every
// quotation of the user's text shown as the text itself (escaped, not
// obeyed as markup).
func renderedProblems(platform string, want bot.Response, got string) []string {
	if strings.TrimSpace(got) == "" {
		return []string{"empty reply"}
	}
	var out []string
	if !utf8.ValidString(got) {
		out = append(out, "reply is not valid UTF-8")
	}
	// Discord pings on these; on Telegram they are plain text.
	if m := liveMention.FindString(got); platform == "Discord" && m != "" {
		out = append(out, fmt.Sprintf("reply carries a live mention %q", m))
	}
	shown := unescapeMarkdown(got)
	for _, q := range quotation.FindAllString(want.Plain(), -1) {
		if !strings.Contains(shown, strings.TrimSuffix(q, "…”")) {
			out = append(out, fmt.Sprintf("the quotation %s of the engine's reply is not shown as typed", q))
		}
	}
	return out
}

func TestRenderedProblemsCatches(t *testing.T) {
	want := bot.Response{Text: "No party called “<b>x</b> @everyone”.", Outcome: bot.UserError}
	tests := []struct {
		platform, got string
		bad           bool
	}{
		{"Discord", `No party called “\<b\>x\</b\> \@everyone”.`, false},
		{"Telegram", "No party called “<b>x</b> @everyone”.", false}, // as parsed from &lt;b&gt;
		{"Discord", "No party called “<b>x</b> @everyone”.", true},   // a live ping
		{"Telegram", "No party called “x @everyone”.", true},         // <b> obeyed, not shown
		{"Telegram", " ", true},
		{"Telegram", "No \xff", true},
	}
	for _, tt := range tests {
		if got := renderedProblems(tt.platform, want, tt.got); (len(got) > 0) != tt.bad {
			t.Errorf("renderedProblems(%s, %q) = %q; want problems: %v", tt.platform, tt.got, got, tt.bad)
		}
	}
}

var (
	quotation   = regexp.MustCompile(`“[^“”]*”`)
	liveMention = regexp.MustCompile(`(^|[^\\])(@everyone|@here|<@[!&]?[0-9]+>|<#[0-9]+>)`)
	mdEscape    = regexp.MustCompile(`\\([\\*_~` + "`" + `|>#\[\]()<@:.\-+!])`)
)

// unescapeMarkdown undoes Discord's backslash escapes, to compare what a
// user reads with the engine's plain text.
func unescapeMarkdown(s string) string { return mdEscape.ReplaceAllString(s, "$1") }

// payloadJSON returns the JSON of an interaction response: the body, or
// its payload_json part when a picture makes it multipart.
func payloadJSON(t *testing.T, contentType string, body []byte) []byte {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" {
		return body
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			t.Errorf("multipart response without payload_json: %v", err)
			return nil
		}
		if part.FormName() == "payload_json" {
			b, _ := io.ReadAll(part)
			return b
		}
	}
}

// discordResponse is the part of an interaction response the test reads.
type discordResponse struct {
	Type int `json:"type"`
	Data *struct {
		Content         string `json:"content"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Embeds []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Fields      []struct {
				Name  string `json:"name"`
				Value string `json:"value"`
			} `json:"fields"`
			Footer *struct {
				Text string `json:"text"`
			} `json:"footer"`
		} `json:"embeds"`
	} `json:"data"`
}

// text is everything a user reads of a message, checked against
// Discord's limits on the way.
func (d *discordResponse) text(t *testing.T, name string) string {
	t.Helper()
	var b strings.Builder
	m := d.Data
	if n := utf8.RuneCountInString(m.Content); n > 2000 {
		t.Errorf("%s: content of %d characters; Discord allows 2000", name, n)
	}
	b.WriteString(m.Content + "\n")
	for _, e := range m.Embeds {
		total := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		b.WriteString(e.Title + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
			b.WriteString(f.Name + "\n" + f.Value + "\n")
		}
		if e.Footer != nil {
			total += utf8.RuneCountInString(e.Footer.Text)
			b.WriteString(e.Footer.Text + "\n")
		}
		if total > 6000 || len(e.Fields) > 25 {
			t.Errorf("%s: an embed of %d characters and %d fields; Discord allows 6000 and 25", name, total, len(e.Fields))
		}
	}
	return b.String()
}

// fakeTelegram is a Bot API server that accepts every call, answers what
// the bot needs to start, and records the calls.
type fakeTelegram struct {
	srv *httptest.Server
	watched
	calls   []*apispec.TelegramCall
	nextMsg int
}

func newFakeTelegram(t *testing.T) *fakeTelegram {
	f := &fakeTelegram{nextMsg: 1}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeTelegram) serve(w http.ResponseWriter, r *http.Request) {
	c, err := apispec.ReadTelegramCall(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var id int
	f.change(func() {
		f.calls = append(f.calls, c)
		f.nextMsg++
		id = f.nextMsg
	})
	var result any = true
	switch c.Method {
	case "getMe":
		result = map[string]any{"id": 42, "is_bot": true, "first_name": "Election", "username": "ElectionBot"}
	case "sendMessage", "sendPhoto", "editMessageText":
		chat, _ := strconv.ParseInt(c.Params["chat_id"], 10, 64)
		result = map[string]any{"message_id": id, "date": 1700000000, "chat": map[string]any{"id": chat, "type": "private"}}
	case "getUpdates":
		result = []any{}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

func (f *fakeTelegram) recorded() []*apispec.TelegramCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*apispec.TelegramCall(nil), f.calls...)
}

// repliesByChat groups the messages the bot sent by chat id.
func repliesByChat(calls []*apispec.TelegramCall) map[string][]*apispec.TelegramCall {
	out := map[string][]*apispec.TelegramCall{}
	for _, c := range calls {
		if c.Method == "sendMessage" || c.Method == "sendPhoto" {
			out[c.Params["chat_id"]] = append(out[c.Params["chat_id"]], c)
		}
	}
	return out
}
