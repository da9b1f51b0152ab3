package synth

import (
	"fmt"
	"math"
	"sort"
)

// A result is one contestant's line: votes, share of the valid votes (in
// hundredths of a percent, so that they add up exactly), seats and the
// seats it held before (-1: new).
type result struct {
	party
	votes, share, seats, prev int
	minority                  bool
}

func pct(hundredths int) string { return fmt.Sprintf("%d.%02d", hundredths/100, hundredths%100) }

// outcome draws the results of contestants: shares falling off from the
// winner's, adding up to 100.00; votes from the valid votes.
func (g *gen) outcome(ps []party, valid int) []result {
	weights := make([]float64, len(ps))
	sum := 0.0
	for i := range ps {
		weights[i] = math.Pow(0.3+g.r.Float64(), 3) / float64(i+1)
		sum += weights[i]
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(weights)))
	out := make([]result, len(ps))
	left := 10000
	for i, p := range ps {
		s := int(math.Round(weights[i] / sum * 10000))
		if i == len(ps)-1 || s > left {
			s = left
		}
		left -= s
		out[i] = result{party: p, share: s, votes: valid * s / 10000, prev: -1}
	}
	return out
}

// runoff draws a second round of two: the first named wins, with 50.01
// to 62 percent.
func (g *gen) runoff(two []party, valid int) []result {
	w := 5001 + g.r.IntN(1200)
	return []result{
		{party: two[0], share: w, votes: valid * w / 10000, prev: -1},
		{party: two[1], share: 10000 - w, votes: valid * (10000 - w) / 10000, prev: -1},
	}
}

// dhondt shares seats among the results at or over the threshold (in
// hundredths; minority lists are exempt).
func dhondt(rs []result, seats, threshold int) {
	for k := 0; k < seats; k++ {
		best, bestQ := -1, -1.0
		for i, r := range rs {
			if r.share < threshold && !r.minority || r.votes == 0 {
				continue
			}
			if q := float64(r.votes) / float64(r.seats+1); q > bestQ {
				best, bestQ = i, q
			}
		}
		if best < 0 {
			return
		}
		rs[best].seats++
	}
}

// change writes a seat change as the results tables do: +4, −7, 0, new.
func change(r result) string {
	switch {
	case r.prev < 0:
		return "new"
	case r.seats > r.prev:
		return fmt.Sprintf("+%d", r.seats-r.prev)
	case r.seats < r.prev:
		return fmt.Sprintf("−%d", r.prev-r.seats)
	}
	return "0"
}

// pollFigures draws a poll near the results: each share off by up to
// three points, in tenths.
func (g *gen) pollFigures(rs []result) []int {
	out := make([]int, len(rs))
	for i, r := range rs {
		v := r.share/10 + g.r.IntN(61) - 30
		out[i] = max(v, 5)
	}
	return out
}

func tenths(v int) string { return fmt.Sprintf("%d.%d", v/10, v%10) }
