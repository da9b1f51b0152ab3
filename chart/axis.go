package chart

import (
	"fmt"
	"math"
)

// An axis maps percentages to pixels along one side of a plot.
type axis struct {
	step, end float64 // the grid step and the value at the far end
	from, to  float64 // the pixels of 0 and of end
}

// newAxis fits values up to maxV between the pixels from and to, with a
// round step and a little headroom.
func newAxis(maxV, from, to float64) axis {
	a := axis{step: 10, from: from, to: to}
	switch {
	case maxV <= 10:
		a.step = 2
	case maxV <= 25:
		a.step = 5
	}
	a.end = math.Ceil(maxV/a.step) * a.step
	if a.end == 0 || a.end-maxV < a.step*0.15 {
		a.end += a.step
	}
	a.end = math.Min(a.end, 100)
	return a
}

// at is the pixel of value v.
func (a axis) at(v float64) float64 { return a.from + v/a.end*(a.to-a.from) }

// grid draws a line across the plot, from lo to hi, at every step of the
// axis, the zero line darker, each labelled "10%": left of horizontal
// lines, under vertical ones.
func (c *canvas) grid(a axis, vertical bool, lo, hi float64) {
	c.font(15, false)
	for v := 0.0; v <= a.end+1e-9; v += a.step {
		c.SetColor(gridGrey)
		if v == 0 {
			c.SetColor(axisGrey)
		}
		c.SetLineWidth(1)
		p := a.at(v)
		label := fmt.Sprintf("%g%%", v)
		if vertical {
			c.DrawLine(p, lo, p, hi)
			c.Stroke()
			c.text(label, p, hi+22, 0.5, muted)
			continue
		}
		c.DrawLine(lo, p, hi, p)
		c.Stroke()
		c.text(label, lo-10, p+5, 1, muted)
	}
}
