package e2e

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/chart"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/synth"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite testdata/synth-answers.golden")

// The corpus the scale tests and benchmarks invent (package synth).
const synthSeed = 1

// synthElections loads n invented articles as the program does: the
// embedded aliases under them.
func synthElections(tb testing.TB, n int) []*knowledge.Election {
	tb.Helper()
	base, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		tb.Fatal(err)
	}
	es, err := knowledge.Load(synth.FS(synthSeed, n), base)
	if err != nil {
		tb.Fatal(err)
	}
	return es
}

// A scaleEngine is the engine on n invented elections, built once per
// size for all the benchmarks of a run: at a thousand it takes seconds.
type scaleEngine struct {
	eng       *bot.Engine
	elections []*knowledge.Election
}

var scaleEngines sync.Map // int -> *scaleEngine, behind a sync.Once each

func engineAt(tb testing.TB, n int) *scaleEngine {
	tb.Helper()
	type once struct {
		sync.Once
		s *scaleEngine
	}
	v, _ := scaleEngines.LoadOrStore(n, &once{})
	o := v.(*once)
	o.Do(func() {
		es := synthElections(tb, n)
		idx, err := index.Build(es)
		if err != nil {
			tb.Fatal(err)
		}
		o.s = &scaleEngine{
			eng:       bot.New(&bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, wire.Answers(nil), bot.WithCharts(chart.New())),
			elections: es,
		}
	})
	if o.s == nil {
		tb.Fatal("the engine could not be built")
	}
	return o.s
}

// A probe is a message of one kind about one election.
type probe struct{ kind, text string }

// probes are the messages the scale benchmarks and the golden test send
// about an election, one of each kind, worded from its model: a passage
// question (why it was called), a structured one (the winner's seats or
// votes), /about and /seats, each naming the election by year and place
// (commands by year alone when it is the only election: they take no
// other words then).
func probes(e *knowledge.Election, alone bool) []probe {
	name := fmt.Sprintf("%d %s", e.Year, e.Place)
	which := name
	if alone {
		which = fmt.Sprint(e.Year)
	}
	ps := []probe{
		{"passage", fmt.Sprintf("Why was the %s election called?", name)},
		{"about", "/about " + which},
		{"seats", "/seats " + which},
	}
	if w := e.Winner(); w != nil {
		switch {
		case w.Seats != nil:
			ps = append(ps, probe{"structured", fmt.Sprintf("How many seats did the %s win in the %s election?", w.Name, name)})
		case w.Share != nil:
			ps = append(ps, probe{"structured", fmt.Sprintf("What share of the vote did %s get in the %s election?", w.Name, name)})
		}
	}
	return ps
}

// TestSyntheticAnswersGolden answers every probe about twenty invented
// elections among a hundred, and compares the answers with the golden
// file: making start-up and answering faster must not change an answer.
// go test ./internal/e2e -run SyntheticAnswers -update rewrites it.
func TestSyntheticAnswersGolden(t *testing.T) {
	s := engineAt(t, 100)
	var out bytes.Buffer
	for i, e := range s.elections {
		if i%5 != 0 {
			continue
		}
		for _, p := range probes(e, false) {
			r := s.eng.Handle(context.Background(), bot.Request{Platform: "test", Text: p.text})
			fmt.Fprintf(&out, "## %s\n%s\n", p.text, strings.TrimSpace(r.Plain()))
			if r.Image != nil {
				fmt.Fprintf(&out, "[picture %s: %s]\n", r.Image.Name, r.Image.Alt)
			}
			out.WriteString("\n")
		}
	}
	golden := filepath.Join("testdata", "synth-answers.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./internal/e2e -run SyntheticAnswers -update writes it)", err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("answers differ from %s at line %d:\n got %q\nwant %q", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("answers differ from %s: %d lines; want %d", golden, len(gl), len(wl))
	}
}
