package chart

import (
	"math"
	"testing"
)

// layoutTotals are the seat totals every layout check runs on: all of 1 to
// 1000 for the cheap checks, a sample for the pairwise ones.
func sampleTotals() []int {
	ts := []int{1, 2, 3, 4, 5, 6, 7, 15, 16, 110, 250, 450, 751, 1000}
	for n := 1; n <= 1000; n += 9 {
		ts = append(ts, n)
	}
	return ts
}

func TestRowsMinimal(t *testing.T) {
	for seats := 1; seats <= 1000; seats++ {
		n := rowsFor(seats)
		if capacity(n) < seats {
			t.Fatalf("rowsFor(%d) = %d rows holding %d; want room for all", seats, n, capacity(n))
		}
		if n > 1 && capacity(n-1) >= seats {
			t.Fatalf("rowsFor(%d) = %d; want %d, which holds %d", seats, n, n-1, capacity(n-1))
		}
	}
}

func TestCapacityMatchesParliamentTool(t *testing.T) {
	// The first totals of the Wikipedia parliament diagram tool.
	want := []int{3, 15, 33, 61, 95, 138, 189, 247, 313, 388}
	for i, w := range want {
		if got := capacity(i + 1); got != w {
			t.Errorf("capacity(%d) = %d; want %d", i+1, got, w)
		}
	}
}

func TestShareRows(t *testing.T) {
	for seats := 1; seats <= 1000; seats++ {
		n := rowsFor(seats)
		per := shareRows(seats, n)
		sum := 0
		for i, c := range per {
			sum += c
			if c > rowCapacity(n, i) {
				t.Fatalf("shareRows(%d, %d)[%d] = %d; row holds only %d", seats, n, i, c, rowCapacity(n, i))
			}
			quota := float64(seats*rowCapacity(n, i)) / float64(capacity(n))
			if math.Abs(float64(c)-quota) >= 1 {
				t.Fatalf("shareRows(%d, %d)[%d] = %d; want within 1 of its quota %.2f", seats, n, i, c, quota)
			}
		}
		if sum != seats {
			t.Fatalf("shareRows(%d, %d) = %v, adding up to %d; want %d", seats, n, per, sum, seats)
		}
	}
}

func TestLayoutEveryTotal(t *testing.T) {
	for seats := 1; seats <= 1000; seats++ {
		h, err := layout(seats)
		if err != nil {
			t.Fatalf("layout(%d) = %v", seats, err)
		}
		if len(h.Dots) != seats {
			t.Fatalf("layout(%d) has %d dots; want %d", seats, len(h.Dots), seats)
		}
		perRow := make([]int, len(h.PerRow))
		for i, d := range h.Dots {
			perRow[d.Row]++
			if i > 0 && d.Angle > h.Dots[i-1].Angle {
				t.Fatalf("layout(%d): dot %d at angle %.4f after one at %.4f; want left to right", seats, i, d.Angle, h.Dots[i-1].Angle)
			}
			if d.Y < h.Radius-1e-9 || math.Hypot(d.X, d.Y)+h.Radius > 1+1e-9 {
				t.Fatalf("layout(%d): dot %d at (%.3f, %.3f) sticks out of the half disc", seats, i, d.X, d.Y)
			}
		}
		for i := range perRow {
			if perRow[i] != h.PerRow[i] {
				t.Fatalf("layout(%d): row %d has %d dots; PerRow says %d", seats, i, perRow[i], h.PerRow[i])
			}
		}
	}
}

func TestLayoutNoOverlap(t *testing.T) {
	for _, seats := range sampleTotals() {
		h, _ := layout(seats)
		min := math.Inf(1)
		for i := range h.Dots {
			for j := i + 1; j < len(h.Dots); j++ {
				min = math.Min(min, math.Hypot(h.Dots[i].X-h.Dots[j].X, h.Dots[i].Y-h.Dots[j].Y))
			}
		}
		if min < 2*h.Radius {
			t.Errorf("layout(%d): dots %.4f apart; want at least the diameter %.4f", seats, min, 2*h.Radius)
		}
	}
}

func TestLayoutEvenSpacing(t *testing.T) {
	for _, seats := range sampleTotals() {
		h, _ := layout(seats)
		gap := make(map[int]float64)
		last := make(map[int]float64)
		for _, d := range h.Dots {
			if a, ok := last[d.Row]; ok {
				g := a - d.Angle
				if want, ok := gap[d.Row]; ok && math.Abs(g-want) > 1e-9 {
					t.Fatalf("layout(%d): row %d has gaps %.5f and %.5f; want even spacing", seats, d.Row, want, g)
				}
				gap[d.Row] = g
			}
			last[d.Row] = d.Angle
		}
	}
}

// split shares seats among k parties of falling size, for tests.
func split(seats, k int) []int {
	k = min(k, seats)
	counts := make([]int, k)
	left := seats
	for i := range counts {
		counts[i] = max(1, left/(2+i%3))
		if i == k-1 || left-counts[i] < k-1-i {
			counts[i] = left - (k - 1 - i)
		}
		left -= counts[i]
	}
	return counts
}

func TestAssignContiguous(t *testing.T) {
	for _, seats := range sampleTotals() {
		for _, k := range []int{1, 2, 3, 7, 30} {
			counts := split(seats, k)
			h, _ := layout(seats)
			party := assign(counts)
			if len(party) != len(h.Dots) {
				t.Fatalf("assign(%v) gives %d seats; want %d", counts, len(party), len(h.Dots))
			}
			got := make([]int, len(counts))
			for _, p := range party {
				got[p]++
			}
			for p := range counts {
				if got[p] != counts[p] {
					t.Fatalf("assign(%v): party %d has %d seats; want %d", counts, p, got[p], counts[p])
				}
			}
			// Contiguous by angle: no other party's dot lies strictly
			// between a party's leftmost and rightmost dots.
			lo := make([]float64, len(counts))
			hi := make([]float64, len(counts))
			for p := range lo {
				lo[p], hi[p] = math.Inf(1), math.Inf(-1)
			}
			for i, p := range party {
				lo[p] = math.Min(lo[p], h.Dots[i].Angle)
				hi[p] = math.Max(hi[p], h.Dots[i].Angle)
			}
			for i, p := range party {
				a := h.Dots[i].Angle
				for q := range counts {
					if q != p && a > lo[q]+1e-12 && a < hi[q]-1e-12 {
						t.Fatalf("layout(%d) with %v: a seat of party %d at angle %.4f inside party %d's wedge [%.4f, %.4f]",
							seats, counts, p, a, q, lo[q], hi[q])
					}
				}
			}
		}
	}
}

func TestBoundaryAngle(t *testing.T) {
	for _, seats := range sampleTotals() {
		h, _ := layout(seats)
		m := seats/2 + 1
		if m >= seats {
			continue
		}
		a := h.boundaryAngle(m)
		left := 0
		for _, d := range h.Dots {
			if d.Angle > a {
				left++
			}
		}
		if h.Dots[m-1].Angle != h.Dots[m].Angle && left != m {
			t.Errorf("layout(%d).boundaryAngle(%d) = %.4f has %d seats left of it; want %d", seats, m, a, left, m)
		}
	}
}

func TestLayoutRejects(t *testing.T) {
	for _, seats := range []int{0, -3, maxSeats + 1} {
		if _, err := layout(seats); err == nil {
			t.Errorf("layout(%d) = nil error; want one", seats)
		}
	}
}
