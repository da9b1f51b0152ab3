package answer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// pollAnswer answers from the polls: one party's figures (k non-nil) or
// whole polls, narrowed to the pollsters and months the question names.
func pollAnswer(q *question, k *knowledge.Contestant) reply.Response {
	e := q.e
	if len(e.Polls) == 0 {
		return reply.NotInArticle(e, "it has no opinion polls.")
	}
	ps := e.Polls
	if len(q.polls) > 0 {
		ps = q.polls
	}
	if len(q.in.months) > 0 {
		if f := knowledge.PollsWhen(ps, q.text); len(f) > 0 {
			ps = f
		} else {
			return reply.NotInArticle(e, "none of its polls is from that time.")
		}
	}
	// Articles list polls in time order: "the last poll" is the last one.
	switch {
	case phraseIn(q.toks, []string{"last"}, false) || phraseIn(q.toks, []string{"latest"}, false) ||
		phraseIn(q.toks, []string{"most", "recent"}, false) || phraseIn(q.toks, []string{"final"}, false) ||
		phraseIn(q.toks, []string{"poslednj"}, false):
		ps = ps[len(ps)-1:]
	case phraseIn(q.toks, []string{"first"}, false) || phraseIn(q.toks, []string{"earliest"}, false) ||
		phraseIn(q.toks, []string{"prv"}, false):
		ps = ps[:1]
	}
	if k == nil {
		if asksLead(q.toks) {
			return pollLeaders(e, ps)
		}
		var lines []string
		if q.in.howMany && len(ps) == len(e.Polls) {
			lines = append(lines, fmt.Sprintf("The article gives %d opinion polls:", len(ps)))
		}
		for _, p := range ps[:min(len(ps), 3)] {
			lines = append(lines, p.Label()+": "+strings.ReplaceAll(reply.PollLine(p), "\n", "; "))
		}
		return reply.Answer(e, strings.Join(lines, "\n"), e.PollsSection)
	}
	type figure struct {
		p  *knowledge.Poll
		en *knowledge.PollEntry
	}
	var figs []figure
	for _, p := range ps {
		if en := p.Entry(k); en != nil {
			figs = append(figs, figure{p, en})
		}
	}
	if len(figs) == 0 {
		return reply.NotInArticle(e, fmt.Sprintf("no poll there gives a figure for %s.", k.DisplayName()))
	}
	// "Which poll gave SNS the highest figure?"
	if dir := superlative(q.toks); dir != 0 && len(figs) > 1 {
		best := figs[0]
		for _, f := range figs[1:] {
			if float64(dir)*(f.en.Share.Value-best.en.Share.Value) > 0 {
				best = f
			}
		}
		figs = []figure{best}
	}
	var parts []string
	name := figs[0].en.Name
	for _, f := range figs {
		s := fmt.Sprintf("%s in the %s poll", reply.Pct(f.en.Share), f.p.Label())
		if asksLead(q.toks) {
			switch d, other, ahead := f.p.Margin(f.en); {
			case other != nil && ahead:
				s += fmt.Sprintf(" (%s points ahead of %s)", points(d), other.Name)
			case other != nil:
				s += fmt.Sprintf(" (%s points behind %s)", points(d), other.Name)
			}
		}
		parts = append(parts, s)
	}
	// Polls name parties their own way ("NDS"); say which list that is.
	if knowledge.Fold(name) != knowledge.Fold(k.Name) {
		if k.Ballot > 0 {
			name += fmt.Sprintf(" (list %d)", k.Ballot)
		} else {
			name += " (" + k.Name + ")"
		}
	}
	return reply.Answer(e, fmt.Sprintf("%s polled %s.", name, strings.Join(parts, "; ")), e.PollsSection)
}

// asksLead reports a question about who leads a poll, or by how much.
func asksLead(toks []string) bool {
	for _, w := range []string{"lead", "leading", "led", "ahead", "leader", "margin", "vodi", "vodio", "prednost"} {
		if phraseIn(toks, []string{w}, false) {
			return true
		}
	}
	return false
}

// superlative reads "highest"/"best" (1) or "lowest"/"worst" (-1) from a
// question, 0 when it has neither.
func superlative(toks []string) int {
	for _, t := range toks {
		switch t {
		case "highest", "most", "best", "largest", "biggest", "top", "peak", "maximum", "najvise", "najveci", "najbolji":
			return 1
		case "lowest", "least", "worst", "smallest", "minimum", "najmanje", "najmanji", "najgori":
			return -1
		}
	}
	return 0
}

func points(d float64) string {
	return strconv.FormatFloat(math.Round(d*10)/10, 'f', -1, 64)
}

// pollLeaders says who led each poll and by how much.
func pollLeaders(e *knowledge.Election, ps []*knowledge.Poll) reply.Response {
	var lines []string
	for _, p := range ps[:min(len(ps), 4)] {
		top := p.Leader()
		if top == nil {
			continue
		}
		s := fmt.Sprintf("%s: %s led with %s", p.Label(), top.Name, reply.Pct(top.Share))
		if d, other, _ := p.Margin(top); other != nil {
			s += fmt.Sprintf(", %s points ahead of %s", points(d), other.Name)
		}
		lines = append(lines, s+".")
	}
	if len(lines) == 0 {
		return reply.NotInArticle(e, "its polls give no figures.")
	}
	return reply.Answer(e, strings.Join(lines, "\n"), e.PollsSection)
}
