package e2e

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// Start-up and answering with the whole stack. Run:
//   go test -run '^$' -bench . -count 10 ./internal/e2e/

// BenchmarkStartup is what the program does before it can answer: parse
// and extract the embedded articles, build the index and the engine.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		es, err := knowledge.Load(data.FS, nil)
		if err != nil {
			b.Fatal(err)
		}
		idx, err := index.Build(es)
		if err != nil {
			b.Fatal(err)
		}
		bot.New(&bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, wire.Answers(nil))
		idx.Close()
	}
}

func benchAsk(b *testing.B, text string) {
	eng := engineFor(b, "../../data/belgrade-2014.txt")
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

func BenchmarkCommand(b *testing.B)            { benchAsk(b, "/seats") }
func BenchmarkStructuredQuestion(b *testing.B) { benchAsk(b, "How many seats did the socialists win?") }
func BenchmarkRetrievalQuestion(b *testing.B) {
	benchAsk(b, "Who brought down Ivica Dačić's government?")
}
func BenchmarkSearchCommand(b *testing.B) { benchAsk(b, "/search non-confidence motion") }

// BenchmarkFreeTextQuestions answers every free-text question of the seed's
// question files, one per iteration, and reports the median and 99th
// percentile of single answers beside the mean.
func BenchmarkFreeTextQuestions(b *testing.B) {
	eng := engineFor(b, "../../data/belgrade-2014.txt")
	questions := freeTextQuestions(b)
	ctx := context.Background()
	var d []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		eng.Handle(ctx, bot.Request{Platform: "bench", Text: questions[i%len(questions)]})
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkLanguageLayer measures what answering in the asker's language
// adds to one free-text answer, on the questions BenchmarkFreeTextQuestions
// asks: telling the message's language from its words (lang.Detect), the
// catalogue's formatting of a reply's phrases in place of fmt (three
// messages, one with a plural, as a party answer has), and writing the
// answer in its script (Response.Scripted; only Cyrillic answers change).
// Its median beside BenchmarkFreeTextQuestions's is the layer's share.
func BenchmarkLanguageLayer(b *testing.B) {
	eng := engineFor(b, "../../data/belgrade-2014.txt")
	questions := freeTextQuestions(b)
	ctx := context.Background()
	answers := make([]bot.Response, len(questions))
	for i, q := range questions {
		answers[i] = eng.Handle(ctx, bot.Request{Platform: "bench", Text: q})
	}
	var d []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		k := i % len(questions)
		l := lang.Detect(questions[k], lang.En)
		s := reply.In(l)
		_ = s.T(lang.FactWonSeats, "SPS–PUPS–JS", s.Seats(16), " (11.49%)")
		_ = s.T(lang.ListName, "SPS–PUPS–JS", 2)
		r := answers[k]
		r.Lang = l
		_ = r.Scripted()
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds()), "p99-ns")
}

// freeTextQuestions are the questions in plain words of the seed's
// question files, in every language.
func freeTextQuestions(b *testing.B) []string {
	b.Helper()
	files, _ := filepath.Glob("../../testdata/qa/belgrade-2014*.qa.txt")
	var questions []string
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		cases, err := qa.Parse(file, f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range cases {
			if !strings.HasPrefix(c.Question, "/") {
				questions = append(questions, c.Question)
			}
		}
	}
	return questions
}
