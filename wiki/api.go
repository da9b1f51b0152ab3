package wiki

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultAPIURL is English Wikipedia's Action API.
const DefaultAPIURL = "https://en.wikipedia.org/w/api.php"

// A Client fetches pages' current wikitext from a MediaWiki Action API as
// Wikimedia asks API clients to behave: a User-Agent that names the
// program and a contact, gzip, one request at a time, maxlag, Retry-After
// honoured, bounded retries with back-off, a timeout per request.
type Client struct {
	// URL is the API endpoint (DefaultAPIURL).
	URL string
	// UserAgent names the program, its version and a contact address:
	// "electionbot/1.2 (https://github.com/electionbot/electionbot)".
	UserAgent string
	// HTTP sends the requests; nil is a client without a timeout of its
	// own (Timeout bounds each request).
	HTTP *http.Client
	// Timeout bounds each request; 0 is 30 seconds.
	Timeout time.Duration
	// Retries is how many times a failed request is tried again; negative
	// is none, 0 is DefaultRetries.
	Retries int
	// Backoff is the first wait before a retry; it doubles each time. 0 is
	// one second.
	Backoff time.Duration
	// Wait waits d or until ctx is done; nil waits on a timer. Tests pass
	// one that records the wait and returns at once.
	Wait func(ctx context.Context, d time.Duration) error

	mu sync.Mutex // one request in flight
}

// Defaults of a Client.
const (
	DefaultRetries = 4
	defaultTimeout = 30 * time.Second
	// maxLag asks the API to refuse the request while its replicas lag
	// more than this many seconds, as Wikimedia asks of bots.
	maxLag = "5"
	// batchSize is how many titles one request asks for (the API's limit
	// for ordinary clients is 50).
	batchSize = 50
	// maxBody bounds a decoded response.
	maxBody = 256 << 20
	// maxWait bounds a wait the server asks for.
	maxWait = 2 * time.Minute
	// maxContinue bounds the follow-up requests of one batch.
	maxContinue = 50
)

// A Page is one fetched page, or why it could not be.
type Page struct {
	// Requested is the title as asked for; Title the page's own, after
	// normalisation and redirects.
	Requested string
	Title     string
	// Redirects are the titles passed through on the way ("A", "B").
	Redirects    []string
	Revision     int64
	RevisionTime time.Time
	Content      string
	// Err says why the page is not there: ErrMissing, ErrRedirectLoop,
	// or another error (an invalid title, the API unreachable).
	Err error
}

// Errors a Page may carry.
var (
	ErrMissing      = errors.New("no such page")
	ErrRedirectLoop = errors.New("redirect loop")
)

// Fetch gets the current revision of each title, several titles a
// request. Every title gets a Page, in order; per-page failures are in
// Page.Err. The error is for the context only.
func (c *Client) Fetch(ctx context.Context, titles []string) ([]Page, error) {
	out := make([]Page, 0, len(titles))
	for len(titles) > 0 {
		n := min(len(titles), batchSize)
		pages, err := c.fetchBatch(ctx, titles[:n])
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		if err != nil {
			for _, t := range titles[:n] {
				out = append(out, Page{Requested: t, Err: err})
			}
		} else {
			out = append(out, pages...)
		}
		titles = titles[n:]
	}
	return out, nil
}

// The API's answer, formatversion=2.
type apiResponse struct {
	Batchcomplete bool              `json:"batchcomplete"`
	Continue      map[string]string `json:"continue"`
	Error         *apiError         `json:"error"`
	Query         struct {
		Normalized []fromTo   `json:"normalized"`
		Redirects  []fromTo   `json:"redirects"`
		Interwiki  []apiTitle `json:"interwiki"`
		Pages      []apiPage  `json:"pages"`
	} `json:"query"`
}

type apiError struct {
	Code string  `json:"code"`
	Info string  `json:"info"`
	Lag  float64 `json:"lag"`
}

type fromTo struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type apiTitle struct {
	Title string `json:"title"`
}

type apiPage struct {
	Title         string `json:"title"`
	Missing       bool   `json:"missing"`
	Invalid       bool   `json:"invalid"`
	InvalidReason string `json:"invalidreason"`
	Revisions     []struct {
		RevID     int64  `json:"revid"`
		Timestamp string `json:"timestamp"`
		Slots     struct {
			Main struct {
				ContentModel string `json:"contentmodel"`
				Content      string `json:"content"`
			} `json:"main"`
		} `json:"slots"`
	} `json:"revisions"`
}

// fetchBatch asks for titles in one request (and its continuations).
func (c *Client) fetchBatch(ctx context.Context, titles []string) ([]Page, error) {
	q := url.Values{}
	q.Set("action", "query")
	q.Set("prop", "revisions")
	q.Set("rvprop", "content|ids|timestamp")
	q.Set("rvslots", "main")
	q.Set("format", "json")
	q.Set("formatversion", "2")
	q.Set("redirects", "1")
	q.Set("maxlag", maxLag)
	q.Set("titles", strings.Join(titles, "|"))
	var all apiResponse
	for i := 0; ; i++ {
		resp, err := c.get(ctx, q)
		if err != nil {
			return nil, err
		}
		all.Query.Normalized = append(all.Query.Normalized, resp.Query.Normalized...)
		all.Query.Redirects = append(all.Query.Redirects, resp.Query.Redirects...)
		all.Query.Interwiki = append(all.Query.Interwiki, resp.Query.Interwiki...)
		all.Query.Pages = mergePages(all.Query.Pages, resp.Query.Pages)
		if len(resp.Continue) == 0 || i >= maxContinue {
			break
		}
		for k, v := range resp.Continue {
			q.Set(k, v)
		}
	}
	return resolve(titles, &all), nil
}

// mergePages adds a continuation's pages to those already had, filling in
// revisions the first answer left out.
func mergePages(have, more []apiPage) []apiPage {
	for _, p := range more {
		found := false
		for i := range have {
			if have[i].Title == p.Title {
				found = true
				if len(have[i].Revisions) == 0 {
					have[i].Revisions = p.Revisions
				}
			}
		}
		if !found {
			have = append(have, p)
		}
	}
	return have
}

// resolve matches each requested title with its page, through the API's
// normalisations and redirects.
func resolve(titles []string, r *apiResponse) []Page {
	norm := map[string]string{}
	for _, n := range r.Query.Normalized {
		norm[n.From] = n.To
	}
	redir := map[string]string{}
	for _, n := range r.Query.Redirects {
		redir[n.From] = n.To
	}
	interwiki := map[string]bool{}
	for _, t := range r.Query.Interwiki {
		interwiki[t.Title] = true
	}
	pages := map[string]*apiPage{}
	for i := range r.Query.Pages {
		pages[r.Query.Pages[i].Title] = &r.Query.Pages[i]
	}
	out := make([]Page, len(titles))
	for i, t := range titles {
		p := Page{Requested: t}
		cur := t
		if n, ok := norm[cur]; ok {
			cur = n
		}
		seen := map[string]bool{cur: true}
		for {
			next, ok := redir[cur]
			if !ok {
				break
			}
			p.Redirects = append(p.Redirects, cur)
			if seen[next] {
				p.Err = fmt.Errorf("%w: %s", ErrRedirectLoop, strings.Join(append(p.Redirects, next), " → "))
				break
			}
			seen[next] = true
			cur = next
		}
		p.Title = cur
		if p.Err == nil {
			p.Err = fillPage(&p, pages[cur], interwiki[cur])
		}
		out[i] = p
	}
	return out
}

func fillPage(p *Page, ap *apiPage, interwiki bool) error {
	switch {
	case interwiki:
		return fmt.Errorf("%q is a link to another wiki", p.Title)
	case ap == nil, ap.Missing:
		return ErrMissing
	case ap.Invalid:
		return fmt.Errorf("invalid title: %s", ap.InvalidReason)
	case len(ap.Revisions) == 0:
		return errors.New("the API returned no revision of the page")
	}
	rev := ap.Revisions[0]
	if m := rev.Slots.Main.ContentModel; m != "" && m != "wikitext" {
		return fmt.Errorf("the page is %s, not wikitext", m)
	}
	p.Title = ap.Title
	p.Revision = rev.RevID
	p.RevisionTime, _ = time.Parse(time.RFC3339, rev.Timestamp)
	p.Content = rev.Slots.Main.Content
	return nil
}

// An httpError is a failed request; retryable ones are tried again.
type httpError struct {
	status     int
	retryAfter time.Duration
	msg        string
}

func (e *httpError) Error() string { return e.msg }

// get sends one API request, retrying what may pass: network errors, 5xx
// and 429 answers and the maxlag error (waiting as long as the server
// asks in Retry-After, else backing off).
func (c *Client) get(ctx context.Context, q url.Values) (*apiResponse, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	retries := c.Retries
	switch {
	case retries == 0:
		retries = DefaultRetries
	case retries < 0:
		retries = 0
	}
	backoff := c.Backoff
	if backoff <= 0 {
		backoff = time.Second
	}
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, q)
		if err == nil {
			return resp, nil
		}
		var he *httpError
		retryable := errors.As(err, &he) && (he.status == http.StatusTooManyRequests || he.status >= 500 || he.status == 0)
		if !retryable || attempt >= retries || ctx.Err() != nil {
			if attempt > 0 {
				return nil, fmt.Errorf("%w (after %d tries)", err, attempt+1)
			}
			return nil, err
		}
		wait := backoff << attempt
		if he.retryAfter > 0 {
			wait = he.retryAfter
		}
		if err := c.wait(ctx, min(wait, maxWait)); err != nil {
			return nil, err
		}
	}
}

func (c *Client) wait(ctx context.Context, d time.Duration) error {
	if c.Wait != nil {
		return c.Wait(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// once sends one request.
func (c *Client) once(ctx context.Context, q url.Values) (*apiResponse, error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.URL+"?"+q.Encode(), nil)
	if err != nil {
		return nil, fmt.Errorf("build the request: %w", err)
	}
	req.Header.Set("User-Agent", c.UserAgent)
	req.Header.Set("Accept", "application/json")
	// Asked for explicitly, gzip is not decoded by net/http: body() does.
	req.Header.Set("Accept-Encoding", "gzip")
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		return nil, &httpError{msg: fmt.Sprintf("the API at %s is unreachable: %v", c.URL, unwrapURLError(err))}
	}
	defer res.Body.Close()
	retryAfter := parseRetryAfter(res.Header.Get("Retry-After"), time.Now())
	if res.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
		return nil, &httpError{status: res.StatusCode, retryAfter: retryAfter,
			msg: fmt.Sprintf("the API answered %s", res.Status)}
	}
	body, err := readBody(res)
	if err != nil {
		return nil, &httpError{msg: fmt.Sprintf("read the API's answer: %v", err)}
	}
	var r apiResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("the API's answer is not the JSON it should be: %w", err)
	}
	if r.Error != nil {
		if r.Error.Code == "maxlag" {
			// The replicas lag: wait as asked (Retry-After), or the lag.
			if retryAfter == 0 {
				retryAfter = time.Duration(max(r.Error.Lag, 1) * float64(time.Second))
			}
			return nil, &httpError{status: http.StatusServiceUnavailable, retryAfter: retryAfter,
				msg: "the API is lagging (maxlag): " + r.Error.Info}
		}
		return nil, fmt.Errorf("the API refused the request: %s: %s", r.Error.Code, r.Error.Info)
	}
	return &r, nil
}

// readBody reads a response, gunzipping it when the server compressed it.
func readBody(res *http.Response) ([]byte, error) {
	var r io.Reader = res.Body
	if strings.EqualFold(res.Header.Get("Content-Encoding"), "gzip") {
		gz, err := gzip.NewReader(res.Body)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		defer gz.Close()
		r = gz
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBody+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxBody {
		return nil, fmt.Errorf("the answer is larger than %d bytes", maxBody)
	}
	return b, nil
}

// parseRetryAfter reads Retry-After: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// unwrapURLError drops the method and address net/http puts before a
// network error; the message names the API already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
