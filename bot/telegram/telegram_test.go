package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/adapter"
	"github.com/electionbot/electionbot/internal/apispec"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

func TestStartRegistersCommandsAndPolls(t *testing.T) {
	h := start(t, setup{})
	h.stop()
	calls := h.api.sent("setMyCommands")
	// The default menu in English, and Serbian for Serbian, Croatian and
	// Bosnian apps.
	wantMenus := []struct {
		code string
		l    lang.Lang
	}{{"", lang.En}, {"sr", lang.Sr}, {"hr", lang.Sr}, {"bs", lang.Sr}}
	if len(calls) != len(wantMenus) {
		t.Fatalf("setMyCommands called %d times; want %d", len(calls), len(wantMenus))
	}
	for i, m := range wantMenus {
		if got := calls[i].Params["language_code"]; got != m.code {
			t.Errorf("setMyCommands #%d language_code = %q; want %q", i, got, m.code)
		}
		var got []models.BotCommand
		if err := json.Unmarshal([]byte(calls[i].Params["commands"]), &got); err != nil {
			t.Fatal(err)
		}
		var want, wantDesc []string
		for _, c := range h.bot.eng.CommandsIn(m.l) {
			if !c.Hidden {
				want, wantDesc = append(want, c.Name), append(wantDesc, c.Description)
			}
		}
		var names, descs []string
		for _, c := range got {
			names, descs = append(names, c.Command), append(descs, c.Description)
			if c.Description == "" {
				t.Errorf("command %q has no description", c.Command)
			}
		}
		if !slices.Equal(names, want) || !slices.Equal(descs, wantDesc) {
			t.Errorf("menu %q = %v %q; want %v %q", m.code, names, descs, want, wantDesc)
		}
		if slices.Contains(names, "start") {
			t.Errorf("menu = %v; the hidden /start should not be in it", names)
		}
	}
	if seats := calls[1].Params["commands"]; !strings.Contains(seats, "Mandati po listama") {
		t.Errorf("Serbian menu = %s; want the Serbian description of /seats", seats)
	}
	if n := len(h.api.sent("deleteWebhook")); n != 1 {
		t.Errorf("deleteWebhook called %d times; want 1 when polling", n)
	}
	if n := len(h.api.sent("setWebhook")); n != 0 {
		t.Errorf("setWebhook called %d times; want 0 when polling", n)
	}
	if got := h.bot.Username(); got != h.api.name {
		t.Errorf("Username() = %q; want %q", got, h.api.name)
	}
}

func TestPrivateChat(t *testing.T) {
	h := start(t, setup{})
	chat := privateChat(alice)
	h.api.push(message(chat, alice, 1, "/seats", nil))
	sent := h.api.awaitSent("sendMessage", 1)
	c := sent[0]
	if c.Params["chat_id"] != "1001" {
		t.Errorf("chat_id = %q; want 1001", c.Params["chat_id"])
	}
	if got := replyTo(t, c); got != 0 {
		t.Errorf("reply_parameters.message_id = %d; want none in a private chat", got)
	}
	if !strings.HasPrefix(c.Params["text"], "<b>Seats — ") {
		t.Errorf("text = %q; want it to open with the bold title", c.Params["text"])
	}
	if !strings.Contains(c.Params["text"], "<i>Source: ") {
		t.Errorf("text = %q; want the source in italics", c.Params["text"])
	}
	if c.Params["link_preview_options"] != `{"is_disabled":true}` {
		t.Errorf("link_preview_options = %q; want previews off", c.Params["link_preview_options"])
	}
	want := h.bot.eng.Handle(context.Background(), bot.Request{Text: "/seats"})
	for _, f := range want.Fields {
		if !strings.Contains(visible(t, c.Params["text"]), f.Name+": "+f.Value) {
			t.Errorf("answer %q lacks the line %q", visible(t, c.Params["text"]), f.Name+": "+f.Value)
		}
	}
	// Any text is a question in a private chat.
	h.api.push(message(chat, alice, 2, "how many seats did the SNS win?", nil))
	h.api.awaitSent("sendMessage", 2)
}

// TestGroupAddressing sends a group every kind of message and checks
// which ones the bot answers: commands, commands for it, mentions and
// replies, but not chatter or other bots' commands.
func TestGroupAddressing(t *testing.T) {
	h := start(t, setup{})
	me := h.botUser()
	other := map[string]any{"id": 777, "is_bot": true, "first_name": "Other", "username": "OtherBot"}
	tests := []struct {
		name   string
		text   string
		extra  map[string]any
		answer bool
	}{
		{"bare known command", "/seats", nil, true},
		{"command for us", "/about@ElectionTestBot", nil, true},
		{"command for us in another case", "/about@electiontestbot", nil, true},
		{"command with arguments for us", "/list@ElectionTestBot 8", nil, true},
		{"command for another bot", "/seats@OtherBot", nil, false},
		{"unknown bare command", "/weather", nil, false},
		{"unknown command for us", "/weather@ElectionTestBot", nil, true},
		{"chatter", "who will win the next one?", nil, false},
		{"mention", "@ElectionTestBot how many seats did SNS win?", map[string]any{
			"entities": []any{map[string]any{"type": "mention", "offset": 0, "length": 16}}}, true},
		{"mention after emoji", "😀 @ElectionTestBot seats?", map[string]any{
			"entities": []any{map[string]any{"type": "mention", "offset": 3, "length": 16}}}, true},
		{"mention without entities", "hey @electiontestbot, turnout?", nil, true},
		{"longer name is not a mention", "@ElectionTestBotFan said so", nil, false},
		{"text mention", "Election Bot, turnout?", map[string]any{
			"entities": []any{map[string]any{"type": "text_mention", "offset": 0, "length": 12, "user": me}}}, true},
		{"reply to the bot", "and the DS?", map[string]any{
			"reply_to_message": map[string]any{"message_id": 5, "date": 1700000000, "chat": group, "from": me, "text": "Seats"}}, true},
		{"reply to someone else", "and the DS?", map[string]any{
			"reply_to_message": map[string]any{"message_id": 6, "date": 1700000000, "chat": group, "from": bob, "text": "hm"}}, false},
		{"reply to another bot", "thanks", map[string]any{
			"reply_to_message": map[string]any{"message_id": 7, "date": 1700000000, "chat": group, "from": other, "text": "hm"}}, false},
		{"error in a group", "/list@ElectionTestBot 99", nil, true},
		{"hostile question", `@ElectionTestBot <a href="x">hi</a> & <script>`, nil, true},
	}
	var last int64
	for i, tt := range tests {
		last = h.api.push(message(group, alice, 100+i, tt.text, tt.extra))
	}
	h.api.awaitConfirmed(last)
	h.stop()
	answered := map[int]int{}
	for _, c := range h.api.sent("sendMessage") {
		if c.Params["chat_id"] != strconv.Itoa(-1001234) {
			t.Errorf("chat_id = %q; want the group", c.Params["chat_id"])
		}
		answered[replyTo(t, c)]++
	}
	for i, tt := range tests {
		n := answered[100+i]
		switch {
		case tt.answer && n == 0:
			t.Errorf("%s: %q was not answered (with a reply to it)", tt.name, tt.text)
		case !tt.answer && n > 0:
			t.Errorf("%s: %q was answered; want silence", tt.name, tt.text)
		}
	}
	if answered[0] > 0 {
		t.Errorf("%d answers in the group reply to no message; want each to reply to its question", answered[0])
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	h := start(t, setup{})
	h.api.push(message(privateChat(alice), alice, 1, "/party <b>&</a>", nil))
	c := h.api.awaitSent("sendMessage", 1)[0]
	if !strings.Contains(c.Params["text"], "&lt;b&gt;&amp;&lt;/a&gt;") {
		t.Errorf("text = %q; want the name escaped", c.Params["text"])
	}
	if !strings.Contains(visible(t, c.Params["text"]), "<b>&</a>") {
		t.Errorf("the user sees %q; want the name as typed", visible(t, c.Params["text"]))
	}
}

func TestInlineQuery(t *testing.T) {
	h := start(t, setup{})
	tests := []struct {
		query     string
		wantFirst string // in the first result's message
		atLeast   int
	}{
		{"seats", "Seats — ", 1},
		{"", "Seats — ", 2},
		{"/about", "Turnout", 1},
		{"xyzzy plugh", "", 1},
	}
	for i, tt := range tests {
		h.api.push(map[string]any{"inline_query": map[string]any{"id": fmt.Sprintf("iq%d", i), "from": alice, "query": tt.query, "offset": "", "chat_type": "supergroup"}})
		c := h.api.awaitSent("answerInlineQuery", i+1)[i]
		if c.Params["inline_query_id"] != fmt.Sprintf("iq%d", i) {
			t.Errorf("%q: inline_query_id = %q", tt.query, c.Params["inline_query_id"])
		}
		if c.Params["cache_time"] == "" {
			t.Errorf("%q: no cache_time", tt.query)
		}
		var results []struct {
			Type    string `json:"type"`
			ID      string `json:"id"`
			Title   string `json:"title"`
			Content struct {
				Text      string `json:"message_text"`
				ParseMode string `json:"parse_mode"`
			} `json:"input_message_content"`
		}
		if err := json.Unmarshal([]byte(c.Params["results"]), &results); err != nil {
			t.Fatal(err)
		}
		if len(results) < tt.atLeast {
			t.Fatalf("%q: %d results; want at least %d", tt.query, len(results), tt.atLeast)
		}
		ids := map[string]bool{}
		for _, r := range results {
			if r.Type != "article" || r.Content.ParseMode != "HTML" || ids[r.ID] || len(r.ID) > 64 {
				t.Errorf("%q: result %+v; want unique short ids, articles in HTML", tt.query, r)
			}
			ids[r.ID] = true
		}
		if got := visible(t, results[0].Content.Text); !strings.Contains(got, tt.wantFirst) {
			t.Errorf("%q: first result %q; want it to hold %q", tt.query, got, tt.wantFirst)
		}
	}
}

func TestCallbackPagination(t *testing.T) {
	h := start(t, setup{})
	chat := privateChat(alice)
	h.api.push(message(chat, alice, 1, "/list", nil))
	first := h.api.awaitSent("sendMessage", 1)[0]
	bs := buttons(t, first)
	if len(bs) != 1 || !strings.HasPrefix(bs[0].Text, "Next") {
		t.Fatalf("buttons = %+v; want one Next button", bs)
	}
	msg := map[string]any{"message_id": h.api.messageID(first), "date": 1700000000, "chat": chat, "from": h.botUser(), "text": visible(t, first.Params["text"])}
	press := func(id, data string) {
		h.api.push(map[string]any{"callback_query": map[string]any{"id": id, "from": alice, "message": msg, "chat_instance": "ci", "data": data}})
	}

	press("cb1", bs[0].CallbackData)
	edit := h.api.awaitSent("editMessageText", 1)[0]
	answers := h.api.awaitSent("answerCallbackQuery", 1)
	if edit.Params["message_id"] != strconv.Itoa(h.api.messageID(first)) || edit.Params["chat_id"] != "1001" {
		t.Errorf("edited message %s in chat %s; want the one with the button", edit.Params["message_id"], edit.Params["chat_id"])
	}
	if !strings.Contains(visible(t, edit.Params["text"]), "Page 2 of 3") {
		t.Errorf("edited text %q; want page 2", visible(t, edit.Params["text"]))
	}
	page2 := buttons(t, edit)
	if len(page2) != 2 || !strings.HasPrefix(page2[0].Text, "‹ Previous") || !strings.HasPrefix(page2[1].Text, "Next") {
		t.Fatalf("page 2 buttons = %+v; want Previous and Next", page2)
	}
	if answers[0].Params["callback_query_id"] != "cb1" || answers[0].Params["text"] != "" {
		t.Errorf("answerCallbackQuery %v; want cb1 without a notice", answers[0].Params)
	}

	press("cb2", page2[0].CallbackData)
	edit = h.api.awaitSent("editMessageText", 2)[1]
	h.api.awaitSent("answerCallbackQuery", 2)
	if !strings.Contains(visible(t, edit.Params["text"]), "Page 1 of 3") {
		t.Errorf("edited text %q; want page 1 again", visible(t, edit.Params["text"]))
	}

	press("cb3", "garbage")
	answers = h.api.awaitSent("answerCallbackQuery", 3)
	if answers[2].Params["callback_query_id"] != "cb3" || !strings.Contains(answers[2].Params["text"], "expired") {
		t.Errorf("answerCallbackQuery %v; want cb3 told the button expired", answers[2].Params)
	}
	h.stop()
	if n := len(h.api.sent("editMessageText")); n != 2 {
		t.Errorf("%d edits; want 2 (none for the expired button)", n)
	}
}

// TestCallbackOnOldMessage presses a button on a message Telegram no
// longer lets the bot edit: the page comes as a new message instead.
func TestCallbackOnOldMessage(t *testing.T) {
	h := start(t, setup{})
	chat := privateChat(alice)
	h.api.fail("editMessageText", fault{status: http.StatusBadRequest})
	old := map[string]any{"message_id": 77, "date": 0, "chat": chat}
	h.api.push(map[string]any{"callback_query": map[string]any{"id": "cb1", "from": alice, "message": old, "chat_instance": "ci", "data": "list:2:belgrade-2014"}})
	answer := h.api.awaitSent("answerCallbackQuery", 1)[0]
	h.stop()
	if n := h.api.attemptsOf("editMessageText"); n != 1 {
		t.Errorf("editMessageText tried %d times; want 1", n)
	}
	sent := h.api.sent("sendMessage")
	if len(sent) != 1 || !strings.Contains(visible(t, sent[0].Params["text"]), "Page 2 of 3") || len(buttons(t, sent[0])) != 2 {
		t.Fatalf("sent %d messages; want page 2 with its buttons as a new message", len(sent))
	}
	if answer.Params["text"] != "" {
		t.Errorf("answerCallbackQuery text %q; want none", answer.Params["text"])
	}
}

func TestPhoto(t *testing.T) {
	pic := fakechart.TinyPNG()
	h := start(t, setup{engine: newEngine(t, bot.WithCharts(&fakechart.Charter{PNG: pic}))})
	h.api.push(message(group, alice, 7, "/seats", nil))
	c := h.api.awaitSent("sendPhoto", 1)[0]
	h.stop()
	f, ok := c.Files["photo"]
	if !ok || !bytes.Equal(f.Data, pic) || f.Filename != "seats.png" {
		t.Errorf("photo = %q (%d bytes); want seats.png uploaded", f.Filename, len(f.Data))
	}
	if c.Params["parse_mode"] != "HTML" || !strings.HasPrefix(c.Params["caption"], "<b>Seats — ") {
		t.Errorf("caption = %q in %q; want the answer in HTML", c.Params["caption"], c.Params["parse_mode"])
	}
	if replyTo(t, c) != 7 {
		t.Errorf("the photo replies to %d; want 7", replyTo(t, c))
	}
	if n := len(h.api.sent("sendMessage")); n != 0 {
		t.Errorf("%d more messages; want the whole answer in the caption", n)
	}
}

// TestPhotoSentAgainByFileID checks that a chart already sent goes to
// the next chat as the file_id Telegram gave it, that a file_id Telegram
// refuses is replaced by the bytes, and that a reload's charts are sent
// anew.
func TestPhotoSentAgainByFileID(t *testing.T) {
	pic := fakechart.TinyPNG()
	eng := newEngine(t, bot.WithCharts(&fakechart.Charter{PNG: pic}))
	h := start(t, setup{engine: eng})
	h.api.push(message(privateChat(userN(1)), userN(1), 1, "/seats", nil))
	first := h.api.awaitSent("sendPhoto", 1)[0]
	waitUntil(t, "the file_id remembered", func() bool {
		h.bot.photos.mu.Lock()
		defer h.bot.photos.mu.Unlock()
		return h.bot.photos.lru.Len() > 0
	})
	h.api.push(message(privateChat(userN(2)), userN(2), 2, "/seats", nil))
	second := h.api.awaitSent("sendPhoto", 2)[1]
	if first.Files["photo"].Data == nil {
		t.Fatalf("the first /seats sent no picture")
	}
	if second.Files["photo"].Data != nil || second.Params["photo"] != "photo-1" {
		t.Errorf("the second /seats sent photo %q with %d bytes; want the first's file_id photo-1 and no upload",
			second.Params["photo"], len(second.Files["photo"].Data))
	}

	h.api.mu.Lock()
	clear(h.api.photos) // Telegram no longer has the file
	h.api.mu.Unlock()
	h.api.push(message(privateChat(userN(3)), userN(3), 3, "/seats", nil))
	sent := h.api.awaitSent("sendPhoto", 4)
	if sent[2].Params["photo"] != "photo-1" || sent[3].Files["photo"].Data == nil {
		t.Errorf("after a refused file_id: sent %q then %d bytes; want the file_id, then the picture uploaded",
			sent[2].Params["photo"], len(sent[3].Files["photo"].Data))
	}

	eng.Swap(eng.Library()) // a reload: charts may have changed
	h.api.push(message(privateChat(userN(4)), userN(4), 4, "/seats", nil))
	if after := h.api.awaitSent("sendPhoto", 5)[4]; after.Files["photo"].Data == nil {
		t.Errorf("after a reload the chart went as file_id %q; want it uploaded", after.Params["photo"])
	}
	h.stop()
}

func TestWebhook(t *testing.T) {
	const secret = "s3cret-Token_for-tests"
	h := start(t, setup{options: func(o *Options) {
		o.WebhookURL = "https://bot.example.org/hooks/telegram"
		o.WebhookSecret = secret
	}})
	set := h.api.sent("setWebhook")
	if len(set) != 1 || set[0].Params["url"] != "https://bot.example.org/hooks/telegram" || set[0].Params["secret_token"] != secret {
		t.Fatalf("setWebhook calls %v; want one with the URL and secret", set)
	}
	if got := h.bot.WebhookPath(); got != "/hooks/telegram" {
		t.Errorf("WebhookPath() = %q; want /hooks/telegram", got)
	}
	srv := httptest.NewServer(h.bot.Handler())
	defer srv.Close()
	post := func(secret string, upd map[string]any) int {
		t.Helper()
		upd["update_id"] = 1
		body, _ := json.Marshal(upd)
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post("", message(privateChat(bob), bob, 1, "/seats", nil)); got != http.StatusUnauthorized {
		t.Errorf("no secret: status %d; want 401", got)
	}
	if got := post("wrong", message(privateChat(bob), bob, 2, "/seats", nil)); got != http.StatusUnauthorized {
		t.Errorf("wrong secret: status %d; want 401", got)
	}
	if got := post(secret+"x", message(privateChat(bob), bob, 3, "/seats", nil)); got != http.StatusUnauthorized {
		t.Errorf("longer secret: status %d; want 401", got)
	}
	if got := post(secret, message(privateChat(alice), alice, 4, "/about", nil)); got != http.StatusOK {
		t.Errorf("right secret: status %d; want 200", got)
	}
	if n := strings.Count(h.logs.String(), "request failed authentication"); n != 1 {
		t.Errorf("%d log lines for 3 failed requests from one source within a minute; want 1:\n%s", n, h.logs.String())
	}
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d; want 405", resp.StatusCode)
	}
	h.api.awaitSent("sendMessage", 1)
	h.stop()
	sent := h.api.sent("sendMessage")
	if len(sent) != 1 || sent[0].Params["chat_id"] != "1001" {
		t.Errorf("sent %d messages; want only the answer to the request with the right secret", len(sent))
	}
	if n := h.api.attemptsOf("getUpdates"); n != 0 {
		t.Errorf("getUpdates called %d times in webhook mode", n)
	}
	if got := post(secret, message(privateChat(alice), alice, 5, "/about", nil)); got != http.StatusServiceUnavailable {
		t.Errorf("after shutdown: status %d; want 503 so that Telegram retries", got)
	}
}

func TestWebhookSecretDerivedFromToken(t *testing.T) {
	eng := sharedEngine(t)
	a, err := New(eng, Options{Token: testToken, WebhookURL: "https://a.example.org/tg"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(eng, Options{Token: testToken, WebhookURL: "https://b.example.org/tg"})
	if err != nil {
		t.Fatal(err)
	}
	if a.secret == "" || a.secret != b.secret || strings.Contains(a.secret, testToken) {
		t.Errorf("secrets %q and %q; want one shared secret that does not show the token", a.secret, b.secret)
	}
}

// TestRetries fails the first attempts to send a reply in every way the
// network and the Bot API fail, and checks that the reply arrives exactly
// once, or is given up and counted with its reason.
func TestRetries(t *testing.T) {
	fiveHundreds := func(n int) []fault {
		var fs []fault
		for range n {
			fs = append(fs, fault{status: 500})
		}
		return fs
	}
	tests := []struct {
		name     string
		faults   []fault
		attempts int
		sent     int
		wait     time.Duration // a wait the bot must have asked for
		reason   string        // why the reply was given up; "" when sent
	}{
		{"429 with retry_after", []fault{{status: 429, retryAfter: 7}}, 2, 1, 7 * time.Second, ""},
		{"two 429s", []fault{{status: 429, retryAfter: 1}, {status: 429, retryAfter: 2}}, 3, 1, 2 * time.Second, ""},
		{"500s then success", []fault{{status: 500}, {status: 502}}, 3, 1, 0, ""},
		{"500s within the back-off", fiveHundreds(3), 4, 1, 0, ""},
		{"dropped connection", []fault{{drop: true}}, 2, 1, 0, ""},
		{"answer lost after success", []fault{{truncate: true}}, 1, 1, 0, ""},
		{"500s past the back-off", fiveHundreds(5), 4, 0, 0, reasonServerError},
		{"network down past the back-off", []fault{{drop: true}, {drop: true}, {drop: true}, {drop: true}}, 4, 0, 0, reasonNetwork},
		{"too long a wait", []fault{{status: 429, retryAfter: 3600}}, 1, 0, 0, reasonRateLimited},
		{"blocked by the user", []fault{{status: 403}}, 1, 0, 0, reasonForbidden},
		{"refused", []fault{{status: 400}}, 1, 0, 0, reasonRejected},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var reasons []string
			h := start(t, setup{options: func(o *Options) {
				o.OnUndelivered = func(r string) {
					mu.Lock()
					reasons = append(reasons, r)
					mu.Unlock()
				}
			}})
			h.api.fail("sendMessage", tt.faults...)
			id := h.api.push(message(privateChat(alice), alice, 1, "/about", nil))
			h.api.awaitConfirmed(id)
			h.stop()
			if got := h.api.attemptsOf("sendMessage"); got != tt.attempts {
				t.Errorf("sendMessage tried %d times; want %d", got, tt.attempts)
			}
			if got := len(h.api.sent("sendMessage")); got != tt.sent {
				t.Errorf("sendMessage accepted %d times; want %d", got, tt.sent)
			}
			if tt.wait > 0 && !slices.Contains(h.recordedWaits(), tt.wait) {
				t.Errorf("waits %v; want %v as retry_after said", h.recordedWaits(), tt.wait)
			}
			mu.Lock()
			defer mu.Unlock()
			var want []string
			if tt.reason != "" {
				want = []string{tt.reason}
			}
			if !slices.Equal(reasons, want) {
				t.Errorf("OnUndelivered reasons %q; want %q", reasons, want)
			}
		})
	}
}

func TestPanicIsAnsweredAndServingGoesOn(t *testing.T) {
	h := start(t, setup{bot: func(b *Bot) {
		b.hook = func(u *models.Update) {
			if u.Message != nil && u.Message.Text == "boom" {
				panic("test panic")
			}
		}
	}})
	h.api.push(message(privateChat(alice), alice, 1, "boom", nil))
	h.api.push(message(privateChat(bob), bob, 2, "/about", nil))
	sent := h.api.awaitSent("sendMessage", 2)
	h.stop()
	byChat := map[string]string{}
	for _, c := range sent {
		byChat[c.Params["chat_id"]] = visible(t, c.Params["text"])
	}
	if byChat["1001"] != bot.Apology().Text {
		t.Errorf("after the panic alice got %q; want the apology", byChat["1001"])
	}
	if !strings.Contains(byChat["1002"], "Turnout") {
		t.Errorf("bob got %q; want /about answered", byChat["1002"])
	}
	if !strings.Contains(h.logs.String(), "panicked") {
		t.Errorf("the panic was not logged")
	}
}

func TestPanickingCharter(t *testing.T) {
	h := start(t, setup{engine: newEngine(t, bot.WithCharts(&fakechart.Charter{Panic: true}))})
	h.api.push(message(privateChat(alice), alice, 1, "/seats", nil))
	h.api.push(message(privateChat(alice), alice, 2, "/about", nil))
	sent := h.api.awaitSent("sendMessage", 2)
	var texts []string
	for _, c := range sent {
		texts = append(texts, visible(t, c.Params["text"]))
	}
	if !slices.Contains(texts, bot.Apology().Text) || !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "Turnout") }) {
		t.Errorf("sent %q; want an apology and the /about answer", texts)
	}
}

func TestRateLimits(t *testing.T) {
	fixed := time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)
	t.Run("per user", func(t *testing.T) {
		var limited atomic.Int64
		h := start(t, setup{options: func(o *Options) {
			o.Rate = adapter.Rate{PerMinute: 1, Burst: 2}
			o.now = func() time.Time { return fixed }
			o.OnRateLimited = func() { limited.Add(1) }
		}})
		var last int64
		for i := range 6 {
			last = h.api.push(message(privateChat(alice), alice, i+1, "/about", nil))
		}
		h.api.awaitConfirmed(last)
		h.stop()
		answers, notices := countNotices(t, h.api.sent("sendMessage"))
		if answers != 2 || notices != 1 {
			t.Errorf("%d answers and %d notices; want 2 answers, then one notice, then silence", answers, notices)
		}
		if n := limited.Load(); n != 4 {
			t.Errorf("OnRateLimited called %d times; want 4, once per message turned away", n)
		}
	})
	t.Run("per group", func(t *testing.T) {
		// Six people asking once each: every one is within the user
		// limit; the group's (GroupTimes the user's) runs out first.
		h := start(t, setup{options: func(o *Options) {
			o.Rate = adapter.Rate{PerMinute: 1, Burst: 1}
			o.now = func() time.Time { return fixed }
		}})
		var last int64
		for i := range 6 {
			last = h.api.push(message(group, userN(i), 10+i, "/about", nil))
		}
		h.api.awaitConfirmed(last)
		h.stop()
		sent := h.api.sent("sendMessage")
		answers, notices := countNotices(t, sent)
		if answers != GroupTimes || notices != 1 {
			t.Errorf("%d answers and %d notices; want %d answers, then one notice, then silence", answers, notices, GroupTimes)
		}
		for _, c := range sent {
			if strings.Contains(c.Params["text"], "faster than") && replyTo(t, c) != 10+GroupTimes {
				t.Errorf("the notice replies to %d; want message %d, the first over the limit", replyTo(t, c), 10+GroupTimes)
			}
		}
	})
}

func countNotices(t *testing.T, calls []*apispec.TelegramCall) (answers, notices int) {
	for _, c := range calls {
		if visible(t, c.Params["text"]) == bot.RateLimited(lang.En).Text {
			notices++
		} else {
			answers++
		}
	}
	return answers, notices
}

// TestLongAnswerIsSplit loads enough elections that /elections runs far
// past one message.
func TestLongAnswerIsSplit(t *testing.T) {
	es, err := loadElections()
	if err != nil {
		t.Fatal(err)
	}
	var many []*knowledge.Election
	for i := range 150 {
		e := *es[0]
		e.ID = fmt.Sprintf("test-%03d", i)
		e.Title = fmt.Sprintf("Election of the Assembly of Test Town No. %03d & <Friends>", i)
		e.Article = nil // /elections needs no text; preparing 150 copies for search only slows the test
		many = append(many, &e)
	}
	h := start(t, setup{engine: bot.New(&bot.Library{Elections: many}, wire.Answers(nil))})
	id := h.api.push(message(privateChat(alice), alice, 1, "/elections", nil))
	h.api.awaitConfirmed(id)
	h.stop()
	sent := h.api.sent("sendMessage")
	if len(sent) < 3 {
		t.Fatalf("%d messages; want the answer split in several", len(sent))
	}
	var all strings.Builder
	for _, c := range sent {
		text := visible(t, c.Params["text"])
		if n := apispec.TelegramTextLen(text); n > maxMessage {
			t.Errorf("a message of %d characters", n)
		}
		all.WriteString(text + "\n")
	}
	for _, e := range many {
		if n := strings.Count(all.String(), e.Title+": "); n != 1 {
			t.Errorf("%q appears whole %d times; want once (lines are never cut)", e.Title, n)
		}
	}
}

func TestShutdownFinishesReplies(t *testing.T) {
	h := start(t, setup{})
	release := h.api.hold("sendMessage")
	h.api.push(message(privateChat(alice), alice, 1, "/about", nil))
	h.api.await("a reply in flight", func() bool { return h.api.blocked["sendMessage"] > 0 })
	h.cancel()
	var released atomic.Bool
	returned := make(chan bool)
	go func() {
		h.stop()
		returned <- released.Load()
	}()
	released.Store(true)
	release()
	if !<-returned {
		t.Errorf("Run returned before the reply in flight was sent")
	}
	if n := len(h.api.sent("sendMessage")); n != 1 {
		t.Errorf("%d replies; want the one in flight delivered", n)
	}
}

func TestLogsKeepMessagesPrivate(t *testing.T) {
	const secretish = "my neighbour Zoran votes for the radicals"
	h := start(t, setup{})
	h.api.push(message(privateChat(alice), alice, 1, secretish, nil))
	h.api.awaitSent("sendMessage", 1)
	h.stop()
	if strings.Contains(h.info.String(), "Zoran") {
		t.Errorf("info logs quote the message:\n%s", h.info.String())
	}
	if !strings.Contains(h.info.String(), "telegram bot started") {
		t.Errorf("info logs lack the start:\n%s", h.info.String())
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	eng := sharedEngine(t)
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"no token", Options{}, "token"},
		{"token with a slash", Options{Token: "1:a/b"}, "token"},
		{"api url", Options{Token: testToken, APIURL: "ftp://x"}, "API URL"},
		{"webhook url", Options{Token: testToken, WebhookURL: "example.org/hook"}, "webhook URL"},
		{"webhook secret", Options{Token: testToken, WebhookURL: "https://example.org/hook", WebhookSecret: "has space"}, "secret"},
	}
	for _, tt := range tests {
		if _, err := New(eng, tt.opts); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: New = %v; want an error about %s", tt.name, err, tt.want)
		}
	}
	if _, err := New(nil, Options{Token: testToken}); err == nil {
		t.Errorf("New(nil engine) = nil error")
	}
}

func TestRunFailsOnRejectedToken(t *testing.T) {
	api := newFakeAPI(t)
	b, err := New(sharedEngine(t), Options{Token: "999:wrong", APIURL: api.srv.URL, Backoff: adapter.Backoff{First: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = b.Run(ctx)
	if !errors.Is(err, ErrTokenRejected) || strings.Contains(err.Error(), "999:wrong") {
		t.Errorf("Run = %v; want ErrTokenRejected, without the token", err)
	}
	if b.Ready() {
		t.Errorf("Ready() = true after a failed start")
	}
}

// TestStartKeepsTrying: while the Bot API fails or cannot be reached, Run
// keeps trying with capped back-off and is not ready; it starts when the
// API is back, and a shutdown meanwhile is quiet.
func TestStartKeepsTrying(t *testing.T) {
	t.Run("server errors, then back", func(t *testing.T) {
		api := newFakeAPI(t)
		api.fail("getMe", fault{status: 500}, fault{status: 502}, fault{drop: true})
		waits := make(chan time.Duration)
		b, err := New(sharedEngine(t), Options{Token: api.token, APIURL: api.srv.URL, PollTimeout: 2 * time.Second,
			Backoff: adapter.Backoff{For: -1}, // no retries inside one request: the start loop's are seen
			wait: func(ctx context.Context, d time.Duration) error {
				select {
				case waits <- d:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			}})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- b.Run(ctx) }()
		for i := range 3 {
			var d time.Duration
			select {
			case d = <-waits:
			case <-time.After(10 * time.Second):
				t.Fatalf("no wait before attempt %d", i+2)
			}
			if d > adapter.DefaultBackoff.Max {
				t.Errorf("wait %v; want at most %v", d, adapter.DefaultBackoff.Max)
			}
			if b.Ready() {
				t.Errorf("Ready() = true while getMe fails")
			}
		}
		api.await("polling", func() bool { return api.attempts["getUpdates"] > 0 })
		if !b.Ready() {
			t.Errorf("Ready() = false once started")
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v; want nil", err)
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		closed := httptest.NewServer(http.NotFoundHandler())
		url := closed.URL
		closed.Close()
		var logs syncBuffer
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var waited atomic.Int64
		b, err := New(sharedEngine(t), Options{Token: testToken, APIURL: url, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
			Backoff: adapter.Backoff{For: -1},
			wait: func(ctx context.Context, _ time.Duration) error {
				if waited.Add(1) == 3 {
					cancel()
				}
				return ctx.Err()
			}})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Run(ctx); err != nil {
			t.Errorf("Run shut down while the Bot API is unreachable = %v; want nil", err)
		}
		got := logs.String()
		if !strings.Contains(got, "connection refused") || strings.Contains(got, testToken) || !strings.Contains(got, "/bot[redacted]/getMe") || strings.Contains(got, "telegram: telegram:") {
			t.Errorf("logs while unreachable:\n%s\nwant the refused connection named, without the token", got)
		}
	})
}

func TestRunStopsQuietlyWhenCancelledWhileStarting(t *testing.T) {
	api := newFakeAPI(t)
	release := api.hold("getMe")
	defer release()
	b, err := New(sharedEngine(t), Options{Token: api.token, APIURL: api.srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	api.await("getMe in flight", func() bool { return api.blocked["getMe"] > 0 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v; want nil when shut down while starting", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
}
