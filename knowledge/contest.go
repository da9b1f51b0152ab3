package knowledge

import "sort"

// ContestKind says what a contest decides.
type ContestKind string

// The kinds of contest an article can describe.
const (
	// ContestAssembly is a parliament, city assembly or council elected
	// from party lists.
	ContestAssembly ContestKind = "assembly"
	// ContestMayor, ContestPresident and ContestOffice elect one person from
	// candidates, often in two rounds.
	ContestMayor     ContestKind = "mayor"
	ContestPresident ContestKind = "president"
	ContestOffice    ContestKind = "office"
	// ContestReferendum is a question answered by options (Yes, No).
	ContestReferendum ContestKind = "referendum"
)

// ContestantKind says what a contestant is; the zero value is a party,
// coalition or list.
type ContestantKind string

// The kinds of contestant besides a list.
const (
	// KindCandidate is a person standing for an office, with their party
	// or "Independent" in Contestant.Party.
	KindCandidate ContestantKind = "candidate"
	// KindOption is an answer to a referendum question ("Yes", "No").
	KindOption ContestantKind = "option"
)

// A Contest is one thing an election decides: an assembly, an office or a
// referendum question. An article holds one or more; Election.Contests
// lists them in article order and Election.MainContest says which one the
// flat fields of Election describe.
type Contest struct {
	Kind ContestKind
	// Title names the contest as the article does: the heading its results
	// are under ("Mayoral election"), else the office ("President of
	// Slovenia") or the body ("City Assembly").
	Title string
	// Section is the heading its results are under; "" when the whole
	// article is about it.
	Section string

	// Seats, Majority and Threshold are an assembly's.
	Seats, Majority, Threshold *Figure
	// Question is a referendum's question; Requirement what makes its
	// result valid or binding (a turnout quorum, a share of the electorate).
	Question    *Fact
	Requirement *Requirement

	// Rounds in order; every contest has at least one.
	Rounds []*Round
	// Contestants are every list, candidate or option of the contest, in
	// the order the infobox, the lists and the results give them. For the
	// main contest this is Election.Contestants.
	Contestants []*Contestant `json:"-"`

	resolver *resolver
}

// A Round is one vote of a contest: the only one, or a first round and a
// run-off.
type Round struct {
	// Number counts from 1; Name is how the article calls the round
	// ("First round", "Second round"), "" for the only round.
	Number int
	Name   string `json:",omitempty"`
	Date   *Fact

	Turnout, Registered, Votes, Valid, Invalid *Figure

	// Results are the contestants' figures in this round, in the order the
	// article gives them. A candidate eliminated in the first round has no
	// result in the second.
	Results []*Result
	// Others are rows that stand for no one contestant ("Other
	// candidates", "Others").
	Others []*Result `json:",omitempty"`
}

// A Result is one contestant's figures in one round.
type Result struct {
	// Name is how the row or infobox names the contestant.
	Name       string
	Contestant *Contestant `json:"-"`

	Votes, Share, Seats, SeatChange, ShareSwing *Figure
	New                                         bool `json:",omitempty"`
}

// A Requirement is what a referendum needed to be valid or to pass.
type Requirement struct {
	// Text is the statement as the article gives it.
	Text    string
	Section string
	// Percent is the share required, and Of what it is a share of:
	// RequireTurnout (registered voters who must vote), RequireYesOfElectorate
	// (registered voters who must vote Yes) or RequireYesOfVotes (valid
	// votes that must be Yes).
	Percent *Figure
	Of      string
}

// What a referendum's Requirement is a share of.
const (
	RequireTurnout         = "turnout"
	RequireYesOfElectorate = "yes of electorate"
	RequireYesOfVotes      = "yes of votes"
	// RequireNoOfElectorate is a rejective rule: the law falls when the
	// votes against reach a share of the registered voters.
	RequireNoOfElectorate = "no of electorate"
)

// MainContest is the contest the flat fields of Election describe: the
// assembly when there is one, else the only or first contest. It is never
// nil for an extracted election.
func (e *Election) MainContest() *Contest {
	for _, c := range e.Contests {
		if c.Kind == ContestAssembly {
			return c
		}
	}
	if len(e.Contests) > 0 {
		return e.Contests[0]
	}
	return nil
}

// ContestOf returns the first contest of a kind, or nil.
func (e *Election) ContestOf(kind ContestKind) *Contest {
	for _, c := range e.Contests {
		if c.Kind == kind {
			return c
		}
	}
	return nil
}

// ContestFor returns the contest a contestant stands in, or nil.
func (e *Election) ContestFor(c *Contestant) *Contest {
	for _, ct := range e.Contests {
		for _, x := range ct.Contestants {
			if x == c {
				return ct
			}
		}
	}
	return nil
}

// Elects reports whether the contest elects one person from candidates.
func (c *Contest) Elects() bool {
	return c.Kind == ContestMayor || c.Kind == ContestPresident || c.Kind == ContestOffice
}

// Round returns round n (counting from 1), or nil.
func (c *Contest) Round(n int) *Round {
	if n < 1 || n > len(c.Rounds) {
		return nil
	}
	return c.Rounds[n-1]
}

// FirstRound returns the first round.
func (c *Contest) FirstRound() *Round { return c.Round(1) }

// LastRound returns the last round, the run-off where there was one.
func (c *Contest) LastRound() *Round { return c.Round(len(c.Rounds)) }

// Decisive returns the last round that has results: the round that
// decided the contest.
func (c *Contest) Decisive() *Round {
	for i := len(c.Rounds) - 1; i >= 0; i-- {
		if len(c.Rounds[i].Results) > 0 {
			return c.Rounds[i]
		}
	}
	return c.FirstRound()
}

// Winner returns the contestant who won: the most seats in an assembly,
// else the most votes (or share) in the decisive round. It is nil when
// the article gives no figures.
func (c *Contest) Winner() *Contestant {
	r := c.Decisive()
	if r == nil {
		return nil
	}
	if ranked := r.Ranked(); len(ranked) > 0 {
		return ranked[0].Contestant
	}
	return nil
}

// Finalists returns the contestants who stood in the second round, in the
// order of their second-round result; nil for a contest of one round.
func (c *Contest) Finalists() []*Contestant {
	r := c.Round(2)
	if r == nil {
		return nil
	}
	var out []*Contestant
	for _, x := range r.Ranked() {
		out = append(out, x.Contestant)
	}
	return out
}

// Result returns a contestant's result in the round, or nil.
func (r *Round) Result(c *Contestant) *Result {
	for _, x := range r.Results {
		if x.Contestant == c {
			return x
		}
	}
	return nil
}

// Ranked returns the round's results best first: by seats where the round
// gives seats, else by votes, else by share. Results without the figure
// ranked by come last, in article order.
func (r *Round) Ranked() []*Result {
	out := append([]*Result(nil), r.Results...)
	key := func(x *Result) *Figure { return x.Votes }
	switch {
	case r.has(func(x *Result) *Figure { return x.Seats }):
		key = func(x *Result) *Figure { return x.Seats }
	case !r.has(key):
		key = func(x *Result) *Figure { return x.Share }
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := key(out[i]), key(out[j])
		if a == nil || b == nil {
			return a != nil
		}
		if a.Value != b.Value {
			return a.Value > b.Value
		}
		// Equal seats: more votes or share first.
		return tieBreak(out[i]) > tieBreak(out[j])
	})
	return out
}

func (r *Round) has(f func(*Result) *Figure) bool {
	for _, x := range r.Results {
		if f(x) != nil {
			return true
		}
	}
	return false
}

func tieBreak(x *Result) float64 {
	switch {
	case x.Votes != nil:
		return x.Votes.Value
	case x.Share != nil:
		return x.Share.Value
	}
	return 0
}

// Margin returns the lead of the first over the second of the round in
// votes (0 when the round gives no votes) and in percentage points (0 when
// it gives no shares); ok is false with fewer than two results.
func (r *Round) Margin() (votes int, points float64, ok bool) {
	ranked := r.Ranked()
	if len(ranked) < 2 {
		return 0, 0, false
	}
	a, b := ranked[0], ranked[1]
	if a.Votes != nil && b.Votes != nil {
		votes = a.Votes.Int() - b.Votes.Int()
	}
	if a.Share != nil && b.Share != nil {
		points = float64(int((a.Share.Value-b.Share.Value)*100+0.5)) / 100
	}
	return votes, points, true
}

// Option returns a referendum's option by name ("Yes", "No"), or nil.
func (c *Contest) Option(name string) *Contestant {
	for _, x := range c.Contestants {
		if x.Kind == KindOption && Fold(x.Name) == Fold(name) {
			return x
		}
	}
	return nil
}

// optionNames are the names articles give a referendum's two answers.
var optionNames = map[string][]string{
	"Yes": {"yes", "for", "in favour", "in favor", "za", "da"},
	"No":  {"no", "against", "protiv", "ne"},
}

// Yes returns a referendum's Yes option, however the article names it
// ("Yes", "For", "Za"), or nil.
func (c *Contest) Yes() *Contestant { return c.optionOf("Yes") }

// No returns a referendum's No option ("No", "Against", "Protiv"), or nil.
func (c *Contest) No() *Contestant { return c.optionOf("No") }

// optionNamed returns the option a results row names ("For" is Yes),
// adding it when new.
func (c *Contest) optionNamed(name string) *Contestant {
	f := Fold(name)
	for canon, names := range optionNames {
		for _, n := range names {
			if f == n {
				if o := c.optionOf(canon); o != nil {
					return o
				}
			}
		}
	}
	if o := c.Option(name); o != nil {
		return o
	}
	o := &Contestant{Name: name, Kind: KindOption}
	c.Contestants = append(c.Contestants, o)
	return o
}

func (c *Contest) optionOf(name string) *Contestant {
	for _, n := range optionNames[name] {
		if o := c.Option(n); o != nil {
			return o
		}
	}
	return nil
}

// RequirementMet reports whether a referendum met its requirement, and
// whether that can be told from the figures the article gives.
func (c *Contest) RequirementMet() (met, known bool) {
	q := c.Requirement
	r := c.FirstRound()
	if q == nil || q.Percent == nil || r == nil {
		return false, false
	}
	var yes *Result
	if o := c.Yes(); o != nil {
		yes = r.Result(o)
	}
	switch q.Of {
	case RequireTurnout:
		if r.Turnout != nil {
			return r.Turnout.Value >= q.Percent.Value, true
		}
	case RequireYesOfElectorate:
		if yes != nil && yes.Votes != nil && r.Registered != nil && r.Registered.Value > 0 {
			return yes.Votes.Value*100/r.Registered.Value >= q.Percent.Value, true
		}
	case RequireYesOfVotes:
		if yes != nil && yes.Share != nil {
			return yes.Share.Value > q.Percent.Value, true
		}
	case RequireNoOfElectorate:
		var no *Result
		if o := c.No(); o != nil {
			no = r.Result(o)
		}
		if no != nil && no.Votes != nil && r.Registered != nil && r.Registered.Value > 0 {
			return no.Votes.Value*100/r.Registered.Value >= q.Percent.Value, true
		}
	}
	return false, false
}

// ResolveAll returns the contestants of every contest that a text names,
// best first: the main contest's (as Resolve) and the other contests'
// candidates. Referendum options are left out: "no" is in too many
// texts to name one.
func (e *Election) ResolveAll(text string) []Match {
	ms := e.Resolve(text)
	main := e.MainContest()
	for _, ct := range e.Contests {
		if ct != main {
			ms = append(ms, ct.Resolve(text)...)
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if m.Contestant.Kind != KindOption {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// Resolve returns the contestants of this contest a text names, best
// first.
func (c *Contest) Resolve(text string) []Match {
	if c.resolver == nil {
		return newResolver(c.Contestants, nil).resolve(text) // a contest made outside Extract
	}
	return c.resolver.resolve(text)
}
