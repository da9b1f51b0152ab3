package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/hostile"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// checkReply fails the test for each problem of a reply to a hostile
// request (see hostile.Problems).
func checkReply(t testing.TB, what string, resp bot.Response) {
	t.Helper()
	for _, p := range hostile.Problems(resp) {
		t.Errorf("%s: %s", what, p)
	}
}

// indexedEngine is manyEngine with the bleve index, as the program runs.
func indexedEngine(t testing.TB) *bot.Engine {
	t.Helper()
	es := manyEngine(t).Library().Elections
	// And two series of one place's elections, for the answers across
	// elections.
	for _, dir := range []string{"smederevo", "kraljevo"} {
		more, err := qa.LoadElections("../knowledge/testdata/articles/" + dir)
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, more...)
	}
	knowledge.SortNewestFirst(es)
	idx, err := index.Build(es)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return bot.New(&bot.Library{Elections: es, Searcher: wire.Searcher(idx)}, wire.Answers(nil))
}

// TestHostileInput sends the hostile table through the engine, with one
// election loaded and with several, and presses every button it answers
// with.
func TestHostileInput(t *testing.T) {
	for _, eng := range []struct {
		name string
		eng  *bot.Engine
	}{{"one election", seedEngine(t)}, {"several elections, indexed", indexedEngine(t)}} {
		for _, h := range hostile.Requests() {
			t.Run(eng.name+"/"+h.Name, func(t *testing.T) {
				resp := eng.eng.Handle(context.Background(), h.Bot("test"))
				checkReply(t, fmt.Sprintf("Handle(%q)", h.Text+h.Command), resp)
				for _, b := range resp.Buttons {
					checkReply(t, fmt.Sprintf("Press(%q) after Handle(%q)", b.Data, h.Text), eng.eng.Press(context.Background(), b.Data))
				}
			})
		}
	}
}

func TestHostileButtons(t *testing.T) {
	eng := seedEngine(t)
	for _, data := range []string{"", ":", "::", "list", "list::", "list:1:", "list:-1:belgrade-2014", "list:99999999999999999999:belgrade-2014",
		"list:1e9:belgrade-2014", "list:0x1:belgrade-2014", "list:1:../../etc/passwd", "list:1:<b>", "seats:1:belgrade-2014",
		"list:1:belgrade-2014:extra", "\x00", "\xff\xfe", strings.Repeat("list:1:", 1000)} {
		checkReply(t, fmt.Sprintf("Press(%q)", data), eng.Press(context.Background(), data))
	}
}

func TestHostileComplete(t *testing.T) {
	eng := manyEngine(t)
	for _, h := range hostile.Requests() {
		for _, cmd := range []string{"list", "party", "poll", "seats", h.Command} {
			for _, opt := range []string{"number", "name", "who", bot.OptionElection, "<b>"} {
				for _, c := range eng.Complete(cmd, opt, h.Text, h.Text) {
					if !utf8.ValidString(c.Name) || !utf8.ValidString(c.Value) || utf8.RuneCountInString(c.Name) > 100 || utf8.RuneCountInString(c.Value) > 100 {
						t.Errorf("Complete(%q, %q, %q) gave %+v: past Discord's 100 characters or not UTF-8", cmd, opt, h.Text, c)
					}
				}
			}
		}
	}
}

// FuzzHandle sends any text, as a message and as a typed option, through
// the engine: no panic, no internal error, a reply within limits.
func FuzzHandle(f *testing.F) {
	for _, h := range hostile.Requests() {
		f.Add(h.Text)
	}
	for _, s := range []string{"/seats", "/results", "/list", "/list 8", "/poll DS", "/party Đilas", "/about", "/search seats",
		"/elections", "/help", "How many seats did the socialists win?", "Koliko mandata je osvojio SNS?", "ко је носилац листе 8",
		"/compare 2016 2020", "/trend SNS", "Which election had the highest turnout?", "How many seats did the SNS win in 2014 and 2018?"} {
		f.Add(s)
	}
	eng := indexedEngine(f)
	cmds := eng.Commands()
	f.Fuzz(func(t *testing.T, s string) {
		checkReply(t, fmt.Sprintf("Handle(%q)", s), eng.Handle(context.Background(), bot.Request{Platform: "fuzz", Text: s, BotName: "ElectionBot"}))
		// The same text as the typed option of a command, Discord's way.
		c := cmds[len(s)%len(cmds)]
		opts := map[string]string{}
		for _, o := range c.Options {
			opts[o.Name] = s
		}
		checkReply(t, fmt.Sprintf("Handle(/%s %q typed)", c.Name, s), eng.Handle(context.Background(), bot.Request{Platform: "fuzz", Command: c.Name, Options: opts}))
	})
}
