package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection checks the layering STYLE.md asks for: knowledge
// uses only the standard library, index is the only package that imports
// bleve, the engine knows no SDK, and the adapters know each other not.
func TestDependencyDirection(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	const mod = "github.com/electionbot/electionbot"
	deps := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-deps", mod+"/"+pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	forbid := map[string][]string{
		"knowledge":    {"."}, // any import path with a dot is not the standard library
		"bot":          {"bleve", "discordgo", "go-telegram", mod + "/index", mod + "/chart"},
		"bot/console":  {"bleve", "discordgo", "go-telegram", mod + "/bot/telegram", mod + "/bot/discord"},
		"bot/telegram": {"bleve", "discordgo", mod + "/bot/discord", mod + "/index"},
		"bot/discord":  {"bleve", "go-telegram", mod + "/bot/telegram", mod + "/index"},
		"chart":        {"bleve", "discordgo", "go-telegram", mod + "/bot"},
		"index":        {"discordgo", "go-telegram", mod + "/chart"},
	}
	for pkg, bad := range forbid {
		for _, d := range deps(pkg) {
			if d == mod+"/"+pkg || (strings.HasPrefix(d, mod+"/") && pkg == "knowledge") {
				continue
			}
			for _, b := range bad {
				if b == "." && strings.Contains(strings.SplitN(d, "/", 2)[0], ".") || b != "." && strings.Contains(d, b) {
					t.Errorf("%s depends on %s", pkg, d)
				}
			}
		}
	}
}
