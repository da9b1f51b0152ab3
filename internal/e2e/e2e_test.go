// Package e2e tests the engine with the real search index, as the program
// wires them: every question file answered through bleve retrieval, and
// benchmarks of the whole answering path.
package e2e

import (
	"context"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
)

// engineFor builds the engine on one article, or a folder of them, with
// their index.
func engineFor(t testing.TB, path string) *bot.Engine {
	t.Helper()
	es, err := qa.LoadElections(path)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := index.Build(es)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return bot.New(&bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, wire.Answers(nil))
}

// TestQuestionFilesWithIndex answers every question file through the
// engine with the bleve index, as the running bot does.
func TestQuestionFilesWithIndex(t *testing.T) {
	qa.EachFile(t, "../..", func(t *testing.T, file, article string) {
		eng := engineFor(t, article)
		qa.Run(t, file, func(q, locale string) string {
			return eng.Handle(context.Background(), bot.Request{Platform: "test", Text: q, Locale: locale}).Plain()
		})
	})
}
