package reply

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// ContestLabel names a contest for a sentence: "mayoral election",
// "presidential election", "City Assembly election", "referendum".
func ContestLabel(ct *knowledge.Contest) string {
	switch ct.Kind {
	case knowledge.ContestMayor:
		return "mayoral election"
	case knowledge.ContestPresident:
		return "presidential election"
	case knowledge.ContestReferendum:
		return "referendum"
	}
	if strings.HasSuffix(knowledge.Fold(ct.Title), "election") {
		return ct.Title
	}
	return ct.Title + " election"
}

// Ordinal is "first", "second", "third", "4th".
func Ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return strconv.Itoa(n) + "th"
}

// ResultFigures renders one result of a round: "53.87% (468,930 votes)",
// "468,930 votes", "53.87%"; "" when it gives neither.
func ResultFigures(res *knowledge.Result) string {
	switch {
	case res.Share != nil && res.Votes != nil:
		return fmt.Sprintf("%s (%s votes)", Pct(res.Share), Num(res.Votes))
	case res.Share != nil:
		return Pct(res.Share)
	case res.Votes != nil:
		return Num(res.Votes) + " votes"
	}
	return ""
}

// ContestOutcome says in one sentence how a contest ended: who won a majority or
// the most seats, who was elected and in which round, or whether a
// referendum passed. It is "" when the article gives no figures to tell.
func ContestOutcome(e *knowledge.Election, ct *knowledge.Contest) string {
	switch {
	case ct.Kind == knowledge.ContestReferendum:
		return referendumOutcome(ct)
	case ct.Elects():
		return electedOutcome(ct)
	case ct == e.MainContest():
		if w := e.MajorityHolder(); w != nil {
			return fmt.Sprintf("%s won a majority with %s.", w.Name, Seats(w.Seats.Int()))
		}
		if w := e.Winner(); w != nil && w.Seats != nil {
			return fmt.Sprintf("%s won the most seats (%d).", w.Name, w.Seats.Int())
		}
	}
	return ""
}

// electedOutcome says who was elected, in which round, with what.
func electedOutcome(ct *knowledge.Contest) string {
	r := ct.Decisive()
	w := ct.Winner()
	if w == nil || r == nil || r.Result(w) == nil {
		return ""
	}
	figs := ResultFigures(r.Result(w))
	if len(ct.Rounds) > 1 {
		return fmt.Sprintf("%s won the %s in the %s round, with %s.", w.Name, ContestLabel(ct), Ordinal(r.Number), figs)
	}
	return fmt.Sprintf("%s won the %s, with %s.", w.Name, ContestLabel(ct), figs)
}

// referendumOutcome says which answer won and whether the referendum
// passed: a Yes majority fails when the requirement is not met.
func referendumOutcome(ct *knowledge.Contest) string {
	r := ct.FirstRound()
	var yes, no *knowledge.Result
	if o := ct.Yes(); o != nil {
		yes = r.Result(o)
	}
	if o := ct.No(); o != nil {
		no = r.Result(o)
	}
	if yes == nil || no == nil {
		return ""
	}
	won, lost := yes, no
	if (no.Votes != nil && yes.Votes != nil && no.Votes.Value > yes.Votes.Value) ||
		(yes.Votes == nil && no.Share != nil && yes.Share != nil && no.Share.Value > yes.Share.Value) {
		won, lost = no, yes
	}
	met, known := ct.RequirementMet()
	switch {
	case known && !met:
		return fmt.Sprintf("The referendum failed: %s won %s to %s, but the requirement was not met.", won.Name, ResultFigures(won), ResultFigures(lost))
	case known && won == yes:
		return fmt.Sprintf("The referendum passed: %s won %s to %s, and the requirement was met.", won.Name, ResultFigures(won), ResultFigures(lost))
	case won == no:
		return fmt.Sprintf("The referendum was rejected: %s won %s to %s.", won.Name, ResultFigures(won), ResultFigures(lost))
	}
	// Yes won, and the article states nothing more it had to meet.
	return fmt.Sprintf("The referendum passed: %s won %s to %s.", won.Name, ResultFigures(won), ResultFigures(lost))
}
