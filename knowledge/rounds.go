package knowledge

import (
	"math"
	"regexp"
	"strings"
)

// roundPhrases map folded phrases to the round they name.
var roundPhrases = []struct {
	phrase string
	round  int
}{
	{"run off", 2}, {"runoff", 2}, {"second round", 2}, {"2nd round", 2}, {"round 2", 2}, {"second ballot", 2},
	{"ii round", 2}, {"round ii", 2}, {"drugi krug", 2}, {"2 krug", 2}, {"final round", 2},
	{"first round", 1}, {"1st round", 1}, {"round 1", 1}, {"first ballot", 1}, {"i round", 1}, {"round i", 1},
	{"prvi krug", 1}, {"1 krug", 1},
	{"third round", 3}, {"3rd round", 3}, {"round 3", 3},
}

// roundOf returns the round a label names ("First round", "Votes (2nd
// round)", "Run-off"), 0 when it names none.
func roundOf(label string) int { return roundIn(paddedWords(label)) }

// roundIn is roundOf on paddedWords(label).
func roundIn(f string) int {
	best, at := 0, len(f)
	for _, p := range roundPhrases {
		if i := indexSpaced(f, p.phrase); i >= 0 && i < at {
			best, at = p.round, i
		}
	}
	return best
}

// withoutRound removes the round phrase from a header cell: "First round
// votes" -> "votes", "% (1st round)" -> "%".
func withoutRound(label string) string {
	out := roundLabelRe.ReplaceAllString(label, " ")
	out = strings.Trim(strings.TrimSpace(emptyParenRe.ReplaceAllString(out, "")), "–—-:,")
	return strings.TrimSpace(out)
}

var roundLabelRe = regexp.MustCompile(`(?i)\b(?:first|second|third|final|1st|2nd|3rd|1\.|2\.|prvi|drugi)\s+(?:round|ballot|krug)\b|\bround\s+(?:1|2|3|i|ii)\b|\brun[- ]?off\b`)

// A roundValue is one figure or date of a value that gives several rounds.
type roundValue struct {
	round int
	text  string
}

// splitRounds cuts a value such as "50.34% (first round) 54.55% (second
// round)", "First round: 58.2%, second round: 61.0%" or "9 December 2018
// (first round) 23 December 2018 (second round)" into its rounds. A value
// with no round words is one value of round 0.
func splitRounds(v string) []roundValue {
	locs := roundLabelRe.FindAllStringIndex(v, -1)
	if len(locs) == 0 {
		return []roundValue{{0, strings.TrimSpace(v)}}
	}
	// Labels after their values ("58.2% (first round)") or before them
	// ("First round: 58.2%"): a label followed by a colon comes first.
	labelFirst := strings.HasPrefix(strings.TrimSpace(v[locs[0][1]:]), ":") || locs[0][0] == 0
	var out []roundValue
	for i, l := range locs {
		label := v[l[0]:l[1]]
		var text string
		if labelFirst {
			end := len(v)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			text = v[l[1]:end]
		} else {
			start := 0
			if i > 0 {
				start = locs[i-1][1]
			}
			text = v[start:l[0]]
		}
		text = strings.Trim(strings.TrimSpace(text), "():;,/–—- ")
		text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSuffix(text, "("), ")"))
		if text != "" {
			out = append(out, roundValue{roundOf(label), text})
		}
	}
	return out
}

// votesAndShare reads "227,210 (28.15%)", "227,210 28.15%", "28.15%" or
// "227,210": the number with a per cent sign is the share, the other the
// votes.
func votesAndShare(v, section string) (votes, share *Figure) {
	for _, m := range numberRe.FindAllStringIndex(v, -1) {
		f, ok := parseFigure(v[m[0]:m[1]], section)
		if !ok {
			continue
		}
		rest := strings.TrimSpace(v[m[1]:])
		if strings.HasPrefix(rest, "%") {
			if share == nil {
				share = f
			}
		} else if votes == nil {
			votes = f
		}
	}
	return votes, share
}

// agree reports whether two figures state the same quantity, to the
// precision of the less precise one: "15.7" and "15.70", "52.4" and
// "52.39".
func agree(a, b *Figure) bool {
	tol := max(unit(a.Text), unit(b.Text)) / 2
	return math.Abs(a.Value-b.Value) <= tol+1e-9
}

// unit is the step of the last digit a figure is written with.
func unit(text string) float64 {
	t := strings.TrimLeft(text, "−-+")
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		return math.Pow(10, -float64(len(t)-i-1))
	}
	if strings.Count(t, ",") == 1 {
		if i := strings.IndexByte(t, ','); len(t)-i-1 != 3 {
			return math.Pow(10, -float64(len(t)-i-1))
		}
	}
	return 1
}

// prefer returns the figure to keep when two statements of one quantity
// meet: primary, with other among its Also when they disagree. Either may
// be nil.
func prefer(primary, other *Figure) *Figure {
	switch {
	case primary == nil:
		return other
	case other == nil || other == primary:
		return primary
	}
	if !agree(primary, other) {
		seen := false
		for _, a := range primary.Also {
			seen = seen || (a.Value == other.Value && a.Section == other.Section)
		}
		if !seen {
			cp := *primary
			cp.Also = append(append([]*Figure(nil), primary.Also...), &Figure{Value: other.Value, Text: other.Text, Section: other.Section})
			return &cp
		}
	}
	return primary
}
