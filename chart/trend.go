package chart

import (
	"image/color"
	"math"
	"strconv"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// A trendPoint is one election on the trend chart.
type trendPoint struct {
	year         string
	seats, share *knowledge.Figure // nil where the party had no list or no figure
	majority     int               // seats a majority took, 0 when unknown
	present      bool              // the party had a list
}

// Trend draws one party's seats (solid, left axis) and share of the vote
// (dashed, right axis) in every election of a history, oldest first, in
// the party's infobox colour, with the majority as a dashed grey line
// where seats are shown. The line breaks where the party had no list. It
// returns nil when no election gives the party a figure.
func (r *Renderer) Trend(h *knowledge.History, l *knowledge.Lineage, lg lang.Lang) ([]byte, error) {
	pts, anySeats, anyShare := trendPoints(h, l)
	if !anySeats && !anyShare {
		return nil, nil
	}
	col, ok := parseHex(l.Colour())
	if !ok {
		col = palette[0]
	}
	if tooLight(col) {
		col = darker(col, 0.6) // a line must stand out on white
	}
	shareCol := shade(col)

	c := r.canvas(lg)
	top := c.header(l.Name()+" — "+h.Place, lg.T(lang.ChartTrendSubtitle))
	top = c.trendLegend(col, shareCol, anySeats, anyShare, top) + 40
	left, right := float64(margin+64), float64(width-margin-64)
	bottom := float64(height - 84)

	n := len(pts)
	step := (right - left) / float64(n)
	xAt := func(i int) float64 { return left + step*(float64(i)+0.5) }

	seatAx := seatAxis(pts, bottom, top)
	shareAx := newAxis(maxShare(pts), bottom, top)
	if anySeats {
		shareAx = alignedShareAxis(maxShare(pts), int(math.Round(seatAx.end/seatAx.step)), bottom, top)
	}
	c.trendAxes(seatAx, shareAx, anySeats, anyShare, left, right, top, bottom)

	if anySeats {
		c.majorityLine(pts, seatAx, xAt, step)
	}
	if anyShare {
		c.series(pts, func(p trendPoint) *knowledge.Figure { return p.share }, shareAx.at, xAt, shareCol, true)
	}
	if anySeats {
		c.series(pts, func(p trendPoint) *knowledge.Figure { return p.seats }, seatAx.at, xAt, col, false)
	}
	c.font(17, true)
	for i, p := range pts {
		c.text(p.year, xAt(i), bottom+28, 0.5, ink)
		if !p.present {
			c.font(14, false)
			c.text(lg.T(lang.ChartNoList), xAt(i), bottom+48, 0.5, muted)
			c.font(17, true)
		}
	}
	c.font(15, false)
	c.text(lg.T(lang.ChartElection), (left+right)/2, float64(height-14), 0.5, muted)
	return c.png()
}

// trendPoints reads the party's figures in each election of the history.
func trendPoints(h *knowledge.History, l *knowledge.Lineage) (pts []trendPoint, anySeats, anyShare bool) {
	for _, e := range h.Elections {
		p := trendPoint{year: strconv.Itoa(e.Year), majority: e.MajorityNeeded()}
		if e.Year == 0 {
			p.year = e.Title
		}
		if k := l.In(e); k != nil {
			p.present, p.seats, p.share = true, k.Seats, k.Share
		}
		anySeats = anySeats || p.seats != nil
		anyShare = anyShare || p.share != nil
		pts = append(pts, p)
	}
	return pts, anySeats, anyShare
}

func maxShare(pts []trendPoint) float64 {
	m := 0.0
	for _, p := range pts {
		if p.share != nil {
			m = math.Max(m, p.share.Value)
		}
	}
	return m
}

// A countAxis maps seat counts to pixels, with a round step.
type countAxis struct {
	step, end float64
	from, to  float64
}

func (a countAxis) at(v float64) float64 { return a.from + v/a.end*(a.to-a.from) }

// seatAxis fits the party's seats and the majority line, with headroom.
func seatAxis(pts []trendPoint, from, to float64) countAxis {
	m := 1.0
	for _, p := range pts {
		if p.seats != nil {
			m = math.Max(m, p.seats.Value)
		}
		m = math.Max(m, float64(p.majority))
	}
	step := niceStep(m / 5)
	end := math.Ceil(m/step) * step
	if end-m < step*0.15 {
		end += step
	}
	return countAxis{step: step, end: end, from: from, to: to}
}

// alignedShareAxis fits shares up to maxV in n steps, so that the
// share labels on the right sit on the seat axis's grid lines.
func alignedShareAxis(maxV float64, n int, from, to float64) axis {
	step := 1.0
	for _, s := range []float64{1, 2, 2.5, 5, 10, 20, 25} {
		step = s
		if s*float64(n) >= maxV*1.05 {
			break
		}
	}
	return axis{step: step, end: step * float64(n), from: from, to: to}
}

// niceStep rounds a raw grid step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= raw {
			return f * p
		}
	}
	return 10 * p
}

// trendAxes draws the grid at the seat axis's steps (or the share
// axis's, without seats), the seat labels on the left, the share labels
// on the right, and the axes' titles above them.
func (c *canvas) trendAxes(seats countAxis, share axis, anySeats, anyShare bool, left, right, top, bottom float64) {
	c.font(15, false)
	if anySeats {
		for v := 0.0; v <= seats.end+1e-9; v += seats.step {
			y := seats.at(v)
			c.SetColor(gridGrey)
			if v == 0 {
				c.SetColor(axisGrey)
			}
			c.SetLineWidth(1)
			c.DrawLine(left, y, right, y)
			c.Stroke()
			c.text(strconv.Itoa(int(v)), left-10, y+5, 1, muted)
		}
	}
	if anyShare {
		for v := 0.0; v <= share.end+1e-9; v += share.step {
			y := share.at(v)
			if !anySeats {
				c.SetColor(gridGrey)
				c.SetLineWidth(1)
				c.DrawLine(left, y, right, y)
				c.Stroke()
			}
			c.text(strconv.FormatFloat(v, 'f', -1, 64)+"%", right+10, y+5, 0, muted)
		}
	}
	c.font(15, true)
	if anySeats {
		c.text(c.lang.T(lang.ChartSeats), left-10, top-16, 1, ink)
	}
	if anyShare {
		c.text(c.lang.T(lang.ChartShare), right+10, top-16, 1, ink)
	}
}

// majorityLine draws the seats a majority took in each election as a
// dashed grey line, labelled at its right end.
func (c *canvas) majorityLine(pts []trendPoint, ax countAxis, xAt func(int) float64, step float64) {
	last := -1
	for i, p := range pts {
		if p.majority == 0 {
			continue
		}
		y := ax.at(float64(p.majority))
		c.dashedLine(xAt(i)-step/2, y, xAt(i)+step/2, y, axisGrey)
		last = i
	}
	if last >= 0 {
		c.font(14, true)
		c.labelBox(c.lang.T(lang.ChartMajorityLine, pts[last].majority), xAt(last)+step/2-4, ax.at(float64(pts[last].majority))-8, 1, muted)
	}
}

// series draws one figure across the elections: a line through the
// points, broken where the figure is missing, a marker at each point
// (filled for seats, open for shares) and the value beside it.
func (c *canvas) series(pts []trendPoint, get func(trendPoint) *knowledge.Figure, y func(float64) float64, xAt func(int) float64, col color.RGBA, dashed bool) {
	c.SetColor(col)
	c.SetLineWidth(4)
	if dashed {
		c.SetLineWidth(3)
		c.SetDash(10, 6)
	}
	for i := 1; i < len(pts); i++ {
		a, b := get(pts[i-1]), get(pts[i])
		if a != nil && b != nil {
			c.DrawLine(xAt(i-1), y(a.Value), xAt(i), y(b.Value))
			c.Stroke()
		}
	}
	c.SetDash()
	for i, p := range pts {
		f := get(p)
		if f == nil {
			continue
		}
		x, py := xAt(i), y(f.Value)
		if dashed {
			c.DrawRectangle(x-6, py-6, 12, 12)
			c.SetColor(white)
			c.FillPreserve()
			c.SetColor(col)
			c.SetLineWidth(3)
			c.Stroke()
			c.font(15, false)
			c.labelBox(percent(f), x, py+26, 0.5, col)
			continue
		}
		c.DrawCircle(x, py, 8)
		c.SetColor(col)
		c.Fill()
		c.font(17, true)
		c.labelBox(strconv.Itoa(f.Int()), x, py-16, 0.5, ink)
	}
}

// trendLegend explains the lines under the header and returns where the
// plot may start.
func (c *canvas) trendLegend(col, shareCol color.RGBA, seats, share bool, top float64) float64 {
	c.font(16, false)
	x, y := float64(margin), top+14
	item := func(name string, draw func(x, y float64)) {
		draw(x, y)
		c.text(name, x+44, y+6, 0, ink)
		x += 44 + c.measure(name) + 32
	}
	if seats {
		item(c.lang.T(lang.ChartSeatsLeft), func(x, y float64) {
			c.SetColor(col)
			c.SetLineWidth(4)
			c.DrawLine(x, y, x+34, y)
			c.Stroke()
			c.DrawCircle(x+17, y, 6)
			c.Fill()
		})
	}
	if share {
		item(c.lang.T(lang.ChartShareRight), func(x, y float64) {
			c.SetColor(shareCol)
			c.SetLineWidth(3)
			c.SetDash(10, 6)
			c.DrawLine(x, y, x+34, y)
			c.Stroke()
			c.SetDash()
		})
	}
	if seats {
		item(c.lang.T(lang.ChartMajorityLegend), func(x, y float64) { c.dashedLine(x, y, x+34, y, axisGrey) })
	}
	return y + 8
}
