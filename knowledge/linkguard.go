package knowledge

// otherParty reports that a name the prose spells out with an
// abbreviation ("the Democratic Front (DF)", "the Democratic Party (DS)")
// is not the contestant the resolver linked it to by shared words: the
// long name has a word none of the contestant's names has ("Front"), or
// the contestant already goes by another abbreviation of its own (the
// "DSS") and its names carry words the long name lacks ("of Serbia").
// Two parties that share most of their words are still two parties.
func otherParty(c *Contestant, short, long string) bool {
	if c.Kind == KindCandidate {
		// A candidate is linked by the party's names, which the prose
		// gives in many forms: the answerer holds a question's name to
		// them.
		return false
	}
	own := map[string]bool{}
	var abbrevs []string
	names := append(append(c.Names(), c.ResultNames...), c.PartyNames...)
	for _, n := range append(names, c.Party) {
		for _, t := range FoldTokens(n) {
			own[t] = true
		}
		abbrevs = append(abbrevs, explicitAbbrevs(n)...)
	}
	for _, t := range FoldTokens(long) {
		if len(t) > 3 && !own[t] && !smallNameWord[t] {
			return true
		}
	}
	if own[Fold(short)] {
		return false
	}
	for _, a := range abbrevs {
		if Fold(a) != Fold(short) && len(FoldTokens(long)) < len(FoldTokens(c.Name)) {
			return true
		}
	}
	return false
}

// smallNameWord are words of names that say nothing of which party one is.
var smallNameWord = map[string]bool{"party": true, "the": true, "and": true, "for": true, "list": true, "coalition": true}
