package telegram

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/internal/apispec"
)

// fakeAPI is an in-process Bot API server. It reads requests as Telegram
// does (multipart, urlencoded, JSON), holds every one to the official API
// description and the HTML parse mode rules, serves getUpdates from a
// queue the test feeds, records what the bot sent, and fails requests on
// demand (429, 500, a dropped connection) to exercise retries.
type fakeAPI struct {
	t     testing.TB
	spec  *apispec.TelegramSpec
	srv   *httptest.Server
	token string
	botID int64
	name  string

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every change
	queue    []json.RawMessage
	ids      []int64
	nextID   int64
	offset   int64 // the highest offset a getUpdates asked for
	calls    []*apispec.TelegramCall
	attempts map[string]int
	faults   map[string][]fault
	gates    map[string]chan struct{}
	blocked  map[string]int
	nextMsg  int
	sentIDs  map[*apispec.TelegramCall]int // message_id of each message sent
	// photos are the file_ids of the photos uploaded, as Telegram keeps
	// them for the bot to send again.
	photos map[string]bool
	// down makes every method but getUpdates answer 500 (an outage).
	down bool
}

// A fault is how the fake fails one request.
type fault struct {
	status     int // 429, 5xx, or 400 for a request Telegram refuses
	retryAfter int
	drop       bool // hijack the connection and close it
	truncate   bool // act on the request, then cut the 200 answer short
}

const testToken = "123456:TEST-token_abcdef"

func newFakeAPI(t testing.TB) *fakeAPI {
	t.Helper()
	spec, err := apispec.LoadTelegram()
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeAPI{
		t: t, spec: spec, token: testToken, botID: 123456, name: "ElectionTestBot",
		changed: make(chan struct{}), nextID: 100, nextMsg: 1000,
		attempts: map[string]int{}, faults: map[string][]fault{},
		gates: map[string]chan struct{}{}, blocked: map[string]int{},
		sentIDs: map[*apispec.TelegramCall]int{}, photos: map[string]bool{},
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// notify wakes waiters; f.mu must be held.
func (f *fakeAPI) notify() {
	close(f.changed)
	f.changed = make(chan struct{})
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	c, err := apispec.ReadTelegramCall(r)
	if err != nil {
		f.t.Errorf("fake Bot API: unreadable request %s: %v", r.URL.Path, err)
		writeAPI(w, http.StatusBadRequest, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: " + err.Error()})
		return
	}
	if c.Token != f.token {
		writeAPI(w, http.StatusUnauthorized, map[string]any{"ok": false, "error_code": 401, "description": "Unauthorized"})
		return
	}
	method := c.Method
	f.mu.Lock()
	f.attempts[method]++
	var flt *fault
	if q := f.faults[method]; len(q) > 0 {
		flt, f.faults[method] = &q[0], q[1:]
	} else if f.down && method != "getUpdates" {
		flt = &fault{status: http.StatusInternalServerError}
	}
	f.notify()
	f.mu.Unlock()
	if flt != nil && flt.truncate {
		if err := f.spec.Check(c); err != nil {
			f.t.Errorf("fake Bot API: %v", err)
		}
		f.mu.Lock()
		f.calls = append(f.calls, c)
		f.result(c)
		f.notify()
		f.mu.Unlock()
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			f.t.Errorf("hijack: %v", err)
			return
		}
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"ok\":true,")
		buf.Flush()
		conn.Close()
		return
	}
	if flt != nil {
		switch {
		case flt.drop:
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				f.t.Errorf("hijack: %v", err)
				return
			}
			conn.Close()
		case flt.status == http.StatusTooManyRequests:
			writeAPI(w, flt.status, map[string]any{"ok": false, "error_code": 429,
				"description": fmt.Sprintf("Too Many Requests: retry after %d", flt.retryAfter),
				"parameters":  map[string]any{"retry_after": flt.retryAfter}})
		default:
			writeAPI(w, flt.status, map[string]any{"ok": false, "error_code": flt.status, "description": http.StatusText(flt.status) + ": injected by the test"})
		}
		return
	}
	if err := f.spec.Check(c); err != nil {
		f.t.Errorf("fake Bot API: %v", err)
		writeAPI(w, http.StatusBadRequest, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: " + err.Error()})
		return
	}
	f.checkMarkup(c)
	if method == "getUpdates" {
		f.getUpdates(w, r, c)
		return
	}
	f.wait(r, method)
	f.mu.Lock()
	if id := c.Params["photo"]; method == "sendPhoto" && c.Files["photo"].Data == nil && !f.photos[id] {
		f.calls = append(f.calls, c)
		f.notify()
		f.mu.Unlock()
		writeAPI(w, http.StatusBadRequest, map[string]any{"ok": false, "error_code": 400, "description": "Bad Request: wrong file identifier/HTTP URL specified"})
		return
	}
	f.calls = append(f.calls, c)
	result := f.result(c)
	f.notify()
	f.mu.Unlock()
	writeAPI(w, http.StatusOK, map[string]any{"ok": true, "result": result})
}

// checkMarkup holds the HTML of every text the bot sends to the rules of
// Telegram's HTML mode, whatever the method.
func (f *fakeAPI) checkMarkup(c *apispec.TelegramCall) {
	if c.Params["parse_mode"] != "" && c.Params["parse_mode"] != "HTML" {
		f.t.Errorf("%s: parse_mode %q; the bot writes HTML", c.Method, c.Params["parse_mode"])
	}
	for _, field := range []string{"text", "caption"} {
		if v, ok := c.Params[field]; ok && c.Method != "answerCallbackQuery" && c.Params["parse_mode"] != "HTML" {
			f.t.Errorf("%s: %s %q sent without parse_mode HTML", c.Method, field, v)
		}
	}
}

// wait blocks a method while the test holds its gate.
func (f *fakeAPI) wait(r *http.Request, method string) {
	f.mu.Lock()
	gate := f.gates[method]
	if gate != nil {
		f.blocked[method]++
		f.notify()
	}
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-r.Context().Done():
		}
	}
}

func writeAPI(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// result makes the answer a method returns; f.mu is held.
func (f *fakeAPI) result(c *apispec.TelegramCall) any {
	switch c.Method {
	case "getMe":
		return map[string]any{"id": f.botID, "is_bot": true, "first_name": "Election Bot", "username": f.name,
			"can_join_groups": true, "supports_inline_queries": true}
	case "sendMessage", "sendPhoto", "editMessageText":
		chatID, _ := strconv.ParseInt(c.Params["chat_id"], 10, 64)
		id := f.nextMsg
		if c.Method == "editMessageText" {
			id, _ = strconv.Atoi(c.Params["message_id"])
		} else {
			f.nextMsg++
		}
		f.sentIDs[c] = id
		msg := map[string]any{"message_id": id, "date": time.Now().Unix(),
			"chat": map[string]any{"id": chatID, "type": chatType(chatID)},
			"from": map[string]any{"id": f.botID, "is_bot": true, "first_name": "Election Bot", "username": f.name}}
		if c.Method == "sendPhoto" {
			// An upload becomes a file of the bot's (sizes smallest first);
			// a file_id sends that file again.
			id := c.Params["photo"]
			if c.Files["photo"].Data != nil {
				id = fmt.Sprintf("photo-%d", len(f.photos)+1)
				f.photos[id] = true
			}
			msg["photo"] = []any{
				map[string]any{"file_id": id + "-small", "file_unique_id": "s" + id, "width": 90, "height": 52},
				map[string]any{"file_id": id, "file_unique_id": "u" + id, "width": 1200, "height": 700},
			}
			if c.Params["caption"] != "" {
				msg["caption"] = plainOf(c.Params["caption"])
			}
		} else {
			msg["text"] = plainOf(c.Params["text"])
		}
		return msg
	}
	return true
}

func chatType(id int64) string {
	if id < 0 {
		return "supergroup"
	}
	return "private"
}

func plainOf(html string) string {
	s, err := apispec.ParseTelegramHTML(html)
	if err != nil {
		return html
	}
	return s
}

// getUpdates serves the queue as the Bot API does: an offset confirms the
// updates below it, and an empty queue holds the request up to timeout
// seconds.
func (f *fakeAPI) getUpdates(w http.ResponseWriter, r *http.Request, c *apispec.TelegramCall) {
	offset, _ := strconv.ParseInt(c.Params["offset"], 10, 64)
	timeout, _ := strconv.Atoi(c.Params["timeout"])
	limit, _ := strconv.Atoi(c.Params["limit"])
	if limit <= 0 {
		limit = 100
	}
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		if offset > f.offset {
			f.offset = offset
		}
		for len(f.ids) > 0 && f.ids[0] < offset {
			f.ids, f.queue = f.ids[1:], f.queue[1:]
		}
		f.notify()
		if n := min(len(f.queue), limit); n > 0 || timeout == 0 {
			batch := append([]json.RawMessage{}, f.queue[:n]...)
			f.mu.Unlock()
			writeAPI(w, http.StatusOK, map[string]any{"ok": true, "result": batch})
			return
		}
		changed := f.changed
		f.mu.Unlock()
		select {
		case <-changed:
		case <-deadline.C:
			writeAPI(w, http.StatusOK, map[string]any{"ok": true, "result": []any{}})
			return
		case <-r.Context().Done():
			return
		}
	}
}

// push queues an update (without update_id) and returns its id.
func (f *fakeAPI) push(upd map[string]any) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	upd["update_id"] = f.nextID
	raw, err := json.Marshal(upd)
	if err != nil {
		f.t.Fatal(err)
	}
	f.queue = append(f.queue, raw)
	f.ids = append(f.ids, f.nextID)
	f.notify()
	return f.nextID
}

// fail makes the next requests to method fail, one fault each.
func (f *fakeAPI) fail(method string, faults ...fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults[method] = append(f.faults[method], faults...)
}

// outage makes every method but getUpdates fail with 500 until the
// returned function is called.
func (f *fakeAPI) outage() (end func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = true
	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.down = false
		f.notify()
	}
}

// hold blocks method until the returned function is called.
func (f *fakeAPI) hold(method string) (release func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	gate := make(chan struct{})
	f.gates[method] = gate
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			delete(f.gates, method)
			f.mu.Unlock()
			close(gate)
		})
	}
}

// await waits until cond, read under the fake's lock, holds.
func (f *fakeAPI) await(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		ok := cond()
		changed := f.changed
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			f.t.Fatalf("timed out waiting for %s; calls so far: %s", what, f.summary())
		}
	}
}

// sent returns the accepted calls of a method.
func (f *fakeAPI) sent(method string) []*apispec.TelegramCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*apispec.TelegramCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// awaitSent waits for n accepted calls of method and returns them.
func (f *fakeAPI) awaitSent(method string, n int) []*apispec.TelegramCall {
	f.t.Helper()
	f.await(fmt.Sprintf("%d × %s", n, method), func() bool {
		k := 0
		for _, c := range f.calls {
			if c.Method == method {
				k++
			}
		}
		return k >= n
	})
	return f.sent(method)
}

// awaitConfirmed waits until the bot has asked for updates past id: by
// then it has taken every update up to id.
func (f *fakeAPI) awaitConfirmed(id int64) {
	f.t.Helper()
	f.await(fmt.Sprintf("getUpdates with offset > %d", id), func() bool { return f.offset > id })
}

// messageID is the message_id the fake gave a sent message.
func (f *fakeAPI) messageID(c *apispec.TelegramCall) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.sentIDs[c]
}

func (f *fakeAPI) attemptsOf(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.attempts[method]
}

func (f *fakeAPI) summary() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var parts []string
	for _, c := range f.calls {
		parts = append(parts, c.Method)
	}
	return strings.Join(parts, ", ")
}
