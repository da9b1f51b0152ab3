package telegram

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"net/http"

	"github.com/go-telegram/bot/models"
)

// maxUpdate bounds the body of one webhook update.
const maxUpdate = 1 << 20

// Handler is the webhook endpoint, for the program to mount at
// WebhookPath on its HTTP listener. It checks
// X-Telegram-Bot-Api-Secret-Token before anything else and answers a
// request without the right secret with 401, unread (go-telegram/bot's
// own handler answers such requests with 200). It answers at once,
// whatever the Bot API is doing: the update goes to a bounded queue, and
// the reply is sent from there. An update_id seen before is dropped with
// a 200. While the bot is not running, or when the queue is full, it
// answers 503, so that Telegram delivers the update again later; when
// polling it answers 404.
func (b *Bot) Handler() http.Handler {
	return http.HandlerFunc(b.serveWebhook)
}

func (b *Bot) serveWebhook(w http.ResponseWriter, r *http.Request) {
	if b.opts.WebhookURL == "" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Comparing digests takes the same time whatever the length of what
	// was sent.
	got := sha256.Sum256([]byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token")))
	want := sha256.Sum256([]byte(b.secret))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		b.auth.Failed(r.RemoteAddr, "webhook secret missing or wrong")
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !b.Ready() {
		http.Error(w, "not ready", http.StatusServiceUnavailable)
		return
	}
	var upd models.Update
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxUpdate)).Decode(&upd); err != nil {
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	switch b.take(&upd, false) {
	case duplicate:
		b.log.Debug("update delivered again; dropped", "update_id", upd.ID)
	case full:
		b.log.Warn("update queue full; Telegram will send the update again", "update_id", upd.ID)
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	case closed:
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
