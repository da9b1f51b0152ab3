package chart

import (
	"math"
	"sort"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// Results draws the shares of the vote as horizontal bars, largest first,
// with the threshold marked. It returns nil when the article gives no
// contestant a share.
func (r *Renderer) Results(e *knowledge.Election, l lang.Lang) ([]byte, error) {
	var rows []*knowledge.Contestant
	for _, k := range e.Contestants {
		if k.Share != nil {
			rows = append(rows, k)
		}
	}
	if len(rows) == 0 {
		return nil, nil
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Share.Value > rows[j].Share.Value })
	sch := newScheme(e)

	c := r.canvas(l)
	top := c.header(l.Script(e.Name()), l.T(lang.ChartShare))
	top += 34 // room for the threshold label
	bottom := float64(height - 40)
	rowH := math.Min(84, (bottom-top)/float64(len(rows)))
	size := math.Max(12, math.Min(22, rowH*0.5))
	barH := math.Min(rowH*0.7, 52)
	// Few rows: centre the plot in the space below the header.
	top += (bottom - top - rowH*float64(len(rows))) / 2

	// Names right-aligned against the bars, as wide as the longest needs,
	// within limits.
	c.font(size, false)
	nameW := 0.0
	for _, k := range rows {
		nameW = math.Max(nameW, c.measure(label(k, l)))
	}
	nameW = math.Min(nameW, 340)
	left := margin + nameW + 14
	// Leave room after the longest bar for its value and seats.
	right := float64(width - margin - 170)

	maxV := rows[0].Share.Value
	if e.Threshold != nil {
		maxV = math.Max(maxV, e.Threshold.Value)
	}
	ax := newAxis(maxV, left, right)
	x := ax.at
	plotBottom := top + rowH*float64(len(rows))
	c.grid(ax, true, top-6, plotBottom)

	for i, k := range rows {
		y := top + rowH*float64(i)
		c.block(x(0), y+(rowH-barH)/2, x(k.Share.Value)-x(0), barH, sch.party[k])
	}
	// The threshold crosses the bars but stays under the labels.
	if t := e.Threshold; t != nil && t.Value > 0 {
		tx := x(t.Value)
		c.dashedLine(tx, top-10, tx, plotBottom, ink)
		c.font(15, true)
		c.labelBox(l.T(lang.ChartThreshold, percent(t)), tx, top-16, 0.5, ink)
	}
	for i, k := range rows {
		base := top + rowH*float64(i) + rowH/2 + 0.36*size
		c.font(size, false)
		c.text(c.fit(label(k, l), nameW), left-14, base, 1, ink)
		v, seats := percent(k.Share), ""
		if k.Seats != nil {
			seats = "  (" + l.T(lang.SeatCount, k.Seats.Int()) + ")"
		}
		c.font(size, true)
		vw := c.measure(v)
		c.font(size, false)
		sw := c.measure(seats)
		// A white box keeps the label legible where the threshold runs.
		vx := x(k.Share.Value) + 8
		c.rect(vx-4, base-0.72*size-3, vw+sw+8, 0.72*size+6, white)
		c.text(seats, vx+vw, base, 0, muted)
		c.font(size, true)
		c.text(v, vx, base, 0, ink)
	}
	return c.png()
}
