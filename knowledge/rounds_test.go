package knowledge

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRoundOf(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"First round", 1}, {"first round votes", 1}, {"Votes (1st round)", 1}, {"% (2nd round)", 2},
		{"Second round", 2}, {"Run-off", 2}, {"runoff %", 2}, {"Round 2", 2}, {"Drugi krug", 2},
		{"Votes", 0}, {"Party", 0}, {"Results", 0}, {"Ivan Radić", 0},
	}
	for _, tt := range tests {
		if got := roundOf(tt.in); got != tt.want {
			t.Errorf("roundOf(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func TestSplitRounds(t *testing.T) {
	tests := []struct {
		in   string
		want []roundValue
	}{
		{"50.34% (first round) 54.55% (second round)", []roundValue{{1, "50.34%"}, {2, "54.55%"}}},
		{"50.63% (1st round) / 54.04% (2nd round)", []roundValue{{1, "50.63%"}, {2, "54.04%"}}},
		{"62.75% (first round), 60.94% (second round)", []roundValue{{1, "62.75%"}, {2, "60.94%"}}},
		{"First round: 58.2%, second round: 61.0%", []roundValue{{1, "58.2%"}, {2, "61.0%"}}},
		{"9 December 2018 (first round) 23 December 2018 (second round)", []roundValue{{1, "9 December 2018"}, {2, "23 December 2018"}}},
		{"50.66%", []roundValue{{0, "50.66%"}}},
	}
	for _, tt := range tests {
		if got := splitRounds(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitRounds(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestVotesAndShare(t *testing.T) {
	tests := []struct {
		in          string
		votes, perc string
	}{
		{"227,210 (28.15%)", "227,210", "28.15"},
		{"227,210 28.15%", "227,210", "28.15"},
		{"28.15%", "", "28.15"},
		{"131,402", "131,402", ""},
	}
	for _, tt := range tests {
		v, s := votesAndShare(tt.in, "Infobox")
		var gv, gs string
		if v != nil {
			gv = v.Text
		}
		if s != nil {
			gs = s.Text
		}
		if gv != tt.votes || gs != tt.perc {
			t.Errorf("votesAndShare(%q) = %q, %q; want %q, %q", tt.in, gv, gs, tt.votes, tt.perc)
		}
	}
}

func TestPrefer(t *testing.T) {
	table := &Figure{Value: 7.65, Text: "7.65", Section: "Results"}
	box := &Figure{Value: 8.65, Text: "8.65%", Section: "Infobox"}
	got := prefer(table, box)
	if got.Value != 7.65 || len(got.Also) != 1 || got.Also[0].Section != "Infobox" {
		t.Errorf("prefer(7.65, 8.65) = %v also %v; want 7.65 with the infobox's 8.65 beside it", got.Value, got.Also)
	}
	if len(table.Also) != 0 {
		t.Errorf("prefer changed its argument: %v", table.Also)
	}
	same := prefer(&Figure{Value: 15.7, Text: "15.70"}, &Figure{Value: 15.7, Text: "15.7"})
	if len(same.Also) != 0 {
		t.Errorf("prefer(15.70, 15.7) keeps %v; want no disagreement", same.Also)
	}
	if !agree(&Figure{Value: 52.39, Text: "52.39"}, &Figure{Value: 52.4, Text: "52.4"}) {
		t.Error("agree(52.39, 52.4) = false; want true at the precision of 52.4")
	}
}

func TestDateRange(t *testing.T) {
	day := time.Date(2018, 4, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in       string
		from, to string
	}{
		{"13 June 2020", "2020-06-13", "2020-06-13"},
		{"12–14 May", "2018-05-12", "2018-05-14"}, // after the election: the year before
		{"5–8 April", "2018-04-05", "2018-04-08"},
		{"28 March – 3 April 2016", "2016-03-28", "2016-04-03"},
		{"30 Dec 2019 – 4 Jan 2020", "2019-12-30", "2020-01-04"},
		{"May 2020", "2020-05-01", "2020-05-31"},
		{"March", "2018-03-01", "2018-03-31"},
		{"early 2014", "2014-01-01", "2014-04-30"},
		{"late 2017", "2017-09-01", "2017-12-31"},
		{"early November 2018", "2018-11-01", "2018-11-10"},
		{"May 12–14, 2020", "2020-05-12", "2020-05-14"},
		{"2020-06-13", "2020-06-13", "2020-06-13"},
		{"13. jun 2020.", "2020-06-13", "2020-06-13"},
	}
	for _, tt := range tests {
		from, to, ok := DateRange(tt.in, 2018, day)
		if tt.in == "12–14 May" {
			tt.from, tt.to = "2017-05-12", "2017-05-14"
		}
		if !ok || from.Format(time.DateOnly) != tt.from || to.Format(time.DateOnly) != tt.to {
			t.Errorf("DateRange(%q) = %s..%s, %v; want %s..%s", tt.in, from.Format(time.DateOnly), to.Format(time.DateOnly), ok, tt.from, tt.to)
		}
	}
	for _, in := range []string{"", "–", "1,000", "Ipsos"} {
		if _, _, ok := DateRange(in, 2018, day); ok {
			t.Errorf("DateRange(%q) ok; want no date", in)
		}
	}
}

func TestClassifyTwoRoundHeaders(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
	}{
		{"combined", [][]string{{"Candidate", "Party", "First round votes", "First round %", "Second round votes", "Second round %"}, {"A", "B", "1", "2", "3", "4"}}},
		{"group row", [][]string{{"Candidate", "Party", "First round", "", "Second round", ""}, {"", "", "Votes", "%", "Votes", "%"}, {"A", "B", "1", "2", "3", "4"}}},
		{"parenthesised", [][]string{{"Candidate", "Party", "Votes (1st round)", "% (1st round)", "Votes (2nd round)", "% (2nd round)"}, {"A", "B", "1", "2", "3", "4"}}},
		{"run-off", [][]string{{"Candidate", "Party", "Votes", "%", "Run-off votes", "Run-off %"}, {"A", "B", "1", "2", "3", "4"}}},
		{"bare after round", [][]string{{"Candidate", "Party", "First round", "%", "Second round", "%"}, {"A", "B", "1", "2", "3", "4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := classifyBlock(Block{Kind: Table, Rows: tt.rows})
			if c.name != 0 || c.party != 1 || !c.isResults() {
				t.Fatalf("classifyBlock = name %d, party %d, results %v; want 0, 1, true", c.name, c.party, c.isResults())
			}
			// "Votes" without a round is the first round's when a run-off
			// column follows.
			want := []roundColumns{{round: 1, votes: 2, share: 3, seats: -1}, {round: 2, votes: 4, share: 5, seats: -1}}
			if !reflect.DeepEqual(c.rounds, want) {
				t.Errorf("classifyBlock rounds = %+v; want %+v", c.rounds, want)
			}
		})
	}
}

func TestDateColumnByCells(t *testing.T) {
	b := Block{Kind: Table, Rows: [][]string{
		{"Source", "Published", "ZPS", "SPS–JS", "Others"},
		{"Ipsos/CeSID", "22 April 2018", "53.4", "11.5", "13.6"},
	}}
	c := classifyBlock(b)
	if c.date != 1 || c.pollster != 0 || c.others != 4 {
		t.Errorf("classifyBlock = date %d, pollster %d, others %d; want 1, 0, 4", c.date, c.pollster, c.others)
	}
}

func TestInitialsMatch(t *testing.T) {
	tests := []struct {
		abbrev, name string
		want         bool
	}{
		{"TSF", "Zoran Babić – Together for Serbia's Future", true},
		{"MRJ", "Movement for Renewal and Justice", true},
		{"URS", "United Regions of Serbia", true},
		{"ZPS", "Aleksandar Vučić – For the Victory of Serbia", false},
		{"DS", "Democratic Party of Serbia", false},
		{"S", "Serbia", false},
	}
	for _, tt := range tests {
		if got := initialsMatch(tt.abbrev, tt.name); got != tt.want {
			t.Errorf("initialsMatch(%q, %q) = %v; want %v", tt.abbrev, tt.name, got, tt.want)
		}
	}
}

func TestResultItem(t *testing.T) {
	tests := []struct {
		in                  string
		name, party         string
		votes, share, seats string
		ok                  bool
	}{
		{"Ana Petrovska (SDSM) – 11,904 votes (41.85%)", "Ana Petrovska", "SDSM", "11,904", "41.85", "", true},
		{"Zupan: 468,930 (53.87%)", "Zupan", "", "468,930", "53.87", "", true},
		{"SNS – 63 seats", "SNS", "", "", "", "63", true},
		{"Arben Rexhepi (Independent) – 3,802 votes (13.37%)", "Arben Rexhepi", "Independent", "3,802", "13.37", "", true},
		{"Undecided: 11%", "", "", "", "", "", false},
		{"The count was delayed by a day", "", "", "", "", "", false},
		{"42.5% SNS", "", "", "", "", "", false},
	}
	for _, tt := range tests {
		r, ok := resultItemOf(tt.in, "Results")
		if ok != tt.ok {
			t.Errorf("resultItemOf(%q) ok = %v; want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		txt := func(f *Figure) string {
			if f == nil {
				return ""
			}
			return f.Text
		}
		if r.name != tt.name || r.party != tt.party || txt(r.votes) != tt.votes || txt(r.share) != tt.share || txt(r.seats) != tt.seats {
			t.Errorf("resultItemOf(%q) = %q (%q) %s votes %s%% %s seats; want %q (%q) %s %s %s",
				tt.in, r.name, r.party, txt(r.votes), txt(r.share), txt(r.seats), tt.name, tt.party, tt.votes, tt.share, tt.seats)
		}
	}
}

func TestRequirementOf(t *testing.T) {
	tests := []struct {
		in   string
		pct  float64
		of   string
		have bool
	}{
		{"a decision is valid only if more than half of all registered voters take part in the vote", 50, RequireTurnout, true},
		{"Required: 50% turnout", 50, RequireTurnout, true},
		{"at least 25% of all registered voters must vote in favour", 25, RequireYesOfElectorate, true},
		{"the proposal needs 55% of the votes in favour", 55, RequireYesOfVotes, true},
		// A rejective rule, its share in words.
		{"a law is rejected if the votes against amount to at least one fifth of all registered voters", 20, RequireNoOfElectorate, true},
		// Two conditions: the share is the turnout's, not the Yes vote's.
		{"a decision is binding if a majority of those who voted are in favour, provided that more than half of the registered voters took part", 50, RequireTurnout, true},
	}
	for _, tt := range tests {
		q := requirementOf(tt.in, "Introduction")
		if q.Percent == nil || q.Percent.Value != tt.pct || q.Of != tt.of {
			t.Errorf("requirementOf(%q) = %v of %q; want %v of %q", tt.in, q.Percent, q.Of, tt.pct, tt.of)
		}
	}
}

func TestParseSectionInfobox(t *testing.T) {
	in := "= T =\n\nInfobox\n- Party1: A\n\n==Mayor==\nInfobox\n- Candidate1: Ana Petrovska\n- Party1: SDSM\n- a note without a colon\n\nText.\n"
	a, err := Parse("t.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	s := a.Section("mayor")
	if len(a.Infobox) != 1 || s == nil || len(s.Infobox) != 2 {
		t.Fatalf("infobox %v, mayor section %+v; want one article field and two in the section", a.Infobox, s)
	}
	if len(s.Blocks) != 2 || s.Blocks[0].Kind != List {
		t.Errorf("mayor blocks = %+v; want the colonless bullet as a list, then the paragraph", s.Blocks)
	}
}
