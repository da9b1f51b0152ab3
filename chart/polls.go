package chart

import (
	"image/color"
	"math"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// A bar is one value in a bar chart.
type bar struct {
	value  float64
	text   string // the value as the article writes it
	colour color.RGBA
	// strong bars (an election result among polls) get a dark outline.
	strong bool
}

// A group is one cluster of bars under a label (a poll).
type group struct {
	label string
	bars  []bar
	// result marks the election result shown after the polls.
	result bool
}

// Polls draws polls as groups of bars, one group per poll and one bar per
// party. With focus set it draws that party's figure in each poll instead,
// and its result when the article gives one. It returns nil when there is
// nothing to draw.
func (r *Renderer) Polls(e *knowledge.Election, polls []*knowledge.Poll, focus *knowledge.Contestant, l lang.Lang) ([]byte, error) {
	sch := newScheme(e)
	var groups []group
	var keys []series
	cols := map[entryKey]color.RGBA{}
	subtitle := l.T(lang.ChartPolls)
	if focus != nil {
		subtitle = l.T(lang.ChartPartyPolls, label(focus, l))
		col := sch.of(focus, focus.Name, color.RGBA{})
		for _, p := range polls {
			if en := p.Entry(focus); en != nil && en.Share != nil {
				groups = append(groups, group{label: l.Script(l.PollLabel(p)), bars: []bar{{en.Share.Value, percent(en.Share), col, false}}})
			}
		}
		if len(groups) > 0 && focus.Share != nil {
			groups = append(groups, group{l.T(lang.ChartResult), []bar{{focus.Share.Value, percent(focus.Share), col, true}}, true})
		}
	} else {
		keys = seriesOf(polls, l)
		var prev color.RGBA
		for _, k := range keys {
			cols[k.key] = sch.of(k.key.c, k.key.name, prev)
			prev = cols[k.key]
		}
		for _, p := range polls {
			g := group{label: l.Script(l.PollLabel(p))}
			for _, k := range keys {
				for _, en := range p.Entries {
					if en.Share != nil && keyOf(en) == k.key {
						g.bars = append(g.bars, bar{en.Share.Value, percent(en.Share), cols[k.key], false})
						break
					}
				}
			}
			if len(g.bars) > 0 {
				groups = append(groups, g)
			}
		}
	}
	if len(groups) == 0 {
		return nil, nil
	}
	c := r.canvas(l)
	top := c.header(l.Script(e.Name()), subtitle)
	if focus == nil {
		var entries []legendEntry
		for _, k := range keys {
			entries = append(entries, legendEntry{name: k.name, colour: cols[k.key]})
		}
		top = c.flowLegend(entries, top)
	}
	c.columns(groups, e.Threshold, top+20)
	return c.png()
}

// An entryKey identifies a series across polls: the contestant when the
// entry is linked to one, else its folded name.
type entryKey struct {
	c    *knowledge.Contestant
	name string
}

func keyOf(en knowledge.PollEntry) entryKey {
	if en.Contestant != nil {
		return entryKey{c: en.Contestant}
	}
	return entryKey{name: knowledge.Fold(en.Name)}
}

// A series is one party across polls.
type series struct {
	key  entryKey
	name string // as the first poll that names it writes it
}

// seriesOf lists the parties the polls name, in order of first mention, so
// that every group shows its bars in the same order.
func seriesOf(polls []*knowledge.Poll, l lang.Lang) []series {
	var out []series
	seen := map[entryKey]bool{}
	for _, p := range polls {
		for _, en := range p.Entries {
			k := keyOf(en)
			if en.Share == nil || seen[k] {
				continue
			}
			seen[k] = true
			name := l.Script(en.Name)
			if en.Contestant != nil {
				name = label(en.Contestant, l)
			}
			out = append(out, series{k, name})
		}
	}
	return out
}

// flowLegend draws a one- or two-line legend of swatches and names under
// the header and returns where the plot may start.
func (c *canvas) flowLegend(entries []legendEntry, top float64) float64 {
	size := 18.0
	c.font(size, false)
	lineH := 30.0
	x, y := float64(margin), top+lineH/2
	for _, en := range entries {
		name := c.fit(en.name, 260)
		w := 22 + c.measure(name) + 26
		if x+w > width-margin && x > margin {
			x, y = margin, y+lineH
		}
		c.block(x, y-8, 16, 16, en.colour)
		c.text(name, x+22, y+0.36*size, 0, ink)
		x += w
	}
	return y + lineH/2
}

// columns draws groups of vertical bars between top and the bottom of the
// picture, with a value axis, value labels where they fit, group labels
// below and the threshold as a dashed line.
func (c *canvas) columns(groups []group, threshold *knowledge.Figure, top float64) {
	left, right := float64(margin+56), float64(width-margin)
	// The threshold's label goes right of the plot, where no bar can
	// hide it.
	var thLabel string
	if threshold != nil && threshold.Value > 0 {
		thLabel = c.lang.T(lang.ChartThreshold, percent(threshold))
		c.font(15, true)
		right -= c.measure(thLabel) + 12
	}
	gw := (right - left) / float64(len(groups))
	labels := c.groupLabels(groups, gw, right)
	bottom := float64(height-20) - labels.height

	maxV := 0.0
	for _, g := range groups {
		for _, b := range g.bars {
			maxV = math.Max(maxV, b.value)
		}
	}
	if threshold != nil {
		maxV = math.Max(maxV, threshold.Value)
	}
	top += 24 // room for value labels above the tallest bar
	ax := newAxis(maxV, bottom, top)
	y := ax.at
	c.grid(ax, false, left, right)

	maxBars := 0
	for _, g := range groups {
		maxBars = max(maxBars, len(g.bars))
	}
	bw := math.Min(72, gw*0.8/float64(maxBars))
	gap := math.Min(6, bw*0.12)
	c.font(valueSize(bw), false)
	values := c.valueLabels(groups, bw)
	for gi, g := range groups {
		gx := left + gw*float64(gi) + gw/2
		if g.result && gi > 0 {
			// Set the result apart from the polls before it.
			sx := left + gw*float64(gi)
			c.SetColor(axisGrey)
			c.SetLineWidth(1)
			c.SetDash(3, 4)
			c.DrawLine(sx, top-24, sx, bottom+labels.height)
			c.Stroke()
			c.SetDash()
		}
		x0 := gx - bw*float64(len(g.bars))/2
		for bi := range g.bars {
			b := &g.bars[bi]
			x := x0 + bw*float64(bi)
			r := c.block(x+gap/2, y(b.value), bw-gap, y(0)-y(b.value), b.colour)
			if b.strong {
				c.frame(r, ink, 2)
			}
			c.font(valueSize(bw), b.strong)
			if t := values[b]; t != "" {
				c.text(t, x+bw/2, y(b.value)-6, 0.5, ink)
			}
		}
		c.drawGroupLabel(labels, g, gx, bottom)
	}
	if thLabel != "" {
		ty := y(threshold.Value)
		c.dashedLine(left, ty, right, ty, ink)
		c.font(15, true)
		c.text(thLabel, right+12, ty+0.36*15, 0, ink)
	}
}

// The font sizes of the labels under groups of bars: flat, and slanted
// where there are many groups.
const (
	groupLabelSize   = 16
	slantedLabelSize = 14
	labelLineH       = 21 // between lines of flat labels
	maxLabelLines    = 3  // of a flat label; longer ones slant
)

// labelSlant is how far group labels turn when they do not fit flat.
const labelSlant = 35 * math.Pi / 180

// groupLabelLayout says how the labels under the groups go: flat in up
// to maxLabelLines lines when every label fits so, else slanted.
type groupLabelLayout struct {
	slanted bool
	width   float64 // of a line, or of a slanted label
	height  float64 // taken below the plot
}

func (c *canvas) groupLabels(groups []group, gw, right float64) groupLabelLayout {
	flat := groupLabelLayout{width: gw - 10}
	lines, fits := 1, true
	for _, g := range groups {
		c.font(groupLabelSize, g.result)
		ls := c.wrap(g.label, flat.width, maxLabelLines)
		lines = max(lines, len(ls))
		fits = fits && strings.Join(ls, " ") == strings.Join(strings.Fields(g.label), " ")
	}
	if fits {
		flat.height = float64(lines)*labelLineH + 18
		return flat
	}
	// Slanted labels start under their group and run down to the right,
	// where the last must still end inside the picture.
	lastX := right - gw/2
	c.font(slantedLabelSize, true)
	longest := 0.0
	for _, g := range groups {
		longest = math.Max(longest, c.measure(g.label))
	}
	w := math.Min(longest, math.Min(260, (width-8-lastX)/math.Cos(labelSlant)))
	return groupLabelLayout{slanted: true, width: w, height: w*math.Sin(labelSlant) + slantedLabelSize + 14}
}

func (c *canvas) drawGroupLabel(l groupLabelLayout, g group, gx, bottom float64) {
	if !l.slanted {
		c.font(groupLabelSize, g.result)
		for i, line := range c.wrap(g.label, l.width, maxLabelLines) {
			c.text(line, gx, bottom+24+float64(i)*labelLineH, 0.5, ink)
		}
		return
	}
	// gg turns the text; the label starts under the middle of its group.
	c.font(slantedLabelSize, g.result)
	s := c.r.displayable(c.fit(g.label, l.width))
	x, y := gx-4, bottom+10+0.72*slantedLabelSize
	c.SetFontFace(c.face)
	c.SetColor(ink)
	c.Push()
	c.RotateAbout(labelSlant, x, y)
	c.DrawString(s, x, y)
	c.Pop()
}

// valueSize is the font size for value labels over bars bw wide.
func valueSize(bw float64) float64 {
	return math.Max(11, math.Min(16, bw*0.4))
}

// valueLabels returns the labels over bars bw wide in the current face,
// alike for every bar: "37.4%" when all fit, else "37.4" when all fit so,
// else none.
func (c *canvas) valueLabels(groups []group, bw float64) map[*bar]string {
	out := map[*bar]string{}
	for _, trim := range []bool{false, true} {
		fit := true
		for gi := range groups {
			for bi := range groups[gi].bars {
				b := &groups[gi].bars[bi]
				t := b.text
				if trim {
					t = strings.TrimSuffix(t, "%")
				}
				out[b] = t
				fit = fit && c.measure(t) <= bw+2
			}
		}
		if fit {
			return out
		}
	}
	return nil
}
