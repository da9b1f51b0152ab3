package bot_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// sourcedEngine loads the seed (its page and licence recorded), an
// invented article with a full Source block as an import writes it
// (testdata/sourced), and the parser's test articles, which record none.
func sourcedEngine(t testing.TB) *bot.Engine {
	t.Helper()
	return bot.New(&bot.Library{Elections: sourcedElections(t)}, wire.Answers(nil))
}

// sourcedElections are the seed, the imported test articles and the
// knowledge package's test articles, newest first.
func sourcedElections(t testing.TB) []*knowledge.Election {
	t.Helper()
	var es []*knowledge.Election
	for _, fsys := range []fs.FS{data.FS, os.DirFS("testdata/sourced"), os.DirFS("../knowledge/testdata/articles")} {
		more, err := knowledge.Load(fsys, seedAliases(t))
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, more...)
	}
	knowledge.SortNewestFirst(es)
	return es
}

const (
	zlatiborLink = "https://en.wikipedia.org/w/index.php?title=2019_Zlatibor_Municipal_Assembly_election&oldid=90001"
	licenceURL   = "https://creativecommons.org/licenses/by-sa/4.0/"
)

// TestAboutShowsTheSource asks /about in each language: an imported
// article's link, revision, when it was saved and fetched, and its
// credit; the seed's page, without a revision; nothing for an article
// that records no source.
func TestAboutShowsTheSource(t *testing.T) {
	eng := sourcedEngine(t)
	tests := []struct {
		name, text, locale string
		fields             map[string]string // field name → value; "" for a field that must be absent
		url                string
	}{
		{"imported, english", "/about 2019 Zlatibor", "", map[string]string{
			"Article":   zlatiborLink,
			"Revision":  "90001, saved 2019-04-02T10:00:00Z",
			"Retrieved": "2024-05-06T07:08:09Z",
			"Licence":   "Wikipedia contributors, CC BY-SA 4.0\n" + licenceURL,
		}, zlatiborLink},
		{"imported, serbian", "/o-izborima 2019 Zlatibor", "sr", map[string]string{
			"Članak":   zlatiborLink,
			"Revizija": "90001, sačuvana 2019-04-02T10:00:00Z",
			"Preuzeto": "2024-05-06T07:08:09Z",
			"Licenca":  "Wikipedia contributors, CC BY-SA 4.0\n" + licenceURL,
		}, zlatiborLink},
		{"imported, cyrillic", "/about 2019 Zlatibor", "sr-Cyrl", map[string]string{
			"Чланак":   zlatiborLink,
			"Ревизија": "90001, сачувана 2019-04-02T10:00:00Z",
			"Преузето": "2024-05-06T07:08:09Z",
		}, zlatiborLink},
		{"seed without a revision", "/about 2014 Belgrade", "", map[string]string{
			"Article":   "https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election",
			"Revision":  "not recorded: the link is to the page as it is now",
			"Retrieved": "",
		}, "https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election#Electoral_lists"},
		{"seed in serbian", "/about 2014 Belgrade", "sr", map[string]string{
			"Revizija": "nije zabeležena: link vodi na stranicu kakva je sada",
		}, "https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election#Electoral_lists"},
		{"no recorded source", "/about 2016 Niš", "", map[string]string{"Article": "", "Revision": "", "Licence": ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eng.Handle(context.Background(), bot.Request{Platform: "test", Text: tt.text, Locale: tt.locale})
			if r.Outcome != bot.Answered {
				t.Fatalf("%s = %v\n%s", tt.text, r.Outcome, r.Plain())
			}
			got := map[string]string{}
			for _, f := range r.Fields {
				got[f.Name] = f.Value
			}
			for name, want := range tt.fields {
				if v, ok := got[name]; want == "" && ok || want != "" && v != want {
					t.Errorf("%s field %q = %q (present %v); want %q", tt.text, name, v, ok, want)
				}
			}
			if r.Source.URL != tt.url {
				t.Errorf("%s Source.URL = %q; want %q", tt.text, r.Source.URL, tt.url)
			}
		})
	}
}

// TestSourcesCommand lists every loaded article, page by page, in English
// and in Serbian.
func TestSourcesCommand(t *testing.T) {
	eng := sourcedEngine(t)
	n := len(sourcedElections(t))
	pages := (n + 7) / 8
	ctx := context.Background()
	var all []bot.Field
	r := ask(eng, "/sources")
	for page := 1; ; page++ {
		if r.Outcome != bot.Answered || r.Title != "Sources" {
			t.Fatalf("/sources page %d = %v %q", page, r.Outcome, r.Plain())
		}
		if len(r.Fields) == 0 || len(r.Fields) > 8 {
			t.Errorf("page %d has %d articles; want 1 to 8", page, len(r.Fields))
		}
		all = append(all, r.Fields...)
		var next string
		for _, b := range r.Buttons {
			if len(b.Data) > bot.MaxButtonData {
				t.Errorf("button data %q is longer than %d bytes", b.Data, bot.MaxButtonData)
			}
			if strings.HasPrefix(b.Label, "Next") {
				next = b.Data
			}
		}
		if next == "" {
			break
		}
		if page > 10 {
			t.Fatal("/sources pages do not end")
		}
		r = eng.Press(ctx, next)
	}
	if !strings.HasPrefix(ask(eng, "/sources").Text, fmt.Sprintf("%d articles are loaded.", n)) {
		t.Errorf("/sources text = %q; want the count of articles", ask(eng, "/sources").Text)
	}
	byTitle := map[string]string{}
	for _, f := range all {
		byTitle[f.Name] = f.Value
	}
	want := map[string]string{
		"2019 Zlatibor Municipal Assembly election": zlatiborLink + "\n" +
			"Revision 90001 of 2019-04-02T10:00:00Z, retrieved 2024-05-06T07:08:09Z\n" +
			"Wikipedia contributors, CC BY-SA 4.0 " + licenceURL,
		"2014 Belgrade City Assembly election": "https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election\n" +
			"No revision recorded: the link is to the page as it is now.\n" +
			"Wikipedia contributors, CC BY-SA 4.0 " + licenceURL,
		"2016 Niš City Assembly election": "No recorded source: the article file does not say where its text comes from.",
	}
	for title, w := range want {
		if got := byTitle[title]; got != w {
			t.Errorf("/sources %s = %q; want %q", title, got, w)
		}
	}
	if len(byTitle) != n {
		t.Errorf("/sources listed %d articles; want all %d", len(byTitle), n)
	}

	sr := eng.Handle(ctx, bot.Request{Platform: "test", Text: "/izvori", Locale: "sr"})
	if sr.Title != "Izvori" || !strings.Contains(sr.Text, fmt.Sprintf(" je %d članak", n)) || !strings.Contains(sr.Text, fmt.Sprintf("Strana 1 od %d.", pages)) {
		t.Errorf("/izvori = %q", sr.Plain())
	}
	if len(sr.Buttons) != 1 || !strings.HasPrefix(sr.Buttons[0].Data, "src-sr:") {
		t.Fatalf("/izvori buttons = %+v; want one, keeping the language", sr.Buttons)
	}
	if p2 := eng.Press(ctx, sr.Buttons[0].Data); !strings.Contains(p2.Text, fmt.Sprintf("Strana 2 od %d.", pages)) {
		t.Errorf("/izvori page 2 = %q", p2.Plain())
	}
	cyr := eng.Handle(ctx, bot.Request{Platform: "test", Text: "/sources", Locale: "sr-Cyrl"})
	if cyr.Title != "Извори" || !strings.Contains(cyr.Plain(), zlatiborLink) {
		t.Errorf("/sources in Cyrillic = %q; want the title in Cyrillic and the links as they are", cyr.Plain())
	}
	if r := ask(eng, "/sources please"); r.Outcome != bot.UserError {
		t.Errorf("/sources please = %v; want a user error", r.Outcome)
	}
	if r := eng.Press(ctx, "src:x:"); r.Outcome != bot.UserError {
		t.Errorf("Press(src:x:) = %v; want a user error", r.Outcome)
	}
}

// TestAnswersLinkTheirArticle asks free-text questions: an answer from an
// article with a recorded source links it at the section it quotes; one
// from an article without says its source as it always did.
func TestAnswersLinkTheirArticle(t *testing.T) {
	eng := sourcedEngine(t)
	tests := []struct{ question, url string }{
		{"How many seats did Zlatibor Together win in 2019?", zlatiborLink + "#Results"},
		{"What was the turnout in Zlatibor in 2019?", zlatiborLink},
		{"Koliko mandata je osvojila lista Zlatibor Together 2019?", zlatiborLink + "#Results"},
		{"How many seats did the SNS win in Niš in 2016?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := ask(eng, tt.question)
			if r.Outcome != bot.Answered {
				t.Fatalf("%q = %v\n%s", tt.question, r.Outcome, r.Plain())
			}
			if r.Source.URL != tt.url {
				t.Errorf("%q Source.URL = %q; want %q", tt.question, r.Source.URL, tt.url)
			}
			lines := strings.Split(r.Plain(), "\n")
			if last := lines[len(lines)-1]; tt.url != "" && last != tt.url {
				t.Errorf("%q ends %q; want the link on a line of its own", tt.question, last)
			}
			if tt.url == "" && strings.Contains(r.Plain(), "http") {
				t.Errorf("%q = %q; want no link without a recorded source", tt.question, r.Plain())
			}
		})
	}
}

// TestAcrossElectionsLinkEach asks about several elections of one place
// whose articles record their pages: the answer links each article,
// labelled by its year, as every one of them gave figures.
func TestAcrossElectionsLinkEach(t *testing.T) {
	es, err := knowledge.Load(os.DirFS("../knowledge/testdata/articles/kraljevo"), seedAliases(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		e.Source = &knowledge.Source{URL: "https://en.wikipedia.org/wiki/" + e.ID}
	}
	knowledge.SortNewestFirst(es)
	eng := bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
	tests := []struct {
		text  string
		links []bot.Link
	}{
		{"/compare", []bot.Link{{Label: "2018", URL: "https://en.wikipedia.org/wiki/kraljevo-2018"}, {Label: "2022", URL: "https://en.wikipedia.org/wiki/kraljevo-2022"}}},
		{"Which election had the highest turnout?", []bot.Link{{Label: "2014", URL: "https://en.wikipedia.org/wiki/kraljevo-2014"}, {Label: "2018", URL: "https://en.wikipedia.org/wiki/kraljevo-2018"}, {Label: "2022", URL: "https://en.wikipedia.org/wiki/kraljevo-2022"}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := ask(eng, tt.text)
			if r.Source.URL != "" || !slices.Equal(r.Source.Links, tt.links) {
				t.Errorf("%s source = %+v; want no one link but %+v", tt.text, r.Source, tt.links)
			}
			for _, l := range tt.links {
				if !strings.Contains(r.Plain(), "\n"+l.Label+": "+l.URL) {
					t.Errorf("%s = %q; want the line %q", tt.text, r.Plain(), l.Label+": "+l.URL)
				}
			}
		})
	}
}
