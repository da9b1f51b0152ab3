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
