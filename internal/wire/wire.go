// Package wire joins the parts of the bot that must not know each other:
// it hands the engine (package bot) its question answerer (package
// answer) and the search index (package index). cmd/electionbot wires the
// program with it, and the tests of the engine, the adapters and the
// program wire their engines the same way.
package wire

import (
	"context"
	"log/slog"

	"github.com/electionbot/electionbot/answer"
	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/index"
)

// Answers is the engine option that has package answer answer free text,
// prepared anew for every library the engine loads. log may be nil.
func Answers(log *slog.Logger) bot.Option {
	return bot.WithAnswerer(func(lib *bot.Library) bot.Answerer {
		var search answer.Searcher
		if lib.Searcher != nil {
			search = lib
		}
		return answer.NewWithHistories(lib.Elections, lib.Histories(), search, log)
	})
}

// Searcher adapts the search index to the engine's Searcher.
func Searcher(ix *index.Index) *IndexSearcher { return &IndexSearcher{ix: ix} }

// An IndexSearcher is the search index as the engine's Searcher.
type IndexSearcher struct{ ix *index.Index }

// Search finds passages with the index.
func (s *IndexSearcher) Search(ctx context.Context, q bot.SearchQuery) ([]bot.Hit, error) {
	hits, err := s.ix.Search(ctx, index.Query{Text: q.Text, Election: q.Election, Limit: q.Limit})
	if err != nil {
		return nil, err
	}
	out := make([]bot.Hit, len(hits))
	for i, h := range hits {
		out[i] = bot.Hit{Election: h.Election, Section: h.Section, Kind: h.Kind, Text: h.Text, Score: h.Score, Marks: h.Marks}
	}
	return out, nil
}

// Close closes the index.
func (s *IndexSearcher) Close() error { return s.ix.Close() }
