package discord

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/apispec"
	"github.com/electionbot/electionbot/reply"
)

// checkLimits fails the test when a rendered message breaks a Discord
// limit.
func checkLimits(t *testing.T, m message) {
	t.Helper()
	checkButtons(t, m)
	if len(m.embeds) < 1 || len(m.embeds) > maxEmbeds {
		t.Fatalf("%d embeds; want 1 to %d", len(m.embeds), maxEmbeds)
	}
	total := 0
	for i, e := range m.embeds {
		if size(e.Title) > maxTitle || size(e.Description) > maxEmbedDesc || len(e.Fields) > maxFields {
			t.Errorf("embed %d: title %d, description %d, %d fields", i, size(e.Title), size(e.Description), len(e.Fields))
		}
		total += size(e.Title) + size(e.Description)
		for _, f := range e.Fields {
			if f.Name == "" || f.Value == "" || size(f.Name) > maxFieldName || size(f.Value) > maxFieldValue {
				t.Errorf("embed %d field: name %d, value %d characters", i, size(f.Name), size(f.Value))
			}
			if !utf8.ValidString(f.Name) || !utf8.ValidString(f.Value) {
				t.Errorf("embed %d field %q: invalid UTF-8", i, f.Name)
			}
			total += size(f.Name) + size(f.Value)
		}
		if e.Footer != nil {
			total += size(e.Footer.Text)
		}
	}
	if total > maxEmbedTotal {
		t.Errorf("embeds hold %d characters; want at most %d", total, maxEmbedTotal)
	}
}

func checkButtons(t *testing.T, m message) {
	t.Helper()
	for _, row := range m.components {
		r := row.(discordgo.ActionsRow)
		if len(r.Components) < 1 || len(r.Components) > maxRowButtons {
			t.Errorf("action row of %d buttons", len(r.Components))
		}
		for _, c := range r.Components {
			b := c.(discordgo.Button)
			if b.CustomID == "" || len(b.CustomID) > maxCustomID || b.Label == "" || size(b.Label) > maxButtonLabel {
				t.Errorf("button %+v breaks a limit", b)
			}
		}
	}
}

// loadSpec parses the OpenAPI description once for all tests.
var loadSpec = sync.OnceValues(apispec.LoadDiscord)

// checkSpec validates a message as an interaction response against the
// OpenAPI description.
func checkSpec(t *testing.T, m message) {
	t.Helper()
	spec, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: m.responseData()})
	if err != nil {
		t.Fatal(err)
	}
	if err := spec.CheckRequest("POST", "/interactions/1/t/callback", "application/json", body); err != nil {
		t.Errorf("rendered message Discord would refuse: %v", err)
	}
}

func allFields(m message) []*discordgo.MessageEmbedField {
	var out []*discordgo.MessageEmbedField
	for _, e := range m.embeds {
		out = append(out, e.Fields...)
	}
	return out
}

func TestRenderBasics(t *testing.T) {
	png := []byte("\x89PNG")
	r := bot.Response{
		Title:   "Seats — 2014 Belgrade City Assembly election",
		Text:    "110 seats in all.",
		Fields:  []bot.Field{{Name: "SNS", Value: "63 seats", Inline: true}, {Name: "", Value: ""}},
		Colour:  "#0A1B2C",
		Image:   &bot.Image{Name: "seats chart.png", PNG: png, Alt: "Seat chart"},
		Buttons: []bot.Button{{Label: "Next ›", Data: "list:2:b"}},
		Source:  bot.Source{Election: "2014 Belgrade City Assembly election", Section: "Infobox"},
	}
	m := render(r)
	checkLimits(t, m)
	checkSpec(t, m)
	e := m.embeds[0]
	if e.Title != r.Title || e.Description != "110 seats in all." {
		t.Errorf("title, description = %q, %q; want them as given", e.Title, e.Description)
	}
	if e.Color != 0x0A1B2C {
		t.Errorf("colour = %#x; want 0x0a1b2c", e.Color)
	}
	if e.Footer == nil || e.Footer.Text != "2014 Belgrade City Assembly election, Infobox" {
		t.Errorf("footer = %+v; want the source", e.Footer)
	}
	if !e.Fields[0].Inline || e.Fields[1].Name != blank || e.Fields[1].Value != blank {
		t.Errorf("fields = %+v, %+v; want inline kept and empty ones filled", e.Fields[0], e.Fields[1])
	}
	if e.Image == nil || e.Image.URL != "attachment://seats_chart.png" {
		t.Errorf("image = %+v; want attachment://seats_chart.png", e.Image)
	}
	if f := m.files(); len(f) != 1 || f[0].Name != "seats_chart.png" || f[0].ContentType != "image/png" {
		t.Errorf("files = %+v; want one PNG named like the embed's image", f)
	}
	if m.flags() != 0 {
		t.Errorf("flags = %d; want 0", m.flags())
	}
	if !render(bot.Response{Text: "No.", Ephemeral: true}).ephemeral {
		t.Errorf("an ephemeral response renders as public")
	}
}

func TestRenderLongText(t *testing.T) {
	r := bot.Response{Title: strings.Repeat("T", 300), Text: strings.Repeat("word ", 2000)}
	m := render(r)
	checkLimits(t, m)
	checkSpec(t, m)
	e := m.embeds[0]
	if !strings.HasSuffix(e.Title, ellipsis) || size(e.Title) != maxTitle {
		t.Errorf("title of %d characters ending %q; want cut to %d with …", size(e.Title), e.Title[len(e.Title)-5:], maxTitle)
	}
	if !strings.HasSuffix(e.Description, ellipsis) {
		t.Errorf("description not marked as cut")
	}
}

func TestRenderManyFields(t *testing.T) {
	var fields []bot.Field
	for i := range 60 {
		fields = append(fields, bot.Field{Name: fmt.Sprint(i + 1), Value: "a list"})
	}
	m := render(bot.Response{Title: "Lists", Fields: fields, Colour: "#ff0000", Source: bot.Source{Section: "Electoral lists"}})
	checkLimits(t, m)
	checkSpec(t, m)
	if len(m.embeds) != 3 || len(allFields(m)) != 60 {
		t.Fatalf("%d embeds with %d fields; want 60 fields in 3 embeds", len(m.embeds), len(allFields(m)))
	}
	for i, e := range m.embeds {
		if e.Color != 0xff0000 {
			t.Errorf("embed %d colour %#x; want every embed in the party colour", i, e.Color)
		}
		if (e.Footer != nil) != (i == len(m.embeds)-1) {
			t.Errorf("embed %d footer %+v; want the footer on the last embed only", i, e.Footer)
		}
	}
}

func TestRenderTooMuch(t *testing.T) {
	var fields []bot.Field
	for i := range 30 {
		fields = append(fields, bot.Field{Name: fmt.Sprintf("Field %d", i), Value: strings.Repeat("ž", 1500)})
	}
	m := render(bot.Response{Title: "Everything", Text: strings.Repeat("x", 3000), Fields: fields})
	checkLimits(t, m)
	checkSpec(t, m)
	fs := allFields(m)
	last := fs[len(fs)-1]
	if last.Name != ellipsis || !strings.HasSuffix(last.Value, "more not shown") {
		t.Errorf("last field = %+v; want a note of what was left out", last)
	}
	if !strings.HasSuffix(fs[0].Value, ellipsis) {
		t.Errorf("a field of 1500 characters is not marked as cut")
	}
	// 300 fields: more than ten embeds could hold.
	fields = fields[:0]
	for i := range 300 {
		fields = append(fields, bot.Field{Name: "n", Value: fmt.Sprint(i)})
	}
	m = render(bot.Response{Fields: fields})
	checkLimits(t, m)
	fs = allFields(m)
	if got := fs[len(fs)-1].Value; got != "51 more not shown" {
		t.Errorf("marker = %q; want 51 more not shown", got)
	}
}

func TestRenderEmpty(t *testing.T) {
	m := render(bot.Response{})
	checkLimits(t, m)
	checkSpec(t, m)
}

func TestRenderEscapesMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, 50.66%", "plain words, 50.66%"},
		{"*bold* _it_ ~~s~~ `code` ||spoiler||", `\*bold\* \_it\_ \~\~s\~\~ \` + "`" + `code\` + "`" + ` \|\|spoiler\|\|`},
		{"[click](https://evil.example)", `\[click\](https://evil.example)`},
		{"@everyone <@123> <#9> <t:1:R>", `\@everyone \<\@123\> \<#9\> \<t:1:R\>`},
		{"# Heading\n- item\n> quote\n12. numbered\n-# small", "\\# Heading\n\\- item\n\\> quote\n12\\. numbered\n\\-# small"},
		{"a - b # c 1. d", "a - b # c 1. d"},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	m := render(bot.Response{Title: "**x**", Fields: []bot.Field{{Name: "@here", Value: "[a](b)"}}})
	if f := m.embeds[0].Fields[0]; m.embeds[0].Title != `\*\*x\*\*` || f.Name != `\@here` || f.Value != `\[a\](b)` {
		t.Errorf("render escaped title %q, field %q=%q", m.embeds[0].Title, f.Name, f.Value)
	}
}

func TestRenderPassages(t *testing.T) {
	p := bot.Passage{
		Spans: []bot.Span{
			{Text: "Turnout was "}, {Text: "50.66", Mark: true}, {Text: "%", Mark: true},
			{Text: " of *voters* "}, {Text: " in Belgrade ", Mark: true}, {Text: "."},
		},
		Source: bot.Source{Section: "Results"},
	}
	m := render(bot.Response{Title: "Search", Passages: []bot.Passage{p}})
	checkLimits(t, m)
	f := m.embeds[0].Fields[0]
	if want := `Turnout was **50.66%** of \*voters\*  **in Belgrade** .`; f.Value != want || f.Name != "Results" {
		t.Errorf("passage = %q %q; want Results %q", f.Name, f.Value, want)
	}
	// A long passage is cut without leaving bold open.
	long := bot.Passage{Spans: []bot.Span{{Text: strings.Repeat("a", 600)}, {Text: strings.Repeat("b", 800), Mark: true}}}
	m = render(bot.Response{Passages: []bot.Passage{long}})
	checkLimits(t, m)
	v := m.embeds[0].Fields[0].Value
	if !strings.HasSuffix(v, "**"+ellipsis) || strings.Count(v, "**") != 2 || size(v) > maxFieldValue {
		t.Errorf("cut passage ends %q with %d ** (%d characters); want one closed bold run and …", v[len(v)-10:], strings.Count(v, "**"), size(v))
	}
}

func TestFitEscaped(t *testing.T) {
	for _, limit := range []int{2, 3, 10, 50} {
		got := fitEscaped(strings.Repeat("*", 40), limit)
		if size(got) > limit {
			t.Errorf("fitEscaped(40 stars, %d) has %d characters", limit, size(got))
		}
		if strings.HasSuffix(strings.TrimSuffix(got, ellipsis), `\`) {
			t.Errorf("fitEscaped(40 stars, %d) = %q; a cut escape", limit, got)
		}
	}
	// Characters outside the BMP count twice.
	if got := fitEscaped(strings.Repeat("😀", 10), 9); size(got) > 9 || got != strings.Repeat("😀", 4)+ellipsis {
		t.Errorf("fitEscaped(emoji, 9) = %q", got)
	}
}

func TestParseColour(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{{"#FF0000", 0xff0000}, {"00ff00", 0x00ff00}, {"#abc", 0xaabbcc}, {"", 0}, {"red", 0}, {"#GGGGGG", 0}, {"#1234567", 0}}
	for _, tt := range tests {
		if got := parseColour(tt.in); got != tt.want {
			t.Errorf("parseColour(%q) = %#x; want %#x", tt.in, got, tt.want)
		}
	}
}

func TestButtons(t *testing.T) {
	var bs []bot.Button
	for i := range 30 {
		bs = append(bs, bot.Button{Label: fmt.Sprint("page ", i), Data: fmt.Sprint("list:", i, ":x")})
	}
	bs = append([]bot.Button{
		{Label: "dup", Data: "list:0:x"},
		{Label: "", Data: ""},
		{Label: "long", Data: strings.Repeat("d", 101)},
		{Label: strings.Repeat("L", 100), Data: "long-label"},
	}, bs...)
	m := message{components: buttons(bs)}
	checkButtons(t, m)
	if len(m.components) != maxRows {
		t.Errorf("%d rows; want %d", len(m.components), maxRows)
	}
	seen := map[string]bool{}
	for _, row := range m.components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			id := c.(discordgo.Button).CustomID
			if seen[id] {
				t.Errorf("custom_id %q twice", id)
			}
			seen[id] = true
		}
	}
}

func FuzzRender(f *testing.F) {
	// Seeds stay short (the fuzzer minimises slowly on long inputs);
	// repeat stretches them past the limits.
	f.Add("Seats", "110 seats", "SNS", "63", "#ff0000", "list:2:x", "marked", uint16(1))
	f.Add("*", "_\n#", "", "", "", "", "", uint16(3000))
	f.Add("😀\xff", "\x00<@1>", "[a](b)", "ž", "#abc", "x", "", uint16(1500))
	f.Add("T", "see https://x.org/a_(b) now", "", "http://y.org", "https://z.org/", "https://x.org/w?a=1&b=2#S", "2014", uint16(2))
	f.Fuzz(func(t *testing.T, title, text, name, value, colour, data, mark string, repeat uint16) {
		n := 1 + int(repeat)%5000
		text, value = strings.Repeat(text, n), strings.Repeat(value, n)
		var fields []bot.Field
		for range 30 {
			fields = append(fields, bot.Field{Name: name, Value: value})
		}
		r := bot.Response{
			Title: strings.Repeat(title, n), Text: text, Fields: fields, Colour: colour,
			Passages: []bot.Passage{{Spans: []bot.Span{{Text: text}, {Text: mark, Mark: true}, {Text: value}}}},
			Buttons:  []bot.Button{{Label: name, Data: data}},
			Source:   bot.Source{Election: title, Section: name, URL: data, Links: []bot.Link{{Label: mark, URL: colour}}},
		}
		m := render(r)
		checkLimits(t, m)
		if u := m.embeds[0].URL; u != "" && reply.LinkURL(u) != u {
			t.Errorf("embed url %q; want only an http(s) address", u)
		}
		for _, e := range m.embeds {
			for _, f := range e.Fields {
				if strings.Count(f.Value, "**")%2 == 1 && !strings.Contains(f.Value, `\*`) {
					t.Errorf("field value %q leaves bold open", f.Value)
				}
			}
		}
	})
}

func TestRenderLinks(t *testing.T) {
	const link = "https://en.wikipedia.org/w/index.php?title=X_(Beograd)&oldid=5#Opinion_polls"
	src := bot.Source{Election: "2014 Belgrade City Assembly election", Section: "Opinion polls", URL: link}
	tests := []struct {
		name                  string
		r                     bot.Response
		url, desc, footerText string
	}{
		{"titled", bot.Response{Title: "Polls", Text: "SNS leads.", Source: src},
			link, "SNS leads.", "2014 Belgrade City Assembly election, Opinion polls"},
		{"untitled", bot.Response{Text: "SNS leads.", Source: src},
			link, "SNS leads.\n\nSource: [2014 Belgrade City Assembly election, Opinion polls](https://en.wikipedia.org/w/index.php?title=X_%28Beograd%29&oldid=5#Opinion_polls)", ""},
		{"not http", bot.Response{Text: "SNS leads.", Source: bot.Source{Election: "E", URL: "javascript:alert(1)"}},
			"", "SNS leads.", "E"},
		{"each of several", bot.Response{Text: "Up.", Source: bot.Source{Election: "Belgrade elections 2014 and 2018",
			Links: []bot.Link{{Label: "2014", URL: "https://x.org/a"}, {Label: "2018", URL: "https://x.org/b_(c)"}}}},
			"", "Up.\n\nArticles: [2014](https://x.org/a) · [2018](https://x.org/b_%28c%29)", "Belgrade elections 2014 and 2018"},
		{"addresses in text", bot.Response{Text: "See https://x.org/a_b*c, or javascript:x_y.", Fields: []bot.Field{{Name: "Article", Value: "https://x.org/w?a=1&b=2"}}},
			"", "See <https://x.org/a_b*c>, or javascript:x\\_y.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := render(tt.r)
			checkLimits(t, m)
			checkSpec(t, m)
			first, last := m.embeds[0], m.embeds[len(m.embeds)-1]
			if first.URL != tt.url {
				t.Errorf("embed url = %q; want %q", first.URL, tt.url)
			}
			if first.Description != tt.desc {
				t.Errorf("description = %q; want %q", first.Description, tt.desc)
			}
			got := ""
			if last.Footer != nil {
				got = last.Footer.Text
			}
			if got != tt.footerText {
				t.Errorf("footer = %q; want %q", got, tt.footerText)
			}
			for _, f := range first.Fields {
				if strings.HasPrefix(f.Value, "http") {
					t.Errorf("field value %q; want the address as a link, <…>", f.Value)
				}
			}
		})
	}
	// A long answer keeps its linked source line whole.
	m := render(bot.Response{Text: strings.Repeat("word ", 2000), Source: src})
	checkLimits(t, m)
	if d := m.embeds[0].Description; !strings.HasSuffix(d, "#Opinion_polls)") {
		t.Errorf("long description ends %q; want the linked source line", d[len(d)-80:])
	}
	// An address that does not fit is left out, never cut.
	if got := fitLinked("a https://x.org/"+strings.Repeat("b", 100), 50); strings.Contains(got, "<") {
		t.Errorf("fitLinked(long address, 50) = %q; want it left out", got)
	}
}
