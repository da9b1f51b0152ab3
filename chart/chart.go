// Package chart draws electionbot's pictures as PNG: a hemicycle of the
// seats, bar charts of the polls and of the results. It knows the election
// model and nothing of any chat platform; the engine hands it to bot as a
// bot.Charter. It is pure Go (gg and the Go fonts), so the binary stays
// static.
package chart

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"github.com/electionbot/electionbot/lang"
	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"
)

// The size of every picture: wide enough to read names when a chat client
// shows it at half size, in the 12:7 shape Telegram and Discord preview
// without cropping.
const (
	width  = 1200
	height = 700
	margin = 40
)

// A Renderer draws charts. One Renderer serves any number of goroutines:
// the parsed fonts never change after New, every drawing gets a canvas of
// its own, and what drawings reuse (font faces, compressors) passes from
// one to the next through pools, never used by two at once.
type Renderer struct {
	regular, bold *truetype.Font
	// faces pools sets of font faces. A face caches rendered glyphs and
	// must not be shared, but handing a warm set from one drawing to the
	// next saves most of the cost of text.
	faces sync.Pool
	zlib  sync.Pool // of *zlib.Writer, for encodePNG
	pics  sync.Pool // of *image.RGBA, width×height
}

// A faceSet is the font faces of one drawing, by size and weight.
type faceSet map[faceKey]font.Face

// New parses the embedded Go fonts once. It panics only if the fonts
// compiled into the binary are broken, which no input can cause.
func New() *Renderer {
	reg, err := truetype.Parse(goregular.TTF)
	if err != nil {
		panic(fmt.Sprintf("chart: parse Go Regular: %v", err))
	}
	bold, err := truetype.Parse(gobold.TTF)
	if err != nil {
		panic(fmt.Sprintf("chart: parse Go Bold: %v", err))
	}
	r := &Renderer{regular: reg, bold: bold}
	r.faces.New = func() any { return faceSet{} }
	r.pics.New = func() any { return image.NewRGBA(image.Rect(0, 0, width, height)) }
	return r
}

// An advanceCache remembers glyph widths. The truetype face caches glyph
// images but loads and hints the glyph again for every width asked, and
// fitting names to the legend asks for many.
type advanceCache struct {
	font.Face
	adv map[rune]fixed.Int26_6
}

func (a *advanceCache) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	if w, ok := a.adv[r]; ok {
		return w, true
	}
	w, ok := a.Face.GlyphAdvance(r)
	if ok {
		a.adv[r] = w
	}
	return w, ok
}

// A canvas is one drawing in progress.
type canvas struct {
	*gg.Context
	r     *Renderer
	faces faceSet
	face  font.Face // the current face
	size  float64   // and its size
	lang  lang.Lang // the labels' language
}

type faceKey struct {
	size float64
	bold bool
}

func (r *Renderer) canvas(l lang.Lang) *canvas {
	pic := r.pics.Get().(*image.RGBA)
	draw.Draw(pic, pic.Rect, image.NewUniform(white), image.Point{}, draw.Src)
	return &canvas{Context: gg.NewContextForRGBA(pic), r: r, faces: r.faces.Get().(faceSet), lang: l}
}

// font selects the face for the text that follows.
func (c *canvas) font(size float64, bold bool) {
	k := faceKey{size, bold}
	f, ok := c.faces[k]
	if !ok {
		tf := c.r.regular
		if bold {
			tf = c.r.bold
		}
		f = &advanceCache{
			Face: truetype.NewFace(tf, &truetype.Options{Size: size, Hinting: font.HintingFull, GlyphCacheEntries: 128}),
			adv:  map[rune]fixed.Int26_6{},
		}
		c.faces[k] = f
	}
	c.face, c.size = f, size
}

// text draws s with its baseline at y; ax anchors it horizontally (0 left,
// 0.5 centre, 1 right). It draws glyphs straight onto the picture: gg's
// DrawString resamples every glyph through its transform, which charts
// never use.
func (c *canvas) text(s string, x, y, ax float64, col color.Color) {
	s = c.r.displayable(s)
	d := font.Drawer{Dst: c.pix(), Src: image.NewUniform(col), Face: c.face}
	x -= ax * float64(d.MeasureString(s)) / 64
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
	d.DrawString(s)
}

// measure is the width of s in the current face.
func (c *canvas) measure(s string) float64 {
	return float64(font.MeasureString(c.face, c.r.displayable(s))) / 64
}

// capHeight is the height of capital letters in the current face, for
// centring text on a point.
func (c *canvas) capHeight() float64 { return 0.72 * c.size }

// header draws the title and a subtitle and returns where the body starts.
func (c *canvas) header(title, subtitle string) float64 {
	c.font(30, true)
	c.text(c.fit(title, width-2*margin), margin, 52, 0, ink)
	c.font(19, false)
	c.text(c.fit(subtitle, width-2*margin), margin, 84, 0, muted)
	return 108
}

// paint fills the current path with col and, when col would fade into
// the white background, outlines it in a darker shade lineW wide.
func (c *canvas) paint(col color.RGBA, lineW float64) {
	c.SetColor(col)
	c.FillPreserve()
	if tooLight(col) {
		c.SetColor(darker(col, 0.6))
		c.SetLineWidth(lineW)
		c.StrokePreserve()
	}
	c.ClearPath()
}

// rect fills a rectangle snapped to whole pixels. Bars and boxes go
// straight to the pixels: rasterizing their paths would cost more and
// blur their edges.
func (c *canvas) rect(x, y, w, h float64, col color.RGBA) image.Rectangle {
	r := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h))).Canon()
	draw.Draw(c.pix(), r, image.NewUniform(col), image.Point{}, draw.Src)
	return r
}

// block is a rect in a party's colour, outlined as paint outlines paths.
func (c *canvas) block(x, y, w, h float64, col color.RGBA) image.Rectangle {
	r := c.rect(x, y, w, h, col)
	if tooLight(col) {
		c.frame(r, darker(col, 0.6), 1)
	}
	return r
}

// frame draws a border n pixels wide just inside r.
func (c *canvas) frame(r image.Rectangle, col color.RGBA, n int) {
	src := image.NewUniform(col)
	for _, side := range []image.Rectangle{
		{r.Min, image.Pt(r.Max.X, r.Min.Y+n)},
		{image.Pt(r.Min.X, r.Max.Y-n), r.Max},
		{r.Min, image.Pt(r.Min.X+n, r.Max.Y)},
		{image.Pt(r.Max.X-n, r.Min.Y), r.Max},
	} {
		draw.Draw(c.pix(), side.Intersect(r), src, image.Point{}, draw.Src)
	}
}

// pix is the picture being drawn.
func (c *canvas) pix() *image.RGBA { return c.Image().(*image.RGBA) }

// dashedLine strokes a thin dashed line, for thresholds and majorities.
func (c *canvas) dashedLine(x1, y1, x2, y2 float64, col color.Color) {
	c.SetColor(col)
	c.SetLineWidth(2)
	c.SetDash(8, 5)
	c.DrawLine(x1, y1, x2, y2)
	c.Stroke()
	c.SetDash()
}

// labelBox draws s on a white box, so that a label stays legible where it
// crosses bars or lines.
func (c *canvas) labelBox(s string, x, y, ax float64, col color.Color) {
	w := c.measure(s)
	c.rect(x-ax*w-4, y-c.capHeight()-4, w+8, c.capHeight()+8, white)
	c.text(s, x, y, ax, col)
}

// png encodes the drawing and hands the picture and the font faces on to
// the next one.
func (c *canvas) png() ([]byte, error) {
	b, err := c.r.encodePNG(c.pix())
	c.r.faces.Put(c.faces)
	c.r.pics.Put(c.pix())
	c.faces, c.Context = nil, nil
	return b, err
}
