package chart

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

// seed loads the election the repository ships with.
func seed(t testing.TB) *knowledge.Election {
	t.Helper()
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatalf("knowledge.Load(data.FS) = %v", err)
	}
	for _, e := range es {
		if e.ID == "belgrade-2014" {
			return e
		}
	}
	t.Fatalf("knowledge.Load(data.FS): no belgrade-2014 among %d elections", len(es))
	return nil
}

// fig is a figure as an article would write it, to one decimal.
func fig(v float64) *knowledge.Figure {
	v = math.Round(v*10) / 10
	return &knowledge.Figure{Value: v, Text: strconv.FormatFloat(v, 'f', -1, 64)}
}

// synthetic builds an election of parties with the given seats and no
// colours, names or shares beyond what the test sets.
func synthetic(title string, total int, seats ...int) *knowledge.Election {
	e := &knowledge.Election{Title: title}
	if total > 0 {
		e.Seats = fig(float64(total))
	}
	for i, s := range seats {
		e.Contestants = append(e.Contestants, &knowledge.Contestant{
			Name:     fmt.Sprintf("Party number %d", i+1),
			Position: i + 1,
			Seats:    fig(float64(s)),
		})
	}
	return e
}

// thirty is 30 parties sharing 1000 seats, a few with long names and
// light colours.
func thirty() *knowledge.Election {
	seats := make([]int, 30)
	left := 1000
	for i := range seats {
		seats[i] = 1 + (29-i)*2
		left -= seats[i]
	}
	seats[0] += left
	e := synthetic("Thirty parties, a thousand seats", 1000, seats...)
	e.Contestants[0].Colour = "#FFFF99"
	e.Contestants[1].Colour = "#FFFF99"
	e.Contestants[2].Name = "Coalition of the Extremely Long Names of Central and Eastern Europe"
	e.Contestants[3].Name = "Đilas, Šešelj and Mlađan Dinkić together"
	e.Contestants[4].Colour = "#CC0000"
	return e
}
