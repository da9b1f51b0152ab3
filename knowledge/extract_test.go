package knowledge

import (
	"strings"
	"testing"
)

func TestExtractNoviSad(t *testing.T) {
	e := election(t, "novi-sad-2020")
	// Ballot numbers skip 7.
	if got, want := len(e.Ballots()), 11; got != want {
		t.Errorf("ballots = %d; want %d", got, want)
	}
	if e.MaxBallot() != 12 || e.ContestantByBallot(7) != nil || e.ListCount.Int() != 11 {
		t.Errorf("max ballot %d, list 7 %v, count %d; want 12, none, 11", e.MaxBallot(), e.ContestantByBallot(7), e.ListCount.Int())
	}
	// The results table's totals rows.
	for name, tt := range map[string]struct {
		f    *Figure
		want float64
	}{"valid": {e.Valid, 111955}, "invalid": {e.Invalid, 3412}, "votes": {e.Votes, 115367},
		"registered": {e.Registered, 302145}, "turnout": {e.Turnout, 38.18}, "seats": {e.Seats, 78}, "majority": {e.Majority, 40}} {
		if tt.f == nil || tt.f.Value != tt.want {
			t.Errorf("%s = %v; want %v", name, tt.f, tt.want)
		}
	}
	// Votes, share, seats and change per list, linked to the infobox party.
	psg := e.ContestantByBallot(8)
	if psg == nil || psg.InfoboxName != "PSG–ZNS" || psg.Votes.Int() != 12466 || psg.Seats.Int() != 9 || !psg.New {
		t.Errorf("list 8 = %+v; want PSG–ZNS, 12,466 votes, 9 seats, new", psg)
	}
	lsv := e.ContestantByBallot(4)
	if lsv.Seats.Int() != 0 || lsv.SeatChange.Int() != -5 || lsv.PrevSeats.Int() != 5 {
		t.Errorf("LSV = %v seats, %v change, %v before; want 0, −5, 5", lsv.Seats, lsv.SeatChange, lsv.PrevSeats)
	}
	// A minority list with a mark in its name cell.
	if svm := e.ContestantByBallot(3); !svm.Minority() || svm.Seats.Int() != 2 {
		t.Errorf("SVM minority %v, seats %v; want a minority list with 2 seats", svm.Minority(), svm.Seats)
	}
	if got := e.ContestantByBallot(12).Notes; len(got) != 1 || !strings.Contains(got[0], "Administrative Court") {
		t.Errorf("list 12 notes = %q; want the ^{b} legend", got)
	}
	// The wide poll table: three polls, the 2016 row left out, Others and
	// Lead not taken for parties.
	if len(e.Polls) != 3 {
		t.Fatalf("polls = %d; want 3", len(e.Polls))
	}
	p := e.Polls[0]
	if p.Pollster != "Ipsos" || p.Date != "18–25 May 2020" || p.Sample != "1,000" || len(p.Entries) != 7 {
		t.Errorf("poll = %s, %s, n=%s, %d entries; want Ipsos, 18–25 May 2020, 1,000, 7", p.Pollster, p.Date, p.Sample, len(p.Entries))
	}
	if en := p.Entry(e.ContestantByBallot(9)); en == nil || en.Name != "DJB" || en.Share.Value != 5.7 {
		t.Errorf("Ipsos figure for Dosta je bilo = %+v; want DJB 5.7", en)
	}
	if h := e.MajorityHolder(); h == nil || h.Ballot != 1 {
		t.Errorf("majority holder = %v; want list 1", h)
	}
}

func TestExtractKragujevac(t *testing.T) {
	e := election(t, "kragujevac-2016")
	if e.Majority != nil || e.Office != "" || e.Before != nil || e.After != nil || e.ListsSection != "" || e.Previous != nil {
		t.Errorf("majority %v, office %q, before %v, after %v, lists %q, previous %v; want none of them",
			e.Majority, e.Office, e.Before, e.After, e.ListsSection, e.Previous)
	}
	if e.Turnout.Value != 55.3 || e.Seats.Int() != 87 || e.Threshold.Value != 5 || e.ListCount.Int() != 8 {
		t.Errorf("turnout %v, seats %v, threshold %v, lists %v; want 55.3, 87, 5, 8", e.Turnout, e.Seats, e.Threshold, e.ListCount)
	}
	if e.MajorityHolder() != nil {
		t.Errorf("majority holder = %v; want none (38 of 87)", e.MajorityHolder())
	}
	for _, c := range e.Contestants {
		if c.Colour != "" || c.PrevSeats != nil || c.Ballot != 0 {
			t.Errorf("%s: colour %q, before %v, ballot %d; the article gives none", c.Name, c.Colour, c.PrevSeats, c.Ballot)
		}
	}
	// Both "42.5% SNS" and "Below threshold:" lead-ins.
	if len(e.Polls) != 3 {
		t.Fatalf("polls = %d; want 3", len(e.Polls))
	}
	first := e.Polls[0]
	if len(first.Entries) != 7 || !first.Entries[5].BelowThreshold || first.Entries[4].BelowThreshold {
		t.Errorf("first poll = %+v; want 7 entries, DSS and DJB below the threshold, DS not", first.Entries)
	}
	dss := e.Resolve("Democratic Party of Serbia")[0].Contestant
	if en := e.Polls[1].Entry(dss); en == nil || en.Share.Value != 2.4 {
		t.Errorf("CeSID figure for the DSS = %+v; want 2.4", en)
	}
}

func TestExtractVozdovac(t *testing.T) {
	e := election(t, "vozdovac-2013")
	ds := e.ContestantByBallot(3)
	if ds == nil || ds.InfoboxName != "DS" || ds.Leader != "Dragan Đilas" || !strings.Contains(ds.BallotName, "Djilas") {
		t.Errorf("list 3 = %+v; want the DS of Dragan Đilas, spelt Djilas on the ballot", ds)
	}
	if urs := e.ContestantByBallot(4); urs.InfoboxName != "United Regions of Serbia" || !urs.New {
		t.Errorf("list 4 = %+v; want the URS, new", urs)
	}
	if sns := e.ContestantByBallot(1); sns.InfoboxName != "SNS coalition" || sns.Carrier != "Александар Савић" {
		t.Errorf("list 1 = %+v; want the SNS coalition with its Cyrillic carrier", sns)
	}
	if e.After == nil || Fold(e.After.Name) != "aleksandar savic" {
		t.Errorf("after = %+v; want Александар Савић", e.After)
	}
	if e.Threshold == nil || e.Threshold.Value != 5 {
		t.Errorf("threshold = %v; want 5 (\"Lists needed 5%%\")", e.Threshold)
	}
	last := e.Polls[2]
	if last.Pollster != "CeSID" || len(last.Entries) != 5 || len(last.Notes) != 1 {
		t.Errorf("last poll = %s, %d entries, notes %q; want CeSID, 5, Undecided as a note", last.Pollster, len(last.Entries), last.Notes)
	}
}

func TestExtractPodgorica(t *testing.T) {
	e := election(t, "podgorica-2018")
	// A lists table without numbers is in ballot order.
	if got := e.ContestantByBallot(2); got == nil || got.InfoboxName != "Democratic Front" {
		t.Errorf("list 2 = %v; want the Democratic Front", got)
	}
	if len(e.Contestants) != 8 {
		t.Errorf("contestants = %d; want 8 (result rows linked to their lists)", len(e.Contestants))
	}
	dps := e.ContestantByBallot(1)
	if dps.ShareSwing.Value != 2.15 || dps.Votes.Int() != 43871 || dps.SeatChange.Int() != 0 {
		t.Errorf("DPS swing %v votes %v change %v; want 2.15, 43,871, 0", dps.ShareSwing, dps.Votes, dps.SeatChange)
	}
	if len(dps.AliasNames) != 0 {
		t.Errorf("DPS aliases = %q; want none (it is not the Democratic Party)", dps.AliasNames)
	}
	if e.MajorityHolder() != nil || e.Majority.Int() != 30 {
		t.Errorf("majority %v holder %v; want 30 and none (29 seats)", e.Majority, e.MajorityHolder())
	}
	if e.Turnout.Value != 65.51 || e.Registered.Int() != 147842 || e.Invalid.Int() != 2315 {
		t.Errorf("turnout %v registered %v invalid %v; want 65.51, 147,842, 2,315", e.Turnout, e.Registered, e.Invalid)
	}
	if got := e.ContestantByBallot(8).Notes; len(got) != 2 {
		t.Errorf("Albanian Alliance notes = %q; want two legends", got)
	}
}

// TestExtractInvariants checks what must hold for every article.
func TestExtractInvariants(t *testing.T) {
	for _, path := range goldenArticles(t) {
		e := extractFile(t, path, testAliases(t))
		checkInvariants(t, e)
		checkContests(t, e)
	}
}

func checkInvariants(t *testing.T, e *Election) {
	t.Helper()
	ballots := map[int]bool{}
	for _, c := range e.Contestants {
		if c.Ballot > 0 {
			if ballots[c.Ballot] {
				t.Errorf("%s: ballot number %d used twice", e.ID, c.Ballot)
			}
			ballots[c.Ballot] = true
		}
		if c.Ballot < 0 {
			t.Errorf("%s: %q has ballot number %d", e.ID, c.Name, c.Ballot)
		}
	}
	for _, p := range e.Polls {
		if len(p.Entries) == 0 {
			t.Errorf("%s: poll %q has no entries", e.ID, p.Label())
		}
		for _, en := range p.Entries {
			if en.Share == nil || en.Share.Value < 0 || en.Share.Value > 100 {
				t.Errorf("%s: poll %q entry %q has share %v", e.ID, p.Label(), en.Name, en.Share)
			}
			if en.Contestant != nil && !containsContestant(e.Contestants, en.Contestant) {
				t.Errorf("%s: poll entry %q links to a contestant outside the election", e.ID, en.Name)
			}
		}
	}
}

func containsContestant(cs []*Contestant, c *Contestant) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// TestProseThreshold checks the threshold read from sentences, when the
// infobox gives none: a threshold that changed is the figure it went to.
func TestProseThreshold(t *testing.T) {
	tests := []struct {
		sentence string
		want     float64
	}{
		{"Seats are shared among the lists that won at least 3% of the votes cast; the threshold was lowered from 5% to 3% in February 2020.", 3},
		{"The threshold was raised from 3 to 5 per cent in 2011.", 5},
		{"There is a 5% threshold.", 5},
		{"Lists needed 4% of the votes cast to win seats.", 4},
	}
	for _, tt := range tests {
		text := "= 2020 Test City Assembly election =\n\nInfobox\n- Election Date: 21 June 2020\n\n" + tt.sentence + "\n"
		a, err := Parse("test.txt", strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		if e := Extract(a, nil); e.Threshold == nil || e.Threshold.Value != tt.want {
			t.Errorf("threshold of %q = %v; want %v", tt.sentence, e.Threshold, tt.want)
		}
	}
}
