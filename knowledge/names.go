package knowledge

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameStopwords never identify a party on their own.
var nameStopwords = toSet("the of for a an and in with to on at by from is its it we our all " +
	"party parties list lists coalition coalitions group civic citizens movement alliance union " +
	"election elections vote votes seat seats dr prof academic mr mrs ms ing i u na za od sa je da " +
	"ballot ballots number carrier leader first second third fourth fifth last one two three " +
	"parliament assembly council government city municipality " +
	"stranka stranke partija partije lista liste pokret savez grupa gradjana koalicija bilo bio bila bili biti jeste nije nisu smo ste sam " +
	"koliko kako koji koja koje sta sto kada gde zasto ima imao imala imali posle pre nakon oko")

// personTitles are dropped from person names.
var personTitles = toSet("dr prof academic mr mrs ms ing mr. dr. prof.")

// notPersonWords mark a segment as a party or place name, not a person.
var notPersonWords = toSet("party parties list coalition group civic movement alliance union " +
	"serbia serbian belgrade vojvodina europe european city greens democracy front regions " +
	"ballots above none league bloc forum initiative " +
	// A name that opens with a small word is no person's: "For Herceg Novi".
	"for with of the and za sa")

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var segmentSplit = regexp.MustCompile(`\s+[—–-]\s+|[(),;:“”"„«»]|\s+/\s+`)

// segments splits a ballot name like "Ivica Dačić — SPS, PUPS, JS — Milan
// Krkobabić" into its parts.
func segments(name string) []string {
	if !strings.ContainsAny(name, "—–-(),;:“”\"„«»/") {
		if s := strings.TrimSpace(name); s != "" {
			return []string{s} // nothing to split at: most names
		}
		return nil
	}
	var out []string
	for _, s := range segmentSplit.Split(name, -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// explicitAbbrevs returns the upper-case abbreviations written in a name
// ("SNS coalition", "(SNS, SDPS, NS)", "SPS–PUPS–JS", "(СНС, СДПС)").
// Cyrillic ones are given in Latin letters (СДПС -> SDPS), so that a list
// written in Cyrillic shows the abbreviations people type.
func explicitAbbrevs(name string) []string {
	var out []string
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > 7 || !unicode.IsUpper(rs[0]) || isRoman(w) || w == "TV" || w == "DR" {
			continue
		}
		letters, upper, cyrillic := 0, true, false
		for _, r := range rs {
			if unicode.IsLetter(r) {
				letters++
				upper = upper && unicode.IsUpper(r)
				cyrillic = cyrillic || unicode.Is(unicode.Cyrillic, r)
			}
		}
		if !upper || letters < 2 {
			continue
		}
		if cyrillic {
			w = strings.ToUpper(Fold(w))
		}
		out = appendUnique(out, w)
	}
	return out
}

func isRoman(s string) bool { return strings.Trim(s, "IVXLC") == "" }

// acronym returns the initials of a segment's significant capitalised
// words ("United Regions of Serbia" -> "URS", "Democratic Front" -> "DF"),
// or "" when they are too few to identify it.
func acronym(seg string) string {
	var b strings.Builder
	for _, w := range strings.Fields(seg) {
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) {
			if nameStopwords[Fold(w)] || len(r) < 2 {
				continue
			}
			return "" // a lower-case content word: a slogan, not a name
		}
		if unicode.IsUpper(r[1]) {
			return "" // already an abbreviation
		}
		b.WriteString(Fold(string(r[0])))
	}
	// Two initials only from a name of exactly two words: "Democratic
	// Front" is the DF, but "the Party of Russians" is no PR.
	if b.Len() < 2 || (b.Len() == 2 && len(strings.Fields(seg)) != 2) {
		return ""
	}
	return strings.ToUpper(b.String())
}

// isPersonName reports whether a segment looks like a person's name: two to
// four capitalised words, titles aside, none of them a party or place word.
func isPersonName(seg string) bool {
	words := personWords(seg)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || notPersonWords[Fold(w)] || len(r) < 2 {
			return false
		}
		if len(r) > 1 && unicode.IsUpper(r[1]) && !strings.Contains(w, ".") {
			return false // an abbreviation
		}
	}
	return true
}

// personWords splits a person's name, dropping titles like "Dr" and "Prof.".
func personWords(seg string) []string {
	var out []string
	for _, w := range strings.Fields(seg) {
		if personTitles[strings.ToLower(w)] || personTitles[strings.ToLower(strings.TrimSuffix(w, "."))] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// enrich fills a contestant's abbreviations, members and alias names.
func enrich(c *Contestant, aliases *Aliases) { enrichWith(c, aliases, noNames) }

// enrichWith is enrich with what it works out of each name remembered in
// nc (noNames for none).
func enrichWith(c *Contestant, aliases *Aliases, nc *nameCache) {
	var abbrevs []string
	for _, n := range append([]string{c.InfoboxName, c.BallotName, c.Name}, c.partyNames()...) {
		for _, a := range explicitAbbrevs(n) {
			abbrevs = appendUnique(abbrevs, a)
		}
	}
	for _, n := range c.ProseNames {
		if isAbbrevToken(n) {
			for _, a := range explicitAbbrevs(n) {
				abbrevs = appendUnique(abbrevs, a)
			}
		}
	}
	c.Members = members(c.BallotName)
	// Abbreviations compare as written, after Cyrillic is made Latin: ZZŠ
	// (Together for Šumadija) is not ZZS (Together for Serbia).
	explicit := toSet(strings.Join(abbrevs, " "))
	// Alias entries: by an abbreviation the name states, or by a full name
	// the name contains, the longest match winning where they overlap
	// ("Democratic Party of Serbia" is DSS, not DS).
	entries := aliases.entries()
	attached := map[int]bool{}
	for _, n := range c.ownNames() {
		for _, seg := range nc.segmentsOf(n) {
			for _, i := range nc.aliasesIn(seg, entries) {
				attached[i] = true
			}
		}
	}
	for i, e := range entries {
		if explicit[e.Abbrev] && !attached[i] && !otherPartyName(c, e.Abbrev) {
			attached[i] = true
		}
	}
	idx := make([]int, 0, len(attached))
	for i := range attached {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	// Enrich runs again once more names are known (a results table's, a
	// parties table's): the alias names are made anew each time.
	c.AliasNames = nil
	for _, i := range idx {
		e := entries[i]
		abbrevs = appendUnique(abbrevs, e.Abbrev)
		for _, n := range e.Names {
			c.AliasNames = appendUnique(c.AliasNames, n)
		}
	}
	c.acronyms = nil
	for _, n := range c.ownNames() {
		for _, seg := range nc.segmentsOf(n) {
			if a := nc.acronym(seg); a != "" && !nc.isPersonName(seg) && !contains(abbrevs, a) {
				c.acronyms = appendUnique(c.acronyms, a)
			}
		}
	}
	c.Abbrevs = abbrevs
}

// otherPartyName reports whether the article gives a contestant a party's
// name of its own that the alias entry of its abbreviation does not have:
// the Slovenian National Party (SNS) is not the Serbian Progressive
// Party, whatever the curated SNS is, while a list whose names are a
// leader and a slogan ("Aleksandar Vučić — Future we believe in (SNS,
// ...)") takes the entry by its abbreviation.
func otherPartyName(c *Contestant, abbrev string) bool {
	for _, n := range append(c.ownNames(), c.ProseNames...) {
		for _, seg := range segments(n) {
			toks := FoldTokens(seg)
			if len(toks) < 2 || contains(toks, Fold(abbrev)) || isPersonName(seg) {
				continue
			}
			for _, t := range toks {
				if partyWords[t] {
					return true
				}
			}
		}
	}
	return false
}

// partyWords are the words that make a name a party's.
var partyWords = toSet("party movement alliance union league front partija stranka pokret savez")

// members returns the coalition members a ballot name lists in brackets:
// "(SNS, SDPS, NS)", or "Socialist Party of Serbia (SPS) — United Serbia
// (JS)". One bracketed name alone is the list's own abbreviation.
func members(ballot string) []string {
	var out []string
	for _, m := range parenRe.FindAllString(ballot, -1) {
		for _, p := range strings.Split(strings.Trim(m, "()"), ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = appendUnique(out, p)
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// ownNames are the names an article gives a contestant: infobox and ballot
// name, or for one known only from a results table, the name there.
func (c *Contestant) ownNames() []string {
	if c.InfoboxName == "" && c.BallotName == "" {
		return append([]string{c.Name}, c.ResultNames...)
	}
	return append([]string{c.InfoboxName, c.BallotName}, c.ResultNames...)
}

// aliasesIn returns the indexes of alias entries whose names occur in one
// segment of a name, keeping only the longest of overlapping occurrences.
// A name inside a longer one is not that party: "Democratic Party of
// Socialists" is neither the Democratic Party nor the socialists, and
// "Social Democrats" are not the democrats. So a one-word alias (a
// nickname) must be the whole segment, and a name followed by "of" must be
// followed by a person ("Democratic Party of Dragan Đilas").
func aliasesIn(seg string, entries []AliasEntry) []int {
	toks := FoldTokens(seg)
	type occ struct{ entry, start, end int }
	var found []occ
	for i, e := range entries {
		for _, nt := range e.toks {
			if len(nt) == 0 || (len(nt) == 1 && len(toks) != 1) {
				continue
			}
			for s := 0; s+len(nt) <= len(toks); s++ {
				end := s + len(nt)
				if !equalTokens(toks[s:end], nt) {
					continue
				}
				if end < len(toks) && toks[end] == "of" && !isPersonName(afterOf(seg)) {
					continue
				}
				if end < len(toks) && possessive(seg, nt) {
					continue // "Together for Serbia's Future" is not Together for Serbia
				}
				if s > 0 && qualified(seg, s) {
					continue // "Socialist People's Party" is not the People's Party
				}
				found = append(found, occ{i, s, end})
			}
		}
	}
	sort.SliceStable(found, func(a, b int) bool {
		return found[a].end-found[a].start > found[b].end-found[b].start
	})
	taken := make([]bool, len(toks))
	var out []int
	for _, o := range found {
		free := true
		for k := o.start; k < o.end; k++ {
			if taken[k] {
				free = false
			}
		}
		if !free {
			continue
		}
		for k := o.start; k < o.end; k++ {
			taken[k] = true
		}
		out = append(out, o.entry)
	}
	return out
}

// qualified reports whether the word before word i of a name is a
// capitalised word of the name itself ("Socialist" in "Socialist People's
// Party"), which makes the rest another party's name; "the", "with" and a
// leader's name before a dash do not.
func qualified(seg string, i int) bool {
	sp := TokenSpans(seg)
	if i >= len(sp) || i < 1 {
		return false
	}
	prev := seg[sp[i-1].Start:sp[i-1].End]
	between := seg[sp[i-1].End:sp[i].Start]
	r, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsUpper(r) && strings.TrimSpace(between) == "" && !nameStopwords[sp[i-1].Term]
}

// possessive reports whether a name's words stand in text as a
// possessive: "Serbia's" in "Together for Serbia's Future".
func possessive(text string, name []string) bool {
	f := strings.Join(strings.Fields(Fold(text)), " ")
	n := strings.Join(name, " ")
	return strings.Contains(f, n+"'s") || strings.Contains(f, n+"’s")
}

// afterOf returns what follows the first " of " in s.
func afterOf(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if strings.EqualFold(w, "of") {
			return strings.Join(f[i+1:], " ")
		}
	}
	return ""
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Names returns every name a contestant is known by: names, abbreviations,
// aliases, leader and carrier. Autocomplete and the index use them.
func (c *Contestant) Names() []string {
	var out []string
	for _, n := range []string{c.Name, c.InfoboxName, c.BallotName, c.Leader, c.Carrier} {
		if n != "" {
			out = appendUnique(out, n)
		}
	}
	for _, n := range c.Abbrevs {
		out = appendUnique(out, n)
	}
	for _, n := range c.AliasNames {
		out = appendUnique(out, n)
	}
	for _, n := range c.ProseNames {
		out = appendUnique(out, n)
	}
	for _, n := range c.ResultNames {
		out = appendUnique(out, n)
	}
	for _, n := range c.partyNames() {
		out = appendUnique(out, n)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// LooksLikePerson reports whether a name reads as a person's ("Ivica
// Dačić", "Dr Jovan Filipović") rather than a party's.
func LooksLikePerson(name string) bool { return isPersonName(name) }
