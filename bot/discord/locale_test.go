package discord_test

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot/discord"
)

// TestEndpointLocale checks that a bare /seats is answered in Serbian
// for a Croatian Discord user or server, and in English otherwise.
func TestEndpointLocale(t *testing.T) {
	e := newEndpoint(t, newEngine(t), discord.Options{})
	tests := []struct {
		name          string
		locale, guild string
		title         string
		text          string
	}{
		{"croatian user", "hr", "", "Mandati — ", "Ukupno 110 mandata"},
		{"croatian server", "", "hr", "Mandati — ", "Ukupno 110 mandata"},
		{"the user's locale first", "en-US", "hr", "Seats — ", "110 seats in all"},
		{"english", "en-GB", "", "Seats — ", "110 seats in all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := command("seats")
			if tt.locale != "" {
				i["locale"] = tt.locale
			}
			if tt.guild != "" {
				i["guild_locale"] = tt.guild
			}
			r, _ := e.interact(i)
			first := r.Data.Embeds[0]
			if !strings.HasPrefix(unescape(first.Title), tt.title) || !strings.Contains(unescape(first.Description), tt.text) {
				t.Errorf("/seats (locale %q, guild %q) = %q / %q; want %q... and %q", tt.locale, tt.guild, unescape(first.Title), unescape(first.Description), tt.title, tt.text)
			}
		})
	}
}
