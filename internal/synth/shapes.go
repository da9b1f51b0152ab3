package synth

import (
	"fmt"
	"strings"
)

// cityAssembly writes a city assembly elected from numbered ballot lists,
// as the seed article is: an infobox of the lists that won seats, a
// lists table with carriers and minority marks, polls as bullet lists and
// a results table.
func (g *gen) cityAssembly(a *article) {
	p := a.place
	d := g.date(a.year)
	seats := 41 + 2*g.r.IntN(40)
	threshold := 300 + 200*g.r.IntN(2)
	lists := g.ballot(p.parties, 6, 14)
	valid := 40000 + g.r.IntN(400000)
	rs := g.outcome(lists, valid)
	for i := range rs {
		rs[i].minority = i > 2 && g.r.IntN(8) == 0
		if g.r.IntN(4) > 0 {
			rs[i].prev = g.r.IntN(seats / 2)
		}
	}
	dhondt(rs, seats, threshold)
	turnout := 3500 + g.r.IntN(3000)

	a.field("Country", "%s", p.name)
	a.field("Ongoing", "no")
	a.assemblyBox(seats, d, turnout)
	g.seatBox(a, rs, true)
	mayorAfter := g.person()
	a.officeBox("Mayor of "+p.name, p.mayor, rs[1].abbrev, mayorAfter, rs[0].abbrev)

	a.lead = append(a.lead,
		fmt.Sprintf("The local election for the City Assembly of %s was held on %s. %s electoral lists ran for %d seats, with a threshold of %s%% of the votes cast required to win seats. %s",
			p.name, d, upper(spell(len(rs))), seats, pct(threshold), g.reason()),
		g.winnerSentence(rs, seats)+" "+g.runnersUp(rs))
	g.background(a)
	lt := a.section("Electoral lists")
	lt.para("The following are the electoral lists proclaimed by the City Electoral Commission:")
	rows := [][]string{{"Ballot number", "Ballot name", "Ballot carrier", "Note"}}
	for i, r := range rs {
		note := ""
		if r.minority {
			note = "^{M}"
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), r.name + " — " + r.leader, g.person(), note})
	}
	lt.table(false, rows...)
	lt.para("^{M} — National minority list")
	g.campaign(a, rs)
	g.bulletPolls(a, rs, d)
	res := a.section("Results")
	res.para("The following are the final results proclaimed by the City Electoral Commission:")
	rows = [][]string{{"Party", "Votes", "%", "Seats"}}
	for _, r := range rs {
		rows = append(rows, []string{r.name, thousands(r.votes), pct(r.share), fmt.Sprint(r.seats)})
	}
	rows = append(rows, []string{"Total", thousands(valid), "100.00", fmt.Sprint(seats)})
	res.table(false, rows...)
	g.aftermath(a, d, rs, mayorAfter)
	p.mayor = mayorAfter
}

// localElection writes an article of two contests: a mayor in two rounds
// and a city assembly, each in its own section.
func (g *gen) localElection(a *article) {
	p := a.place
	d := g.date(a.year)
	runoff := d.plus(14)
	seats := 21 + 2*g.r.IntN(20)
	lists := g.ballot(p.parties, 4, 8)
	valid := 20000 + g.r.IntN(120000)
	rs := g.outcome(lists, valid)
	for i := range rs {
		if g.r.IntN(3) > 0 {
			rs[i].prev = g.r.IntN(seats / 2)
		}
	}
	dhondt(rs, seats, 500)
	cands := make([]party, 0, 5)
	for i, r := range rs[:min(len(rs), 5)] {
		c := r.party
		c.name = r.leader
		if i == 4 {
			c.abbrev = "Independent"
		}
		cands = append(cands, c)
	}
	first := g.outcome(cands, valid)
	second := g.runoff(cands[:2], valid-g.r.IntN(valid/10))
	winner := second[0]
	turnout := 3000 + g.r.IntN(3000)

	a.field("Country", "%s", p.country)
	a.field("Type", "local")
	a.assemblyBox(seats, d, turnout)
	g.seatBox(a, rs[:min(len(rs), 3)], false)
	a.officeBox("Mayor of "+p.name, p.mayor, rs[1].abbrev, winner.name, winner.abbrev)

	a.lead = append(a.lead,
		fmt.Sprintf("Local elections were held in %s on %s to elect the Mayor and the %d members of the City Assembly. A second round of the mayoral election was held on %s. %s",
			p.name, d, seats, runoff, g.reason()),
		fmt.Sprintf("%s of the %s was elected mayor in the second round with %s%% of the vote, defeating %s. %s",
			winner.name, rs[0].name, pct(winner.share), second[1].name, g.winnerSentence(rs, seats)))
	g.background(a)
	m := a.section("Mayoral election")
	m.para("%s candidates stood for mayor. A candidate is elected in the first round with more than half of the votes cast; otherwise the two leading candidates meet in a run-off two weeks later.", upper(spell(len(first))))
	rows := [][]string{{"Candidate", "Party", "Votes (1st round)", "% (1st round)", "Votes (2nd round)", "% (2nd round)"}}
	for _, c := range first {
		v2, p2 := "–", "–"
		for _, s := range second {
			if s.name == c.name {
				v2, p2 = thousands(s.votes), pct(s.share)
			}
		}
		rows = append(rows, []string{c.name, c.abbrev, thousands(c.votes), pct(c.share), v2, p2})
	}
	m.table(false, rows...)
	m.sentences(fmt.Sprintf("%s won in the city centre and %s in the outer districts.", second[1].name, winner.name), g.filler(a, rs))
	ca := a.section("City Assembly election")
	ca.para("Lists needed 5%% of the votes cast to win seats. %s lists stood; the seats were allocated by the D'Hondt method.", upper(spell(len(rs))))
	rows = [][]string{{"List", "Votes", "%", "Seats"}}
	for _, r := range rs {
		rows = append(rows, []string{r.name, thousands(r.votes), pct(r.share), fmt.Sprint(r.seats)})
	}
	rows = append(rows, []string{"Total", thousands(valid), "100", fmt.Sprint(seats)})
	ca.table(false, rows...)
	g.aftermath(a, runoff, rs, winner.name)
	p.mayor = winner.name
}

// parliament writes a national parliament: a wide poll table, a results
// table with votes, seats and changes, minority lists exempt from the
// threshold.
func (g *gen) parliament(a *article) {
	p := a.place
	d := g.date(a.year)
	seats := 90 + 10*g.r.IntN(22)
	lists := g.ballot(p.parties, 8, len(p.parties))
	valid := 1500000 + g.r.IntN(3000000)
	invalid := valid / (30 + g.r.IntN(20))
	registered := (valid + invalid) * 100 / (45 + g.r.IntN(25))
	rs := g.outcome(lists, valid)
	for i := range rs {
		rs[i].minority = i > 4 && g.r.IntN(5) == 0
		if g.r.IntN(5) > 0 {
			rs[i].prev = g.r.IntN(seats / 3)
		}
	}
	dhondt(rs, seats, 500)
	turnout := (valid + invalid) * 10000 / registered

	a.field("Country", "%s", p.name)
	a.field("Type", "parliamentary")
	a.field("Ongoing", "no")
	a.field("Previous Election", "%d", a.year-4)
	a.field("Next Election", "%d", a.year+4)
	a.field("Seats For Election", "All %d seats in the National Assembly", seats)
	a.field("Majority Seats", "%d", seats/2+1)
	a.field("Election Date", "%s", d)
	a.field("Registered", "%s", thousands(registered))
	a.field("Turnout", "%s%%", pct(turnout))
	g.seatBox(a, rs[:5], true)
	pm := g.person()
	a.officeBox("Prime Minister", p.mayor, rs[1].abbrev, pm, rs[0].abbrev)

	a.lead = append(a.lead,
		fmt.Sprintf("Parliamentary elections were held in %s on %s to elect all %d members of the National Assembly. %s",
			p.name, d, seats, g.reason()),
		g.winnerSentence(rs, seats)+" "+g.runnersUp(rs))
	es := a.section("Electoral system")
	es.sentences(
		fmt.Sprintf("The %d members of the National Assembly are elected by proportional representation in a single nationwide constituency.", seats),
		"Seats are distributed by the D'Hondt method among the lists that received more than 5% of the votes cast; lists of national minorities are exempt from the threshold.",
		fmt.Sprintf("The Electoral Commission proclaimed %s electoral lists.", spell(len(rs))))
	g.background(a)
	g.campaign(a, rs)
	g.tablePolls(a, rs, d)
	res := a.section("Results")
	res.para("The Electoral Commission proclaimed the final results on %s.", d.plus(10))
	rows := [][]string{{"List", "Votes", "%", "Seats", "+/−"}}
	for _, r := range rs {
		name := r.name + " – " + r.leader
		if r.minority {
			name += "^{M}"
		}
		rows = append(rows, []string{name, thousands(r.votes), pct(r.share), fmt.Sprint(r.seats), change(r)})
	}
	rows = append(rows,
		[]string{"Valid votes", thousands(valid), "", "", ""},
		[]string{"Invalid votes", thousands(invalid), "", "", ""},
		[]string{"Total", thousands(valid + invalid), "100", fmt.Sprint(seats), ""},
		[]string{"Registered voters/turnout", thousands(registered), pct(turnout), "", ""})
	res.table(false, rows...)
	res.para("^{M} — National minority list")
	g.aftermath(a, d, rs, pm)
	p.mayor = pm
}

// presidential writes a two-round presidential election: candidates with
// their parties, rounds in the infobox's numbered data, poll tables per
// round and a results table with a two-row header.
func (g *gen) presidential(a *article) {
	p := a.place
	d := g.date(a.year)
	runoff := d.plus(14)
	n := 5 + g.r.IntN(5)
	var cands []party
	for i, pt := range p.parties[:n] {
		c := party{name: pt.leader, abbrev: pt.name, colour: pt.colour}
		if i%3 == 2 {
			c.name, c.abbrev = g.person(), "Independent"
		}
		cands = append(cands, c)
	}
	valid := 800000 + g.r.IntN(2000000)
	first := g.outcome(cands, valid)
	finalists := []party{first[0].party, first[1].party}
	if g.r.IntN(2) == 0 {
		finalists[0], finalists[1] = finalists[1], finalists[0]
	}
	second := g.runoff(finalists, valid*21/20)
	registered := valid * 2
	t1, t2 := 4000+g.r.IntN(2000), 4000+g.r.IntN(2000)

	a.field("Country", "%s", p.name)
	a.field("Type", "presidential")
	a.field("Ongoing", "no")
	a.field("Previous Election", "%d", a.year-5)
	a.field("Next Election", "%d", a.year+5)
	a.field("Election Date", "%s", d)
	a.field("Runoff Date", "%s", runoff)
	a.field("Registered", "%s", thousands(registered))
	a.field("Turnout", "%s%% (first round) %s%% (second round)", pct(t1), pct(t2))
	for i, c := range first[:3] {
		k := i + 1
		a.field(fmt.Sprintf("Candidate%d", k), "%s", c.name)
		a.field(fmt.Sprintf("Party%d", k), "%s", c.abbrev)
		a.field(fmt.Sprintf("Colour%d", k), "%s", c.colour)
		if i == 0 {
			a.field("1Blank", "First round")
			a.field("2Blank", "Second round")
		}
		a.field(fmt.Sprintf("1Data%d", k), "%s (%s%%)", thousands(c.votes), pct(c.share))
		for _, s := range second {
			if s.name == c.name {
				a.field(fmt.Sprintf("2Data%d", k), "%s (%s%%)", thousands(s.votes), pct(s.share))
			}
		}
	}
	a.officeBox("President of "+p.name, p.mayor, "Independent", second[0].name, second[0].abbrev)

	a.lead = append(a.lead,
		fmt.Sprintf("A presidential election was held in %s on %s, with a second round on %s. %s %s candidates stood in the first round.",
			p.name, d, runoff, g.reason(), upper(spell(len(first)))),
		fmt.Sprintf("%s came first in the first round with %s%% of the vote, ahead of %s with %s%%. As no candidate won a majority, the two went through to a run-off, which %s won with %s%% of the vote.",
			first[0].name, pct(first[0].share), first[1].name, pct(first[1].share), second[0].name, pct(second[0].share)))
	es := a.section("Electoral system")
	es.sentences(
		fmt.Sprintf("The President of %s is elected for a five-year term by a two-round system.", p.name),
		"A candidate who wins more than half of the valid votes in the first round is elected; otherwise the two candidates with the most votes meet in a second round two weeks later.")
	cs := a.section("Candidates")
	rows := [][]string{{"Candidate", "Party", "Note"}}
	for _, c := range first {
		rows = append(rows, []string{c.name, c.abbrev, "Former " + g.pick([]string{"minister", "mayor", "ambassador", "judge", "professor"})})
	}
	cs.table(false, rows...)
	g.background(a)
	po := a.section("Opinion polls")
	po.para("Polls of the first round:")
	header := []string{"Polling firm", "Fieldwork date", "Sample size"}
	for _, c := range first[:4] {
		header = append(header, lastName(c.name))
	}
	rows = [][]string{header}
	for k := range 2 + g.r.IntN(3) {
		fig := g.pollFigures(first[:4])
		row := []string{g.pick(pollsters), d.plus(-10 * (k + 1)).String(), thousands(700 + g.r.IntN(1000))}
		for _, v := range fig {
			row = append(row, tenths(v))
		}
		rows = append(rows, row)
	}
	po.table(true, rows...)
	res := a.section("Results")
	rows = [][]string{
		{"Candidate", "Party", "First round", "", "Second round", ""},
		{"", "", "Votes", "%", "Votes", "%"},
	}
	for _, c := range first {
		v2, p2 := "", ""
		for _, s := range second {
			if s.name == c.name {
				v2, p2 = thousands(s.votes), pct(s.share)
			}
		}
		rows = append(rows, []string{c.name, c.abbrev, thousands(c.votes), pct(c.share), v2, p2})
	}
	rows = append(rows, []string{"Registered voters/turnout", "", thousands(registered), pct(t1), thousands(registered), pct(t2)})
	res.table(false, rows...)
	res.para("The Electoral Commission confirmed the results of the second round on %s. %s", runoff.plus(4), g.filler(a, nil))
	p.mayor = second[0].name
}

// referendum writes a referendum: the question, Yes and No in the
// infobox, the figures again in prose.
func (g *gen) referendum(a *article) {
	p := a.place
	d := g.date(a.year)
	yes := 100000 + g.r.IntN(900000)
	no := 100000 + g.r.IntN(900000)
	invalid := (yes + no) / (20 + g.r.IntN(30))
	registered := (yes + no + invalid) * 100 / (35 + g.r.IntN(40))
	turnout := (yes + no + invalid) * 10000 / registered
	yesShare := yes * 10000 / (yes + no)
	passed := yes > no && turnout > 5000
	question := fmt.Sprintf("Do you support the %s law on %s?", strings.ToLower(g.pick(partyAdjectives)), p.topic)

	a.field("Country", "%s", p.name)
	a.field("Type", "referendum")
	a.field("Date", "%s", d)
	a.field("Question", "%s", question)
	a.field("Yes", "%s", thousands(yes))
	a.field("No", "%s", thousands(no))
	a.field("Invalid", "%s", thousands(invalid))
	a.field("Turnout", "%s%%", pct(turnout))

	outcome := "the proposal was rejected"
	if passed {
		outcome = "the proposal was approved"
	} else if yes > no {
		outcome = "the referendum failed because fewer than half of the registered voters took part"
	}
	a.lead = append(a.lead,
		fmt.Sprintf("A referendum on %s was held in %s on %s. Voters were asked whether they supported the law passed by the Parliament earlier that year.", p.topic, p.name, d),
		fmt.Sprintf("%s%% of those who voted were in favour and %s; %s%% of the %s registered voters took part. A decision is valid only if more than half of all registered voters take part in the vote.",
			pct(yesShare), outcome, pct(turnout), thousands(registered)))
	bg := a.section("Background")
	bg.sentences(
		fmt.Sprintf("The %s proposed the law, arguing that it would settle the question of %s for a generation.", p.parties[0].name, p.topic),
		fmt.Sprintf("The opposition %s called for a boycott.", p.parties[1].name),
		g.filler(a, nil))
	c := a.section("Campaign")
	c.sentences(
		fmt.Sprintf("The government campaigned under the slogan \"%s for everyone\".", p.name),
		fmt.Sprintf("%s, the leader of the %s, urged voters to stay at home.", p.parties[1].leader, p.parties[1].name),
		g.filler(a, nil))
	res := a.section("Results")
	res.sentences(
		fmt.Sprintf("Of the votes cast, %s were in favour and %s against, with %s ballots invalid or blank.", thousands(yes), thousands(no), thousands(invalid)),
		fmt.Sprintf("The Electoral Commission confirmed the results on %s.", d.plus(4)))
}

// ballot draws the lists of one election from a place's parties.
func (g *gen) ballot(ps []party, lo, hi int) []party {
	n := min(len(ps), lo+g.r.IntN(max(hi-lo, 1)+1))
	perm := g.r.Perm(len(ps))[:n]
	out := make([]party, n)
	for i, k := range perm {
		out[i] = ps[k]
	}
	return out
}

// seatBox writes the infobox families of the lists that won seats.
func (g *gen) seatBox(a *article, rs []result, last bool) {
	k := 0
	for _, r := range rs {
		if r.seats == 0 || k == 5 {
			continue
		}
		k++
		a.field(fmt.Sprintf("Party%d", k), "%s", r.name)
		a.field(fmt.Sprintf("Colour%d", k), "%s", r.colour)
		a.field(fmt.Sprintf("Leader%d", k), "%s", r.leader)
		if last {
			if r.prev < 0 {
				a.field(fmt.Sprintf("Last Election%d", k), "new")
			} else {
				a.field(fmt.Sprintf("Last Election%d", k), "%d", r.prev)
			}
		}
		a.field(fmt.Sprintf("Seats%d", k), "%d", r.seats)
		a.field(fmt.Sprintf("Percentage%d", k), "%s%%", pct(r.share))
	}
}

func (g *gen) winnerSentence(rs []result, seats int) string {
	w := rs[0]
	for _, r := range rs {
		if r.seats > w.seats {
			w = r
		}
	}
	if w.seats > seats/2 {
		return fmt.Sprintf("The %s (%s) of %s won an absolute majority of %d seats with %s%% of the vote.", w.name, w.abbrev, w.leader, w.seats, pct(w.share))
	}
	return fmt.Sprintf("The %s (%s) won the most seats, %d, but fell %s seats short of a majority on its own.", w.name, w.abbrev, w.seats, spell(seats/2+1-w.seats))
}

func (g *gen) runnersUp(rs []result) string {
	var parts []string
	for _, r := range rs[1:] {
		if r.seats > 0 && len(parts) < 3 {
			parts = append(parts, fmt.Sprintf("the %s with %s%% (%d seats)", r.name, pct(r.share), r.seats))
		}
	}
	if len(parts) == 0 {
		return "No other list passed the threshold."
	}
	return "Also over the threshold were " + strings.Join(parts, ", ") + "."
}

func (g *gen) reason() string {
	return fmt.Sprintf("The election was called after %s.", g.pick(reasons))
}

// background writes a section of prose about what led to the election.
func (g *gen) background(a *article) {
	s := a.section("Background")
	ps := a.place.parties
	s.sentences(
		fmt.Sprintf("After the %d election the %s formed a government with the %s.", a.year-a.shape.every, ps[0].name, ps[len(ps)-1].name),
		fmt.Sprintf("In %d the coalition broke down over %s.", a.year-1, g.pick(issues)),
		g.filler(a, nil))
	s.sentences(g.filler(a, nil), g.filler(a, nil))
}

// campaign writes a subsection for each of the leading lists.
func (g *gen) campaign(a *article, rs []result) {
	s := a.section("Campaign")
	s.para("%s lists took part in the campaign, which was dominated by %s.", upper(spell(len(rs))), g.pick(issues))
	for _, r := range rs[:min(3, len(rs))] {
		sub := a.subsection(r.name)
		sub.sentences(
			fmt.Sprintf("The %s's list was led by %s.", r.abbrev, r.leader),
			fmt.Sprintf("They campaigned on %s and %s.", g.pick(issues), g.pick(issues)),
			g.filler(a, rs))
	}
}

// aftermath says who governed after the election.
func (g *gen) aftermath(a *article, d date, rs []result, head string) {
	s := a.section("Aftermath")
	s.sentences(
		fmt.Sprintf("The new assembly met on %s and elected %s with the votes of the %s and the %s.", d.plus(20+g.r.IntN(20)), head, rs[0].abbrev, rs[min(2, len(rs)-1)].abbrev),
		g.filler(a, rs))
}

// filler is a sentence of campaign or background prose naming the
// article's parties, people and places.
func (g *gen) filler(a *article, rs []result) string {
	ps := a.place.parties
	pp := ps[g.r.IntN(len(ps))]
	if len(rs) > 0 {
		pp = rs[g.r.IntN(len(rs))].party
	}
	forms := []func() string{
		func() string {
			return fmt.Sprintf("%s accused the government of hiding the true cost of %s.", pp.leader, g.pick(issues))
		},
		func() string {
			return fmt.Sprintf("The %s promised to reverse the decision on %s within a hundred days.", pp.name, g.pick(issues))
		},
		func() string {
			return fmt.Sprintf("Turnout was highest in %s %s and lowest in the villages of the north.", g.pick(townAdjectives), a.place.name)
		},
		func() string {
			return fmt.Sprintf("Observers of the OSCE said the vote was well run but that the media favoured the ruling parties.")
		},
		func() string {
			return fmt.Sprintf("A televised debate between %s and %s was watched by %s viewers.", pp.leader, g.person(), thousands(100000+g.r.IntN(900000)))
		},
		func() string {
			return fmt.Sprintf("The %s (%s) was founded in %d by %s, a former deputy mayor.", pp.name, pp.abbrev, a.year-3-g.r.IntN(10), g.person())
		},
		func() string {
			return fmt.Sprintf("In %s %d several members of the %s left to join the %s.", g.pick(months), a.year-1, pp.name, ps[g.r.IntN(len(ps))].name)
		},
		func() string {
			return fmt.Sprintf("The electoral commission rejected the list of the %s, which appealed to the Constitutional Court and lost.", g.pick([]string{"Greens", "Pirates", "Monarchists", "Farmers"}))
		},
	}
	return forms[g.r.IntN(len(forms))]()
}

// bulletPolls writes polls as the seed does: a lead-in naming the
// pollster and the dates, then one bullet per party.
func (g *gen) bulletPolls(a *article, rs []result, d date) {
	s := a.section("Opinion polls")
	for k := range 1 + g.r.IntN(3) {
		fig := g.pollFigures(rs[:min(len(rs), 5)])
		from := d.plus(-20*(k+1) - 3)
		lead := fmt.Sprintf("According to %s, %s–%s:", g.pick(pollsters), from.short(), from.plus(3).String())
		if k%2 == 1 {
			lead = fmt.Sprintf("A poll by %s conducted %s gave:", g.pick(pollsters), from)
		}
		var items []string
		for i, v := range fig {
			if k%2 == 0 {
				items = append(items, fmt.Sprintf("%s: %s%%", rs[i].abbrev, tenths(v)))
			} else {
				items = append(items, fmt.Sprintf("%s%% %s", tenths(v), rs[i].abbrev))
			}
		}
		s.list(lead, items...)
	}
}

// tablePolls writes polls as a wide table, one row per poll.
func (g *gen) tablePolls(a *article, rs []result, d date) {
	s := a.section("Opinion polls")
	top := rs[:min(len(rs), 6)]
	header := []string{"Polling firm", "Fieldwork date", "Sample"}
	for _, r := range top {
		header = append(header, r.abbrev)
	}
	header = append(header, "Lead")
	rows := [][]string{header}
	for k := range 3 + g.r.IntN(4) {
		fig := g.pollFigures(top)
		row := []string{g.pick(pollsters), d.plus(-12 * (k + 1)).String(), thousands(800 + g.r.IntN(1200))}
		for _, v := range fig {
			row = append(row, tenths(v))
		}
		row = append(row, tenths(max(fig[0]-fig[1], 0)))
		rows = append(rows, row)
	}
	s.table(true, rows...)
}

func lastName(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}
