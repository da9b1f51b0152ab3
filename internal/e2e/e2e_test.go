// Package e2e tests the engine with the real search index, as the program
// wires them: every question file answered through bleve retrieval, and
// benchmarks of the whole answering path.
package e2e

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/knowledge"
)

// engineFor builds the engine on one article with its index.
func engineFor(t testing.TB, path string) *bot.Engine {
	t.Helper()
	e, err := qa.LoadElection(path)
	if err != nil {
		t.Fatal(err)
	}
	es := []*knowledge.Election{e}
	idx, err := index.Build(es)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return bot.New(&bot.Library{Elections: es, Searcher: idx})
}

// TestQuestionFilesWithIndex answers every question file through the
// engine with the bleve index, as the running bot does.
func TestQuestionFilesWithIndex(t *testing.T) {
	files, err := qa.Files("../../testdata/qa")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			path, err := qa.ArticleFor(file, "../../data", "../../knowledge/testdata/articles")
			if err != nil {
				t.Fatal(err)
			}
			eng := engineFor(t, path)
			qa.Run(t, file, func(q string) string {
				return eng.Handle(context.Background(), bot.Request{Platform: "test", Text: q}).Plain()
			})
		})
	}
}

// TestLatency reports the answering time of every question in the question
// files, median and 99th percentile. It asserts nothing about time (the
// machine decides that); BENCHMARKS.md records the figures.
func TestLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("latency survey")
	}
	eng := engineFor(t, "../../data/belgrade-2014.txt")
	files, _ := filepath.Glob("../../testdata/qa/belgrade-2014*.qa.txt")
	var questions []string
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := qa.Parse(file, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if !strings.HasPrefix(c.Question, "/") {
				questions = append(questions, c.Question)
			}
		}
	}
	ctx := context.Background()
	var d []time.Duration
	for range 20 {
		for _, q := range questions {
			start := time.Now()
			eng.Handle(ctx, bot.Request{Platform: "test", Text: q})
			d = append(d, time.Since(start))
		}
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	t.Logf("%d free-text answers: median %v, p99 %v, max %v", len(d), d[len(d)/2], d[len(d)*99/100], d[len(d)-1])
}
