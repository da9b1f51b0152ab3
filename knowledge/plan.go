package knowledge

import (
	"regexp"
	"strings"
)

// kindWords name the kind of a contest in titles, headings and the
// infobox's Type, most specific first.
var kindWords = []struct {
	kind  ContestKind
	words []string
}{
	{ContestReferendum, []string{"referendum", "referendums", "plebiscite"}},
	{ContestPresident, []string{"presidential", "president", "predsednicki", "predsjednicki", "predsednik", "predsjednik"}},
	{ContestMayor, []string{"mayoral", "mayor", "mayors", "gradonacelnik", "gradonacelnika", "gradonacelnicki"}},
	{ContestOffice, []string{"gubernatorial", "governor"}},
	{ContestAssembly, []string{"assembly", "council", "parliament", "parliamentary", "legislative", "skupstina", "skupstine",
		"vece", "vijece", "sabor", "national assembly", "city assembly", "municipal assembly", "municipal council"}},
}

// kindOf returns the contest kind a title or heading names, "" for none.
func kindOf(text string) ContestKind { return kindIn(paddedWords(text)) }

// paddedWords are text's folded words, joined and framed by spaces, as
// kindIn and roundIn look for words in them.
func paddedWords(text string) string { return " " + strings.Join(FoldTokens(text), " ") + " " }

// kindIn is kindOf on paddedWords(text).
func kindIn(f string) ContestKind {
	for _, k := range kindWords {
		for _, w := range k.words {
			if containsSpaced(f, w) {
				return k.kind
			}
		}
	}
	return ""
}

// containsSpaced reports whether f holds w with a space either side, as
// strings.Contains(f, " "+w+" ") does, without making that string: kindOf
// runs for every sentence of every article.
func containsSpaced(f, w string) bool { return indexSpaced(f, w) >= 0 }

// indexSpaced is strings.Index(f, " "+w+" ") without making that string.
func indexSpaced(f, w string) int {
	if w == "" {
		return strings.Index(f, "  ")
	}
	for at := 0; ; {
		i := strings.Index(f[at:], w)
		if i < 0 {
			return -1
		}
		i += at
		if i > 0 && f[i-1] == ' ' && i+len(w) < len(f) && f[i+len(w)] == ' ' {
			return i - 1
		}
		at = i + 1
	}
}

// candidateKind is the kind of a contest of candidates where nothing says
// which office it fills: a president in a presidential article, a mayor in
// a local one.
func candidateKind(e *Election) ContestKind {
	for _, t := range []string{e.Type, e.Title, e.Office} {
		switch k := kindOf(t); k {
		case ContestPresident, ContestMayor, ContestOffice:
			return k
		}
	}
	f := " " + strings.Join(FoldTokens(e.Title+" "+e.Type), " ") + " "
	for _, w := range []string{" local ", " municipal ", " city ", " town "} {
		if strings.Contains(f, w) {
			return ContestMayor
		}
	}
	return ContestOffice
}

// A block of results, assigned to the contest it is about.
type contestBlock struct {
	s     *Section
	b     *Block
	round int // the round a heading gives ("Second round"), 0 for none
}

// plan decides which contests the article describes and which infobox,
// tables and bullet lists belong to each: a table under a "Mayor" heading
// is the mayor's, under "City Assembly" the assembly's; a table of
// candidates elsewhere belongs to the contest of candidates.
func (x *extractor) plan() {
	e := x.e
	top := x.box
	topKind := top.kind(e)
	if topKind != "" {
		x.contest(topKind, "").box = top
	}
	for _, s := range x.a.Sections {
		if isPollSection(s) {
			continue
		}
		sk := x.sectionKind(s)
		if len(s.Infobox) > 0 {
			x.sectionBox(s, sk)
		}
		for i := range s.Blocks {
			b := &s.Blocks[i]
			k := x.blockKind(s, b, sk, topKind)
			if k == "" {
				continue
			}
			ct := x.contest(k, SectionName(s))
			x.blocks[ct] = append(x.blocks[ct], contestBlock{s: s, b: b, round: x.sectionRound(s)})
		}
	}
	if len(x.contests) == 0 {
		k := kindOf(e.Type + " " + e.Title)
		if k == "" || k == ContestPresident || k == ContestMayor || k == ContestOffice {
			// Nothing to read candidates from: the article's figures are
			// an assembly's if anything's.
			k = ContestAssembly
		}
		x.contest(k, "")
	}
	for _, c := range x.contests {
		e.Contests = append(e.Contests, c.Contest)
	}
}

// plannedContest is a contest with what extraction reads it from.
type plannedContest struct {
	*Contest
	box *box
	// roundBoxes are later infoboxes of the same contest, each of one
	// round ("===Second round===" with its own infobox).
	roundBoxes []roundBox
}

// A roundBox is an infobox of one round of a contest that has its own.
type roundBox struct {
	b     *box
	round int
}

// sectionBox plans an infobox within a section: the box of the contest
// its heading names (a mayor's beside the assembly's), or, for a contest
// that already has one, the box of the round the heading names.
func (x *extractor) sectionBox(s *Section, sk ContestKind) {
	b := readBox(s.Infobox, s)
	k := sk
	if k == "" {
		k = b.kind(x.e)
	}
	if k == "" {
		k = ContestAssembly
	}
	ct := x.contest(k, SectionName(s))
	if r := x.sectionRound(s); ct.box != nil && r > 1 {
		ct.roundBoxes = append(ct.roundBoxes, roundBox{b: b, round: r})
		return
	}
	x.boxes = append(x.boxes, b)
	ct.box = b
}

// contest returns the contest of a kind, adding it (titled by section)
// when new.
func (x *extractor) contest(k ContestKind, section string) *plannedContest {
	for _, c := range x.contests {
		if c.Kind == k {
			if c.Section == "" && section != "" && c.box == nil {
				c.Section = section
			}
			return c
		}
	}
	c := &plannedContest{Contest: &Contest{Kind: k, Section: section}}
	x.contests = append(x.contests, c)
	return c
}

// sectionKind is the contest kind a section's heading, or its parent's,
// names.
func (x *extractor) sectionKind(s *Section) ContestKind {
	if k := kindOf(s.Title); k != "" {
		return k
	}
	return kindOf(s.Parent)
}

// sectionRound is the round a heading names: "===Second round===".
func (x *extractor) sectionRound(s *Section) int {
	if r := roundOf(s.Title); r > 0 {
		return r
	}
	return 0
}

// blockKind returns the kind of contest a block gives results of, "" for
// a block that holds none.
func (x *extractor) blockKind(s *Section, b *Block, sk, topKind ContestKind) ContestKind {
	switch b.Kind {
	case Table:
		cols := classifyBlock(*b)
		if !cols.isResults() && !cols.isCandidateList() {
			return ""
		}
		if sk != "" {
			return sk
		}
		if topKind == ContestReferendum && cols.seats < 0 {
			return ContestReferendum // Yes and No, For and Against
		}
		if cols.candidate >= 0 || (isCandidateKind(topKind) && cols.seats < 0) {
			if isCandidateKind(topKind) {
				return topKind
			}
			return candidateKind(x.e)
		}
		if cols.isCandidateList() {
			return ""
		}
		return ContestAssembly
	case List:
		if !isResultsSection(s) && sk == "" {
			return ""
		}
		items := resultItems(*b, SectionName(s))
		if len(items) == 0 {
			return ""
		}
		if sk != "" {
			return sk
		}
		if isCandidateKind(topKind) {
			return topKind
		}
		if topKind == ContestAssembly && !people(items) {
			// "- Healthy Serbia: 1.90%" under an assembly's results: its
			// lists, not candidates for the office the infobox names.
			return ContestAssembly
		}
		return candidateKind(x.e)
	}
	return ""
}

// people reports whether most result items name a person.
func people(items []resultItem) bool {
	n := 0
	for _, it := range items {
		if isPersonName(it.name) {
			n++
		}
	}
	return n*2 > len(items)
}

func isCandidateKind(k ContestKind) bool {
	return k == ContestPresident || k == ContestMayor || k == ContestOffice
}

// isResultsSection reports a section about results ("Results", "Final
// results", "Rezultati").
func isResultsSection(s *Section) bool {
	for _, t := range []string{s.Title, s.Parent} {
		f := Fold(t)
		if strings.Contains(f, "result") || strings.Contains(f, "rezultat") {
			return true
		}
	}
	return false
}

// seatsBodyRe finds the body an assembly's seats are in: "All 250 seats
// in the National Assembly".
var seatsBodyRe = regexp.MustCompile(`(?i)\bin the\s+(.+)$`)

// contestTitle names a contest: the body its seats are in, the office the
// infobox names, the heading of its results, or the kind.
func (x *extractor) contestTitle(c *plannedContest) string {
	e := x.e
	switch c.Kind {
	case ContestAssembly:
		if f, ok := x.box.get("seatsforelection"); ok && (c.box == x.box || c.box == nil) {
			if m := seatsBodyRe.FindStringSubmatch(f.Value); m != nil {
				return strings.TrimSpace(m[1])
			}
		}
	case ContestReferendum:
		return e.Title
	default:
		if e.Office != "" && kindOf(e.Office) == c.Kind {
			return e.Office
		}
		if c.box != nil {
			if f, ok := c.box.get("title", "office"); ok {
				return f.Value
			}
		}
	}
	if c.Section != "" {
		return c.Section
	}
	return string(c.Kind)
}
