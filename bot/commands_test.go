package bot_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// seedEngine is an engine on the embedded data, as the terminal runs it.
func seedEngine(t testing.TB) *bot.Engine {
	t.Helper()
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}

// manyEngine loads the seed and the parser's test articles together.
func manyEngine(t testing.TB) *bot.Engine {
	t.Helper()
	seed, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	more, err := knowledge.Load(os.DirFS("../knowledge/testdata/articles"), seedAliases(t))
	if err != nil {
		t.Fatal(err)
	}
	es := append(seed, more...)
	knowledge.SortNewestFirst(es)
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}

func seedAliases(t testing.TB) *knowledge.Aliases {
	t.Helper()
	f, err := data.FS.Open(knowledge.AliasesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := knowledge.ParseAliases(knowledge.AliasesFile, f)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func ask(eng *bot.Engine, text string) bot.Response {
	return eng.Handle(context.Background(), bot.Request{Platform: "test", Text: text, BotName: "ElectionBot"})
}

// TestCommands runs every command and its bad arguments through the path
// the terminal's ask takes, and checks what the user reads.
func TestCommands(t *testing.T) {
	eng := seedEngine(t)
	tests := []struct {
		name    string
		in      string
		outcome bot.Outcome
		want    []string // all must appear, folded
		not     []string // none may appear
	}{
		{"seats", "/seats", bot.Answered, []string{"SNS coalition", "63 seats", "110 seats", "55 seats", "holds a majority"}, nil},
		{"seats with bot suffix", "/seats@ElectionBot", bot.Answered, []string{"63 seats"}, nil},
		{"seats with another bot's suffix", "/seats@OtherBot", bot.Answered, []string{"63 seats"}, nil},
		{"seats with junk", "/seats banana", bot.UserError, []string{"takes no arguments"}, nil},
		{"results say what is missing", "/results", bot.Answered, []string{"no results table", "vote counts", "43.62%", "+26 since 2012", "Turnout"}, nil},
		{"all lists, first page", "/list", bot.Answered, []string{"23 lists", "Page 1 of 3", "Aleksandar Vučić"}, []string{"Dveri"}},
		{"one list", "/list 5", bot.Answered, []string{"Serbian Radical Party", "Vojislav Šešelj"}, nil},
		{"footnote resolved", "/list 16", bot.Answered, []string{"Russians of Serbia", "Dragan Cvetković", "National minority list"}, []string{"^{M}"}},
		{"list with result and polls", "/list 8", bot.Answered, []string{"22 seats", "15.70%", "Factor Plus", "22.8%"}, nil},
		{"list zero-padded", "/list 08", bot.Answered, []string{"Dragan Đilas"}, nil},
		{"list by name", "/list dveri", bot.Answered, []string{"List 12", "Vladan Glišić"}, nil},
		{"list out of range", "/list 24", bot.UserError, []string{"There are 23 lists: pick a number from 1 to 23"}, nil},
		{"list far out of range", "/list 30", bot.UserError, []string{"23"}, nil},
		{"list not a number", "/list abc", bot.UserError, []string{"not a list number", "1 to 23"}, nil},
		{"list negative", "/list -1", bot.UserError, []string{"start at 1"}, nil},
		{"list zero", "/list 0", bot.UserError, []string{"start at 1"}, nil},
		{"list minus zero", "/list -0", bot.UserError, []string{"start at 1"}, nil},
		{"list huge", "/list 99999999999999999999", bot.UserError, []string{"no list 99999999999999999999", "1 to 23"}, nil},
		{"list exponent", "/list 1e9", bot.UserError, []string{"not a list number"}, nil},
		{"list hex", "/list 0x10", bot.UserError, []string{"not a list number"}, nil},
		{"list full-width digits", "/list ８", bot.Answered, []string{"List 8"}, nil},
		{"list Arabic-Indic digits", "/list ١٢", bot.Answered, []string{"List 12"}, nil},
		{"polls", "/poll", bot.Answered, []string{"Factor Plus", "20–26 January", "SNS 37.4%", "Below threshold", "LDP 4.8%", "Nina Media", "Faktor plus", "NDS 5.2%"}, nil},
		{"one pollster, both spellings", "/poll Factor Plus", bot.Answered, []string{"20–26 January", "24–25 February"}, []string{"Nina"}},
		{"one party across polls", "/poll DS", bot.Answered, []string{"22.8%", "21.3%", "17.4%", "15.70%"}, nil},
		{"unknown pollster", "/poll Gallup", bot.UserError, []string{"No poll or party", "Factor Plus"}, nil},
		{"party by abbreviation", "/party DSS", bot.Answered, []string{"Democratic Party of Serbia", "9 seats", "Aleksandar Popović"}, nil},
		{"party by leader", "/party Đilas", bot.Answered, []string{"DS coalition", "22 seats"}, nil},
		{"party transliterated", "/party Djilas", bot.Answered, []string{"DS coalition"}, nil},
		{"party lower case", "/party djilas", bot.Answered, []string{"DS coalition"}, nil},
		{"party Cyrillic", "/party Ђилас", bot.Answered, []string{"DS coalition"}, nil},
		{"party by ballot number", "/party 8", bot.Answered, []string{"DS coalition"}, nil},
		{"party by alias", "/party socialists", bot.Answered, []string{"SPS–PUPS–JS", "16 seats"}, nil},
		{"party without a name", "/party", bot.UserError, []string{"Which party?", "SNS coalition"}, nil},
		{"unknown party suggests", "/party Whigs", bot.UserError, []string{"couldn't find a party", "Try:"}, nil},
		{"party ballot out of range", "/party 40", bot.UserError, []string{"no list 40", "1 to 23"}, nil},
		{"about", "/about", bot.Answered, []string{"16 March 2014", "50.66%", "110 seats", "55 seats", "5%", "23", "Siniša Mali", "2012", "2018"}, nil},
		{"elections", "/elections", bot.Answered, []string{"2014 Belgrade City Assembly election", "belgrade-2014"}, nil},
		{"help", "/help", bot.Answered, []string{"/seats", "/results", "/list", "/poll", "/party", "/about", "/ask", "/search", "/elections", "/help"}, []string{"/start"}},
		{"start", "/start", bot.Answered, []string{"/seats"}, nil},
		{"unknown command", "/foo", bot.UserError, []string{"don't know /foo", "/help"}, nil},
		{"misspelt command", "/seatss", bot.UserError, []string{"Did you mean /seats?"}, nil},
		{"ask without question", "/ask", bot.UserError, []string{"/ask How many seats"}, nil},
		{"ask", "/ask How many seats did the socialists win?", bot.Answered, []string{"16"}, nil},
		{"mention stripped", "@ElectionBot how many seats did DS win?", bot.Answered, []string{"22 seats"}, nil},
		{"election not loaded", "/seats 2018", bot.Refused, []string{"2018", "Loaded"}, nil},
		{"year of the loaded election", "/seats 2014", bot.Answered, []string{"63 seats"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := ask(eng, tt.in)
			got := resp.Plain()
			if resp.Outcome != tt.outcome {
				t.Errorf("Handle(%q).Outcome = %v; want %v\n%s", tt.in, resp.Outcome, tt.outcome, got)
			}
			if (resp.Outcome == bot.UserError) != resp.Ephemeral {
				t.Errorf("Handle(%q).Ephemeral = %v for outcome %v", tt.in, resp.Ephemeral, resp.Outcome)
			}
			checkHas(t, tt.in, got, tt.want, tt.not)
			if !utf8.ValidString(got) {
				t.Errorf("Handle(%q) is not valid UTF-8", tt.in)
			}
			if resp.Outcome == bot.Answered && resp.Source.Election == "" && tt.name != "help" && tt.name != "start" && tt.name != "elections" {
				t.Errorf("Handle(%q) names no source", tt.in)
			}
		})
	}
}

// TestTypedOptions drives commands the way Discord does: a name and typed
// options instead of text.
func TestTypedOptions(t *testing.T) {
	eng := seedEngine(t)
	ctx := context.Background()
	resp := eng.Handle(ctx, bot.Request{Platform: "discord", Command: "list", Options: map[string]string{"number": "16"}})
	if !strings.Contains(resp.Plain(), "Party of Russians of Serbia") {
		t.Errorf("list number=16 = %s", resp.Plain())
	}
	resp = eng.Handle(ctx, bot.Request{Platform: "discord", Command: "party", Options: map[string]string{"name": "Vučić"}})
	if !strings.Contains(resp.Plain(), "SNS coalition") {
		t.Errorf("party name=Vučić = %s", resp.Plain())
	}
	resp = eng.Handle(ctx, bot.Request{Platform: "discord", Command: "seats", Options: map[string]string{"election": "1999"}})
	if resp.Outcome != bot.Refused || !strings.Contains(resp.Text, "1999") {
		t.Errorf("seats election=1999 = %v %s", resp.Outcome, resp.Plain())
	}
}

// TestPagination follows /list's buttons forward and back.
func TestPagination(t *testing.T) {
	eng := seedEngine(t)
	ctx := context.Background()
	first := ask(eng, "/list")
	if len(first.Buttons) != 1 || !strings.HasPrefix(first.Buttons[0].Label, "Next") {
		t.Fatalf("/list buttons = %+v; want one Next", first.Buttons)
	}
	second := eng.Press(ctx, first.Buttons[0].Data)
	if !strings.Contains(second.Text, "Page 2 of 3") || len(second.Buttons) != 2 {
		t.Fatalf("page 2 = %s %+v", second.Plain(), second.Buttons)
	}
	for _, b := range second.Buttons {
		if len(b.Data) > bot.MaxButtonData {
			t.Errorf("button data %q is %d bytes; limit %d", b.Data, len(b.Data), bot.MaxButtonData)
		}
	}
	third := eng.Press(ctx, second.Buttons[1].Data)
	if !strings.Contains(third.Plain(), "23: Blank ballots") || len(third.Buttons) != 1 {
		t.Errorf("page 3 = %s %+v", third.Plain(), third.Buttons)
	}
	if r := eng.Press(ctx, "garbage"); r.Outcome != bot.UserError {
		t.Errorf("Press(garbage).Outcome = %v; want user error", r.Outcome)
	}
	if r := eng.Press(ctx, "list:2:no-such-election"); r.Outcome != bot.UserError {
		t.Errorf("Press(old election).Outcome = %v; want user error", r.Outcome)
	}
}

// TestCommandRegistry checks what the adapters register: limits, and the
// list number's range from the data.
func TestCommandRegistry(t *testing.T) {
	eng := seedEngine(t)
	seen := map[string]bool{}
	for _, c := range eng.Commands() {
		seen[c.Name] = true
		if c.Name != strings.ToLower(c.Name) || len(c.Name) > 32 {
			t.Errorf("command name %q: must be lower case, at most 32 characters", c.Name)
		}
		if n := utf8.RuneCountInString(c.Description); n == 0 || n > 100 {
			t.Errorf("/%s description is %d characters; want 1-100", c.Name, n)
		}
		for _, o := range c.Options {
			if n := utf8.RuneCountInString(o.Description); n == 0 || n > 100 {
				t.Errorf("/%s %s description is %d characters; want 1-100", c.Name, o.Name, n)
			}
			if o.Name == bot.OptionElection {
				t.Errorf("/%s has an election option with one election loaded", c.Name)
			}
			if c.Name == "list" && o.Name == "number" && (o.Min != 1 || o.Max != 23) {
				t.Errorf("/list number range = %d..%d; want 1..23", o.Min, o.Max)
			}
		}
	}
	for _, want := range []string{"seats", "results", "list", "poll", "party", "candidate", "compare", "trend", "about", "ask", "search", "elections", "sources", "help"} {
		if !seen[want] {
			t.Errorf("no /%s command", want)
		}
	}
	many := manyEngine(t)
	for _, c := range many.Commands() {
		has := false
		for _, o := range c.Options {
			has = has || o.Name == bot.OptionElection
		}
		if want := c.Name != "help" && c.Name != "elections" && c.Name != "start" && c.Name != "ask" && c.Name != "compare" && c.Name != "sources"; has != want {
			t.Errorf("/%s election option = %v with several elections; want %v", c.Name, has, want)
		}
	}
}

func TestComplete(t *testing.T) {
	eng := seedEngine(t)
	tests := []struct {
		command, option, partial string
		want                     string // a choice name that must be offered
	}{
		{"party", "name", "", "SNS coalition"},
		{"party", "name", "djil", "DS coalition"},
		{"party", "name", "Дв", "Dveri"},
		{"list", "number", "", "1 — Aleksandar Vučić"},
		{"list", "number", "dver", "12 — Dveri"},
		{"list", "number", "2", "23 — Blank ballots"},
		{"poll", "who", "fak", "Faktor plus"},
		{"poll", "who", "sps", "SPS–PUPS–JS"},
	}
	for _, tt := range tests {
		got := eng.Complete(tt.command, tt.option, tt.partial, "")
		if len(got) > bot.MaxChoices {
			t.Errorf("Complete(%s %s %q) gave %d choices; limit %d", tt.command, tt.option, tt.partial, len(got), bot.MaxChoices)
		}
		found := false
		for _, c := range got {
			if utf8.RuneCountInString(c.Name) > bot.MaxChoiceName || c.Name == "" || c.Value == "" {
				t.Errorf("Complete(%s %s %q) choice %+v breaks the limits", tt.command, tt.option, tt.partial, c)
			}
			found = found || strings.HasPrefix(c.Name, tt.want) || strings.Contains(knowledge.Fold(c.Name), knowledge.Fold(tt.want))
		}
		if !found {
			t.Errorf("Complete(%s %s %q) = %+v; want a choice %q", tt.command, tt.option, tt.partial, got, tt.want)
		}
	}
}

// TestSeveralElections checks that the election is chosen by year or place
// and that answers say which election they are about.
func TestSeveralElections(t *testing.T) {
	eng := manyEngine(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"/seats 2014", []string{"2014 Belgrade City Assembly election", "63 seats"}},
		{"/seats", []string{"2020 Novi Sad"}},
		{"/seats novi sad", []string{"2020 Novi Sad", "51 seats"}},
		{"/list 8 2014", []string{"Dragan Đilas"}},
		{"/about Kragujevac", []string{"2016 Kragujevac", "24 April 2016"}},
		{"What was the turnout in Belgrade in 2014?", []string{"50.66", "2014 Belgrade"}},
		{"What was the turnout in Novi Sad?", []string{"38.18", "Novi Sad"}},
		{"How many seats did the SNS win in 2013?", []string{"26", "Voždovac"}},
		{"Who won the 2010 election?", []string{"no article about the 2010 election"}},
	}
	for _, tt := range tests {
		got := ask(eng, tt.in).Plain()
		for _, w := range tt.want {
			if !strings.Contains(knowledge.Fold(got), knowledge.Fold(w)) {
				t.Errorf("Handle(%q) lacks %q:\n%s", tt.in, w, got)
			}
		}
	}
}

func TestHelpShowsTheVersion(t *testing.T) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		version string
		want    string // "" when no version line is wanted
	}{
		{"1.4.0", "electionbot 1.4.0"},
		{"", ""},
	}
	for _, tt := range tests {
		eng := bot.New(&bot.Library{Elections: es}, bot.WithVersion(tt.version))
		got := eng.Handle(context.Background(), bot.Request{Platform: "console", Text: "/help"}).Text
		lines := strings.Split(got, "\n")
		last := lines[len(lines)-1]
		if tt.want != "" && last != tt.want {
			t.Errorf("/help with version %q ends %q; want %q", tt.version, last, tt.want)
		}
		if tt.want == "" && strings.HasPrefix(last, "electionbot ") {
			t.Errorf("/help without a version ends %q; want no version line", last)
		}
	}
}

// TestCommandsFollowTheShape runs the commands on elections of other
// shapes: a presidential election in two rounds, a city with a mayor and
// an assembly, a referendum.
func TestCommandsFollowTheShape(t *testing.T) {
	eng := manyEngine(t)
	tests := []struct {
		name    string
		in      string
		outcome bot.Outcome
		want    []string
		not     []string
	}{
		{"rounds side by side", "/results slovenian", bot.Answered,
			[]string{"Nina Zupan won the presidential election in the second round", "Tomaž Vidmar (Slovenian Democratic Party): First round 34.86% · 281,402 votes | Second round 46.13% · 401,511 votes", "Other candidates", "Turnout: First round 50.34% | Second round 54.55%"},
			[]string{"seats"}},
		{"no seats for a president", "/seats slovenian", bot.Refused, []string{"no seats", "/results"}, nil},
		{"candidates are no lists", "/list croatian", bot.Refused, []string{"candidates, not lists", "/candidate"}, nil},
		{"candidate by surname", "/candidate Zupan slovenian", bot.Answered, []string{"Nina Zupan", "First round: 28.15% (227,210 votes), 2nd", "Second round: 53.87% (468,930 votes), 1st of 2", "Elected"}, []string{"seats"}},
		{"candidate by ballot number", "/candidate 4 croatian", bot.Answered, []string{"Miroslav Kuzmić", "Ballot number: 4", "3rd of 8"}, nil},
		{"party finds a candidate", "/party Vidmar slovenian", bot.Answered, []string{"Tomaž Vidmar", "Slovenian Democratic Party"}, nil},
		{"about a presidential election", "/about slovenian", bot.Answered, []string{"Type: presidential", "First round: 25 October 2020, turnout 50.34%", "Second round: 15 November 2020, turnout 54.55%", "Nina Zupan won"}, []string{"threshold"}},
		{"each contest's results", "/results osijek", bot.Answered, []string{"City Assembly — HDZ – HSLS: 13 seats · 36.76%", "Mayor of Osijek — Ivan Radić (HDZ): First round 38.78%", "Second round 53.34%", "HDZ – HSLS won the most seats"}, nil},
		{"an assembly beside a mayor keeps its seats", "/seats osijek", bot.Answered, []string{"HDZ – HSLS: 13 seats · 36.76%", "31 seats"}, []string{"53.34"}},
		{"the list a candidate leads", "/party Radić osijek", bot.Answered, []string{"HDZ – HSLS", "13 seats"}, nil},
		{"the candidate a list carries", "/candidate Ana Petrovska ohrid", bot.Answered, []string{"Ana Petrovska", "52.73%"}, nil},
		{"about a city of two contests", "/about osijek", bot.Answered, []string{"Mayor of Osijek — Second round: 2 June 2019, turnout 41.40%", "City Assembly — Date: 19 May 2019, turnout 40.58%", "Ivan Radić won the mayoral election in the second round"}, nil},
		{"a referendum's results", "/results capital city", bot.Answered, []string{"Yes: 62.07% (131,402 votes)", "No: 37.93% (80,311 votes)", "not met", "The referendum failed"}, nil},
		{"about a referendum", "/about capital city", bot.Answered, []string{"Type: referendum", "Question:", "8 October 2017", "44.71%", "The referendum failed"}, []string{"seats", "threshold"}},
		{"no seats in a referendum", "/seats capital city", bot.Refused, []string{"referendum", "/results"}, nil},
		{"no lists in a referendum", "/list capital city", bot.Refused, []string{"no lists"}, nil},
		{"no parties in a referendum", "/party Yes capital city", bot.UserError, []string{"no parties or candidates"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := ask(eng, tt.in)
			got := resp.Plain()
			if resp.Outcome != tt.outcome {
				t.Errorf("Handle(%q).Outcome = %v; want %v\n%s", tt.in, resp.Outcome, tt.outcome, got)
			}
			checkHas(t, tt.in, got, tt.want, tt.not)
		})
	}
	// Candidates of a contest beside the assembly are offered too.
	found := false
	for _, c := range eng.Complete("candidate", "name", "petrov", "ohrid") {
		found = found || strings.Contains(c.Name, "Ana Petrovska")
	}
	if !found {
		t.Errorf("Complete(candidate name petrov, ohrid) offers no Ana Petrovska")
	}
}

// checkHas checks that an answer holds every wanted phrase and none of
// the unwanted, after folding.
func checkHas(t *testing.T, in, got string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(knowledge.Fold(got), knowledge.Fold(w)) {
			t.Errorf("Handle(%q) lacks %q:\n%s", in, w, got)
		}
	}
	for _, w := range not {
		if strings.Contains(knowledge.Fold(got), knowledge.Fold(w)) {
			t.Errorf("Handle(%q) has %q:\n%s", in, w, got)
		}
	}
}
