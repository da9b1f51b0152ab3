package answer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// Answers about the elections themselves across years: a figure in each
// (turnout, registered voters ...), the election where it was highest or
// lowest, the winners, the mayors, the dates, and two elections side by
// side.

// An electionFigure is a figure with one value per election.
type electionFigure struct {
	get func(*knowledge.Election) *knowledge.Figure
	// noun names it at the start of a sentence ("Turnout") and in one
	// ("turnout").
	noun   string
	render func(*knowledge.Figure) string
	// percent figures change by points, counts by numbers.
	percent bool
}

// electionFigures are the figures with one value per election.
var electionFigures = map[attr]electionFigure{
	attrTurnout:    {func(e *knowledge.Election) *knowledge.Figure { return e.Turnout }, "turnout", reply.Pct, true},
	attrRegistered: {func(e *knowledge.Election) *knowledge.Figure { return e.Registered }, "number of registered voters", reply.Num, false},
	attrVotesCast:  {func(e *knowledge.Election) *knowledge.Figure { return e.Votes }, "number of votes cast", reply.Num, false},
	attrValid:      {func(e *knowledge.Election) *knowledge.Figure { return e.Valid }, "number of valid votes", reply.Num, false},
	attrInvalid:    {func(e *knowledge.Election) *knowledge.Figure { return e.Invalid }, "number of invalid votes", reply.Num, false},
	attrThreshold:  {func(e *knowledge.Election) *knowledge.Figure { return e.Threshold }, "electoral threshold", reply.Pct, true},
	attrListCount:  {func(e *knowledge.Election) *knowledge.Figure { return e.ListCount }, "number of lists", reply.Num, false},
	attrTotalSeats: {func(e *knowledge.Election) *knowledge.Figure { return e.Seats }, "number of seats", reply.Num, false},
	attrMajority:   {majorityFigure, "majority", func(f *knowledge.Figure) string { return reply.Seats(f.Int()) }, false},
}

// majorityFigure is the seats a majority needs, stated or derived.
func majorityFigure(e *knowledge.Election) *knowledge.Figure {
	if e.Majority != nil {
		return e.Majority
	}
	if n := e.MajorityNeeded(); n > 0 {
		return &knowledge.Figure{Value: float64(n), Text: fmt.Sprint(n), Section: e.Seats.Section}
	}
	return nil
}

// electionAttr is the figure of the elections a question asks for: its
// election intent, or the assembly's size for "how many seats were there"
// when it names no party.
func (x *acrossQ) electionAttr(q *question) attr {
	if q.el == attrNone && q.ent == attrSeats && len(x.lines) == 0 {
		return attrTotalSeats
	}
	return q.el
}

// figureOf is the figure a question asks of the elections, if it is one
// with a value per election.
func (x *acrossQ) figureOf(q *question) (electionFigure, bool) {
	f, ok := electionFigures[x.electionAttr(q)]
	return f, ok
}

// electionValues answers a figure in each election of the scope, with
// the change between two.
func (x *acrossQ) electionValues(q *question) reply.Response {
	f, _ := x.figureOf(q)
	var pieces, absent, sections []string
	var known []*knowledge.Election
	for _, e := range x.scope {
		v := f.get(e)
		if v == nil {
			absent = append(absent, reply.YearOf(e))
			continue
		}
		known = append(known, e)
		pieces = append(pieces, fmt.Sprintf("%s in %s", f.render(v), reply.YearOf(e)))
		sections = append(sections, v.Section)
	}
	if len(pieces) == 0 {
		return reply.Refusal(nil, fmt.Sprintf("I couldn't find that in the articles: none of them (%s) gives the %s.", reply.Years(x.scope), f.noun))
	}
	text := fmt.Sprintf("%s: %s.", upperFirst(f.noun), reply.Join(pieces))
	if len(x.scope) == 2 && len(known) == 2 {
		text += " " + figureChange(f, known[0], known[1])
	}
	if x.average && len(known) > 1 {
		text += " " + figureAverage(f, known)
	}
	text += notGiven(absent)
	return reply.Response{Text: text, Source: reply.HistorySource(x.h, x.scope, sections...), Outcome: reply.Answered}
}

// notGiven says which elections' articles lack a figure: " The 2018
// article does not give it."
func notGiven(years []string) string {
	switch len(years) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(" The %s article does not give it.", years[0])
	}
	return fmt.Sprintf(" The %s articles do not give it.", reply.Join(years))
}

// figureAverage is the mean of a figure across elections: "On average,
// 53.41% (derived)."
func figureAverage(f electionFigure, es []*knowledge.Election) string {
	sum := 0.0
	for _, e := range es {
		sum += f.get(e).Value
	}
	mean := sum / float64(len(es))
	v := knowledge.FormatInt(int(mean + 0.5))
	if f.percent {
		v = strconv.FormatFloat(math.Round(mean*100)/100, 'f', -1, 64) + "%"
	}
	return fmt.Sprintf("On average, %s (derived from the %d elections).", v, len(es))
}

// figureChange says how a figure changed from one election to another:
// "From 2012 to 2016 it rose by 2.27 points."
func figureChange(f electionFigure, a, b *knowledge.Election) string {
	va, vb := f.get(a), f.get(b)
	d := vb.Value - va.Value
	if d == 0 {
		return fmt.Sprintf("It was the same in %s and %s.", reply.YearOf(a), reply.YearOf(b))
	}
	verb := "rose"
	if d < 0 {
		verb = "fell"
	}
	amount := knowledge.FormatInt(abs(int(d)))
	if f.percent {
		amount = strings.TrimPrefix(strings.TrimPrefix(reply.Points(d), "+"), "−") + " points"
	}
	return fmt.Sprintf("From %s to %s it %s by %s.", reply.YearOf(a), reply.YearOf(b), verb, amount)
}

// electionExtreme answers in which election a figure was highest or
// lowest.
func (x *acrossQ) electionExtreme(q *question) reply.Response {
	f, _ := x.figureOf(q)
	var best *knowledge.Election
	for _, e := range x.scope {
		if v := f.get(e); v != nil && (best == nil || float64(x.sup)*(v.Value-f.get(best).Value) > 0) {
			best = e
		}
	}
	if best == nil {
		return reply.Refusal(nil, fmt.Sprintf("I couldn't find that in the articles: none of them (%s) gives the %s.", reply.Years(x.scope), f.noun))
	}
	var ties, others, absent []string
	for _, e := range x.scope {
		switch v := f.get(e); {
		case v == nil:
			absent = append(absent, reply.YearOf(e))
		case v.Value == f.get(best).Value:
			ties = append(ties, reply.YearOf(e))
		default:
			others = append(others, fmt.Sprintf("%s: %s", reply.YearOf(e), f.render(v)))
		}
	}
	word := "highest"
	if x.sup < 0 {
		word = "lowest"
	}
	text := fmt.Sprintf("The %s election had the %s %s: %s", reply.Join(ties), word, f.noun, f.render(f.get(best)))
	if len(ties) > 1 {
		text = fmt.Sprintf("The %s elections had the same %s %s: %s", reply.Join(ties), word, f.noun, f.render(f.get(best)))
	}
	if len(others) > 0 {
		text += " (" + strings.Join(others, ", ") + ")"
	}
	text += "." + notGiven(absent)
	return reply.Response{Text: text, Source: reply.HistorySource(x.h, x.scope, f.get(best).Section), Outcome: reply.Answered}
}

// winners answers who won each election of the scope.
func (x *acrossQ) winners(*question) reply.Response {
	var pieces, sections []string
	for _, e := range x.scope {
		w := e.Winner()
		if w == nil {
			pieces = append(pieces, fmt.Sprintf("%s: no results in the article", reply.YearOf(e)))
			continue
		}
		s := fmt.Sprintf("%s: %s, %s", reply.YearOf(e), w.Name, stepFigure(e, w, attrSeats))
		if e.MajorityHolder() == w {
			s += ", a majority"
		}
		pieces = append(pieces, s)
		sections = append(sections, figureSection(w))
	}
	return reply.Response{Text: "The most seats: " + strings.Join(pieces, "; ") + ".", Source: reply.HistorySource(x.h, x.scope, sections...), Outcome: reply.Answered}
}

// mayors answers who held the office after each election.
func (x *acrossQ) mayors(*question) reply.Response {
	var pieces []string
	office := "mayor"
	for _, e := range x.scope {
		if e.Office != "" {
			office = reply.LowerFirst(e.Office)
		}
		if e.After == nil {
			pieces = append(pieces, fmt.Sprintf("after %s: not given", reply.YearOf(e)))
			continue
		}
		s := fmt.Sprintf("after %s: %s", reply.YearOf(e), e.After.Name)
		if e.After.Party != "" {
			s += " (" + e.After.Party + ")"
		}
		pieces = append(pieces, s)
	}
	return reply.Response{Text: fmt.Sprintf("The %s %s.", office, strings.Join(pieces, "; ")), Source: reply.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered}
}

// dates answers when each election of the scope was held.
func (x *acrossQ) dates(*question) reply.Response {
	var pieces []string
	for _, e := range x.scope {
		if e.Date == nil {
			pieces = append(pieces, fmt.Sprintf("%s: the article gives no date", reply.YearOf(e)))
			continue
		}
		pieces = append(pieces, e.Date.Text)
	}
	return reply.Response{Text: fmt.Sprintf("The elections were held on %s.", reply.Join(pieces)), Source: reply.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered}
}

// overview sets the elections side by side: for two, the turnout and
// each party's seats in both; for more, each one's winner and turnout.
func (x *acrossQ) overview(*question) reply.Response {
	if len(x.scope) != 2 {
		var pieces []string
		for _, e := range x.scope {
			s := reply.YearOf(e) + ": "
			if w := e.Winner(); w != nil {
				s += fmt.Sprintf("%s won %s", w.Name, stepFigure(e, w, attrSeats))
			} else {
				s += "no results in the article"
			}
			if e.Turnout != nil {
				s += ", turnout " + reply.Pct(e.Turnout)
			}
			pieces = append(pieces, s)
		}
		return reply.Response{Text: strings.Join(pieces, "; ") + ".", Source: reply.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered}
	}
	a, b := x.scope[0], x.scope[1]
	var parts []string
	if a.Turnout != nil && b.Turnout != nil {
		parts = append(parts, fmt.Sprintf("turnout %s → %s (%s points)", reply.Pct(a.Turnout), reply.Pct(b.Turnout), reply.Points(b.Turnout.Value-a.Turnout.Value)))
	}
	for _, l := range x.h.Parties {
		ka, kb := l.In(a), l.In(b)
		if ka == nil || kb == nil || ka.Seats == nil || kb.Seats == nil || (ka.Seats.Int() == 0 && kb.Seats.Int() == 0) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d → %s", l.Name(), ka.Seats.Int(), reply.Seats(kb.Seats.Int())))
	}
	text := fmt.Sprintf("%s and %s side by side: %s. /compare %s %s shows more.", reply.YearOf(a), reply.YearOf(b), strings.Join(parts, "; "), reply.YearOf(a), reply.YearOf(b))
	return reply.Response{Text: text, Source: reply.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered}
}

// eachOnItsOwn answers a question that names several elections but asks
// nothing to weigh across them ("who came second in 2018 and 2022?"):
// each election answers it alone, as if the question named only it.
func (x *acrossQ) eachOnItsOwn(q *question) reply.Response {
	var parts, sections []string
	outcome := reply.Refused
	for _, e := range x.named {
		q1, r, ok := x.alone(onlyYear(q.text, e, x.named))
		switch {
		case q1.e != e || !ok || r.Text == "":
			parts = append(parts, fmt.Sprintf("%s: I couldn't find that in the %s article.", reply.YearOf(e), e.Title))
		default:
			parts = append(parts, fmt.Sprintf("%s: %s", reply.YearOf(e), r.Text))
			sections = append(sections, r.Source.Section)
			if r.Outcome == reply.Answered {
				outcome = reply.Answered
			}
		}
	}
	return reply.Response{Text: strings.Join(parts, "\n"), Source: reply.HistorySource(x.h, x.named, sections...), Outcome: outcome}
}

// onlyYear is a question with the years of the other elections it names
// taken out, so that it names e alone.
func onlyYear(text string, e *knowledge.Election, named []*knowledge.Election) string {
	var keep []string
	for _, w := range strings.Fields(text) {
		if y, ok := knowledge.Year(w); ok && y != e.Year {
			other := false
			for _, n := range named {
				other = other || n.Year == y
			}
			if other {
				continue
			}
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// biggestChange answers which party gained (or lost) the most seats
// between the first and the last election of the scope.
func (x *acrossQ) biggestChange(q *question) reply.Response {
	a, b := x.scope[0], x.scope[len(x.scope)-1]
	if len(x.named) == 2 {
		a, b = x.named[0], x.named[1]
		if x.h.Index(a) > x.h.Index(b) {
			a, b = b, a
		}
	}
	sign := 1
	if asksLoss(q.toks) || hasPrefix(strings.Join(q.toks, " "), "fell", "drop") || phraseIn(q.toks, []string{"lost"}, false) {
		sign = -1
	}
	var best *knowledge.Lineage
	bestD := 0
	for _, l := range x.h.Parties {
		ka, kb := l.In(a), l.In(b)
		if ka == nil || kb == nil || ka.Seats == nil || kb.Seats == nil {
			continue
		}
		if d := sign * (kb.Seats.Int() - ka.Seats.Int()); d > bestD {
			best, bestD = l, d
		}
	}
	if best == nil {
		verb := "gained"
		if sign < 0 {
			verb = "lost"
		}
		return reply.Refusal(nil, fmt.Sprintf("I couldn't find that in the articles: no party that stood in both %s and %s %s seats.", reply.YearOf(a), reply.YearOf(b), verb))
	}
	ka, kb := best.In(a), best.In(b)
	verb := "gained the most seats"
	if sign < 0 {
		verb = "lost the most seats"
	}
	text := fmt.Sprintf("From %s to %s, %s %s: %s.", reply.YearOf(a), reply.YearOf(b), best.Name(), verb, reply.ChangeLine(ka, kb))
	return reply.Response{Text: text, Source: reply.HistorySource(x.h, []*knowledge.Election{a, b}, figureSection(ka), figureSection(kb)), Outcome: reply.Answered}
}
