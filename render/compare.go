package render

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// compareFiller are words between the elections of /compare that name
// none: "/compare 2016 and 2020", "/compare 2016 vs. 2020".
var compareFiller = map[string]bool{"and": true, "vs": true, "versus": true, "with": true, "to": true, "i": true,
	"the": true, "election": true, "elections": true, "izbori": true, "izbore": true, "sa": true, "against": true}

// ElectionsNamed reads elections from a command's words: ids
// ("belgrade-2014"), years ("2014"), and place words that pick among
// elections of one year, or alone the place's two newest.
func ElectionsNamed(s reply.Say, es []*knowledge.Election, hs []*knowledge.History, args string) ([]*knowledge.Election, *reply.Response) {
	var picks []*knowledge.Election
	var years []int
	var place []string
	for _, w := range strings.FieldsFunc(args, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '&' }) {
		switch y, isYear := knowledge.Year(w); {
		case electionByID(es, w) != nil:
			picks = append(picks, electionByID(es, w))
		case isYear:
			years = append(years, y)
		case compareFiller[knowledge.Fold(strings.Trim(w, "."))]:
		default:
			place = append(place, w)
		}
	}
	if unknown := unknownPlaceWords(es, place); len(unknown) > 0 {
		r := s.Invalid(lang.CompareUnknownWords, s.Quote(strings.Join(unknown, " ")), ExampleCompare(hs))
		return nil, &r
	}
	for _, y := range years {
		e := electionOfYear(es, hs, y, place, picks)
		if e == nil {
			r := s.NotLoaded(es, fmt.Sprint(y), "")
			return nil, &r
		}
		picks = append(picks, e)
	}
	if len(picks) == 0 && len(place) > 0 {
		if h := historyOfPlace(hs, place); h != nil && len(h.Elections) >= 2 {
			picks = h.Elections[len(h.Elections)-2:]
		}
	}
	return picks, nil
}

// electionByID returns the election whose id is w.
func electionByID(es []*knowledge.Election, w string) *knowledge.Election {
	for _, e := range es {
		if strings.EqualFold(e.ID, w) {
			return e
		}
	}
	return nil
}

// unknownPlaceWords are the words that name no place of the loaded
// elections.
func unknownPlaceWords(es []*knowledge.Election, words []string) []string {
	var out []string
	for _, w := range words {
		known := false
		for _, t := range knowledge.FoldTokens(w) {
			for _, e := range es {
				for _, p := range knowledge.FoldTokens(e.Place) {
					known = known || t == p || knowledge.TokenSimilar(t, p)
				}
			}
			known = known || knowledge.GenericPlaceWord(t)
		}
		if !known {
			out = append(out, w)
		}
	}
	return out
}

// electionOfYear picks the election of year y: of the place the words
// name, else of the place of an election already picked, else of the
// newest election's place, else any.
func electionOfYear(es []*knowledge.Election, hs []*knowledge.History, y int, place []string, picks []*knowledge.Election) *knowledge.Election {
	var prefer []*knowledge.History
	if h := historyOfPlace(hs, place); h != nil {
		prefer = append(prefer, h)
	}
	for _, p := range picks {
		prefer = append(prefer, knowledge.HistoryOf(hs, p))
	}
	if len(hs) > 0 {
		prefer = append(prefer, hs[0])
	}
	for _, h := range prefer {
		for _, e := range h.Elections {
			if e.Year == y {
				return e
			}
		}
	}
	for _, e := range es {
		if e.Year == y {
			return e
		}
	}
	return nil
}

// historyOfPlace returns the history whose place the words name best.
func historyOfPlace(hs []*knowledge.History, words []string) *knowledge.History {
	var best *knowledge.History
	bestN := 0
	for _, h := range hs {
		n := 0
		for _, w := range words {
			for _, t := range knowledge.FoldTokens(w) {
				for _, p := range knowledge.FoldTokens(h.Place) {
					if !knowledge.GenericPlaceWord(p) && (t == p || knowledge.TokenSimilar(t, p)) {
						n++
					}
				}
			}
		}
		if n > bestN {
			best, bestN = h, n
		}
	}
	return best
}

// ExampleCompare is a /compare the loaded elections can answer.
func ExampleCompare(hs []*knowledge.History) string {
	for _, h := range hs {
		if n := len(h.Elections); n >= 2 {
			return reply.YearOf(h.Elections[n-2]) + " " + reply.YearOf(h.Elections[n-1])
		}
	}
	return "2014 2018"
}

func PlaceOf(e *knowledge.Election) string {
	if e.Place != "" {
		return e.Place
	}
	return e.Title
}

func CompareTitle(s reply.Say, h *knowledge.History, a, b *knowledge.Election) string {
	if a.Place == b.Place && a.Place != "" {
		return h.Place + ": " + s.Join([]string{reply.YearOf(a), reply.YearOf(b)})
	}
	return s.Join([]string{a.Title, b.Title})
}

// CompareLines are the elections' own figures side by side.
func CompareLines(s reply.Say, a, b *knowledge.Election) []string {
	ya, yb := reply.YearOf(a), reply.YearOf(b)
	var lines []string
	if a.Date != nil && b.Date != nil {
		lines = append(lines, s.T(lang.CompareHeld, s.Date(a.Date.Text), s.Date(b.Date.Text)))
	}
	switch {
	case a.Turnout != nil && b.Turnout != nil:
		lines = append(lines, s.T(lang.CompareTurnout, reply.Pct(a.Turnout), reply.Pct(b.Turnout), reply.Points(b.Turnout.Value-a.Turnout.Value)))
	case a.Turnout != nil || b.Turnout != nil:
		lines = append(lines, oneSided(s, s.T(lang.FieldTurnout), a, b, func(e *knowledge.Election) string { return reply.Pct(e.Turnout) }, func(e *knowledge.Election) bool { return e.Turnout != nil }))
	}
	if a.Seats != nil && b.Seats != nil {
		lines = append(lines, s.T(lang.CompareSeats, a.Seats.Int(), b.Seats.Int(), a.MajorityNeeded(), b.MajorityNeeded()))
	}
	wa, wb := a.Winner(), b.Winner()
	if wa != nil && wb != nil {
		lines = append(lines, s.T(lang.CompareMostSeats, ya, winnerWords(s, a, wa), yb, winnerWords(s, b, wb)))
	}
	return lines
}

// oneSided says a figure only one of the two articles gives.
func oneSided(s reply.Say, what string, a, b *knowledge.Election, show func(*knowledge.Election) string, has func(*knowledge.Election) bool) string {
	given, lacking := a, b
	if !has(a) {
		given, lacking = b, a
	}
	return s.T(lang.CompareOneSided, what, show(given), reply.YearOf(given), reply.YearOf(lacking))
}

func winnerWords(s reply.Say, e *knowledge.Election, w *knowledge.Contestant) string {
	var parts []string
	if w.Seats != nil {
		parts = append(parts, s.Seats(w.Seats.Int()))
	}
	if e.MajorityHolder() == w {
		parts = append(parts, s.T(lang.AMajority))
	}
	if len(parts) == 0 {
		return w.Name
	}
	return fmt.Sprintf("%s (%s)", w.Name, strings.Join(parts, ", "))
}

// PartyFields gives one field per party with seats in either election,
// largest first: its change, or the one election it stood in; and a
// last field counting the lists that won none.
func PartyFields(s reply.Say, h *knowledge.History, a, b *knowledge.Election) ([]reply.Field, []*knowledge.Lineage) {
	type row struct {
		l      *knowledge.Lineage
		ka, kb *knowledge.Contestant
	}
	var rows []row
	others := map[*knowledge.Election]int{}
	for _, l := range h.Parties {
		r := row{l, l.In(a), l.In(b)}
		if r.ka == nil && r.kb == nil {
			continue
		}
		if !holds(r.ka) && !holds(r.kb) {
			if r.ka != nil {
				others[a]++
			}
			if r.kb != nil {
				others[b]++
			}
			continue
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return weight(rows[i].kb, rows[i].ka) > weight(rows[j].kb, rows[j].ka) })
	var fields []reply.Field
	var lineages []*knowledge.Lineage
	for _, r := range rows {
		if len(fields) == reply.MaxFields-1 {
			break
		}
		lineages = append(lineages, r.l)
		fields = append(fields, reply.Field{Name: lineageTitle(r.l, r.ka, r.kb), Value: changeValue(s, a, b, r.ka, r.kb)})
	}
	if others[a]+others[b] > 0 {
		fields = append(fields, reply.Field{Name: s.T(lang.FieldOtherLists), Value: s.T(lang.CompareOthers, others[a], reply.YearOf(a), others[b], reply.YearOf(b))})
	}
	return fields, lineages
}

// holds reports a list with seats, or with a share where the article
// gives no seats at all.
func holds(k *knowledge.Contestant) bool {
	return k != nil && ((k.Seats != nil && k.Seats.Int() > 0) || (k.Seats == nil && k.Share != nil && k.Share.Value >= 1))
}

// weight orders parties by their seats in the later election, then the
// earlier, then their share.
func weight(later, earlier *knowledge.Contestant) float64 {
	w := 0.0
	for i, k := range []*knowledge.Contestant{later, earlier} {
		if k == nil {
			continue
		}
		scale := 1000.0 - float64(i)*999
		if k.Seats != nil {
			w += scale * k.Seats.Value
		} else if k.Share != nil {
			w += k.Share.Value / 100
		}
	}
	return w
}

// lineageTitle names a party in a comparison, with its lists' names
// where they are not the party's: "SNS (SNS coalition → For Our
// Children)", "DS (Smederevo Against Violence)".
func lineageTitle(l *knowledge.Lineage, ka, kb *knowledge.Contestant) string {
	name := l.Name()
	var names []string
	for _, k := range []*knowledge.Contestant{ka, kb} {
		if k == nil {
			continue
		}
		if lb := k.Label(); !strings.Contains(knowledge.Fold(lb), knowledge.Fold(name)) && !slices.Contains(names, lb) {
			names = append(names, lb)
		}
	}
	switch len(names) {
	case 0:
		return name
	case 1:
		return reply.Clip(fmt.Sprintf("%s (%s)", name, names[0]), 90)
	}
	return reply.Clip(fmt.Sprintf("%s (%s → %s)", name, names[0], names[1]), 90)
}

// changeValue is a party's line: its change, or the election it stood in.
func changeValue(s reply.Say, a, b *knowledge.Election, ka, kb *knowledge.Contestant) string {
	switch {
	case ka == nil:
		return s.T(lang.CompareOnlyIn, reply.YearOf(b), s.StepFigures(b, kb))
	case kb == nil:
		return s.T(lang.CompareOnlyIn, reply.YearOf(a), s.StepFigures(a, ka))
	}
	if line := s.ChangeLine(ka, kb); line != "" {
		return line
	}
	return fmt.Sprintf("%s: %s; %s: %s", reply.YearOf(a), orNone(s, s.StepFigures(a, ka)), reply.YearOf(b), orNone(s, s.StepFigures(b, kb)))
}

func orNone(s reply.Say, figures string) string {
	if figures == "" {
		return s.T(lang.NoFigures)
	}
	return figures
}
