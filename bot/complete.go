package bot

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// A Choice is one autocomplete suggestion: what the user sees and the
// option value it stands for.
type Choice struct {
	Name  string
	Value string
}

// Autocomplete limits, Discord's: at most 25 choices of at most 100
// characters.
const (
	MaxChoices    = 25
	MaxChoiceName = 100
)

// complete suggests values for a command option as the user types
// partial; election is the election option typed so far, if any.
func complete(st *state, command, option, partial, election string) []Choice {
	lib := st.lib
	if len(lib.Elections) == 0 {
		return nil
	}
	if electionOptions[option] {
		return limitChoices(electionChoices(lib.Elections, partial))
	}
	if choose, ok := historyChoosers[option]; ok {
		hs := st.histories
		if sel, _ := selectElection(st.finder, election); election != "" && sel != nil {
			if h := knowledge.HistoryOf(hs, sel); h != nil {
				hs = []*knowledge.History{h}
			}
		}
		return limitChoices(choose(hs, partial))
	}
	choose, ok := choosers[option]
	if !ok {
		return nil
	}
	el := lib.Elections[0]
	if election != "" {
		if sel, _ := selectElection(st.finder, election); sel != nil {
			el = sel
		}
	}
	return limitChoices(choose(el, partial))
}

// electionOptions are the options whose values are elections.
var electionOptions = map[string]bool{OptionElection: true, "first": true, "second": true}

// historyChoosers suggest values of options about a place's elections
// together (/trend's party).
var historyChoosers = map[string]func(hs []*knowledge.History, partial string) []Choice{
	"party": lineageChoices,
}

// choosers suggest the values of each option that autocompletes (see
// the command table), in one election.
var choosers = map[string]func(e *knowledge.Election, partial string) []Choice{
	"number": ballotChoices,
	"name":   nameChoices,
	"who":    pollChoices,
}

func electionChoices(es []*knowledge.Election, partial string) []Choice {
	var out []Choice
	for _, el := range es {
		if partial == "" || strings.Contains(knowledge.Fold(el.Title+" "+el.ID), knowledge.Fold(partial)) {
			out = append(out, Choice{Name: reply.Clip(el.Title, MaxChoiceName-1), Value: el.ID})
		}
	}
	return out
}

// ballotChoices suggests ballot numbers, shown with the list's name.
func ballotChoices(e *knowledge.Election, partial string) []Choice {
	var out []Choice
	for _, k := range matching(e, partial, true) {
		out = append(out, Choice{Name: reply.Clip(strconv.Itoa(k.Ballot)+" — "+k.BallotName, MaxChoiceName-1), Value: strconv.Itoa(k.Ballot)})
	}
	return out
}

func nameChoices(e *knowledge.Election, partial string) []Choice {
	var out []Choice
	for _, k := range matching(e, partial, false) {
		out = append(out, partyChoice(k))
	}
	return out
}

// pollChoices suggests the pollsters, then the parties that polls give
// figures for.
func pollChoices(e *knowledge.Election, partial string) []Choice {
	var out []Choice
	for _, p := range e.Polls {
		if p.Pollster != "" && (partial == "" || strings.Contains(knowledge.Fold(p.Pollster), knowledge.Fold(partial))) && !hasChoice(out, p.Pollster) {
			out = append(out, Choice{Name: reply.Clip(p.Pollster, MaxChoiceName-1), Value: reply.Clip(p.Pollster, MaxChoiceName-1)})
		}
	}
	for _, k := range matching(e, partial, false) {
		if polled(e, k) {
			out = append(out, partyChoice(k))
		}
	}
	return out
}

// partyChoice shows a party with its ballot number the way ballotChoices
// do ("8 — DS coalition"): suggestions carry no language (Complete is
// not told the asker's), so they carry no words of the bot's own.
func partyChoice(k *knowledge.Contestant) Choice {
	name := k.Name
	if k.Ballot > 0 {
		name = strconv.Itoa(k.Ballot) + " — " + k.Name
	}
	return Choice{Name: reply.Clip(name, MaxChoiceName-1), Value: reply.Clip(k.Name, MaxChoiceName-1)}
}

// polled reports whether a poll gives a figure for k.
func polled(e *knowledge.Election, k *knowledge.Contestant) bool {
	for _, p := range e.Polls {
		if p.Entry(k) != nil {
			return true
		}
	}
	return false
}

func hasChoice(cs []Choice, v string) bool {
	for _, c := range cs {
		if knowledge.Fold(c.Value) == knowledge.Fold(v) {
			return true
		}
	}
	return false
}

// everyContestant returns the lists and candidates of every contest, the
// main contest's first; a referendum's answers are no one to look up.
func everyContestant(e *knowledge.Election) []*knowledge.Contestant {
	out := append([]*knowledge.Contestant(nil), e.Contestants...)
	for _, ct := range e.Contests {
		if ct == e.MainContest() {
			continue
		}
		for _, k := range ct.Contestants {
			if k.Kind != knowledge.KindOption {
				out = append(out, k)
			}
		}
	}
	return out
}

func limitChoices(cs []Choice) []Choice {
	if len(cs) > MaxChoices {
		return cs[:MaxChoices]
	}
	return cs
}

// matching returns the contestants whose names contain partial (or match
// it as a name, a number prefix or with a typo), in the election's order.
func matching(e *knowledge.Election, partial string, ballotOnly bool) []*knowledge.Contestant {
	f := knowledge.Fold(strings.TrimSpace(partial))
	var out []*knowledge.Contestant
	seen := map[*knowledge.Contestant]bool{}
	add := func(k *knowledge.Contestant) {
		if !seen[k] && (!ballotOnly || k.Ballot > 0) {
			seen[k] = true
			out = append(out, k)
		}
	}
	cs := e.Contestants
	if ballotOnly {
		cs = e.Ballots()
	} else {
		cs = everyContestant(e)
	}
	for _, k := range cs {
		if f == "" || (k.Ballot > 0 && strings.HasPrefix(strconv.Itoa(k.Ballot), f)) {
			add(k)
			continue
		}
		for _, n := range k.Names() {
			if strings.Contains(knowledge.Fold(n), f) {
				add(k)
				break
			}
		}
	}
	if f != "" {
		for _, m := range e.ResolveAll(partial) {
			if m.Score >= 5 {
				add(m.Contestant)
			}
		}
	}
	return out
}

// lineageChoices suggests parties that stood in the loaded elections,
// those in more elections first, each once per place, by any name one of
// their lists had.
func lineageChoices(hs []*knowledge.History, partial string) []Choice {
	f := knowledge.Fold(strings.TrimSpace(partial))
	var out []Choice
	for _, h := range hs {
		ls := append([]*knowledge.Lineage(nil), h.Parties...)
		sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].Steps) > len(ls[j].Steps) })
		for _, l := range ls {
			if !hasFigures(l) || !lineageMatches(l, f) {
				continue
			}
			// The label names the place and the years the party stood in,
			// in no language: suggestions are not worded per user.
			name := l.Name()
			years := stepYears(l)
			label := fmt.Sprintf("%s (%s, %s)", name, h.Place, years)
			if len(hs) == 1 {
				label = fmt.Sprintf("%s (%s)", name, years)
			}
			if !hasChoice(out, name) {
				out = append(out, Choice{Name: reply.Clip(label, MaxChoiceName-1), Value: reply.Clip(name, MaxChoiceName-1)})
			}
		}
	}
	return out
}

// stepYears is the years of a party's lists: "2016", "2012–2024".
func stepYears(l *knowledge.Lineage) string {
	first, last := reply.YearOf(l.Steps[0].Election), reply.YearOf(l.Steps[len(l.Steps)-1].Election)
	if first == last {
		return first
	}
	return first + "–" + last
}

// hasFigures reports a party some election gives seats or a share.
func hasFigures(l *knowledge.Lineage) bool {
	for _, s := range l.Steps {
		if s.Contestant.Seats != nil || s.Contestant.Share != nil {
			return true
		}
	}
	return false
}

// lineageMatches reports whether a folded partial is in a name of one
// of the party's lists.
func lineageMatches(l *knowledge.Lineage, f string) bool {
	if f == "" {
		return true
	}
	for _, s := range l.Steps {
		for _, n := range s.Contestant.Names() {
			if strings.Contains(knowledge.Fold(n), f) {
				return true
			}
		}
	}
	return false
}
