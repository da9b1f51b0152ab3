package chart

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

var _ bot.Charter = (*Renderer)(nil)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// Golden pictures may drift by a few levels where floating point rounds
// differently on another CPU; more than that is a change.
const (
	channelTolerance = 24    // per colour channel, of 255
	pixelTolerance   = 0.002 // share of pixels allowed past it
)

func TestGolden(t *testing.T) {
	r := New()
	e := seed(t)
	sns := e.ContestantByBallot(1)
	if sns == nil || sns.Share == nil {
		t.Fatalf("seed: list 1 = %v; want the SNS coalition with its share", sns)
	}
	tests := []struct {
		name string
		draw func() ([]byte, error)
	}{
		{"seats-belgrade-2014", func() ([]byte, error) { return r.Seats(e, lang.En) }},
		{"polls-belgrade-2014", func() ([]byte, error) { return r.Polls(e, e.Polls, nil, lang.En) }},
		{"polls-sns-belgrade-2014", func() ([]byte, error) { return r.Polls(e, e.Polls, sns, lang.En) }},
		{"results-belgrade-2014", func() ([]byte, error) { return r.Results(e, lang.En) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.draw()
			if err != nil || got == nil {
				t.Fatalf("draw = %d bytes, %v; want a picture", len(got), err)
			}
			checkGolden(t, tt.name, got)
		})
	}
}

// checkGolden compares a picture with testdata/<name>.png within the
// tolerance, or with -update writes it there.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./chart -update to create it)", err)
	}
	if bad := differ(t, got, want); bad > pixelTolerance {
		out := filepath.Join(os.TempDir(), "chart-"+name+".png")
		_ = os.WriteFile(out, got, 0o644)
		t.Errorf("%s: %.2f%% of pixels differ from the golden file; want at most %.2f%% (got written to %s; -update accepts it)",
			name, 100*bad, 100*pixelTolerance, out)
	}
}

// differ returns the share of pixels whose colour differs by more than
// channelTolerance in some channel.
func differ(t *testing.T, got, want []byte) float64 {
	t.Helper()
	g, w := decode(t, got), decode(t, want)
	if g.Bounds() != w.Bounds() {
		t.Fatalf("picture is %v; golden file is %v", g.Bounds(), w.Bounds())
	}
	bad := 0
	for i := 0; i < len(g.Pix); i += 4 {
		if far(g.Pix[i], w.Pix[i]) || far(g.Pix[i+1], w.Pix[i+1]) || far(g.Pix[i+2], w.Pix[i+2]) {
			bad++
		}
	}
	return float64(bad) / float64(len(g.Pix)/4)
}

func far(a, b uint8) bool {
	d := int(a) - int(b)
	return d > channelTolerance || -d > channelTolerance
}

// decode reads a chart back. Charts are RGBA PNGs that image/png
// decodes to NRGBA; they must be opaque, and then the bytes are RGBA's.
func decode(t *testing.T, b []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("png.Decode = %v", err)
	}
	var rgba *image.RGBA
	switch img := img.(type) {
	case *image.NRGBA:
		rgba = &image.RGBA{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect}
	case *image.RGBA:
		rgba = img
	default:
		t.Fatalf("png.Decode = %T; want an RGBA picture", img)
	}
	for i := 3; i < len(rgba.Pix); i += 4 {
		if rgba.Pix[i] != 0xFF {
			t.Fatalf("pixel %d has alpha %d; want an opaque picture", i/4, rgba.Pix[i])
		}
	}
	return rgba
}

// has reports whether some pixel of the picture is exactly c.
func has(img *image.RGBA, c color.RGBA) bool {
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] == c.R && img.Pix[i+1] == c.G && img.Pix[i+2] == c.B {
			return true
		}
	}
	return false
}

func TestSeatsCases(t *testing.T) {
	r := New()
	withGaps := synthetic("Seats not all given", 250, 80, 60, 40)
	coloured := synthetic("Coloured", 110, 63, 47)
	coloured.Contestants[0].Colour = "#000099"
	tests := []struct {
		name string
		e    *knowledge.Election
		// present are colours the picture must show somewhere.
		present []color.RGBA
	}{
		{"one party, one seat", synthetic("One seat", 1, 1), []color.RGBA{palette[0]}},
		{"thirty parties, a thousand seats", thirty(), nil},
		{"no colours, no total", synthetic("No colours", 0, 100, 90, 80, 70, 60, 50), []color.RGBA{palette[0]}},
		{"seats not all given", withGaps, []color.RGBA{unknownGr}},
		{"infobox colour", coloured, []color.RGBA{{0, 0, 0x99, 0xFF}}},
		{"diacritics", synthetic("Đilas, Šešelj, Mlađan Dinkić: izbori", 7, 4, 3), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := r.Seats(tt.e, lang.En)
			if err != nil || b == nil {
				t.Fatalf("Seats = %d bytes, %v; want a picture", len(b), err)
			}
			img := decode(t, b)
			if got := img.Bounds().Size(); got != (image.Point{width, height}) {
				t.Errorf("Seats is %v; want %dx%d", got, width, height)
			}
			for _, c := range tt.present {
				if !has(img, c) {
					t.Errorf("Seats shows no pixel of %v; want it", c)
				}
			}
		})
	}
}

func TestNothingToDraw(t *testing.T) {
	r := New()
	noSeats := synthetic("No seats", 110)
	noShares := synthetic("No shares", 110, 60, 50)
	poll := &knowledge.Poll{Pollster: "Factor Plus", Entries: []knowledge.PollEntry{{Name: "SNS"}}}
	zero := synthetic("Zero seats", 110, 0, 0)
	tests := []struct {
		name string
		draw func() ([]byte, error)
	}{
		{"seats without seat counts", func() ([]byte, error) { return r.Seats(noSeats, lang.En) }},
		{"seats all zero", func() ([]byte, error) { return r.Seats(zero, lang.En) }},
		{"results without shares", func() ([]byte, error) { return r.Results(noShares, lang.En) }},
		{"polls without figures", func() ([]byte, error) { return r.Polls(noShares, []*knowledge.Poll{poll}, nil, lang.En) }},
		{"no polls", func() ([]byte, error) { return r.Polls(noShares, nil, nil, lang.En) }},
		{"party in no poll", func() ([]byte, error) {
			return r.Polls(noShares, []*knowledge.Poll{poll}, noShares.Contestants[0], lang.En)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.draw()
			if b != nil || err != nil {
				t.Errorf("draw = %d bytes, %v; want nil, nil", len(b), err)
			}
		})
	}
}

func TestTooManySeats(t *testing.T) {
	if b, err := New().Seats(synthetic("Huge", maxSeats+1, maxSeats+1), lang.En); err == nil {
		t.Errorf("Seats(%d seats) = %d bytes, nil; want an error", maxSeats+1, len(b))
	}
}

func TestPollsCases(t *testing.T) {
	r := New()
	e := seed(t)
	// Entries linked to no contestant, named alike in two polls, and a
	// party with no share in the results.
	unlinked := []*knowledge.Poll{
		{Pollster: "Ipsos", Date: "1 March", Entries: []knowledge.PollEntry{{Name: "Others", Share: fig(12)}, {Name: "Greens", Share: fig(4.5)}}},
		{Pollster: "CeSID", Entries: []knowledge.PollEntry{{Name: "others", Share: fig(10)}}},
	}
	noShare := &knowledge.Contestant{Name: "LDP"}
	withLDP := []*knowledge.Poll{{Pollster: "Ipsos", Entries: []knowledge.PollEntry{{Name: "LDP", Share: fig(6.6), Contestant: noShare}}}}
	for _, tt := range []struct {
		name  string
		polls []*knowledge.Poll
		focus *knowledge.Contestant
	}{
		{"unlinked entries", unlinked, nil},
		{"focus without a result", withLDP, noShare},
		{"one poll", e.Polls[:1], nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := r.Polls(e, tt.polls, tt.focus, lang.En)
			if err != nil || b == nil {
				t.Fatalf("Polls = %d bytes, %v; want a picture", len(b), err)
			}
			decode(t, b)
		})
	}
	if got := seriesOf(unlinked, lang.En); len(got) != 2 {
		t.Errorf("seriesOf(unlinked, lang.En) = %v; want Others and Greens, Others once", got)
	}
}

func TestResultsThirty(t *testing.T) {
	e := thirty()
	for i, c := range e.Contestants {
		c.Share = fig(float64(30-i) * 0.9)
	}
	e.Threshold = fig(5)
	b, err := New().Results(e, lang.En)
	if err != nil || b == nil {
		t.Fatalf("Results = %d bytes, %v; want a picture", len(b), err)
	}
	decode(t, b)
}

// TestConcurrent draws every kind of chart twice at once: with -race it
// checks that a Renderer shares nothing it should not, and the two
// drawings of a kind must come out the same.
func TestConcurrent(t *testing.T) {
	r := New()
	e := seed(t)
	draws := []func() ([]byte, error){
		func() ([]byte, error) { return r.Seats(e, lang.En) },
		func() ([]byte, error) { return r.Polls(e, e.Polls, nil, lang.En) },
		func() ([]byte, error) { return r.Results(e, lang.En) },
	}
	got := make([][]byte, 2*len(draws))
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i], _ = draws[i%len(draws)]() })
	}
	wg.Wait()
	for i := range draws {
		if a, b := got[i], got[i+len(draws)]; len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("chart %d drawn twice at once: %d and %d bytes, equal %v; want two equal pictures", i, len(a), len(b), bytes.Equal(a, b))
		}
	}
}
