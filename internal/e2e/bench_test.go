package e2e

import (
	"context"
	"io/fs"
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
		startUp(b, data.FS, nil)
	}
}

// startUp loads the articles of fsys and builds the index and the engine
// on them, as the program does, and closes the index.
func startUp(b *testing.B, fsys fs.FS, base *knowledge.Aliases) {
	es, err := knowledge.Load(fsys, base)
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
	reportPercentiles(b, d)
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
	reportPercentiles(b, d)
}

// freeTextQuestions are the questions in plain words of the seed's
// question files, in every language.
func freeTextQuestions(b *testing.B) []string {
	b.Helper()
	files, _ := filepath.Glob("../../testdata/qa/belgrade-2014*.qa.txt")
	var questions []string
	for _, file := range files {
		qs, err := qa.FreeText(file)
		if err != nil {
			b.Fatal(err)
		}
		questions = append(questions, qs...)
	}
	return questions
}

// BenchmarkAcrossQuestions answers questions across elections with ten
// elections of one place loaded (the test series repeated back to 1988),
// through the engine and the index, one question per iteration, and
// reports the median and 99th percentile of single answers. The budget
// is 5 ms at the median.
func BenchmarkAcrossQuestions(b *testing.B) {
	es, err := qa.RepeatedSeries("../../knowledge/testdata/articles/smederevo", 10)
	if err != nil {
		b.Fatal(err)
	}
	idx, err := index.Build(es)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	eng := bot.New(&bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, wire.Answers(nil))
	questions := []string{
		"Which election had the highest turnout?",
		"How many seats did the SNS win in 2012 and in 2016?",
		"How many more seats did the SNS win in 2020 than in 2016?",
		"When did the SNS get its lowest share of the vote?",
		"In which elections did Milan Đurić head a list?",
		"Did the SNS win a majority every time?",
		"How did the DSS do over the years?",
		"What was the turnout in 2008 and 2010?",
		"How did the Pirate Party do over the years?",
	}
	ctx := context.Background()
	for _, q := range questions {
		if r := eng.Handle(ctx, bot.Request{Platform: "bench", Text: q}); r.Outcome == bot.InternalError {
			b.Fatalf("%q: %s", q, r.Plain())
		}
	}
	var d []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		eng.Handle(ctx, bot.Request{Platform: "bench", Text: questions[i%len(questions)]})
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, d)
}

// reportPercentiles reports the median and 99th percentile of single
// answers' durations.
func reportPercentiles(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkShapeQuestions answers the free-text questions of the
// question files of every other shape (presidential elections in two
// rounds, cities with a mayor and an assembly, referendums, a parliament),
// each by an engine on its own article with its index, one question per
// iteration, and reports single answers' median and 99th percentile.
func BenchmarkShapeQuestions(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/qa/*.qa.txt")
	type ask struct {
		eng  *bot.Engine
		text string
	}
	var asks []ask
	for _, file := range files {
		if strings.Contains(file, "belgrade-2014") {
			continue
		}
		article, err := qa.ArticleFor(file, "../../data", "../../knowledge/testdata/articles")
		if err != nil {
			b.Fatal(err)
		}
		if !strings.HasSuffix(article, ".txt") {
			continue // a series of one place: BenchmarkAcrossQuestions
		}
		eng := engineFor(b, article)
		qs, err := qa.FreeText(file)
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range qs {
			asks = append(asks, ask{eng, q})
		}
	}
	ctx := context.Background()
	var d []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := asks[i%len(asks)]
		start := time.Now()
		a.eng.Handle(ctx, bot.Request{Platform: "bench", Text: a.text})
		d = append(d, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, d)
}
