package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
)

// TestCommandLanguage checks that a command is answered in the
// language of its words, or the asker's locale when it has none.
func TestCommandLanguage(t *testing.T) {
	eng := seedEngine(t)
	tests := []struct {
		name     string
		req      bot.Request
		lang     lang.Lang
		contains []string
	}{
		{"english by default", bot.Request{Text: "/seats"}, lang.En, []string{"Seats — ", "110 seats in all", "63 seats"}},
		{"serbian locale", bot.Request{Text: "/seats", Locale: "sr"}, lang.Sr, []string{"Mandati — ", "Ukupno 110 mandata", "63 mandata", "SNS"}},
		{"croatian locale", bot.Request{Text: "/seats", Locale: "hr"}, lang.Sr, []string{"Mandati — "}},
		{"cyrillic locale", bot.Request{Text: "/seats", Locale: "sr-Cyrl"}, lang.SrCyrl, []string{"Мандати — 2014 Belgrade City Assembly election", "Укупно 110 мандата", "63 мандата", "СПС–ПУПС–ЈС (листа 2)"}},
		{"serbian command name", bot.Request{Text: "/mandati", Locale: "sr"}, lang.Sr, []string{"Ukupno 110 mandata"}},
		{"a list in serbian", bot.Request{Text: "/list 12", Locale: "sr"}, lang.Sr, []string{"Lista 12: Dveri", "Nosilac liste"}},
		{"a list in cyrillic", bot.Request{Text: "/list 12", Locale: "sr-Cyrl"}, lang.SrCyrl, []string{"Листа 12: Двери — Владан Глишић", "Носилац листе"}},
		{"an english party stays english", bot.Request{Text: "/party DSS", Locale: "sr-Cyrl"}, lang.SrCyrl, []string{"Democratic Party of Serbia", "9 мандата"}},
		{"words beat the locale", bot.Request{Text: "/ask how many seats did SNS win?", Locale: "sr"}, lang.En, []string{"63"}},
		{"english names keep the locale", bot.Request{Text: "/party Democratic Party of Serbia", Locale: "sr"}, lang.Sr, []string{"9 mandata"}},
		{"serbian arguments turn a command serbian", bot.Request{Text: "/party socijalisti"}, lang.Sr, []string{"16 mandata"}},
		{"cyrillic arguments turn a command cyrillic", bot.Request{Text: "/party социјалисти"}, lang.SrCyrl, []string{"16 мандата"}},
		{"unknown command in serbian", bot.Request{Text: "/mandat", Locale: "sr"}, lang.Sr, []string{"Ne znam komandu /mandat", "/help"}},
		{"help in serbian", bot.Request{Text: "/help", Locale: "sr"}, lang.Sr, []string{"Odgovaram na pitanja", "/list [broj] — Sve izborne liste"}},
		{"pages in serbian", bot.Request{Text: "/list", Locale: "sr"}, lang.Sr, []string{"Učestvovale su 23 liste", "Strana 1 od 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eng.Handle(context.Background(), tt.req)
			if r.Lang != tt.lang {
				t.Errorf("Handle(%q, locale %q).Lang = %s; want %s", tt.req.Text, tt.req.Locale, r.Lang, tt.lang)
			}
			plain := r.Plain()
			for _, want := range tt.contains {
				if !strings.Contains(plain, want) {
					t.Errorf("Handle(%q, locale %q) = %q; want it to contain %q", tt.req.Text, tt.req.Locale, plain, want)
				}
			}
		})
	}
}

// TestPagesKeepTheirLanguage checks that a page button carries the
// language of the page it is on.
func TestPagesKeepTheirLanguage(t *testing.T) {
	eng := seedEngine(t)
	r := eng.Handle(context.Background(), bot.Request{Text: "/list", Locale: "sr-Cyrl"})
	if len(r.Buttons) == 0 {
		t.Fatalf("/list has no buttons: %+v", r)
	}
	next := eng.Press(context.Background(), r.Buttons[len(r.Buttons)-1].Data)
	if next.Lang != lang.SrCyrl || !strings.Contains(next.Text, "Страна 2 од 3") {
		t.Errorf("Press(%q) = %q (%s); want page 2 in Cyrillic", r.Buttons[0].Data, next.Text, next.Lang)
	}
	if old := eng.Press(context.Background(), "list:2:belgrade-2014"); old.Lang != lang.En || !strings.Contains(old.Text, "Page 2 of 3") {
		t.Errorf("Press(list:2:belgrade-2014) = %q (%s); want page 2 in English", old.Text, old.Lang)
	}
}

// TestSeriesLanguage checks /compare and /trend in Serbian: their text,
// their Serbian names, and buttons that keep the language.
func TestSeriesLanguage(t *testing.T) {
	eng := seriesEngine(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		req      bot.Request
		lang     lang.Lang
		contains []string
	}{
		{"compare in serbian", bot.Request{Text: "/compare 2016 2020", Locale: "sr"}, lang.Sr, []string{"Smederevo City Assembly: 2016 i 2020", "Izlaznost: 56.48% → 44.36%", "procentnih poena"}},
		{"compare by its serbian name", bot.Request{Text: "/uporedi 2016 2020", Locale: "sr"}, lang.Sr, []string{"Mandati: "}},
		{"trend in cyrillic", bot.Request{Text: "/trend SNS", Locale: "sr-Cyrl"}, lang.SrCyrl, []string{"Највише мандата: 2020 (47)"}},
		{"trend by its serbian name", bot.Request{Text: "/kretanje SNS", Locale: "sr"}, lang.Sr, []string{"Najviše mandata"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eng.Handle(ctx, tt.req)
			plain := r.Plain()
			if r.Lang != tt.lang {
				t.Errorf("Handle(%q).Lang = %s; want %s", tt.req.Text, r.Lang, tt.lang)
			}
			for _, want := range tt.contains {
				if !strings.Contains(plain, want) {
					t.Errorf("Handle(%q) = %q; want it to contain %q", tt.req.Text, plain, want)
				}
			}
			for _, b := range r.Buttons {
				if p := eng.Press(ctx, b.Data); p.Lang != tt.lang {
					t.Errorf("Press(%q).Lang = %s; want %s", b.Data, p.Lang, tt.lang)
				}
			}
		})
	}
}
