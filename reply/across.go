package reply

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// The phrases of answers across elections: a party's figures in one
// election of its history, the change between two, and what the bot
// must say about how it followed the party (a link it guessed, figures
// the articles disagree on). /compare, /trend and the answerer share them.

// YearOf names an election in a sentence about several: its year, or
// its title when the title has none.
func YearOf(e *knowledge.Election) string {
	if e.Year > 0 {
		return strconv.Itoa(e.Year)
	}
	return e.Title
}

// Years lists the elections' years: "2014, 2018 and 2022".
func Years(es []*knowledge.Election) string {
	ys := make([]string, len(es))
	for i, e := range es {
		ys[i] = YearOf(e)
	}
	return Join(ys)
}

// Join lists items in a sentence: "a", "a and b", "a, b and c".
func Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// HistorySource names where an answer across elections comes from: the
// place's articles of those years, and the sections.
func HistorySource(h *knowledge.History, es []*knowledge.Election, sections ...string) Source {
	return Source{Election: fmt.Sprintf("%s elections %s", h.Place, Years(es)), Section: Sections(sections...)}
}

// StepFigures is a list's result in one election, seats first:
// "38 seats, 49.80%"; "" when the article gives neither.
func StepFigures(e *knowledge.Election, k *knowledge.Contestant) string {
	var parts []string
	if k.Seats != nil {
		parts = append(parts, Seats(k.Seats.Int()))
	}
	if k.Share != nil {
		parts = append(parts, Pct(k.Share))
	}
	if len(parts) == 0 {
		if line := NoSeats(e, k); line != "" {
			return "no seats"
		}
	}
	return strings.Join(parts, ", ")
}

// Points renders a change of share in percentage points: "+11.5", "−2.27".
func Points(d float64) string {
	d = math.Round(d*100) / 100
	s := strconv.FormatFloat(math.Abs(d), 'f', -1, 64)
	switch {
	case d > 0:
		return "+" + s
	case d < 0:
		return "−" + s
	}
	return "±0"
}

// SignedInt renders a change of a count: "+9", "−3", "±0".
func SignedInt(n int) string {
	switch {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return "−" + strconv.Itoa(-n)
	}
	return "±0"
}

// ChangeLine compares one party's lists in two elections: "38 → 47 seats
// (+9) · 49.80% → 61.30% (+11.5 points)"; a figure one article lacks is
// left out.
func ChangeLine(a, b *knowledge.Contestant) string {
	var parts []string
	if a.Seats != nil && b.Seats != nil {
		parts = append(parts, fmt.Sprintf("%d → %s (%s)", a.Seats.Int(), Seats(b.Seats.Int()), SignedInt(b.Seats.Int()-a.Seats.Int())))
	}
	if a.Share != nil && b.Share != nil {
		parts = append(parts, fmt.Sprintf("%s → %s (%s points)", Pct(a.Share), Pct(b.Share), Points(b.Share.Value-a.Share.Value)))
	}
	return strings.Join(parts, " · ")
}

// LinkNote says that a link of a party's lists is a guess and why it was
// made: "The 2024 list “NADA” is taken as the continuation of
// “Democratic Party of Serbia” (2020): member party DSS; the same leader,
// Zoran Ilić." It is "" for a sure link.
func LinkNote(prev, s knowledge.Step) string {
	if s.Link == nil || s.Link.Sure {
		return ""
	}
	var why []string
	for _, r := range s.Link.Reasons {
		if w := reasonPhrase(r); w != "" {
			why = append(why, w)
		}
	}
	return fmt.Sprintf("The %s list “%s” is taken as the continuation of “%s” (%s): %s.",
		YearOf(s.Election), s.Contestant.Name, prev.Contestant.Name, YearOf(prev.Election), strings.Join(why, "; "))
}

// reasonPhrase says one piece of evidence for a link in words.
func reasonPhrase(r knowledge.Reason) string {
	switch r.Kind {
	case knowledge.ReasonAbbrev:
		return "the same abbreviation, " + r.Detail
	case knowledge.ReasonName:
		return "the same name, " + r.Detail
	case knowledge.ReasonProse:
		return "the article calls it the successor of " + r.Detail
	case knowledge.ReasonOffice:
		return fmt.Sprintf("carried by %s, the %s office holder", r.Detail, r.Party)
	case knowledge.ReasonLeader:
		return "the same leader, " + r.Detail
	case knowledge.ReasonCarrier:
		return "the same ballot carrier, " + r.Detail
	case knowledge.ReasonMembers:
		return "member party " + r.Detail
	}
	return ""
}

// DisagreementNote says where two articles disagree about a party's
// seats, without choosing: "The articles disagree: the 2020 article gives
// For Our Children 39 seats at the previous election (a change of +8),
// while the 2016 article gives the SNS coalition 38."
func DisagreementNote(d knowledge.Disagreement) string {
	year, name := YearOf(d.Later.Election), d.Later.Contestant.Name
	var later string
	switch {
	case d.PrevSeats != nil && d.PrevSeats.Int() != d.EarlierSeats.Int():
		later = fmt.Sprintf("the %s article gives %s %s at the previous election", year, name, Seats(d.PrevSeats.Int()))
		if d.SeatChange != nil {
			later += fmt.Sprintf(" (a change of %s)", Signed(d.SeatChange))
		}
	default:
		prev := d.Later.Contestant.Seats.Int() - d.SeatChange.Int()
		later = fmt.Sprintf("the %s article gives %s a change of %s seats, which makes %d before", year, name, Signed(d.SeatChange), prev)
	}
	return fmt.Sprintf("The articles disagree: %s, while the %s article gives the %s %d.",
		later, YearOf(d.Earlier.Election), d.Earlier.Contestant.Name, d.EarlierSeats.Int())
}

// LinkNotes are the notes an answer about a party's lists in the
// elections es owes the reader on each guessed link that joins two of
// them.
func LinkNotes(h *knowledge.History, l *knowledge.Lineage, es []*knowledge.Election) []string {
	lo, hi := span(h, es)
	var notes []string
	for i := 1; i < len(l.Steps); i++ {
		prev, s := l.Steps[i-1], l.Steps[i]
		if n := LinkNote(prev, s); n != "" && h.Index(prev.Election) >= lo && h.Index(s.Election) <= hi {
			notes = append(notes, n)
		}
	}
	return notes
}

// DisagreementNotes say where the articles of es disagree about a
// party's seats.
func DisagreementNotes(h *knowledge.History, l *knowledge.Lineage, es []*knowledge.Election) []string {
	in := map[*knowledge.Election]bool{}
	for _, e := range es {
		in[e] = true
	}
	var notes []string
	for _, d := range h.Disagreements(l) {
		if in[d.Later.Election] && in[d.Earlier.Election] {
			notes = append(notes, DisagreementNote(d))
		}
	}
	return notes
}

// span is the positions in the history of the oldest and newest of es.
func span(h *knowledge.History, es []*knowledge.Election) (lo, hi int) {
	lo, hi = len(h.Elections), -1
	for _, e := range es {
		if i := h.Index(e); i >= 0 {
			lo, hi = min(lo, i), max(hi, i)
		}
	}
	return lo, hi
}

// NotLoadedYears refuses, by name, the years of a question that no
// loaded article is about.
func NotLoadedYears(years []string, es []*knowledge.Election) string {
	what := "the " + Join(years) + " election"
	if len(years) > 1 {
		what += "s"
	}
	return fmt.Sprintf("I have no article about %s loaded, so I can't answer that for %s. Loaded: %s.", what, Join(years), Years(es))
}
