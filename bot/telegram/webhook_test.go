package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const testWebhookSecret = "webhook-secret_for-tests"

// webhook runs a bot in webhook mode behind an HTTP server and posts
// updates to it as Telegram does.
type webhook struct {
	*harness
	srv *httptest.Server
}

func startWebhook(t testing.TB, options func(*Options)) *webhook {
	t.Helper()
	h := start(t, setup{options: func(o *Options) {
		o.WebhookURL = "https://bot.example.org/telegram"
		o.WebhookSecret = testWebhookSecret
		if options != nil {
			options(o)
		}
	}})
	srv := httptest.NewServer(h.bot.Handler())
	t.Cleanup(srv.Close)
	return &webhook{harness: h, srv: srv}
}

// post delivers one update with the given update_id and returns the
// status the webhook answered.
func (w *webhook) post(id int64, upd map[string]any) int {
	w.t.Helper()
	upd["update_id"] = id
	body, err := json.Marshal(upd)
	if err != nil {
		w.t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, w.srv.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", testWebhookSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Errorf("POST update %d: %v", id, err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// burst posts n updates, one private message from each of n users, from
// 16 goroutines at once, and returns how many were answered with each
// status and how long each post took.
func (w *webhook) burst(n int, text string) (map[int]int, []time.Duration) {
	w.t.Helper()
	var mu sync.Mutex
	statuses := map[int]int{}
	var took []time.Duration
	ids := make(chan int, n)
	for i := range n {
		ids <- i
	}
	close(ids)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for i := range ids {
				u := userN(i)
				start := time.Now()
				code := w.post(int64(10000+i), message(privateChat(u), u, 1, text, nil))
				d := time.Since(start)
				mu.Lock()
				statuses[code]++
				took = append(took, d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return statuses, took
}

// perChat counts the messages sent to each chat.
func (w *webhook) perChat() map[string]int {
	out := map[string]int{}
	for _, c := range w.api.sent("sendMessage") {
		out[c.Params["chat_id"]]++
	}
	return out
}

// checkOncePerUser checks that each of the first n users of burst got
// exactly one message.
func (w *webhook) checkOncePerUser(n int) {
	w.t.Helper()
	got := w.perChat()
	lost, doubled := 0, 0
	for i := range n {
		switch k := got[fmt.Sprint(2000+i)]; {
		case k == 0:
			lost++
		case k > 1:
			doubled++
		}
	}
	if lost > 0 || doubled > 0 || len(got) != n {
		w.t.Errorf("of %d updates, %d got no reply and %d more than one (%d chats answered); want each answered once", n, lost, doubled, len(got))
	}
}

func TestWebhookDropsRepeatedUpdates(t *testing.T) {
	w := startWebhook(t, nil)
	upd := func() map[string]any { return message(privateChat(alice), alice, 1, "/about", nil) }
	for i := range 3 {
		if got := w.post(7, upd()); got != http.StatusOK {
			t.Errorf("delivery %d of update 7: status %d; want 200", i+1, got)
		}
	}
	w.stop()
	if n := len(w.api.sent("sendMessage")); n != 1 {
		t.Errorf("update 7 delivered 3 times was answered %d times; want once", n)
	}
}

func TestPollingDropsRepeatedUpdates(t *testing.T) {
	h := start(t, setup{})
	h.api.mu.Lock()
	raw, _ := json.Marshal(map[string]any{"update_id": 500, "message": message(privateChat(alice), alice, 1, "/about", nil)["message"]})
	// The same update twice in one batch, as a Bot API that lost an
	// offset might send it.
	h.api.queue = append(h.api.queue, raw, raw)
	h.api.ids = append(h.api.ids, 500, 500)
	h.api.notify()
	h.api.mu.Unlock()
	h.api.awaitConfirmed(500)
	h.stop()
	if n := len(h.api.sent("sendMessage")); n != 1 {
		t.Errorf("update 500 polled twice was answered %d times; want once", n)
	}
}

// TestWebhookAnswersAtOnceWhileTheBotAPIStalls posts 500 updates while
// the Bot API holds every reply: the webhook answers them all 200 before
// any reply is sent, and when the API is back each is answered once.
func TestWebhookAnswersAtOnceWhileTheBotAPIStalls(t *testing.T) {
	w := startWebhook(t, nil)
	release := w.api.hold("sendMessage")
	defer release()
	const n = 500
	statuses, _ := w.burst(n, "/about")
	if statuses[http.StatusOK] != n {
		t.Errorf("webhook statuses %v while the Bot API stalled; want %d × 200", statuses, n)
	}
	if sent := len(w.api.sent("sendMessage")); sent != 0 {
		t.Fatalf("%d replies sent while the Bot API held them all", sent)
	}
	release()
	w.stop()
	w.checkOncePerUser(n)
}

// TestWebhookQueueFull turns an update away with 503 only when the queue
// is full, and takes it when Telegram sends it again.
func TestWebhookQueueFull(t *testing.T) {
	w := startWebhook(t, func(o *Options) {
		o.MaxConcurrent = 1
		o.MaxQueued = 2
	})
	release := w.api.hold("sendMessage")
	defer release()
	msg := func(i int) map[string]any { u := userN(i); return message(privateChat(u), u, 1, "/about", nil) }
	if got := w.post(10000, msg(0)); got != http.StatusOK {
		t.Fatalf("first update: status %d; want 200", got)
	}
	w.api.await("the first reply held", func() bool { return w.api.blocked["sendMessage"] > 0 })
	for i := 1; i <= 2; i++ {
		if got := w.post(int64(10000+i), msg(i)); got != http.StatusOK {
			t.Errorf("update %d of a queue of 2: status %d; want 200", i+1, got)
		}
	}
	if got := w.post(10003, msg(3)); got != http.StatusServiceUnavailable {
		t.Errorf("update past a full queue: status %d; want 503", got)
	}
	release()
	w.api.awaitSent("sendMessage", 3)
	if got := w.post(10003, msg(3)); got != http.StatusOK {
		t.Errorf("the turned-away update sent again: status %d; want 200", got)
	}
	w.stop()
	w.checkOncePerUser(4)
}

// TestOutageLosesNothing has the Bot API answer 500 to everything while
// 1,000 updates arrive. Every reply is retried until the API is back and
// arrives once; none is given up.
func TestOutageLosesNothing(t *testing.T) {
	back := make(chan struct{})
	var undelivered atomic.Int64
	w := startWebhook(t, func(o *Options) {
		// A retry waits until the outage ends, as a real back-off
		// would outlast it, without real time passing.
		o.wait = func(ctx context.Context, _ time.Duration) error {
			select {
			case <-back:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		o.OnUndelivered = func(string) { undelivered.Add(1) }
	})
	end := w.api.outage()
	const n = 1000
	if statuses, _ := w.burst(n, "/about"); statuses[http.StatusOK] != n {
		t.Errorf("webhook statuses %v during the outage; want %d × 200", statuses, n)
	}
	w.api.await("replies failing", func() bool { return w.api.attempts["sendMessage"] >= 32 })
	end()
	close(back)
	w.stop()
	w.checkOncePerUser(n)
	if k := undelivered.Load(); k != 0 {
		t.Errorf("%d replies given up; want none", k)
	}
}
