// Package wire joins the parts of the bot that must not know each other:
// it hands the engine (package bot) its question answerer (package
// answer). cmd/electionbot wires the program with it, and the tests of the
// engine, the adapters and the program wire their engines the same way.
package wire

import (
	"log/slog"

	"github.com/electionbot/electionbot/answer"
	"github.com/electionbot/electionbot/bot"
)

// Answers is the engine option that has package answer answer free text,
// prepared anew for every library the engine loads. log may be nil.
func Answers(log *slog.Logger) bot.Option {
	return bot.WithAnswerer(func(lib *bot.Library) bot.Answerer {
		var search answer.Searcher
		if lib.Searcher != nil {
			search = lib
		}
		return answer.New(lib.Elections, search, log)
	})
}
