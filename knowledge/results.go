package knowledge

import (
	"strconv"
	"strings"
)

// results reads the results table: per list votes, share, seats and change,
// and the totals rows (valid and invalid votes, registered voters, turnout).
func (x *extractor) results() {
	e := x.e
	if s := x.a.Section("results", "result", "rezultati"); s != nil {
		e.ResultsSection = SectionName(s)
	}
	r := x.resolverFor(e.Contestants)
	for _, t := range x.a.tables() {
		if isPollSection(t.s) {
			continue
		}
		cols := classify(t.b.Header())
		if !cols.isResults() {
			continue
		}
		section := SectionName(t.s)
		e.ResultsTable = true
		e.ResultsSection = section
		for _, row := range t.b.Body() {
			name := cell(row, cols.name)
			if isBlankCell(name) {
				continue
			}
			if x.totalsRow(name, row, cols, section) {
				continue
			}
			c := x.resultContestant(r, name, row, cols)
			if c == nil {
				c = &Contestant{Name: name}
				e.Contestants = append(e.Contestants, c)
			}
			fig := func(i int) *Figure {
				v := cell(row, i)
				if isBlankCell(v) {
					return nil
				}
				f, ok := parseFigure(v, section)
				if !ok {
					return nil
				}
				return f
			}
			if f := fig(cols.votes); f != nil {
				c.Votes = f
			}
			if f := fig(cols.share); f != nil {
				c.Share = f
			}
			if f := fig(cols.seats); f != nil {
				c.Seats = f
			}
			if f := fig(cols.seatChange); f != nil {
				c.SeatChange = f
			} else if v := Fold(cell(row, cols.seatChange)); v == "new" {
				c.New = true
			}
			if f := fig(cols.shareSwing); f != nil {
				c.ShareSwing = f
			}
			if c.Ballot == 0 && cols.number >= 0 {
				if n, err := strconv.Atoi(strings.Trim(cell(row, cols.number), ". ")); err == nil && n > 0 && e.ContestantByBallot(n) == nil {
					c.Ballot = n
				}
			}
		}
		return
	}
}

// resultContestant finds the contestant a results row is about: by ballot
// number when the table has one, else by name.
func (x *extractor) resultContestant(r *resolver, name string, row []string, cols columns) *Contestant {
	if cols.number >= 0 {
		if n, err := strconv.Atoi(strings.Trim(cell(row, cols.number), ". ")); err == nil {
			if c := x.e.ContestantByBallot(n); c != nil {
				return c
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
// and "Turnout"; it reports whether the row was one.
func (x *extractor) totalsRow(name string, row []string, cols columns, section string) bool {
	e := x.e
	n := strings.Join(FoldTokens(name), " ")
	first := func() *Figure {
		for _, i := range []int{cols.votes, cols.share, cols.seats} {
			if f, ok := parseFigure(cell(row, i), section); ok {
				return f
			}
		}
		return nil
	}
	switch {
	case strings.HasPrefix(n, "invalid") || strings.HasPrefix(n, "blank and invalid") || strings.HasPrefix(n, "spoiled"):
		e.Invalid = first()
	case strings.HasPrefix(n, "valid"):
		e.Valid = first()
	case strings.HasPrefix(n, "registered") || strings.HasPrefix(n, "electorate") || strings.HasPrefix(n, "eligible"):
		e.Registered = first()
		if strings.Contains(n, "turnout") {
			// "Registered voters/turnout": the voters under votes, the
			// turnout under %.
			if f, ok := parseFigure(cell(row, cols.share), section); ok && f.Value <= 100 {
				e.Turnout = f
			}
		}
	case strings.HasPrefix(n, "turnout"):
		for _, i := range []int{cols.share, cols.votes} {
			if f, ok := parseFigure(cell(row, i), section); ok && f.Value <= 100 {
				e.Turnout = f
				break
			}
		}
	case n == "total" || strings.HasPrefix(n, "total votes") || strings.HasPrefix(n, "votes cast") || n == "totals":
		if f, ok := parseFigure(cell(row, cols.votes), section); ok {
			e.Votes = f
		}
	default:
		return false
	}
	return true
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
