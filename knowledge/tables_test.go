package knowledge

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		header string
		want   string // the roles found, in header order
		kind   string // lists, results, polls or none
	}{
		{"Ballot number | Ballot name | Ballot carrier | Note", "number name carrier note", "lists"},
		{"No. | List | Carrier | Note", "number name carrier note", "lists"},
		{"List | Leader | Note", "name carrier note", "lists"},
		{"# | Назив листе | Носилац", "number name carrier", "lists"},
		{"Broj | Naziv liste | Nosilac liste", "number name carrier", "lists"},
		{"Agencija | Datum | Uzorak | SNS | DS", "pollster date sample - -", "polls"},
		{"No. | List | Votes | % | Seats | +/–", "number name votes share seats seatChange", "results"},
		{"Party | Votes | % | ±pp | Seats | +/−", "name votes share shareSwing seats seatChange", "results"},
		{"Party | % | Seats", "name share seats", "results"},
		{"Party | Popular vote | Swing | Seats | Change", "name votes shareSwing seats seatChange", "results"},
		{"Pollster | Fieldwork date | Sample size | SNS | PSG–ZNS | Others | Lead", "pollster date sample - - skip skip", "polls"},
		{"Polling firm | Date | SNS | DS | Undecided", "pollster date - - skip", "polls"},
		{"Date | SNS | DS", "date - -", "polls"},
		{"Year | Mayor", "- -", "none"},
		// A parties table: another election's seats are no results, and
		// the abbreviations make it no ballot lists.
		{"Party | Abbreviation | Leader | 2014 seats", "name abbrev carrier skip", "none"},
		{"Party | Leader | Last election", "name carrier skip", "lists"},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			header := strings.Split(tt.header, " | ")
			c := classify(header)
			roles := make([]string, len(header))
			for i := range roles {
				roles[i] = "-"
				if c.skip[i] {
					roles[i] = "skip"
				}
			}
			for name, i := range map[string]int{"number": c.number, "name": c.name, "carrier": c.carrier, "note": c.note, "abbrev": c.abbrev,
				"votes": c.votes, "share": c.share, "seats": c.seats, "seatChange": c.seatChange, "shareSwing": c.shareSwing,
				"pollster": c.pollster, "date": c.date, "sample": c.sample} {
				if i >= 0 {
					roles[i] = name
				}
			}
			if got := strings.Join(roles, " "); got != tt.want {
				t.Errorf("classify(%q) = %s; want %s", tt.header, got, tt.want)
			}
			kind := "none"
			switch {
			case c.isLists():
				kind = "lists"
			case c.isResults():
				kind = "results"
			case c.isPolls():
				kind = "polls"
			}
			if kind != tt.kind {
				t.Errorf("classify(%q) is a %s table; want %s", tt.header, kind, tt.kind)
			}
		})
	}
}

func TestMarks(t *testing.T) {
	if got := strings.Join(marks("Albanian Alliance^{3} ^{ 2 }"), ","); got != "3,2" {
		t.Errorf("marks = %q; want 3,2", got)
	}
	if got := stripMarks("Russian Party^{M}"); got != "Russian Party" {
		t.Errorf("stripMarks = %q; want Russian Party", got)
	}
}

// TestListsTableWithAbbreviations reads a numbered lists table with an
// abbreviation column as the ballot's lists, and links each infobox party
// named by that column to its list, whose carrier need not lead it.
func TestListsTableWithAbbreviations(t *testing.T) {
	e := extractText(t, `= 2011 Lovćen Assembly election =

Infobox
- Seats For Election: 30
- Party1: Sloga
- Leader1: Petar Radonjić
- Seats1: 17
- Party2: NPS
- Leader2: Mila Đukić
- Seats2: 13

==Electoral lists==
| Ballot number | Ballot name | Abbreviation | Ballot carrier |
| 1 | People's Movement of the Coast — Mila Đukić | NPS | Mila Đukić |
| 2 | Concord — Together for Lovćen (SDP, GP) | Sloga | Ana Vuković |
`)
	tests := []struct {
		name            string
		ballot          int
		carrier, leader string
	}{
		{"Sloga", 2, "Ana Vuković", "Petar Radonjić"},
		{"NPS", 1, "Mila Đukić", "Mila Đukić"},
	}
	if len(e.Contestants) != len(tests) {
		t.Fatalf("%d contestants; want the %d lists, each linked to its infobox party", len(e.Contestants), len(tests))
	}
	for _, tt := range tests {
		var k *Contestant
		for _, c := range e.Contestants {
			if c.InfoboxName == tt.name {
				k = c
			}
		}
		if k == nil {
			t.Errorf("no infobox party %s", tt.name)
			continue
		}
		if k.Ballot != tt.ballot || k.Carrier != tt.carrier || k.Leader != tt.leader {
			t.Errorf("%s = list %d, carrier %q, leader %q; want list %d, carrier %q, leader %q", tt.name, k.Ballot, k.Carrier, k.Leader, tt.ballot, tt.carrier, tt.leader)
		}
	}
}

// TestKnowsInCase: a word of the article is known in a Serbian case,
// with the a that drops out before a final c, and a word with another
// root is not.
func TestKnowsInCase(t *testing.T) {
	e := extractText(t, `= 2011 Tamnava referendum =

==Results==
| Settlement | Turnout % |
| Slovac | 45.55 |
| Brgule | 56.78 |
| Takovo | 63.33 |
`)
	for word, want := range map[string]bool{"slovcu": true, "brgulama": true, "takovu": true, "slovenija": false, "brgud": false} {
		if got := e.Knows(word); got != want {
			t.Errorf("Knows(%q) = %v; want %v", word, got, want)
		}
	}
}
