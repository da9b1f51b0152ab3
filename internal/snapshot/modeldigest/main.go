// Command modeldigest prints a digest of every election extracted from
// the articles of each folder it is given (and one of the folder's party
// histories): the SHA-256 of the election's snapshot, every field of the
// model, unexported ones too. Run on two trees, one line per election,
// it tells whether a change to extraction left every model as it was:
//
//	go run ./internal/snapshot/modeldigest data knowledge/testdata/articles /tmp/corpus > after.txt
//	diff before.txt after.txt
//
// The articles of a folder are loaded together, as `electionbot -data`
// loads them, on the embedded aliases and glossary.
package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"slices"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/snapshot"
	"github.com/electionbot/electionbot/knowledge"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: modeldigest DIR...")
		os.Exit(2)
	}
	for _, dir := range os.Args[1:] {
		if err := digest(dir); err != nil {
			fmt.Fprintln(os.Stderr, "modeldigest:", err)
			os.Exit(1)
		}
	}
}

func digest(dir string) error {
	base, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		return fmt.Errorf("read the embedded aliases: %w", err)
	}
	es, err := knowledge.Load(os.DirFS(dir), base)
	if err != nil {
		return fmt.Errorf("load %s: %w", dir, err)
	}
	for _, e := range es {
		sum, err := sumOf(&e)
		if err != nil {
			return fmt.Errorf("%s: %w", e.ID, err)
		}
		fmt.Printf("%s\t%s\t%x\n", dir, e.ID, sum)
	}
	hs := knowledge.Histories(es)
	fmt.Printf("%s\thistories(%d)\t%x\n", dir, len(hs), historiesSum(hs))
	return nil
}

// historiesSum hashes a written account of the histories: each place's
// elections and each lineage's steps with their links. A snapshot of
// them would not do: a history's map keyed by contestant comes out in
// the order of their addresses, which differs from run to run.
func historiesSum(hs []*knowledge.History) []byte {
	h := sha256.New()
	for _, hi := range hs {
		fmt.Fprintf(h, "place %q\n", hi.Place)
		for _, e := range hi.Elections {
			fmt.Fprintf(h, " election %s\n", e.ID)
		}
		for _, l := range hi.Parties {
			fmt.Fprintln(h, " lineage")
			for _, st := range l.Steps {
				fmt.Fprintf(h, "  %s %d %q", st.Election.ID, slices.Index(st.Election.Contestants, st.Contestant), st.Contestant.Name)
				if st.Link != nil {
					fmt.Fprintf(h, " %+v", *st.Link)
				}
				fmt.Fprintln(h)
			}
		}
	}
	return h.Sum(nil)
}

// sumOf hashes the snapshot of the value v points to.
func sumOf(v any) ([]byte, error) {
	h := sha256.New()
	if err := snapshot.Write(h, v); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}
