package chart

import (
	"image/color"
	"math"
	"strconv"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// A legendEntry is one line of a legend.
type legendEntry struct {
	name   string
	count  string
	colour color.RGBA
}

// Seats draws the hemicycle of e's seats: one dot per seat, parties in
// infobox order from the left, the total in the middle and the majority
// marked. Seats the article does not assign are drawn grey. It returns
// nil when the article gives no seat counts.
func (r *Renderer) Seats(e *knowledge.Election, l lang.Lang) ([]byte, error) {
	holders := e.SeatWinners()
	if len(holders) == 0 {
		return nil, nil
	}
	sch := newScheme(e)
	var counts []int
	var entries []legendEntry
	known := 0
	for _, h := range holders {
		n := h.Seats.Int()
		known += n
		counts = append(counts, n)
		entries = append(entries, legendEntry{label(h, l), strconv.Itoa(n), sch.party[h]})
	}
	total := known
	if e.Seats != nil && e.Seats.Int() > known {
		total = e.Seats.Int()
		counts = append(counts, total-known)
		entries = append(entries, legendEntry{l.T(lang.ChartNotGiven), strconv.Itoa(total - known), unknownGr})
	}
	h, err := layout(total)
	if err != nil {
		return nil, err
	}

	c := r.canvas(l)
	subtitle := l.T(lang.ChartSeatsWon)
	if total > known {
		subtitle = l.T(lang.ChartSeatsWonPartial, known, total)
	}
	top := c.header(l.Script(e.Name()), subtitle)
	bottom := float64(height - 30)

	lg := c.layoutLegend(entries, top, bottom)
	// The hemicycle takes what the legend leaves, with room above for the
	// majority label.
	const above = 44
	areaW := lg.x - 2*margin
	radius := math.Min(areaW/2, bottom-top-above-10)
	cx := margin + areaW/2
	cy := top + above + radius + (bottom-top-above-radius)/2 - 10
	c.drawLegend(lg, entries)

	seatsOf := assign(counts)
	if m := majority(e, total); m > 0 && m < total {
		a := h.boundaryAngle(m)
		in, out := h.Inner*radius-12, radius+14
		c.dashedLine(cx+in*math.Cos(a), cy-in*math.Sin(a), cx+out*math.Cos(a), cy-out*math.Sin(a), ink)
		c.font(19, false)
		lx, ly := cx+(out+6)*math.Cos(a), cy-(out+6)*math.Sin(a)
		c.text(l.T(lang.ChartMajority, m), lx, ly, 0.5, ink)
	}

	dotR := h.Radius * radius
	// One path per party: fewer, larger fills are much faster than a fill
	// per dot.
	for p := range entries {
		for i, d := range h.Dots {
			if seatsOf[i] == p {
				c.DrawCircle(cx+d.X*radius, cy-d.Y*radius, dotR)
			}
		}
		c.paint(entries[p].colour, math.Max(1, dotR/8))
	}

	// The total in the hole of the hemicycle.
	size := math.Max(26, math.Min(72, h.Inner*radius*0.42))
	c.font(size, true)
	c.text(strconv.Itoa(total), cx, cy-0.55*size, 0.5, ink)
	c.font(math.Max(16, size*0.32), false)
	word := "seats"
	if total == 1 {
		word = "seat"
	}
	c.text(word, cx, cy-4, 0.5, muted)
	return c.png()
}

// majority is the seats needed for a majority: what the article states,
// else more than half.
func majority(e *knowledge.Election, total int) int {
	if e.Majority != nil {
		return e.Majority.Int()
	}
	return total/2 + 1
}

// label is how a contestant is named in charts, in l's script.
func label(k *knowledge.Contestant, l lang.Lang) string {
	if s := k.Label(); s != "" {
		return l.Script(s)
	}
	if k.BallotName != "" {
		return l.Script(k.BallotName)
	}
	if k.Ballot > 0 {
		return l.T(lang.ChartList, k.Ballot)
	}
	return l.T(lang.ChartUnnamedList)
}

// legendColGap is the space between legend columns.
const legendColGap = 28

// A legend is where the legend goes and how it is laid out.
type legend struct {
	x, y       float64 // top left
	cols, rows int
	colW       float64 // width of one column
	lineH      float64
	size       float64 // font size
	nameW      float64 // width left for names
}

// layoutLegend sizes the legend for entries, in as many columns as it
// takes to fit the body's height, names shortened to fit a column.
func (c *canvas) layoutLegend(entries []legendEntry, top, bottom float64) legend {
	lg := legend{cols: 1, size: 21, lineH: 36}
	switch {
	case len(entries) > 24:
		lg.cols, lg.size, lg.lineH = 2, 16, 30
	case len(entries) > 13:
		lg.cols, lg.size, lg.lineH = 2, 18, 34
	}
	lg.rows = (len(entries) + lg.cols - 1) / lg.cols
	lg.lineH = math.Min(lg.lineH, (bottom-top)/float64(lg.rows))
	lg.size = math.Min(lg.size, lg.lineH*0.8) // past 30 parties, squeeze
	maxName := 330.0
	if lg.cols == 2 {
		maxName = 175
	}
	c.font(lg.size, true)
	countW := 0.0
	for _, en := range entries {
		countW = math.Max(countW, c.measure(en.count))
	}
	c.font(lg.size, false)
	for _, en := range entries {
		lg.nameW = math.Max(lg.nameW, c.measure(en.name))
	}
	lg.nameW = math.Min(lg.nameW, maxName)
	const swatch, gap = 28, 18
	lg.colW = swatch + lg.nameW + gap + countW
	w := float64(lg.cols)*lg.colW + float64(lg.cols-1)*legendColGap
	lg.x = width - margin - w
	lg.y = top + (bottom-top-float64(lg.rows)*lg.lineH)/2
	return lg
}

func (c *canvas) drawLegend(lg legend, entries []legendEntry) {
	for i, en := range entries {
		col, row := i/lg.rows, i%lg.rows
		x := lg.x + float64(col)*(lg.colW+legendColGap)
		base := lg.y + float64(row)*lg.lineH + (lg.lineH+0.72*lg.size)/2
		mid := base - 0.36*lg.size
		c.DrawCircle(x+9, mid, 9)
		c.paint(en.colour, 1.5)
		c.font(lg.size, false)
		c.text(c.fit(en.name, lg.nameW), x+28, base, 0, ink)
		c.font(lg.size, true)
		c.text(en.count, x+lg.colW, base, 1, ink)
	}
}
