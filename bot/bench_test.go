package bot_test

import (
	"context"
	"testing"

	"github.com/electionbot/electionbot/bot"
)

// The engine's own costs, without the search index (see internal/e2e for
// the whole stack). Run: go test -run '^$' -bench . -count 10 ./bot/
func benchAsk(b *testing.B, text string) {
	eng := seedEngine(b)
	ctx := context.Background()
	req := bot.Request{Platform: "bench", Text: text}
	if r := eng.Handle(ctx, req); r.Outcome == bot.InternalError {
		b.Fatalf("%q: %s", text, r.Plain())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		eng.Handle(ctx, req)
	}
}

func BenchmarkCommandSeats(b *testing.B)       { benchAsk(b, "/seats") }
func BenchmarkCommandList(b *testing.B)        { benchAsk(b, "/list 8") }
func BenchmarkStructuredQuestion(b *testing.B) { benchAsk(b, "How many seats did the socialists win?") }
func BenchmarkTypoQuestion(b *testing.B)       { benchAsk(b, "how many mandates for djilas") }
func BenchmarkRetrievalQuestion(b *testing.B) {
	benchAsk(b, "Who brought down Ivica Dačić's government?")
}
func BenchmarkRefusedQuestion(b *testing.B) { benchAsk(b, "Who is the current mayor of Novi Sad?") }
