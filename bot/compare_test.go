package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// seriesEngine answers from the test series of one place's four
// elections, with a charter that draws a tiny picture.
func seriesEngine(t testing.TB, extra ...*knowledge.Election) *bot.Engine {
	t.Helper()
	es, err := qa.LoadElections("../knowledge/testdata/articles/smederevo")
	if err != nil {
		t.Fatal(err)
	}
	es = append(es, extra...)
	knowledge.SortNewestFirst(es)
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil), bot.WithCharts(&fakechart.Charter{PNG: fakechart.TinyPNG()}))
}

// TestCompareAndTrend runs /compare and /trend and their bad arguments
// through the path the terminal's ask takes.
func TestCompareAndTrend(t *testing.T) {
	eng := seriesEngine(t)
	tests := []struct {
		name    string
		in      string
		outcome bot.Outcome
		want    []string
		not     []string
		image   bool
	}{
		{"compare the newest two", "/compare", bot.Answered,
			[]string{"2020 and 2024", "44.36% → 47.12%", "47 → 41 seats (−6)", "only in 2024: 12 seats", "only in 2020: 3 seats", "taken as the continuation of"}, nil, false},
		{"compare two years", "/compare 2012 2016", bot.Answered,
			[]string{"2012 and 2016", "6 May 2012", "24 April 2016", "24 → 38 seats (+14)", "only in 2012: 6 seats", "Movement for Smederevo"}, []string{"2020"}, false},
		{"compare by ids, later first", "/compare smederevo-2020 vs smederevo-2016", bot.Answered,
			[]string{"2016 and 2020", "38 → 47", "The articles disagree", "39 seats at the previous election"}, nil, false},
		{"compare one year with the one before", "/compare 2016", bot.Answered, []string{"2012 and 2016"}, nil, false},
		{"compare the oldest with the next", "/compare 2012", bot.Answered, []string{"2012 and 2016"}, nil, false},
		{"compare a place", "/compare smederevo", bot.Answered, []string{"2020 and 2024"}, nil, false},
		{"compare the same election", "/compare 2016 2016", bot.UserError, []string{"same election"}, nil, false},
		{"compare a year not loaded", "/compare 2010 2016", bot.Refused, []string{"no article about the 2010 election"}, nil, false},
		{"compare nonsense", "/compare banana", bot.UserError, []string{"don't know", "banana"}, nil, false},
		{"compare three", "/compare 2012 2016 2020", bot.UserError, []string{"takes two elections"}, nil, false},
		{"trend", "/trend SNS", bot.Answered,
			[]string{"SNS — Smederevo City Assembly elections, 2012–2024", "Most seats in 2020 (47)", "fewest in 2012 (24)", "lowest in 2012 (33.10%)",
				"For Our Children", "Smederevo Must Not Stop", "a majority", "The articles disagree"}, nil, true},
		{"trend by a leader", "/trend Milan Đurić", bot.Answered,
			[]string{"Our Smederevo", "Movement for Smederevo", "taken as the continuation"}, nil, true},
		{"trend of a party that skipped an election", "/trend dss", bot.Answered, []string{"No list linked to it in 2016", "NADA"}, nil, true},
		{"trend of a year's place", "/trend SPS 2016", bot.Answered, []string{"SPS", "2012–2024"}, nil, true},
		{"trend without a party", "/trend", bot.UserError, []string{"Which party?", "/trend SNS"}, nil, false},
		{"trend of an unknown party", "/trend Pirates", bot.UserError, []string{"couldn't find a party", "Pirates"}, nil, false},
		{"trend in a year not loaded", "/trend SNS 2010", bot.Refused, []string{"no article about the 2010 election"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ask(eng, tt.in)
			got := r.Plain()
			if r.Outcome != tt.outcome {
				t.Errorf("Handle(%q) outcome = %v; want %v\n%s", tt.in, r.Outcome, tt.outcome, got)
			}
			for _, w := range tt.want {
				if !strings.Contains(knowledge.Fold(got), knowledge.Fold(w)) {
					t.Errorf("Handle(%q) lacks %q:\n%s", tt.in, w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(knowledge.Fold(got), knowledge.Fold(w)) {
					t.Errorf("Handle(%q) has %q:\n%s", tt.in, w, got)
				}
			}
			if (r.Image != nil) != tt.image {
				t.Errorf("Handle(%q) image = %v; want %v", tt.in, r.Image != nil, tt.image)
			}
			for _, b := range r.Buttons {
				if len(b.Data) > bot.MaxButtonData {
					t.Errorf("Handle(%q) button %q data is %d bytes; limit %d", tt.in, b.Label, len(b.Data), bot.MaxButtonData)
				}
			}
		})
	}
}

// TestCompareOnlyOne: with one election there is nothing to compare, and
// with one of a place the bot says so.
func TestCompareOnlyOne(t *testing.T) {
	if got := ask(seedEngine(t), "/compare"); got.Outcome != bot.UserError || !strings.Contains(got.Text, "Only one election is loaded") {
		t.Errorf("/compare with one election = %v %q; want a user error saying only one is loaded", got.Outcome, got.Text)
	}
	if got := ask(manyEngine(t), "/compare"); got.Outcome != bot.UserError || !strings.Contains(got.Text, "Only one Novi Sad City Assembly election") {
		t.Errorf("/compare with one Novi Sad election = %v %q; want a user error naming the place", got.Outcome, got.Text)
	}
}

// TestCompareTyped: Discord's typed options pick the elections, and a
// wrong one is refused by name.
func TestCompareTyped(t *testing.T) {
	eng := seriesEngine(t)
	ctx := context.Background()
	r := eng.Handle(ctx, bot.Request{Platform: "discord", Command: "compare", Options: map[string]string{"first": "smederevo-2012", "second": "2024"}})
	if r.Outcome != bot.Answered || !strings.Contains(r.Title, "2012 and 2024") {
		t.Errorf("/compare first:smederevo-2012 second:2024 = %v %q; want 2012 and 2024", r.Outcome, r.Title)
	}
	r = eng.Handle(ctx, bot.Request{Platform: "discord", Command: "compare", Options: map[string]string{"first": "1999"}})
	if r.Outcome != bot.Refused || !strings.Contains(r.Text, "1999") {
		t.Errorf("/compare first:1999 = %v %q; want a refusal naming 1999", r.Outcome, r.Text)
	}
	r = eng.Handle(ctx, bot.Request{Platform: "discord", Command: "trend", Options: map[string]string{"party": "Socialists"}})
	if r.Outcome != bot.Answered || !strings.HasPrefix(r.Title, "SPS") || r.Image == nil {
		t.Errorf("/trend party:Socialists = %v %q image %v; want the SPS with a chart", r.Outcome, r.Title, r.Image != nil)
	}
}

// TestComparePages steps through the pairs of elections with the
// buttons, as Telegram's inline keyboard does.
func TestComparePages(t *testing.T) {
	eng := seriesEngine(t)
	ctx := context.Background()
	r := ask(eng, "/compare")
	var titles []string
	for range 4 {
		titles = append(titles, r.Title)
		if len(r.Buttons) == 0 || !strings.HasPrefix(r.Buttons[0].Label, "‹") {
			break
		}
		r = eng.Press(ctx, r.Buttons[0].Data)
	}
	want := []string{"Smederevo City Assembly: 2020 and 2024", "Smederevo City Assembly: 2016 and 2020", "Smederevo City Assembly: 2012 and 2016"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("pressing ‹ from /compare: %q; want %q", titles, want)
	}
	if r := eng.Press(ctx, "cmp:nowhere-1999"); r.Outcome != bot.UserError {
		t.Errorf("Press(cmp:nowhere-1999) = %v; want a user error", r.Outcome)
	}
}

// TestTrendPages: a place with more elections than a page holds pages
// through them with buttons; the chart comes with the command only.
func TestTrendPages(t *testing.T) {
	es := tenElections(t)
	eng := bot.New(&bot.Library{Elections: es}, wire.Answers(nil), bot.WithCharts(&fakechart.Charter{PNG: fakechart.TinyPNG()}))
	ctx := context.Background()
	r := ask(eng, "/trend SNS")
	if r.Image == nil || len(r.Buttons) != 1 || !strings.Contains(r.Text, "Page 1 of 2") {
		t.Fatalf("/trend SNS over ten elections: image %v, buttons %v, text %q; want a chart, a Later button, page 1 of 2", r.Image != nil, r.Buttons, r.Text)
	}
	p := eng.Press(ctx, r.Buttons[0].Data)
	if !strings.Contains(p.Text, "Page 2 of 2") || len(p.Fields) != 2 || p.Image != nil {
		t.Errorf("Press(%q) = %q with %d fields, image %v; want page 2 of 2 with the last two elections", r.Buttons[0].Data, p.Text, len(p.Fields), p.Image != nil)
	}
	if r := eng.Press(ctx, "tr:1:99:nowhere"); r.Outcome != bot.UserError {
		t.Errorf("Press(tr:1:99:nowhere) = %v; want a user error", r.Outcome)
	}
}

// tenElections is the test series repeated back in time: ten elections
// of one place, 1988 to 2024.
func tenElections(t testing.TB) []*knowledge.Election {
	t.Helper()
	es, err := qa.RepeatedSeries("../knowledge/testdata/articles/smederevo", 10)
	if err != nil {
		t.Fatal(err)
	}
	return es
}
