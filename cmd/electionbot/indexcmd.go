package main

import (
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/electionbot/electionbot/internal/store"
)

// runIndex is `electionbot index`: build the search index and the parsed
// articles into ELECTIONBOT_INDEX_DIR (-index-dir), or find them up to
// date there, and exit, so that a container image or a deploy step can
// build once what every replica opens. It exits 0 when the folder holds
// an up-to-date index, 1 when it could not be built there, 2 on a wrong
// command line.
func runIndex(cfg config, rest []string, stdout, stderr io.Writer) int {
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "electionbot index takes no arguments, only settings (like -data DIR -index-dir DIR); got %q\n", rest)
		return 2
	}
	if cfg.IndexDir == "" {
		fmt.Fprintln(stderr, "electionbot index: no folder to build the index in: set -index-dir DIR or ELECTIONBOT_INDEX_DIR")
		return 2
	}
	if cfg.logLevelDefault {
		cfg.LogLevel = slog.LevelInfo // say what was built, and why
	}
	log := newLogger(cfg, stderr)
	start := time.Now()
	src, err := articlesOf(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot: %v\n", err)
		return 1
	}
	lib, err := store.Load(src.Source, store.Options{Dir: cfg.IndexDir, Program: programID(), Log: log})
	if err != nil {
		fmt.Fprintf(stderr, "electionbot: load %s: %v\n", src.name, sizeHint(err))
		return 1
	}
	defer lib.Index.Close()
	if lib.Dir == "" {
		fmt.Fprintf(stderr, "electionbot index: cannot write %s\n", cfg.IndexDir)
		return 1
	}
	fmt.Fprintf(stdout, "index of %d elections in %s (%.1fs)\n", len(lib.Elections), lib.Dir, time.Since(start).Seconds())
	return 0
}
