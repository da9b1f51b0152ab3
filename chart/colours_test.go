package chart

import (
	"image/color"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
)

func TestParseHex(t *testing.T) {
	tests := []struct {
		in   string
		want color.RGBA
		ok   bool
	}{
		{"#000099", color.RGBA{0, 0, 0x99, 0xFF}, true},
		{"#FFBF00", color.RGBA{0xFF, 0xBF, 0, 0xFF}, true},
		{"", color.RGBA{}, false},
		{"red", color.RGBA{}, false},
		{"#GGGGGG", color.RGBA{}, false},
	}
	for _, tt := range tests {
		got, ok := parseHex(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseHex(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPaletteReadableOnWhite(t *testing.T) {
	for _, c := range palette {
		if tooLight(c) {
			t.Errorf("palette colour %v fades into white", c)
		}
	}
	for _, c := range []string{"#FFFF99", "#FFFFFF", "#F0E442"} {
		if col, _ := parseHex(c); !tooLight(col) {
			t.Errorf("tooLight(%s) = false; want true, so that it gets an outline", c)
		}
	}
	if tooLight(ink) || !tooLight(unknownGr) {
		t.Errorf("tooLight(ink) = %v, tooLight(unknownGr) = %v; want false, true", tooLight(ink), tooLight(unknownGr))
	}
}

func TestSequenceNeighboursDiffer(t *testing.T) {
	tests := []struct {
		name string
		hex  []string
	}{
		{"no colours", make([]string, 30)},
		{"one", []string{""}},
		{"all the same", []string{"#CC0000", "#CC0000", "#CC0000", "#CC0000"}},
		{"mixed", []string{"#000099", "", "#FFBF00", "", "", "#CC0000", "", "#0072B2", ""}},
		{"palette colours given", []string{"#0072B2", "", "#E69F00", "", "#009E73", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := (&colourer{}).sequence(tt.hex)
			for i := range got {
				if got[i].A != 0xFF {
					t.Fatalf("sequence(%q)[%d] = %v; want an opaque colour", tt.hex, i, got[i])
				}
				if i > 0 && similar(got[i], got[i-1]) {
					t.Errorf("sequence(%q): %d and %d are %v and %v; want neighbours apart", tt.hex, i-1, i, got[i-1], got[i])
				}
				if c, ok := parseHex(tt.hex[i]); ok && i == 0 && got[i] != c {
					t.Errorf("sequence(%q)[0] = %v; want the infobox colour %v", tt.hex, got[i], c)
				}
			}
		})
	}
}

func TestSequenceFirstColoursDistinct(t *testing.T) {
	// Up to the palette's size, no two parties without infobox colours
	// share one.
	got := (&colourer{}).sequence(make([]string, len(palette)))
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			if got[i] == got[j] {
				t.Errorf("sequence of %d blanks: %d and %d both %v", len(palette), i, j, got[i])
			}
		}
	}
}

func TestSchemeByName(t *testing.T) {
	sns := &knowledge.Contestant{Name: "SNS", Colour: "#000099", Seats: fig(63), Position: 1}
	e := &knowledge.Election{Contestants: []*knowledge.Contestant{sns}}
	s := newScheme(e)
	if got, want := s.of(sns, "SNS", color.RGBA{}), (color.RGBA{0, 0, 0x99, 0xFF}); got != want {
		t.Errorf("of(SNS) = %v; want its infobox colour %v", got, want)
	}
	others := s.of(nil, "Others", color.RGBA{})
	if again := s.of(nil, "others", color.RGBA{}); again != others {
		t.Errorf("of(nil, %q) = %v after %v for %q; want the same colour for the same name", "others", again, others, "Others")
	}
	if ldp := s.of(nil, "LDP", others); similar(ldp, others) || similar(ldp, s.party[sns]) {
		t.Errorf("of(nil, LDP) = %v; want a colour apart from %v and %v", ldp, others, s.party[sns])
	}
}
