package knowledge

import (
	"strconv"
	"strings"
)

// lists reads the electoral lists table (ballot number, name, carrier,
// notes) and links each list to its infobox party.
func (x *extractor) lists() {
	e := x.e
	var ballots []*Contestant
	for _, t := range x.a.tables() {
		cols := classify(t.b.Header())
		if !cols.isLists() || cols.candidate >= 0 || !x.aboutMain(t.s) {
			continue // candidates, or another contest's lists
		}
		seen := map[int]int{}
		for i, row := range t.b.Body() {
			line := t.b.BodyLine(i)
			name := cell(row, cols.name)
			if isBlankCell(name) {
				continue
			}
			c := &Contestant{BallotName: name, Name: name}
			if cols.number >= 0 {
				n, err := strconv.Atoi(strings.Trim(cell(row, cols.number), ". "))
				if err != nil || n <= 0 {
					x.warnf(line, "ballot number %q is not a positive whole number", cell(row, cols.number))
				} else if prev, dup := seen[n]; dup {
					x.warnf(line, "ballot number %d already used at line %d", n, prev)
				} else {
					c.Ballot = n
					seen[n] = line
				}
			}
			if c.Ballot == 0 && cols.number < 0 {
				c.Ballot = len(ballots) + 1 // a lists table without numbers is in ballot order
			}
			c.Carrier = cell(row, cols.carrier)
			if isBlankCell(c.Carrier) {
				c.Carrier = ""
			}
			// "Ključ", "PZS": the short name the infobox and the
			// questions may use for the list.
			if a := cell(row, cols.abbrev); cols.abbrev >= 0 && !isBlankCell(a) && shortName(a) {
				c.ProseNames = appendUnique(c.ProseNames, a)
			}
			x.listNotes(c, row, cols, line)
			ballots = append(ballots, c)
		}
		if len(ballots) > 0 {
			e.ListsSection = SectionName(t.s)
			break
		}
	}
	if len(ballots) == 0 {
		return
	}
	count := &Figure{Value: float64(len(ballots)), Text: strconv.Itoa(len(ballots)), Section: e.ListsSection}
	if e.ListCount != nil && !agree(e.ListCount, count) {
		// The prose's "Eleven lists contested" beats a count of rows,
		// which may include a list that withdrew.
		e.ListCount = prefer(e.ListCount, count)
	} else {
		e.ListCount = count
	}

	// The infobox parties came first; link each to its ballot list.
	infobox := e.Contestants
	for _, p := range infobox {
		enrichWith(p, x.aliases, x.names)
	}
	r := x.resolverFor(ballots)
	used := map[*Contestant]*Contestant{}
	for _, p := range infobox {
		best := r.linkParty(p)
		if best == nil {
			continue
		}
		if _, taken := used[best]; taken {
			continue
		}
		used[best] = p
	}
	var merged []*Contestant
	for _, p := range infobox {
		for b, q := range used {
			if q == p {
				p.Ballot, p.BallotName, p.Carrier, p.Notes = b.Ballot, b.BallotName, b.Carrier, b.Notes
				for _, n := range b.ProseNames {
					p.ProseNames = appendUnique(p.ProseNames, n)
				}
			}
		}
		merged = append(merged, p)
	}
	for _, b := range ballots {
		if _, ok := used[b]; !ok {
			merged = append(merged, b)
		}
	}
	e.Contestants = merged
}

func appendUnique(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// sortBy sorts in place by an integer key, stably.
func sortBy[T any](s []T, key func(T) int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && key(s[j]) < key(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// listNotes gives a list the meanings of its row's footnote marks and its
// note column.
func (x *extractor) listNotes(c *Contestant, row []string, cols columns, line int) {
	for _, raw := range row {
		for _, m := range marks(raw) {
			if meaning, ok := x.a.Footnotes[m]; ok {
				c.Notes = appendUnique(c.Notes, meaning)
			} else {
				x.warnf(line, "footnote mark ^{%s} has no legend", m)
			}
		}
	}
	if n := strings.TrimSpace(markRe.ReplaceAllString(cell(row, cols.note), "")); n != "" && !isBlankCell(n) {
		c.Notes = appendUnique(c.Notes, n)
	}
}
