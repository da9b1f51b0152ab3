package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/electionbot/electionbot/internal/synth"
)

// BenchmarkProcess runs the program as users do, one child process per
// run, and reports what the operating system measured of it: CPU time
// (user and system) and peak resident memory (rusage maxrss), the
// medians of b.N runs, with wall time beside. It builds the program
// first (go build, stamped with a version as a release is), and invents
// its corpora with package synth.
//
//	go test -run '^$' -bench Process -benchtime 5x ./cmd/electionbot/
//
// help is `electionbot -h`, the cost of starting the binary at all;
// seed/ask is one question on the embedded article. elections=N/cold
// starts on N articles and answers /search turnout (a search, so that the
// index is built: ask builds it only for a message that searches),
// building everything in memory;
// /build does the same with an empty index folder, which it fills;
// /warm opens the index folder an earlier run built.
func BenchmarkProcess(b *testing.B) {
	bin := buildProgram(b)
	b.Run("help", func(b *testing.B) { runProcess(b, bin, nil, "-h") })
	b.Run("seed/ask", func(b *testing.B) {
		runProcess(b, bin, nil, "ask", "How many seats did the socialists win?")
	})
	for _, n := range []int{1, 100, 1000} {
		dir := filepath.Join(b.TempDir(), "articles")
		if err := synth.Write(dir, 1, n); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("elections=%d/cold", n), func(b *testing.B) {
			runProcess(b, bin, nil, "-data", dir, "ask", "/search turnout")
		})
		index := filepath.Join(b.TempDir(), "index")
		b.Run(fmt.Sprintf("elections=%d/build", n), func(b *testing.B) {
			runProcess(b, bin, func() { os.RemoveAll(index) }, "-data", dir, "-index-dir", index, "ask", "/search turnout")
		})
		b.Run(fmt.Sprintf("elections=%d/warm", n), func(b *testing.B) {
			runProcess(b, bin, nil, "-data", dir, "-index-dir", index, "ask", "/search turnout")
		})
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildProgram builds this package's program once per test binary.
func buildProgram(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		b.Skip("no go command to build the program with")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "electionbot-bench")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "electionbot")
		// Stamped as a release is (the Dockerfile does): an unstamped
		// build also hashes its own executable to key the index folder.
		stamp := fmt.Sprintf("-X main.version=bench -X main.revision=bench-%d", time.Now().UnixNano())
		out, err := exec.Command("go", "build", "-ldflags", stamp, "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return builtBin
}

// runProcess runs bin with args b.N times, each after before (when not
// nil), and reports the medians of the runs' CPU time, peak memory and
// wall time. A run that fails (other than -h's exit status) fails the
// benchmark with its output.
func runProcess(b *testing.B, bin string, before func(), args ...string) {
	b.Helper()
	var cpu, wall []time.Duration
	var rss []int64
	b.ResetTimer()
	for range b.N {
		if before != nil {
			before()
		}
		cmd := exec.Command(bin, args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err := cmd.Run()
		wall = append(wall, time.Since(start))
		if err != nil && args[0] != "-h" {
			b.Fatalf("electionbot %q: %v\n%s", args, err, out.Bytes())
		}
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			b.Skip("no rusage on this system")
		}
		cpu = append(cpu, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
		rss = append(rss, ru.Maxrss) // KiB on Linux
	}
	b.StopTimer()
	b.ReportMetric(ms(median(cpu)), "cpu-ms")
	b.ReportMetric(ms(median(wall)), "wall-ms")
	slices.Sort(rss)
	b.ReportMetric(float64(rss[len(rss)/2])/1024, "peak-MiB")
	b.ReportMetric(0, "ns/op") // the wall time above says it per run
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
