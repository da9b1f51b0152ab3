package knowledge

import (
	"regexp"
	"strings"
	"unicode"
)

// An ArticleName is a short name the article defines for something: "the
// Republic Electoral Commission (RIK)", "the movement, known as Iskra".
type ArticleName struct {
	Short string
	// Long is what the short name stands for, as written ("Republic
	// Electoral Commission", "the movement").
	Long string
	// Of is the display name of the contestant the name was linked to, ""
	// when it names no contestant.
	Of      string `json:",omitempty"`
	Section string
	Line    int
}

var (
	// parenAbbrevRe finds "Capitalised Name (ABBR)" and "Name (Serbian:
	// Native name, ABBR)": up to eight words before the bracket.
	parenAbbrevRe = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’.-]*|of|for|the|and|in|on|za|i|na|od|a)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|for|the|and|in|on|za|i|na|od|a|[–—-])){0,9})\s+\(([^()]{2,80})\)`)
	// knownAsRe finds "known as X" aliases: "the movement, known as Iskra,".
	knownAsRe = regexp.MustCompile(`(?:(?:also|commonly|popularly|better|widely|locally)\s+)?known\s+as\s+(?:the\s+)?["“„']?(\p{Lu}[\p{L}\p{N}'’!-]*(?:\s+\p{Lu}[\p{L}\p{N}'’!-]*){0,3})`)
	// genericNounRe is a common noun that refers back to a contestant named
	// nearby: "the movement, known as ...".
	genericNounRe = regexp.MustCompile(`(?i)\b(?:the|this|a|its|new)\s+(?:\w+\s+){0,3}?(movement|coalition|party|list|alliance|bloc|group|initiative|front|union)\b[^.]*$`)
)

// articleNames reads the short names the prose and list items define and
// gives each contestant the ones that name it. It runs after every
// contestant is known, before the final name index is built.
func (x *extractor) articleNames() {
	// Each contest links on its own: "SDSM" names both the party's council
	// list and its mayoral candidate.
	for _, ct := range x.e.Contests {
		if len(ct.Contestants) == 0 {
			continue
		}
		r := x.resolverFor(ct.Contestants)
		for _, s := range x.a.Sections {
			var before string
			for _, b := range s.Blocks {
				for _, t := range blockTexts(b) {
					x.parenNames(t, s, b.Line, r)
					x.knownAs(t, before, s, b.Line, r, ct.Contestants)
					before = t
				}
			}
		}
	}
}

// nativeName reads the name the article gives a party in its own
// language beside the English one: "Serbian Progressive Party (Serbian:
// Srpska napredna stranka, SNS)", "Dveri (Dveri srpske)". A question
// that names the party in Serbian then finds it.
func (x *extractor) nativeName(part, long string, r *resolver) {
	if lang, name, ok := strings.Cut(part, ":"); ok && len(strings.Fields(lang)) <= 2 {
		part = strings.TrimSpace(name)
	}
	words := strings.Fields(part)
	if len(words) < 2 || len(words) > 8 || !unicode.IsUpper([]rune(part)[0]) || strings.IndexFunc(part, unicode.IsDigit) >= 0 {
		return
	}
	c := r.link(long)
	if c == nil || Fold(part) == Fold(long) {
		return
	}
	// Only beside the party's own name: "Ana Petrovska (Ана Петровска)"
	// names a person, not her list.
	for _, own := range []string{c.Name, c.InfoboxName, c.BallotName} {
		if own != "" && Fold(own) == Fold(long) {
			c.ProseNames = appendUnique(c.ProseNames, part)
			return
		}
	}
}

// blockTexts returns the sentences of a paragraph or the items of a list.
func blockTexts(b Block) []string {
	switch b.Kind {
	case Paragraph:
		return Sentences(b.Text)
	case List:
		out := make([]string, len(b.Items))
		for i, it := range b.Items {
			out[i] = it.Text
		}
		return out
	}
	return nil
}

// parenNames reads "Long Name (ABBR)" and "Long Name (Language: native
// name, ABBR)".
func (x *extractor) parenNames(text string, s *Section, line int, r *resolver) {
	if !strings.Contains(text, "(") {
		return // most sentences: the expression would find nothing, slowly
	}
	for _, m := range parenAbbrevRe.FindAllStringSubmatch(text, -1) {
		long := trimLongName(m[1])
		for _, part := range strings.Split(m[2], ",") {
			if long != "" && !isAbbrevToken(strings.TrimSpace(part)) {
				x.nativeName(strings.TrimSpace(part), long, r)
			}
		}
		if long == "" || isPersonName(long) {
			continue // "Ana Petrovska (SDSM)" gives her party, not her initials
		}
		for _, part := range strings.Split(m[2], ",") {
			short := strings.TrimSpace(part)
			if !isAbbrevToken(short) {
				continue
			}
			c := r.link(long)
			if c != nil && otherParty(c, short, long) {
				c = nil
			}
			if c == nil {
				c = byOwnAbbrev(r.cs, long)
			}
			if c == nil {
				// The short name is known ("HDZ – HSLS", a candidate of the
				// HDZ): the long one is new ("Croatian Democratic Union").
				if c = byAbbrev(r.cs, short); c != nil {
					c.ProseNames = appendUnique(c.ProseNames, long)
				}
			}
			x.addArticleName(short, long, c, s, line)
		}
	}
}

// trimLongName drops a leading article and sentence-initial words that are
// not part of the name ("Ivan Radić of the Croatian Democratic Union"
// keeps the union).
func trimLongName(s string) string {
	words := strings.Fields(s)
	for i := len(words) - 1; i > 0; i-- {
		if w := strings.ToLower(words[i]); w == "of" || w == "the" {
			// "X of the Y (Z)": Z abbreviates Y when Y starts after "of the",
			// unless the whole is one name ("Party of Democratic Action").
			if i+1 < len(words) && (strings.ToLower(words[i-1]) == "of" || w == "the") {
				words = words[i+1:]
				break
			}
		}
	}
	for len(words) > 0 {
		w := strings.ToLower(words[0])
		if w == "the" || w == "a" || w == "and" || w == "of" || w == "in" || w == "on" || w == "for" {
			words = words[1:]
			continue
		}
		break
	}
	if len(words) == 0 || (len(words) == 1 && !unicode.IsUpper([]rune(words[0])[0])) {
		return ""
	}
	return strings.Join(words, " ")
}

// isAbbrevToken reports whether s is one abbreviation: "SDS", "SPS–JS",
// "VMRO-DPMNE", "RIK".
func isAbbrevToken(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	return len(explicitAbbrevs(s)) > 0
}

// byOwnAbbrev finds the contestant whose own short name is an acronym of
// long: the infobox's "TSF" for "Together for Serbia's Future".
func byOwnAbbrev(cs []*Contestant, long string) *Contestant {
	var found *Contestant
	for _, c := range cs {
		for _, a := range explicitAbbrevs(c.InfoboxName + " " + c.Party) {
			if initialsMatch(a, long) {
				if found != nil && found != c {
					return nil
				}
				found = c
			}
		}
	}
	return found
}

// byAbbrev returns the one contestant that goes by an abbreviation.
func byAbbrev(cs []*Contestant, short string) *Contestant {
	var found *Contestant
	for _, c := range cs {
		for _, a := range c.Abbrevs {
			if Fold(a) == Fold(short) {
				if found != nil && found != c {
					return nil
				}
				found = c
			}
		}
	}
	return found
}

// knownAs reads "X, known as Y" and "the movement, known as Y": the alias
// goes to the contestant named just before, or, for a common noun, to the
// one contestant of that kind named in this sentence or the one before.
func (x *extractor) knownAs(text, before string, s *Section, line int, r *resolver, all []*Contestant) {
	if !strings.Contains(text, "known") {
		return
	}
	for _, loc := range knownAsRe.FindAllStringSubmatchIndex(text, -1) {
		short := strings.TrimRight(text[loc[2]:loc[3]], "'’!-")
		head := strings.TrimRight(strings.TrimSpace(text[:loc[0]]), ",(")
		var c *Contestant
		long := head
		if m, ok := lastMention(r, head); ok {
			c, long = m.Contestant, wordsOf(head, m.Start, m.End)
		}
		if m := genericNounRe.FindStringSubmatch(head); m != nil && (c == nil || nounNearEnd(head, m[1])) {
			long = "the " + m[1]
			if k := byNoun(r, m[1], head+" "+before, all); k != nil {
				c = k
			}
		}
		if c == nil || short == "" || Fold(short) == Fold(c.Name) {
			continue
		}
		if len(FoldTokens(long)) > 8 {
			long = strings.Join(strings.Fields(long)[max(0, len(strings.Fields(long))-8):], " ")
		}
		x.addArticleName(short, long, c, s, line)
	}
}

// lastMention returns the match of the contestant named last in text, if
// any.
func lastMention(r *resolver, text string) (Match, bool) {
	var best Match
	for _, m := range longestNames(r.resolve(text)) {
		if m.Exact && m.Score >= 8 && m.End > best.End {
			best = m
		}
	}
	return best, best.Contestant != nil
}

// wordsOf returns words start..end of text (as TokenSpans counts them),
// as written.
func wordsOf(text string, start, end int) string {
	sp := TokenSpans(text)
	if start < 0 || end > len(sp) || start >= end {
		return text
	}
	return text[sp[start].Start:sp[end-1].End]
}

// nounNearEnd reports whether the common noun is among the last words
// before "known as", so that it, not an earlier name, is what is named.
func nounNearEnd(head, noun string) bool {
	toks := FoldTokens(head)
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-3; i-- {
		if toks[i] == Fold(noun) {
			return true
		}
	}
	return false
}

// byNoun picks the contestant a common noun refers to: one named in text
// whose names contain the noun, else the only contestant whose names do.
func byNoun(r *resolver, noun, text string, all []*Contestant) *Contestant {
	has := func(c *Contestant) bool {
		for _, n := range c.Names() {
			for _, t := range FoldTokens(n) {
				if t == Fold(noun) {
					return true
				}
			}
		}
		return false
	}
	var named []*Contestant
	for _, m := range r.resolve(text) {
		if m.Exact && m.Score >= 8 && has(m.Contestant) {
			named = append(named, m.Contestant)
		}
	}
	if len(named) == 1 {
		return named[0]
	}
	var only *Contestant
	for _, c := range all {
		if has(c) {
			if only != nil {
				return nil
			}
			only = c
		}
	}
	return only
}

func (x *extractor) addArticleName(short, long string, c *Contestant, s *Section, line int) {
	n := ArticleName{Short: short, Long: long, Section: SectionName(s), Line: line}
	if c != nil {
		n.Of = c.DisplayName()
		c.ProseNames = appendUnique(c.ProseNames, short)
	}
	for _, o := range x.e.ArticleNames {
		if o.Short == n.Short && o.Of == n.Of {
			return
		}
	}
	x.e.ArticleNames = append(x.e.ArticleNames, n)
}

// initialsMatch reports whether abbrev is built from the initials of a
// name's words, with or without its small words, of the whole name or of
// one of its parts: "TSF" and "TFSF" for "Zoran Babić – Together for
// Serbia's Future", "MRJ" for "Movement for Renewal and Justice".
func initialsMatch(abbrev, name string) bool {
	want := Fold(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, abbrev))
	if len([]rune(want)) < 2 {
		return false
	}
	parts := append([]string{name}, segments(name)...)
	for _, p := range parts {
		var all, big strings.Builder
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
			first := []rune(Fold(w))
			if len(first) == 0 {
				continue
			}
			all.WriteRune(first[0])
			if !nameStopwords[Fold(w)] || unicode.IsUpper([]rune(w)[0]) {
				big.WriteRune(first[0])
			}
		}
		if all.String() == want || big.String() == want {
			return true
		}
	}
	return false
}
