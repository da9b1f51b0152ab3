package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// engineBudget is the most lines the engine package (bot/, tests aside)
// may hold: the engine core and the commands' handlers. What a command
// shows belongs in render, how free text is answered in answer; an
// engine past this has taken on one of their jobs.
const engineBudget = 2500

// TestEngineStaysSmall counts the engine's lines against its budget.
func TestEngineStaysSmall(t *testing.T) {
	files, err := filepath.Glob("../../bot/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no engine files found: %v", err)
	}
	lines := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines += bytes.Count(b, []byte("\n"))
	}
	if lines > engineBudget {
		t.Errorf("bot/ holds %d lines without its tests; want at most %d: move what a command shows into render/", lines, engineBudget)
	}
}
