package knowledge

import (
	"strconv"
	"strings"
)

// results reads each contest's results: tables recognised by their
// headers (one round, or first-round and run-off columns) and bullet
// lists under the contest's heading, into the contest's rounds.
func (x *extractor) results() {
	e := x.e
	if s := x.a.Section("results", "result", "rezultati"); s != nil {
		e.ResultsSection = SectionName(s)
	}
	if m := x.main(); m != nil {
		m.Contestants = e.Contestants // lists() merged the ballot lists in
	}
	for _, ct := range x.contests {
		done := map[int]bool{} // rounds a table has already given
		for _, cb := range x.blocks[ct] {
			if cb.b.Kind == Table {
				x.resultsTable(ct, cb, done)
			}
		}
		for _, cb := range x.blocks[ct] {
			if cb.b.Kind == List {
				x.resultsBullets(ct, cb, done)
			}
		}
	}
}

// roundOfContest returns round n of a contest, adding rounds up to it.
func roundOfContest(ct *Contest, n int) *Round {
	if n < 1 {
		n = 1
	}
	for len(ct.Rounds) < n {
		ct.Rounds = append(ct.Rounds, &Round{Number: len(ct.Rounds) + 1})
	}
	return ct.Rounds[n-1]
}

// resultFor returns c's result in round r, adding it when new.
func resultFor(r *Round, c *Contestant, name string) *Result {
	if res := r.Result(c); res != nil {
		return res
	}
	res := &Result{Name: name, Contestant: c}
	r.Results = append(r.Results, res)
	return res
}

// tableRow is one body row of a results table, with the contestant it is
// about once linked.
type tableRow struct {
	cells []string
	line  int
	name  string
	c     *Contestant
}

func (x *extractor) resultsTable(ct *plannedContest, cb contestBlock, done map[int]bool) {
	e := x.e
	cols := classifyBlock(*cb.b)
	if !cols.isResults() {
		if cols.isCandidateList() {
			x.candidateList(ct, cb, cols)
		}
		return
	}
	rounds := cols.rounds
	if len(rounds) == 0 {
		rounds = []roundColumns{{round: max(cb.round, 1), votes: cols.votes, share: cols.share, seats: cols.seats}}
	}
	for _, rc := range rounds {
		if done[rc.round] {
			return // a second table of a round already read (a breakdown)
		}
	}
	section := SectionName(cb.s)
	if ct.Contest == x.main() {
		e.ResultsTable = true
		e.ResultsSection = section
	}
	candidates := cols.candidate >= 0 || ct.Elects()
	_, start := mergedHeader(*cb.b)
	var rows []*tableRow
	for i, cells := range cb.b.Rows[start:] {
		name := cell(cells, cols.name)
		if isBlankCell(name) {
			continue
		}
		line := cb.b.BodyLine(i + start - 1)
		if x.totalsRow(ct.Contest, name, cells, cols, rounds, section) {
			continue
		}
		if isOthersRow(name) {
			for _, rc := range rounds {
				res := &Result{Name: name}
				setFigures(res, cells, rc, cols, section)
				if res.Votes != nil || res.Share != nil || res.Seats != nil {
					r := roundOfContest(ct.Contest, rc.round)
					r.Others = append(r.Others, res)
				}
			}
			continue
		}
		rows = append(rows, &tableRow{cells: cells, line: line, name: name})
	}
	x.linkRows(ct.Contest, rows, cols, rounds, candidates)
	for _, row := range rows {
		c := row.c
		c.addResultName(row.name)
		x.rowNotes(c, row)
		if candidates && cols.party >= 0 {
			c.addParty(cell(row.cells, cols.party))
		}
		for _, rc := range rounds {
			res := &Result{Name: row.name}
			setFigures(res, row.cells, rc, cols, section)
			if res.Votes == nil && res.Share == nil && res.Seats == nil && len(rounds) > 1 {
				continue // eliminated before this round: blank cells
			}
			merge(resultFor(roundOfContest(ct.Contest, rc.round), c, row.name), res)
		}
		if c.Ballot == 0 && cols.number >= 0 {
			if n, err := strconv.Atoi(strings.Trim(cell(row.cells, cols.number), ". ")); err == nil && n > 0 && ballotFree(ct.Contestants, n) {
				c.Ballot = n
			}
		}
	}
	for _, rc := range rounds {
		done[rc.round] = true
	}
	x.checkSums(ct.Contest, section, cb.b.Line)
}

// rowNotes gives a contestant the meanings of the footnote marks on its
// results row ("^{M} — National minority list"), as the lists table's
// marks do.
func (x *extractor) rowNotes(c *Contestant, row *tableRow) {
	for _, raw := range row.cells {
		for _, m := range marks(raw) {
			if meaning, ok := x.a.Footnotes[m]; ok {
				c.Notes = appendUnique(c.Notes, meaning)
			}
		}
	}
}

// addResultName keeps the name a results row gives a contestant that the
// infobox or the lists table named otherwise, so that users can name it
// so too.
func (c *Contestant) addResultName(name string) {
	if (c.InfoboxName == "" && c.BallotName == "") || c.Kind != "" {
		return
	}
	for _, n := range []string{c.Name, c.InfoboxName, c.BallotName} {
		if Fold(n) == Fold(name) {
			return
		}
	}
	c.ResultNames = appendUnique(c.ResultNames, name)
}

// setFigures reads one round's figures of a row into res.
func setFigures(res *Result, cells []string, rc roundColumns, cols columns, section string) {
	fig := func(i int) *Figure {
		v := cell(cells, i)
		if isBlankCell(v) {
			return nil
		}
		f, ok := parseFigure(v, section)
		if !ok {
			return nil
		}
		return f
	}
	res.Votes, res.Share, res.Seats = fig(rc.votes), fig(rc.share), fig(rc.seats)
	if rc.round <= 1 || len(cols.rounds) == 0 {
		res.SeatChange = fig(cols.seatChange)
		res.New = res.SeatChange == nil && Fold(cell(cells, cols.seatChange)) == "new"
		res.ShareSwing = fig(cols.shareSwing)
	}
}

// merge lays the figures of a newer, more specific statement (a results
// table) over an older one (the infobox), keeping disagreements.
func merge(dst, src *Result) {
	dst.Votes = prefer(src.Votes, dst.Votes)
	dst.Share = prefer(src.Share, dst.Share)
	dst.Seats = prefer(src.Seats, dst.Seats)
	dst.SeatChange = prefer(src.SeatChange, dst.SeatChange)
	dst.ShareSwing = prefer(src.ShareSwing, dst.ShareSwing)
	dst.New = dst.New || src.New
}

func ballotFree(cs []*Contestant, n int) bool {
	for _, c := range cs {
		if c.Ballot == n {
			return false
		}
	}
	return true
}

// linkRows finds the contestant of every row: by ballot number, by name
// (candidates also by their person), then for the rows left by the
// initials of an infobox acronym ("TSF") or by the infobox figures the row
// repeats; a row nothing links to is a new contestant.
func (x *extractor) linkRows(ct *Contest, rows []*tableRow, cols columns, rounds []roundColumns, candidates bool) {
	if ct.Kind == ContestReferendum {
		for _, row := range rows {
			row.c = ct.optionNamed(row.name)
		}
		return
	}
	r := x.resolverFor(ct.Contestants)
	taken := map[*Contestant]bool{}
	if !candidates {
		x.linkByFigures(ct, r, rows, cols, rounds, taken)
	}
	for _, row := range rows {
		if row.c != nil {
			continue
		}
		c := x.resultContestant(ct, r, row.name, row.cells, cols)
		if c != nil && candidates && c.Kind == KindCandidate && !samePerson(c.Name, row.name) && Fold(c.Name) != Fold(row.name) {
			c = nil // "Independent" or a party name is no candidate's
		}
		if c != nil && !taken[c] {
			row.c = c
			taken[c] = true
		}
	}
	for _, row := range rows {
		if row.c != nil {
			continue
		}
		if c := fallbackLink(ct.Contestants, taken, row, cols, rounds); c != nil {
			row.c = c
			taken[c] = true
			continue
		}
		c := &Contestant{Name: row.name}
		if candidates {
			c.Kind = KindCandidate
		}
		ct.Contestants = append(ct.Contestants, c)
		row.c = c
		taken[c] = true
	}
	if ct == x.main() {
		x.e.Contestants = ct.Contestants
	}
}

// linkByFigures first links each infobox party whose figures one row, and
// only one, repeats exactly (its votes, or its share and seats), unless
// the row's name is another contestant's: the infobox's "SNP" with 40,981
// votes is the row "Socialist People's Party" with 40,981 votes, whatever
// a well-known SNP elsewhere is called.
func (x *extractor) linkByFigures(ct *Contest, r *resolver, rows []*tableRow, cols columns, rounds []roundColumns, taken map[*Contestant]bool) {
	var figures []*Result // each row's, read once for every party
	for _, c := range ct.Contestants {
		if c.InfoboxName == "" || (c.Votes == nil && (c.Share == nil || c.Seats == nil)) {
			continue
		}
		if figures == nil {
			figures = make([]*Result, len(rows))
			for i, row := range rows {
				figures[i] = &Result{}
				setFigures(figures[i], row.cells, rounds[0], cols, "")
			}
		}
		var match *tableRow
		for i, row := range rows {
			if row.c == nil && sameFigures(c, figures[i]) {
				if match != nil {
					match = nil
					break
				}
				match = row
			}
		}
		if match == nil {
			continue
		}
		if other := x.resultContestant(ct, r, match.name, match.cells, cols); other != nil && other != c && other.InfoboxName == "" {
			continue // the row names a list of the lists table: its own
		}
		match.c, taken[c] = c, true
	}
}

// fallbackLink links a row no name matched to a contestant not yet linked
// in this table whose own short name is built from the row name's
// initials, or, failing that, whose infobox figures the row repeats
// exactly (a share and seats, or votes).
func fallbackLink(cs []*Contestant, taken map[*Contestant]bool, row *tableRow, cols columns, rounds []roundColumns) *Contestant {
	var byInitials, byFigures []*Contestant
	res := &Result{}
	setFigures(res, row.cells, rounds[0], cols, "")
	for _, c := range cs {
		if taken[c] {
			continue
		}
		for _, a := range explicitAbbrevs(c.InfoboxName) {
			if initialsMatch(a, row.name) {
				byInitials = append(byInitials, c)
				break
			}
		}
		if sameFigures(c, res) {
			byFigures = append(byFigures, c)
		}
	}
	if len(byInitials) == 1 {
		return byInitials[0]
	}
	if len(byFigures) == 1 {
		return byFigures[0]
	}
	return nil
}

// sameFigures reports whether a row repeats a contestant's infobox
// figures: its votes, or its share and its seats.
func sameFigures(c *Contestant, res *Result) bool {
	if c.Votes != nil && res.Votes != nil {
		return agree(c.Votes, res.Votes)
	}
	if c.Share == nil || res.Share == nil || !agree(c.Share, res.Share) {
		return false
	}
	if c.Seats != nil && res.Seats != nil {
		return agree(c.Seats, res.Seats)
	}
	return c.Seats == nil && res.Seats == nil
}

// isOthersRow reports a row for no one contestant: "Other candidates",
// "Others", "Other lists".
func isOthersRow(name string) bool {
	t := FoldTokens(name)
	return len(t) > 0 && len(t) <= 3 && (t[0] == "other" || t[0] == "others" || t[0] == "ostali" || t[0] == "ostale")
}

// checkSums warns when a round's figures do not add up: shares far from
// 100, votes beyond the valid votes, more seats than the contest has.
func (x *extractor) checkSums(ct *Contest, section string, line int) {
	total := ct.Seats
	if total == nil && ct == x.main() {
		total = x.e.Seats // the main contest takes its size from the election's at the end
	}
	for _, r := range ct.Rounds {
		var votes, seats, shares float64
		for _, res := range append(append([]*Result(nil), r.Results...), r.Others...) {
			if res.Votes != nil {
				votes += res.Votes.Value
			}
			if res.Seats != nil {
				seats += res.Seats.Value
			}
			if res.Share != nil {
				shares += res.Share.Value
			}
		}
		if r.Valid != nil && votes > r.Valid.Value*1.001 {
			x.warnf(line, "%s: the votes of round %d add up to %s, more than the %s valid votes", section, r.Number, FormatInt(int(votes)), r.Valid.Text)
		}
		if total != nil && seats > total.Value {
			x.warnf(line, "%s: the seats add up to %d, more than the %s up for election", section, int(seats), total.Text)
		}
		if shares > 101 {
			x.warnf(line, "%s: the shares of round %d add up to %.1f%%", section, r.Number, shares)
		}
	}
}

// resultContestant finds the contestant a results row is about: by ballot
// number when the table has one, else by name.
func (x *extractor) resultContestant(ct *Contest, r *resolver, name string, row []string, cols columns) *Contestant {
	if cols.number >= 0 {
		if n, err := strconv.Atoi(strings.Trim(cell(row, cols.number), ". ")); err == nil {
			for _, c := range ct.Contestants {
				if c.Ballot == n {
					return c
				}
			}
		}
	}
	return r.link(name)
}

// link finds the contestant a table cell or poll line names. A strong match
// clearly ahead will do; so will a weaker one that no other contestant
// rivals, when every word of the name is one of the contestant's: a poll's
// "Dveri" is the one list with Dveri in its name ("Двери за Вождовац"),
// but "Democratic Party of Serbia" is not the Socialist Party of Serbia
// because both say Serbia.
func (r *resolver) link(name string) *Contestant {
	ms := longestNames(r.resolve(name))
	if c := confident(ms, 8); c != nil {
		return c
	}
	if len(ms) == 1 && ms[0].Exact && ms[0].Score >= 5 && namesCover(ms[0].Contestant, name) {
		return ms[0].Contestant
	}
	return nil
}

// longestNames drops the matches whose words lie inside the words another
// exact match took: in "Democratic Party of Serbia" the Democratic Party
// matched only a part of what the Democratic Party of Serbia matched.
func longestNames(ms []Match) []Match {
	var out []Match
	for i, m := range ms {
		inside := false
		for j, o := range ms {
			if i != j && o.Exact && o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// namesCover reports whether every word of text that could tell parties
// apart is among the words of c's names.
func namesCover(c *Contestant, text string) bool {
	var words []string
	for _, n := range c.Names() {
		words = append(words, FoldTokens(n)...)
	}
	for _, t := range FoldTokens(text) {
		if nameStopwords[t] {
			continue
		}
		found := false
		for _, w := range words {
			if sim, _ := tokenSim(t, w); sim > 0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// confident returns the best match when it is strong and clearly ahead.
func confident(ms []Match, minScore float64) *Contestant {
	if len(ms) == 0 || ms[0].Score < minScore {
		return nil
	}
	if len(ms) > 1 && ms[1].Score > ms[0].Score*0.8 && !(ms[0].Exact && !ms[1].Exact) {
		return nil
	}
	return ms[0].Contestant
}

// totalsRow reads rows like "Total", "Invalid votes", "Registered voters"
// and "Turnout", per round; it reports whether the row was one.
func (x *extractor) totalsRow(ct *Contest, name string, row []string, cols columns, rounds []roundColumns, section string) bool {
	n := strings.Join(FoldTokens(name), " ")
	kind := totalsKind(n)
	if kind == "" {
		return false
	}
	for _, rc := range rounds {
		r := roundOfContest(ct, rc.round)
		num := func(i int) *Figure {
			f, ok := parseFigure(cell(row, i), section)
			if !ok {
				return nil
			}
			return f
		}
		first := func() *Figure {
			for _, i := range []int{rc.votes, rc.share, rc.seats} {
				if f := num(i); f != nil {
					return f
				}
			}
			return nil
		}
		pct := func(i int) *Figure {
			if f := num(i); f != nil && f.Value <= 100 {
				return f
			}
			return nil
		}
		switch kind {
		case "invalid":
			r.Invalid = prefer(first(), r.Invalid)
		case "valid":
			r.Valid = prefer(first(), r.Valid)
		case "registered":
			r.Registered = prefer(first(), r.Registered)
			if strings.Contains(n, "turnout") {
				// "Registered voters/turnout": the voters under votes, the
				// turnout under %.
				r.Turnout = prefer(pct(rc.share), r.Turnout)
			}
		case "turnout":
			if f := pct(rc.share); f != nil {
				r.Turnout = prefer(f, r.Turnout)
				if v := num(rc.votes); v != nil && v.Value > 100 {
					r.Votes = prefer(v, r.Votes) // votes cast beside the turnout
				}
			} else if f := pct(rc.votes); f != nil {
				r.Turnout = prefer(f, r.Turnout)
			}
		case "total":
			if f := num(rc.votes); f != nil {
				r.Votes = prefer(f, r.Votes)
			}
			if f := num(rc.seats); f != nil && f.Value > 0 {
				x.totalSeats(ct, f)
			}
		}
	}
	return true
}

// totalSeats takes an assembly's size from its results table's totals
// row when nothing else gave it.
func (x *extractor) totalSeats(ct *Contest, f *Figure) {
	switch {
	case ct.Kind != ContestAssembly:
	case ct == x.main() && x.e.Seats == nil:
		x.e.Seats = f
	case ct != x.main() && ct.Seats == nil:
		ct.Seats = f
	}
}

// totalsKind names a totals row by its folded label, "" for a contestant.
func totalsKind(n string) string {
	switch {
	case strings.HasPrefix(n, "invalid") || strings.HasPrefix(n, "blank and invalid") || strings.HasPrefix(n, "spoiled") ||
		strings.HasPrefix(n, "blank or invalid"):
		return "invalid"
	case strings.HasPrefix(n, "valid") || strings.HasPrefix(n, "total valid"):
		return "valid"
	case strings.HasPrefix(n, "registered") || strings.HasPrefix(n, "electorate") || strings.HasPrefix(n, "eligible"):
		return "registered"
	case strings.HasPrefix(n, "turnout"):
		return "turnout"
	case n == "total" || strings.HasPrefix(n, "total votes") || strings.HasPrefix(n, "votes cast") || n == "totals":
		return "total"
	}
	return ""
}

// isPollSection reports whether a section holds opinion polls.
func isPollSection(s *Section) bool {
	for _, t := range []string{s.Title, s.Parent} {
		f := Fold(t)
		for _, w := range []string{"poll", "survey", "anket", "istrazivanj", "ankete"} {
			if strings.Contains(f, w) {
				return true
			}
		}
	}
	return false
}
