package answer

import (
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// pollAnswer answers from the polls: one party's figures (k non-nil) or
// whole polls, narrowed to the pollsters and months the question names.
func pollAnswer(q *question, k *knowledge.Contestant) reply.Response {
	ps, refusal := pollsAsked(q)
	if ps == nil {
		return refusal
	}
	if k == nil {
		return wholePolls(q, ps)
	}
	return partyPollFigures(q, k, ps)
}

// pollsAsked are the polls a question is about: its pollsters' or all,
// from the months it names, the first or the last. With none, the
// refusal says why.
func pollsAsked(q *question) ([]*knowledge.Poll, reply.Response) {
	e := q.e
	if len(e.Polls) == 0 {
		return nil, q.say.NotInArticle(e, q.say.T(lang.NoPollsShort))
	}
	ps := e.Polls
	if len(q.polls) > 0 {
		ps = q.polls
	}
	if kind := pollKindAsked(q); kind != "" {
		if ps = ofKind(ps, kind); len(ps) == 0 {
			key := lang.NoRunoffPoll
			if kind == knowledge.PollExit {
				key = lang.NoExitPoll
			}
			return nil, q.say.NotInArticle(e, q.say.T(key))
		}
	}
	if len(q.in.months) > 0 {
		if ps = knowledge.PollsWhen(ps, q.text); len(ps) == 0 {
			return nil, q.say.NotInArticle(e, q.say.T(lang.NoPollsThen))
		}
	}
	// "The last poll" is the one of the latest fieldwork where every poll
	// has a date that reads (tables often list the newest first), else
	// the last one listed.
	switch {
	case anyPhrase(q.toks, "last", "latest", "most recent", "final", "poslednj"):
		ps = []*knowledge.Poll{byDate(ps, func(a, b string) bool { return a > b }, ps[len(ps)-1])}
	case anyPhrase(q.toks, "first", "earliest", "prv"):
		ps = []*knowledge.Poll{byDate(ps, func(a, b string) bool { return a < b }, ps[0])}
	}
	return ps, reply.Response{}
}

// byDate returns the poll whose fieldwork ended first by before, or
// otherwise when a poll's date does not read.
func byDate(ps []*knowledge.Poll, before func(a, b string) bool, otherwise *knowledge.Poll) *knowledge.Poll {
	best := ps[0]
	for _, p := range ps {
		if p.To == "" {
			return otherwise
		}
		if before(p.To, best.To) {
			best = p
		}
	}
	return best
}

// pollKindAsked is the kind of poll a question asks about: an exit poll,
// a poll of the run-off, or "" for any.
func pollKindAsked(q *question) string {
	switch {
	case anyPhrase(q.toks, "exit poll", "exit polls", "izlazn anket"):
		return knowledge.PollExit
	case q.scope.round >= 2:
		return knowledge.PollRunoff
	}
	return ""
}

// ofKind keeps the polls of a kind.
func ofKind(ps []*knowledge.Poll, kind string) []*knowledge.Poll {
	var out []*knowledge.Poll
	for _, p := range ps {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// anyPhrase reports whether toks hold one of the phrases (words as
// phraseIn matches them).
func anyPhrase(toks []string, phrases ...string) bool {
	for _, p := range phrases {
		if phraseIn(toks, strings.Fields(p), false) {
			return true
		}
	}
	return false
}

// wholePolls shows the first three polls asked about, or who led them.
func wholePolls(q *question, ps []*knowledge.Poll) reply.Response {
	e := q.e
	if q.in.has(attrUndecided) {
		return pollUndecided(q.say, e, ps)
	}
	if asksLead(q.toks) {
		return pollLeaders(q.say, e, ps)
	}
	var lines []string
	if q.in.howMany && len(ps) == len(e.Polls) {
		lines = append(lines, q.say.T(lang.PollsGiven, len(ps)))
	}
	for _, p := range ps[:min(len(ps), 3)] {
		lines = append(lines, q.say.PollLabel(p)+": "+strings.ReplaceAll(q.say.PollLine(p), "\n", "; "))
	}
	return q.say.Answer(e, strings.Join(lines, "\n"), e.PollsSection)
}

// pollFigure is one party's figure in one poll.
type pollFigure struct {
	p  *knowledge.Poll
	en *knowledge.PollEntry
}

// partyPollFigures gives a party's figure in each poll asked about, or in
// the one with its highest or lowest figure, with its lead when asked.
func partyPollFigures(q *question, k *knowledge.Contestant, ps []*knowledge.Poll) reply.Response {
	e := q.e
	var figs []pollFigure
	for _, p := range ps {
		if en := p.Entry(k); en != nil {
			figs = append(figs, pollFigure{p, en})
		}
	}
	if len(figs) == 0 {
		return q.say.NotInArticle(e, q.say.T(lang.NoPollFigureFor, q.say.Name(k)))
	}
	// "Which poll gave SNS the highest figure?"
	if dir := superlative(q.toks); dir != 0 && len(figs) > 1 {
		figs = []pollFigure{extreme(figs, dir)}
	}
	var parts []string
	for _, f := range figs {
		s := q.say.T(lang.PollFigureIn, reply.Pct(f.en.Share), q.say.PollLabel(f.p))
		if asksLead(q.toks) {
			s += margin(q.say, f)
		}
		parts = append(parts, s)
	}
	return q.say.Answer(e, q.say.T(lang.Polled, pollName(q.say, figs[0].en.Name, k), strings.Join(parts, "; ")), e.PollsSection)
}

// extreme returns the highest figure (dir 1) or the lowest (dir -1), the
// first of equals.
func extreme(figs []pollFigure, dir int) pollFigure {
	best := figs[0]
	for _, f := range figs[1:] {
		if float64(dir)*(f.en.Share.Value-best.en.Share.Value) > 0 {
			best = f
		}
	}
	return best
}

// margin says how far a figure leads or trails: " (3.2 points ahead of
// DS)", or "" when there is nothing to compare.
func margin(s reply.Say, f pollFigure) string {
	switch d, other, ahead := f.p.Margin(f.en); {
	case other != nil && ahead:
		return s.T(lang.PointsAhead, points(d), other.Name)
	case other != nil:
		return s.T(lang.PointsBehind, points(d), other.Name)
	}
	return ""
}

// pollName is how a poll names a party ("NDS"), with which list that is
// when the list goes by another name.
func pollName(s reply.Say, name string, k *knowledge.Contestant) string {
	if knowledge.Fold(name) == knowledge.Fold(k.Name) {
		return name
	}
	if k.Ballot > 0 && k.Kind == "" {
		return s.T(lang.ListName, name, k.Ballot)
	}
	return name + " (" + k.Name + ")"
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

func points(d float64) string {
	return strconv.FormatFloat(math.Round(d*10)/10, 'f', -1, 64)
}

// pollUndecided gives the share of undecided in each poll asked about.
func pollUndecided(s reply.Say, e *knowledge.Election, ps []*knowledge.Poll) reply.Response {
	var lines []string
	for _, p := range ps {
		if p.Undecided != nil {
			lines = append(lines, s.T(lang.UndecidedIn, reply.Pct(p.Undecided), s.PollLabel(p)))
		}
	}
	if len(lines) == 0 {
		return s.NotInArticle(e, s.T(lang.NoUndecided))
	}
	return s.Answer(e, joinLines(lines[:min(len(lines), 4)]), e.PollsSection)
}

// pollLeaders says who led each poll and by how much.
func pollLeaders(say reply.Say, e *knowledge.Election, ps []*knowledge.Poll) reply.Response {
	var lines []string
	for _, p := range ps[:min(len(ps), 4)] {
		top := p.Leader()
		if top == nil {
			continue
		}
		s := say.T(lang.PollLed, say.PollLabel(p), top.Name, reply.Pct(top.Share))
		if d, other, _ := p.Margin(top); other != nil {
			s = say.T(lang.PollLedAhead, say.PollLabel(p), top.Name, reply.Pct(top.Share), points(d), other.Name)
		}
		lines = append(lines, s+".")
	}
	if len(lines) == 0 {
		return say.NotInArticle(e, say.T(lang.PollsNoFigures))
	}
	return say.Answer(e, strings.Join(lines, "\n"), e.PollsSection)
}
