package knowledge

import "strings"

// A proseLink is a sentence of a later article that says one of its lists
// continues a list of an earlier election: "Smederevo Can Do Better, the
// successor of the Movement for Smederevo", "Our Smederevo ... took the
// name Movement for Smederevo".
type proseLink struct {
	earlier, later *Contestant
	sentence       string
}

// successionMarkers are the phrases (folded words) by which articles say
// that a party goes on under another name. The names stand on either
// side, in either order ("X, formerly Y"; "Y took the name X"), so both
// readings are tried.
var successionMarkers = [][]string{
	{"successor", "of"}, {"successor", "to"}, {"continuation", "of"}, {"heir", "of"}, {"heir", "to"},
	{"formerly"}, {"previously", "known", "as"}, {"previously", "called"}, {"earlier", "known", "as"},
	{"renamed"}, {"took", "the", "name"}, {"changed", "its", "name"}, {"new", "name"},
	{"formed", "by"}, {"ran", "as"}, {"known", "until"},
}

// proseLinks reads every later article of the history for sentences that
// link one of its lists to a list of an earlier election.
func (h *History) proseLinks() []proseLink {
	var out []proseLink
	for i, e := range h.Elections {
		if i == 0 || e.Article == nil {
			continue
		}
		for _, p := range e.Article.Passages() {
			if p.Kind != "sentence" && p.Kind != "item" {
				continue
			}
			if pl, ok := h.proseLink(p.Text, i); ok {
				out = append(out, pl)
			}
		}
	}
	return out
}

// proseLink reads one sentence of election i's article.
func (h *History) proseLink(text string, i int) (proseLink, bool) {
	spans := TokenSpans(text)
	toks := make([]string, len(spans))
	for k, sp := range spans {
		toks[k] = sp.Term
	}
	for _, m := range successionMarkers {
		at := indexPhrase(toks, m)
		if at < 0 {
			continue
		}
		left := spanText(text, spans, 0, at)
		right := spanText(text, spans, at+len(m), len(spans))
		if left == "" || right == "" {
			continue
		}
		later := h.Elections[i]
		var best proseLink
		bestScore := 0.0
		// The nearest earlier election first: of equal readings, the
		// newer list is the one continued; and no further back than a
		// lineage reaches (maxGap).
		for k := i - 1; k >= 0 && i-k <= maxGap; k-- {
			earlier := h.Elections[k]
			// "X, the successor of Y": the later list first; "Y took the
			// name X": the earlier first.
			for _, order := range [][2]string{{left, right}, {right, left}} {
				nb, sb := sureMatch(later, order[0])
				na, sa := sureMatch(earlier, order[1])
				if nb == nil || na == nil || sb+sa <= bestScore {
					continue
				}
				best, bestScore = proseLink{earlier: na, later: nb, sentence: text}, sb+sa
			}
		}
		if bestScore > 0 {
			return best, true
		}
	}
	return proseLink{}, false
}

// sureMatch returns the list a text names by a whole name, and the score,
// when one name stands clearly above the rest. A person's name will not
// do: "his successor as mayor" speaks of people, not lists.
func sureMatch(e *Election, text string) (*Contestant, float64) {
	ms := e.Resolve(text)
	if len(ms) == 0 || !ms[0].Exact || ms[0].Score < 7 {
		return nil, 0
	}
	if len(ms) > 1 && ms[1].Score > ms[0].Score*0.8 {
		return nil, 0
	}
	spans := TokenSpans(text)
	if m := ms[0]; m.End <= len(spans) {
		if words := spanText(text, spans, m.Start, m.End); samePerson(words, m.Contestant.Leader) || samePerson(words, m.Contestant.Carrier) {
			return nil, 0
		}
	}
	return ms[0].Contestant, ms[0].Score
}

// indexPhrase returns where phrase occurs in toks, or -1.
func indexPhrase(toks, phrase []string) int {
	for s := 0; s+len(phrase) <= len(toks); s++ {
		if equalTokens(toks[s:s+len(phrase)], phrase) {
			return s
		}
	}
	return -1
}

// spanText is the original text of words from..to (to exclusive).
func spanText(text string, spans []TokenSpan, from, to int) string {
	if from >= to {
		return ""
	}
	return strings.TrimSpace(text[spans[from].Start:spans[to-1].End])
}
