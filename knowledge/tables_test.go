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
