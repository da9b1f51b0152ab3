package knowledge

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	yesVotesRe = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)\s+(?:votes\s+|voters\s+|ballots\s+|people\s+)?(?:were\s+|was\s+)?(?:cast\s+|voted\s+)?(?:in favou?r|for yes|voted yes|yes\b)`)
	noVotesRe  = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+)\s+(?:votes\s+|voters\s+|ballots\s+|people\s+)?(?:were\s+|was\s+)?(?:cast\s+|voted\s+)?(?:against|for no|voted no|no\b)`)
	// A share in brackets after the option: "211,225 voted in favour
	// (35.47% of the valid votes) and 384,210 against (64.53%)".
	yesBracketRe = regexp.MustCompile(`(?:in favou?r|voted yes|for yes)\s*\((\d+(?:[.,]\d+)?)\s*%`)
	noBracketRe  = regexp.MustCompile(`(?:against|voted no|for no)\s*\((\d+(?:[.,]\d+)?)\s*%`)
	yesShareRe   = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*%\s+(?:of\s+(?:\w+\s+){1,5})?(?:were\s+|was\s+|voted\s+)?(?:in favou?r|yes)\b|\byes\s+(?:vote|side|option)\s+(?:was|won|received|got|took)\s+(\d+(?:[.,]\d+)?)\s*%`)
	noShareRe    = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*%\s+(?:of\s+(?:\w+\s+){1,5})?(?:were\s+|was\s+|voted\s+)?(?:against|no)\b|\bno\s+(?:vote|side|option)\s+(?:was|won|received|got|took)\s+(\d+(?:[.,]\d+)?)\s*%`)
	requireRe    = regexp.MustCompile(`(?:valid only if|valid if|required|requires|require|needed|needs|quorum|threshold|must|provided that|(?:rejected|adopted|approved|passes|fails|binding|valid) (?:in a referendum )?(?:only )?if)\b`)
	// petitionRe marks a sentence about the signatures that called the
	// referendum, whose "10% of the registered voters" is no rule of the
	// vote.
	tookPartWord = regexp.MustCompile(`\b(?:turnout|take part|took part|takes part|participat\w*|turn out|turned out)\b`)
	petitionRe   = regexp.MustCompile(`\b(?:signatures?|signed|petition)\b`)
	// ruleRe tells a rule ("is rejected if ...") from a report of it
	// ("above the one-fifth required, so the law was rejected").
	ruleRe      = regexp.MustCompile(`\b(?:only if|if|must|unless|provided)\b`)
	noWordRe    = regexp.MustCompile(`\b(?:against|no votes|vote no|voted no|votes no)\b`)
	halfRe      = regexp.MustCompile(`\b(?:more than|at least|over)\s+(?:one\s+)?half\b`)
	pctAnyRe    = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent)`)
	questionRe  = regexp.MustCompile(`(?i)\b(?:voters were asked|asked voters|the question was|the ballot asked)\b`)
	electorRe   = regexp.MustCompile(`\b(?:registered|electorate|all voters|eligible voters|of all)\b`)
	yesWordRe   = regexp.MustCompile(`\b(?:yes|in favou?r|approve|approval|for the proposal)\b`)
	turnoutWord = regexp.MustCompile(`\b(?:turnout|take part|took part|participat|vote|voted|cast)`)
)

// referendum reads a referendum's question, options and requirement from
// its infobox and, for what that lacks, its prose.
func (x *extractor) referendum() {
	for _, pc := range x.contests {
		if pc.Kind != ContestReferendum {
			continue
		}
		ct := pc.Contest
		r := roundOfContest(ct, 1)
		src := SectionInfobox
		if pc.box != nil {
			src = pc.box.source()
			if f, ok := pc.box.get("question"); ok {
				ct.Question = &Fact{Key: f.Key, Text: f.Value, Section: src}
			} else if f, ok := pc.box.get("title"); ok && strings.HasSuffix(f.Value, "?") {
				ct.Question = &Fact{Key: f.Key, Text: f.Value, Section: src}
			}
			for _, opt := range []string{"Yes", "No"} {
				if f, ok := pc.box.get(Fold(opt)); ok {
					v, s := votesAndShare(f.Value, src)
					x.option(ct, opt, &Result{Votes: v, Share: s})
				}
			}
			if f, ok := pc.box.get("required", "requirement", "quorum", "threshold"); ok {
				ct.Requirement = requirementOf(f.Value, src)
			}
		}
		x.referendumProse(ct, r)
		x.optionShares(ct, r)
	}
}

// option adds or completes a referendum option's result.
func (x *extractor) option(ct *Contest, name string, res *Result) {
	if res.Votes == nil && res.Share == nil {
		return
	}
	c := ct.optionOf(name) // "For" in a results table is the infobox's Yes
	if c == nil {
		c = &Contestant{Name: name, Kind: KindOption}
		ct.Contestants = append(ct.Contestants, c)
	}
	dst := resultFor(roundOfContest(ct, 1), c, name)
	dst.Votes, dst.Share = prefer(dst.Votes, res.Votes), prefer(dst.Share, res.Share)
}

// referendumProse reads from the sentences what the infobox left out:
// the options' votes and shares, the requirement, the question.
func (x *extractor) referendumProse(ct *Contest, r *Round) {
	for _, s := range x.a.Sections {
		for _, b := range s.Blocks {
			if b.Kind != Paragraph {
				continue
			}
			for _, sent := range Sentences(b.Text) {
				f := Fold(sent)
				sec := SectionName(s)
				for _, o := range []struct {
					name         string
					votes, share *regexp.Regexp
					bracket      *regexp.Regexp
				}{{"Yes", yesVotesRe, yesShareRe, yesBracketRe}, {"No", noVotesRe, noShareRe, noBracketRe}} {
					res := &Result{}
					if m := o.votes.FindStringSubmatch(f); m != nil {
						res.Votes, _ = parseFigure(m[1], sec)
					}
					if m := o.bracket.FindStringSubmatch(f); m != nil {
						res.Share, _ = parseFigure(m[1], sec)
					} else if m := o.share.FindStringSubmatch(f); m != nil {
						res.Share, _ = parseFigure(m[1]+m[2], sec)
					}
					x.option(ct, o.name, res)
				}
				if requireRe.MatchString(f) && (electorRe.MatchString(f) || strings.Contains(f, "turnout")) && !petitionRe.MatchString(f) &&
					(ct.Requirement == nil || (!ruleRe.MatchString(Fold(ct.Requirement.Text)) && ruleRe.MatchString(f))) {
					ct.Requirement = requirementOf(sent, sec)
				}
				if ct.Question == nil && questionRe.MatchString(sent) {
					ct.Question = &Fact{Text: sent, Section: sec}
				}
			}
		}
	}
}

// requirementOf reads "more than half of all registered voters take
// part", "Required: 50% turnout", "at least 25% of the electorate voting
// Yes".
func requirementOf(text, section string) *Requirement {
	f := Fold(text)
	q := &Requirement{Text: text, Section: section}
	at := -1 // where the share stands: its clause says what it is of
	if loc := halfRe.FindStringIndex(f); loc != nil {
		q.Percent = &Figure{Value: 50, Text: "50", Section: section}
		at = loc[0]
	} else if m := pctAnyRe.FindStringSubmatchIndex(f); m != nil {
		q.Percent, _ = parseFigure(f[m[2]:m[3]], section)
		at = m[0]
	}
	if at >= 0 {
		// "a majority of those who voted are in favour, provided that
		// more than half of the registered voters took part": the half is
		// of the turnout.
		if clause := clauseAt(f, at); tookPartWord.MatchString(clause) && electorRe.MatchString(clause) && !yesWordRe.MatchString(clause) && !noWordRe.MatchString(clause) {
			q.Of = RequireTurnout
		}
	}
	if q.Percent == nil {
		for w, pct := range fractions {
			if strings.Contains(f, w) {
				q.Percent = &Figure{Value: pct, Text: strconv.FormatFloat(pct, 'f', -1, 64), Section: section}
			}
		}
	}
	switch {
	case q.Of != "":
	case noWordRe.MatchString(f) && electorRe.MatchString(f):
		q.Of = RequireNoOfElectorate
	case yesWordRe.MatchString(f) && electorRe.MatchString(f):
		q.Of = RequireYesOfElectorate
	case yesWordRe.MatchString(f):
		q.Of = RequireYesOfVotes
	case turnoutWord.MatchString(f) || electorRe.MatchString(f):
		q.Of = RequireTurnout
	}
	return q
}

// clauseAt returns the clause of a folded sentence around at: from the
// comma, semicolon or "and" before it to the one after it.
func clauseAt(f string, at int) string {
	start := max(strings.LastIndexAny(f[:at], ",;"), strings.LastIndex(f[:at], " and "))
	rest := f[at:]
	if i := strings.IndexAny(rest, ",;"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, " and "); i >= 0 {
		rest = rest[:i]
	}
	return f[max(start, 0):at] + rest
}

// fractions are the shares a rule may give in words.
var fractions = map[string]float64{"one fifth": 20, "one-fifth": 20, "a fifth": 20, "one quarter": 25, "a quarter": 25,
	"one third": 100.0 / 3, "a third": 100.0 / 3, "two thirds": 200.0 / 3, "two-thirds": 200.0 / 3}

// optionShares derives the options' shares of the valid votes from their
// votes where the article gives votes only, and says so in the source.
func (x *extractor) optionShares(ct *Contest, r *Round) {
	total := 0.0
	if len(r.Results) < 2 {
		return // one option's votes are no share of anything
	}
	for _, res := range r.Results {
		if res.Votes == nil {
			return
		}
		total += res.Votes.Value
	}
	if total == 0 {
		return
	}
	for _, res := range r.Results {
		if res.Share == nil {
			v := res.Votes.Value * 100 / total
			text := strconv.FormatFloat(v, 'f', 2, 64)
			res.Share = &Figure{Value: v, Text: text, Section: res.Votes.Section + computedSuffix}
		}
	}
	if r.Valid == nil {
		r.Valid = &Figure{Value: total, Text: FormatInt(int(total)), Section: r.Results[0].Votes.Section + computedSuffix}
	}
}
