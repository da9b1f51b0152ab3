package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/synth"
	"github.com/electionbot/electionbot/knowledge"
)

// The sizes of the invented corpora the scale benchmarks run on.
var scaleSizes = []int{1, 100, 1000}

// BenchmarkScaleStartup is start-up in this process at 1, 100 and 1,000
// invented elections: parse and extract, build the index, prepare the
// engine and its answerer. The articles are made before the clock starts.
// For CPU time and peak memory of the whole process, see
// BenchmarkProcess in cmd/electionbot; this one is for profiles:
//
//	go test -run '^$' -bench 'ScaleStartup/elections=1000' -benchtime 1x -cpuprofile cpu.out -memprofile mem.out ./internal/e2e/
func BenchmarkScaleStartup(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("elections=%d", n), func(b *testing.B) {
			fsys := synth.FS(synthSeed, n)
			base, err := knowledge.BaseAliases(data.FS)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			cpu := cpuTime()
			defer func() { reportCPU(b, cpu) }()
			for b.Loop() {
				startUp(b, fsys, base)
			}
		})
	}
}

// BenchmarkScaleAnswer answers one message of each kind (see probes) about
// one election among 1, 100 and 1,000: a passage question, a structured
// one, /about, and /seats after a first /seats has drawn its chart.
//
//	go test -run '^$' -bench ScaleAnswer -count 10 ./internal/e2e/
func BenchmarkScaleAnswer(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("elections=%d", n), func(b *testing.B) {
			s := engineAt(b, n)
			e := target(s.elections)
			for _, p := range probes(e, n == 1) {
				b.Run(p.kind, func(b *testing.B) {
					ctx := context.Background()
					req := bot.Request{Platform: "bench", Text: p.text}
					if r := s.eng.Handle(ctx, req); r.Outcome != bot.Answered {
						b.Fatalf("%q: %s %s", p.text, r.Outcome, r.Plain())
					}
					b.ReportAllocs()
					cpu := cpuTime()
					for b.Loop() {
						s.eng.Handle(ctx, req)
					}
					reportCPU(b, cpu)
				})
			}
		})
	}
}

// target is the election the answer benchmarks ask about: the one nearest
// the middle of the list whose winner has seats, so that every kind of
// message has an answer.
func target(es []*knowledge.Election) *knowledge.Election {
	for d := 0; d < len(es); d++ {
		for _, i := range []int{len(es)/2 - d, len(es)/2 + d} {
			if i >= 0 && i < len(es) {
				if w := es[i].Winner(); w != nil && w.Seats != nil {
					return es[i]
				}
			}
		}
	}
	return es[0]
}

// reportCPU reports the CPU time per iteration since start (cpuTime).
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
