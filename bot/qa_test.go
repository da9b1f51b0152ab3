package bot_test

import (
	"context"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
)

// TestQuestionFiles asks every question of every question file through
// the engine, as the terminal's ask does, and checks the answers.
func TestQuestionFiles(t *testing.T) {
	qa.EachFile(t, "..", func(t *testing.T, file, article string) {
		es, err := qa.LoadElections(article)
		if err != nil {
			t.Fatal(err)
		}
		eng := bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
		qa.Run(t, file, func(q, locale string) string {
			return eng.Handle(context.Background(), bot.Request{Platform: "test", Text: q, Locale: locale}).Plain()
		})
	})
}
