package knowledge

// Unlisted returns the names of a well-known party (from the aliases file)
// that a text names but that no list of this election is known by, the
// name the text used first, with the words it covers. "How many seats did
// the Democratic Party have?" about an election the Democratic Party
// boycotted must not be answered with the League of Social Democrats.
//
// ms are the text's matches from Resolve, which the caller already has.
func (e *Election) Unlisted(text string, ms []Match) (names []string, start, end int, ok bool) {
	if e.aliases == nil {
		return nil, 0, 0, false
	}
	var name string
	var entryNames []string
	q := queryTokens(text)
	toks := make([]string, len(q))
	for i, t := range q {
		toks[i] = t.folded
	}
	bestLen := 0
	for _, entry := range e.aliases.Entries {
		abbrev, same := e.hasAbbrev(entry)
		if same {
			continue // a list is that party
		}
		for i, nt := range entry.toks {
			if len(nt) < 2 || len(nt) <= bestLen {
				continue // one-word names ("radicals") are too loose to rule on
			}
			for s := 0; s+len(nt) <= len(toks); s++ {
				if equalTokens(toks[s:s+len(nt)], nt) {
					name, start, end, ok = entry.Names[i], s, s+len(nt), true
					entryNames = append([]string{entry.Abbrev}, entry.Names...)
					bestLen = len(nt)
					break
				}
			}
		}
		for s, t := range q {
			// A list goes by the abbreviation, though it is another party
			// (the Serb Democratic Party, SDS): the abbreviation is that
			// list's; only the entry's names name the unlisted party.
			if t.folded == entry.abbrev && t.upper && bestLen == 0 && !abbrev {
				name, start, end, ok = entry.Abbrev, s, s+1, true
				entryNames = append([]string{entry.Abbrev}, entry.Names...)
			}
		}
	}
	if !ok {
		return nil, 0, 0, false
	}
	// A longer name of a party that did stand contains it: "Democratic
	// Party of Serbia" is not the Democratic Party.
	for _, m := range ms {
		if m.Exact && m.Start <= start && m.End >= end && m.End-m.Start > end-start {
			return nil, 0, 0, false
		}
	}
	return append([]string{name}, entryNames...), start, end, true
}

// hasAbbrev reports whether a list goes by an entry's abbreviation, and
// whether it is the party of the entry: it is when the entry's names are
// its alias names, or the article gives it no party's name of its own.
func (e *Election) hasAbbrev(entry AliasEntry) (has, same bool) {
	for _, c := range e.Contestants {
		for _, a := range c.Abbrevs {
			if Fold(a) == entry.abbrev {
				has = true
				same = same || !otherPartyName(c, a) || overlaps(c.AliasNames, entry.Names)
			}
		}
	}
	return has, same
}

// overlaps reports whether two lists of names share one.
func overlaps(a, b []string) bool {
	for _, x := range a {
		if contains(b, x) {
			return true
		}
	}
	return false
}
