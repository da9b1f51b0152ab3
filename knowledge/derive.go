package knowledge

import (
	"slices"
	"sort"
	"strconv"
)

// derive completes the model with what the article implies: seat changes
// from seats and previous seats, contestant order, and the final name index.
func (x *extractor) derive() {
	e := x.e
	for _, c := range e.Contestants {
		if c.SeatChange == nil && c.Seats != nil && c.PrevSeats != nil {
			d := c.Seats.Int() - c.PrevSeats.Int()
			text := strconv.Itoa(d)
			if d > 0 {
				text = "+" + text
			} else if d < 0 {
				text = "−" + strconv.Itoa(-d)
			}
			c.SeatChange = &Figure{Value: float64(d), Text: text, Section: c.Seats.Section}
		}
		if c.PrevSeats == nil && c.Seats != nil && c.SeatChange != nil {
			// A results table gives seats and change: the seats before
			// follow ("0, −5" had 5).
			prev := c.Seats.Int() - c.SeatChange.Int()
			if prev >= 0 {
				c.PrevSeats = &Figure{Value: float64(prev), Text: strconv.Itoa(prev), Section: c.SeatChange.Section}
			}
		}
		if c.Name == "" {
			c.Name = c.BallotName
		}
	}
	// Infobox parties keep their order; everything else follows by ballot
	// number, and contestants known only from results by seats.
	sort.SliceStable(e.Contestants, func(i, j int) bool {
		a, b := e.Contestants[i], e.Contestants[j]
		if (a.Position > 0) != (b.Position > 0) {
			return a.Position > 0
		}
		if a.Position > 0 {
			return a.Position < b.Position
		}
		if (a.Ballot > 0) != (b.Ballot > 0) {
			return a.Ballot > 0
		}
		return a.Ballot < b.Ballot
	})
	for _, c := range e.Contestants {
		enrichWith(c, x.aliases, x.names)
	}
	e.resolver = newResolverWith(e.Contestants, e.aliases, x.names)
	e.resolver.place = x.placeWords()
	x.indexContests()
	x.buildVocabulary()
	for _, p := range e.Polls {
		for i := range p.Entries {
			if p.Entries[i].Contestant == nil {
				p.Entries[i].Contestant = e.resolver.link(p.Entries[i].Name)
			}
		}
	}
}

// indexContests enriches the other contests' contestants as the main
// contest's are and builds every contest's index of names now, not on
// first use: the model is read by many requests at once.
func (x *extractor) indexContests() {
	enriched := map[*Contestant]bool{}
	for _, c := range x.e.Contestants {
		enriched[c] = true
	}
	for _, ct := range x.e.Contests {
		for _, c := range ct.Contestants {
			if !enriched[c] {
				enrichWith(c, x.aliases, x.names)
				enriched[c] = true
			}
		}
		if slices.Equal(ct.Contestants, x.e.Contestants) {
			ct.resolver = x.e.resolver // the main contest's: the same names
			continue
		}
		ct.resolver = newResolverWith(ct.Contestants, x.e.aliases, x.names)
		ct.resolver.place = x.e.resolver.place
	}
}

// placeWords are the words of the election's place and country.
func (x *extractor) placeWords() map[string]bool {
	words := x.e.Place
	if f, ok := x.a.InfoboxValue("Country"); ok {
		words += " " + f.Value
	}
	out := map[string]bool{}
	for _, t := range FoldTokens(words) {
		if kindOf(t) == "" {
			out[t] = true
		}
	}
	return out
}
