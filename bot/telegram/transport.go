package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"path"
	"strconv"
	"time"
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
// a bounded number of times. An answer with a 2xx status is never sent
// again: the Bot API has done what was asked. A request cut off by the
// network may have reached Telegram all the same; Telegram offers no way
// to tell, so a retry then risks the rare duplicate rather than a lost
// reply.
type retrier struct {
	next          HTTPClient
	maxRetries    int
	backoff       time.Duration // before the first retry; doubles
	maxBackoff    time.Duration
	maxRetryAfter time.Duration // a longer 429 wait gives up instead
	pollTimeout   time.Duration
	wait          func(ctx context.Context, d time.Duration) error
	log           *slog.Logger
	redact        func(string) string
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// attemptTimeout bounds one try: a long poll may take its whole timeout,
// anything else should be quick.
func (t *retrier) attemptTimeout(method string) time.Duration {
	if method == "getUpdates" {
		return t.pollTimeout + 15*time.Second
	}
	return 45 * time.Second
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
	for attempt := 0; ; attempt++ {
		resp, data, err := t.try(req, body, method)
		var answered *answeredError
		var delay time.Duration
		switch {
		case errors.As(err, &answered):
			return nil, err
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil:
			delay = t.backoffFor(attempt)
			t.log.Warn("telegram request failed", "method", method, "attempt", attempt+1, "err", t.redact(err.Error()))
		case resp.StatusCode == http.StatusTooManyRequests || apiErrorCode(data) == http.StatusTooManyRequests:
			delay = retryAfter(resp, data)
			t.log.Warn("telegram rate limit", "method", method, "attempt", attempt+1, "retry_after_s", delay.Seconds())
			if delay > t.maxRetryAfter {
				return resp, nil
			}
		case resp.StatusCode >= 500:
			delay = t.backoffFor(attempt)
			t.log.Warn("telegram server error", "method", method, "attempt", attempt+1, "status", resp.StatusCode)
		default:
			return resp, nil
		}
		if attempt >= t.maxRetries {
			if err != nil {
				return nil, err
			}
			return resp, nil
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

func (t *retrier) backoffFor(attempt int) time.Duration {
	d := t.backoff << min(attempt, 20)
	if d <= 0 || d > t.maxBackoff {
		d = t.maxBackoff
	}
	// Jitter spreads the retries of many replicas.
	return d/2 + rand.N(d/2+1)
}

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
