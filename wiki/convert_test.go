package wiki

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/wiki/wikitext"
)

// colours is a stand-in for the aliases' colours.
func colours(party string) string {
	if party == "Serbian Progressive Party" || party == "SNS" {
		return "#0C2C84"
	}
	return ""
}

// inlineText renders wikitext as one line of prose, with the warnings.
func inlineText(src string) (string, []Warning) {
	c := &converter{opt: Options{Title: "Page title", Colour: colours}, lines: wikitext.NewLines(src), warned: map[string]*Warning{}}
	return resolveSigns(c.render(wikitext.Parse(src), ctxText, 0)), c.warnings()
}

func TestRenderInline(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bold and italic", "'''bold''' ''italic'' '''''both''''' l''''apostrophe", "bold italic both l'apostrophe"},
		{"links", "[[Serbian Progressive Party|SNS]] and [[Belgrade]]s [[:Category:X|see]]", "SNS and Belgrades see"},
		{"pipe trick and underscores", "[[Democratic Party (Serbia)|]] [[New_Serbia]]", "Democratic Party New Serbia"},
		{"files, categories, other languages", "a[[File:X.png|thumb|cap [[b]]]]b[[Category:Y]][[sr:Избори]]c", "abc"},
		{"external links", "[https://example.org the commission] [http://x.org] see https://bare.org", "the commission see https://bare.org"},
		{"refs and notes", `A<ref name="x">{{cite web|url=a|title=b}}</ref> B<ref name=x/>{{efn|note}}{{sfn|K|2018|p=4}}.`, "A B."},
		{"comments", "a<!-- hidden -->b", "ab"},
		{"br and entities", "a<br />b&nbsp;c&ndash;d &amp; e", "a b c–d & e"},
		{"nowrap, small, flags", "{{nowrap|1,234 votes}} {{small|(est.)}} {{flagicon|SRB}} Serbia", "1,234 votes (est.) Serbia"},
		{"signs join the number", "{{increase}} 5 {{decrease}}3 {{steady}} 0", "+5 −3 ±0"},
		{"sign before a link", "47% {{decrease}} 3.4 [[percentage point|pp]]", "47% −3.4 pp"},
		{"party colour names the party in text", "{{party color|Democratic Party}}", "Democratic Party"},
		{"party name with colour", "{{Party name with color|Serbian Progressive Party}}", "Serbian Progressive Party"},
		{"start date", "{{Start date|2014|3|16|df=y}} / {{start date|2014|3|16}} / {{Start date|2014}}", "16 March 2014 / March 16, 2014 / 2014"},
		{"poll dates", "{{opdrts|14|15|Oct|2020}} / {{opdrts|30|2|10|2020|year}} / {{opdrts||24|Aug|2020}} / {{opdrts|27|2|Jan|2020}}",
			"14–15 Oct 2020 / 30 Sep – 2 Oct 2020 / 24 Aug 2020 / 27 Dec – 2 Jan 2020"},
		{"month-first poll dates", "{{opmdrts|14|15|Oct|2020}}", "Oct 14–15, 2020"},
		{"dts", "{{dts|2016|4|24}} {{dts|2016-04-24}}", "24 April 2016 24 April 2016"},
		{"footnote mark", "Bunjevac Party<sup>M</sup> 1<sup>st</sup> km<sup>2</sup> {{sup|a}}", "Bunjevac Party^{M} 1st km2 ^{a}"},
		{"lists", "{{ubl|A|B}}; {{plainlist|\n* C\n* D\n}}", "A, B; C, D"},
		{"numbers", "{{formatnum:1234567}} {{nts|98765.5}} {{percentage|1|3|2}} {{round|2.345|1}}", "1,234,567 98,765.5 33.33% 2.3"},
		{"parser functions", "{{#if: x | yes | no}} {{#if: | yes | no}} {{#switch: b | a = 1 | b = 2 | 3}} {{#ifeq: 1 | 01 | same | differ}}", "yes no 2 same"},
		{"page name", "{{PAGENAME}}", "Page title"},
		{"lang", "{{lang|sr|Izbori}} {{lang-sr|Izbori}} {{langx|sr|Izbori}}", "Izbori Izbori Izbori"},
		{"sortname and abbr", "{{sortname|Dragan|Đilas}} {{abbr|SNS|Serbian Progressive Party}}", "Dragan Đilas SNS"},
		{"unclosed template is text", "a {{b c", "a {{b c"},
		{"yes no n/a", "{{Yes}} {{No}} {{N/A}} {{N/A|Did not run}}", "Yes No N/A Did not run"},
		{"nowiki", "<nowiki>[[not a link]]</nowiki>", "[[not a link]]"},
		{"magic words", "a __NOTOC__ b", "a b"},
		{"quotes and spans", "{{blockquote|text=We won.}} {{quote|Fair vote.}} {{citation needed span|Disputed|date=May 2020}}", "We won. Fair vote. Disputed"},
		{"decoration", "{{Hidden begin}}x{{Hidden end}}{{shy}}y{{nbhyph}}z", "xy-z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns := inlineText(tt.src)
			if got != tt.want {
				t.Errorf("render(%q) = %q; want %q", tt.src, got, tt.want)
			}
			if len(warns) > 0 {
				t.Errorf("render(%q) warned %v; want no warnings", tt.src, warns)
			}
		})
	}
}

func TestRenderWarnings(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"a {{Bar box|title=x}} b\n{{bar box}}", []string{"line 1: dropped {{Bar box}}: not a template the converter reads (2 times)"}},
		{"x\n<math>x^2</math>", []string{"line 2: dropped <math>: not content the converter reads"}},
		{"{{#expr: 1+1}}", []string{"line 1: dropped {{#expr: 1+1}}: a parser function the converter does not evaluate"}},
		{"{{CURRENTYEAR}}", []string{"line 1: dropped {{CURRENTYEAR}}: it says when the page is read, not what it is about"}},
		{"{{opdrts|x|y|z|2020}}", []string{"line 1: dropped {{opdrts}} with unreadable dates"}},
		{"{{#tag:gallery|x}}{{#tag:ref|y}}", []string{"line 1: dropped {{#tag:gallery}}: not content the converter reads"}},
	}
	for _, tt := range tests {
		_, warns := inlineText(tt.src)
		var got []string
		for _, w := range warns {
			got = append(got, w.String())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("warnings of %q = %q; want %q", tt.src, got, tt.want)
		}
	}
}

// body returns the converted article without its title line.
func body(t *testing.T, src string) string {
	t.Helper()
	res := Convert(src, Options{Title: "T", Colour: colours})
	_, rest, _ := strings.Cut(res.Text, "\n")
	return strings.TrimSpace(rest)
}

func TestInfobox(t *testing.T) {
	src := `{{ infobox_Election
| election_name = 2020 X election
| image1 = [[File:A.jpg|100px]]
| popular_vote1 = 1,234
| party1 = [[Serbian Progressive Party|SNS]]
| colour1 = {{party color|Serbian Progressive Party}}
| party2 = Unknown Party
| colour2 = {{party color|Unknown Party}}
| color3 = 3a3
| colour4 = red
| seats_for_election = All 110 seats<ref>x</ref>
| 1blank = First round
| 1data1 = 45.2%
| 2data1 = 50.1%
| map_image = Map.svg
| empty =
| module = {{Infobox legislative election|embed=yes
  | party1 = [[Democratic Party (Serbia)|DS]]
  | seats1 = 22
  | registered = 1,000
  | election_name = ignored, the outer one has it
  }}
}}`
	want := `Infobox
- Election Name: 2020 X election
- Popular Vote1: 1,234
- Party1: SNS
- Colour1: #0C2C84
- Party2: Unknown Party
- Color3: #33AA33
- Seats For Election: All 110 seats
- First Round1: 45.2%
- 2data1: 50.1%
- Party4: DS
- Seats4: 22
- Registered: 1,000`
	// The nested infobox's Party1 would clash with the outer one's: its
	// families are numbered on after the outer's highest (3).
	if got := body(t, src); got != want {
		t.Errorf("infobox =\n%s\nwant\n%s", got, want)
	}
}

// TestInfoboxArrows: {{increase}} and its kin sign a change, but beside
// an absolute figure they are arrows that compare it with the last
// election, and a figure must not turn negative.
func TestInfoboxArrows(t *testing.T) {
	for _, tt := range []struct{ name, param, want string }{
		{"arrow before a figure", "turnout = 61.4% (first round)<br />{{decrease}} 58.1% (second round)",
			"- Turnout: 61.4% (first round) 58.1% (second round)"},
		{"arrow alone", "turnout = {{increase}} 55.0%", "- Turnout: 55.0%"},
		{"change in points", "turnout = 72.49% ({{increase}} 1.5 pp)", "- Turnout: 72.49% (+1.5 pp)"},
		{"change after its figure", "turnout = 55.2% {{decrease}} 3.1%", "- Turnout: 55.2% −3.1%"},
		{"a change parameter", "seat_change1 = {{decrease}} 5", "- Seat Change1: −5"},
		{"a swing parameter", "swing1 = {{increase}}2.4 pp", "- Swing1: +2.4 pp"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := body(t, "{{Infobox election|"+tt.param+"}}")
			if want := "Infobox\n" + tt.want; got != want {
				t.Errorf("infobox %q =\n%s\nwant\n%s", tt.param, got, want)
			}
		})
	}
}

func TestNestedInfoboxWithoutClash(t *testing.T) {
	got := body(t, "{{Infobox election|party1=A|module={{Infobox election|embed=yes|party2=B|turnout=50%}}}}")
	want := "Infobox\n- Party1: A\n- Party2: B\n- Turnout: 50%"
	if got != want {
		t.Errorf("infobox =\n%s\nwant\n%s", got, want)
	}
}

func TestSectionInfobox(t *testing.T) {
	src := "{{Infobox election|election_name=2020 X City Assembly election|seats1=3}}\nLead.\n== Mayor ==\n{{Infobox election|candidate1=Ana|party1=P|popular_vote1=1,000}}\nAna won."
	want := `Infobox
- Election Name: 2020 X City Assembly election
- Seats1: 3

Lead.

==Mayor==
Infobox
- Candidate1: Ana
- Party1: P
- Popular Vote1: 1,000

Ana won.`
	if got := body(t, src); got != want {
		t.Errorf("article =\n%s\nwant\n%s", got, want)
	}
	a, err := knowledge.Parse("x.txt", strings.NewReader(Convert(src, Options{}).Text))
	if err != nil {
		t.Fatal(err)
	}
	if sec := a.Section("mayor"); sec == nil || len(sec.Infobox) != 3 || len(a.Infobox) != 2 {
		t.Errorf("the parser did not read the mayor's infobox into its section: %+v", sec)
	}
}

func TestElectionResults(t *testing.T) {
	src := `{{Election results
|caption=Results
|party1=[[A Party]]|votes1=600|seats1=6|sc1=2
|party2=B Party|votes2=300|seats2=3|sc2=-1
|row3=Against all|votes3=100
|invalid=50|electorate=2,000
|total_sc=1
}}`
	want := `Results

| Party | Votes | % | Seats | +/– |
| A Party | 600 | 60.00 | 6 | +2 |
| B Party | 300 | 30.00 | 3 | −1 |
| Against all | 100 | 10.00 |  |  |
| Total | 1,000 | 100.00 | 9 | +1 |
| Valid votes | 1,000 | 95.24 |  |  |
| Invalid/blank votes | 50 | 4.76 |  |  |
| Total votes | 1,050 | 100.00 |  |  |
| Registered voters/turnout | 2,000 | 52.50 |  |  |`
	if got := body(t, src); got != want {
		t.Errorf("results =\n%s\nwant\n%s", got, want)
	}
}

func TestElectionResultsTwoRounds(t *testing.T) {
	src := `{{Election results|firstround=Round one|secondround=Run-off
|cand1=Ana|party1=P|votes1=50|votes1_2=60
|cand2=Bo|party2=Q|votes2=30|votes2_2=40
|cand3=Cy|party3=R|votes3=20
|alliance1=Left|aspan1=2
}}`
	want := `| Candidate | Party | Alliance | Round one votes | Round one % | Run-off votes | Run-off % |
| Ana | P | Left | 50 | 50.00 | 60 | 60.00 |
| Bo | Q | Left | 30 | 30.00 | 40 | 40.00 |
| Cy | R |  | 20 | 20.00 |  |  |
| Total |  |  | 100 | 100.00 | 100 | 100.00 |`
	if got := body(t, src); got != want {
		t.Errorf("results =\n%s\nwant\n%s", got, want)
	}
}

// TestElectionResultsRoundTotals: a later round's totals are read
// whether written "invalid_2" or "invalid2" (not a row 2's field).
func TestElectionResultsRoundTotals(t *testing.T) {
	for _, suffix := range []string{"_2", "2"} {
		src := `{{Election results
|cand1=Ana|party1=P|votes1=50|votes1_2=60
|cand2=Bo|party2=Q|votes2=50|votes2_2=40
|invalid=10|invalid` + suffix + `=20|electorate=200|electorate` + suffix + `=200
}}`
		want := `| Candidate | Party | First round votes | First round % | Second round votes | Second round % |
| Ana | P | 50 | 50.00 | 60 | 60.00 |
| Bo | Q | 50 | 50.00 | 40 | 40.00 |
| Total |  | 100 | 100.00 | 100 | 100.00 |
| Valid votes |  | 100 | 90.91 | 100 | 83.33 |
| Invalid/blank votes |  | 10 | 9.09 | 20 | 16.67 |
| Total votes |  | 110 | 100.00 | 120 | 100.00 |
| Registered voters/turnout |  | 200 | 55.00 | 200 | 60.00 |`
		if got := body(t, src); got != want {
			t.Errorf("results with invalid%s =\n%s\nwant\n%s", suffix, got, want)
		}
	}
}

// TestWikitableGroupWords: a group heading that only says what the columns
// name ("Candidates") gives way to the names under it.
func TestWikitableGroupWords(t *testing.T) {
	src := `{| class="wikitable"
! rowspan=2 | Pollster !! colspan=2 | Candidates !! colspan=2 | First round
|-
! Ana !! Bo !! Votes !! %
|-
| X || 40 || 60 || 5 || 6
|}`
	want := "| Pollster | Ana | Bo | First round votes | First round % |\n| X | 40 | 60 | 5 | 6 |"
	if got := body(t, src); got != want {
		t.Errorf("table =\n%s\nwant\n%s", got, want)
	}
}

func TestWikitableHeaders(t *testing.T) {
	src := `{| class="wikitable"
! colspan="7" | Presidential election results
|-
! rowspan="2" colspan="2" | Candidate !! rowspan="2" | Party
! colspan="2" | First round !! colspan="2" | Second round
|-
! Votes !! % !! Votes !! %
|-
| style="background:red" | || Ana || P || 50 || 50.0 || 60 || 60.0
|-
| style="background:blue" | || Bo || Q || 30 || 30.0 || colspan="2" rowspan="2" |
|-
{{party name with color|Serbian Progressive Party}}
| SNS || 20 || 20.0
|-
! colspan="3" | Total !! 100 !! 100 !! 60 !! 100
|-
| colspan="7" | Source: the commission
|}`
	want := `Presidential election results

| Candidate | Party | First round votes | First round % | Second round votes | Second round % |
| Ana | P | 50 | 50.0 | 60 | 60.0 |
| Bo | Q | 30 | 30.0 |  |  |
| Serbian Progressive Party | SNS | 20 | 20.0 |  |  |
| Total | Total | 100 | 100 | 60 | 100 |

Source: the commission`
	if got := body(t, src); got != want {
		t.Errorf("table =\n%s\nwant\n%s", got, want)
	}
}

func TestLayoutTableUnwrapped(t *testing.T) {
	src := "{|\n|\n{| class=\"wikitable\"\n! Party !! Seats\n|-\n| A || 3\n|}\n| [[File:Chart.svg]]\n|}"
	if got, want := body(t, src), "| Party | Seats |\n| A | 3 |"; got != want {
		t.Errorf("layout table =\n%s\nwant\n%s", got, want)
	}
}

func TestSafeLines(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"prose that looks like a heading or a row", "= not a title\n\n|not a row", "not a title\n\nnot a row"},
		{"a lone mark is no legend", "<sup>M</sup>", "M"},
		{"a mark and its meaning is a legend", "<sup>M</sup> — National minority list", "^{M} — National minority list"},
		{"source word before the body", "Source\n\nSource", "(Source)\n\nSource"},
		{"infobox word anywhere", "Lead.\n\nÍnfobox of the party\n* x", "Lead.\n\n(Ínfobox of the party)\n- x"},
		{"pipes in cells", "{|\n! a !! b\n|-\n| {{!}} x || [[y|z]]\n|}", "| a | b |\n| / x | z |"},
		{"skipped sections", "== References ==\n{{reflist}}\n=== More ===\nx\n== Results ==\ny", "==Results==\ny"},
		{"level one heading", "= Part =\nx", "==Part==\nx"},
		{"list after its lead", "According to Ipsos:\n* SNS: 40%\n* DS: 20%", "According to Ipsos:\n- SNS: 40%\n- DS: 20%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := body(t, tt.src); got != tt.want {
				t.Errorf("Convert(%q) body =\n%s\nwant\n%s", tt.src, got, tt.want)
			}
		})
	}
}

func TestElectionPage(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"{{Infobox officeholder|name=X}}\nX is a politician.", false},
		{"Just prose.", false},
		{"{{Infobox Referendum|yes=1|no=2}}", true},
		{"{| class=wikitable\n! Party !! Votes\n|-\n| A || 1\n|}", true},
		{"{{Election results|party1=A|votes1=1}}", true},
	}
	for _, tt := range tests {
		if got := Convert(tt.src, Options{}).Election; got != tt.want {
			t.Errorf("Convert(%q).Election = %v; want %v", tt.src, got, tt.want)
		}
	}
}

func TestTitleFallback(t *testing.T) {
	if got := Convert("{{Infobox election|election_name=2020 Y election}}", Options{}).Title; got != "2020 Y election" {
		t.Errorf("title = %q; want the infobox's election name", got)
	}
	if got := Convert("x", Options{}).Title; got != "Untitled election" {
		t.Errorf("title = %q; want a placeholder", got)
	}
}
