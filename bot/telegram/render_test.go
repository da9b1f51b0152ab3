package telegram

import (
	"strings"
	"testing"
	"unicode"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/apispec"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`<b>&"x"</a>`, "&lt;b&gt;&amp;&quot;x&quot;&lt;/a&gt;"},
		{"&amp;", "&amp;amp;"},
		{"Đilas — 15.70%", "Đilas — 15.70%"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestMessagesLayout(t *testing.T) {
	resp := bot.Response{
		Title: "Seats — 2014 <Belgrade>",
		Text:  "110 seats in all.\nA majority takes 55.",
		Fields: []bot.Field{
			{Name: "SNS & co", Value: "63 seats"},
			{Name: "Polls", Value: "Factor: 37%\nNina: 41%"},
			{Value: "no name"},
		},
		Passages: []bot.Passage{{Spans: []bot.Span{{Text: "The "}, {Text: "SNS", Mark: true}, {Text: " won\n63 seats."}}, Source: bot.Source{Section: "Results"}}},
		Source:   bot.Source{Election: "2014 Belgrade City Assembly election", Section: "Infobox"},
	}
	want := "<b>Seats — 2014 &lt;Belgrade&gt;</b>\n" +
		"110 seats in all.\n" +
		"A majority takes 55.\n" +
		"\n" +
		"<b>SNS &amp; co:</b> 63 seats\n" +
		"<b>Polls:</b>\n" +
		"  Factor: 37%\n" +
		"  Nina: 41%\n" +
		"no name\n" +
		"• The <b>SNS</b> won 63 seats.<i> (Results)</i>\n" +
		"\n" +
		"<i>Source: 2014 Belgrade City Assembly election, Infobox</i>"
	got := messages(resp)
	if len(got) != 1 || got[0] != want {
		t.Errorf("messages = %q; want [%q]", got, want)
	}
}

// visible is what the user sees of a sent HTML text.
func visible(t *testing.T, html string) string {
	t.Helper()
	s, err := apispec.ParseTelegramHTML(html)
	if err != nil {
		t.Fatalf("ParseTelegramHTML(%q) = %v", html, err)
	}
	return s
}

// visibleRunes is the text of messages without white space, to compare
// what a split shows with what the whole answer holds.
func visibleRunes(t *testing.T, msgs []string) string {
	t.Helper()
	var b strings.Builder
	for _, m := range msgs {
		for _, r := range visible(t, m) {
			if !unicode.IsSpace(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func TestPackSplitsAtLines(t *testing.T) {
	var fields []bot.Field
	for i := range 300 {
		fields = append(fields, bot.Field{Name: "List " + strings.Repeat("x", i%7), Value: strings.Repeat("😀 Đ & <> ", 5)})
	}
	resp := bot.Response{Title: "Long", Fields: fields}
	msgs := messages(resp)
	if len(msgs) < 2 {
		t.Fatalf("%d messages; want several", len(msgs))
	}
	for _, m := range msgs {
		s := visible(t, m)
		if n := apispec.TelegramTextLen(s); n > messageBudget {
			t.Errorf("a message of %d UTF-16 units; want at most %d", n, messageBudget)
		}
		for _, l := range strings.Split(s, "\n") {
			if l != "" && l != "Long" && !strings.HasPrefix(l, "List ") {
				t.Errorf("line %q was cut", l)
			}
		}
	}
	if got, want := visibleRunes(t, msgs), visibleRunes(t, pack(layout(resp), 1<<30)); got != want {
		t.Errorf("split answer shows %q; want %q", got, want)
	}
}

func TestPackBreaksOverlongLine(t *testing.T) {
	word := "Đilas&<b> "
	resp := bot.Response{Text: strings.Repeat(word, 1500)} // one line of 15000 characters
	msgs := messages(resp)
	if len(msgs) < 4 {
		t.Fatalf("%d messages; want the line broken into at least 4", len(msgs))
	}
	for _, m := range msgs {
		s := visible(t, m)
		if n := apispec.TelegramTextLen(s); n > messageBudget || n == 0 {
			t.Errorf("a piece of %d characters", n)
		}
		if !strings.HasSuffix(strings.TrimSpace(s), "<b>") {
			t.Errorf("piece ends %q; want it broken at a space", s[len(s)-10:])
		}
	}
	if got, want := visibleRunes(t, msgs), strings.Repeat("Đilas&<b>", 1500); got != want {
		t.Errorf("pieces lost text: %d runes; want %d", len([]rune(got)), len([]rune(want)))
	}
}

func TestWithCaption(t *testing.T) {
	img := &bot.Image{Name: "seats.png", PNG: []byte{1}, Alt: "Seat chart"}
	var fields []bot.Field
	for range 60 {
		fields = append(fields, bot.Field{Name: "Party", Value: "63 seats · 43.62%"})
	}
	resp := bot.Response{Title: "Seats", Text: "110 seats.", Fields: fields, Image: img}
	caption, rest := withCaption(resp, false)
	c := visible(t, caption)
	if n := apispec.TelegramTextLen(c); n > captionBudget || !strings.HasPrefix(c, "Seats\n110 seats.") {
		t.Errorf("caption %q (%d characters); want the start of the answer within %d", c, n, captionBudget)
	}
	if len(rest) == 0 {
		t.Fatalf("no messages after the caption; want the rest of the answer")
	}
	if got, want := visibleRunes(t, append([]string{caption}, rest...)), visibleRunes(t, messages(resp)); got != want {
		t.Errorf("caption and messages show %q; want %q", got, want)
	}

	caption, rest = withCaption(resp, true)
	if caption != "<b>Seats</b>" || len(rest) == 0 || !strings.HasPrefix(rest[0], "<b>Seats</b>\n110 seats.") {
		t.Errorf("withCaption(keepAll) = %q, %q; want the title as caption and the whole answer after", caption, rest)
	}
}

func TestClipText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"a  b\nc", 10, "a b c"},
		{"one two three four", 10, "one two…"},
		{"😀😀😀😀😀😀", 5, "😀😀…"},
	}
	for _, tt := range tests {
		if got := clipText(tt.in, tt.n); got != tt.want {
			t.Errorf("clipText(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// FuzzMessages renders arbitrary answers and holds every message to
// Telegram's rules: valid HTML, within the limit, nothing lost.
func FuzzMessages(f *testing.F) {
	f.Add("Seats", "110 seats\nin all", "SNS", "63", "The SNS won", 200)
	f.Add("<b>", "&amp;", "", "\n\n", "</a>", 4000)
	f.Add("", strings.Repeat("😀", 300), "x", strings.Repeat("y ", 2500), "", 2)
	f.Fuzz(func(t *testing.T, title, text, name, value, passage string, repeat int) {
		if len(title)+len(text)+len(name)+len(value)+len(passage) > 20000 {
			return // long enough to split; longer only slows the fuzzer
		}
		repeat = max(1, min(repeat, 50))
		var fields []bot.Field
		for range repeat {
			fields = append(fields, bot.Field{Name: name, Value: value})
		}
		resp := bot.Response{Title: title, Text: text, Fields: fields,
			Passages: []bot.Passage{{Spans: []bot.Span{{Text: passage}, {Text: name, Mark: true}}}}}
		msgs := messages(resp)
		for _, m := range msgs {
			s, err := apispec.ParseTelegramHTML(m)
			if err != nil {
				t.Fatalf("invalid HTML %q: %v", m, err)
			}
			if n := apispec.TelegramTextLen(s); n > maxMessage || strings.TrimSpace(s) == "" {
				t.Fatalf("message of %d characters: %q", n, s)
			}
		}
		if got, want := visibleRunes(t, msgs), visibleRunes(t, pack(layout(resp), 1<<30)); got != want {
			t.Fatalf("split lost text: got %d runes, want %d", len(got), len(want))
		}
	})
}
