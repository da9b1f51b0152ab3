// Package fakewiki is a stand-in MediaWiki Action API for tests. It
// answers the query electionbot import sends (action=query,
// prop=revisions, formatversion=2) with the JSON Wikipedia sends:
// query.pages[].revisions[].slots.main.content, "normalized", "redirects"
// and "missing"; it gzips when asked, refuses a request without a
// User-Agent with 403 as Wikimedia does, and can answer 429 with
// Retry-After, the maxlag error or 503 a set number of times first.
package fakewiki

import (
	"compress/gzip"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// A Page is one page the API knows.
type Page struct {
	Title     string
	Revision  int64
	Timestamp time.Time
	Content   string
}

// A Server is the stand-in API; its URL is Server.URL + "/w/api.php".
type Server struct {
	*httptest.Server

	mu        sync.Mutex
	pages     map[string]Page
	redirects map[string]string
	// Answers to give before the real one, in order: 429, "maxlag" or 503.
	faults []string
	// RetryAfter is the Retry-After of 429 and maxlag answers, in seconds.
	retryAfter string
	// ContentPerRequest, when above 0, puts at most that many pages'
	// content in one answer and the rest behind "continue", as the API
	// does for large pages.
	contentPerRequest int

	requests []Request
	inFlight int
	// MaxInFlight is the most requests it ever served at once.
	maxInFlight int
}

// A Request is what the server saw of one request.
type Request struct {
	Query          url.Values
	UserAgent      string
	AcceptEncoding string
	Status         int
}

// New starts a server with pages and redirects (from title to title).
func New(pages []Page, redirects map[string]string) *Server {
	s := &Server{pages: map[string]Page{}, redirects: redirects, retryAfter: "1"}
	for _, p := range pages {
		s.pages[p.Title] = p
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// APIURL is the address of the API endpoint.
func (s *Server) APIURL() string { return s.URL + "/w/api.php" }

// Fail makes the next requests answer these faults, in order: "429"
// (with Retry-After), "maxlag" (the API's lag error, with Retry-After) or
// "503".
func (s *Server) Fail(retryAfter string, faults ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.retryAfter = retryAfter
	s.faults = append(s.faults, faults...)
}

// SplitContent puts at most n pages' content in one answer.
func (s *Server) SplitContent(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.contentPerRequest = n
}

// Requests returns the requests served so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// MaxInFlight is the most requests the server ever held at once.
func (s *Server) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxInFlight
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	req := Request{Query: r.URL.Query(), UserAgent: r.Header.Get("User-Agent"), AcceptEncoding: r.Header.Get("Accept-Encoding")}
	status, body, header := s.answer(r, req)
	req.Status = status
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()

	for k, v := range header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if strings.Contains(req.AcceptEncoding, "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(status)
		gz := gzip.NewWriter(w)
		gz.Write(body)
		gz.Close()
		return
	}
	w.WriteHeader(status)
	w.Write(body)
}

// answer decides the reply; s.mu is held.
func (s *Server) answer(r *http.Request, req Request) (int, []byte, map[string]string) {
	if r.URL.Path != "/w/api.php" {
		return http.StatusNotFound, []byte(`{}`), nil
	}
	ua := req.UserAgent
	if ua == "" || strings.HasPrefix(ua, "Go-http-client") {
		return http.StatusForbidden, []byte(`{"error":{"code":"forbidden","info":"Please set a user-agent and respect our robot policy https://w.wiki/4wJS."}}`), nil
	}
	if len(s.faults) > 0 {
		f := s.faults[0]
		s.faults = s.faults[1:]
		switch f {
		case "429":
			return http.StatusTooManyRequests, []byte(`{"error":{"code":"ratelimited","info":"Too many requests"}}`), map[string]string{"Retry-After": s.retryAfter}
		case "maxlag":
			return http.StatusOK, []byte(`{"error":{"code":"maxlag","info":"Waiting for 10.64.16.8: 7 seconds lagged.","host":"10.64.16.8","lag":7,"type":"db"},"servedby":"mw1"}`),
				map[string]string{"Retry-After": s.retryAfter, "X-Database-Lag": "7"}
		default:
			return http.StatusServiceUnavailable, []byte(`upstream connect error`), nil
		}
	}
	q := req.Query
	want := map[string]string{"action": "query", "prop": "revisions", "rvprop": "content|ids|timestamp",
		"rvslots": "main", "format": "json", "formatversion": "2", "redirects": "1"}
	for k, v := range want {
		if q.Get(k) != v {
			return http.StatusOK, mustJSON(map[string]any{"error": map[string]string{"code": "badparams", "info": "unexpected " + k + "=" + q.Get(k)}}), nil
		}
	}
	return http.StatusOK, s.query(q), nil
}

// query answers a revisions query for the titles asked.
func (s *Server) query(q url.Values) []byte {
	var normalized, redirects []map[string]any
	var pages []map[string]any
	seenPage := map[string]bool{}
	withContent := 0
	skip := 0
	if c := q.Get("rvcontinue"); c != "" {
		skip = len(c) // the stand-in's continue token is as long as the pages already sent
	}
	for _, t := range strings.Split(q.Get("titles"), "|") {
		title := normalize(t)
		if title != t {
			normalized = append(normalized, map[string]any{"fromencoded": false, "from": t, "to": title})
		}
		seen := map[string]bool{title: true}
		for {
			to, ok := s.redirects[title]
			if !ok {
				break
			}
			redirects = append(redirects, map[string]any{"from": title, "to": to})
			if seen[to] {
				break
			}
			seen[to] = true
			title = to
		}
		if seenPage[title] {
			continue
		}
		seenPage[title] = true
		p, ok := s.pages[title]
		switch {
		case title == "" || strings.ContainsAny(title, "[]{}<>|"):
			pages = append(pages, map[string]any{"title": t, "invalidreason": "The requested page title is empty or contains only the name of a namespace.", "invalid": true})
		case !ok:
			pages = append(pages, map[string]any{"ns": 0, "title": title, "missing": true})
		default:
			page := map[string]any{"pageid": 1000 + len(pages), "ns": 0, "title": p.Title}
			if withContent >= skip && (s.contentPerRequest == 0 || withContent-skip < s.contentPerRequest) {
				page["revisions"] = []map[string]any{{
					"revid": p.Revision, "parentid": p.Revision - 1, "timestamp": p.Timestamp.UTC().Format(time.RFC3339),
					"slots": map[string]any{"main": map[string]any{"contentmodel": "wikitext", "contentformat": "text/x-wiki", "content": p.Content}},
				}}
			}
			withContent++
			pages = append(pages, page)
		}
	}
	out := map[string]any{"batchcomplete": true}
	query := map[string]any{"pages": pages}
	if normalized != nil {
		query["normalized"] = normalized
	}
	if redirects != nil {
		query["redirects"] = redirects
	}
	out["query"] = query
	if s.contentPerRequest > 0 && withContent > skip+s.contentPerRequest {
		delete(out, "batchcomplete")
		out["continue"] = map[string]string{"rvcontinue": strings.Repeat("x", skip+s.contentPerRequest), "continue": "||"}
	}
	return mustJSON(out)
}

// normalize does what MediaWiki does to a title: underscores to spaces,
// spaces trimmed, the first letter upper case.
func normalize(t string) string {
	t = strings.Join(strings.Fields(strings.ReplaceAll(t, "_", " ")), " ")
	r, n := utf8.DecodeRuneInString(t)
	if n == 0 {
		return t
	}
	return string(unicode.ToUpper(r)) + t[n:]
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings and numbers always marshal
	}
	return b
}
