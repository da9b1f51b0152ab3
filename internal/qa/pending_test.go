package qa

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPendingFiles checks that the question files not yet run by the bot's
// tests (testdata/qa/pending) are well formed and name an article, so that
// they can be moved up as the bot learns to answer them.
func TestPendingFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "qa", "pending", "*.qa.txt"))
	if len(files) == 0 {
		t.Skip("no question files are pending")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cases, err := Parse(file, f)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(cases); n < 15 || n > 35 {
				t.Errorf("%s has %d questions; want 15 to 35", file, n)
			}
			path, err := ArticleFor(file, filepath.Join("..", "..", "data"), filepath.Join("..", "..", "knowledge", "testdata", "articles"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := LoadElections(path); err != nil {
				t.Errorf("LoadElections(%s) = %v", path, err)
			}
		})
	}
}
