package knowledge

import (
	"sort"
	"strconv"
	"sync"
)

// A History is the loaded elections of one place ("Belgrade City
// Assembly"), oldest first, with each party followed from one election to
// the next. Parties change their lists' names from one election to the
// next ("Aleksandar Vučić — Future we believe in", then "... — Because we
// love Belgrade"), coalitions rename and regroup, and a party may skip an
// election: a Lineage is one party through all of that, and each of its
// steps says why it was taken for the same party (history_link.go).
type History struct {
	Place     string
	Elections []*Election // oldest first
	// Parties are the lineages in order of first appearance, and within
	// one election in the article's order.
	Parties []*Lineage
	of      map[*Contestant]*Lineage

	// The people of the articles, read once when first asked for
	// (history_people.go).
	folkOnce sync.Once
	folk     []someone
	surnames map[string][]string
	lasts    []string
	heads    map[*Contestant]heads
}

// A Lineage is one party, coalition or list followed across elections.
type Lineage struct {
	// Steps are its lists, oldest first, at most one per election.
	Steps []Step
}

// A Step is one election's list of a lineage.
type Step struct {
	Election   *Election
	Contestant *Contestant
	// Link says why this list is taken for the same party as the step
	// before it; nil for the first step.
	Link *Link
	at   int // the election's place in the history
}

// A Link says why two lists of different elections are taken for the
// same party.
type Link struct {
	Reasons []Reason
	Score   float64
	// Sure is set when the articles make the link themselves: the same
	// abbreviation or name, prose that says so ("the successor of"), an
	// office holder's party. A link through a shared leader, carrier or
	// member party only is a guess the bot says it made.
	Sure bool
}

// A Reason is one piece of evidence for a link.
type Reason struct {
	Kind ReasonKind
	// Detail is what the two lists share: the abbreviation, name or person.
	Detail string
	// Sentence is the later article's sentence, for a ReasonProse.
	Sentence string `json:",omitempty"`
	// Party is the office holder's party, for a ReasonOffice; Detail
	// is the office holder.
	Party string `json:",omitempty"`
}

// ReasonKind is the kind of evidence a Reason is.
type ReasonKind int

// The kinds of evidence that link two lists.
const (
	ReasonAbbrev  ReasonKind = iota // the same main abbreviation
	ReasonName                      // the same name, or part of one
	ReasonProse                     // the later article says so
	ReasonOffice                    // carried by an office holder of that party
	ReasonLeader                    // the same leader
	ReasonCarrier                   // the same ballot carrier, or a leader who carried the other
	ReasonMembers                   // member parties in common
)

// String names a reason kind in golden files and logs.
func (k ReasonKind) String() string {
	switch k {
	case ReasonAbbrev:
		return "abbreviation"
	case ReasonName:
		return "name"
	case ReasonProse:
		return "prose"
	case ReasonOffice:
		return "office"
	case ReasonLeader:
		return "leader"
	case ReasonCarrier:
		return "carrier"
	case ReasonMembers:
		return "members"
	}
	return "reason" + strconv.Itoa(int(k))
}

// Histories groups elections by place and links the parties of each
// place's elections. Histories come in the order of their newest
// election, newest first, as the elections do.
func Histories(es []*Election) []*History {
	var out []*History
	byPlace := map[string]*History{}
	for _, e := range es {
		key := Fold(e.Place)
		if key == "" {
			key = "\x00" + e.ID // an election of no known place stands alone
		}
		h := byPlace[key]
		if h == nil {
			h = &History{Place: e.Place}
			byPlace[key] = h
			out = append(out, h)
		}
		h.Elections = append(h.Elections, e)
	}
	for i, h := range out {
		out[i] = NewHistory(h.Place, h.Elections)
	}
	return out
}

// NewHistory links the parties of elections as one history, whatever
// their places: Histories makes one per place, and two elections of
// different places can be compared by what their articles share.
func NewHistory(place string, es []*Election) *History {
	h := &History{Place: place, Elections: append([]*Election(nil), es...)}
	sort.SliceStable(h.Elections, func(i, j int) bool { return h.Elections[i].Year < h.Elections[j].Year })
	h.link()
	return h
}

// HistoryOf returns the history e belongs to, or nil.
func HistoryOf(hs []*History, e *Election) *History {
	for _, h := range hs {
		if h.Index(e) >= 0 {
			return h
		}
	}
	return nil
}

// Index is e's place among the history's elections, oldest first; -1
// when e is not one of them.
func (h *History) Index(e *Election) int {
	for i, x := range h.Elections {
		if x == e {
			return i
		}
	}
	return -1
}

// Newest is the history's latest election.
func (h *History) Newest() *Election { return h.Elections[len(h.Elections)-1] }

// Before returns the election before e in the history, or nil.
func (h *History) Before(e *Election) *Election {
	if i := h.Index(e); i > 0 {
		return h.Elections[i-1]
	}
	return nil
}

// LineageOf returns the lineage a list belongs to, or nil.
func (h *History) LineageOf(c *Contestant) *Lineage { return h.of[c] }

// In returns the lineage's list in election e, or nil when it had none
// there (or none linked to it).
func (l *Lineage) In(e *Election) *Contestant {
	if s := l.StepIn(e); s != nil {
		return s.Contestant
	}
	return nil
}

// StepIn returns the lineage's step in election e, or nil.
func (l *Lineage) StepIn(e *Election) *Step {
	for i := range l.Steps {
		if l.Steps[i].Election == e {
			return &l.Steps[i]
		}
	}
	return nil
}

// Latest is the lineage's newest step.
func (l *Lineage) Latest() Step { return l.Steps[len(l.Steps)-1] }

// Name is how answers name the lineage: the main abbreviation most of its
// lists share ("SNS"), else its newest list's label.
func (l *Lineage) Name() string {
	count := map[string]int{}
	best, bestN := "", 0
	for _, s := range l.Steps {
		if len(s.Contestant.Abbrevs) == 0 {
			continue
		}
		a := s.Contestant.Abbrevs[0]
		count[a]++
		if count[a] > bestN {
			best, bestN = a, count[a]
		}
	}
	if bestN*2 > len(l.Steps) || (bestN > 0 && bestN == len(l.Steps)) {
		return best
	}
	return l.Latest().Contestant.Label()
}

// Colour is the newest infobox colour of the lineage's lists, or "".
func (l *Lineage) Colour() string {
	for i := len(l.Steps) - 1; i >= 0; i-- {
		if c := l.Steps[i].Contestant.Colour; c != "" {
			return c
		}
	}
	return ""
}

// Unsure returns the steps whose link to the step before is a guess.
func (l *Lineage) Unsure() []Step {
	var out []Step
	for _, s := range l.Steps {
		if s.Link != nil && !s.Link.Sure {
			out = append(out, s)
		}
	}
	return out
}

// A Disagreement is where a later article's figures for a list's previous
// result (its "Last Election" or its +/− change) do not fit what the
// earlier article gives the same party.
type Disagreement struct {
	Earlier, Later Step
	// PrevSeats and SeatChange are the later article's figures (either
	// may be nil); EarlierSeats is what the earlier article gives.
	PrevSeats, SeatChange, EarlierSeats *Figure
}

// Disagreements returns where the lineage's articles disagree about its
// seats, between consecutive elections of the history.
func (h *History) Disagreements(l *Lineage) []Disagreement {
	var out []Disagreement
	for i := 1; i < len(l.Steps); i++ {
		a, b := l.Steps[i-1], l.Steps[i]
		if d, ok := h.disagreement(a, b); ok {
			out = append(out, d)
		}
	}
	return out
}

// disagreement compares a later list's previous seats with the earlier
// article's seats, when the earlier election is the one the later article
// calls its previous.
func (h *History) disagreement(a, b Step) (Disagreement, bool) {
	ka, kb := a.Contestant, b.Contestant
	if ka.Seats == nil || (kb.PrevSeats == nil && (kb.SeatChange == nil || kb.Seats == nil)) || h.Before(b.Election) != a.Election {
		return Disagreement{}, false
	}
	if p := b.Election.Previous; p != nil {
		if y, ok := YearIn(p.Text); ok && y != a.Election.Year {
			return Disagreement{}, false
		}
	}
	fits := kb.PrevSeats == nil || kb.PrevSeats.Int() == ka.Seats.Int()
	if kb.Seats != nil && kb.SeatChange != nil {
		// A +/− column may say otherwise than the Last Election figure.
		fits = fits && kb.Seats.Int()-kb.SeatChange.Int() == ka.Seats.Int()
	}
	if fits {
		return Disagreement{}, false
	}
	return Disagreement{Earlier: a, Later: b, PrevSeats: kb.PrevSeats, SeatChange: kb.SeatChange, EarlierSeats: ka.Seats}, true
}

// A LineageMatch is a lineage a text names, with how sure the best
// match in any of its elections is.
type LineageMatch struct {
	Lineage *Lineage
	Score   float64
	Exact   bool
	// Elections counts the elections in which the text names the lineage.
	Elections int
	// Start and End are the words of the text the best match covers
	// (Match.Start, Match.End).
	Start, End int
}

// Find returns the lineages a text names in any of the history's
// elections, best first: the best match in one election counts, and of
// equals the one named in more elections.
func (h *History) Find(text string) []LineageMatch {
	best := map[*Lineage]*LineageMatch{}
	var order []*Lineage
	for _, e := range h.Elections {
		seen := map[*Lineage]bool{}
		for _, m := range e.Resolve(text) {
			l := h.of[m.Contestant]
			if l == nil || m.Score < 5 || seen[l] {
				continue
			}
			seen[l] = true
			lm := best[l]
			if lm == nil {
				lm = &LineageMatch{Lineage: l}
				best[l] = lm
				order = append(order, l)
			}
			lm.Elections++
			if m.Score > lm.Score || (m.Score == lm.Score && m.Exact) {
				lm.Score, lm.Exact, lm.Start, lm.End = m.Score, m.Exact, m.Start, m.End
			}
		}
	}
	out := make([]LineageMatch, 0, len(order))
	for _, l := range order {
		out = append(out, *best[l])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return a.Elections > b.Elections
	})
	return out
}
