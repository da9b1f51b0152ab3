package reply

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// The phrases of contests that are not an assembly of lists: a contest
// and a round named in a sentence, a result's figures and how a contest
// ended. Serbian declines what English only puts after a preposition
// ("in the second round of the mayoral election", "u drugom krugu
// izbora za gradonačelnika"), so a contest and a round are worded in the
// case their slot of a sentence needs (Case), and the catalogue holds
// each case's form.

// A Case is the grammatical case a contest or a round is named in.
type Case uint8

// The cases the bot's sentences need. English has one form for all.
const (
	Nom Case = iota // the name alone, as a label or a subject: "izbori za gradonačelnika"
	Gen             // after a noun ("drugi krug izbora za gradonačelnika") or "pobednik"
	Loc             // after a preposition of place or topic: "na izborima za gradonačelnika"
)

// contestForms are a contest kind's keys, by Case.
var contestForms = map[knowledge.ContestKind][3]lang.Key{
	knowledge.ContestMayor:      {lang.ContestNomMayor, lang.ContestGenMayor, lang.ContestLocMayor},
	knowledge.ContestPresident:  {lang.ContestNomPresident, lang.ContestGenPresident, lang.ContestLocPresident},
	knowledge.ContestReferendum: {lang.ContestNomReferendum, lang.ContestGenReferendum, lang.ContestLocReferendum},
}

// assemblyForms are the keys of an assembly's contest in Serbian, by
// Case.
var assemblyForms = [3]lang.Key{lang.ContestNomAssembly, lang.ContestGenAssembly, lang.ContestLocAssembly}

// titledForms are the keys of a contest named by its title ("City
// Assembly election"), by Case.
var titledForms = [3]lang.Key{lang.ContestNomTitled, lang.ContestGenTitled, lang.ContestLocTitled}

// Contest names a contest in case c: "mayoral election", "izbori za
// gradonačelnika"; a contest of another kind by its title ("City
// Assembly election").
func (s Say) Contest(ct *knowledge.Contest, c Case) string {
	if keys, ok := contestForms[ct.Kind]; ok {
		return s.T(keys[c])
	}
	if ct.Kind == knowledge.ContestAssembly && s.Serbian() {
		// The title is the article's, in English: Serbian says what
		// the contest elected.
		return s.T(assemblyForms[c])
	}
	title := ct.Title
	if !s.Serbian() && !strings.HasSuffix(knowledge.Fold(title), "election") {
		title += " election"
	}
	return s.T(titledForms[c], title)
}

// roundForms are the keys of the first three rounds and of any other, by
// Case (Nom and Loc).
var roundForms = [4][2]lang.Key{
	{lang.RoundNomFirst, lang.RoundLocFirst},
	{lang.RoundNomSecond, lang.RoundLocSecond},
	{lang.RoundNomThird, lang.RoundLocThird},
	{lang.RoundNomNth, lang.RoundLocNth},
}

// Round names round n in case c (Nom or Loc): "second round", "drugi
// krug", "drugom krugu".
func (s Say) Round(n int, c Case) string {
	i := 0
	if c == Loc {
		i = 1
	}
	if n >= 1 && n <= 3 {
		return s.T(roundForms[n-1][i])
	}
	return s.T(roundForms[3][i], n)
}

// RoundName labels a round's figures: how an English article names it
// ("Second round"), else "Round 2"; in Serbian "2. krug".
func (s Say) RoundName(r *knowledge.Round) string {
	if r.Name != "" && !s.Serbian() {
		return r.Name
	}
	return s.T(lang.RoundLabel, r.Number)
}

// A Where is a round of a contest named in a sentence ("the second round
// of the mayoral election", "the first round", "the City Assembly
// election"): Round nil names the contest alone, Contest nil the round
// alone, and both nil nothing.
type Where struct {
	Contest *knowledge.Contest
	Round   int
}

// Empty reports a Where that names nothing: the only round of the only
// contest.
func (w Where) Empty() bool { return w.Contest == nil && w.Round == 0 }

// phrase is w's words in case c, without a preposition.
func (s Say) phrase(w Where, c Case) string {
	switch {
	case w.Round == 0 && w.Contest == nil:
		return ""
	case w.Round == 0:
		return s.Contest(w.Contest, c)
	case w.Contest == nil:
		return s.Round(w.Round, c)
	}
	return s.T(lang.WhereRoundOf, s.Round(w.Round, c), s.Contest(w.Contest, Gen))
}

// WhereName is w as a name: "second round of the mayoral election",
// "drugi krug izbora za gradonačelnika"; "" for an empty w.
func (s Say) WhereName(w Where) string { return s.phrase(w, Nom) }

// WhereIn is w after "in": "in the second round", "u drugom krugu", "na
// izborima za gradonačelnika"; "" for an empty w.
func (s Say) WhereIn(w Where) string { return s.after(w, lang.WhereInRound, lang.WhereInContest) }

// WhereOf is w after a figure it is of: "of the second round"; in
// Serbian "u drugom krugu", "na izborima za gradonačelnika"; "" for an
// empty w.
func (s Say) WhereOf(w Where) string { return s.after(w, lang.WhereOfRound, lang.WhereOfContest) }

// after is w in the locative after a preposition, which Serbian chooses
// by the noun: "u" for a round, "na" for an election.
func (s Say) after(w Where, round, contest lang.Key) string {
	p := s.phrase(w, Loc)
	switch {
	case p == "":
		return ""
	case w.Round > 0:
		return s.T(round, p)
	}
	return s.T(contest, p)
}

// WhereFor is w after "for" (what figures are given for): "for the
// second round", "o drugom krugu"; "" for an empty w.
func (s Say) WhereFor(w Where) string {
	if p := s.phrase(w, Loc); p != "" {
		return s.T(lang.WhereFor, p)
	}
	return ""
}

// ResultFigures renders one result of a round: "53.87% (468,930 votes)",
// "468,930 votes", "53.87%"; "" when it gives neither.
func (s Say) ResultFigures(res *knowledge.Result) string {
	switch {
	case res.Share != nil && res.Votes != nil:
		return Pct(res.Share) + " (" + s.Votes(res.Votes) + ")"
	case res.Share != nil:
		return Pct(res.Share)
	case res.Votes != nil:
		return s.Votes(res.Votes)
	}
	return ""
}

// OptionName is a referendum answer's name: the article's ("Yes", "For")
// in English; in Serbian "za" for Yes and "protiv" for No.
func (s Say) OptionName(ct *knowledge.Contest, o *knowledge.Contestant) string {
	if s.Serbian() {
		switch o {
		case ct.Yes():
			return s.T(lang.OptionYes)
		case ct.No():
			return s.T(lang.OptionNo)
		}
	}
	return o.Name
}

// ContestOutcome says in one sentence how a contest ended: who won a majority or
// the most seats, who was elected and in which round, or whether a
// referendum passed. It is "" when the article gives no figures to tell.
func (s Say) ContestOutcome(e *knowledge.Election, ct *knowledge.Contest) string {
	switch {
	case ct.Kind == knowledge.ContestReferendum:
		return s.referendumOutcome(ct)
	case ct.Elects():
		return s.electedOutcome(ct)
	case ct == e.MainContest():
		if w := e.MajorityHolder(); w != nil {
			return s.T(lang.WonMajority, w.Name, s.Seats(w.Seats.Int()))
		}
		if w := e.Winner(); w != nil && w.Seats != nil {
			return s.T(lang.WonMostSeats, w.Name, w.Seats.Int())
		}
	}
	return ""
}

// electedOutcome says who was elected, in which round, with what.
func (s Say) electedOutcome(ct *knowledge.Contest) string {
	r := ct.Decisive()
	w := ct.Winner()
	if w == nil || r == nil || r.Result(w) == nil {
		return ""
	}
	figs := s.ResultFigures(r.Result(w))
	if len(ct.Rounds) > 1 {
		return s.T(lang.ElectedInRound, w.Name, s.Contest(ct, Gen), s.WhereIn(Where{Round: r.Number}), figs)
	}
	return s.T(lang.Elected, w.Name, s.Contest(ct, Gen), figs)
}

// referendumOutcome says which answer won and whether the referendum
// passed: a Yes majority fails when the requirement is not met.
func (s Say) referendumOutcome(ct *knowledge.Contest) string {
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
	key := lang.ReferendumPassed // Yes won, and the article states nothing more it had to meet
	met, known := ct.RequirementMet()
	rejective := ct.Requirement != nil && ct.Requirement.Of == knowledge.RequireNoOfElectorate
	switch {
	case rejective && won == yes:
		// A rule of how many must vote against says nothing of a Yes.
	case rejective && known && !met:
		key = lang.ReferendumNoFellShort
	case rejective && known:
		key = lang.ReferendumRejectedRequirement
	case known && !met:
		key = lang.ReferendumFailedRequirement
	case known && won == yes:
		key = lang.ReferendumPassedRequirement
	case won == no:
		key = lang.ReferendumRejected
	}
	name := won.Name
	if s.Serbian() {
		name = s.OptionName(ct, won.Contestant)
	}
	return s.T(key, name, s.ResultFigures(won), s.ResultFigures(lost))
}
