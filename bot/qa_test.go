package bot_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// TestQuestionFiles asks every question of every question file through
// the engine, as the terminal's ask does, and checks the answers.
func TestQuestionFiles(t *testing.T) {
	files, err := qa.Files("../testdata/qa")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			path, err := qa.ArticleFor(file, "../data", "../knowledge/testdata/articles")
			if err != nil {
				t.Fatal(err)
			}
			e, err := qa.LoadElection(path)
			if err != nil {
				t.Fatal(err)
			}
			eng := bot.New(&bot.Library{Elections: []*knowledge.Election{e}}, wire.Answers(nil))
			qa.Run(t, file, func(q string) string {
				return eng.Handle(context.Background(), bot.Request{Platform: "test", Text: q}).Plain()
			})
		})
	}
}
