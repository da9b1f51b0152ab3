// Package fakechart is a stand-in bot.Charter for the adapters' and the
// terminal's tests: it draws a tiny PNG at once, or slowly, or panics, so
// that the tests can follow pictures, deferrals and failures without the
// real renderer.
package fakechart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// TinyPNG returns a valid 2×2 PNG.
func TinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding an in-memory picture cannot fail
	}
	return buf.Bytes()
}

// A Charter draws PNG for every chart.
type Charter struct {
	PNG []byte
	// Release, when set, holds every drawing until it is closed (a slow
	// chart); Started, when set, is told of every drawing begun.
	Release chan struct{}
	Started chan struct{}
	// Panic makes every drawing panic (a broken chart).
	Panic bool
}

func (c *Charter) draw() ([]byte, error) {
	if c.Started != nil {
		select {
		case c.Started <- struct{}{}:
		default:
		}
	}
	if c.Release != nil {
		<-c.Release
	}
	if c.Panic {
		panic("the chart exploded")
	}
	return c.PNG, nil
}

// Seats draws the seat chart.
func (c *Charter) Seats(*knowledge.Election, lang.Lang) ([]byte, error) { return c.draw() }

// Polls draws the poll chart.
func (c *Charter) Polls(*knowledge.Election, []*knowledge.Poll, *knowledge.Contestant, lang.Lang) ([]byte, error) {
	return c.draw()
}

// Results draws the results chart.
func (c *Charter) Results(*knowledge.Election, lang.Lang) ([]byte, error) { return c.draw() }

// Trend draws the trend chart.
func (c *Charter) Trend(*knowledge.History, *knowledge.Lineage, lang.Lang) ([]byte, error) {
	return c.draw()
}
