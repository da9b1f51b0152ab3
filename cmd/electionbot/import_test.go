package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/electionbot/electionbot/internal/fakewiki"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/wiki"
)

var revTime = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

// fixture reads one of the converter's wikitext fixtures.
func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "wiki", "testdata", name+".wikitext"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// newWiki is a stand-in Wikipedia with two election articles, a redirect
// to one, a biography and a redirect loop.
func newWiki(t *testing.T) *fakewiki.Server {
	t.Helper()
	s := fakewiki.New([]fakewiki.Page{
		{Title: "2017 Subotica City Assembly election", Revision: 771001, Timestamp: revTime, Content: fixture(t, "subotica-2017")},
		{Title: "2015 Montenegrin parliamentary election", Revision: 771002, Timestamp: revTime, Content: fixture(t, "montenegro-2015")},
		{Title: "Bogdan Laban", Revision: 771003, Timestamp: revTime, Content: "{{Infobox officeholder|name=Bogdan Laban}}\n'''Bogdan Laban''' is a Serbian politician."},
	}, map[string]string{
		"Subotica election 2017": "2017 Subotica City Assembly election",
		"Loop one":               "Loop two",
		"Loop two":               "Loop one",
	})
	t.Cleanup(s.Close)
	return s
}

// importRun runs "electionbot import" with a client that records its
// waits instead of waiting.
func importRun(t *testing.T, s *fakewiki.Server, env map[string]string, args ...string) (code int, stdout, stderr string, waits []time.Duration) {
	t.Helper()
	var out, errb bytes.Buffer
	get := func(k string) string { return env[k] }
	o, err := parseImport(args, get, &errb)
	if err != nil {
		t.Fatalf("parseImport(%q): %v", args, err)
	}
	var mu sync.Mutex
	o.client = &wiki.Client{URL: o.apiURL, UserAgent: userAgent(), Wait: func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		waits = append(waits, d)
		return nil
	}}
	o.now = func() time.Time { return time.Date(2025, 5, 6, 7, 8, 9, 0, time.UTC) }
	code = o.run(t.Context(), &out, &errb)
	return code, out.String(), errb.String(), waits
}

func TestImport(t *testing.T) {
	s := newWiki(t)
	dir := t.TempDir()
	code, _, stderr, _ := importRun(t, s, map[string]string{"ELECTIONBOT_DATA": dir, "WIKIPEDIA_API_URL": s.APIURL()},
		"2017 Subotica City Assembly election",
		"https://en.wikipedia.org/wiki/2015_Montenegrin_parliamentary_election#Results",
		"Subotica_election_2017",
		"No such election",
		"Bogdan Laban",
		"Loop one",
		"[[not a title]]")
	if code != 1 {
		t.Errorf("import = %d; want 1 (some titles failed)", code)
	}
	for _, want := range []string{
		"imported 2017 Subotica City Assembly election (revision 771001) → " + filepath.Join(dir, "2017-subotica-city-assembly-election.txt"),
		"imported 2015 Montenegrin parliamentary election (revision 771002) → " + filepath.Join(dir, "2015-montenegrin-parliamentary-election.txt") + ", 1 warning",
		"line 150: dropped {{Bar box}}",
		"imported 2017 Subotica City Assembly election (revision 771001, asked for as Subotica election 2017)",
		"electionbot import: No such election: no such page on " + s.APIURL(),
		"electionbot import: Bogdan Laban: not an election article",
		"electionbot import: Loop one: redirect loop: Loop one → Loop two → Loop one",
		`electionbot import: [[not a title]]: "[[not a title]]": not a page title`,
		"4 of 7 articles not imported",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := len(s.Requests()); n != 1 {
		t.Errorf("the import sent %d requests; want 1 for all titles", n)
	}
	if ua := s.Requests()[0].UserAgent; !strings.HasPrefix(ua, "electionbot/") || !strings.Contains(ua, contactURL) {
		t.Errorf("User-Agent = %q; want the program, its version and %s", ua, contactURL)
	}
	es, err := knowledge.Load(os.DirFS(dir), nil)
	if err != nil {
		t.Fatalf("the imported folder does not load: %v", err)
	}
	if len(es) != 2 {
		t.Fatalf("loaded %d elections; want 2", len(es))
	}
	for _, e := range es {
		src := e.Source
		if src == nil || !strings.Contains(src.URL, "&oldid=77100") || src.Licence != "CC BY-SA 4.0" || src.Attribution != "Wikipedia contributors" ||
			!src.Retrieved.Equal(time.Date(2025, 5, 6, 7, 8, 9, 0, time.UTC)) || !src.RevisionTime.Equal(revTime) {
			t.Errorf("%s: source = %+v; want its revision link, times and licence", e.ID, src)
		}
	}
	if strings.HasPrefix(es[0].Source.URL, s.URL) {
		t.Errorf("source URL %q points at the stand-in API; want Wikipedia", es[0].Source.URL)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".import-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestImportThroughRun(t *testing.T) {
	s := newWiki(t)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), []string{"import", "-data", dir, "-wiki-api-url", s.APIURL(), "Subotica election 2017"},
		testEnv(t, nil), strings.NewReader(""), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("run(import) = %d; want 0; stderr:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "2017-subotica-city-assembly-election.txt")); err != nil {
		t.Errorf("the article is not where it should be: %v", err)
	}
	// The bot answers from the imported article.
	stdout.Reset()
	if code := run(t.Context(), []string{"ask", "-data", dir, "/elections"}, testEnv(t, nil), strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("ask = %d; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "2017 Subotica City Assembly election") {
		t.Errorf("/elections after the import:\n%s\nwant the imported election", stdout.String())
	}
}

func TestImportRetriesAndUnreachable(t *testing.T) {
	s := newWiki(t)
	s.Fail("3", "429", "maxlag")
	dir := t.TempDir()
	code, _, stderr, waits := importRun(t, s, map[string]string{"ELECTIONBOT_DATA": dir, "WIKIPEDIA_API_URL": s.APIURL()}, "2017 Subotica City Assembly election")
	if code != 0 {
		t.Fatalf("import after a 429 and a maxlag = %d; want 0; stderr:\n%s", code, stderr)
	}
	if len(waits) != 2 || waits[0] != 3*time.Second || waits[1] != 3*time.Second {
		t.Errorf("waits = %v; want Retry-After (3s) twice", waits)
	}

	s.Close()
	code, _, stderr, _ = importRun(t, s, map[string]string{"ELECTIONBOT_DATA": dir, "WIKIPEDIA_API_URL": s.APIURL()}, "2017 Subotica City Assembly election", "Other election")
	if code != 1 {
		t.Errorf("import from a closed API = %d; want 1", code)
	}
	for _, want := range []string{"2017 Subotica City Assembly election: the API at " + s.APIURL() + " is unreachable", "Other election: the API at"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestImportDryRunAndCheck(t *testing.T) {
	s := newWiki(t)
	code, stdout, stderr, _ := importRun(t, s, map[string]string{"WIKIPEDIA_API_URL": s.APIURL()}, "-dry-run", "2015 Montenegrin parliamentary election")
	if code != 0 {
		t.Fatalf("import -dry-run = %d; stderr:\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "= 2015 Montenegrin parliamentary election =\n\nSource\n") || !strings.Contains(stderr, "→ standard output") {
		t.Errorf("import -dry-run printed:\n%.300s\nstderr:\n%s", stdout, stderr)
	}

	dir := t.TempDir()
	check := filepath.Join("..", "..", "wiki", "testdata", "serbia-2010.wikitext")
	code, _, stderr, _ = importRun(t, s, map[string]string{"ELECTIONBOT_DATA": dir}, "-check", check)
	if code != 0 {
		t.Fatalf("import -check = %d; stderr:\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "2010-serbian-presidential-election.txt"))
	if err != nil || !bytes.HasPrefix(b, []byte("= 2010 Serbian presidential election =\n\nInfobox\n")) {
		t.Errorf("import -check wrote %.200q, %v; want the article named after its infobox, without a source", b, err)
	}
	// Again: the same local article is replaced.
	if code, _, stderr, _ = importRun(t, s, map[string]string{"ELECTIONBOT_DATA": dir}, "-check", check); code != 0 {
		t.Errorf("import -check again = %d; stderr:\n%s", code, stderr)
	}
}

func TestImportKeepsOtherArticles(t *testing.T) {
	s := newWiki(t)
	dir := t.TempDir()
	own := filepath.Join(dir, "2017-subotica-city-assembly-election.txt")
	os.WriteFile(own, []byte("= 2017 Subotica City Assembly election =\n\nWritten by hand.\n"), 0o644)
	clash := filepath.Join(dir, "2015 Montenegrin parliamentary election.txt")
	os.WriteFile(clash, []byte("= Montenegro =\n"), 0o644)
	env := map[string]string{"ELECTIONBOT_DATA": dir, "WIKIPEDIA_API_URL": s.APIURL()}
	code, _, stderr, _ := importRun(t, s, env, "2017 Subotica City Assembly election", "2015 Montenegrin parliamentary election")
	if code != 1 {
		t.Errorf("import over other articles = %d; want 1", code)
	}
	for _, want := range []string{own + " holds another article", `has the election id "2015-montenegrin-parliamentary-election" of ` + clash} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if b, _ := os.ReadFile(own); !strings.Contains(string(b), "Written by hand.") {
		t.Errorf("the hand-written article was overwritten:\n%s", b)
	}
	os.Remove(own)
	os.Remove(clash)
	for i := range 2 {
		if code, _, stderr, _ := importRun(t, s, env, "2017 Subotica City Assembly election"); code != 0 {
			t.Errorf("import %d of the same page = %d; want 0 (an import replaces itself); stderr:\n%s", i+1, code, stderr)
		}
	}
}

func TestImportCommandLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"nothing to import", []string{"import", "-data", "x"}, nil, "name at least one article"},
		{"no folder", []string{"import", "A"}, nil, "set -data DIR or ELECTIONBOT_DATA"},
		{"bad API address", []string{"import", "-dry-run", "A"}, map[string]string{"WIKIPEDIA_API_URL": "ftp://x"}, `WIKIPEDIA_API_URL="ftp://x" is not an http(s) address`},
		{"unknown flag", []string{"import", "-frobnicate"}, nil, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(t.Context(), tt.args, testEnv(t, tt.env), strings.NewReader(""), &stdout, &stderr); code != 2 {
				t.Errorf("run(%q) = %d; want 2", tt.args, code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run(%q) stderr:\n%s\nwant %q", tt.args, stderr.String(), tt.want)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"import", "-h"}, testEnv(t, nil), strings.NewReader(""), &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "CC BY-SA 4.0") {
		t.Errorf("import -h = %d:\n%s\nwant 0 and the usage with the licence", code, stderr.String())
	}
}

// TestImportReachesRunningBot imports into the folder of a running bot
// that watches it: the bot answers about the new election without a
// restart.
func TestImportReachesRunningBot(t *testing.T) {
	s := newWiki(t)
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	p := start(t, map[string]string{"ELECTIONBOT_DATA": dir, "ELECTIONBOT_WATCH": "100ms"})
	io.WriteString(p.stdin, "/elections\n")
	p.stdout.waitFor(t, "the first answer", func(s string) bool { return strings.Contains(s, "2030 Zemun municipal election") })

	if code, _, stderr, _ := importRun(t, s, map[string]string{"ELECTIONBOT_DATA": dir, "WIKIPEDIA_API_URL": s.APIURL()}, "2015 Montenegrin parliamentary election"); code != 0 {
		t.Fatalf("import = %d; stderr:\n%s", code, stderr)
	}
	p.stderr.waitFor(t, "the reload", func(s string) bool { return strings.Contains(s, `"msg":"reloaded"`) })
	io.WriteString(p.stdin, "/elections\n")
	p.stdout.waitFor(t, "the imported election", func(s string) bool { return strings.Contains(s, "2015 Montenegrin parliamentary election") })
}

func TestArticleName(t *testing.T) {
	tests := []struct{ title, want string }{
		{"2014 Belgrade City Assembly election", "2014-belgrade-city-assembly-election"},
		{"2016 Niš local election (Serbia)", "2016-nis-local-election-serbia"},
		{"Избори за Скупштину града Београда 2014.", "izbori-za-skupstinu-grada-beograda-2014"},
		{"Opinion polling for the 2024 Belgrade City Assembly election", "opinion-polling-for-the-2024-belgrade"},
		{"!!!", "article"},
	}
	for _, tt := range tests {
		got := articleName(tt.title)
		if got != tt.want {
			t.Errorf("articleName(%q) = %q; want %q", tt.title, got, tt.want)
		}
		if id := electionID(got + ".txt"); id != got {
			t.Errorf("election id of %s.txt = %q; want the name itself", got, id)
		}
	}
}
