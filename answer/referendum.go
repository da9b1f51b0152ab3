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

// aboutReferendum answers what a referendum asked, what it needed, how
// many voted for each option and whether it passed. Its turnout, voters
// and ballots are the rounds' figures, answered as any election's.
func aboutReferendum(_ *Answerer, q *question) (reply.Response, verdict) {
	ct := q.scope.c
	if ct == nil || ct.Kind != knowledge.ContestReferendum {
		return reply.Response{}, next
	}
	in, s := q.in, q.say
	switch {
	case asksSeats(q) || in.has(attrMajority):
		// A change a referendum votes on ("promene", "changes") is no
		// change of seats.
		return s.NotInArticle(q.e, s.T(lang.ReferendumNoSeats, q.e.Title)), done
	case in.has(attrRequirement) || in.has(attrThreshold):
		return requirement(q, ct)
	case in.has(attrQuestion):
		if ct.Question == nil {
			return reply.Response{}, toPassages
		}
		return s.Answer(q.e, s.T(lang.ReferendumAsked, ct.Question.Text), ct.Question.Section), done
	case in.has(attrOutcome) || q.el == attrWinner || q.el == attrResults || in.has(attrPassed) ||
		(anyPhrase(q.toks, "win", "prevail") && (q.option != nil || len(subjectWords(q)) == 0)):
		return outcome(q, ct)
	case q.option != nil && asksFigure(q):
		return optionFigures(q, ct, q.option)
	}
	return reply.Response{}, next
}

// asksFigure reports a question after a number: how many, what share,
// what percentage, or one that asks nothing else ("Yes votes?").
func asksFigure(q *question) bool {
	in := q.in
	return in.howMany || in.has(attrVotes) || in.has(attrShare) || in.has(attrVotesCast) || (q.el == attrNone && q.ent == attrNone)
}

// optionFigures gives an option's votes and share.
func optionFigures(q *question, ct *knowledge.Contest, o *knowledge.Contestant) (reply.Response, verdict) {
	s := q.say
	name := o.Name
	if s.Serbian() {
		name = s.OptionName(ct, o)
	}
	res := ct.FirstRound().Result(o)
	if res == nil || (res.Votes == nil && res.Share == nil) {
		q.fallback = true
		return s.NotInArticle(q.e, s.T(lang.OptionNoFigures, name)), done
	}
	if r, ok := statedOptionShare(q, name, res); ok {
		return r, done
	}
	var text string
	switch {
	case res.Votes != nil && res.Share != nil && q.in.has(attrShare):
		text = s.T(lang.OptionShareVotes, reply.Pct(res.Share), name, s.Votes(res.Votes))
	case res.Votes != nil && res.Share != nil:
		text = s.T(lang.OptionVotesShare, s.Votes(res.Votes), name, reply.Pct(res.Share))
	case res.Votes != nil:
		text = s.T(lang.OptionVotes, s.Votes(res.Votes), name)
	default:
		text = s.T(lang.OptionShare, reply.Pct(res.Share), name)
	}
	secs := []string{resultSection(res)}
	if res.Votes != nil && res.Share != nil && res.Share.Section != res.Votes.Section {
		secs = append(secs, res.Share.Section)
	}
	return s.Answer(q.e, text, secs...), done
}

// statedOptionShare answers a share question with the share the prose
// states beside the option's votes, when it differs from the infobox's or
// a computed one (of the ballots cast, say, against the valid votes): the
// prose's own figure wins, the other is added.
func statedOptionShare(q *question, name string, res *knowledge.Result) (reply.Response, bool) {
	if !q.in.has(attrShare) {
		return reply.Response{}, false
	}
	stated, statedIn, ok := statedShare(q.e, res.Votes)
	if !ok || (res.Share != nil && sameShare(stated, res.Share)) {
		return reply.Response{}, false
	}
	s := q.say
	text := s.T(lang.OptionStatedShare, stated, name, s.Votes(res.Votes))
	if res.Share != nil {
		text += " " + s.T(lang.OptionShareOfValid, reply.Pct(res.Share))
	}
	return s.Answer(q.e, text, statedIn, resultSection(res)), true
}

// sameShare reports whether a stated share ("53.9%") is the figure's, to
// its precision.
func sameShare(stated string, f *knowledge.Figure) bool {
	v, err := strconv.ParseFloat(strings.TrimSuffix(stated, "%"), 64)
	return err == nil && math.Abs(v-f.Value) < 0.05
}

// outcome says whether the referendum passed: which option won, and
// whether the requirement was met.
func outcome(q *question, ct *knowledge.Contest) (reply.Response, verdict) {
	r := ct.FirstRound()
	yes, no := resultOf(r, ct.Yes()), resultOf(r, ct.No())
	if yes == nil || no == nil || (yes.Share == nil && yes.Votes == nil) {
		// A referendum without numbers: its prose may say how it ended.
		return reply.Response{}, toPassages
	}
	won := yes
	if ahead(no, yes) {
		won = no
	}
	s := q.say
	// How it ended answers "Was the statute adopted?" whatever words the
	// question uses; the question's own text in the infobox does not.
	// "In how many municipalities did Yes win?" asks more than that.
	q.settled = q.in.has(attrOutcome) && !q.in.howMany
	if st, ok := statedOutcome(q.e); ok && st.passed != computedPass(ct, won == yes) {
		return statedOverComputed(q, ct, st), done
	}
	lines := []string{s.ContestOutcome(q.e, ct)}
	if f := infoboxFact(q.e, "outcome", "result"); f != nil {
		lines = append(lines, s.T(lang.InfoboxSays, trimStop(f.Text)))
	}
	if met, known := ct.RequirementMet(); known {
		lines = append(lines, requirementFigure(s, ct, r))
		if !met {
			lines = append(lines, s.T(lang.TheRequirement, trimStop(ct.Requirement.Text)))
		}
	}
	secs := []string{resultSection(won)}
	if ct.Requirement != nil {
		secs = append(secs, ct.Requirement.Section)
	}
	return s.Answer(q.e, joinLines(lines), secs...), done
}

// computedPass is whether the figures say the referendum passed: Yes
// won, and met what the article says it had to.
func computedPass(ct *knowledge.Contest, yesWon bool) bool {
	met, known := ct.RequirementMet()
	return yesWon && (met || !known)
}

// statedOverComputed answers how a referendum ended as its prose says,
// when the figures read alone say otherwise ("The referendum failed"
// though Yes had most votes, the rule that failed it being prose): the
// article's sentence first, then each option's figures.
func statedOverComputed(q *question, ct *knowledge.Contest, st statement) reply.Response {
	s := q.say
	// The verdict in the reply's language, then the article's words.
	verdict := lang.StatedFailed
	if st.passed {
		verdict = lang.StatedPassed
	}
	lines := []string{s.T(verdict, st.text)}
	secs := []string{st.section}
	for _, o := range []*knowledge.Contestant{ct.Yes(), ct.No()} {
		if res := resultOf(ct.FirstRound(), o); res != nil && res.Votes != nil && res.Share != nil {
			lines = append(lines, s.T(lang.OptionVotesShare, s.Votes(res.Votes), s.OptionName(ct, o), reply.Pct(res.Share)))
			secs = append(secs, resultSection(res))
		}
	}
	return s.Answer(q.e, joinLines(lines), secs...)
}

// infoboxFact returns the infobox's fact under one of the keys (folded),
// one the model keeps as it is ("Outcome: The statute was approved."), or
// nil.
func infoboxFact(e *knowledge.Election, keys ...string) *knowledge.Fact {
	for _, f := range e.InfoboxFacts {
		for _, k := range keys {
			if knowledge.Fold(f.Key) == k {
				return f
			}
		}
	}
	return nil
}

// resultOf is the result of c in r, nil for a nil c.
func resultOf(r *knowledge.Round, c *knowledge.Contestant) *knowledge.Result {
	if c == nil {
		return nil
	}
	return r.Result(c)
}

// ahead reports whether a got more than b: by votes, else by share.
func ahead(a, b *knowledge.Result) bool {
	if a.Votes != nil && b.Votes != nil {
		return a.Votes.Value > b.Votes.Value
	}
	return a.Share != nil && b.Share != nil && a.Share.Value > b.Share.Value
}

// requirementFigure states the figure the requirement is judged by, in a
// sentence ("Turnout was 44.71%."), "" when the article lacks it.
func requirementFigure(s reply.Say, ct *knowledge.Contest, r *knowledge.Round) string {
	q := ct.Requirement
	yes, no := resultOf(r, ct.Yes()), resultOf(r, ct.No())
	switch {
	case q.Of == knowledge.RequireTurnout && r.Turnout != nil:
		return s.T(lang.AnsTurnout, reply.Pct(r.Turnout))
	case q.Of == knowledge.RequireYesOfElectorate && yes != nil && yes.Votes != nil && r.Registered != nil && r.Registered.Value > 0:
		return s.T(lang.YesOfElectorate, fmt.Sprintf("%.2f%%", yes.Votes.Value*100/r.Registered.Value), reply.Num(r.Registered))
	case q.Of == knowledge.RequireNoOfElectorate && no != nil && no.Votes != nil && r.Registered != nil && r.Registered.Value > 0:
		return s.T(lang.NoOfElectorate, fmt.Sprintf("%.2f%%", no.Votes.Value*100/r.Registered.Value), reply.Num(r.Registered))
	case q.Of == knowledge.RequireYesOfVotes && yes != nil && yes.Share != nil:
		return s.T(lang.YesOfValid, reply.Pct(yes.Share))
	}
	return ""
}

// trimStop takes a sentence's final full stop off for quoting.
func trimStop(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '.' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}

// requirement answers what the referendum needed to be valid, and whether
// it was met.
func requirement(q *question, ct *knowledge.Contest) (reply.Response, verdict) {
	req, s := ct.Requirement, q.say
	if req == nil {
		q.fallback = true
		return s.NotInArticle(q.e, s.T(lang.NoRequirement)), done
	}
	met, known := ct.RequirementMet()
	lines := []string{s.T(lang.TheRequirement, trimStop(req.Text))}
	r := ct.FirstRound()
	switch {
	case known && met:
		lines = append(lines, s.T(lang.RequirementMet), requirementFigure(s, ct, r))
	case known:
		lines = append(lines, s.T(lang.RequirementNotMet), requirementFigure(s, ct, r))
	}
	return s.Answer(q.e, joinLines(lines), req.Section), done
}
