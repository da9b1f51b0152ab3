package answer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// candidateIntents answer the intents about a contest of candidates (a
// president, a mayor), round by round, one function each.
var candidateIntents = map[attr]func(q *question) reply.Response{
	attrWinner:     candidateWinner,
	attrRank:       candidateRank,
	attrFinalists:  finalists,
	attrOpponent:   finalists, // "Who was the opponent in the run-off?" names no one
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
	if q.scope.round >= 2 && asksWhetherHeld(q.toks) {
		return roundHeld(q), done
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
	return in.has(attrFinalists) || in.has(attrOpponent) || (in.has(attrPassed) && q.scope.round == 2) ||
		(in.who && q.scope.round >= 2 && q.el == attrNone && !in.has(attrLeader))
}

// candidateWinner says who won the contest (in its decisive round) or,
// when the question names a round, who came first in it.
func candidateWinner(q *question) reply.Response {
	ct, r := q.scope.c, q.scope.roundOrDecisive()
	s := q.say
	ranked := r.Ranked()
	if len(ranked) == 0 {
		q.fallback = true // "..., which Savić won with 52.4%": the prose may tell
		return s.NotInArticle(q.e, s.T(lang.NoFiguresFor, s.WhereFor(where(ct, r, true))))
	}
	w := ranked[0]
	decisive := r == ct.Decisive()
	var text string
	switch {
	case decisive && len(ct.Rounds) > 1:
		text = s.T(lang.ElectedInRound, w.Contestant.Name, s.Contest(ct, reply.Gen), s.WhereIn(reply.Where{Round: r.Number}), figuresAgainst(s, ranked))
	case decisive:
		text = s.T(lang.Elected, w.Contestant.Name, s.Contest(ct, reply.Gen), figuresAgainst(s, ranked))
	default:
		text = s.T(lang.CameFirstIn, w.Contestant.Name, s.WhereIn(where(ct, r, q.scope.named && severalContests(q.e))), figuresAgainst(s, ranked))
	}
	if decisive && r.Date != nil && len(ct.Rounds) > 1 {
		text += " " + s.T(lang.RoundHeldOn, s.Date(r.Date.Text))
	}
	return s.Answer(q.e, text, resultSection(w))
}

// figuresAgainst is the winner's figures against the runner-up's: "53.87%
// (468,930 votes) against 46.13% for Tomaž Vidmar".
func figuresAgainst(s reply.Say, ranked []*knowledge.Result) string {
	out := s.ResultFigures(ranked[0])
	if len(ranked) > 1 {
		if f := s.ResultFigures(ranked[1]); f != "" {
			out += s.T(lang.AheadOf, ranked[1].Contestant.Name, f)
		}
	}
	return out
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
	s := q.say
	ranked := r.Ranked()
	place := placeAsked(q.rankToks, len(ranked))
	if place == 0 || place > len(ranked) {
		return s.NotInArticle(q.e, s.T(lang.FiguresForCandidates, len(ranked), s.WhereIn(where(ct, r, true))))
	}
	res := ranked[place-1]
	w := where(ct, r, q.scope.named && severalContests(q.e))
	if len(ct.Rounds) == 1 && w.Empty() {
		w = reply.Where{Contest: ct}
	}
	text := s.T(lang.CamePlaceIn, res.Contestant.Name, placeLoc(s, place, len(ranked)), s.WhereIn(w), s.ResultFigures(res))
	if len(r.Others) > 0 && place == len(ranked) {
		text += " " + s.T(lang.OthersOnlyTogether)
	}
	return s.Answer(q.e, text, resultSection(res))
}

// finalists says who went through to the second round, with their
// first-round figures.
func finalists(q *question) reply.Response {
	ct := q.scope.c
	s := q.say
	fs := ct.Finalists()
	sec := ""
	if len(fs) < 2 {
		// No figures of the run-off: the prose may say who went through.
		fs, sec = proseFinalists(q.e, ct)
	}
	if len(fs) < 2 {
		return s.NotInArticle(q.e, s.T(lang.FinalistsUnknown, s.Contest(ct, reply.Gen)))
	}
	first := ct.FirstRound()
	var lines []string
	for _, c := range fs {
		if res := first.Result(c); res != nil && s.ResultFigures(res) != "" {
			lines = append(lines, s.T(lang.FinalistFirstRound, c.Name, s.ResultFigures(res)))
		}
	}
	text := s.T(lang.FinalistsTwo, fs[0].Name, fs[1].Name, s.Contest(ct, reply.Gen))
	if len(fs) > 2 {
		text = s.T(lang.FinalistsMany, len(fs), s.Contest(ct, reply.Gen), names(s, fs))
	}
	if r2 := ct.Round(2); r2 != nil {
		if res := r2.Result(fs[0]); res != nil {
			sec = resultSection(res)
		}
	}
	return s.Answer(q.e, joinLines(append([]string{text}, lines...)), sec)
}

// names joins contestants' names: "A, B and C".
func names(s reply.Say, cs []*knowledge.Contestant) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return s.Join(out)
}

// marginAnswer says by how much the first beat the second: in the round
// the question names, else in the decisive round; for an assembly, the
// largest list's lead over the next.
func marginAnswer(q *question) reply.Response {
	ct, r := q.scope.c, q.scope.roundOrDecisive()
	s := q.say
	votes, points, ok := r.Margin()
	ranked := r.Ranked()
	if !ok || (votes == 0 && points == 0) {
		q.fallback = true
		return s.NotInArticle(q.e, s.T(lang.NoFiguresToCompare, s.WhereIn(where(ct, r, true))))
	}
	a, b := ranked[0], ranked[1]
	w := where(ct, r, q.scope.named && severalContests(q.e))
	if w.Empty() {
		w = reply.Where{Contest: ct}
	}
	var by string
	switch {
	case votes != 0 && points != 0:
		by = s.T(lang.MarginVotesPoints, votes, knowledge.FormatInt(votes), points2(points))
	case votes != 0:
		by = s.T(lang.VoteCount, votes, knowledge.FormatInt(votes))
	default:
		by = s.T(lang.PercentagePoints, points2(points))
	}
	text := s.T(lang.MarginText, a.Contestant.Name, b.Contestant.Name, s.WhereIn(w), by, s.ResultFigures(a), s.ResultFigures(b))
	return s.Answer(q.e, text, resultSection(a))
}

// placeLoc is a candidate's place as a sentence says it: "second",
// "last"; in Serbian after "na … mestu" ("drugom", "poslednjem").
func placeLoc(s reply.Say, n, of int) string {
	switch {
	case n == of && n > 2:
		return s.T(lang.PlaceLocLast)
	case n >= 1 && n <= 3:
		return s.T([]lang.Key{lang.PlaceLocFirst, lang.PlaceLocSecond, lang.PlaceLocThird}[n-1])
	}
	return s.T(lang.PlaceLocNth, n)
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
		return q.say.NotInArticle(q.e, q.say.T(lang.CandidatesNotCounted))
	}
	text := q.say.T(lang.CandidatesStood, len(r.Results), q.say.WhereIn(where(ct, r, true)), names(q.say, resultContestants(r)))
	return q.say.Answer(q.e, text, resultSection(r.Results[0]))
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
	s := q.say
	r2 := ct.Round(2)
	if r2 == nil {
		return s.NotInArticle(q.e, s.T(lang.OneRoundNoSuch, s.Contest(ct, reply.Nom), s.Round(2, reply.Nom)))
	}
	if res := r2.Result(k); res != nil {
		return s.Answer(q.e, s.T(lang.WentThroughYes, k.Name, s.ResultFigures(res)), resultSection(res))
	}
	p := party{e: q.e, k: k, name: k.Name, ct: ct, say: s}
	text, sec, ok := notInRound(p, r2)
	if !ok {
		return s.Refusal(q.e, text)
	}
	return s.Answer(q.e, s.T(lang.NoColon)+text, sec)
}

// didWin answers "Did Zupan win?": yes with the figures, or no with who
// won and where the candidate came, in the round asked or the decisive
// one.
func didWin(q *question, k *knowledge.Contestant) reply.Response {
	ct := q.e.ContestFor(k)
	s := q.say
	sc := scope{c: ct, round: q.scope.round}
	r := sc.roundOrDecisive()
	if r == nil || len(r.Results) == 0 {
		return s.NotInArticle(q.e, s.T(lang.NoFiguresFor, s.WhereFor(reply.Where{Contest: ct})))
	}
	ranked := r.Ranked()
	w := where(ct, roundIfSeveral(ct, r), false)
	if w.Empty() {
		w = reply.Where{Contest: ct}
	}
	if ranked[0].Contestant == k {
		return s.Answer(q.e, s.T(lang.DidWinYes, k.Name, s.WhereIn(w), figuresAgainst(s, ranked)), resultSection(ranked[0]))
	}
	for i, res := range ranked {
		if res.Contestant == k {
			return s.Answer(q.e, s.T(lang.DidWinNo, k.Name, placeLoc(s, i+1, len(ranked)), s.WhereIn(w), s.ResultFigures(res),
				ranked[0].Contestant.Name, s.ResultFigures(ranked[0])), resultSection(res))
		}
	}
	p := party{e: q.e, k: k, name: k.Name, ct: ct, say: s}
	if text, sec, ok := notInRound(p, r); ok {
		return s.Answer(q.e, s.T(lang.NoColon)+text, sec)
	}
	return s.NotInArticle(q.e, s.T(lang.NoResultForIn, k.Name, s.WhereIn(w)))
}

// opponents answers whom a candidate faced: in the round the question
// names, else in the decisive round (the run-off of a two-round contest),
// with both sides' figures.
func opponents(q *question, k *knowledge.Contestant) reply.Response {
	ct := q.e.ContestFor(k)
	s := q.say
	r := (&scope{c: ct, round: q.scope.round}).roundOrDecisive()
	if q.scope.round == 0 {
		// Out before the decisive round: whom they faced in the last
		// round they stood in.
		for n := len(ct.Rounds); n >= 1 && (r == nil || r.Result(k) == nil); n-- {
			r = ct.Round(n)
		}
	}
	if r == nil || r.Result(k) == nil {
		p := party{e: q.e, k: k, name: k.Name, ct: ct, say: s}
		if r != nil {
			if text, sec, ok := notInRound(p, r); ok {
				return s.Answer(q.e, text, sec)
			}
		}
		return s.NotInArticle(q.e, s.T(lang.NoResultForIn, k.Name, s.WhereIn(reply.Where{Contest: ct})))
	}
	mine := r.Result(k)
	var others []*knowledge.Contestant
	var other *knowledge.Result
	for _, res := range r.Ranked() {
		if res.Contestant != k {
			others = append(others, res.Contestant)
			other = res
		}
	}
	w := where(ct, roundIfSeveral(ct, r), q.scope.named && severalContests(q.e))
	if w.Empty() {
		w = reply.Where{Contest: ct}
	}
	in := upperFirst(s.WhereIn(w))
	switch len(others) {
	case 0:
		return s.NotInArticle(q.e, s.T(lang.NoResultForIn, k.Name, s.WhereIn(w)))
	case 1:
		return s.Answer(q.e, s.T(lang.FacedOne, k.Name, other.Contestant.Name, in, s.ResultFigures(mine), s.ResultFigures(other)), resultSection(mine))
	}
	return s.Answer(q.e, s.T(lang.FacedMany, k.Name, names(s, others), in, len(others)), resultSection(mine))
}

// asksWhetherHeld reports a question whether something took place: "Was
// there a second round?", "Did it go to a run-off?", "Je li bilo drugog
// kruga?".
func asksWhetherHeld(toks []string) bool {
	for _, p := range []string{"was there", "were there", "is there", "did it go", "did the election go", "did the race go", "was a",
		"je li bilo", "da li je bilo", "je li bio", "da li je bio", "da li je odrzan", "je li odrzan"} {
		if phraseAt(toks, strings.Fields(p), false) == 0 {
			return true // the question begins so: not "How many ... were there"
		}
	}
	return false
}

// roundHeld says whether the round a question names took place: no, the
// contest was decided in fewer rounds; yes, with who stood in it.
func roundHeld(q *question) reply.Response {
	s := q.say
	ct := q.scope.c
	if ct.Round(q.scope.round) == nil {
		label := s.Contest(ct, reply.Nom)
		if len(ct.Rounds) == 1 {
			return s.Answer(q.e, s.T(lang.NoColon)+s.T(lang.OneRoundNoSuch, label, s.Round(q.scope.round, reply.Nom)), resultSection(firstResult(ct)))
		}
		return s.Answer(q.e, s.T(lang.NoColon)+s.T(lang.ContestRounds, label, len(ct.Rounds), q.scope.round), "")
	}
	r := finalists(q)
	if r.Outcome == reply.Answered {
		r.Text = s.T(lang.YesColon) + r.Text
	}
	return r
}

// firstResult is the first result of a contest's first round, or an empty
// one.
func firstResult(ct *knowledge.Contest) *knowledge.Result {
	if rs := ct.FirstRound().Results; len(rs) > 0 {
		return rs[0]
	}
	return &knowledge.Result{}
}

// finalistCues are the phrases of a sentence that says who went through
// to the run-off: "X and Y advanced to the second round", "a run-off
// between X and Y".
var finalistCues = cuePhrases("advanced to", "advance to", "went through", "go through", "run-off between", "runoff between",
	"second round between", "qualified for", "made it to", "faced each other", "will face", "met in", "usli u drugi",
	"usli su u drugi", "plasirali", "drugi krug izmedju")

// proseFinalists returns the two candidates of ct the prose says went
// through to the run-off, in the order named, and the sentence's section;
// none when no sentence says so of two of them.
func proseFinalists(e *knowledge.Election, ct *knowledge.Contest) (fs []*knowledge.Contestant, section string) {
	eachCurrentSentence(e, func(sec, sent string) bool {
		if cs := finalistsIn(ct, sent); len(cs) == 2 {
			fs, section = cs, sec
			return true
		}
		return false
	})
	return fs, section
}

// finalistsIn returns the candidates a sentence with a cue of going
// through names, in the order named.
func finalistsIn(ct *knowledge.Contest, sent string) []*knowledge.Contestant {
	toks := knowledge.FoldTokens(sent)
	cued := false
	for _, p := range finalistCues {
		cued = cued || phraseIn(toks, p, false)
	}
	if !cued {
		return nil
	}
	var ms []knowledge.Match
	seen := map[*knowledge.Contestant]bool{}
	for _, m := range ct.Resolve(sent) {
		if m.Exact && m.Contestant.Kind == knowledge.KindCandidate && !seen[m.Contestant] {
			seen[m.Contestant] = true
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	out := make([]*knowledge.Contestant, len(ms))
	for i, m := range ms {
		out[i] = m.Contestant
	}
	return out
}
