package apispec

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func loadTelegram(t testing.TB) *TelegramSpec {
	t.Helper()
	s, err := LoadTelegram()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadTelegram(t *testing.T) {
	s := loadTelegram(t)
	for _, m := range []string{"getMe", "getUpdates", "sendMessage", "sendPhoto", "editMessageText",
		"answerCallbackQuery", "answerInlineQuery", "setMyCommands", "setWebhook", "deleteWebhook"} {
		if s.Method(m) == nil {
			t.Errorf("Method(%q) = nil; want the method", m)
		}
	}
	if s.Method("SENDMESSAGE") == nil {
		t.Errorf("Method(%q) = nil; method names are case-insensitive", "SENDMESSAGE")
	}
	if !strings.HasPrefix(s.Version, "Bot API") {
		t.Errorf("Version = %q; want Bot API …", s.Version)
	}
}

func TestTelegramCheck(t *testing.T) {
	s := loadTelegram(t)
	const button = `{"inline_keyboard":[[{"text":"Next ›","callback_data":"list:2:belgrade-2014"}]]}`
	tests := []struct {
		name   string
		method string
		params map[string]string
		files  map[string]TelegramFile
		want   string // a substring of the error; "" for none
	}{
		{"plain message", "sendMessage", map[string]string{"chat_id": "42", "text": "hi"}, nil, ""},
		{"chat username", "sendMessage", map[string]string{"chat_id": "@channel", "text": "hi"}, nil, ""},
		{"html message", "sendMessage", map[string]string{"chat_id": "42", "text": "<b>Seats</b> &amp; more", "parse_mode": "HTML",
			"link_preview_options": `{"is_disabled":true}`, "reply_markup": button, "reply_parameters": `{"message_id":7,"allow_sending_without_reply":true}`}, nil, ""},
		{"unknown method", "sendTelepathy", map[string]string{}, nil, "no such Bot API method"},
		{"method case", "SendMessage", map[string]string{"chat_id": "42", "text": "hi"}, nil, ""},
		{"missing text", "sendMessage", map[string]string{"chat_id": "42"}, nil, "text: required parameter missing"},
		{"unknown parameter", "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "colour": "red"}, nil, "colour: unknown parameter"},
		{"bad integer", "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "message_thread_id": "seven"}, nil, "not an Integer"},
		{"bad boolean", "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "disable_notification": "yes"}, nil, "not a Boolean"},
		{"empty text", "sendMessage", map[string]string{"chat_id": "42", "text": "  "}, nil, "want 1-4096"},
		{"long text", "sendMessage", map[string]string{"chat_id": "42", "text": strings.Repeat("a", 4097)}, nil, "is 4097 characters"},
		{"long text in utf-16", "sendMessage", map[string]string{"chat_id": "42", "text": strings.Repeat("😀", 2049)}, nil, "is 4098 characters"},
		{"long markup short text", "sendMessage", map[string]string{"chat_id": "42", "parse_mode": "HTML", "text": strings.Repeat("<b>&amp;</b>", 1000)}, nil, ""},
		{"bad html", "sendMessage", map[string]string{"chat_id": "42", "text": "a < b", "parse_mode": "HTML"}, nil, "invalid HTML"},
		{"markup ignored without parse mode", "sendMessage", map[string]string{"chat_id": "42", "text": "a < b"}, nil, ""},
		{"not json", "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "reply_markup": "{inline"}, nil, "must be JSON-serialized"},
		{"keyboard without type", "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "reply_markup": `{"inline_keyboard":[[{"text":"x"}]]}`}, nil, "exactly one of the fields other than"},
		{"empty copy_text", "sendMessage", map[string]string{"chat_id": "42", "text": "hi",
			"reply_markup": `{"inline_keyboard":[[{"text":"x","callback_data":"d","copy_text":{"text":""}}]]}`}, nil, "uses 2"},
		{"long callback data", "sendMessage", map[string]string{"chat_id": "42", "text": "hi",
			"reply_markup": `{"inline_keyboard":[[{"text":"x","callback_data":"` + strings.Repeat("d", 65) + `"}]]}`}, nil, "is 65 bytes, want 1-64"},
		{"empty callback data", "sendMessage", map[string]string{"chat_id": "42", "text": "hi",
			"reply_markup": `{"inline_keyboard":[[{"text":"x","callback_data":""}]]}`}, nil, "is 0 bytes"},
		{"keyboard not array of arrays", "sendMessage", map[string]string{"chat_id": "42", "text": "hi",
			"reply_markup": `{"inline_keyboard":[{"text":"x","callback_data":"d"}]}`}, nil, "want Array of InlineKeyboardButton"},
		{"unknown field in object", "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "link_preview_options": `{"disabled":true}`}, nil, "unknown field of LinkPreviewOptions"},
		{"photo upload", "sendPhoto", map[string]string{"chat_id": "42", "caption": "<i>chart</i>", "parse_mode": "HTML"},
			map[string]TelegramFile{"photo": {Filename: "seats.png", Data: []byte("\x89PNG")}}, ""},
		{"photo by file id", "sendPhoto", map[string]string{"chat_id": "42", "photo": "AgACAgIAAx"}, nil, ""},
		{"photo missing", "sendPhoto", map[string]string{"chat_id": "42"}, nil, "photo: required parameter missing"},
		{"caption too long", "sendPhoto", map[string]string{"chat_id": "42", "caption": strings.Repeat("x", 1025)},
			map[string]TelegramFile{"photo": {Filename: "seats.png", Data: []byte("x")}}, "want 0-1024"},
		{"stray file", "sendMessage", map[string]string{"chat_id": "42", "text": "hi"},
			map[string]TelegramFile{"doc": {Filename: "a.txt", Data: []byte("x")}}, "neither a parameter nor referenced"},
		{"file for a string", "sendMessage", map[string]string{"chat_id": "42"},
			map[string]TelegramFile{"text": {Filename: "a.txt", Data: []byte("x")}}, "is a file"},
		{"commands", "setMyCommands", map[string]string{"commands": `[{"command":"seats","description":"Seats per list"}]`}, nil, ""},
		{"upper-case command", "setMyCommands", map[string]string{"commands": `[{"command":"Seats","description":"Seats"}]`}, nil, "only lowercase"},
		{"empty description", "setMyCommands", map[string]string{"commands": `[{"command":"seats","description":""}]`}, nil, "want 1-256"},
		{"commands not array", "setMyCommands", map[string]string{"commands": `{"command":"seats","description":"x"}`}, nil, "want Array of BotCommand"},
		{"webhook", "setWebhook", map[string]string{"url": "https://example.org/hook", "secret_token": "abc-DEF_1", "allowed_updates": `["message"]`}, nil, ""},
		{"webhook secret chars", "setWebhook", map[string]string{"url": "https://example.org/hook", "secret_token": "abc def"}, nil, "may hold only A-Z"},
		{"updates limit", "getUpdates", map[string]string{"limit": "500"}, nil, "outside 1-100"},
		{"inline article", "answerInlineQuery", map[string]string{"inline_query_id": "q",
			"results": `[{"type":"article","id":"1","title":"Seats","input_message_content":{"message_text":"<b>63</b>","parse_mode":"HTML"}}]`}, nil, ""},
		{"inline article bad html", "answerInlineQuery", map[string]string{"inline_query_id": "q",
			"results": `[{"type":"article","id":"1","title":"Seats","input_message_content":{"message_text":"<b>63","parse_mode":"HTML"}}]`}, nil, "not closed"},
		{"inline article without content", "answerInlineQuery", map[string]string{"inline_query_id": "q",
			"results": `[{"type":"article","id":"1","title":"Seats"}]`}, nil, "input_message_content: required field"},
		{"inline result wrong type", "answerInlineQuery", map[string]string{"inline_query_id": "q",
			"results": `[{"type":"story","id":"1","title":"Seats","input_message_content":{"message_text":"x"}}]`}, nil, "matches none of the 20 kinds"},
		{"inline id too long", "answerInlineQuery", map[string]string{"inline_query_id": "q",
			"results": `[{"type":"article","id":"` + strings.Repeat("9", 65) + `","title":"Seats","input_message_content":{"message_text":"x"}}]`}, nil, "is 65 bytes, want 1-64"},
		{"callback answer", "answerCallbackQuery", map[string]string{"callback_query_id": "c", "text": strings.Repeat("x", 201)}, nil, "want 0-200"},
		{"edit", "editMessageText", map[string]string{"chat_id": "42", "message_id": "9", "text": "<b>x</b>", "parse_mode": "HTML", "reply_markup": button}, nil, ""},
		{"getMe", "getMe", map[string]string{}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tt.files
			if files == nil {
				files = map[string]TelegramFile{}
			}
			err := s.Check(&TelegramCall{Method: tt.method, Params: tt.params, Files: files})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Check = %v; want nil", err)
			case tt.want != "" && err == nil:
				t.Errorf("Check = nil; want an error with %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("Check = %v; want an error with %q", err, tt.want)
			}
		})
	}
}

func TestReadTelegramCall(t *testing.T) {
	multipartReq := func() *http.Request {
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		w.WriteField("chat_id", "42")
		w.WriteField("caption", "<b>x</b>")
		fw, _ := w.CreateFormFile("photo", "seats.png")
		fw.Write([]byte("\x89PNG"))
		w.Close()
		r := httptest.NewRequest(http.MethodPost, "/bot123:abc/sendPhoto", &body)
		r.Header.Set("Content-Type", w.FormDataContentType())
		return r
	}
	form := func() *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/bot123:abc/sendMessage", strings.NewReader(url.Values{"chat_id": {"42"}, "text": {"a&b"}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return r
	}
	jsonReq := func() *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/bot123:abc/sendMessage", strings.NewReader(`{"chat_id":42,"text":"hi","reply_markup":{"inline_keyboard":[]}}`))
		r.Header.Set("Content-Type", "application/json; charset=utf-8")
		return r
	}
	query := func() *http.Request {
		return httptest.NewRequest(http.MethodGet, "/bot123:abc/getUpdates?offset=5&timeout=1", nil)
	}
	tests := []struct {
		name   string
		req    func() *http.Request
		method string
		params map[string]string
		files  []string
	}{
		{"multipart", multipartReq, "sendPhoto", map[string]string{"chat_id": "42", "caption": "<b>x</b>"}, []string{"photo"}},
		{"urlencoded", form, "sendMessage", map[string]string{"chat_id": "42", "text": "a&b"}, nil},
		{"json", jsonReq, "sendMessage", map[string]string{"chat_id": "42", "text": "hi", "reply_markup": `{"inline_keyboard":[]}`}, nil},
		{"query", query, "getUpdates", map[string]string{"offset": "5", "timeout": "1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ReadTelegramCall(tt.req())
			if err != nil {
				t.Fatalf("ReadTelegramCall = %v", err)
			}
			if c.Token != "123:abc" || c.Method != tt.method {
				t.Errorf("token, method = %q, %q; want %q, %q", c.Token, c.Method, "123:abc", tt.method)
			}
			if len(c.Params) != len(tt.params) {
				t.Errorf("Params = %v; want %v", c.Params, tt.params)
			}
			for k, v := range tt.params {
				if c.Params[k] != v {
					t.Errorf("Params[%q] = %q; want %q", k, c.Params[k], v)
				}
			}
			if len(c.Files) != len(tt.files) {
				t.Errorf("Files = %v; want %v", c.Files, tt.files)
			}
			for _, f := range tt.files {
				if _, ok := c.Files[f]; !ok {
					t.Errorf("Files[%q] missing", f)
				}
			}
		})
	}
	if _, err := ReadTelegramCall(httptest.NewRequest(http.MethodPost, "/sendMessage", nil)); err == nil {
		t.Errorf("ReadTelegramCall(/sendMessage) = nil error; want a bad path")
	}
}

func TestParseTelegramHTML(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{"plain", "plain", ""},
		{"<b>Seats</b> — 63", "Seats — 63", ""},
		{"&lt;b&gt; &amp; &quot;x&quot; &#39; &#x41;", `<b> & "x" ' A`, ""},
		{"<b>bold <i>italic</i> <u>u</u> <s>s</s></b>", "bold italic u s", ""},
		{"<strong>a</strong><em>b</em><ins>c</ins><strike>d</strike><del>e</del>", "abcde", ""},
		{`<a href="https://example.org/?a=1&amp;b=2">link</a>`, "link", ""},
		{`<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>`, "xy", ""},
		{`<pre><code class="language-go">x &lt; y</code></pre>`, "x < y", ""},
		{"<blockquote expandable>quote <b>b</b></blockquote>", "quote b", ""},
		{`<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍", ""},
		{"<i>a</i>\n<b>b</b>", "a\nb", ""},
		{"a < b", "", "unescaped <"},
		{"a > b", "", "unescaped >"},
		{"a & b", "", "unescaped &"},
		{"&nbsp;", "", "unsupported entity"},
		{"&#0;", "", "unsupported entity"},
		{"<b>x", "", "not closed"},
		{"x</b>", "", "without a start tag"},
		{"<b><i>x</b></i>", "", "closes <i>"},
		{"<div>x</div>", "", "unsupported tag <div>"},
		{"<br/>", "", "unsupported tag <br>"},
		{"<a>x</a>", "", "without href"},
		{`<b class="x">x</b>`, "", "does not take the attribute"},
		{`<span>x</span>`, "", "tg-spoiler"},
		{`<code class="language-go">x</code>`, "", "only directly inside <pre>"},
		{"<code><b>x</b></code>", "", "inside <code>"},
		{"<pre><i>x</i></pre>", "", "inside <pre>"},
		{`<a href="https://x.org"><a href="https://y.org">z</a></a>`, "", "<a> inside <a>"},
		{`<a href="https://x.org"><code>z</code></a>`, "", "<code> inside <a>"},
		{`<a href="javascript:alert(1)">x</a>`, "", "not an http, https or tg address"},
		{`<a href="/wiki/X">x</a>`, "", "not an http, https or tg address"},
		{`<a href="tg://user?id=1">x</a>`, "x", ""},
		{`<i>Source: </i><a href="https://en.wikipedia.org/w/index.php?title=A&amp;oldid=1#B_%22C%22"><i>A, B</i></a>`, "Source: A, B", ""},
		{"<blockquote><blockquote>x</blockquote></blockquote>", "", "inside <blockquote>"},
		{"<b", "", "no tag end"},
		{"\xff", "", "UTF-8"},
	}
	for _, tt := range tests {
		got, err := ParseTelegramHTML(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("ParseTelegramHTML(%q) = %v; want %q", tt.in, err, tt.want)
		case tt.wantErr == "" && got != tt.want:
			t.Errorf("ParseTelegramHTML(%q) = %q; want %q", tt.in, got, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseTelegramHTML(%q) = %q, %v; want an error with %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func TestTelegramTextLen(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{{"", 0}, {"abc", 3}, {"Đilas", 5}, {"😀", 2}, {"a😀b", 4}}
	for _, tt := range tests {
		if got := TelegramTextLen(tt.in); got != tt.want {
			t.Errorf("TelegramTextLen(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

// FuzzParseTelegramHTML checks that the parser never panics and that text
// it accepts, escaped again, parses back to the same text.
func FuzzParseTelegramHTML(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "&lt;", `<a href="h">l</a>`, "<pre><code class=\"language-go\">x</code></pre>", "<b", "&#x1F600;"} {
		f.Add(s)
	}
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	f.Fuzz(func(t *testing.T, s string) {
		plain, err := ParseTelegramHTML(s)
		if err != nil {
			return
		}
		again, err := ParseTelegramHTML(esc.Replace(plain))
		if err != nil || again != plain {
			t.Errorf("ParseTelegramHTML(escaped %q) = %q, %v; want %q", plain, again, err, plain)
		}
	})
}
