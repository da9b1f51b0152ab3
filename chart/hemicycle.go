package chart

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

// The hemicycle follows the Wikipedia parliament diagram tool: with n rows,
// row i (1-based) sits at radius (3n+4i-2)/4n, rows are 1/n apart, and a
// dot is 0.8/n wide, so neighbouring rows never touch. A row holds as many
// dots as there are angle steps whose chord is the row spacing, which makes
// its capacity roughly proportional to its radius.

// maxSeats bounds the layout: past it dots would be a pixel wide and the
// loops would only burn time.
const maxSeats = 10000

// A dot is one seat. Coordinates are in units of the diagram's outer
// radius (the outer edge of the outermost dots is 1), centred on the
// middle of the base line, with y pointing up.
type dot struct {
	X, Y float64
	// Angle is in radians: π at the left end, 0 at the right.
	Angle float64
	// Row is 0 for the innermost row.
	Row int
}

// A hemicycle is the laid-out diagram for a number of seats.
type hemicycle struct {
	// PerRow is how many seats each row holds, innermost first.
	PerRow []int
	// Radius is the radius of every dot, in the units of dot.
	Radius float64
	// Inner is the inner edge of the innermost row: the hole in the
	// middle where the total goes.
	Inner float64
	// Dots are sorted by angle, left to right; parties take them in turn.
	Dots []dot
}

// rowRadius is the radius of row i (0-based) of n, in the tool's units.
func rowRadius(n, i int) float64 {
	return float64(3*n+4*(i+1)-2) / float64(4*n)
}

// rowCapacity is how many dots row i of n can hold with their centres at
// least the row spacing 1/n apart.
func rowCapacity(n, i int) int {
	step := 2 * math.Asin(1/(2*float64(n)*rowRadius(n, i)))
	return int(math.Pi / step)
}

// capacity is the number of seats n rows hold.
func capacity(n int) int {
	sum := 0
	for i := range n {
		sum += rowCapacity(n, i)
	}
	return sum
}

// rowsFor is the smallest number of rows that holds seats.
func rowsFor(seats int) int {
	n := 1
	for capacity(n) < seats {
		n++
	}
	return n
}

// shareRows shares seats among n rows in proportion to their capacity by
// largest remainder, so that the counts add up exactly. Ties go to the
// outer row, which has more room. Since seats never exceed the total
// capacity, no row gets more than it holds.
func shareRows(seats, n int) []int {
	caps := make([]int, n)
	total := 0
	for i := range caps {
		caps[i] = rowCapacity(n, i)
		total += caps[i]
	}
	counts := make([]int, n)
	rems := make([]int, n) // remainders as numerators over total
	given := 0
	for i, c := range caps {
		counts[i] = seats * c / total
		rems[i] = seats * c % total
		given += counts[i]
	}
	order := make([]int, n)
	for i := range order {
		order[i] = n - 1 - i
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]] > rems[order[b]] })
	for _, i := range order[:seats-given] {
		counts[i]++
	}
	return counts
}

// layout places seats dots in concentric arcs.
func layout(seats int) (hemicycle, error) {
	if seats < 1 || seats > maxSeats {
		return hemicycle{}, fmt.Errorf("seat chart: %d seats is outside 1 to %d", seats, maxSeats)
	}
	n := rowsFor(seats)
	rad := 0.4 / float64(n)
	outer := rowRadius(n, n-1) + rad
	h := hemicycle{
		PerRow: shareRows(seats, n),
		Radius: rad / outer,
		Inner:  (rowRadius(n, 0) - rad) / outer,
		Dots:   make([]dot, 0, seats),
	}
	for i, count := range h.PerRow {
		r := rowRadius(n, i)
		// Inset the ends so that the end dots sit on the base line.
		inset := math.Asin(rad / r)
		step := 0.0
		if count > 1 {
			step = (math.Pi - 2*inset) / float64(count-1)
		}
		for j := range count {
			// Measured from the middle, so that middle dots of different
			// rows share exactly π/2 and mirrored dots mirror exactly.
			a := math.Pi/2 + (float64(count-1)/2-float64(j))*step
			h.Dots = append(h.Dots, dot{
				X:     r * math.Cos(a) / outer,
				Y:     r * math.Sin(a) / outer,
				Angle: a,
				Row:   i,
			})
		}
	}
	slices.SortFunc(h.Dots, func(a, b dot) int {
		if c := cmp.Compare(b.Angle, a.Angle); c != 0 {
			return c
		}
		return cmp.Compare(a.Row, b.Row)
	})
	return h, nil
}

// assign gives each dot, in order, the index of its party: party 0 takes
// the first counts[0] dots, party 1 the next, and so on, so every party is
// one contiguous wedge.
func assign(counts []int) []int {
	var out []int
	for p, c := range counts {
		for range c {
			out = append(out, p)
		}
	}
	return out
}

// boundaryAngle is the angle between the first k dots and the rest, where
// a line separates the seats left of it from those right of it.
func (h hemicycle) boundaryAngle(k int) float64 {
	switch {
	case k <= 0:
		return math.Pi
	case k >= len(h.Dots):
		return 0
	}
	return (h.Dots[k-1].Angle + h.Dots[k].Angle) / 2
}
