package discord

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bwmarrin/discordgo"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// engineWith loads the seed article, and a copy of it as the 2018
// election when two is set (so that commands take the election option).
func engineWith(t *testing.T, two bool) *bot.Engine {
	t.Helper()
	seed, err := data.FS.ReadFile("belgrade-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"belgrade-2014.txt": {Data: seed}}
	if two {
		fsys["belgrade-2018.txt"] = &fstest.MapFile{Data: bytes.ReplaceAll(seed, []byte("2014"), []byte("2018"))}
	}
	es, err := knowledge.Load(fsys, nil)
	if err != nil {
		t.Fatalf("knowledge.Load() = %v", err)
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}

func checkRegistration(t *testing.T, cmds []*discordgo.ApplicationCommand) {
	t.Helper()
	spec, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(cmds)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/applications/1/commands", "/applications/1/guilds/2/commands"} {
		if err := spec.CheckRequest("PUT", path, "application/json", body); err != nil {
			t.Errorf("registration Discord would refuse: %v", err)
		}
	}
	for _, c := range cmds {
		if c.Name != strings.ToLower(c.Name) || c.Description == "" || size(c.Description) > maxDescription {
			t.Errorf("/%s: name or description %q breaks a limit", c.Name, c.Description)
		}
		for _, o := range c.Options {
			if o.Name != strings.ToLower(o.Name) || o.Description == "" || size(o.Description) > maxDescription {
				t.Errorf("/%s %s: name or description %q breaks a limit", c.Name, o.Name, o.Description)
			}
		}
	}
}

func option(c *discordgo.ApplicationCommand, name string) *discordgo.ApplicationCommandOption {
	for _, o := range c.Options {
		if o.Name == name {
			return o
		}
	}
	return nil
}

func TestApplicationCommands(t *testing.T) {
	for _, two := range []bool{false, true} {
		eng := engineWith(t, two)
		cmds := applicationCommands(eng.Commands(), localize(eng))
		checkRegistration(t, cmds)
		byName := map[string]*discordgo.ApplicationCommand{}
		for _, c := range cmds {
			byName[c.Name] = c
		}
		for _, c := range eng.Commands() {
			if _, ok := byName[c.Name]; ok == c.Hidden {
				t.Errorf("/%s registered = %v; want %v (hidden %v)", c.Name, ok, !c.Hidden, c.Hidden)
			}
		}
		list := option(byName["list"], "number")
		if list == nil || list.Type != discordgo.ApplicationCommandOptionInteger || list.MinValue == nil || *list.MinValue != 1 ||
			list.MaxValue != 23 || !list.Autocomplete || list.Required {
			t.Errorf("/list number = %+v; want an optional autocompleted integer from 1 to 23", list)
		}
		name := option(byName["party"], "name")
		if name == nil || name.Type != discordgo.ApplicationCommandOptionString || !name.Required || !name.Autocomplete {
			t.Errorf("/party name = %+v; want a required autocompleted string", name)
		}
		if q := option(byName["ask"], "question"); q == nil || !q.Required || q.Autocomplete {
			t.Errorf("/ask question = %+v; want a required string without autocomplete", q)
		}
		el := option(byName["seats"], bot.OptionElection)
		if (el != nil) != two || (el != nil && !el.Autocomplete) {
			t.Errorf("/seats election option = %+v with two elections %v", el, two)
		}
	}
}

func TestApplicationCommandsLimits(t *testing.T) {
	var opts []bot.CommandOption
	for i := range 30 {
		opts = append(opts, bot.CommandOption{Name: "o" + strings.Repeat("x", i%3) + string(rune('a'+i%26)) + string(rune('a'+i/26))})
	}
	opts = append(opts, bot.CommandOption{Name: "must", Required: true, Description: strings.Repeat("d", 150)})
	cmds := applicationCommands([]bot.Command{
		{Name: "Long", Description: strings.Repeat("word ", 40), Options: opts},
		{Name: "two words", Description: "refused by Discord"},
		{Name: "empty"},
		{Name: "bounds", Description: "x", Options: []bot.CommandOption{{Name: "n", Type: bot.OptionInteger, Min: 5, Max: 2}}},
	}, nil)
	checkRegistration(t, cmds)
	if len(cmds) != 3 || cmds[0].Name != "long" || cmds[1].Name != "empty" {
		t.Fatalf("registered %d commands; want long, empty and bounds", len(cmds))
	}
	if got := cmds[0].Options; len(got) != maxOptions || got[0].Name != "must" || !strings.HasSuffix(got[0].Description, ellipsis) {
		t.Errorf("options: %d, first %q; want 25 with the required one first and its description cut", len(got), got[0].Name)
	}
	if cmds[1].Description != "/empty" {
		t.Errorf("empty description became %q; want a fallback", cmds[1].Description)
	}
	if n := cmds[2].Options[0]; *n.MinValue != 5 || n.MaxValue != 0 {
		t.Errorf("bounds 5..2 became %v..%v; want the maximum dropped", *n.MinValue, n.MaxValue)
	}
}
