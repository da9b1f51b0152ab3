package knowledge

import (
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// An Election is what electionbot knows about one election, extracted from
// one Article. Every field may be missing: real articles leave things out,
// and the bot says so rather than guess.
type Election struct {
	Article *Article `json:"-"`
	// ID is a short stable key derived from the file name ("belgrade-2014").
	ID    string
	Title string
	Year  int
	// Place is what the election is about ("Belgrade City Assembly"), from
	// the title without year and the word "election".
	Place string

	Date      *Fact
	Turnout   *Figure
	Seats     *Figure // seats up for election
	Majority  *Figure // seats needed for a majority
	Threshold *Figure // electoral threshold in percent
	// ListCount is the number of electoral lists, from the lists table or,
	// failing that, the prose ("Twenty-three parties and coalitions ran").
	ListCount *Figure
	// ListsProclaimed is the number of lists the electoral commission
	// proclaimed, where the prose states it; lists can withdraw after.
	ListsProclaimed *Figure `json:",omitempty"`

	Office              string // "Mayor of Belgrade"
	Before, After       *Officeholder
	Previous, Next      *Fact
	Registered, Votes   *Figure // registered voters and votes cast, from results
	Valid, Invalid      *Figure
	ResultsSection      string // title of the results section, if any
	ResultsTable        bool   // whether that section has a results table
	ListsSection        string // title of the section with the lists table
	PollsSection        string // title of the section with the polls
	ElectoralCommission string // who proclaimed the results, if stated

	// Contestants are the parties, coalitions and lists: infobox parties in
	// infobox order first, then the other ballot lists by number.
	Contestants []*Contestant
	Polls       []*Poll

	// Type is the infobox's kind of election ("presidential"), if given.
	Type string `json:",omitempty"`
	// Contests are what the election decided, in article order: an
	// assembly, a mayor, a president, a referendum question, each with its
	// rounds and results. The fields above describe MainContest: for an
	// article of one contest, that contest; with an assembly and a mayor,
	// the assembly. See contest.go.
	Contests []*Contest
	// InfoboxFacts are infobox fields the model does not otherwise read,
	// kept so that they can be found and quoted.
	InfoboxFacts []*Fact `json:",omitempty"`
	// ArticleNames are the short names the article itself defines: "Full
	// Name (ABBR)" and "..., known as X", linked or not to a contestant.
	ArticleNames []ArticleName `json:",omitempty"`
	// Source is where the article comes from, for linking and crediting
	// it; nil when the article does not say.
	Source *Source `json:",omitempty"`

	// Warnings are oddities found while extracting; start-up logs them.
	Warnings []string

	resolver   *resolver
	vocabulary map[string]bool
	aliases    *Aliases
}

// A Fact is a piece of text the article states, with the section.
type Fact struct {
	// Key is the infobox key the fact was read from, where it matters.
	Key     string `json:",omitempty"`
	Text    string
	Section string
}

// An Officeholder is who held an office before or after the election.
type Officeholder struct {
	Name    string
	Party   string
	Section string
}

// A Contestant is one party, coalition or electoral list, merged from the
// infobox, the lists table, the results table and the polls.
type Contestant struct {
	// Name is the best display name: the infobox name where there is one
	// (short, as people say it), else the ballot name, else the results name.
	Name string
	// InfoboxName is the infobox's name ("SNS coalition"); Position is its
	// family number there (Party1 -> 1), 0 when not in the infobox.
	InfoboxName string
	Position    int
	Leader      string
	Colour      string

	// Ballot is the ballot number, 0 when unknown.
	Ballot     int
	BallotName string
	Carrier    string
	// Notes are the resolved footnotes of the lists table ("National
	// minority list").
	Notes []string

	Seats      *Figure
	PrevSeats  *Figure
	New        bool // "Last Election: new"
	SeatChange *Figure
	Share      *Figure // percent of the vote
	Votes      *Figure
	ShareSwing *Figure

	// Abbrevs are the abbreviations the contestant goes by (SNS, DS, ...).
	Abbrevs []string
	// AliasNames are names from the aliases file ("Democratic Party").
	AliasNames []string
	// Members lists coalition members named in the ballot name's brackets.
	Members []string

	// Kind is KindCandidate for a person, KindOption for a referendum
	// answer, "" for a party, coalition or list.
	Kind ContestantKind `json:",omitempty"`
	// Party is a candidate's party, "Independent" for an independent.
	Party string `json:",omitempty"`
	// PartyNames are other names the article gives a candidate's party
	// ("Croatian Democratic Union" beside the infobox's "HDZ").
	PartyNames []string `json:",omitempty"`
	// ProseNames are names the article's prose gives the contestant: an
	// abbreviation in parentheses after its name, a "known as" alias.
	ProseNames []string `json:",omitempty"`
	// ResultNames are the names a results table gives a contestant the
	// infobox or the lists table named otherwise ("Aleksandar Vučić – For
	// the Victory of Serbia" for the infobox's "ZPS").
	ResultNames []string `json:",omitempty"`
	// Facts are infobox fields of the contestant's numbered family that
	// the model does not otherwise read (Home State1, Running Mate1, ...).
	Facts []*Fact `json:",omitempty"`

	// acronyms are initials made from the names ("United Regions of
	// Serbia" -> URS): good for matching what users type, not for showing.
	acronyms []string
}

// DisplayName returns the name with the ballot number when known:
// "DS coalition (list 8)". A candidate's or an option's is the name: a
// person is no list.
func (c *Contestant) DisplayName() string {
	if c.Ballot > 0 && c.Name != "" && c.Kind == "" {
		return c.Name + " (list " + strconv.Itoa(c.Ballot) + ")"
	}
	return c.Name
}

// Label is the shortest unambiguous label for charts and compact lines: the
// main abbreviation when the name is long, else the name.
func (c *Contestant) Label() string {
	if len([]rune(c.Name)) > 28 && len(c.Abbrevs) > 0 {
		return c.Abbrevs[0]
	}
	return c.Name
}

// HasNote reports whether a footnote of the lists table matches word.
func (c *Contestant) HasNote(word string) bool {
	for _, n := range c.Notes {
		if strings.Contains(Fold(n), Fold(word)) {
			return true
		}
	}
	return false
}

// Minority reports whether the contestant is a national minority list,
// which in Serbia is exempt from the threshold.
func (c *Contestant) Minority() bool { return c.HasNote("minorit") }

// Extract builds the election model from a parsed article. aliases may be
// nil.
func Extract(a *Article, aliases *Aliases) *Election {
	e := &Election{
		Article: a,
		ID:      electionID(a.File, a.Title),
		Title:   a.Title,
		Source:  a.Source,
		aliases: aliases,
	}
	e.Year, e.Place = titleParts(a.Title)
	x := &extractor{e: e, a: a, aliases: aliases, blocks: map[*plannedContest][]contestBlock{}, names: newNameCache(aliases)}
	x.infobox()
	x.prose()
	x.plan()
	x.assignBoxes()
	x.lists()
	x.results()
	x.boxResults()
	x.roundBoxResults()
	x.referendum()
	x.proseFacts()
	x.proseCounts()
	x.finishContests()
	x.partyTables()
	x.polls()
	x.articleNames()
	x.derive()
	return e
}

var yearRe = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)

// titleParts reads year and place from a title like "2014 Belgrade City
// Assembly election".
func titleParts(title string) (int, string) {
	year := 0
	if m := yearRe.FindString(title); m != "" {
		year, _ = strconv.Atoi(m)
	}
	place := yearRe.ReplaceAllString(title, "")
	for _, w := range []string{"elections", "election", "Elections", "Election"} {
		place = strings.ReplaceAll(place, w, "")
	}
	return year, strings.Join(strings.Fields(place), " ")
}

// electionID derives a short key from the file name, for callbacks and
// the election option.
func electionID(file, title string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if base == "" || base == "." {
		base = title
	}
	var b strings.Builder
	for _, t := range Tokens(Fold(base)) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(t)
	}
	id := b.String()
	if len(id) > 40 {
		id = id[:40]
	}
	return id
}

// ContestantByBallot returns the contestant with ballot number n.
func (e *Election) ContestantByBallot(n int) *Contestant {
	for _, c := range e.Contestants {
		if c.Ballot == n {
			return c
		}
	}
	return nil
}

// Ballots returns the contestants that stood on the ballot, by number.
func (e *Election) Ballots() []*Contestant {
	var out []*Contestant
	for _, c := range e.Contestants {
		if c.Ballot > 0 {
			out = append(out, c)
		}
	}
	sortBy(out, func(c *Contestant) int { return c.Ballot })
	return out
}

// MaxBallot is the highest ballot number (lists can skip numbers).
func (e *Election) MaxBallot() int {
	m := 0
	for _, c := range e.Contestants {
		m = max(m, c.Ballot)
	}
	return m
}

// SeatHolders returns the contestants with a known seat count, in the
// order the infobox or results give them, largest first where they don't.
func (e *Election) SeatHolders() []*Contestant {
	var out []*Contestant
	for _, c := range e.Contestants {
		if c.Seats != nil {
			out = append(out, c)
		}
	}
	return out
}

// SeatWinners are the contestants that won at least one seat: the ones
// the infobox shows first, in its order, then the others in the order the
// article gives them.
func (e *Election) SeatWinners() []*Contestant {
	var out []*Contestant
	for _, c := range e.SeatHolders() {
		if c.Seats.Int() > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := out[i].Position, out[j].Position
		if (pi == 0) != (pj == 0) {
			return pj == 0
		}
		return pi < pj
	})
	return out
}

// SeatsKnown is the sum of the known seat counts.
func (e *Election) SeatsKnown() int {
	n := 0
	for _, c := range e.SeatHolders() {
		n += c.Seats.Int()
	}
	return n
}

// AllSeatsAccounted reports whether the known seat counts add up to the
// seats up for election, so that every other list won none.
func (e *Election) AllSeatsAccounted() bool {
	return e.Seats != nil && e.Seats.Int() > 0 && e.SeatsKnown() == e.Seats.Int()
}

// Winner returns the contestant with the most seats (or share), or nil.
// In a contest of several rounds it is the winner of the decisive round,
// not the first round's leader.
func (e *Election) Winner() *Contestant {
	if m := e.MainContest(); m != nil && len(m.Rounds) > 1 {
		if w := m.Winner(); w != nil {
			return w
		}
	}
	var best *Contestant
	for _, c := range e.Contestants {
		switch {
		case c.Seats != nil && (best == nil || best.Seats == nil || c.Seats.Value > best.Seats.Value):
			best = c
		case c.Seats == nil && c.Share != nil && (best == nil || (best.Seats == nil && best.Share != nil && c.Share.Value > best.Share.Value)):
			best = c
		}
	}
	return best
}

// MajorityHolder returns the contestant whose seats reach the majority.
func (e *Election) MajorityHolder() *Contestant {
	need := e.MajorityNeeded()
	if need == 0 {
		return nil
	}
	for _, c := range e.Contestants {
		if c.Seats != nil && c.Seats.Int() >= need {
			return c
		}
	}
	return nil
}

// MajorityNeeded is the stated majority, or half the seats plus one; 0
// when the article gives neither.
func (e *Election) MajorityNeeded() int {
	if e.Majority != nil {
		return e.Majority.Int()
	}
	if e.Seats != nil {
		return e.Seats.Int()/2 + 1
	}
	return 0
}

// Name returns "2014 Belgrade City Assembly election" style name.
func (e *Election) Name() string { return e.Title }
