package wiki_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/internal/fakewiki"
	"github.com/electionbot/electionbot/wiki"
)

var pageTime = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func newAPI(t *testing.T) *fakewiki.Server {
	t.Helper()
	s := fakewiki.New([]fakewiki.Page{
		{Title: "2017 Subotica City Assembly election", Revision: 1201, Timestamp: pageTime, Content: "{{Infobox election|election_name=Subotica}}"},
		{Title: "2010 Serbian presidential election", Revision: 1202, Timestamp: pageTime, Content: "Presidential."},
		{Title: "Loop A", Revision: 1, Timestamp: pageTime, Content: "#REDIRECT [[Loop B]]"},
	}, map[string]string{
		"Subotica election 2017": "2017 Subotica City Assembly election",
		"Loop A":                 "Loop B",
		"Loop B":                 "Loop A",
	})
	t.Cleanup(s.Close)
	return s
}

// waits records the client's waits instead of waiting.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) wait(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
	return ctx.Err()
}

func (w *waits) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

func newClient(s *fakewiki.Server, w *waits) *wiki.Client {
	return &wiki.Client{URL: s.APIURL(), UserAgent: "electionbot-test/1.0 (https://example.org/contact)", Wait: w.wait}
}

func TestFetch(t *testing.T) {
	s := newAPI(t)
	c := newClient(s, &waits{})
	titles := []string{"2017 Subotica City Assembly election", "2010_Serbian_presidential election", "Subotica election 2017", "No such election", "Loop A"}
	pages, err := c.Fetch(context.Background(), titles)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(titles) {
		t.Fatalf("Fetch returned %d pages; want %d", len(pages), len(titles))
	}
	tests := []struct {
		title, wantTitle string
		rev              int64
		err              error
		redirects        int
	}{
		{titles[0], "2017 Subotica City Assembly election", 1201, nil, 0},
		{titles[1], "2010 Serbian presidential election", 1202, nil, 0},
		{titles[2], "2017 Subotica City Assembly election", 1201, nil, 1},
		{titles[3], "No such election", 0, wiki.ErrMissing, 0},
		{titles[4], "", 0, wiki.ErrRedirectLoop, 2},
	}
	for i, tt := range tests {
		p := pages[i]
		if p.Requested != tt.title {
			t.Errorf("page %d Requested = %q; want %q", i, p.Requested, tt.title)
		}
		if !errors.Is(p.Err, tt.err) || (tt.err == nil) != (p.Err == nil) {
			t.Errorf("Fetch(%q).Err = %v; want %v", tt.title, p.Err, tt.err)
			continue
		}
		if tt.err != nil {
			continue
		}
		if p.Title != tt.wantTitle || p.Revision != tt.rev || !p.RevisionTime.Equal(pageTime) || p.Content == "" || len(p.Redirects) != tt.redirects {
			t.Errorf("Fetch(%q) = %q rev %d at %v, %d redirects; want %q rev %d at %v, %d redirects",
				tt.title, p.Title, p.Revision, p.RevisionTime, len(p.Redirects), tt.wantTitle, tt.rev, pageTime, tt.redirects)
		}
	}
	if got := pages[4].Err.Error(); !strings.Contains(got, "Loop A → Loop B → Loop A") {
		t.Errorf("redirect loop error = %q; want the loop spelled out", got)
	}
	reqs := s.Requests()
	if len(reqs) != 1 {
		t.Fatalf("Fetch of %d titles sent %d requests; want 1", len(titles), len(reqs))
	}
	q := reqs[0]
	for k, v := range map[string]string{"action": "query", "prop": "revisions", "rvprop": "content|ids|timestamp",
		"rvslots": "main", "format": "json", "formatversion": "2", "redirects": "1", "maxlag": "5",
		"titles": strings.Join(titles, "|")} {
		if got := q.Query.Get(k); got != v {
			t.Errorf("request %s = %q; want %q", k, got, v)
		}
	}
	if q.UserAgent != c.UserAgent || q.AcceptEncoding != "gzip" {
		t.Errorf("request User-Agent %q, Accept-Encoding %q; want %q and gzip", q.UserAgent, q.AcceptEncoding, c.UserAgent)
	}
}

func TestFetchWithoutUserAgentIsRefused(t *testing.T) {
	s := newAPI(t)
	w := &waits{}
	c := newClient(s, w)
	c.UserAgent = ""
	pages, err := c.Fetch(context.Background(), []string{"2017 Subotica City Assembly election"})
	if err != nil {
		t.Fatal(err)
	}
	if pages[0].Err == nil || !strings.Contains(pages[0].Err.Error(), "403") {
		t.Errorf("Fetch without a User-Agent: err = %v; want the API's 403", pages[0].Err)
	}
	if len(w.all()) != 0 {
		t.Errorf("a 403 was retried after %v; want no retry", w.all())
	}
}

func TestFetchRetries(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter string
		faults     []string
		waits      []time.Duration
		ok         bool
	}{
		{"429 with Retry-After", "7", []string{"429"}, []time.Duration{7 * time.Second}, true},
		{"maxlag", "5", []string{"maxlag"}, []time.Duration{5 * time.Second}, true},
		{"5xx backs off", "", []string{"503", "503"}, []time.Duration{time.Second, 2 * time.Second}, true},
		{"gives up", "", []string{"503", "503", "503", "503", "503"}, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}, false},
		{"429 without Retry-After backs off", "", []string{"429"}, []time.Duration{time.Second}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newAPI(t)
			s.Fail(tt.retryAfter, tt.faults...)
			w := &waits{}
			pages, err := newClient(s, w).Fetch(context.Background(), []string{"2017 Subotica City Assembly election"})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(w.all()); got != fmt.Sprint(tt.waits) {
				t.Errorf("waits = %s; want %s", got, fmt.Sprint(tt.waits))
			}
			if ok := pages[0].Err == nil; ok != tt.ok {
				t.Errorf("Fetch err = %v; want success %v", pages[0].Err, tt.ok)
			}
			if !tt.ok && !strings.Contains(pages[0].Err.Error(), "after 5 tries") {
				t.Errorf("Fetch err = %v; want it to say how often it tried", pages[0].Err)
			}
		})
	}
}

func TestFetchUnreachable(t *testing.T) {
	s := newAPI(t)
	url := s.APIURL()
	s.Close()
	w := &waits{}
	c := &wiki.Client{URL: url, UserAgent: "x/1 (y)", Wait: w.wait, Retries: 2}
	pages, err := c.Fetch(context.Background(), []string{"A", "B"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p.Err == nil || !strings.Contains(p.Err.Error(), "unreachable") {
			t.Errorf("Fetch(%s) err = %v; want the API unreachable", p.Requested, p.Err)
		}
	}
	if len(w.all()) != 2 {
		t.Errorf("waits = %v; want 2 retries", w.all())
	}
}

func TestFetchContinues(t *testing.T) {
	s := newAPI(t)
	s.SplitContent(1)
	pages, err := newClient(s, &waits{}).Fetch(context.Background(), []string{"2017 Subotica City Assembly election", "2010 Serbian presidential election"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p.Err != nil || p.Content == "" {
			t.Errorf("Fetch(%s) = %q, %v; want its content from the continuation", p.Requested, p.Content, p.Err)
		}
	}
	if n := len(s.Requests()); n != 2 {
		t.Errorf("requests = %d; want 2 (the first and its continuation)", n)
	}
}

func TestFetchBatchesAndOneAtATime(t *testing.T) {
	s := newAPI(t)
	c := newClient(s, &waits{})
	titles := make([]string, 120)
	for i := range titles {
		titles[i] = fmt.Sprintf("Page %d", i)
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Fetch(context.Background(), titles); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := len(s.Requests()); n != 9 {
		t.Errorf("3 fetches of 120 titles sent %d requests; want 9 (50 titles a request)", n)
	}
	if m := s.MaxInFlight(); m != 1 {
		t.Errorf("at most %d requests were in flight; want 1", m)
	}
}

func TestPageTitle(t *testing.T) {
	tests := []struct{ arg, want string }{
		{"2014 Belgrade City Assembly election", "2014 Belgrade City Assembly election"},
		{"  2014_Belgrade_City_Assembly_election ", "2014 Belgrade City Assembly election"},
		{"https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election", "2014 Belgrade City Assembly election"},
		{"https://en.m.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election#Results", "2014 Belgrade City Assembly election"},
		{"https://sr.wikipedia.org/wiki/%D0%98%D0%B7%D0%B1%D0%BE%D1%80%D0%B8", "Избори"},
		{"http://en.wikipedia.org/wiki/2020_Novi_Sad_City_Assembly_election?oldid=5", "2020 Novi Sad City Assembly election"},
		{"en.wikipedia.org/wiki/Zaje%C4%8Dar", "Zaječar"},
		{"//en.wikipedia.org/wiki/A%2FB_(c)", "A/B (c)"},
		{"https://en.wikipedia.org/w/index.php?title=2016_Ni%C5%A1_election&oldid=123", "2016 Niš election"},
		{"Elections in Serbia#2014", "Elections in Serbia"},
	}
	for _, tt := range tests {
		got, err := wiki.PageTitle(tt.arg)
		if err != nil || got != tt.want {
			t.Errorf("PageTitle(%q) = %q, %v; want %q", tt.arg, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "  ", "https://example.org/about", "a|b", "[[x]]", "#only"} {
		if got, err := wiki.PageTitle(bad); !errors.Is(err, wiki.ErrNotTitle) {
			t.Errorf("PageTitle(%q) = %q, %v; want ErrNotTitle", bad, got, err)
		}
	}
}

func TestNewSource(t *testing.T) {
	rt := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	s := wiki.NewSource(wiki.DefaultAPIURL, "2016 Niš City Assembly election (Serbia)", 42, rt, rt)
	if want := "https://en.wikipedia.org/w/index.php?title=2016_Ni%C5%A1_City_Assembly_election_(Serbia)&oldid=42"; s.URL != want {
		t.Errorf("URL = %q; want %q", s.URL, want)
	}
	if want := "https://en.wikipedia.org/wiki/2016_Ni%C5%A1_City_Assembly_election_(Serbia)"; s.Page != want {
		t.Errorf("Page = %q; want %q", s.Page, want)
	}
	if s.Licence != "CC BY-SA 4.0" || s.Attribution != "Wikipedia contributors" {
		t.Errorf("licence %q, attribution %q; want CC BY-SA 4.0 and Wikipedia contributors", s.Licence, s.Attribution)
	}
	if got := wiki.NewSource("https://sr.wikipedia.org/w/api.php", "A&B=C?", 1, rt, rt).URL; got != "https://sr.wikipedia.org/w/index.php?title=A%26B%3DC%3F&oldid=1" {
		t.Errorf("Serbian Wikipedia URL = %q", got)
	}
	if got := wiki.NewSource("http://127.0.0.1:8080/w/api.php", "A", 1, rt, rt).Page; got != "https://en.wikipedia.org/wiki/A" {
		t.Errorf("a stand-in API's page = %q; want English Wikipedia's", got)
	}
}
