package render

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// FindLineage finds the party a name means in the histories: the surest
// match, or a reply saying why there is none.
func FindLineage(s reply.Say, hs []*knowledge.History, name string) (*knowledge.History, *knowledge.Lineage, *reply.Response) {
	var bestH *knowledge.History
	var best []knowledge.LineageMatch
	for _, h := range hs {
		ms := h.Find(name)
		if len(ms) > 0 && (best == nil || ms[0].Score > best[0].Score) {
			bestH, best = h, ms
		}
	}
	if len(best) == 0 || best[0].Score < 5 {
		r := s.Invalid(lang.TrendNoSuchParty, s.Quote(name), ExampleParty(hs))
		return nil, nil, &r
	}
	if len(best) > 1 && !best[0].Exact && best[1].Score > best[0].Score*0.8 {
		var alts []string
		for _, m := range best[:min(len(best), 4)] {
			if m.Score > best[0].Score*0.8 {
				alts = append(alts, m.Lineage.Name())
			}
		}
		r := s.Invalid(lang.TrendAmbiguous, s.Quote(name), strings.Join(alts, "; "))
		return nil, nil, &r
	}
	return bestH, best[0].Lineage, nil
}

// ExampleParty names a few parties that have lists in several elections.
func ExampleParty(hs []*knowledge.History) string {
	var out []string
	for _, h := range hs {
		for _, l := range h.Parties {
			if len(l.Steps) > 1 && len(out) < 3 && len([]rune(l.Name())) <= 20 {
				out = append(out, l.Name())
			}
		}
	}
	if len(out) == 0 {
		return "SNS"
	}
	return strings.Join(out, ", ")
}

// YearSpan is "2012–2024", the years of a history.
func YearSpan(h *knowledge.History) string {
	first, last := reply.YearOf(h.Elections[0]), reply.YearOf(h.Newest())
	if first == last {
		return first
	}
	return first + "–" + last
}

// TrendValue is a party's result in one election: "47 of 70 seats ·
// 61.30% · a majority".
func TrendValue(s reply.Say, e *knowledge.Election, k *knowledge.Contestant) string {
	var parts []string
	if k.Seats != nil {
		seats := s.Seats(k.Seats.Int())
		if e.Seats != nil {
			seats = s.T(lang.SeatsOfTotal, k.Seats.Int(), e.Seats.Int())
		}
		parts = append(parts, seats)
	}
	if k.Share != nil {
		parts = append(parts, reply.Pct(k.Share))
	}
	if need := e.MajorityNeeded(); k.Seats != nil && need > 0 && k.Seats.Int() >= need {
		parts = append(parts, s.T(lang.AMajority))
	}
	if len(parts) == 0 {
		if line := s.NoSeats(e, k); line != "" {
			return s.T(lang.StepNoSeats)
		}
		return s.T(lang.TrendNoFigures)
	}
	return strings.Join(parts, " · ")
}

// TrendSummary says where the party peaked and where it was lowest, by
// seats and by share, and where it had no list.
func TrendSummary(s reply.Say, h *knowledge.History, l *knowledge.Lineage) string {
	seats := func(k *knowledge.Contestant) *knowledge.Figure { return k.Seats }
	share := func(k *knowledge.Contestant) *knowledge.Figure { return k.Share }
	var parts []string
	if hi, lo := extremes(h, l, seats); hi != nil {
		parts = append(parts, s.T(lang.TrendSeatsRange, reply.YearOf(hi.Election), hi.Contestant.Seats.Int(), reply.YearOf(lo.Election), lo.Contestant.Seats.Int()))
	}
	if hi, lo := extremes(h, l, share); hi != nil {
		parts = append(parts, s.T(lang.TrendShareRange, reply.YearOf(hi.Election), reply.Pct(hi.Contestant.Share), reply.YearOf(lo.Election), reply.Pct(lo.Contestant.Share)))
	}
	var absent []*knowledge.Election
	for _, e := range h.Elections {
		if l.In(e) == nil {
			absent = append(absent, e)
		}
	}
	if len(absent) > 0 {
		parts = append(parts, s.T(lang.TrendAbsent, s.Years(absent)))
	}
	if len(parts) == 0 {
		return s.T(lang.TrendNoSeatsOrShares, l.Name())
	}
	return strings.Join(parts, " ")
}

// extremes returns the steps with the highest and the lowest figure, or
// nils when no step has one.
func extremes(h *knowledge.History, l *knowledge.Lineage, get func(*knowledge.Contestant) *knowledge.Figure) (hi, lo *knowledge.Step) {
	for i := range l.Steps {
		s := &l.Steps[i]
		f := get(s.Contestant)
		if f == nil {
			continue
		}
		if hi == nil || f.Value > get(hi.Contestant).Value {
			hi = s
		}
		if lo == nil || f.Value < get(lo.Contestant).Value {
			lo = s
		}
	}
	return hi, lo
}
