package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
)

// TestReloadWarnsOfLostData edits an article the way a slip of the hand
// does and checks what the reload says.
func TestReloadWarnsOfLostData(t *testing.T) {
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	writeArticle(t, dir, "zemun-2034.txt", "2034 Zemun municipal election")
	path := filepath.Join(dir, "zemun-2030.txt")
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	a := newTestApp(t, config{DataDir: dir}, &logs)

	t.Run("a field that lost its dash", func(t *testing.T) {
		logs.Reset()
		broken := strings.Replace(string(original), "- Majority Seats: 55", "Majority Seats: 55", 1)
		os.WriteFile(path, []byte(broken), 0o644)
		var pe *knowledge.ParseError
		if err := a.reloader.Reload(); !errors.As(err, &pe) || pe.File != "zemun-2030.txt" || !strings.Contains(pe.Msg, "infobox line") {
			t.Fatalf("Reload() = %v; want zemun-2030.txt:line: infobox line ...", err)
		}
		if !strings.Contains(logs.String(), "reload failed") {
			t.Errorf("the refused reload was not logged:\n%s", logs.String())
		}
	})
	t.Run("seats and lists cut", func(t *testing.T) {
		logs.Reset()
		cut := regexp.MustCompile(`(?m)^(- Seats[0-9]+: .*|\| [0-9]+ \|.*)\n`).ReplaceAllString(string(original), "")
		os.WriteFile(path, []byte(cut), 0o644)
		if err := a.reloader.Reload(); err != nil {
			t.Fatalf("Reload() = %v; want nil: the article still parses", err)
		}
		got := logs.String()
		for _, want := range []string{"election=zemun-2030", "seats 5 → 1", "lists 23 → 0"} {
			if !strings.Contains(got, want) {
				t.Errorf("the reload log says:\n%s\nwant it to name %q", got, want)
			}
		}
		if strings.Contains(got, "election=zemun-2034") {
			t.Errorf("the reload log names an election that lost nothing:\n%s", got)
		}
	})
	t.Run("an article removed", func(t *testing.T) {
		logs.Reset()
		os.Remove(path)
		if err := a.reloader.Reload(); err != nil {
			t.Fatalf("Reload() = %v; want nil", err)
		}
		if got := logs.String(); !strings.Contains(got, "election=zemun-2030") || !strings.Contains(got, "the whole election") {
			t.Errorf("the reload log says:\n%s\nwant the removed election named", got)
		}
	})
}
