package knowledge

import "strings"

// resolverFor enriches cs and returns a resolver over them (extraction
// links tables to each other through it).
func (x *extractor) resolverFor(cs []*Contestant) *resolver {
	for _, c := range cs {
		enrich(c, x.aliases)
	}
	return newResolver(cs, x.aliases)
}

// linkParty finds the ballot list an infobox party stood as: shared
// abbreviations, its leader as the list's carrier or in the list's name,
// one name inside the other.
func (r *resolver) linkParty(p *Contestant) *Contestant {
	pAbbrevs := p.Abbrevs
	var best *Contestant
	bestScore := 0.0
	for _, b := range r.cs {
		score := 0.0
		for i, a := range pAbbrevs {
			for _, ba := range b.Abbrevs {
				if Fold(a) == Fold(ba) {
					if i == 0 {
						score += 3
					} else {
						score += 1
					}
				}
			}
		}
		if p.Leader != "" {
			switch {
			case samePerson(p.Leader, b.Carrier):
				score += 3
			case strings.Contains(Fold(b.BallotName), Fold(p.Leader)):
				score += 2
			}
		}
		pn, bn := strings.Join(FoldTokens(p.InfoboxName), " "), strings.Join(FoldTokens(b.BallotName), " ")
		if pn != "" && bn != "" && (strings.Contains(" "+bn+" ", " "+pn+" ") || strings.Contains(" "+pn+" ", " "+bn+" ")) {
			score += 3
		}
		if p.InfoboxName != "" && containsFold(b.ProseNames, p.InfoboxName) {
			// The lists table's abbreviation column gives the infobox's
			// name for the list ("Ključ").
			score += 3
		}
		if len(pAbbrevs) == 0 {
			// "Democratic Party of Serbia" in the infobox, DSS on the ballot:
			// the resolver's alias names bridge them.
			for _, m := range r.resolve(p.InfoboxName) {
				if m.Contestant == b && m.Exact {
					score += 2
				}
			}
		}
		if score > bestScore {
			best, bestScore = b, score
		}
	}
	if bestScore < 3 {
		return nil
	}
	return best
}

// samePerson compares two renderings of a name: "Zorana Mihajlović" and
// "Zorana Mihajlović-Milanović", "Dragan Đilas" and "Dragan Djilas".
func samePerson(a, b string) bool {
	ta, tb := FoldTokens(strings.Join(personWords(a), " ")), FoldTokens(strings.Join(personWords(b), " "))
	if len(ta) < 2 || len(tb) < 2 {
		return false
	}
	if ta[0] != tb[0] {
		return false
	}
	for _, x := range ta[1:] {
		for _, y := range tb[1:] {
			if x == y {
				return true
			}
		}
	}
	return false
}
