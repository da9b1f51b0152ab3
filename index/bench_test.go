package index

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

// BenchmarkBuild measures the index build at start-up from the embedded
// articles (already parsed; parsing is knowledge's to measure).
func BenchmarkBuild(b *testing.B) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		x, err := Build(es)
		if err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}

// BenchmarkStartup measures what start-up does before it can answer:
// parse the embedded articles, then index them.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		es, err := knowledge.Load(data.FS, nil)
		if err != nil {
			b.Fatal(err)
		}
		x, err := Build(es)
		if err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}

// BenchmarkSearch measures retrieval queries of the kinds the bot sends:
// a free-text question that falls through to passages, and /search words
// with a typo. Besides the mean it reports the median and 99th percentile
// of single searches, the engine's latency targets being stated so.
func BenchmarkSearch(b *testing.B) {
	x := seedIndex(b)
	for _, bm := range []struct{ name, text string }{
		{"question", "Why was the election held early?"},
		{"words", "Djilsa non-confidence"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			q := Query{Text: bm.text, Election: "belgrade-2014", Limit: 20}
			var took []time.Duration
			for b.Loop() {
				start := time.Now()
				if _, err := x.Search(context.Background(), q); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "p99-ns")
		})
	}
}
