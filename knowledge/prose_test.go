package knowledge

import "testing"

// extractText parses and extracts an article given as text.
func extractText(t *testing.T, text string) *Election {
	t.Helper()
	return Extract(mustParse(t, text), nil)
}

func TestProseFacts(t *testing.T) {
	tests := []struct {
		sentence  string
		threshold string
		lists     int
		date      string
		turnout   string
	}{
		{"Twenty-three parties and coalitions ran for 110 seats in the Assembly, with 5% election threshold required to win seats.", "5", 23, "", ""},
		{"Eight electoral lists contested the election.", "", 8, "", ""},
		{"Twenty three lists ran.", "", 23, "", ""},
		{"12 lists were registered, and the turnout was 48.2%.", "", 12, "", "48.2"},
		{"Seats were shared among the lists that passed the threshold of 5 per cent of the votes cast.", "5", 0, "", ""},
		{"Lists needed 5% of the votes cast to win seats.", "5", 0, "", ""},
		{"Parties had to win at least 3 percent of the valid votes to enter the assembly.", "3", 0, "", ""},
		{"The election was held on 21 June 2020.", "", 0, "21 June 2020", ""},
		{"The Progressives won 55% of the votes.", "", 0, "", ""},
		{"A 70% threshold of anything is no electoral threshold.", "", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			e := extractText(t, "= Some election =\n\n"+tt.sentence+"\n")
			if got := figureText(e.Threshold); got != tt.threshold {
				t.Errorf("threshold = %q; want %q", got, tt.threshold)
			}
			if got := e.ListCount.Int(); got != tt.lists {
				t.Errorf("list count = %d; want %d", got, tt.lists)
			}
			date := ""
			if e.Date != nil {
				date = e.Date.Text
			}
			if date != tt.date {
				t.Errorf("date = %q; want %q", date, tt.date)
			}
			if got := figureText(e.Turnout); got != tt.turnout {
				t.Errorf("turnout = %q; want %q", got, tt.turnout)
			}
		})
	}
}

func figureText(f *Figure) string {
	if f == nil {
		return ""
	}
	return f.Text
}
