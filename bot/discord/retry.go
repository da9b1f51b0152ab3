package discord

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Why a reply was given up, as the undelivered metric's reason label (the
// same words as Telegram's).
const (
	reasonServerError = "server_error" // 5xx answers for the whole back-off
	reasonNetwork     = "network"      // no answer for the whole back-off
	reasonRateLimited = "rate_limited" // 429 for the whole back-off
	reasonShutdown    = "shutdown"     // ShutdownTimeout cut it short
	reasonForbidden   = "forbidden"    // 403: the bot may not post there
	reasonRejected    = "rejected"     // another 4xx: Discord refused it
)

// undeliveredError is a reply given up, and why.
type undeliveredError struct {
	reason string
	err    error
}

func (e *undeliveredError) Error() string { return e.reason + ": " + e.err.Error() }
func (e *undeliveredError) Unwrap() error { return e.err }

// deliver makes one REST call that carries (part of) a reply, and tries
// it again while it fails for a reason that passes (a 5xx, the network,
// a 429 discordgo did not wait out), spaced by the back-off and for as
// long as it allows. A call Discord answered with a 2xx is never made
// again. The error is an *undeliveredError.
func (b *Bot) deliver(call func(ctx context.Context) error) error {
	start := b.clock()
	for attempt := 0; ; attempt++ {
		ctx, cancel := context.WithTimeout(b.work, restTimeout)
		err := call(ctx)
		cancel()
		if err == nil {
			return nil
		}
		reason, again := b.classify(err)
		if reason == "" {
			return nil // Discord took it; only its answer was unreadable
		}
		if !again || b.backoff.GiveUp(start, b.clock()) {
			return &undeliveredError{reason: reason, err: err}
		}
		b.log.Warn("discord request failed; trying again", "attempt", attempt+1, "reason", reason, "err", b.redact(err.Error(), ""))
		if werr := b.wait(b.work, b.backoff.Delay(attempt)); werr != nil {
			return &undeliveredError{reason: reasonShutdown, err: err}
		}
	}
}

// classify says why a REST call failed and whether to try it again; ""
// when it did not fail for Discord (the call was taken, and decoding its
// answer failed).
func (b *Bot) classify(err error) (reason string, again bool) {
	var rest *discordgo.RESTError
	var limited *discordgo.RateLimitError
	switch {
	case b.work.Err() != nil:
		return reasonShutdown, false
	case errors.Is(err, discordgo.ErrJSONUnmarshal):
		return "", false
	case errors.As(err, &limited):
		return reasonRateLimited, true
	case errors.As(err, &rest) && rest.Response != nil:
		switch code := rest.Response.StatusCode; {
		case code >= 500:
			return reasonServerError, true
		case code == http.StatusTooManyRequests:
			return reasonRateLimited, true
		case code == http.StatusForbidden:
			return reasonForbidden, false
		}
		return reasonRejected, false
	case strings.HasPrefix(err.Error(), "Exceeded Max retries HTTP 5"):
		// discordgo's own retries of a 502, worded thus (v0.29).
		return reasonServerError, true
	}
	return reasonNetwork, true
}

// undelivered logs and counts a reply given up.
func (b *Bot) undelivered(i *discordgo.Interaction, what string, err error) {
	reason := reasonNetwork
	var u *undeliveredError
	if errors.As(err, &u) {
		reason = u.reason
	}
	b.log.Warn("reply not delivered", "interaction_type", i.Type.String(), "what", what, "reason", reason, "err", b.redact(err.Error(), i.Token))
	if b.opts.OnUndelivered != nil {
		b.opts.OnUndelivered(reason)
	}
}
