package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestLocalizedCommands checks that the slash commands carry their
// Serbian names and descriptions for Discord's Croatian locale, and that
// Discord would take them (the API description's locale keys and
// limits).
func TestLocalizedCommands(t *testing.T) {
	eng := engineWith(t, true)
	cmds := applicationCommands(eng.Commands(), localize(eng))
	checkRegistration(t, cmds)
	byName := map[string]*discordgo.ApplicationCommand{}
	for _, c := range cmds {
		byName[c.Name] = c
		if c.NameLocalizations == nil || c.DescriptionLocalizations == nil {
			t.Errorf("/%s has no localizations", c.Name)
			continue
		}
		if d := (*c.DescriptionLocalizations)[discordgo.Croatian]; d == "" || d == c.Description {
			t.Errorf("/%s Croatian description = %q; want a Serbian one", c.Name, d)
		}
		for _, o := range c.Options {
			if o.DescriptionLocalizations[discordgo.Croatian] == "" || o.NameLocalizations[discordgo.Croatian] == "" {
				t.Errorf("/%s %s has no Croatian name or description", c.Name, o.Name)
			}
		}
	}
	seats := byName["seats"]
	if seats == nil {
		t.Fatal("no /seats")
	}
	if n := (*seats.NameLocalizations)[discordgo.Croatian]; n != "mandati" {
		t.Errorf("/seats Croatian name = %q; want mandati", n)
	}
	if d := (*seats.DescriptionLocalizations)[discordgo.Croatian]; !strings.HasPrefix(d, "Mandati po listama") {
		t.Errorf("/seats Croatian description = %q", d)
	}
	if n := byName["list"].Options[0].NameLocalizations[discordgo.Croatian]; n != "broj" {
		t.Errorf("/list number Croatian name = %q; want broj", n)
	}
}
