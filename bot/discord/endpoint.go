package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// How old a signed request may be, and how far ahead of this process's
// clock: Discord sends at once, and clocks drift a little.
const (
	maxSignatureAge  = 5 * time.Minute
	maxSignatureSkew = time.Minute
)

// maxInteractionBody bounds the body of one interaction POST; real ones
// are a few kilobytes, resolved users and messages included.
const maxInteractionBody = 256 << 10

// InteractionsHandler serves Discord's HTTP interactions endpoint: it
// verifies the Ed25519 signature over X-Signature-Timestamp and the body,
// and that the timestamp is a Unix time no more than five minutes old and
// a minute ahead (401 and nothing else done when either is missing,
// malformed or wrong),
// answers PING with PONG and answers commands, autocomplete and button
// clicks in the response body: JSON, or multipart/form-data when an image
// goes with the answer. It keeps no state between requests, so any number
// of replicas can serve behind a load balancer.
func (b *Bot) InteractionsHandler() http.Handler {
	return http.HandlerFunc(b.serveHTTP)
}

func (b *Bot) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	sig, err := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
	timestamp := r.Header.Get("X-Signature-Timestamp")
	sent, tserr := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || len(sig) != ed25519.SignatureSize || tserr != nil || len(b.opts.PublicKey) != ed25519.PublicKeySize {
		b.auth.Failed(r.RemoteAddr, "signature or timestamp missing or malformed")
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "read request body", http.StatusBadRequest)
		return
	}
	signed := make([]byte, 0, len(timestamp)+len(body))
	signed = append(append(signed, timestamp...), body...)
	if !ed25519.Verify(b.opts.PublicKey, signed, sig) {
		b.auth.Failed(r.RemoteAddr, "signature does not match")
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	// A signature is good forever; the time it signs is what keeps a
	// request recorded once from being answered again later.
	if age := b.now().Sub(time.Unix(sent, 0)); age > maxSignatureAge || age < -maxSignatureSkew {
		b.auth.Failed(r.RemoteAddr, "signed too long ago, or ahead of this clock")
		http.Error(w, "request timestamp out of range", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil || i.Type == 0 {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	if !b.begin() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer b.end()
	b.serve(&i, func(resp *discordgo.InteractionResponse) error { return writeResponse(w, resp) })
}

// writeResponse writes an interaction response as the HTTP response body.
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	var (
		contentType = "application/json"
		body        []byte
		err         error
	)
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err = discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
	} else {
		body, err = json.Marshal(resp)
	}
	if err != nil {
		http.Error(w, "encode response", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", contentType)
	_, err = w.Write(body)
	return err
}
