package discord_test

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/discord"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// sourcedEngine is an engine on the seed with its source recorded as src
// (nil: none), the shared elections left as they are.
func sourcedEngine(t *testing.T, src *knowledge.Source) *bot.Engine {
	t.Helper()
	var es []*knowledge.Election
	for _, e := range elections(t) {
		c := *e
		c.Source = src
		es = append(es, &c)
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}

const permalink = "https://en.wikipedia.org/w/index.php?title=2014_Belgrade_City_Assembly_election&oldid=61234567"

// TestEndpointLinksTheSource checks what Discord shows of an answer's
// source: a titled embed's URL is the article, at the section the answer
// names; an answer without a title links its source line in the
// description; an article without a recorded source links nothing.
func TestEndpointLinksTheSource(t *testing.T) {
	e := newEndpoint(t, sourcedEngine(t, &knowledge.Source{URL: permalink, Revision: 61234567}), discord.Options{})
	r, _ := e.interact(command("poll"))
	first := r.Data.Embeds[0]
	if want := permalink + "#Opinion_polls"; first.URL != want {
		t.Errorf("/poll embed url = %q; want %q", first.URL, want)
	}
	last := r.Data.Embeds[len(r.Data.Embeds)-1]
	if last.Footer == nil || last.Footer.Text != "2014 Belgrade City Assembly election, Opinion polls" {
		t.Errorf("/poll footer = %+v; want the source", last.Footer)
	}

	r, _ = e.interact(command("ask", option{Name: "question", Type: 3, Value: "How many seats did the SNS win?"}))
	first = r.Data.Embeds[0]
	want := "Source: [2014 Belgrade City Assembly election, Infobox](" + permalink + ")"
	if first.Title != "" || !strings.HasSuffix(first.Description, "\n\n"+want) {
		t.Errorf("/ask embed title %q, description %q; want no title and the description ending with %q", first.Title, first.Description, want)
	}
	if first.Footer != nil {
		t.Errorf("/ask footer = %+v; want the source in the description only", first.Footer)
	}

	e = newEndpoint(t, sourcedEngine(t, nil), discord.Options{})
	for _, c := range []map[string]any{command("poll"), command("ask", option{Name: "question", Type: 3, Value: "How many seats did the SNS win?"})} {
		r, _ = e.interact(c)
		for _, em := range r.Data.Embeds {
			if em.URL != "" || strings.Contains(em.Description, "](") {
				t.Errorf("embed %+v; want no link without a recorded source", em)
			}
		}
		if f := r.Data.Embeds[len(r.Data.Embeds)-1].Footer; f == nil || !strings.HasPrefix(f.Text, "2014 Belgrade City Assembly election") {
			t.Errorf("footer = %+v; want the source as always", f)
		}
	}
}
