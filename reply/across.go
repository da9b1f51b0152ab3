package reply

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
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
func (s Say) Years(es []*knowledge.Election) string {
	ys := make([]string, len(es))
	for i, e := range es {
		ys[i] = YearOf(e)
	}
	return s.Join(ys)
}

// Join lists items in a sentence: "a", "a and b", "a, b and c"; in
// Serbian "a, b i c".
func (s Say) Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return s.T(lang.JoinLast, strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// StepFigures is a list's result in one election, seats first:
// "38 seats, 49.80%"; "" when the article gives neither.
func (s Say) StepFigures(e *knowledge.Election, k *knowledge.Contestant) string {
	var parts []string
	if k.Seats != nil {
		parts = append(parts, s.Seats(k.Seats.Int()))
	}
	if k.Share != nil {
		parts = append(parts, Pct(k.Share))
	}
	if len(parts) == 0 {
		if line := s.NoSeats(e, k); line != "" {
			return s.T(lang.StepNoSeats)
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
func (s Say) ChangeLine(a, b *knowledge.Contestant) string {
	var parts []string
	if a.Seats != nil && b.Seats != nil {
		parts = append(parts, fmt.Sprintf("%d → %s (%s)", a.Seats.Int(), s.Seats(b.Seats.Int()), SignedInt(b.Seats.Int()-a.Seats.Int())))
	}
	if a.Share != nil && b.Share != nil {
		parts = append(parts, s.T(lang.ChangeShare, Pct(a.Share), Pct(b.Share), Points(b.Share.Value-a.Share.Value)))
	}
	return strings.Join(parts, " · ")
}

// LinkNote says that a link of a party's lists is a guess and why it was
// made: "The 2024 list “NADA” is taken as the continuation of
// “Democratic Party of Serbia” (2020): member party DSS; the same leader,
// Zoran Ilić." It is "" for a sure link.
func (s Say) LinkNote(prev, st knowledge.Step) string {
	if st.Link == nil || st.Link.Sure {
		return ""
	}
	var why []string
	for _, r := range st.Link.Reasons {
		if k, ok := reasonKeys[r.Kind]; ok {
			why = append(why, s.T(k, r.Detail, r.Party))
		}
	}
	return s.T(lang.LinkGuessed, YearOf(st.Election), st.Contestant.Name, prev.Contestant.Name, YearOf(prev.Election), strings.Join(why, "; "))
}

// reasonKeys say each kind of evidence for a link in words: the
// message's first argument is the reason's detail, the second its party.
var reasonKeys = map[knowledge.ReasonKind]lang.Key{
	knowledge.ReasonAbbrev:  lang.ReasonAbbrev,
	knowledge.ReasonName:    lang.ReasonName,
	knowledge.ReasonProse:   lang.ReasonProse,
	knowledge.ReasonOffice:  lang.ReasonOffice,
	knowledge.ReasonLeader:  lang.ReasonLeader,
	knowledge.ReasonCarrier: lang.ReasonCarrier,
	knowledge.ReasonMembers: lang.ReasonMembers,
}

// DisagreementNote says where two articles disagree about a party's
// seats, without choosing: "The articles disagree: the 2020 article gives
// For Our Children 39 seats at the previous election (a change of +8),
// while the 2016 article gives the SNS coalition 38."
func (s Say) DisagreementNote(d knowledge.Disagreement) string {
	year, name := YearOf(d.Later.Election), d.Later.Contestant.Name
	var later string
	switch {
	case d.PrevSeats != nil && d.PrevSeats.Int() != d.EarlierSeats.Int():
		later = s.T(lang.DisagreePrevSeats, year, name, s.Seats(d.PrevSeats.Int()))
		if d.SeatChange != nil {
			later += s.T(lang.DisagreeChangeOf, Signed(d.SeatChange))
		}
	default:
		prev := d.Later.Contestant.Seats.Int() - d.SeatChange.Int()
		later = s.T(lang.DisagreeChange, year, name, Signed(d.SeatChange), prev)
	}
	return s.T(lang.Disagree, d.EarlierSeats.Int(), later, YearOf(d.Earlier.Election), d.Earlier.Contestant.Name)
}

// LinkNotes are the notes an answer about a party's lists in the
// elections es owes the reader on each guessed link that joins two of
// them.
func (s Say) LinkNotes(h *knowledge.History, l *knowledge.Lineage, es []*knowledge.Election) []string {
	lo, hi := span(h, es)
	var notes []string
	for i := 1; i < len(l.Steps); i++ {
		prev, st := l.Steps[i-1], l.Steps[i]
		if n := s.LinkNote(prev, st); n != "" && h.Index(prev.Election) >= lo && h.Index(st.Election) <= hi {
			notes = append(notes, n)
		}
	}
	return notes
}

// DisagreementNotes say where the articles of es disagree about a
// party's seats.
func (s Say) DisagreementNotes(h *knowledge.History, l *knowledge.Lineage, es []*knowledge.Election) []string {
	in := map[*knowledge.Election]bool{}
	for _, e := range es {
		in[e] = true
	}
	var notes []string
	for _, d := range h.Disagreements(l) {
		if in[d.Later.Election] && in[d.Earlier.Election] {
			notes = append(notes, s.DisagreementNote(d))
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
func (s Say) NotLoadedYears(years []string, es []*knowledge.Election) string {
	return s.T(lang.NotLoadedYears, len(years), s.Join(years), s.Years(es))
}
