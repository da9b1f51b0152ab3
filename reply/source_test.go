package reply

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// sourced is an invented article with a Source block and headings that
// need encoding in a link.
const sourced = `= 2019 Zlatibor Municipal Assembly election =

Source
- URL: https://en.wikipedia.org/w/index.php?title=2019_Zlatibor_Municipal_Assembly_election&oldid=90001
- Licence: CC BY-SA 4.0
- Attribution: Wikipedia contributors

Infobox
- Election Name: 2019 Zlatibor Municipal Assembly election
- Seats For Election: All 41 seats
- Party1: SNS
- Seats1: 22

The election was held on 3 March 2019.

==Opinion polls==
- Ninamedia, February 2019: SNS 51%

==Đilas & "friends"==
Dragan Đilas visited.

==Results==
| Party | Votes | Seats |
| SNS | 9,100 | 22 |
`

func parseElection(t *testing.T, text string) *knowledge.Election {
	t.Helper()
	a, err := knowledge.Parse("zlatibor-2019.txt", strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return knowledge.Extract(a, nil)
}

func TestSourceOf(t *testing.T) {
	e := parseElection(t, sourced)
	permalink := "https://en.wikipedia.org/w/index.php?title=2019_Zlatibor_Municipal_Assembly_election&oldid=90001"
	tests := []struct {
		name     string
		sections []string
		want     string
	}{
		{"no section", nil, permalink},
		{"infobox is the top of the page", []string{knowledge.SectionInfobox}, permalink},
		{"lead is the top of the page", []string{knowledge.SectionLead}, permalink},
		{"a heading", []string{"Opinion polls"}, permalink + "#Opinion_polls"},
		{"first heading of several", []string{"Infobox", "Results", "Opinion polls"}, permalink + "#Results"},
		{"joined by an earlier answer", []string{"Infobox, Results"}, permalink + "#Results"},
		{"a later infobox", []string{"Results (infobox)"}, permalink + "#Results"},
		{"computed figures", []string{"Results (computed from the votes)"}, permalink + "#Results"},
		{"encoded heading", []string{`Đilas & "friends"`}, permalink + "#%C4%90ilas_%26_%22friends%22"},
		{"not a heading", []string{"Aftermath"}, permalink},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SourceOf(e, tt.sections...)
			if s.URL != tt.want {
				t.Errorf("SourceOf(%q).URL = %q; want %q", tt.sections, s.URL, tt.want)
			}
			if s.Election != e.Title || s.Section != Sections(tt.sections...) {
				t.Errorf("SourceOf(%q) = %+v; want the title and the sections joined", tt.sections, s)
			}
		})
	}
}

func TestSourceOfWithoutSource(t *testing.T) {
	text := strings.Replace(sourced, sourced[strings.Index(sourced, "Source\n"):strings.Index(sourced, "Infobox\n")], "", 1)
	e := parseElection(t, text)
	if e.Source != nil {
		t.Fatalf("Source = %+v; want none", e.Source)
	}
	s := SourceOf(e, "Results")
	if s.URL != "" || s.Link() != "" {
		t.Errorf("SourceOf(no source).URL = %q; want none", s.URL)
	}
	r := In(lang.En).Answer(e, "SNS won 22 seats.", "Results")
	if got, want := r.Plain(), "SNS won 22 seats.\nSource: 2019 Zlatibor Municipal Assembly election, Results"; got != want {
		t.Errorf("Plain() = %q; want %q", got, want)
	}
	if got := SourceOf(nil, "Results"); got.URL != "" || got.Election != "" {
		t.Errorf("SourceOf(nil) = %+v; want the section alone", got)
	}
}

func TestPlainShowsTheLink(t *testing.T) {
	e := parseElection(t, sourced)
	r := In(lang.En).Answer(e, "SNS won 22 seats.", "Results")
	want := "SNS won 22 seats.\nSource: 2019 Zlatibor Municipal Assembly election, Results\n" +
		"https://en.wikipedia.org/w/index.php?title=2019_Zlatibor_Municipal_Assembly_election&oldid=90001#Results"
	if got := r.Plain(); got != want {
		t.Errorf("Plain() = %q; want %q", got, want)
	}
}

func TestHistorySourceLinksEach(t *testing.T) {
	a := parseElection(t, sourced)
	b := parseElection(t, strings.NewReplacer("2019", "2023", "90001", "95555").Replace(sourced))
	h := knowledge.NewHistory("Zlatibor Municipal Assembly", []*knowledge.Election{a, b})
	s := In(lang.En).HistorySource(h, h.Elections, "Results")
	if s.URL != "" {
		t.Errorf("HistorySource(two).URL = %q; want none, each linked", s.URL)
	}
	want := []Link{
		{"2019", "https://en.wikipedia.org/w/index.php?title=2019_Zlatibor_Municipal_Assembly_election&oldid=90001"},
		{"2023", "https://en.wikipedia.org/w/index.php?title=2023_Zlatibor_Municipal_Assembly_election&oldid=95555"},
	}
	if len(s.Links) != len(want) || s.Links[0] != want[0] || s.Links[1] != want[1] {
		t.Errorf("HistorySource(two).Links = %+v; want %+v", s.Links, want)
	}
	one := In(lang.En).HistorySource(h, h.Elections[1:], "Results")
	if one.URL != want[1].URL+"#Results" || len(one.Links) != 0 {
		t.Errorf("HistorySource(one) = %+v; want its link at the section", one)
	}
}

func TestLinkURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://en.wikipedia.org/wiki/X", "https://en.wikipedia.org/wiki/X"},
		{"http://example.org/a?b=1&c=2#d", "http://example.org/a?b=1&c=2#d"},
		{"https://en.wikipedia.org/wiki/People's_Party", "https://en.wikipedia.org/wiki/People's_Party"},
		{"https://sr.wikipedia.org/wiki/Избори", "https://sr.wikipedia.org/wiki/%D0%98%D0%B7%D0%B1%D0%BE%D1%80%D0%B8"},
		{"javascript:alert(1)", ""},
		{"tg://user?id=1", ""},
		{"ftp://example.org/x", ""},
		{"https:///nohost", ""},
		{"/wiki/X", ""},
		{`https://x.org/"><script>`, "https://x.org/%22%3E%3Cscript%3E"},
		{"https://x.org/a b", "https://x.org/a%20b"},
		{"HTTPS://x.org/", ""},
		{"https://x.org/\n", ""},
		{"https://x.org/" + strings.Repeat("a", 2048), ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := LinkURL(tt.in); got != tt.want {
			t.Errorf("LinkURL(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnchor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Opinion polls", "Opinion_polls"},
		{"  Results   by  municipality ", "Results_by_municipality"},
		{"Đilas", "%C4%90ilas"},
		{"Mayor (2nd round)", "Mayor_(2nd_round)"},
		{"50% + 1", "50%25_%2B_1"},
		{"A#B?C", "A%23B%3FC"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Anchor(tt.in); got != tt.want {
			t.Errorf("Anchor(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSectionLink(t *testing.T) {
	tests := []struct{ base, heading, want string }{
		{"https://en.wikipedia.org/wiki/X", "Results", "https://en.wikipedia.org/wiki/X#Results"},
		{"https://en.wikipedia.org/wiki/X#Old", "Results", "https://en.wikipedia.org/wiki/X#Results"},
		{"https://en.wikipedia.org/w/index.php?title=X&oldid=5", "Opinion polls", "https://en.wikipedia.org/w/index.php?title=X&oldid=5#Opinion_polls"},
		{"https://en.wikipedia.org/wiki/X", "", "https://en.wikipedia.org/wiki/X"},
		{"javascript:alert(1)", "Results", ""},
	}
	for _, tt := range tests {
		if got := SectionLink(tt.base, tt.heading); got != tt.want {
			t.Errorf("SectionLink(%q, %q) = %q; want %q", tt.base, tt.heading, got, tt.want)
		}
	}
}

func TestFrame(t *testing.T) {
	for _, tt := range []struct {
		l             lang.Lang
		before, after string
	}{{lang.En, "Source: ", ""}, {lang.Sr, "Izvor: ", ""}, {lang.SrCyrl, "Извор: ", ""}} {
		b, a := Source{}.Frame(tt.l)
		if b != tt.before || a != tt.after {
			t.Errorf("Frame(%s) = %q, %q; want %q, %q", tt.l, b, a, tt.before, tt.after)
		}
	}
}

// FuzzSectionLink checks that whatever an article's Source block and
// headings hold, a link is either none or an http(s) address that no
// markup can break out of.
func FuzzSectionLink(f *testing.F) {
	for _, s := range [][2]string{{"https://en.wikipedia.org/wiki/X", "Results"}, {"javascript:x", ""}, {"http://a/b#c", "Đ \"&<>"}, {"https://x.org/\x00", "\xff"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, base, heading string) {
		got := SectionLink(base, heading)
		if got == "" {
			return
		}
		if LinkURL(got) != got {
			t.Errorf("SectionLink(%q, %q) = %q; not a link LinkURL keeps", base, heading, got)
		}
		if strings.ContainsAny(got, "\"<> \\`\n") {
			t.Errorf("SectionLink(%q, %q) = %q; holds a character that ends a link in markup", base, heading, got)
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Errorf("SectionLink(%q, %q) = %q; want an http(s) address", base, heading, got)
		}
	})
}
