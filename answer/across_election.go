package answer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
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
	noun   lang.Key
	render func(*knowledge.Figure) string
	// percent figures change by points, counts by numbers.
	percent bool
}

// electionFigures are the figures with one value per election.
var electionFigures = map[attr]electionFigure{
	attrTurnout:    {func(e *knowledge.Election) *knowledge.Figure { return e.Turnout }, lang.WhatTurnout, reply.Pct, true},
	attrRegistered: {func(e *knowledge.Election) *knowledge.Figure { return e.Registered }, lang.WhatRegistered, reply.Num, false},
	attrVotesCast:  {func(e *knowledge.Election) *knowledge.Figure { return e.Votes }, lang.WhatVotesCast, reply.Num, false},
	attrValid:      {func(e *knowledge.Election) *knowledge.Figure { return e.Valid }, lang.WhatValid, reply.Num, false},
	attrInvalid:    {func(e *knowledge.Election) *knowledge.Figure { return e.Invalid }, lang.WhatInvalid, reply.Num, false},
	attrThreshold:  {func(e *knowledge.Election) *knowledge.Figure { return e.Threshold }, lang.WhatElectoralThreshold, reply.Pct, true},
	attrListCount:  {func(e *knowledge.Election) *knowledge.Figure { return e.ListCount }, lang.WhatLists, reply.Num, false},
	attrTotalSeats: {func(e *knowledge.Election) *knowledge.Figure { return e.Seats }, lang.WhatSeats, reply.Num, false},
	attrMajority:   {majorityFigure, lang.WhatMajority, reply.Num, false},
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
	s := x.say
	var pieces, absent, sections []string
	var known []*knowledge.Election
	for _, e := range x.scope {
		v := f.get(e)
		if v == nil {
			absent = append(absent, reply.YearOf(e))
			continue
		}
		known = append(known, e)
		pieces = append(pieces, s.T(lang.FigureIn, f.show(s, v), reply.YearOf(e)))
		sections = append(sections, v.Section)
	}
	if len(pieces) == 0 {
		return s.Refusal(nil, s.T(lang.NoneOfArticlesGives, s.Years(x.scope), s.T(f.noun)))
	}
	text := s.T(lang.FigureList, upperFirst(s.T(f.noun)), s.Join(pieces))
	if len(x.scope) == 2 && len(known) == 2 {
		text += " " + figureChange(s, f, known[0], known[1])
	}
	if x.average && len(known) > 1 {
		text += " " + figureAverage(s, f, known)
	}
	text += notGiven(s, absent)
	return reply.Response{Text: text, Source: s.HistorySource(x.h, x.scope, sections...), Outcome: reply.Answered, Lang: s.Lang}
}

// show renders a value of the figure: a majority in seats.
func (f electionFigure) show(s reply.Say, v *knowledge.Figure) string {
	if f.noun == lang.WhatMajority {
		return s.Seats(v.Int())
	}
	return f.render(v)
}

// notGiven says which elections' articles lack a figure: " The 2018
// article does not give it."
func notGiven(s reply.Say, years []string) string {
	switch len(years) {
	case 0:
		return ""
	case 1:
		return " " + s.T(lang.ArticleNotGiven, years[0])
	}
	return " " + s.T(lang.ArticlesNotGiven, s.Join(years))
}

// figureAverage is the mean of a figure across elections: "On average,
// 53.41% (derived)."
func figureAverage(s reply.Say, f electionFigure, es []*knowledge.Election) string {
	sum := 0.0
	for _, e := range es {
		sum += f.get(e).Value
	}
	mean := sum / float64(len(es))
	v := knowledge.FormatInt(int(mean + 0.5))
	if f.percent {
		v = strconv.FormatFloat(math.Round(mean*100)/100, 'f', -1, 64) + "%"
	}
	return s.T(lang.FigureAverage, len(es), v)
}

// figureChange says how a figure changed from one election to another:
// "From 2012 to 2016 it rose by 2.27 points."
func figureChange(s reply.Say, f electionFigure, a, b *knowledge.Election) string {
	va, vb := f.get(a), f.get(b)
	d := vb.Value - va.Value
	if d == 0 {
		return s.T(lang.FigureSame, reply.YearOf(a), reply.YearOf(b))
	}
	key := lang.FigureRose
	if d < 0 {
		key = lang.FigureFell
	}
	amount := knowledge.FormatInt(abs(int(d)))
	if f.percent {
		amount = s.T(lang.PointsAmount, strings.TrimPrefix(strings.TrimPrefix(reply.Points(d), "+"), "−"))
	}
	return s.T(key, reply.YearOf(a), reply.YearOf(b), amount)
}

// electionExtreme answers in which election a figure was highest or
// lowest.
func (x *acrossQ) electionExtreme(q *question) reply.Response {
	f, _ := x.figureOf(q)
	s := x.say
	var best *knowledge.Election
	for _, e := range x.scope {
		if v := f.get(e); v != nil && (best == nil || float64(x.sup)*(v.Value-f.get(best).Value) > 0) {
			best = e
		}
	}
	if best == nil {
		return s.Refusal(nil, s.T(lang.NoneOfArticlesGives, s.Years(x.scope), s.T(f.noun)))
	}
	var ties, others, absent []string
	for _, e := range x.scope {
		switch v := f.get(e); {
		case v == nil:
			absent = append(absent, reply.YearOf(e))
		case v.Value == f.get(best).Value:
			ties = append(ties, reply.YearOf(e))
		default:
			others = append(others, reply.YearOf(e)+": "+f.show(s, v))
		}
	}
	keys := [2]lang.Key{lang.ElectionHighest, lang.ElectionHighestTie}
	if x.sup < 0 {
		keys = [2]lang.Key{lang.ElectionLowest, lang.ElectionLowestTie}
	}
	key := keys[0]
	if len(ties) > 1 {
		key = keys[1]
	}
	text := s.T(key, s.Join(ties), s.T(f.noun), f.show(s, f.get(best)))
	if len(others) > 0 {
		text += " (" + strings.Join(others, ", ") + ")"
	}
	text += "." + notGiven(s, absent)
	return reply.Response{Text: text, Source: s.HistorySource(x.h, x.scope, f.get(best).Section), Outcome: reply.Answered, Lang: s.Lang}
}

// winners answers who won each election of the scope.
func (x *acrossQ) winners(*question) reply.Response {
	s := x.say
	var pieces, sections []string
	for _, e := range x.scope {
		w := e.Winner()
		if w == nil {
			pieces = append(pieces, s.T(lang.YearNoResults, reply.YearOf(e)))
			continue
		}
		p := reply.YearOf(e) + ": " + w.Name + ", " + stepFigure(s, e, w, attrSeats)
		if e.MajorityHolder() == w {
			p += ", " + s.T(lang.AMajority)
		}
		pieces = append(pieces, p)
		sections = append(sections, figureSection(w))
	}
	return reply.Response{Text: s.T(lang.MostSeatsEach, strings.Join(pieces, "; ")), Source: s.HistorySource(x.h, x.scope, sections...), Outcome: reply.Answered, Lang: s.Lang}
}

// mayors answers who held the office after each election.
func (x *acrossQ) mayors(*question) reply.Response {
	s := x.say
	var pieces []string
	office := s.Office("Mayor")
	for _, e := range x.scope {
		if e.Office != "" {
			office = s.Office(e.Office)
		}
		if e.After == nil {
			pieces = append(pieces, s.T(lang.AfterYearNotGiven, reply.YearOf(e)))
			continue
		}
		p := s.T(lang.AfterYear, reply.YearOf(e), e.After.Name)
		if e.After.Party != "" {
			p += " (" + e.After.Party + ")"
		}
		pieces = append(pieces, p)
	}
	if !s.Serbian() {
		office = reply.LowerTitle(office)
	}
	return reply.Response{Text: s.T(lang.OfficeEach, office, strings.Join(pieces, "; ")), Source: s.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered, Lang: s.Lang}
}

// dates answers when each election of the scope was held.
func (x *acrossQ) dates(*question) reply.Response {
	s := x.say
	var pieces []string
	for _, e := range x.scope {
		if e.Date == nil {
			pieces = append(pieces, s.T(lang.YearNoDate, reply.YearOf(e)))
			continue
		}
		pieces = append(pieces, s.Date(e.Date.Text))
	}
	return reply.Response{Text: s.T(lang.ElectionsHeld, s.Join(pieces)), Source: s.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered, Lang: s.Lang}
}

// overview sets the elections side by side: for two, the turnout and
// each party's seats in both; for more, each one's winner and turnout.
func (x *acrossQ) overview(*question) reply.Response {
	s := x.say
	if len(x.scope) != 2 {
		var pieces []string
		for _, e := range x.scope {
			p := reply.YearOf(e) + ": "
			if w := e.Winner(); w != nil {
				p += s.T(lang.WonFigure, w.Name, stepFigure(s, e, w, attrSeats))
			} else {
				p += s.T(lang.NoResultsInArticle)
			}
			if e.Turnout != nil {
				p += ", " + s.T(lang.TurnoutOf, reply.Pct(e.Turnout))
			}
			pieces = append(pieces, p)
		}
		return reply.Response{Text: strings.Join(pieces, "; ") + ".", Source: s.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered, Lang: s.Lang}
	}
	a, b := x.scope[0], x.scope[1]
	var parts []string
	if a.Turnout != nil && b.Turnout != nil {
		parts = append(parts, s.T(lang.TurnoutChange, reply.Pct(a.Turnout), reply.Pct(b.Turnout), reply.Points(b.Turnout.Value-a.Turnout.Value)))
	}
	for _, l := range x.h.Parties {
		ka, kb := l.In(a), l.In(b)
		if ka == nil || kb == nil || ka.Seats == nil || kb.Seats == nil || (ka.Seats.Int() == 0 && kb.Seats.Int() == 0) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d → %s", l.Name(), ka.Seats.Int(), s.Seats(kb.Seats.Int())))
	}
	text := s.T(lang.SideBySide, reply.YearOf(a), reply.YearOf(b), strings.Join(parts, "; "))
	return reply.Response{Text: text, Source: s.HistorySource(x.h, x.scope, knowledge.SectionInfobox), Outcome: reply.Answered, Lang: s.Lang}
}

// eachOnItsOwn answers a question that names several elections but asks
// nothing to weigh across them ("who came second in 2018 and 2022?"):
// each election answers it alone, as if the question named only it.
func (x *acrossQ) eachOnItsOwn(q *question) reply.Response {
	s := x.say
	var parts, sections []string
	outcome := reply.Refused
	for _, e := range x.named {
		q1, r, ok := x.alone(onlyYear(q.text, e, x.named), s.Lang)
		switch {
		case q1.e != e || !ok || r.Text == "":
			parts = append(parts, s.T(lang.YearNotInArticle, reply.YearOf(e), e.Title))
		default:
			parts = append(parts, fmt.Sprintf("%s: %s", reply.YearOf(e), r.Text))
			sections = append(sections, r.Source.Section)
			if r.Outcome == reply.Answered {
				outcome = reply.Answered
			}
		}
	}
	return reply.Response{Text: strings.Join(parts, "\n"), Source: s.HistorySource(x.h, x.named, sections...), Outcome: outcome, Lang: s.Lang}
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
	s := x.say
	if best == nil {
		key := lang.NoPartyGained
		if sign < 0 {
			key = lang.NoPartyLost
		}
		return s.Refusal(nil, s.T(key, reply.YearOf(a), reply.YearOf(b)))
	}
	ka, kb := best.In(a), best.In(b)
	key := lang.GainedMost
	if sign < 0 {
		key = lang.LostMost
	}
	text := s.T(key, reply.YearOf(a), reply.YearOf(b), best.Name(), s.ChangeLine(ka, kb))
	return reply.Response{Text: text, Source: s.HistorySource(x.h, []*knowledge.Election{a, b}, figureSection(ka), figureSection(kb)), Outcome: reply.Answered, Lang: s.Lang}
}
