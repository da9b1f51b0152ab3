package answer

import (
	"fmt"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// candidateIntents answer the intents about a contest of candidates (a
// president, a mayor), round by round, one function each.
var candidateIntents = map[attr]func(q *question) reply.Response{
	attrWinner:     candidateWinner,
	attrRank:       candidateRank,
	attrFinalists:  finalists,
	attrMargin:     func(q *question) reply.Response { return marginAnswer(q) },
	attrResults:    candidateWinner,
	attrCandidates: candidateCount,
}

// aboutCandidates answers who won a contest of candidates (or a round of
// it), who came second, who went through to the run-off, by how much, and
// how many stood. "Who was elected mayor?" is its winner too.
func aboutCandidates(_ *Answerer, q *question) (reply.Response, verdict) {
	ct := q.scope.c
	if ct == nil || !ct.Elects() || len(q.ents) > 0 {
		return reply.Response{}, next
	}
	a := candidateAttr(q)
	answer, ok := candidateIntents[a]
	if !ok {
		return reply.Response{}, next
	}
	if r := oneRoundOnly(q); r.Text != "" {
		return r, done
	}
	if len(ct.FirstRound().Results) == 0 && ct.Winner() == nil {
		// Candidates without figures: the prose may still say who won.
		return reply.Response{}, toPassages
	}
	return answer(q), done
}

// candidateAttr is the intent a question asks of a contest of
// candidates: a place ("second") turns "who won" into a rank, and "who was
// elected mayor" is who won.
func candidateAttr(q *question) attr {
	in := q.in
	switch {
	case in.has(attrMargin) || (in.has(attrDifference) && !in.has(attrSeats)):
		return attrMargin
	case asksFinalists(q):
		return attrFinalists
	case in.has(attrRank) && placeAsked(q.rankToks, 99) > 0:
		return attrRank
	case in.has(attrCandidates):
		return attrCandidates
	case q.el == attrWinner || q.el == attrResults:
		return q.el
	case in.has(attrLeader) && in.who && q.el == attrNone:
		// "Who led after the first round?"
		return attrWinner
	case q.el == attrMayor && !(in.before && !in.after) && !in.current:
		// "Who became president?", "Who was elected mayor?": the office's
		// contest's winner.
		return attrWinner
	}
	return attrNone
}

// asksFinalists reports a question about who went through to the
// run-off: "Who made it to the second round?", "Who was in the run-off?".
func asksFinalists(q *question) bool {
	in := q.in
	return in.has(attrFinalists) || (in.has(attrPassed) && q.scope.round == 2) ||
		(in.who && q.scope.round >= 2 && q.el == attrNone && !in.has(attrLeader))
}

// candidateWinner says who won the contest (in its decisive round) or,
// when the question names a round, who came first in it.
func candidateWinner(q *question) reply.Response {
	ct, r := q.scope.c, q.scope.roundOrDecisive()
	ranked := r.Ranked()
	if len(ranked) == 0 {
		return reply.NotInArticle(q.e, fmt.Sprintf("it gives no figures for the %s.", where(ct, r, true)))
	}
	w := ranked[0]
	decisive := r == ct.Decisive()
	var text string
	switch {
	case decisive && len(ct.Rounds) > 1:
		text = fmt.Sprintf("%s won the %s in the %s round, with %s.", w.Contestant.Name, reply.ContestLabel(ct), reply.Ordinal(r.Number), figuresAgainst(ranked))
	case decisive:
		text = fmt.Sprintf("%s won the %s, with %s.", w.Contestant.Name, reply.ContestLabel(ct), figuresAgainst(ranked))
	default:
		text = fmt.Sprintf("%s came first in the %s, with %s.", w.Contestant.Name, where(ct, r, q.scope.named && severalContests(q.e)), figuresAgainst(ranked))
	}
	if decisive && r.Date != nil && len(ct.Rounds) > 1 {
		text += fmt.Sprintf(" That round was held on %s.", r.Date.Text)
	}
	return reply.Answer(q.e, text, resultSection(w))
}

// figuresAgainst is the winner's figures against the runner-up's: "53.87%
// (468,930 votes) against 46.13% for Tomaž Vidmar".
func figuresAgainst(ranked []*knowledge.Result) string {
	s := reply.ResultFigures(ranked[0])
	if len(ranked) > 1 {
		if f := reply.ResultFigures(ranked[1]); f != "" {
			s += fmt.Sprintf(", ahead of %s with %s", ranked[1].Contestant.Name, f)
		}
	}
	return s
}

// resultSection is where a result's figures come from.
func resultSection(res *knowledge.Result) string {
	for _, f := range []*knowledge.Figure{res.Share, res.Votes, res.Seats} {
		if f != nil {
			return f.Section
		}
	}
	return ""
}

// severalContests reports an article of more than one contest.
func severalContests(e *knowledge.Election) bool { return len(e.Contests) > 1 }

// candidateRank says who came second, third or last: in the round the
// question names, else in the decisive round when it had that many, else
// in the first.
func candidateRank(q *question) reply.Response {
	ct := q.scope.c
	r := q.scope.roundOf()
	if r == nil {
		r = ct.Decisive()
		place := placeAsked(q.rankToks, len(r.Results))
		if place > len(r.Results) || anyPhrase(q.rankToks, "last", "fewest", "least", "lowest", "smallest", "bottom") {
			r = ct.FirstRound()
		}
	}
	ranked := r.Ranked()
	place := placeAsked(q.rankToks, len(ranked))
	if place == 0 || place > len(ranked) {
		return reply.NotInArticle(q.e, fmt.Sprintf("it gives figures for %d candidates in the %s.", len(ranked), where(ct, r, true)))
	}
	res := ranked[place-1]
	w := where(ct, r, q.scope.named && severalContests(q.e))
	if len(ct.Rounds) == 1 && w == "" {
		w = reply.ContestLabel(ct)
	}
	text := fmt.Sprintf("%s came %s in the %s, with %s.", res.Contestant.Name, placeWord(place, len(ranked)), w, reply.ResultFigures(res))
	if len(r.Others) > 0 && place == len(ranked) {
		text += " The article gives the other candidates' votes only together."
	}
	return reply.Answer(q.e, text, resultSection(res))
}

// finalists says who went through to the second round, with their
// first-round figures.
func finalists(q *question) reply.Response {
	ct := q.scope.c
	fs := ct.Finalists()
	if len(fs) < 2 {
		return reply.NotInArticle(q.e, fmt.Sprintf("it does not say who stood in the second round of the %s.", reply.ContestLabel(ct)))
	}
	first := ct.FirstRound()
	var lines []string
	for _, c := range fs {
		if res := first.Result(c); res != nil && reply.ResultFigures(res) != "" {
			lines = append(lines, fmt.Sprintf("%s had %s in the first round.", c.Name, reply.ResultFigures(res)))
		}
	}
	text := fmt.Sprintf("%s and %s went through to the second round of the %s.", fs[0].Name, fs[1].Name, reply.ContestLabel(ct))
	if len(fs) > 2 {
		text = fmt.Sprintf("%d candidates went through to the second round of the %s: %s.", len(fs), reply.ContestLabel(ct), names(fs))
	}
	sec := ""
	if res := ct.Round(2).Result(fs[0]); res != nil {
		sec = resultSection(res)
	}
	return reply.Answer(q.e, joinLines(append([]string{text}, lines...)), sec)
}

// names joins contestants' names: "A, B and C".
func names(cs []*knowledge.Contestant) string {
	out := ""
	for i, c := range cs {
		switch {
		case i == 0:
		case i == len(cs)-1:
			out += " and "
		default:
			out += ", "
		}
		out += c.Name
	}
	return out
}

// marginAnswer says by how much the first beat the second: in the round
// the question names, else in the decisive round; for an assembly, the
// largest list's lead over the next.
func marginAnswer(q *question) reply.Response {
	ct, r := q.scope.c, q.scope.roundOrDecisive()
	votes, points, ok := r.Margin()
	ranked := r.Ranked()
	if !ok || (votes == 0 && points == 0) {
		q.fallback = true
		return reply.NotInArticle(q.e, fmt.Sprintf("it gives no figures to compare in the %s.", where(ct, r, true)))
	}
	a, b := ranked[0], ranked[1]
	w := where(ct, r, q.scope.named && severalContests(q.e))
	if w == "" {
		w = reply.ContestLabel(ct)
	}
	var by string
	switch {
	case votes != 0 && points != 0:
		by = fmt.Sprintf("%s votes (%s percentage points)", knowledge.FormatInt(votes), points2(points))
	case votes != 0:
		by = knowledge.FormatInt(votes) + " votes"
	default:
		by = points2(points) + " percentage points"
	}
	text := fmt.Sprintf("%s finished ahead of %s in the %s by %s: %s to %s.", a.Contestant.Name, b.Contestant.Name, w, by,
		reply.ResultFigures(a), reply.ResultFigures(b))
	return reply.Answer(q.e, text, resultSection(a))
}

// points2 renders percentage points with two decimals at most.
func points2(p float64) string {
	return fmt.Sprintf("%.2f", p)
}

// candidateCount says how many candidates stood, counted from the
// results, unless some are given only together: then a passage must say.
func candidateCount(q *question) reply.Response {
	ct := q.scope.c
	r := q.scope.roundOf()
	if r == nil {
		r = ct.FirstRound()
	}
	if len(r.Others) > 0 || len(r.Results) == 0 {
		q.fallback = true
		return reply.NotInArticle(q.e, "it does not count the candidates: some are given only together.")
	}
	text := fmt.Sprintf("%d candidates stood in the %s: %s (counted from the results).", len(r.Results), where(ct, r, true), names(resultContestants(r)))
	return reply.Answer(q.e, text, resultSection(r.Results[0]))
}

func resultContestants(r *knowledge.Round) []*knowledge.Contestant {
	var out []*knowledge.Contestant
	for _, res := range r.Ranked() {
		out = append(out, res.Contestant)
	}
	return out
}

// wentThrough says whether a candidate went through to the second round:
// "Did Kuzmić make it to the run-off?"
func wentThrough(q *question, k *knowledge.Contestant) reply.Response {
	ct := q.e.ContestFor(k)
	r2 := ct.Round(2)
	if r2 == nil {
		return reply.NotInArticle(q.e, fmt.Sprintf("the %s was decided in one round; there was no second round.", reply.ContestLabel(ct)))
	}
	if res := r2.Result(k); res != nil {
		return reply.Answer(q.e, fmt.Sprintf("Yes: %s went through to the second round, where %s won %s.", k.Name, k.Name, reply.ResultFigures(res)), resultSection(res))
	}
	p := party{e: q.e, k: k, name: k.Name, ct: ct}
	text, sec, ok := notInRound(p, r2)
	if !ok {
		return reply.Refusal(q.e, text)
	}
	return reply.Answer(q.e, "No: "+text, sec)
}

// didWin answers "Did Zupan win?": yes with the figures, or no with who
// won and where the candidate came, in the round asked or the decisive
// one.
func didWin(q *question, k *knowledge.Contestant) reply.Response {
	ct := q.e.ContestFor(k)
	sc := scope{c: ct, round: q.scope.round}
	r := sc.roundOrDecisive()
	if r == nil || len(r.Results) == 0 {
		return reply.NotInArticle(q.e, fmt.Sprintf("it gives no figures for the %s.", reply.ContestLabel(ct)))
	}
	ranked := r.Ranked()
	w := where(ct, roundIfSeveral(ct, r), false)
	if w == "" {
		w = reply.ContestLabel(ct)
	}
	if ranked[0].Contestant == k {
		return reply.Answer(q.e, fmt.Sprintf("Yes: %s came first in the %s, with %s.", k.Name, w, figuresAgainst(ranked)), resultSection(ranked[0]))
	}
	for i, res := range ranked {
		if res.Contestant == k {
			return reply.Answer(q.e, fmt.Sprintf("No: %s came %s in the %s, with %s; %s came first, with %s.", k.Name,
				placeWord(i+1, len(ranked)), w, reply.ResultFigures(res), ranked[0].Contestant.Name, reply.ResultFigures(ranked[0])), resultSection(res))
		}
	}
	p := party{e: q.e, k: k, name: k.Name, ct: ct}
	if text, sec, ok := notInRound(p, r); ok {
		return reply.Answer(q.e, "No: "+text, sec)
	}
	return reply.NotInArticle(q.e, fmt.Sprintf("it gives no result for %s in the %s.", k.Name, w))
}
