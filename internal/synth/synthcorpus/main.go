// Command synthcorpus writes invented election articles (package synth)
// into a folder, for running the bot or its benchmarks on a large corpus:
//
//	go run ./internal/synth/synthcorpus -n 1000 -seed 1 -out /tmp/corpus
//	go run ./cmd/electionbot -data /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/electionbot/electionbot/internal/synth"
)

func main() {
	n := flag.Int("n", 100, "how many articles")
	seed := flag.Uint64("seed", 1, "the seed: the same seed writes the same articles")
	out := flag.String("out", "", "folder to write the articles into (required)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: synthcorpus -out DIR [-n 100] [-seed 1]")
		os.Exit(2)
	}
	if err := synth.Write(*out, *seed, *n); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
}
