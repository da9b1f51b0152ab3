package knowledge

import (
	"testing"
)

// figureIs checks one figure of the model against the article.
func figureIs(t *testing.T, what string, f *Figure, want float64) {
	t.Helper()
	if f == nil || f.Value != want {
		t.Errorf("%s = %v; want %v", what, f, want)
	}
}

func resultOf(t *testing.T, ct *Contest, round int, name string) *Result {
	t.Helper()
	r := ct.Round(round)
	if r == nil {
		t.Fatalf("%s has no round %d", ct.Title, round)
	}
	ms := ct.Resolve(name)
	if len(ms) == 0 {
		t.Fatalf("%s: Resolve(%q) found no one", ct.Title, name)
	}
	res := r.Result(ms[0].Contestant)
	if res == nil {
		t.Fatalf("%s round %d: no result for %q (%s)", ct.Title, round, name, ms[0].Contestant.Name)
	}
	return res
}

func TestShapePresidentialRunoff(t *testing.T) {
	e := election(t, "slovenia-presidential-2020")
	ct := e.MainContest()
	if ct.Kind != ContestPresident || len(e.Contests) != 1 || len(ct.Rounds) != 2 {
		t.Fatalf("contests = %d, main %s with %d rounds; want one presidential contest of two rounds", len(e.Contests), ct.Kind, len(ct.Rounds))
	}
	// Every independent is a contestant of their own.
	independents := 0
	for _, c := range ct.Contestants {
		if c.Independent() {
			independents++
		}
	}
	if len(ct.Contestants) != 7 || independents != 4 {
		t.Errorf("contestants = %d, independents %d; want 7 and 4 (the other candidates are one row)", len(ct.Contestants), independents)
	}
	// The first round's leader lost the run-off.
	if w := ct.Winner(); w == nil || w.Name != "Nina Zupan" || e.Winner() != w {
		t.Errorf("winner = %v, Election.Winner %v; want Nina Zupan", w, e.Winner())
	}
	if first := ct.FirstRound().Ranked()[0]; first.Contestant.Name != "Tomaž Vidmar" {
		t.Errorf("first round leader = %s; want Tomaž Vidmar", first.Name)
	}
	figureIs(t, "Zupan's first-round votes", resultOf(t, ct, 1, "Zupan").Votes, 227210)
	figureIs(t, "Vidmar's run-off share", resultOf(t, ct, 2, "Tomaž Vidmar").Share, 46.13)
	if res := ct.Round(2).Result(ct.Resolve("Kranjc")[0].Contestant); res != nil {
		t.Errorf("Kranjc has a run-off result %+v; want none (eliminated)", res)
	}
	figureIs(t, "first-round turnout", ct.Round(1).Turnout, 50.34)
	figureIs(t, "run-off turnout", ct.Round(2).Turnout, 54.55)
	figureIs(t, "flat turnout (the first round's)", e.Turnout, 50.34)
	if d := ct.Round(2).Date; d == nil || d.Text != "15 November 2020" {
		t.Errorf("run-off date = %v; want 15 November 2020", d)
	}
	if o := ct.Round(1).Others; len(o) != 1 || o[0].Votes.Int() != 12044 {
		t.Errorf("other candidates = %+v; want one row of 12,044", o)
	}
	if v, pts, ok := ct.Round(2).Margin(); !ok || v != 67419 || pts != 7.74 {
		t.Errorf("run-off margin = %d votes, %v points; want 67,419 and 7.74", v, pts)
	}
	if ms := e.Resolve("SDS"); len(ms) == 0 || ms[0].Contestant.Name != "Tomaž Vidmar" {
		t.Errorf("Resolve(SDS) = %v; want Vidmar, the SDS candidate", ms)
	}
	runoffPolls := 0
	for _, p := range e.Polls {
		if p.Kind == PollRunoff {
			runoffPolls++
		}
	}
	if runoffPolls != 2 {
		t.Errorf("run-off polls = %d; want 2", runoffPolls)
	}
}

func TestShapePresidentialImporterTable(t *testing.T) {
	e := election(t, "croatia-presidential-2018")
	ct := e.MainContest()
	if len(ct.Contestants) != 8 || len(ct.Rounds) != 2 {
		t.Fatalf("contestants %d, rounds %d; want 8 and 2", len(ct.Contestants), len(ct.Rounds))
	}
	// Popular Vote1 is the run-off's figure: it matches the table's second
	// round, not the first.
	figureIs(t, "Barić's run-off votes", resultOf(t, ct, 2, "Barić").Votes, 1004211)
	figureIs(t, "Barić's first-round votes", resultOf(t, ct, 1, "Helena Barić").Votes, 712306)
	figureIs(t, "flat votes (the first round's)", ct.Resolve("Barić")[0].Contestant.Votes, 712306)
	figureIs(t, "invalid in the run-off", ct.Round(2).Invalid, 75904)
	if c := ct.Resolve("Kuzmić")[0].Contestant; c.Ballot != 4 || !c.Independent() {
		t.Errorf("Kuzmić = ballot %d, party %q; want 4, independent", c.Ballot, c.Party)
	}
	if ms := e.Resolve("Croatian Democratic Union"); len(ms) == 0 || ms[0].Contestant.Name != "Helena Barić" {
		t.Errorf("Resolve(Croatian Democratic Union) = %v; want Barić (HDZ in the infobox, spelt out in the table)", ms)
	}
	if d := ct.Round(2).Date; d == nil || d.Text != "23 December 2018" {
		t.Errorf("run-off date = %v; want 23 December 2018", d)
	}
	exit := e.Polls[len(e.Polls)-1]
	if exit.Kind != PollExit || exit.Pollster != "Ipsos" {
		t.Errorf("last poll = %s by %q; want the Ipsos exit poll", exit.Kind, exit.Pollster)
	}
}

func TestShapeParliament(t *testing.T) {
	e := election(t, "serbia-parliamentary-2018")
	if len(e.Contestants) != 13 {
		t.Errorf("contestants = %d; want 13 (infobox acronyms linked to the table's lists, no duplicates)", len(e.Contestants))
	}
	if e.SeatsKnown() != 250 {
		t.Errorf("seats known = %d; want 250", e.SeatsKnown())
	}
	for _, tt := range []struct{ infobox, table string }{
		{"ZPS", "Aleksandar Vučić – For the Victory of Serbia"}, // by its figures
		{"TSF", "Zoran Babić – Together for Serbia's Future"},   // by initials
		{"MRJ", "Movement for Renewal and Justice"},
	} {
		ms := e.Resolve(tt.infobox)
		if len(ms) == 0 || ms[0].Contestant.InfoboxName != tt.infobox || ms[0].Contestant.Votes == nil {
			t.Errorf("Resolve(%q) = %v; want the infobox party with the votes of %q", tt.infobox, ms, tt.table)
		}
	}
	mrj := e.Resolve("Iskra")
	if len(mrj) == 0 || mrj[0].Contestant.InfoboxName != "MRJ" {
		t.Fatalf("Resolve(Iskra) = %v; want the MRJ (a prose-only alias)", mrj)
	}
	share := mrj[0].Contestant.Share
	if share.Value != 7.65 || len(share.Also) != 1 || share.Also[0].Value != 8.65 || share.Also[0].Section != SectionInfobox {
		t.Errorf("MRJ share = %v also %v; want the table's 7.65 with the infobox's 8.65 kept beside it", share, share.Also)
	}
	figureIs(t, "threshold (from \"lists that received more than 5%\")", e.Threshold, 5)
	figureIs(t, "lists proclaimed", e.ListsProclaimed, 14)
	if len(e.Polls) != 6 {
		t.Fatalf("polls = %d; want 5 opinion polls and the exit poll", len(e.Polls))
	}
	for _, p := range e.Polls {
		for _, en := range p.Entries {
			if en.Share.Value > 60 {
				t.Errorf("poll %s: %s = %v; a date read as a share?", p.Label(), en.Name, en.Share)
			}
		}
		if p.From == "" {
			t.Errorf("poll %s: date %q not read", p.Label(), p.Date)
		}
	}
	if p := e.Polls[1]; p.From != "2018-04-05" || p.Undecided.Value != 11.5 || p.LeadPoints.Value != 39.2 || p.Others.Value != 7.1 {
		t.Errorf("Faktor plus poll = %s, undecided %v, lead %v, others %v; want 2018-04-05, 11.5, 39.2, 7.1", p.From, p.Undecided, p.LeadPoints, p.Others)
	}
	if exit := e.Polls[5]; exit.Kind != PollExit || exit.Date != "22 April 2018" || len(exit.Entries) != 5 {
		t.Errorf("exit poll = %s %q with %d entries; want exit, 22 April 2018, 5", exit.Kind, exit.Date, len(exit.Entries))
	}
}

func TestShapeCityTwoContests(t *testing.T) {
	for _, tt := range []struct {
		file               string
		assembly, mayor    string
		seats              float64
		winner, runoffDate string
	}{
		{"osijek-2019", "HDZ – HSLS", "Ivan Radić", 13, "Ivan Radić", "2 June 2019"},
		{"ohrid-2019", "VMRO-DPMNE", "Ana Petrovska", 10, "Ana Petrovska", "27 October 2019"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			e := election(t, tt.file)
			m, mayor := e.MainContest(), e.ContestOf(ContestMayor)
			if m.Kind != ContestAssembly || mayor == nil || len(e.Contests) != 2 {
				t.Fatalf("contests = %d, main %s, mayor %v; want an assembly and a mayor", len(e.Contests), m.Kind, mayor)
			}
			if len(m.Rounds) != 1 || len(mayor.Rounds) != 2 {
				t.Errorf("rounds = assembly %d, mayor %d; want 1 and 2", len(m.Rounds), len(mayor.Rounds))
			}
			// The mayoral rows do not overwrite the assembly's.
			a := e.Resolve(tt.assembly)[0].Contestant
			if a.Kind != "" || a.Seats == nil || a.Seats.Value != tt.seats || e.ContestFor(a) != m {
				t.Errorf("%s = %+v; want the assembly list with %v seats", tt.assembly, a, tt.seats)
			}
			for _, c := range e.Contestants {
				if c.Kind == KindCandidate {
					t.Errorf("candidate %s among the assembly's contestants", c.Name)
				}
			}
			if w := mayor.Winner(); w == nil || w.Name != tt.winner {
				t.Errorf("mayor = %v; want %s", w, tt.winner)
			}
			if d := mayor.Round(2).Date; d == nil || d.Text != tt.runoffDate {
				t.Errorf("run-off date = %v; want %s", d, tt.runoffDate)
			}
		})
	}
}

func TestShapeReferendum(t *testing.T) {
	e := election(t, "montenegro-referendum-2017")
	ct := e.MainContest()
	if ct.Kind != ContestReferendum || ct.Question == nil || len(e.Contestants) != 0 {
		t.Fatalf("main = %s, question %v, flat contestants %d; want a referendum with its question and no parties", ct.Kind, ct.Question, len(e.Contestants))
	}
	yes := ct.FirstRound().Result(ct.Option("Yes"))
	if yes == nil || yes.Votes.Int() != 131402 || yes.Share.Value != 62.07 {
		t.Errorf("Yes = %+v; want 131,402 votes, 62.07%% (from the prose)", yes)
	}
	figureIs(t, "registered voters (prose only)", ct.FirstRound().Registered, 487260)
	figureIs(t, "invalid ballots", ct.FirstRound().Invalid, 6118)
	if met, known := ct.RequirementMet(); !known || met {
		t.Errorf("requirement met = %v, known %v; want not met (44.71%% turnout, more than half needed)", met, known)
	}
	if w := ct.Winner(); w == nil || w.Name != "Yes" {
		t.Errorf("winner = %v; want Yes (the most votes, though the vote was invalid)", w)
	}
}

// TestShapeRejectiveReferendum: every figure in prose, options with their
// shares in brackets, turnout as who took part, and a rule that the law
// falls when the votes against reach a fifth of the registered voters.
func TestShapeRejectiveReferendum(t *testing.T) {
	e := election(t, "slovenia-referendum-2019")
	ct := e.MainContest()
	r := ct.FirstRound()
	for _, tt := range []struct {
		option string
		votes  int
		share  float64
	}{{"Yes", 211225, 35.47}, {"No", 384210, 64.53}} {
		res := r.Result(ct.Option(tt.option))
		if res == nil || res.Votes.Int() != tt.votes || res.Share.Value != tt.share {
			t.Errorf("%s = %+v; want %d votes, %v%%", tt.option, res, tt.votes, tt.share)
		}
	}
	figureIs(t, "turnout (\"35.42% took part\")", r.Turnout, 35.42)
	q := ct.Requirement
	if q == nil || q.Of != RequireNoOfElectorate || q.Percent == nil || q.Percent.Value != 20 || q.Section != "Rules" {
		t.Fatalf("requirement = %+v; want the Rules' fifth of the registered voters voting against", q)
	}
	if met, known := ct.RequirementMet(); !known || !met {
		t.Errorf("requirement met = %v, known %v; want met (22.51%% of the registered voted against)", met, known)
	}
}

// TestRuleNotPetition: the signatures that called a referendum ("10% of
// the registered voters ... were required") are no rule of its vote; the
// Rules' turnout is, and it was not met.
func TestRuleNotPetition(t *testing.T) {
	ct := election(t, "zagreb-referendum-2014").MainContest()
	q := ct.Requirement
	if q == nil || q.Section != "Rules" || q.Of != RequireTurnout || q.Percent == nil || q.Percent.Value != 50 {
		t.Fatalf("requirement = %+v; want the Rules' half of the registered voters taking part", q)
	}
	if met, known := ct.RequirementMet(); !known || met {
		t.Errorf("requirement met = %v, known %v; want not met (38.50%% turnout)", met, known)
	}
}

// TestAssemblyBullets: "- Healthy Serbia: 1.90%" under the results of an
// assembly whose infobox names a "President of the Municipality" are the
// assembly's lists, not candidates for president.
func TestAssemblyBullets(t *testing.T) {
	e := election(t, "zvezdara-2016")
	if len(e.Contests) != 1 || e.MainContest().Kind != ContestAssembly {
		t.Fatalf("contests = %v; want the assembly alone", e.Contests)
	}
	res := resultOf(t, e.MainContest(), 1, "Healthy Serbia")
	figureIs(t, "Healthy Serbia's share", res.Share, 1.9)
}

func TestShapeInfoboxOnly(t *testing.T) {
	e := election(t, "budva-2015")
	if len(e.Contests) != 1 || e.MainContest().Kind != ContestAssembly || len(e.Contestants) != 4 {
		t.Fatalf("contests %d, contestants %d; want one assembly of 4 parties", len(e.Contests), len(e.Contestants))
	}
	figureIs(t, "threshold (prose)", e.Threshold, 3)
	if w := e.Winner(); w == nil || w.Name != "Democratic Front" {
		t.Errorf("winner = %v; want the Democratic Front", w)
	}
}
