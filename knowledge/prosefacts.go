package knowledge

import (
	"regexp"
	"strings"
)

var (
	registeredRes = []*regexp.Regexp{
		regexp.MustCompile(`(\d{1,3}(?:,\d{3})+)\s+(?:registered|eligible)\s+voters`),
		regexp.MustCompile(`(?:registered|eligible)\s+voters\s+(?:was|were|numbered|stood at|totalled|totaled|of)\s+(\d{1,3}(?:,\d{3})+)`),
		regexp.MustCompile(`electorate\s+of\s+(\d{1,3}(?:,\d{3})+)`),
	}
	invalidRes = []*regexp.Regexp{
		regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)\s+(?:ballots|votes)\s+(?:were\s+)?(?:declared\s+)?(?:invalid|spoiled|void)`),
		regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)\s+(?:invalid|spoiled|void)\s+(?:ballots|votes)`),
	}
	roundTurnoutRe = regexp.MustCompile(`turnout[^.%]{0,60}?\b(?:was|of|reached|stood at|at|fell to|rose to)\s+(\d+(?:[.,]\d+)?)\s*%`)
	dayMonthRe     = regexp.MustCompile(`\b\d{1,2}\s+` + monthPattern + `(?:\s+\d{4})?`)
	// listThresholdRe reads a threshold stated as what lists needed:
	// "the lists that received more than 5% of the votes cast".
	listThresholdRe = regexp.MustCompile(`(?:lists|parties|coalitions)\s+(?:(?:that|which|who)\s+(?:received|receive|won|win|got|get|passed|pass|crossed|cross|obtained|obtain|reached|reach)\s+(?:more than|at least|over)|(?:needed|need|must win|must receive|required)\s+(?:more than|at least|over)?)\s*(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent)`)
	proclaimedRe    = regexp.MustCompile(`proclaimed\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+(?:electoral\s+)?(?:lists|parties|coalitions)`)
)

// proseFacts reads, sentence by sentence, the figures the infobox and the
// tables may lack, into the contest whose section states them (the main
// contest for sections about none): registered voters, invalid ballots,
// a round's turnout and date. A figure a table or infobox already gives
// keeps it; a prose figure that disagrees is kept beside it.
func (x *extractor) proseFacts() {
	for _, s := range x.a.Sections {
		if isPollSection(s) {
			continue
		}
		ct := x.proseContest(s)
		if ct == nil {
			continue
		}
		for _, b := range s.Blocks {
			if b.Kind != Paragraph {
				continue
			}
			for _, sent := range Sentences(b.Text) {
				x.proseSentence(ct, sent, SectionName(s))
			}
		}
	}
}

// proseContest is the contest a section's prose is about.
func (x *extractor) proseContest(s *Section) *Contest {
	if k := x.sectionKind(s); k != "" {
		if c := x.e.ContestOf(k); c != nil {
			return c
		}
	}
	return x.main()
}

func (x *extractor) proseSentence(ct *Contest, sent, section string) {
	f := Fold(sent)
	words := paddedWords(sent) // for roundIn and kindIn, made once
	round := roundIn(words)
	kind := kindIn(words)
	// "A second round of the mayoral election was held on ..." in the
	// lead is about the mayor, whatever the section.
	if k := kind; k != "" && k != ct.Kind {
		if c := x.e.ContestOf(k); c != nil {
			ct = c
		}
	}
	if round >= 2 && !ct.Elects() {
		for _, c := range x.e.Contests {
			if c.Elects() {
				ct = c
				break
			}
		}
		if !ct.Elects() {
			return // an assembly has no second round
		}
	}
	figure := func(res []*regexp.Regexp) *Figure {
		for _, re := range res {
			if m := re.FindStringSubmatch(f); m != nil {
				if fig, ok := parseFigure(m[1], section); ok {
					return fig
				}
			}
		}
		return nil
	}
	r := roundOfContest(ct, max(round, 1))
	// Each pattern needs its word: most sentences have none of them, and
	// looking for the word first spares the patterns' backtracking.
	if containsAny(f, "voters", "electorate") {
		if fig := figure(registeredRes); fig != nil {
			r.Registered = prefer(r.Registered, fig)
		}
	}
	if containsAny(f, "invalid", "spoiled", "void") {
		if fig := figure(invalidRes); fig != nil {
			r.Invalid = prefer(r.Invalid, fig)
		}
	}
	// A turnout is a round's when the sentence names the round, or a
	// contest's when it names the contest ("turnout in the council
	// election").
	if (round > 0 || (kind != "" && len(x.e.Contests) > 1)) && strings.Contains(f, "turnout") && !strings.Contains(f, "highest") && !strings.Contains(f, "lowest") {
		if m := roundTurnoutRe.FindStringSubmatch(f); m != nil {
			if fig, ok := parseFigure(m[1], section); ok && fig.Value <= 100 {
				r.Turnout = prefer(r.Turnout, fig)
			}
		}
	}
	if round >= 2 && r.Date == nil && (strings.Contains(f, "held") || strings.Contains(f, " on ")) {
		if loc := roundLabelRe.FindStringIndex(sent); loc != nil {
			if d := dayMonthRe.FindString(sent[loc[1]:]); d != "" {
				r.Date = &Fact{Text: dateWithoutStop(d), Section: section}
			}
		}
	}
}

// dateWithoutStop drops a sentence's full stop that the date pattern took
// for an abbreviation's: "28 March." is 28 March, "3 Mar." stays.
func dateWithoutStop(d string) string {
	if !strings.HasSuffix(d, ".") {
		return d
	}
	f := strings.Fields(strings.TrimSuffix(d, "."))
	if last := f[len(f)-1]; len(last) > 3 && !strings.EqualFold(last, "sept") {
		return strings.TrimSuffix(d, ".")
	}
	return d
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// proseCounts reads what prose states about the assembly that a table
// would otherwise count: the threshold as what lists needed, and the
// number of lists proclaimed, which wins over a count of table rows.
func (x *extractor) proseCounts() {
	e := x.e
	for _, s := range x.a.Sections {
		for _, b := range s.Blocks {
			if b.Kind != Paragraph {
				continue
			}
			f := Fold(b.Text)
			if e.Threshold == nil {
				if m := listThresholdRe.FindStringSubmatch(f); m != nil {
					if fig, ok := parseFigure(m[1], SectionName(s)); ok && fig.Value > 0 && fig.Value < 50 {
						e.Threshold = fig
					}
				}
			}
			if m := proclaimedRe.FindStringSubmatch(f); m != nil && e.ListsProclaimed == nil {
				if n := countWord(m[1]); n > 0 {
					e.ListsProclaimed = &Figure{Value: float64(n), Text: FormatInt(n), Section: SectionName(s)}
					if e.ListCount == nil {
						e.ListCount = e.ListsProclaimed
					}
				}
			}
		}
	}
}
