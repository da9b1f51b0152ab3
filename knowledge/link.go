package knowledge

import "strings"

// resolverFor enriches cs and returns a resolver over them (extraction
// links tables to each other through it).
func (x *extractor) resolverFor(cs []*Contestant) *resolver {
	for _, c := range cs {
		enrichWith(c, x.aliases, x.names)
	}
	return newResolverWith(cs, x.aliases, x.names)
}

// linkParty finds the ballot list an infobox party stood as: shared
// abbreviations, its leader as the list's carrier or in the list's name,
// one name inside the other. What it compares of p is worked out once,
// not once per list: it runs for every infobox party of every article.
func (r *resolver) linkParty(p *Contestant) *Contestant {
	pAbbrevs := make([]string, len(p.Abbrevs))
	for i, a := range p.Abbrevs {
		pAbbrevs[i] = Fold(a)
	}
	var leader string
	var leaderWords []string
	if p.Leader != "" {
		leader, leaderWords = Fold(p.Leader), personTokens(p.Leader)
	}
	pn := strings.Join(FoldTokens(p.InfoboxName), " ")
	// "Democratic Party of Serbia" in the infobox, DSS on the ballot:
	// the resolver's alias names bridge them.
	var named []Match
	if len(pAbbrevs) == 0 {
		named = r.resolve(p.InfoboxName)
	}
	var best *Contestant
	bestScore := 0.0
	for _, b := range r.cs {
		score := 0.0
		for i, a := range pAbbrevs {
			for _, ba := range b.Abbrevs {
				if a == Fold(ba) {
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
			case samePersonTokens(leaderWords, personTokens(b.Carrier)):
				score += 3
			case strings.Contains(Fold(b.BallotName), leader):
				score += 2
			}
		}
		bn := strings.Join(FoldTokens(b.BallotName), " ")
		if pn != "" && bn != "" && (strings.Contains(" "+bn+" ", " "+pn+" ") || strings.Contains(" "+pn+" ", " "+bn+" ")) {
			score += 3
		}
		if p.InfoboxName != "" && containsFold(b.ProseNames, p.InfoboxName) {
			// The lists table's abbreviation column gives the infobox's
			// name for the list ("Ključ").
			score += 3
		}
		for _, m := range named {
			if m.Contestant == b && m.Exact {
				score += 2
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
	return samePersonTokens(personTokens(a), personTokens(b))
}

// personTokens are the folded words of a person's name as samePerson
// compares them.
func personTokens(name string) []string {
	return FoldTokens(strings.Join(personWords(name), " "))
}

// samePersonTokens is samePerson on two names' personTokens: the same
// first name and a surname word in common.
func samePersonTokens(ta, tb []string) bool {
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
