package knowledge

import (
	"strings"
	"unicode"
)

// partyTables reads the tables that introduce the parties ("Party |
// Abbreviation | Leader | 2014 seats"): each row's abbreviation and leader
// go to the contestant the row names, by its name or by the abbreviation
// the infobox uses, so that a question may name "DeSUS" or "Pirati" and
// the infobox's "SDS" is the results table's "Slovenian Democratic Party".
func (x *extractor) partyTables() {
	for _, t := range x.a.tables() {
		cols := classify(t.b.Header())
		if cols.abbrev < 0 || cols.name < 0 {
			continue
		}
		for _, row := range t.b.Body() {
			name, abbrev := cell(row, cols.name), cell(row, cols.abbrev)
			if isBlankCell(name) || isBlankCell(abbrev) || !shortName(abbrev) {
				continue
			}
			c := x.partyRowContestant(name, abbrev)
			if c == nil {
				continue
			}
			if !c.hasName(abbrev) {
				// A prose name: an abbreviation in capitals becomes one of
				// the Abbrevs (enrich), "DeSUS" and "Pirati" names.
				c.ProseNames = appendUnique(c.ProseNames, abbrev)
			}
			if !c.hasName(name) {
				c.ProseNames = appendUnique(c.ProseNames, name)
			}
			// A numbered table is the ballot's: its carrier heads the
			// list, who need not lead the party.
			if leader := cell(row, cols.carrier); c.Leader == "" && cols.number < 0 && !isBlankCell(leader) {
				c.Leader = leader
			}
		}
	}
}

// shortName reports a cell of an abbreviation column that is one: a
// single capitalised word of a few letters, in capitals or not ("SDS",
// "DeSUS", "NSi", "Pirati").
func shortName(s string) bool {
	rs := []rune(s)
	return len(rs) >= 2 && len(rs) <= 10 && !strings.ContainsAny(s, " \t") && unicode.IsUpper(rs[0])
}

// partyRowContestant returns the party a row of a parties table is
// about: the one of every contest's parties (not candidates) that goes by
// the row's name, or by its abbreviation.
func (x *extractor) partyRowContestant(name, abbrev string) *Contestant {
	var byAbbrev *Contestant
	for _, ct := range x.e.Contests {
		for _, c := range ct.Contestants {
			if c.Kind != "" {
				continue
			}
			if c.hasName(name) {
				return c
			}
			if byAbbrev == nil && (c.hasName(abbrev) || containsFold(c.Abbrevs, abbrev)) {
				byAbbrev = c
			}
		}
	}
	return byAbbrev
}

// hasName reports whether one of the contestant's own names is name,
// folded.
func (c *Contestant) hasName(name string) bool {
	f := Fold(name)
	for _, n := range append(append([]string{c.Name, c.InfoboxName, c.BallotName}, c.ResultNames...), c.ProseNames...) {
		if n != "" && Fold(n) == f {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	f := Fold(s)
	for _, v := range list {
		if Fold(v) == f {
			return true
		}
	}
	return false
}
