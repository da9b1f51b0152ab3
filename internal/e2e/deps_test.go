package e2e

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/electionbot/electionbot"

// mayUse is the map of ARCHITECTURE.md: for each package of the module,
// the packages of the module it may depend on, directly or not. A package
// not listed here fails the test until it is placed on the map.
var mayUse = map[string][]string{
	"knowledge": {}, // the model: parsing, folding, stemming, facts
	"data":      {},
	"lang":      {"knowledge"},                            // the message catalogue, detection, script
	"reply":     {"knowledge", "lang"},                    // what the bot says
	"answer":    {"knowledge", "lang", "reply"},           // free-text questions
	"index":     {"knowledge", "internal/snapshot"},       // the only bleve user
	"chart":     {"knowledge", "lang"},                    // pictures
	"render":    {"knowledge", "lang", "reply"},           // the model as words and fields
	"bot":       {"knowledge", "lang", "reply", "render"}, // the engine: neither answer nor index
	// The adapters know the engine, never each other; what they share
	// and the engine does not need (rate limits, retries, the shutdown
	// gate) is bot/adapter.
	"bot/adapter":  {},
	"bot/console":  {"bot", "knowledge", "lang", "reply", "render"},
	"bot/telegram": {"bot", "bot/adapter", "knowledge", "lang", "reply", "render"},
	"bot/discord":  {"bot", "bot/adapter", "knowledge", "lang", "reply", "render"},
	// Wikipedia's markup and its conversion into articles: the standard
	// library alone, so the importer writes what any reader of the format
	// reads.
	"wiki/wikitext": {},
	"wiki":          {"wiki/wikitext"},
	// Only the program, through wire, joins the parts.
	"internal/wire":   {"bot", "render", "answer", "index", "knowledge", "lang", "reply", "internal/snapshot"},
	"cmd/electionbot": {"*"},
	// Helpers of the tests.
	"internal/qa":        {"data", "knowledge"},
	"internal/hostile":   {"bot", "knowledge", "lang", "reply", "render"},
	"internal/fakechart": {"knowledge", "lang"},
	"internal/fakewiki":  {},
	"internal/apispec":   {},
	"internal/e2e":       {},
	// Invented articles for measuring at scale, and the command that
	// writes them into a folder.
	"internal/synth":             {},
	"internal/synth/synthcorpus": {"internal/synth"},
	// A graph of values kept on disk and read back whole (the parsed
	// elections, the index's passages).
	"internal/snapshot": {},
	// A digest of every extracted model, to show a change to extraction
	// left each as it was.
	"internal/snapshot/modeldigest": {"internal/snapshot", "knowledge", "data"},
	// The index folder: a build of the library kept on disk.
	"internal/store": {"index", "knowledge", "internal/snapshot"},
}

// standardOnly are the packages that use nothing outside the standard
// library and the module, but what the module's owners of outside
// libraries bring (lang brings golang.org/x/text).
var standardOnly = []string{"knowledge", "reply", "render", "answer", "bot", "bot/adapter", "wiki", "wiki/wikitext"}

// owners are the outside libraries that one package owns: only the owner
// imports them, and any other package reaches them through it.
var owners = map[string]string{
	"github.com/blevesearch/":       "index",
	"github.com/bwmarrin/discordgo": "bot/discord",
	"github.com/go-telegram/":       "bot/telegram",
	"github.com/fogleman/gg":        "chart",
	"github.com/golang/freetype":    "chart",
	"github.com/prometheus/":        "cmd/electionbot",
	"golang.org/x/term":             "bot/console",
	"golang.org/x/text/":            "lang",
}

// TestDependencyDirection checks the layering with go list: each package
// depends only on the packages mayUse allows, the core packages on the
// standard library alone, and each outside library only through its
// owner. Test files are left out: tests may wire anything.
func TestDependencyDirection(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}|{{join .Imports " "}}|{{join .Deps " "}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports, deps := map[string][]string{}, map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		pkg := strings.TrimPrefix(f[0], module+"/")
		imports[pkg], deps[pkg] = strings.Fields(f[1]), strings.Fields(f[2])
	}
	reported := map[string]bool{}
	for pkg, ds := range deps {
		allowed, ok := mayUse[pkg]
		if !ok {
			t.Errorf("%s is not on the map: add it to mayUse (and to ARCHITECTURE.md)", pkg)
			continue
		}
		for _, d := range ds {
			checkDep(t, pkg, d, allowed, deps, reported)
		}
		for _, d := range imports[pkg] {
			for lib, owner := range owners {
				if strings.HasPrefix(d, lib) && pkg != owner {
					t.Errorf("%s imports %s, which only %s may import", pkg, d, owner)
				}
			}
		}
	}
}

// checkDep reports a dependency pkg may not have, once per kind of fault.
func checkDep(t *testing.T, pkg, dep string, allowed []string, deps map[string][]string, reported map[string]bool) {
	t.Helper()
	report := func(key, format string, args ...any) {
		if !reported[pkg+" "+key] {
			reported[pkg+" "+key] = true
			t.Errorf(format, args...)
		}
	}
	if inner, ok := strings.CutPrefix(dep, module+"/"); ok {
		if !slices.Contains(allowed, inner) && !slices.Contains(allowed, "*") {
			report(inner, "%s depends on %s; it may use only %v", pkg, inner, allowed)
		}
		return
	}
	if !strings.Contains(strings.SplitN(dep, "/", 2)[0], ".") {
		return // the standard library
	}
	if slices.Contains(standardOnly, pkg) && !throughOwner(pkg, dep, allowed, deps) {
		report("outside", "%s depends on %s; it may use only the standard library", pkg, dep)
	}
	for lib, owner := range owners {
		if strings.HasPrefix(dep, lib) && pkg != owner && !slices.Contains(deps[pkg], module+"/"+owner) {
			report(lib, "%s depends on %s, which only %s may use", pkg, dep, owner)
		}
	}
}

// throughOwner reports whether pkg reaches the outside library dep
// through its owner, a package pkg may use.
func throughOwner(pkg, dep string, allowed []string, deps map[string][]string) bool {
	for lib, owner := range owners {
		if strings.HasPrefix(dep, lib) && slices.Contains(allowed, owner) && slices.Contains(deps[pkg], module+"/"+owner) {
			return true
		}
	}
	return false
}
