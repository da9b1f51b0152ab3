package telegram

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// seedURL is the page address the embedded seed records.
const seedURL = "https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election"

// A permanent link whose address holds what HTML must escape in an
// attribute: "&" between parameters, quotes, and a fragment added for
// the section.
const (
	oddURL  = `https://en.wikipedia.org/w/index.php?title=2014_Belgrade_City_Assembly_election&oldid=61234567&note='a"b'`
	oddHref = `https://en.wikipedia.org/w/index.php?title=2014_Belgrade_City_Assembly_election&amp;oldid=61234567&amp;note='a%22b'#Opinion_polls`
	oddLink = `https://en.wikipedia.org/w/index.php?title=2014_Belgrade_City_Assembly_election&oldid=61234567&note='a%22b'#Opinion_polls`
)

// seedEngine is an engine on the seed article with its Source block's
// URL line replaced by url, or the block left out for "".
func seedEngine(t *testing.T, url string) *bot.Engine {
	t.Helper()
	raw, err := fs.ReadFile(data.FS, "belgrade-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if url == "" {
		start, end := strings.Index(text, "Source\n"), strings.Index(text, "Infobox\n")
		text = text[:start] + text[end:]
	} else {
		text = strings.Replace(text, "- URL: "+seedURL, "- URL: "+url, 1)
	}
	aliases, err := fs.ReadFile(data.FS, "aliases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	es, err := knowledge.Load(fstest.MapFS{"belgrade-2014.txt": {Data: []byte(text)}, "aliases.tsv": {Data: aliases}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}

// TestSourceLink sends questions to a bot whose article records an
// address that needs escaping, and one whose article records none: the
// source line links the article at the section the answer names, with
// the address escaped in the attribute, in messages and inline results;
// without a recorded source the line is as it always was.
func TestSourceLink(t *testing.T) {
	h := start(t, setup{engine: seedEngine(t, oddURL)})
	chat := privateChat(alice)
	h.api.push(message(chat, alice, 1, "/poll", nil))
	text := h.api.awaitSent("sendMessage", 1)[0].Params["text"]
	wantHTML := `<i>Source: </i><a href="` + oddHref + `"><i>2014 Belgrade City Assembly election, Opinion polls</i></a>`
	if !strings.HasSuffix(text, wantHTML) {
		t.Errorf("/poll text = %q; want it to end with the linked source %q", text, wantHTML)
	}
	if got := visible(t, text); !strings.HasSuffix(got, "Source: 2014 Belgrade City Assembly election, Opinion polls") {
		t.Errorf("/poll shows %q; want the source line as text", got)
	}

	h.api.push(message(chat, alice, 2, "How many seats did the SNS win?", nil))
	text = h.api.awaitSent("sendMessage", 2)[1].Params["text"]
	if !strings.Contains(text, `<a href="https://en.wikipedia.org/w/index.php?title=2014_Belgrade_City_Assembly_election&amp;oldid=61234567&amp;note='a%22b'">`) {
		t.Errorf("free-text answer %q; want the source linked to the page's top (the infobox)", text)
	}

	h.api.push(map[string]any{"inline_query": map[string]any{"id": "iq1", "from": alice, "query": "/poll", "offset": "", "chat_type": "sender"}})
	c := h.api.awaitSent("answerInlineQuery", 1)[0]
	var results []struct {
		URL     string `json:"url"`
		Content struct {
			Text string `json:"message_text"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(c.Params["results"]), &results); err != nil || len(results) == 0 {
		t.Fatalf("results %q: %v", c.Params["results"], err)
	}
	if results[0].URL != oddLink {
		t.Errorf("inline result url = %q; want %q", results[0].URL, oddLink)
	}
	if !strings.Contains(results[0].Content.Text, `<a href="`+oddHref+`">`) {
		t.Errorf("inline result text = %q; want the linked source", results[0].Content.Text)
	}
}

func TestNoSourceNoLink(t *testing.T) {
	h := start(t, setup{engine: seedEngine(t, "")})
	h.api.push(message(privateChat(alice), alice, 1, "/poll", nil))
	text := h.api.awaitSent("sendMessage", 1)[0].Params["text"]
	if strings.Contains(text, "<a ") {
		t.Errorf("/poll text = %q; want no link without a recorded source", text)
	}
	if want := "<i>Source: 2014 Belgrade City Assembly election, Opinion polls</i>"; !strings.HasSuffix(text, want) {
		t.Errorf("/poll text = %q; want it to end with %q", text, want)
	}
}

func TestSourceLines(t *testing.T) {
	src := "2014 Belgrade City Assembly election, Results"
	tests := []struct {
		name   string
		source bot.Source
		want   string
	}{
		{"linked", bot.Source{Election: "2014 Belgrade City Assembly election", Section: "Results", URL: "https://x.org/w?a=1&b=2#Results"},
			`<i>Source: </i><a href="https://x.org/w?a=1&amp;b=2#Results"><i>` + src + `</i></a>`},
		{"not http", bot.Source{Election: "2014 Belgrade City Assembly election", Section: "Results", URL: "javascript:alert(1)"},
			`<i>Source: ` + src + `</i>`},
		{"none", bot.Source{Election: "2014 Belgrade City Assembly election", Section: "Results"},
			`<i>Source: ` + src + `</i>`},
		{"each of several", bot.Source{Election: "Belgrade elections 2014 and 2018", Links: []bot.Link{{Label: "2014", URL: "https://x.org/a"}, {Label: "bad", URL: "data:x"}, {Label: "2018", URL: "https://x.org/b"}}},
			"<i>Source: Belgrade elections 2014 and 2018</i>\n" +
				`<i>Articles: </i><a href="https://x.org/a"><i>2014</i></a><i> · </i><a href="https://x.org/b"><i>2018</i></a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := messages(bot.Response{Text: "x", Source: tt.source})
			if len(got) != 1 || got[0] != "x\n\n"+tt.want {
				t.Errorf("messages = %q; want [%q]", got, "x\n\n"+tt.want)
			}
			visible(t, got[0])
		})
	}
}
