package knowledge

import "testing"

func TestNewPollLead(t *testing.T) {
	tests := []struct {
		lead, pollster, date string
	}{
		{"According to Factor Plus, 20–26 January:", "Factor Plus", "20–26 January"},
		{"According to 24–25 February Faktor plus poll:", "Faktor plus", "24–25 February"},
		{`According to a poll of the "Nina Media" research agency and TV Prva conducted after elections were scheduled in early 2014:`,
			`"Nina Media" research agency and TV Prva`, "early 2014"},
		{"According to a Faktor plus poll conducted 18–22 November 2013:", "Faktor plus", "18–22 November 2013"},
		{"A survey by Ipsos Strategic Marketing from early December 2013 gave the following figures:", "Ipsos Strategic Marketing", "early December 2013"},
		{"In the last poll before the vote, by CeSID (5–8 December 2013):", "CeSID", "5–8 December 2013"},
		{"A poll by Ipsos Strategic Marketing conducted 2–6 March 2016 gave:", "Ipsos Strategic Marketing", "2–6 March 2016"},
		{"According to CeSID, 28 March – 3 April 2016:", "CeSID", "28 March – 3 April 2016"},
		{"In a Faktor plus survey from 11–15 April 2016, the parties stood at:", "Faktor plus", "11–15 April 2016"},
		{"A poll by Damar, taken 3–9 May 2018, gave:", "Damar", "3–9 May 2018"},
		{"According to the CEDEM survey of 12–16 May 2018:", "CEDEM", "12–16 May 2018"},
		{"Polls from late January:", "", "late January"},
	}
	for _, tt := range tests {
		t.Run(tt.lead, func(t *testing.T) {
			p := newPoll(tt.lead, "Opinion polls", 7)
			if p.Pollster != tt.pollster || p.Date != tt.date {
				t.Errorf("newPoll(%q) = pollster %q, date %q; want %q, %q", tt.lead, p.Pollster, p.Date, tt.pollster, tt.date)
			}
			if p.Lead != tt.lead || p.Line != 7 || p.Section != "Opinion polls" {
				t.Errorf("newPoll(%q) = lead %q line %d section %q; want the lead, 7, Opinion polls", tt.lead, p.Lead, p.Line, p.Section)
			}
		})
	}
}

func TestPollItem(t *testing.T) {
	tests := []struct {
		text  string
		name  string
		share string
		ok    bool
	}{
		{"SNS: 37.4%", "SNS", "37.4", true},
		{"42.5% SNS", "SNS", "42.5", true},
		{"8.9% SPS-PUPS-JS", "SPS-PUPS-JS", "8.9", true},
		{"SNS – 37.4", "SNS", "37.4", true},
		{"DPS – 44.8", "DPS", "44.8", true},
		{"SNS 37.4%", "SNS", "37.4", true},
		{"SNS: 37,4%", "SNS", "37,4", true}, // kept as written; Value is 37.4
		{"ДС: 23.0%", "ДС", "23.0", true},
		{"Đilas's Democrats: 20.4%", "Đilas's Democrats", "20.4", true},
		{"SNS (Vučić): 40%", "SNS", "40", true},
		{"47.2% Democratic Front", "Democratic Front", "47.2", true},
		{"SNS", "", "", false},
		{"Turnout expected to be high", "", "", false},
		{"SNS: 137%", "", "", false},
		{"42.5%", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			en, ok := pollItem(tt.text, "Opinion polls")
			if ok != tt.ok {
				t.Fatalf("pollItem(%q) ok = %v; want %v", tt.text, ok, tt.ok)
			}
			if !ok {
				return
			}
			if en.Name != tt.name || en.Share.Text != tt.share || en.Share.Section != "Opinion polls" {
				t.Errorf("pollItem(%q) = %q %q (%s); want %q %q (Opinion polls)", tt.text, en.Name, en.Share.Text, en.Share.Section, tt.name, tt.share)
			}
		})
	}
}

func TestNotParty(t *testing.T) {
	for _, s := range []string{"Undecided", "Others", "Other parties", "Don't know", "ostali", "Neodlučni"} {
		if !notParty(s) {
			t.Errorf("notParty(%q) = false; want true", s)
		}
	}
	for _, s := range []string{"None of the Above", "SNS", "Other Serbia", "Dveri"} {
		if notParty(s) {
			t.Errorf("notParty(%q) = true; want false", s)
		}
	}
}
