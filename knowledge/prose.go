package knowledge

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	thresholdRes = []*regexp.Regexp{
		// "the threshold was lowered from 5% to 3%": the figure it went to.
		regexp.MustCompile(`threshold\s+(?:\w+\s+){0,3}from\s+\d+(?:[.,]\d+)?\s*(?:%|per ?cent|percent)?\s+to\s+(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent|percent)`),
		regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent|percent)\s+(?:\w+\s+){0,2}threshold`),
		regexp.MustCompile(`threshold\s+(?:\w+\s+){0,3}(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent|percent)`),
		// "Lists needed 5% of the votes cast to win seats."
		regexp.MustCompile(`(?:need|needed|needs|required|requires|must win|had to win|have to win)\s+(?:at least\s+)?(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent|percent)\s+of\s+the\s+(?:\w+\s+)?votes?(?:\s+cast)?\s+to\s+(?:win|get|enter|gain)`),
	}
	listCountRe = regexp.MustCompile(`\b(\d+|[a-z]+(?:-[a-z]+)?(?: [a-z]+)??) (?:electoral |political |candidate )?(?:parties|lists|coalitions|groups)(?:,? (?:and|or) (?:\w+ ){0,2}(?:coalitions|groups|lists))? (?:ran|run|contested|competed|took part|participated|stood|were registered|were proclaimed)`)
	heldOnRe    = regexp.MustCompile(`(?i)\bheld on (\d{1,2} [A-Z][a-z]+ \d{4})`)
	turnoutRe   = regexp.MustCompile(`turnout (?:was|of|reached|stood at) (\d+(?:[.,]\d+)?)\s*%`)
	// tookPartRe reads a turnout said as who took part: "Of the 1,706,500
	// registered voters, 35.42% took part".
	tookPartRe = regexp.MustCompile(`(?:^|[^\d.,])(\d+(?:[.,]\d+)?)\s*%\s+(?:of\s+(?:them|those\s+registered|the\s+(?:registered\s+|eligible\s+)?(?:voters|electorate))\s+)?(?:took part|turned out|went to the polls|participated|cast (?:a|their) (?:ballot|vote)s?)\b`)
)

// SectionLead names the prose before the first heading as a source.
const SectionLead = "Introduction"

// SectionName returns how answers name a section: its title, or
// "Introduction" for the lead.
func SectionName(s *Section) string {
	if s == nil {
		return ""
	}
	if s.Title == "" {
		return SectionLead
	}
	return s.Title
}

// prose fills what the infobox lacks from sentences that state it.
func (x *extractor) prose() {
	e := x.e
	for _, s := range x.a.Sections {
		for _, b := range s.Blocks {
			if b.Kind != Paragraph {
				continue
			}
			folded := Fold(b.Text)
			// Each expression below needs the words it is gated on; most
			// paragraphs have none of them and are not searched.
			if e.Threshold == nil && containsAny(folded, "%", "cent") {
				for _, re := range thresholdRes {
					if m := re.FindStringSubmatch(folded); m != nil {
						if f, ok := parseFigure(m[1], SectionName(s)); ok && f.Value > 0 && f.Value < 50 {
							e.Threshold = f
							break
						}
					}
				}
			}
			if e.ListCount == nil && containsAny(folded, "parties", "lists", "coalitions", "groups") {
				if m := listCountRe.FindStringSubmatch(folded); m != nil {
					if n := countWord(m[1]); n > 0 {
						e.ListCount = &Figure{Value: float64(n), Text: strconv.Itoa(n), Section: SectionName(s)}
					}
				}
			}
			if e.Date == nil {
				if m := heldOnRe.FindStringSubmatch(b.Text); m != nil {
					e.Date = &Fact{Text: m[1], Section: SectionName(s)}
				}
			}
			if e.Turnout == nil && strings.Contains(folded, "turnout") {
				if m := turnoutRe.FindStringSubmatch(folded); m != nil {
					e.Turnout, _ = parseFigure(m[1], SectionName(s))
				}
			}
			if e.Turnout == nil && strings.Contains(folded, "%") {
				for _, sent := range Sentences(folded) {
					// "Turnout was highest in Ljubljana": a place's, not the
					// election's.
					if m := tookPartRe.FindStringSubmatch(sent); m != nil && !strings.Contains(sent, "highest") && !strings.Contains(sent, "lowest") {
						e.Turnout, _ = parseFigure(m[1], SectionName(s))
						break
					}
				}
			}
		}
	}
}

// countWord reads "23", "twenty-three" or "twenty three".
func countWord(s string) int {
	if f, ok := parseFigure(s, ""); ok && f.Value > 0 && f.Value < 1000 {
		return f.Int()
	}
	toks := strings.Fields(s)
	// The regexp may have taken a word before the number ("the twenty").
	for i := range toks {
		if n, used := wordNumber(toks[i:]); n > 0 && i+used == len(toks) {
			return n
		}
	}
	return 0
}
