package discord_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/apispec"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// waitTimeout bounds every wait for something to arrive; tests never sleep.
const waitTimeout = 10 * time.Second

// A fakeDiscord speaks enough of Discord's REST API and gateway for the
// adapter: every REST request is checked against the official OpenAPI
// description (a violation fails the test and gets a 400, as Discord would
// answer), and the gateway says HELLO, reads IDENTIFY, says READY and then
// dispatches the events a test queues.
type fakeDiscord struct {
	t     *testing.T
	spec  *apispec.DiscordSpec
	srv   *httptest.Server
	appID string
	token string // the bot token the REST calls that need one must carry

	rest     chan restCall
	identify chan identifyData
	resumes  chan string // session ids of RESUMEs
	done     chan struct{}

	mu       sync.Mutex
	events   chan []byte // the newest connection's queue
	seq      atomic.Int64
	closeWS  sync.Once
	gateways atomic.Int64 // GET /gateway calls

	// The next failures calls to a path holding failOn fail with
	// failStatus; attempts counts every call to such a path.
	failOn     atomic.Pointer[string]
	failures   atomic.Int64
	failStatus atomic.Int64
	attempts   atomic.Int64
}

// failWebhooks makes the next n edits and follow-ups fail with status.
func (f *fakeDiscord) failWebhooks(n int, status int) { f.failPath("/webhooks/", n, status) }

// failPath makes the next n calls to a path holding part fail with status.
func (f *fakeDiscord) failPath(part string, n int, status int) {
	f.failOn.Store(&part)
	f.failStatus.Store(int64(status))
	f.failures.Store(int64(n))
}

// A restCall is one REST request the fake received.
type restCall struct {
	Method, Path, ContentType, Auth string
	// Payload is the JSON: the body, or a multipart body's payload_json.
	Payload []byte
	// Files are a multipart body's files[n] parts by file name.
	Files map[string][]byte
}

// identifyData is what the fake checks of IDENTIFY.
type identifyData struct {
	Token   string  `json:"token"`
	Intents *int    `json:"intents"`
	Shard   *[2]int `json:"shard"`
}

var specOnce = sync.OnceValues(apispec.LoadDiscord)

func discordSpec(t *testing.T) *apispec.DiscordSpec {
	t.Helper()
	s, err := specOnce()
	if err != nil {
		t.Fatalf("LoadDiscord() = %v", err)
	}
	return s
}

func newFakeDiscord(t *testing.T, appID, token string) *fakeDiscord {
	t.Helper()
	f := &fakeDiscord{
		t: t, spec: discordSpec(t), appID: appID, token: token,
		rest:     make(chan restCall, 100),
		identify: make(chan identifyData, 1),
		resumes:  make(chan string, 1),
		done:     make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ws/", f.gateway)
	mux.HandleFunc("/", f.serveREST)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		f.closeWS.Do(func() { close(f.done) })
		f.srv.Close()
	})
	return f
}

func (f *fakeDiscord) serveREST(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	path := r.URL.Path
	if strings.HasSuffix(path, "/gateway") || strings.HasSuffix(path, "/gateway/bot") {
		f.gateways.Add(1)
		writeJSON(w, map[string]any{"url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/ws"})
		return
	}
	if err := f.spec.CheckRequest(r.Method, r.URL.RequestURI(), r.Header.Get("Content-Type"), body); err != nil {
		f.t.Errorf("the bot sent a request Discord would refuse: %v", err)
		w.WriteHeader(http.StatusBadRequest)
		writeJSON(w, map[string]any{"code": 50035, "message": "Invalid Form Body"})
		return
	}
	if part := f.failOn.Load(); part != nil && strings.Contains(path, *part) {
		f.attempts.Add(1)
		if f.failures.Add(-1) >= 0 {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(int(f.failStatus.Load()))
			json.NewEncoder(w).Encode(map[string]any{"code": 0, "message": "injected by the test"})
			return
		}
	}
	call := restCall{Method: r.Method, Path: path, ContentType: r.Header.Get("Content-Type"), Auth: r.Header.Get("Authorization"), Payload: body}
	if mt, params, _ := mime.ParseMediaType(call.ContentType); mt == "multipart/form-data" {
		call.Payload, call.Files = readMultipart(f.t, body, params["boundary"])
	}
	if (strings.Contains(path, "/commands") || strings.HasSuffix(path, "/@me")) && call.Auth != "Bot "+f.token {
		f.t.Errorf("%s %s: Authorization = %q; want the bot token", r.Method, path, call.Auth)
	}
	select {
	case f.rest <- call:
	default:
		f.t.Errorf("%s %s: too many REST calls queued", r.Method, path)
	}
	switch {
	case strings.HasSuffix(path, "/commands"):
		w.Write(body) // the commands as registered
	case strings.HasSuffix(path, "/applications/@me") && r.Method == http.MethodGet:
		writeJSON(w, map[string]any{"id": f.appID, "name": "Election Bot", "description": "", "bot_public": true,
			"bot_require_code_grant": false, "verify_key": strings.Repeat("0", 64), "flags": 0})
	case strings.HasSuffix(path, "/callback"), r.Method == http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	case strings.Contains(path, "/webhooks/"):
		writeJSON(w, map[string]any{"id": "900", "channel_id": "chan-1"})
	default:
		f.t.Errorf("%s %s: the fake does not serve this", r.Method, path)
		http.NotFound(w, r)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func readMultipart(t *testing.T, body []byte, boundary string) ([]byte, map[string][]byte) {
	t.Helper()
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	var payload []byte
	files := map[string][]byte{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("read multipart: %v", err)
			break
		}
		b, _ := io.ReadAll(p)
		if p.FormName() == "payload_json" {
			payload = b
		} else {
			files[p.FileName()] = b
		}
	}
	return payload, files
}

var upgrader = websocket.Upgrader{}

// gateway plays Discord's gateway for one connection.
func (f *fakeDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		f.t.Errorf("upgrade: %v", err)
		return
	}
	defer conn.Close()
	out := make(chan any, 10)
	send := func(v any) bool { return conn.WriteJSON(v) == nil }
	if !send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}}) {
		return
	}
	var hello struct {
		Op int `json:"op"`
		D  struct {
			identifyData
			SessionID string `json:"session_id"`
		} `json:"d"`
	}
	if err := conn.ReadJSON(&hello); err != nil {
		f.t.Errorf("gateway: read IDENTIFY: %v", err)
		return
	}
	events := make(chan []byte, 100)
	f.mu.Lock()
	f.events = events // dispatch goes to this connection from now on
	f.mu.Unlock()
	switch hello.Op {
	case 2:
		f.identify <- hello.D.identifyData
		ready := map[string]any{"v": 10, "session_id": "session-1", "resume_gateway_url": "ws://unused",
			"user":   map[string]any{"id": "42", "username": "electionbot", "bot": true},
			"guilds": []any{}, "application": map[string]any{"id": f.appID, "flags": 0}}
		if !send(f.dispatchFrame("READY", ready)) {
			return
		}
	case 6:
		if !send(f.dispatchFrame("RESUMED", map[string]any{})) {
			return
		}
		f.resumes <- hello.D.SessionID
	default:
		f.t.Errorf("gateway: want IDENTIFY (op 2) or RESUME (op 6), got op %d", hello.Op)
		return
	}
	// A reader answers heartbeats and notices when the bot hangs up.
	gone := make(chan struct{})
	go func() {
		defer close(gone)
		for {
			var m struct {
				Op int `json:"op"`
			}
			if err := conn.ReadJSON(&m); err != nil {
				return
			}
			if m.Op == 1 {
				select {
				case out <- map[string]any{"op": 11}:
				case <-f.done:
					return
				}
			}
		}
	}()
	for {
		select {
		case ev := <-events:
			if conn.WriteMessage(websocket.TextMessage, ev) != nil {
				return
			}
		case v := <-out:
			if !send(v) {
				return
			}
		case <-gone:
			return
		case <-f.done:
			return
		}
	}
}

func (f *fakeDiscord) dispatchFrame(event string, d any) map[string]any {
	return map[string]any{"op": 0, "t": event, "s": f.seq.Add(1), "d": d}
}

// dispatch sends an event to the bot over the gateway.
func (f *fakeDiscord) dispatch(event string, d any) {
	f.t.Helper()
	f.send(f.dispatchFrame(event, d))
}

// send writes a gateway payload on the newest connection.
func (f *fakeDiscord) send(payload any) {
	f.t.Helper()
	b, err := json.Marshal(payload)
	if err != nil {
		f.t.Fatal(err)
	}
	f.mu.Lock()
	events := f.events
	f.mu.Unlock()
	if events == nil {
		f.t.Fatalf("no gateway connection to send on")
	}
	events <- b
}

// next waits for the next REST call that satisfies match.
func (f *fakeDiscord) next(t *testing.T, what string, match func(restCall) bool) restCall {
	t.Helper()
	deadline := time.After(waitTimeout)
	for {
		select {
		case c := <-f.rest:
			if match(c) {
				return c
			}
		case <-deadline:
			t.Fatalf("no %s arrived", what)
			return restCall{}
		}
	}
}

// interact dispatches an interaction over the gateway and waits for the
// bot's response to it.
func (f *fakeDiscord) interact(t *testing.T, root string, i map[string]any) wireResponse {
	t.Helper()
	f.dispatch("INTERACTION_CREATE", i)
	return f.callback(t, root, i["id"].(string))
}

// callback waits for the bot's response to interaction id, posted under
// the API root root ("/api/v9"), and checks the message it carries.
func (f *fakeDiscord) callback(t *testing.T, root, id string) wireResponse {
	t.Helper()
	c := f.next(t, "callback for interaction "+id, func(c restCall) bool {
		return c.Method == "POST" && c.Path == root+"/interactions/"+id+"/"+interactionToken+"/callback"
	})
	r := decodeResponse(t, c.Payload)
	if (r.Type == 4 || r.Type == 7) && r.Data != nil {
		checkMessage(t, r.Data.wireMessage)
	}
	return r
}

// nextMessage waits for the next follow-up or edit (a REST call with
// method) and returns it with its message, checked like every message.
func (f *fakeDiscord) nextMessage(t *testing.T, what, method string) (restCall, wireMessage) {
	t.Helper()
	c := f.next(t, what, func(c restCall) bool { return c.Method == method })
	var m wireMessage
	if err := json.Unmarshal(c.Payload, &m); err != nil {
		t.Fatalf("%s: decode %s: %v", what, c.Payload, err)
	}
	checkMessage(t, m)
	return c, m
}

// recv waits for one value from ch.
func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(waitTimeout):
		t.Fatalf("no %s arrived", what)
		var zero T
		return zero
	}
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not happen", what)
		}
		time.Sleep(time.Millisecond) // polling, not waiting for a guessed time
	}
}

// ---- the engine ----

// loadSeed parses the seed article once; engines only read elections, so
// the tests' engines share them.
var loadSeed = sync.OnceValues(func() ([]*knowledge.Election, error) { return knowledge.Load(data.FS, nil) })

func elections(t *testing.T) []*knowledge.Election {
	t.Helper()
	es, err := loadSeed()
	if err != nil {
		t.Fatalf("knowledge.Load(data.FS) = %v", err)
	}
	return es
}

func newEngine(t *testing.T, opts ...bot.Option) *bot.Engine {
	t.Helper()
	return bot.New(&bot.Library{Elections: elections(t)}, append([]bot.Option{wire.Answers(nil)}, opts...)...)
}

// ---- interactions as Discord sends them ----

const interactionToken = "aW50ZXJhY3Rpb246MTAwMTpzZWNyZXQtdG9rZW4"

var interactionIDs atomic.Int64

func baseInteraction(typ int, data any) map[string]any {
	return map[string]any{
		"id":             strconv.FormatInt(1000+interactionIDs.Add(1), 10),
		"application_id": "app-1",
		"type":           typ,
		"token":          interactionToken,
		"version":        1,
		"channel_id":     "chan-1",
		"guild_id":       "guild-1",
		"member":         map[string]any{"user": map[string]any{"id": "user-1", "username": "ana"}},
		"data":           data,
	}
}

// option is one typed option of a slash command as Discord sends it.
type option struct {
	Name    string `json:"name"`
	Type    int    `json:"type"`
	Value   any    `json:"value,omitempty"`
	Focused bool   `json:"focused,omitempty"`
}

func command(name string, opts ...option) map[string]any {
	if opts == nil {
		opts = []option{}
	}
	return baseInteraction(2, map[string]any{"id": "cmd-" + name, "name": name, "type": 1, "options": opts})
}

func autocomplete(name string, opts ...option) map[string]any {
	i := command(name, opts...)
	i["type"] = 4
	return i
}

func click(customID string) map[string]any {
	i := baseInteraction(3, map[string]any{"custom_id": customID, "component_type": 2})
	i["message"] = map[string]any{"id": "msg-1", "channel_id": "chan-1", "content": ""}
	return i
}

// ---- what the bot answers ----

// wireResponse is an interaction response as it travels.
type wireResponse struct {
	Type int       `json:"type"`
	Data *wireData `json:"data"`
}

type wireData struct {
	wireMessage
	Choices []struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	} `json:"choices"`
}

// wireMessage is the part of a message the tests read.
type wireMessage struct {
	Embeds     []*discordgo.MessageEmbed `json:"embeds"`
	Components []struct {
		Type       int `json:"type"`
		Components []struct {
			Type     int    `json:"type"`
			Label    string `json:"label"`
			CustomID string `json:"custom_id"`
		} `json:"components"`
	} `json:"components"`
	Flags           int `json:"flags"`
	AllowedMentions *struct {
		Parse *[]string `json:"parse"`
	} `json:"allowed_mentions"`
}

func (m wireMessage) buttons() map[string]string {
	out := map[string]string{}
	for _, row := range m.Components {
		for _, c := range row.Components {
			out[c.Label] = c.CustomID
		}
	}
	return out
}

// checkMessage fails the test when a message could ping someone or breaks
// an embed limit. Discord counts characters; UTF-16 units are the stricter
// count.
func checkMessage(t *testing.T, m wireMessage) {
	t.Helper()
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(*m.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions = %+v; want {\"parse\": []}", m.AllowedMentions)
	}
	checkEmbeds(t, m.Embeds)
}

func checkEmbeds(t *testing.T, embeds []*discordgo.MessageEmbed) {
	t.Helper()
	n := func(s string) int { return len(utf16.Encode([]rune(s))) }
	if len(embeds) == 0 || len(embeds) > 10 {
		t.Errorf("%d embeds; want 1 to 10", len(embeds))
	}
	total := 0
	for i, e := range embeds {
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			t.Errorf("embed %d: title %d, description %d characters, %d fields; want at most 256, 4096, 25", i, n(e.Title), n(e.Description), len(e.Fields))
		}
		if e.Title == "" && e.Description == "" && len(e.Fields) == 0 && e.Image == nil {
			t.Errorf("embed %d is empty", i)
		}
		total += n(e.Title) + n(e.Description)
		for _, f := range e.Fields {
			if f.Name == "" || f.Value == "" || n(f.Name) > 256 || n(f.Value) > 1024 {
				t.Errorf("embed %d field %q: name %d, value %d characters; want 1-256, 1-1024", i, f.Name, n(f.Name), n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
		if e.Footer != nil {
			if n(e.Footer.Text) > 2048 {
				t.Errorf("embed %d footer has %d characters; want at most 2048", i, n(e.Footer.Text))
			}
			total += n(e.Footer.Text)
		}
		if e.Author != nil {
			total += n(e.Author.Name)
		}
	}
	if total > 6000 {
		t.Errorf("embeds hold %d characters; want at most 6000", total)
	}
}

func decodeResponse(t *testing.T, payload []byte) wireResponse {
	t.Helper()
	var r wireResponse
	if err := json.Unmarshal(payload, &r); err != nil {
		t.Fatalf("decode interaction response %s: %v", payload, err)
	}
	return r
}

// unescape undoes the adapter's Markdown escapes, to compare with the
// engine's plain text.
func unescape(s string) string {
	var b strings.Builder
	esc := false
	for _, r := range s {
		if r == '\\' && !esc {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return b.String()
}

// ctxFor returns a context that ends with the test.
func ctxFor(t *testing.T) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return ctx
}
