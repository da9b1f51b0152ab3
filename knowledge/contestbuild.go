package knowledge

import (
	"strconv"
	"strings"
)

// main returns the main contest.
func (x *extractor) main() *Contest { return x.e.MainContest() }

// aboutMain reports whether a section is about the main contest: its
// heading names no other contest.
func (x *extractor) aboutMain(s *Section) bool {
	k := x.sectionKind(s)
	m := x.main()
	return k == "" || m == nil || k == m.Kind
}

// boxContest returns the planned contest a box describes, or nil.
func (x *extractor) boxContest(b *box) *plannedContest {
	for _, c := range x.contests {
		if c.box == b {
			return c
		}
	}
	return nil
}

// assignBoxes gives each contest the contestants of its infobox. The
// article's infobox's parties stay Election.Contestants when they are the
// main contest's; a mayor's infobox beside an assembly's lists is not.
func (x *extractor) assignBoxes() {
	e := x.e
	top := x.boxContest(x.box)
	if top != nil && top.Contest != x.main() {
		top.Contestants = e.Contestants
		e.Contestants = nil
	}
	for _, b := range x.boxes {
		if ct := x.boxContest(b); ct != nil {
			cs := x.boxContestants(b)
			if ct.Contest == x.main() {
				e.Contestants = append(e.Contestants, cs...)
			} else {
				ct.Contestants = append(ct.Contestants, cs...)
			}
		}
	}
	if m := x.main(); m != nil {
		m.Contestants = e.Contestants
	}
}

// boxResults puts each infobox's figures into its contest's rounds, under
// what the results tables say: a share the table repeats is one figure; a
// share the table contradicts is kept beside it, with its source.
func (x *extractor) boxResults() {
	for _, ct := range x.contests {
		if ct.box == nil {
			continue
		}
		x.boxRounds(ct)
		for _, c := range ct.Contestants {
			if c.Position == 0 || !x.fromBox(ct.box, c) {
				continue
			}
			for r, f := range ct.box.roundFigures(c.Position) {
				res := resultFor(roundOfContest(ct.Contest, r), c, c.Name)
				res.Votes, res.Share = prefer(res.Votes, f[0]), prefer(res.Share, f[1])
			}
			src := &Result{Votes: c.Votes, Share: c.Share, Seats: c.Seats, SeatChange: c.SeatChange, ShareSwing: c.ShareSwing}
			if src.Votes == nil && src.Share == nil && src.Seats == nil {
				continue
			}
			r := roundOfContest(ct.Contest, x.boxRound(ct.Contest, c, src))
			res := resultFor(r, c, c.Name)
			res.Votes, res.Share, res.Seats = prefer(res.Votes, src.Votes), prefer(res.Share, src.Share), prefer(res.Seats, src.Seats)
			res.SeatChange, res.ShareSwing = prefer(res.SeatChange, src.SeatChange), prefer(res.ShareSwing, src.ShareSwing)
		}
	}
}

// roundBoxResults reads the infoboxes of single rounds into their rounds:
// their candidates are the contest's, found by name, or new.
func (x *extractor) roundBoxResults() {
	for _, ct := range x.contests {
		for _, rb := range ct.roundBoxes {
			r := roundOfContest(ct.Contest, rb.round)
			for _, n := range rb.b.nums {
				got := x.familyContestant(rb.b, rb.b.families[n])
				if got == nil || (got.Votes == nil && got.Share == nil) {
					continue
				}
				c := x.sameContestant(ct.Contest, got)
				res := resultFor(r, c, got.Name)
				res.Votes, res.Share = prefer(res.Votes, got.Votes), prefer(res.Share, got.Share)
			}
			if f, ok := rb.b.get("turnout"); ok {
				if fig, ok := parseFigure(f.Value, rb.b.source()); ok {
					r.Turnout = prefer(r.Turnout, fig)
				}
			}
		}
	}
}

// sameContestant returns the contest's contestant that got (read from a
// round's infobox) is, adding got when it is none of them.
func (x *extractor) sameContestant(ct *Contest, got *Contestant) *Contestant {
	if got.Kind == KindCandidate {
		c := x.candidate(ct, x.resolverFor(ct.Contestants), got.Name)
		c.addParty(got.Party)
		return c
	}
	if c := x.resolverFor(ct.Contestants).link(got.Name); c != nil {
		return c
	}
	ct.Contestants = append(ct.Contestants, got)
	if ct == x.main() {
		x.e.Contestants = ct.Contestants
	}
	return got
}

// fromBox reports whether c came from box b (its position is that box's).
func (x *extractor) fromBox(b *box, c *Contestant) bool {
	return c.InfoboxName != "" && b.families[c.Position] != nil
}

// boxRound is the round an infobox's Popular Vote and Percentage belong
// to: the one of one round; else the round whose table figures they
// repeat; else, as Wikipedia's two-round infoboxes do, the last.
func (x *extractor) boxRound(ct *Contest, c *Contestant, src *Result) int {
	if len(ct.Rounds) <= 1 || !ct.Elects() {
		return 1
	}
	for _, r := range ct.Rounds {
		if res := r.Result(c); res != nil {
			if (src.Votes != nil && res.Votes != nil && agree(src.Votes, res.Votes)) ||
				(src.Share != nil && res.Share != nil && agree(src.Share, res.Share)) {
				return r.Number
			}
		}
	}
	return len(ct.Rounds)
}

// boxRounds reads a box's general figures into the contest's rounds:
// "Turnout: 50.34% (first round) 54.55% (second round)", "Runoff Date",
// registered voters, valid and invalid votes.
func (x *extractor) boxRounds(ct *plannedContest) {
	b := ct.box
	src := b.source()
	if f, ok := b.get("electiondate", "date"); ok {
		for i, rv := range splitRounds(f.Value) {
			n := rv.round
			if n == 0 {
				n = i + 1
			}
			r := roundOfContest(ct.Contest, n)
			if r.Date == nil {
				r.Date = &Fact{Text: rv.text, Section: src}
			}
		}
	}
	if f, ok := b.get("runoffdate", "secondrounddate", "runoff"); ok {
		r := roundOfContest(ct.Contest, 2)
		r.Date = &Fact{Text: f.Value, Section: src}
	}
	if f, ok := b.get("turnout"); ok {
		for i, rv := range splitRounds(f.Value) {
			n := rv.round
			if n == 0 {
				n = i + 1
			}
			if fig, ok := parseFigure(rv.text, src); ok {
				r := roundOfContest(ct.Contest, n)
				r.Turnout = prefer(r.Turnout, fig)
			}
		}
	}
	r1 := roundOfContest(ct.Contest, 1)
	for _, k := range []struct {
		keys []string
		dst  **Figure
	}{
		{[]string{"registered", "registeredvoters", "electorate"}, &r1.Registered},
		{[]string{"invalid", "invalidorblank", "blank"}, &r1.Invalid},
		{[]string{"valid"}, &r1.Valid},
		{[]string{"votescast", "total", "votes"}, &r1.Votes},
	} {
		if f, ok := b.get(k.keys...); ok {
			if fig, ok := parseFigure(f.Value, src); ok {
				*k.dst = prefer(*k.dst, fig)
			}
		}
	}
}

// candidateList reads a table of candidates ("No. | Candidate | Party"):
// their parties and ballot numbers.
func (x *extractor) candidateList(ct *plannedContest, cb contestBlock, cols columns) {
	r := x.resolverFor(ct.Contestants)
	for i, row := range cb.b.Body() {
		name := cell(row, cols.name)
		if isBlankCell(name) {
			continue
		}
		c := x.candidate(ct.Contest, r, name)
		c.addParty(cell(row, cols.party))
		if cols.number >= 0 && c.Ballot == 0 {
			if n, err := strconv.Atoi(strings.Trim(cell(row, cols.number), ". ")); err == nil && n > 0 && ballotFree(ct.Contestants, n) {
				c.Ballot = n
			} else if err != nil || n <= 0 {
				x.warnf(cb.b.BodyLine(i), "ballot number %q is not a positive whole number", cell(row, cols.number))
			}
		}
		if n := cell(row, cols.note); !isBlankCell(n) {
			c.Notes = appendUnique(c.Notes, n)
		}
	}
}

// candidate finds a candidate of the contest by name, adding one when new.
func (x *extractor) candidate(ct *Contest, r *resolver, name string) *Contestant {
	for _, c := range ct.Contestants {
		if c.Kind == KindCandidate && (samePerson(c.Name, name) || Fold(c.Name) == Fold(name)) {
			return c
		}
	}
	if c := r.link(name); c != nil && c.Kind == KindCandidate && samePerson(c.Name, name) {
		return c
	}
	c := &Contestant{Name: name, Kind: KindCandidate}
	ct.Contestants = append(ct.Contestants, c)
	if ct == x.main() {
		x.e.Contestants = ct.Contestants
	}
	return c
}

// finishContests fills what the contests imply and makes Election's flat
// fields the view of the main contest: its first round's totals, its
// contestants with their first-round figures.
func (x *extractor) finishContests() {
	e := x.e
	for _, pc := range x.contests {
		ct := pc.Contest
		roundOfContest(ct, 1)
		if ct.Title == "" {
			ct.Title = x.contestTitle(pc)
		}
		for _, r := range ct.Rounds {
			if r.Name == "" && len(ct.Rounds) > 1 {
				r.Name = roundName(r.Number)
			}
		}
	}
	m := x.main()
	if m == nil {
		return
	}
	for _, ct := range e.Contests {
		// Contests held together share the election day.
		if r := ct.FirstRound(); r.Date == nil && e.Date != nil && len(splitRounds(e.Date.Text)) == 1 && ct != m {
			r.Date = e.Date
		}
	}
	top := x.boxContest(x.box)
	r1 := m.FirstRound()
	if r1.Date == nil && e.Date != nil && len(m.Rounds) == 1 && len(splitRounds(e.Date.Text)) == 1 {
		r1.Date = e.Date // the election day, whichever contest the infobox is about
	}
	if top == nil || top.Contest == m {
		// The infobox and the prose speak of the main contest.
		r1.Turnout = prefer(r1.Turnout, e.Turnout)
		r1.Registered = prefer(r1.Registered, e.Registered)
		if r1.Date == nil && e.Date != nil && len(m.Rounds) == 1 {
			r1.Date = e.Date
		}
	}
	if m.Kind == ContestAssembly {
		m.Seats, m.Majority, m.Threshold = e.Seats, e.Majority, e.Threshold
	}
	for _, f := range []struct {
		dst **Figure
		src *Figure
	}{{&e.Turnout, r1.Turnout}, {&e.Registered, r1.Registered}, {&e.Votes, r1.Votes}, {&e.Valid, r1.Valid}, {&e.Invalid, r1.Invalid}} {
		if f.src != nil {
			*f.dst = f.src
		}
	}
	// The flat view holds parties, lists and candidates; a referendum's
	// options are only its contest's.
	e.Contestants = nil
	for _, c := range m.Contestants {
		if c.Kind != KindOption {
			e.Contestants = append(e.Contestants, c)
		}
	}
	for _, c := range e.Contestants {
		res := r1.Result(c)
		if res == nil {
			if c.Kind == KindCandidate {
				c.Votes, c.Share = nil, nil
			}
			continue
		}
		c.Votes, c.Share, c.Seats = res.Votes, res.Share, res.Seats
		if res.SeatChange != nil {
			c.SeatChange = res.SeatChange
		}
		if res.ShareSwing != nil {
			c.ShareSwing = res.ShareSwing
		}
		c.New = c.New || res.New
	}
}

// roundName names round n for people.
func roundName(n int) string {
	switch n {
	case 1:
		return "First round"
	case 2:
		return "Second round"
	case 3:
		return "Third round"
	}
	return "Round " + strconv.Itoa(n)
}

// addParty records a candidate's party as a table or list gives it: the
// first becomes Party, other spellings ("HDZ", "Croatian Democratic
// Union") are kept among PartyNames.
func (c *Contestant) addParty(p string) {
	p = strings.TrimSpace(p)
	if isBlankCell(p) {
		return
	}
	if c.Party == "" {
		c.Party = p
		return
	}
	if Fold(p) != Fold(c.Party) {
		c.PartyNames = appendUnique(c.PartyNames, p)
	}
}

// Independent reports whether a candidate stands without a party.
func (c *Contestant) Independent() bool {
	f := Fold(c.Party)
	return c.Kind == KindCandidate && (f == "" || strings.HasPrefix(f, "independent") || strings.HasPrefix(f, "nonpartisan") ||
		strings.HasPrefix(f, "non-partisan") || strings.HasPrefix(f, "nezavisn"))
}

// partyNames are the names of a candidate's party, none for an
// independent: "Independent" must not make six candidates one.
func (c *Contestant) partyNames() []string {
	if c.Kind != KindCandidate || c.Independent() {
		return nil
	}
	return append([]string{c.Party}, c.PartyNames...)
}
