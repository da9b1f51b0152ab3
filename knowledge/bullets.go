package knowledge

import (
	"regexp"
	"strings"
	"unicode"
)

// A resultItem is one bullet of results: "Ana Petrovska (SDSM) – 11,904
// votes (41.85%)", "SNS: 63 seats".
type resultItem struct {
	name, party         string
	votes, share, seats *Figure
	line                int
}

var (
	itemNumberRe = regexp.MustCompile(`[-+−]?\d{1,3}(?:[,\x{a0} ]\d{3})+(?:\.\d+)?|[-+−]?\d+(?:[.,]\d+)?`)
	itemParenRe  = regexp.MustCompile(`\(([^()]*)\)`)
)

// resultItems reads the bullets of a list that give results; items that
// do not (prose, a bare name) are left out.
func resultItems(b Block, section string) []resultItem {
	var out []resultItem
	for _, it := range b.Items {
		if r, ok := resultItemOf(it.Text, section); ok {
			r.line = it.Line
			out = append(out, r)
		}
	}
	return out
}

func resultItemOf(text, section string) (resultItem, bool) {
	loc := itemNumberRe.FindStringIndex(text)
	if loc == nil || loc[0] == 0 {
		return resultItem{}, false
	}
	head := text[:loc[0]]
	var r resultItem
	if m := itemParenRe.FindStringSubmatch(head); m != nil {
		r.party = strings.TrimSpace(m[1])
		head = strings.Replace(head, m[0], " ", 1)
	}
	r.name = strings.TrimSpace(strings.Trim(strings.TrimSpace(head), ":–—-,=;"))
	if r.name == "" || len(strings.Fields(r.name)) > 8 || !unicode.IsUpper([]rune(r.name)[0]) || notParty(r.name) {
		return resultItem{}, false
	}
	rest := text[loc[0]:]
	for _, m := range itemNumberRe.FindAllStringIndex(rest, -1) {
		f, ok := parseFigure(rest[m[0]:m[1]], section)
		if !ok {
			continue
		}
		after := strings.ToLower(strings.TrimSpace(rest[m[1]:]))
		switch {
		case strings.HasPrefix(after, "%"):
			if r.share == nil {
				r.share = f
			}
		case strings.HasPrefix(after, "seat") || strings.HasPrefix(after, "mandat"):
			if r.seats == nil {
				r.seats = f
			}
		case r.votes == nil && (strings.HasPrefix(after, "vote") || f.Value >= 100 || strings.Contains(f.Text, ",")):
			r.votes = f
		}
	}
	if r.votes == nil && r.share == nil && r.seats == nil {
		return resultItem{}, false
	}
	return r, true
}

// resultsBullets reads a bullet list of results into a round of the
// contest: the round the paragraph before it names ("Second round:"), else
// the heading's, else the first.
func (x *extractor) resultsBullets(ct *plannedContest, cb contestBlock, done map[int]bool) {
	items := resultItems(*cb.b, SectionName(cb.s))
	if len(items) == 0 {
		return
	}
	round := cb.round
	if lead := leadBefore(cb.s, cb.b); lead != "" && roundOf(lead) > 0 {
		round = roundOf(lead)
	}
	round = max(round, 1)
	if done[round] {
		return
	}
	done[round] = true
	r := x.resolverFor(ct.Contestants)
	rnd := roundOfContest(ct.Contest, round)
	for _, it := range items {
		var c *Contestant
		if ct.Elects() {
			c = x.candidate(ct.Contest, r, it.name)
			c.addParty(it.party)
		} else if c = r.link(it.name); c == nil {
			if len(ct.Contestants) > 0 {
				continue // an assembly's lists come from its tables and infobox
			}
			c = &Contestant{Name: it.name}
			ct.Contestants = append(ct.Contestants, c)
		}
		merge(resultFor(rnd, c, it.name), &Result{Votes: it.votes, Share: it.share, Seats: it.seats})
	}
	if ct.Contest == x.main() {
		x.e.Contestants = ct.Contestants
	}
}

// leadBefore returns the paragraph just before block b in s, "" if the
// block before it is no paragraph.
func leadBefore(s *Section, b *Block) string {
	for i := range s.Blocks {
		if &s.Blocks[i] == b {
			if i > 0 && s.Blocks[i-1].Kind == Paragraph {
				return s.Blocks[i-1].Text
			}
			return ""
		}
	}
	return ""
}
