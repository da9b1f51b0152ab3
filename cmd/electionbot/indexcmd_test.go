package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexCommand builds the index folder with `electionbot index`,
// finds it up to date the second time, answers from it, and refuses what
// it should.
func TestIndexCommand(t *testing.T) {
	data, index := t.TempDir(), t.TempDir()
	writeArticle(t, data, "zemun-2030.txt", "2030 Zemun municipal election")
	runIt := func(args ...string) (int, string, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(t.Context(), args, testEnv(t, nil), strings.NewReader(""), &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	code, out, log := runIt("index", "-data", data, "-index-dir", index)
	if code != 0 || !strings.Contains(out, "index of 1 elections in "+index) || !strings.Contains(log, "building the index") {
		t.Fatalf("a first index = %d, printed %q, logged:\n%s\nwant 0, the folder, and a build", code, out, log)
	}
	code, out, log = runIt("-data", data, "-index-dir", index, "index")
	if code != 0 || !strings.Contains(log, "opened the index") || strings.Contains(log, "building") {
		t.Errorf("a second index = %d, printed %q, logged:\n%s\nwant 0 and the index found up to date", code, out, log)
	}
	code, out, _ = runIt("ask", "-data", data, "-index-dir", index, "/search non-confidence")
	if code != 0 || !strings.Contains(out, "2030 Zemun municipal election") {
		t.Errorf("ask from the index folder = %d, printed:\n%s\nwant a search of the Zemun article", code, out)
	}

	if code, _, errs := runIt("index", "-data", data); code != 2 || !strings.Contains(errs, "-index-dir") {
		t.Errorf("index without a folder = %d, %q; want 2 and how to name one", code, errs)
	}
	if code, _, errs := runIt("index", "-index-dir", index, "extra"); code != 2 || !strings.Contains(errs, "no arguments") {
		t.Errorf("index with an argument = %d, %q; want 2", code, errs)
	}
	big := filepath.Join(data, "huge.txt")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 50<<20); err != nil {
		t.Fatal(err)
	}
	want := "huge.txt: 52428800 bytes, more than the limit 2097152 (ELECTIONBOT_MAX_ARTICLE_BYTES)"
	if code, _, errs := runIt("index", "-data", data, "-index-dir", index); code != 1 || !strings.Contains(errs, want) {
		t.Errorf("index with an oversized article = %d, %q; want 1 and %q", code, errs, want)
	}
}
