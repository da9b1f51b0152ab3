package chart

import (
	"image/color"
	"math"
	"strconv"

	"github.com/electionbot/electionbot/knowledge"
)

// palette colours parties the article gives no colour. It joins the
// Okabe–Ito and Paul Tol "muted" schemes, both chosen to stay apart for
// the common kinds of colour blindness, leaving out yellows and greys that
// vanish on white or look like the grey of unknown seats.
var palette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0xD5, 0x5E, 0x00, 0xFF}, // vermilion
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x88, 0x22, 0x55, 0xFF}, // wine
	{0x11, 0x77, 0x33, 0xFF}, // green
	{0x33, 0x22, 0x88, 0xFF}, // indigo
	{0x99, 0x99, 0x33, 0xFF}, // olive
	{0x44, 0xAA, 0x99, 0xFF}, // teal
	{0xAA, 0x44, 0x99, 0xFF}, // purple
	{0xCC, 0x66, 0x77, 0xFF}, // rose
	{0x8C, 0x61, 0x3C, 0xFF}, // brown
}

var (
	white     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ink       = color.RGBA{0x22, 0x22, 0x22, 0xFF} // text
	muted     = color.RGBA{0x66, 0x66, 0x66, 0xFF} // secondary text
	gridGrey  = color.RGBA{0xE4, 0xE4, 0xE4, 0xFF}
	axisGrey  = color.RGBA{0x99, 0x99, 0x99, 0xFF}
	unknownGr = color.RGBA{0xD9, 0xD9, 0xD9, 0xFF} // seats the article does not give
)

// parseHex reads "#RRGGBB" (what knowledge keeps of infobox colours).
func parseHex(s string) (color.RGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.RGBA{}, false
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}, true
}

// luminance is the WCAG relative luminance of c.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// tooLight reports colours that fade into a white background: their
// contrast with white is under 1.6:1 (yellows, pastels).
func tooLight(c color.RGBA) bool {
	return 1.05/(luminance(c)+0.05) < 1.6
}

// darker returns c with every channel scaled by f (0..1).
func darker(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), c.A}
}

// distance is a cheap perceptual distance between colours (the "redmean"
// weighting of RGB); under about 60 two colours read as the same.
func distance(a, b color.RGBA) float64 {
	rm := (float64(a.R) + float64(b.R)) / 2
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt((2+rm/256)*dr*dr + 4*dg*dg + (2+(255-rm)/256)*db*db)
}

// similar reports colours a reader could not tell apart side by side.
func similar(a, b color.RGBA) bool { return distance(a, b) < 90 }

// A colourer hands out colours in a fixed order, so that the same input
// always draws the same picture. It is used by one drawing and discarded.
type colourer struct {
	used []color.RGBA
	next int // palette position to try first
}

// reserve marks a colour as taken (an infobox colour) so that the palette
// prefers others.
func (k *colourer) reserve(c color.RGBA) { k.used = append(k.used, c) }

// pickPasses relax step by step what pick asks of a colour: first far
// from every colour in use and from the neighbours, then merely distinct
// from those in use, then not in use at all, then only unlike the
// neighbours.
var pickPasses = []struct{ used, neighbour float64 }{
	{240, 240},
	{90, 150},
	{1, 90},
	{0, 90},
}

// pick returns a palette colour unlike the neighbours, preferring one far
// from every colour used so far; with more parties than colours it reuses,
// but never next to itself.
func (k *colourer) pick(neighbours ...color.RGBA) color.RGBA {
	near := func(c color.RGBA, set []color.RGBA, d float64) bool {
		for _, n := range set {
			if n.A != 0 && distance(c, n) < d {
				return true
			}
		}
		return false
	}
	for _, pass := range pickPasses {
		for i := range palette {
			c := palette[(k.next+i)%len(palette)]
			if near(c, neighbours, pass.neighbour) || near(c, k.used, pass.used) {
				continue
			}
			k.next = (k.next + i + 1) % len(palette)
			k.used = append(k.used, c)
			return c
		}
	}
	// Unreachable: two neighbours cannot rule out a palette this varied.
	return palette[k.next]
}

// sequence colours a row of parties that sit next to each other (seats
// in a hemicycle, legend entries): each keeps its infobox colour where it
// has one, set off from an identical neighbour by shading, and the others
// get palette colours unlike both neighbours.
func (k *colourer) sequence(hex []string) []color.RGBA {
	out := make([]color.RGBA, len(hex))
	given := make([]bool, len(hex))
	for i, h := range hex {
		if c, ok := parseHex(h); ok {
			out[i], given[i] = c, true
			k.reserve(c)
		}
	}
	for i := range out {
		var prev, next color.RGBA
		if i > 0 {
			prev = out[i-1]
		}
		if i+1 < len(out) && given[i+1] {
			next = out[i+1]
		}
		switch {
		case !given[i]:
			out[i] = k.pick(prev, next)
		case prev.A != 0 && similar(out[i], prev):
			out[i] = shade(out[i])
		}
	}
	return out
}

// shade makes a colour different enough from itself to tell two parties
// with the same infobox colour apart.
func shade(c color.RGBA) color.RGBA {
	if luminance(c) > 0.3 {
		return darker(c, 0.6)
	}
	f := func(v uint8) uint8 { return v + uint8(float64(255-v)*0.5) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), c.A}
}

// A scheme is the colours of one election's charts: every contestant's,
// fixed up front, and those of poll entries that name no contestant, keyed
// by name as they come.
type scheme struct {
	k      *colourer
	party  map[*knowledge.Contestant]color.RGBA
	byName map[string]color.RGBA
}

// newScheme fixes a colour for every contestant of e: first for the seat
// holders in hemicycle order, where neighbours matter most, then for the
// rest, so that every chart of one election shows a party alike.
func newScheme(e *knowledge.Election) *scheme {
	order := e.SeatWinners()
	seen := map[*knowledge.Contestant]bool{}
	for _, c := range order {
		seen[c] = true
	}
	for _, c := range e.Contestants {
		if !seen[c] {
			order = append(order, c)
		}
	}
	hex := make([]string, len(order))
	for i, c := range order {
		hex[i] = c.Colour
	}
	s := &scheme{k: &colourer{}, party: map[*knowledge.Contestant]color.RGBA{}, byName: map[string]color.RGBA{}}
	for i, c := range s.k.sequence(hex) {
		s.party[order[i]] = c
	}
	return s
}

// of returns the colour of a contestant, or for a bare name (a poll entry
// linked to no contestant) a palette colour unlike prev, the same for the
// same name.
func (s *scheme) of(c *knowledge.Contestant, name string, prev color.RGBA) color.RGBA {
	if col, ok := s.party[c]; ok && c != nil {
		return col
	}
	key := knowledge.Fold(name)
	if col, ok := s.byName[key]; ok {
		return col
	}
	col := s.k.pick(prev)
	s.byName[key] = col
	return col
}
