package knowledge

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenElection is the election model as the golden files show it: the
// model itself plus, for every poll entry, the name of the contestant it
// was linked to, so that wrong linking shows up in a diff.
type goldenElection struct {
	*Election
	Polls    []goldenPoll
	Contests []goldenContest
}

// goldenContest shows a contest with the names of its contestants and,
// for every result, the contestant it was linked to.
type goldenContest struct {
	*Contest
	Contestants []string
	Rounds      []goldenRound
}

type goldenRound struct {
	*Round
	Results []goldenResult
}

type goldenResult struct {
	*Result
	Contestant string
}

type goldenPoll struct {
	*Poll
	Entries []goldenEntry
}

type goldenEntry struct {
	PollEntry
	// Contestant is the linked contestant's display name, "" when the
	// entry is linked to nothing.
	Contestant string
}

func goldenView(e *Election) goldenElection {
	g := goldenElection{Election: e}
	for _, p := range e.Polls {
		gp := goldenPoll{Poll: p}
		for _, en := range p.Entries {
			ge := goldenEntry{PollEntry: en}
			if en.Contestant != nil {
				ge.Contestant = en.Contestant.DisplayName()
			}
			gp.Entries = append(gp.Entries, ge)
		}
		g.Polls = append(g.Polls, gp)
	}
	for _, c := range e.Contests {
		gc := goldenContest{Contest: c}
		for _, x := range c.Contestants {
			gc.Contestants = append(gc.Contestants, x.DisplayName())
		}
		for _, r := range c.Rounds {
			gr := goldenRound{Round: r}
			for _, res := range r.Results {
				name := ""
				if res.Contestant != nil {
					name = res.Contestant.DisplayName()
				}
				gr.Results = append(gr.Results, goldenResult{Result: res, Contestant: name})
			}
			gc.Rounds = append(gc.Rounds, gr)
		}
		g.Contests = append(g.Contests, gc)
	}
	return g
}

// testAliases reads the aliases file the bot ships with.
func testAliases(t testing.TB) *Aliases {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "data", AliasesFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := ParseAliases(AliasesFile, f)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// extractFile parses and extracts one article file.
func extractFile(t testing.TB, path string, aliases *Aliases) *Election {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Parse(filepath.Base(path), f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return Extract(a, aliases)
}

// goldenArticles are the seed and every test article.
func goldenArticles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Series of one place's elections live in a folder each.
	series, err := filepath.Glob(filepath.Join("testdata", "articles", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return append(append([]string{filepath.Join("..", "data", "belgrade-2014.txt")}, paths...), series...)
}

func TestGolden(t *testing.T) {
	aliases := testAliases(t)
	for _, path := range goldenArticles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			e := extractFile(t, path, aliases)
			got, err := json.MarshalIndent(goldenView(e), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			checkGolden(t, filepath.Join("testdata", "golden", name+".json"), got, "election model of "+path)
		})
	}
}

// checkGolden compares what a test made of what with a golden file, or
// with -update writes it there.
func checkGolden(t *testing.T, golden string, got []byte, what string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./knowledge/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; run go test ./knowledge/ -update and review the diff\n%s", what, golden, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line of two texts with its number.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
