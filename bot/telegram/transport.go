package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/electionbot/electionbot/bot/adapter"
)

// An HTTPClient sends HTTP requests; *http.Client is one.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// maxResponse bounds a Bot API answer read into memory (getUpdates with
// 100 updates is far less).
const maxResponse = 32 << 20

// retrier is the HTTP client go-telegram/bot talks through. The library
// neither retries nor waits on 429, so this does: it waits retry_after
// seconds on 429, backs off and retries 5xx answers and network errors,
// for as long as the back-off's For since the first attempt; then it
// gives up with a *gaveUpError that says why. An answer with a 2xx
// status is never sent again: the Bot API has done what was asked. A
// request cut off by the network may have reached Telegram all the same;
// Telegram offers no way to tell, so a retry then risks the rare
// duplicate rather than a lost reply.
type retrier struct {
	next          HTTPClient
	backoff       adapter.Backoff
	maxRetryAfter time.Duration // a longer 429 wait gives up instead
	pollTimeout   time.Duration
	wait          func(ctx context.Context, d time.Duration) error
	now           func() time.Time
	log           *slog.Logger
	redact        func(string) string
}

// attemptTimeout bounds one try: a long poll may take its whole timeout,
// anything else should be quick.
func (t *retrier) attemptTimeout(method string) time.Duration {
	if method == "getUpdates" {
		return t.pollTimeout + 15*time.Second
	}
	return 45 * time.Second
}

// Why a request was given up, as the undelivered metric's reason label.
const (
	reasonServerError = "server_error" // 5xx answers for the whole back-off
	reasonNetwork     = "network"      // no answer for the whole back-off
	reasonRateLimited = "rate_limited" // 429 with a wait too long
	reasonTimeout     = "timeout"      // the reply's own deadline passed
	reasonShutdown    = "shutdown"     // SHUTDOWN_TIMEOUT cut it short
	reasonForbidden   = "forbidden"    // 403: blocked by the user, or not in the chat
	reasonRejected    = "rejected"     // another 4xx: the Bot API refused it
)

// gaveUpError is a request the retrier stopped trying.
type gaveUpError struct {
	method   string
	reason   string
	attempts int
	last     string // the last failure: an error or a status
}

func (e *gaveUpError) Error() string {
	return fmt.Sprintf("%s: gave up after %d attempts: %s", e.method, e.attempts, e.last)
}

func (t *retrier) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	method := path.Base(req.URL.Path)
	// The library streams the form through a pipe; keep it to send again.
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s request: %w", method, err)
		}
		body = b
	}
	start := t.now()
	for attempt := 0; ; attempt++ {
		resp, data, err := t.try(req, body, method)
		var answered *answeredError
		var delay time.Duration
		var reason, last string
		switch {
		case errors.As(err, &answered):
			return nil, err
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil:
			delay, reason, last = t.backoff.Delay(attempt), reasonNetwork, t.redact(err.Error())
			t.log.Warn("telegram request failed", "method", method, "attempt", attempt+1, "err", last)
		case resp.StatusCode == http.StatusTooManyRequests || apiErrorCode(data) == http.StatusTooManyRequests:
			delay, reason, last = retryAfter(resp, data), reasonRateLimited, "429 Too Many Requests"
			t.log.Warn("telegram rate limit", "method", method, "attempt", attempt+1, "retry_after_s", delay.Seconds())
			if delay > t.maxRetryAfter {
				return nil, &gaveUpError{method: method, reason: reason, attempts: attempt + 1, last: fmt.Sprintf("%s: asked to wait %s", last, delay)}
			}
		case resp.StatusCode >= 500:
			delay, reason, last = t.backoff.Delay(attempt), reasonServerError, resp.Status
			t.log.Warn("telegram server error", "method", method, "attempt", attempt+1, "status", resp.StatusCode)
		default:
			return resp, nil
		}
		if t.backoff.GiveUp(start, t.now()) {
			return nil, &gaveUpError{method: method, reason: reason, attempts: attempt + 1, last: last}
		}
		if werr := t.wait(ctx, delay); werr != nil {
			return nil, werr
		}
	}
}

// try sends the request once and reads the whole answer, so that the
// attempt's own deadline can end with it.
func (t *retrier) try(req *http.Request, body []byte, method string) (*http.Response, []byte, error) {
	ctx, cancel := context.WithTimeout(req.Context(), t.attemptTimeout(method))
	defer cancel()
	r := req.Clone(ctx)
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	resp, err := t.next.Do(r)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		if resp.StatusCode/100 == 2 {
			// Telegram has acted on the request; sending it again could
			// answer twice. Report the failure instead.
			return nil, nil, &answeredError{method: method, err: err}
		}
		return nil, nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	return resp, data, nil
}

// answeredError is a request that Telegram accepted but whose answer was
// lost on the way back; it is never retried.
type answeredError struct {
	method string
	err    error
}

func (e *answeredError) Error() string {
	return fmt.Sprintf("read %s answer: %v", e.method, e.err)
}

func (e *answeredError) Unwrap() error { return e.err }

// apiErrorCode reads error_code from a Bot API answer, or 0.
func apiErrorCode(data []byte) int {
	var a struct {
		OK        bool `json:"ok"`
		ErrorCode int  `json:"error_code"`
	}
	if json.Unmarshal(data, &a) != nil || a.OK {
		return 0
	}
	return a.ErrorCode
}

// retryAfter reads how long Telegram asks to wait: parameters.retry_after
// in the answer, else the Retry-After header, else a second.
func retryAfter(resp *http.Response, data []byte) time.Duration {
	var a struct {
		Parameters struct {
			RetryAfter int `json:"retry_after"`
		} `json:"parameters"`
	}
	if json.Unmarshal(data, &a) == nil && a.Parameters.RetryAfter > 0 {
		return time.Duration(a.Parameters.RetryAfter) * time.Second
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return time.Second
}
