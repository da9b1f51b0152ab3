package telegram

import (
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot/adapter"
)

// BenchmarkWebhookBurstStalledAPI posts a burst of 500 updates (16 at a
// time) while the Bot API holds every reply, and reports how long the
// webhook took to answer them: Telegram re-delivers an update whose
// webhook call takes too long.
//
//	go test -run '^$' -bench WebhookBurst -benchtime 5x ./bot/telegram/
func BenchmarkWebhookBurstStalledAPI(b *testing.B) {
	const n = 500
	var all []time.Duration
	for range b.N {
		w := startWebhook(b, nil)
		release := w.api.hold("sendMessage")
		statuses, took := w.burst(n, "/about")
		if statuses[http.StatusOK] != n {
			b.Errorf("webhook statuses %v; want %d × 200", statuses, n)
		}
		all = append(all, took...)
		release()
		w.stop()
		w.checkOncePerUser(n)
	}
	slices.Sort(all)
	b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
	b.ReportMetric(ms(all[len(all)*99/100]), "p99-ms")
	b.ReportMetric(ms(all[len(all)-1]), "max-ms")
}

// BenchmarkOutage10s sends 1,000 updates to the webhook over ten seconds
// of real time while the Bot API answers 500 to everything, with the
// default back-off, and reports the replies lost and doubled and how
// long after the outage the last reply went out.
//
//	go test -run '^$' -bench Outage10s -benchtime 1x ./bot/telegram/
func BenchmarkOutage10s(b *testing.B) {
	const n = 1000
	const outage = 10 * time.Second
	for range b.N {
		var undelivered sync.Map
		w := startWebhook(b, func(o *Options) {
			o.Backoff = adapter.Backoff{} // the default, in real time
			o.wait, o.clock = nil, nil
			o.OnUndelivered = func(r string) { undelivered.Store(r, true) }
			o.ShutdownTimeout = time.Minute
		})
		end := w.api.outage()
		start := time.Now()
		for i := range n {
			// 100 updates a second: the outage's ten seconds.
			if d := time.Until(start.Add(time.Duration(i) * outage / n)); d > 0 {
				time.Sleep(d)
			}
			u := userN(i)
			if code := w.post(int64(10000+i), message(privateChat(u), u, 1, "/about", nil)); code != http.StatusOK {
				b.Errorf("update %d: status %d", i, code)
			}
		}
		time.Sleep(time.Until(start.Add(outage)))
		end()
		back := time.Now()
		w.api.await("every reply", func() bool {
			chats := map[string]bool{}
			for _, c := range w.api.calls {
				if c.Method == "sendMessage" {
					chats[c.Params["chat_id"]] = true
				}
			}
			return len(chats) == n
		})
		drained := time.Since(back)
		w.stop()
		got := w.perChat()
		lost, doubled := n-len(got), 0
		for _, k := range got {
			if k > 1 {
				doubled++
			}
		}
		undelivered.Range(func(k, _ any) bool { b.Errorf("a reply given up: %v", k); return true })
		b.ReportMetric(float64(lost), "lost")
		b.ReportMetric(float64(doubled), "doubled")
		b.ReportMetric(drained.Seconds(), "s-to-last-reply")
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
