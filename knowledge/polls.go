package knowledge

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// A Poll is one opinion poll: who ran it, when, and its figures in the
// order the article gives them.
type Poll struct {
	Pollster string
	Date     string
	// From and To are the first and last day of the fieldwork as the date
	// reads ("2020-05-12"), "" when it cannot be read.
	From, To string `json:",omitempty"`
	// Kind is PollOpinion, PollExit or PollRunoff (a poll of the second
	// round).
	Kind string
	// Others, Undecided and LeadPoints are the poll's figures for the
	// other parties together, for the undecided, and the leader's lead, in
	// points, where the article gives them.
	Others, Undecided, LeadPoints *Figure `json:",omitempty"`
	// Lead is the sentence that introduced a bullet-list poll.
	Lead    string
	Sample  string
	Section string
	Line    int
	Entries []PollEntry
	// Notes are sentences about the poll that hold no figures ("Other
	// parties are below the electoral threshold.").
	Notes []string
}

// A PollEntry is one party's figure in a poll.
type PollEntry struct {
	// Name is how the poll names the party ("DS", "SPS-PUPS-JS").
	Name       string
	Share      *Figure
	Contestant *Contestant `json:"-"`
	// BelowThreshold is set for figures listed under a "Below threshold:"
	// lead-in, or under the threshold when one is known (national minority
	// lists are exempt from it).
	BelowThreshold bool
	Line           int
}

// The kinds of poll.
const (
	PollOpinion = "opinion"
	PollExit    = "exit"
	PollRunoff  = "run-off"
)

// Label names a poll for people: "Factor Plus, 20–26 January".
func (p *Poll) Label() string {
	switch {
	case p.Pollster != "" && p.Date != "":
		return p.Pollster + ", " + p.Date
	case p.Pollster != "":
		return p.Pollster
	case p.Date != "":
		return "Poll of " + p.Date
	}
	return "Poll"
}

// Entry returns the poll's figure for c, or nil.
func (p *Poll) Entry(c *Contestant) *PollEntry {
	for i := range p.Entries {
		if p.Entries[i].Contestant == c {
			return &p.Entries[i]
		}
	}
	return nil
}

// Leader returns the poll's largest figure (the first of equals), or nil
// when it gives none.
func (p *Poll) Leader() *PollEntry {
	var best *PollEntry
	for i := range p.Entries {
		if en := &p.Entries[i]; en.Share != nil && (best == nil || en.Share.Value > best.Share.Value) {
			best = en
		}
	}
	return best
}

// Margin compares one of the poll's figures with the rest: when en leads,
// its lead in points over the runner-up (other, ahead true); otherwise how
// many points it trails the leader by (other is the leader). other is nil
// when there is nothing to compare: en has no figure, or no one else has.
func (p *Poll) Margin(en *PollEntry) (points float64, other *PollEntry, ahead bool) {
	top := p.Leader()
	if top == nil || en.Share == nil {
		return 0, nil, false
	}
	if top != en {
		return top.Share.Value - en.Share.Value, top, false
	}
	var second *PollEntry
	for i := range p.Entries {
		if o := &p.Entries[i]; o != en && o.Share != nil && (second == nil || o.Share.Value > second.Share.Value) {
			second = o
		}
	}
	if second == nil {
		return 0, nil, false
	}
	return en.Share.Value - second.Share.Value, second, true
}

func (x *extractor) polls() {
	r := x.resolverFor(x.e.Contestants)
	for _, s := range x.a.Sections {
		if !isPollSection(s) {
			continue
		}
		if x.e.PollsSection == "" {
			x.e.PollsSection = SectionName(s)
		}
		x.bulletPolls(s, r)
		for _, t := range x.a.tables() {
			if t.s == s {
				x.tablePolls(t, r)
			}
		}
	}
	day := x.e.ElectionDay()
	for _, p := range x.e.Polls {
		if from, to, ok := DateRange(p.Date, x.e.Year, day); ok {
			p.From, p.To = from.Format(time.DateOnly), to.Format(time.DateOnly)
		}
		for i := range p.Entries {
			en := &p.Entries[i]
			// National minority lists are exempt from the threshold.
			exempt := en.Contestant != nil && en.Contestant.Minority()
			if x.e.Threshold != nil && en.Share != nil && en.Share.Value < x.e.Threshold.Value && !exempt {
				en.BelowThreshold = true
			}
		}
	}
}

// bulletPolls reads polls given as a sentence followed by a bullet list,
// continued by lead-ins such as "Below threshold:".
func (x *extractor) bulletPolls(s *Section, r *resolver) {
	var cur *Poll
	// pending is the last paragraph, not yet known to be a lead-in (when a
	// list follows) or a note on the poll before (when none does).
	var pending *Block
	note := func() {
		if pending != nil && cur != nil {
			cur.Notes = append(cur.Notes, pending.Text)
		}
		pending = nil
	}
	for i := range s.Blocks {
		b := &s.Blocks[i]
		switch b.Kind {
		case Paragraph:
			note()
			pending = b
		case List:
			lead, line := "", b.Line
			if pending != nil {
				lead, line = strings.TrimSpace(pending.Text), pending.Line
			}
			continuation := cur != nil && pending != nil && strings.HasSuffix(lead, ":") && isContinuationLead(lead)
			below := continuation && isBelowLead(lead)
			var entries []PollEntry
			var others []string
			for _, it := range b.Items {
				en, ok := pollItem(it.Text, SectionName(s))
				switch {
				case !ok:
				case notParty(en.Name):
					others = append(others, it.Text)
				default:
					en.Line = it.Line
					en.BelowThreshold = below
					en.Contestant = r.link(en.Name)
					entries = append(entries, en)
				}
			}
			if len(entries) == 0 {
				note()
				continue
			}
			pending = nil
			if continuation {
				cur.Entries = append(cur.Entries, entries...)
				cur.Notes = append(cur.Notes, others...)
				cur.noteFigures(others)
				continue
			}
			cur = newPoll(lead, SectionName(s), line)
			cur.Kind = pollKind(s, lead)
			cur.Entries = entries
			cur.Notes = others
			x.e.Polls = append(x.e.Polls, cur)
			cur.noteFigures(others)
		default:
			note()
		}
	}
	note()
}

// isContinuationLead reports lead-ins that continue the previous poll
// rather than start one: "Below threshold:", "Others:".
func isContinuationLead(text string) bool {
	f := Fold(text)
	if strings.Contains(f, "according") || strings.Contains(f, "poll") || strings.Contains(f, "survey") || dateRe.MatchString(text) {
		return false
	}
	return len(strings.Fields(f)) <= 6
}

func isBelowLead(text string) bool {
	f := Fold(text)
	return strings.Contains(f, "threshold") || strings.Contains(f, "below") || strings.Contains(f, "under") || strings.Contains(f, "cenzus")
}

var (
	pctRe      = regexp.MustCompile(`[-+]?\d+(?:[.,]\d+)?\s*%`)
	colonNumRe = regexp.MustCompile(`[:–—=-]\s*(\d+(?:[.,]\d+)?)\b`)
	parenRe    = regexp.MustCompile(`\([^)]*\)`)
)

// notParty reports the figures of a poll that belong to no party:
// "Undecided: 11%", "Others: 4%". They are kept as notes, not entries, so
// that no one reads them as a list's share.
func notParty(name string) bool {
	switch strings.Join(FoldTokens(name), " ") {
	case "undecided", "others", "other", "other parties", "other lists", "dont know", "none", "no answer",
		"blank", "invalid", "abstain", "would not vote", "ostali", "neodlucni", "ne zna", "ne znam":
		return true
	}
	return false
}

// pollItem reads "SNS: 37.4%", "42.5% SNS", "SNS – 37.4", "SNS 37.4%"; the
// figure's source is section.
func pollItem(text, section string) (PollEntry, bool) {
	var num, name string
	if loc := pctRe.FindStringIndex(text); loc != nil {
		num = text[loc[0]:loc[1]]
		name = text[:loc[0]] + " " + text[loc[1]:]
	} else if m := colonNumRe.FindStringSubmatchIndex(text); m != nil {
		num = text[m[2]:m[3]]
		name = text[:m[0]] + " " + text[m[1]:]
	} else {
		return PollEntry{}, false
	}
	name = parenRe.ReplaceAllString(name, "")
	name = strings.Trim(strings.TrimSpace(name), ":–—=-,; ")
	name = strings.TrimSpace(name)
	f, ok := parseFigure(num, section)
	if !ok || name == "" || f.Value < 0 || f.Value > 100 {
		return PollEntry{}, false
	}
	return PollEntry{Name: name, Share: f}, true
}

var (
	accordingRe = regexp.MustCompile(`(?i)^.*?\baccording to\s+`)
	pollOfRe    = regexp.MustCompile(`(?i)^(?:an?\s+|the\s+)?(?:opinion\s+|exit\s+)?(?:poll|survey|research)s?\s+(?:of|by|from|conducted by|carried out by)\s+(?:the\s+)?`)
	cutRe       = regexp.MustCompile(`(?i)\s+(?:conducted|published|carried out|released|done|made|taken|showed|shows|gave|gives|found)\b.*$|,.*$|\s+for\s+the\s+.*$`)
	pollWordRe  = regexp.MustCompile(`(?i)\s*\b(?:opinion\s+)?(?:poll|survey)s?\b\s*$`)
	timePrepRe  = regexp.MustCompile(`(?i)\s+(?:in|on|from|of|between|during)\s*$`)
	// byRe finds the pollster named after "by" anywhere in the sentence:
	// "In the last poll before the vote, by CeSID".
	byRe = regexp.MustCompile(`\b(?:by|[Cc]onducted by|[Cc]arried out by)\s+(?:the\s+)?["“„]?\p{Lu}`)
	// articleRe is a leading "a", "the" or "in a" left before a pollster's
	// name: "According to a Faktor plus poll", "In a Faktor plus survey".
	articleRe = regexp.MustCompile(`(?i)^(?:in\s+)?(?:an?|the)\s+`)
	// emptyParenRe is what is left of "(5–8 December 2013)" once the date
	// is taken out.
	emptyParenRe = regexp.MustCompile(`\(\s*\)`)
)

// newPoll reads pollster and date from the sentence that introduces a poll:
// "According to Factor Plus, 20–26 January:", "According to 24–25 February
// Faktor plus poll:", "According to a poll of the "Nina Media" research
// agency and TV Prva conducted after elections were scheduled in early 2014:".
func newPoll(lead, section string, line int) *Poll {
	p := &Poll{Lead: lead, Section: section, Line: line}
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lead), ":"))
	if loc := dateRe.FindStringIndex(s); loc != nil {
		p.Date = strings.TrimSpace(s[loc[0]:loc[1]])
		s = strings.TrimSpace(s[:loc[0]]) + " " + strings.TrimSpace(s[loc[1]:])
		s = strings.TrimSpace(s)
	}
	s = emptyParenRe.ReplaceAllString(s, "")
	if loc := accordingRe.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	} else if loc := byRe.FindStringIndex(s); loc != nil {
		_, size := utf8.DecodeLastRuneInString(s[:loc[1]])
		s = strings.TrimPrefix(strings.TrimSpace(s[loc[1]-size:]), "the ")
	}
	s = pollOfRe.ReplaceAllString(s, "")
	s = articleRe.ReplaceAllString(s, "")
	s = cutRe.ReplaceAllString(s, "")
	s = timePrepRe.ReplaceAllString(s, "")
	s = pollWordRe.ReplaceAllString(s, "")
	s = strings.Trim(strings.TrimSpace(s), ",;:.")
	if len(strings.Fields(s)) <= 8 {
		p.Pollster = s
	}
	return p
}

// tablePolls reads a wide poll table: one row a poll, one column a party.
func (x *extractor) tablePolls(t sectionBlock, r *resolver) {
	header, start := mergedHeader(*t.b)
	cols := classifyBlock(*t.b)
	party := map[int]*Contestant{}
	var partyCols []int
	for i, h := range header {
		if i == cols.pollster || i == cols.date || i == cols.sample || cols.skip[i] || isBlankCell(h) {
			continue
		}
		partyCols = append(partyCols, i)
		party[i] = r.link(stripMarks(h))
	}
	if len(partyCols) == 0 || (cols.pollster < 0 && cols.date < 0) {
		return
	}
	kind := pollKind(t.s, "")
	for i, row := range t.b.Rows[start:] {
		pollster := cell(row, cols.pollster)
		if strings.Contains(Fold(pollster), "election") || strings.Contains(Fold(pollster), "result") {
			continue // the previous election's result, not a poll
		}
		p := &Poll{Pollster: pollster, Date: cell(row, cols.date), Sample: cell(row, cols.sample),
			Section: SectionName(t.s), Line: t.b.BodyLine(i + start - 1), Kind: kind}
		if strings.Contains(Fold(pollster), "exit") {
			p.Kind = PollExit
		}
		figure := func(i int) *Figure {
			f, ok := parseFigure(cell(row, i), SectionName(t.s))
			if !ok || isDateCell(cell(row, i)) {
				return nil
			}
			return f
		}
		p.Others, p.Undecided, p.LeadPoints = figure(cols.others), figure(cols.undecided), figure(cols.lead)
		for _, c := range partyCols {
			v := cell(row, c)
			if isBlankCell(v) || isDateCell(v) {
				continue // never a date read as a share
			}
			f, ok := parseFigure(v, SectionName(t.s))
			if !ok || f.Value < 0 || f.Value > 100 {
				continue
			}
			p.Entries = append(p.Entries, PollEntry{Name: stripMarks(header[c]), Share: f, Contestant: party[c], Line: p.Line})
		}
		if len(p.Entries) > 0 {
			x.e.Polls = append(x.e.Polls, p)
		}
	}
}

// pollsterStopwords are words of pollster descriptions that do not tell
// pollsters apart.
var pollsterStopwords = toSet("the a an of and by poll polls survey research agency institute tv " +
	"conducted for in on agencija istrazivanje")

// PollsBy returns the polls whose pollster a text names ("Factor Plus" also
// finds "Faktor plus"), best match first.
func (e *Election) PollsBy(text string) []*Poll {
	q := FoldTokens(text)
	type scored struct {
		p *Poll
		n int
	}
	var hits []scored
	best := 0
	for _, p := range e.Polls {
		n, missed := 0, 0
		for _, pt := range FoldTokens(p.Pollster) {
			if pollsterStopwords[pt] || len(pt) < 3 {
				continue
			}
			found := false
			for _, t := range q {
				if t == pt || (len(t) >= 4 && TokenSimilar(t, pt)) {
					found = true
					break
				}
			}
			if found {
				n++
			} else {
				missed++
			}
		}
		// Words of the pollster's name the text lacks count a little
		// against it: "CeSID" is CeSID's poll, not Ipsos/CeSID's.
		if n > 0 {
			n = n*10 - missed
			hits = append(hits, scored{p, n})
			best = max(best, n)
		}
	}
	var out []*Poll
	for _, h := range hits {
		if h.n == best {
			out = append(out, h.p)
		}
	}
	return out
}

// pollKind tells exit polls and polls of a second round by their heading
// or lead-in: "Exit poll", "===Second round===".
func pollKind(s *Section, lead string) string {
	for _, t := range []string{lead, s.Title} {
		if strings.Contains(Fold(t), "exit poll") || Fold(t) == "exit polls" {
			return PollExit
		}
	}
	if roundOf(s.Title) >= 2 || roundOf(lead) >= 2 {
		return PollRunoff
	}
	return PollOpinion
}

// noteFigures reads "Others: 4%" and "Undecided: 11%" among a poll's notes.
func (p *Poll) noteFigures(notes []string) {
	for _, n := range notes {
		en, ok := pollItem(n, p.Section)
		if !ok {
			continue
		}
		switch strings.Join(FoldTokens(en.Name), " ") {
		case "undecided", "dont know", "neodlucni", "ne zna", "ne znam":
			p.Undecided = en.Share
		case "others", "other", "other parties", "other lists", "ostali":
			p.Others = en.Share
		}
	}
}
