package wiki

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/electionbot/electionbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// fixtureTitles are the page titles of the fixtures under testdata.
var fixtureTitles = map[string]string{
	"subotica-2017":   "2017 Subotica City Assembly election",
	"montenegro-2015": "2015 Montenegrin parliamentary election",
	"serbia-2010":     "2010 Serbian presidential election",
	"vojvodina-2011":  "2011 Vojvodina autonomy referendum",
}

// testAliases reads the aliases the bot ships with.
func testAliases(t testing.TB) *knowledge.Aliases {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "data", knowledge.AliasesFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := knowledge.ParseAliases(knowledge.AliasesFile, f)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// fixtureOptions are the options a fixture converts with: its title, a
// source as the importer records it, and the aliases' colours.
func fixtureOptions(t testing.TB, name string) Options {
	t.Helper()
	title := fixtureTitles[name]
	if title == "" {
		t.Fatalf("fixture %s has no title in fixtureTitles", name)
	}
	src := NewSource("https://en.wikipedia.org/w/api.php", title, 1000000+int64(len(title)),
		time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC), time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	return Options{Title: title, Source: src, Colour: testAliases(t).Colour}
}

func fixtures(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.wikitext"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return paths
}

// goldenView is the election model as the golden files show it, with the
// contestant each poll entry is linked to.
type goldenView struct {
	*knowledge.Election
	PollLinks [][]string
}

// TestGolden converts every fixture and checks the article against
// testdata/golden/NAME.txt and the election model the bot reads from it
// against testdata/golden/NAME.json; -update rewrites both.
func TestGolden(t *testing.T) {
	aliases := testAliases(t)
	for _, path := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".wikitext")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res := Convert(string(src), fixtureOptions(t, name))
			if !res.Election {
				t.Errorf("Convert(%s).Election = false; want an election article", name)
			}
			var warnings strings.Builder
			for _, w := range res.Warnings {
				fmt.Fprintf(&warnings, "# %s\n", w)
			}
			checkGolden(t, name+".txt", []byte(res.Text))
			checkGolden(t, name+".warnings", []byte(warnings.String()))

			a, err := knowledge.Parse(name+".txt", strings.NewReader(res.Text))
			if err != nil {
				t.Fatalf("the converted article does not parse: %v", err)
			}
			e := knowledge.Extract(a, aliases)
			view := goldenView{Election: e}
			for _, p := range e.Polls {
				var links []string
				for _, en := range p.Entries {
					l := en.Name + " -> "
					if en.Contestant != nil {
						l += en.Contestant.DisplayName()
					}
					links = append(links, l)
				}
				view.PollLinks = append(view.PollLinks, links)
			}
			got, err := json.MarshalIndent(view, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".json", append(got, '\n'))
		})
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./wiki/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run go test ./wiki/ -update and review the diff\n%s", path, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line of two texts.
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
