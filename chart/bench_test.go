package chart

import (
	"testing"

	"github.com/electionbot/electionbot/lang"
)

// BenchmarkSeats110 draws the seed's 110-seat chart, PNG encoding
// included; the budget is 30 ms.
func BenchmarkSeats110(b *testing.B) {
	r := New()
	e := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Seats(e, lang.En); err != nil {
			b.Fatal(err)
		}
	}
}
