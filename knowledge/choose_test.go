package knowledge

import "testing"

func TestYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"2014", 2014, true},
		{"2014?", 2014, true},
		{"(2014)", 2014, true},
		{"2014's", 2014, true},
		{"1899", 0, false},
		{"2101", 0, false},
		{"20144", 0, false},
		{"list", 0, false},
		{"١٢٣٤", 0, false},
	}
	for _, tt := range tests {
		if got, ok := Year(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("Year(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if got, ok := YearIn("held in March 2012, then 2016"); got != 2012 || !ok {
		t.Errorf("YearIn = %d, %v; want 2012, true", got, ok)
	}
}

func TestElectionIn(t *testing.T) {
	belgrade, noviSad, nis := election(t, "belgrade-2014"), election(t, "novi-sad-2020"), election(t, "nis-2016")
	many := []*Election{noviSad, nis, belgrade}
	tests := []struct {
		name          string
		es            []*Election
		text          string
		want          *Election
		rest, missing string
	}{
		{"nothing named", many, "/seats", nil, "/seats", ""},
		{"a year", many, "seats 2014", belgrade, "seats", ""},
		{"a place", many, "seats in Novi Sad", noviSad, "seats in", ""},
		{"a place with a typo is found but left in", many, "turnout in Nish", nis, "turnout in Nish", ""},
		{"a year no article is about", many, "seats 2018", nil, "seats 2018", "2018"},
		{"one election keeps the place words", []*Election{belgrade}, "mayor of Belgrade 2014", belgrade, "mayor of Belgrade", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, rest, missing := ElectionIn(tt.es, tt.text)
			if e != tt.want || rest != tt.rest || missing != tt.missing {
				t.Errorf("ElectionIn(%q) = %v, %q, %q; want %v, %q, %q", tt.text, name(e), rest, missing, name(tt.want), tt.rest, tt.missing)
			}
		})
	}
}

func name(e *Election) string {
	if e == nil {
		return "nil"
	}
	return e.ID
}

func TestPollLeaderAndMargin(t *testing.T) {
	fig := func(v float64) *Figure { return &Figure{Value: v} }
	p := &Poll{Entries: []PollEntry{{Name: "A", Share: fig(30)}, {Name: "B", Share: fig(42.5)}, {Name: "C", Share: fig(20)}, {Name: "D"}}}
	if top := p.Leader(); top == nil || top.Name != "B" {
		t.Fatalf("Leader() = %v; want B", top)
	}
	tests := []struct {
		entry     int
		points    float64
		other     string
		ahead     bool
		comparing bool
	}{
		{1, 12.5, "A", true, true},
		{0, 12.5, "B", false, true},
		{2, 22.5, "B", false, true},
		{3, 0, "", false, false},
	}
	for _, tt := range tests {
		en := &p.Entries[tt.entry]
		points, other, ahead := p.Margin(en)
		if (other != nil) != tt.comparing || points != tt.points || ahead != tt.ahead || other != nil && other.Name != tt.other {
			t.Errorf("Margin(%s) = %v, %v, %v; want %v, %q, %v", en.Name, points, other, ahead, tt.points, tt.other, tt.ahead)
		}
	}
	alone := &Poll{Entries: []PollEntry{{Name: "A", Share: fig(30)}}}
	if _, other, _ := alone.Margin(&alone.Entries[0]); other != nil {
		t.Errorf("Margin of a poll's only figure = %v; want nothing to compare", other)
	}
	if (&Poll{}).Leader() != nil {
		t.Errorf("Leader() of a poll without figures is not nil")
	}
}

func TestPollsWhen(t *testing.T) {
	jan, feb, undated := &Poll{Date: "20–26 January"}, &Poll{Date: "24–25 February"}, &Poll{}
	ps := []*Poll{jan, feb, undated}
	tests := []struct {
		text string
		want []*Poll
	}{
		{"the poll from January", []*Poll{jan}},
		{"polls in februar", []*Poll{feb}},
		{"the polls", nil},
		{"in June", nil},
	}
	for _, tt := range tests {
		got := PollsWhen(ps, tt.text)
		if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
			t.Errorf("PollsWhen(%q) = %v; want %v", tt.text, got, tt.want)
		}
	}
}

func TestMajorityNeeded(t *testing.T) {
	tests := []struct {
		name     string
		majority *Figure
		seats    *Figure
		want     int
	}{
		{"stated", &Figure{Value: 56}, &Figure{Value: 110}, 56},
		{"derived", nil, &Figure{Value: 110}, 56},
		{"derived from an odd number", nil, &Figure{Value: 51}, 26},
		{"unknown", nil, nil, 0},
	}
	for _, tt := range tests {
		e := &Election{Majority: tt.majority, Seats: tt.seats}
		if got := e.MajorityNeeded(); got != tt.want {
			t.Errorf("%s: MajorityNeeded() = %d; want %d", tt.name, got, tt.want)
		}
	}
}

func TestInfoboxKey(t *testing.T) {
	tests := []struct {
		key  string
		base string
		n    int
	}{
		{"Party1", "Party", 1},
		{"Last Election2", "Last Election", 2},
		{"Seats 3", "Seats", 3},
		{" Popular Vote12 ", "Popular Vote", 12},
		{"Turnout", "Turnout", 0},
		{"Seats1000", "Seats1000", 0},
		{"2", "2", 0},
	}
	for _, tt := range tests {
		if base, n := InfoboxKey(tt.key); base != tt.base || n != tt.n {
			t.Errorf("InfoboxKey(%q) = %q, %d; want %q, %d", tt.key, base, n, tt.base, tt.n)
		}
	}
}
