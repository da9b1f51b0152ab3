package reply

import (
	"testing"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"share as written", Pct(&knowledge.Figure{Text: "15.70%", Value: 15.7}), "15.70%"},
		{"share without text", Pct(&knowledge.Figure{Value: 5}), "5%"},
		{"no share", Pct(nil), ""},
		{"thousands", Num(&knowledge.Figure{Text: "12345", Value: 12345}), "12,345"},
		{"small count", Num(&knowledge.Figure{Text: "+7", Value: 7}), "7"},
		{"one seat", In(lang.En).Seats(1), "1 seat"},
		{"seats", In(lang.En).Seats(22), "22 seats"},
		{"one seat in serbian", In(lang.Sr).Seats(21), "21 mandat"},
		{"seats in serbian", In(lang.Sr).Seats(22), "22 mandata"},
		{"gain", Signed(&knowledge.Figure{Value: 26}), "+26"},
		{"loss", Signed(&knowledge.Figure{Value: -28}), "−28"},
		{"no change", Signed(&knowledge.Figure{Value: 0}), "±0"},
		{"ranges", Ranges([]int{1, 2, 3, 5, 7, 8}), "1–3, 5, 7–8"},
		{"one number", Ranges([]int{4}), "4"},
		{"sections without repeats", Sections("Infobox", "", "Results", "Infobox"), "Infobox, Results"},
		{"clip", Clip("Dragan Đilas", 6), "Dragan…"},
		{"no clip", Clip("DS", 6), "DS"},
		{"quote", In(lang.En).Quote("<b>"), "“<b>”"},
		{"quote in serbian", In(lang.Sr).Quote("DS"), "„DS“"},
		{"lower first", LowerFirst("National minority list"), "national minority list"},
		{"abbreviation kept", LowerFirst("SNS list"), "SNS list"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q; want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestPollLine(t *testing.T) {
	p := &knowledge.Poll{
		Entries: []knowledge.PollEntry{
			{Name: "SNS", Share: &knowledge.Figure{Text: "37.4%", Value: 37.4}},
			{Name: "DS", Share: &knowledge.Figure{Text: "22.8", Value: 22.8}},
			{Name: "LDP", Share: &knowledge.Figure{Text: "4.8%", Value: 4.8}, BelowThreshold: true},
		},
		Notes: []string{"Others are below the threshold."},
	}
	want := "SNS 37.4% · DS 22.8%\nBelow threshold: LDP 4.8%\nOthers are below the threshold."
	if got := In(lang.En).PollLine(p); got != want {
		t.Errorf("PollLine = %q; want %q", got, want)
	}
}

func TestRefusals(t *testing.T) {
	e := &knowledge.Election{Title: "2014 Belgrade City Assembly election"}
	en, sr := In(lang.En), In(lang.Sr)
	tests := []struct {
		name string
		r    Response
		text string
		out  Outcome
	}{
		{"not in the article", en.NotInArticle(e, ""), "I couldn't find that in the article.", Refused},
		{"not in the article, why", en.NotInArticle(e, "it has no polls."), "I couldn't find that in the article: it has no polls.", Refused},
		{"not in the article, serbian", sr.NotInArticle(e, ""), "Članak to ne navodi.", Refused},
		{"not loaded, a year", en.NotLoaded([]*knowledge.Election{e}, "2018", ""), "I have no article about the 2018 election loaded, so I can't answer that. Loaded: 2014 Belgrade City Assembly election.", Refused},
		{"not loaded, a name", en.NotLoaded([]*knowledge.Election{e}, "", "Gotham"), "I have no article about an election matching “Gotham” loaded, so I can't answer that. Loaded: 2014 Belgrade City Assembly election.", Refused},
		{"not loaded, serbian", sr.NotLoaded([]*knowledge.Election{e}, "2018", ""), "Nemam učitan članak o izborima 2018. godine, pa ne mogu da odgovorim. Učitani su: 2014 Belgrade City Assembly election.", Refused},
		{"invalid", sr.Invalid(lang.NoSuchList, "40", ""), "Nema liste 40. ", UserError},
		{"answer", Answer(e, "Turnout was 50.66%.", "Infobox"), "Turnout was 50.66%.", Answered},
	}
	for _, tt := range tests {
		if tt.r.Text != tt.text || tt.r.Outcome != tt.out {
			t.Errorf("%s = %q (%v); want %q (%v)", tt.name, tt.r.Text, tt.r.Outcome, tt.text, tt.out)
		}
		if (tt.r.Outcome == UserError) != tt.r.Ephemeral {
			t.Errorf("%s: Ephemeral = %v for %v", tt.name, tt.r.Ephemeral, tt.r.Outcome)
		}
	}
	if a := en.Apology(); a.Outcome != InternalError || !a.Ephemeral {
		t.Errorf("Apology() = %+v; want an ephemeral internal error", a)
	}
}

// TestLowerTitle lowers an office's title words, never a place or an
// acronym.
func TestLowerTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Prime Minister", "prime minister"},
		{"Mayor of Belgrade", "mayor of Belgrade"},
		{"President of the Republic of Serbia", "president of the Republic of Serbia"},
		{"mayor", "mayor"},
		{"UN Envoy", "UN envoy"},
		{"Премијер", "премијер"},
		{"Žena", "žena"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := LowerTitle(tt.in); got != tt.want {
			t.Errorf("LowerTitle(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
