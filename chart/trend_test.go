package chart

import (
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// testSeries loads the test series of one place's elections and links it.
func testSeries(t testing.TB) *knowledge.History {
	t.Helper()
	f, err := data.FS.Open(knowledge.AliasesFile)
	if err != nil {
		t.Fatal(err)
	}
	aliases, err := knowledge.ParseAliases(knowledge.AliasesFile, f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	es, err := knowledge.Load(os.DirFS(filepath.Join("..", "knowledge", "testdata", "articles", "smederevo")), aliases)
	if err != nil {
		t.Fatal(err)
	}
	hs := knowledge.Histories(es)
	if len(hs) != 1 || len(hs[0].Elections) != 4 {
		t.Fatalf("Histories = %d; want one of four elections", len(hs))
	}
	return hs[0]
}

func lineage(t testing.TB, h *knowledge.History, name string) *knowledge.Lineage {
	t.Helper()
	ms := h.Find(name)
	if len(ms) == 0 {
		t.Fatalf("Find(%q) = nothing; want a party", name)
	}
	return ms[0].Lineage
}

// TestTrendGolden compares the trend charts of a party in every election
// and of one that skipped an election with golden pictures, within the
// tolerance of the other charts.
func TestTrendGolden(t *testing.T) {
	r := New()
	h := testSeries(t)
	for _, tt := range []struct{ name, party string }{
		{"trend-smederevo-sns", "SNS"},
		{"trend-smederevo-dss", "DSS"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Trend(h, lineage(t, h, tt.party), lang.En)
			if err != nil || got == nil {
				t.Fatalf("Trend(%s) = %d bytes, %v; want a picture", tt.party, len(got), err)
			}
			checkGolden(t, tt.name, got)
		})
	}
}

// TestTrendCases draws the shapes a history can take: the party's
// infobox colour must show, and a party with no figures draws nothing.
func TestTrendCases(t *testing.T) {
	r := New()
	h := testSeries(t)
	sns := lineage(t, h, "SNS")
	one := knowledge.NewHistory("One", h.Elections[:1])
	sharesOnly := synthetic("Shares only", 0)
	sharesOnly.Year = 2020
	sharesOnly.Contestants = []*knowledge.Contestant{{Name: "Greens", Share: fig(4.5), Colour: "#FFFF99"}}
	shares := knowledge.NewHistory("Shares", []*knowledge.Election{sharesOnly})
	blank := synthetic("No figures", 0)
	blank.Contestants = []*knowledge.Contestant{{Name: "Nobody"}}
	none := knowledge.NewHistory("None", []*knowledge.Election{blank})

	b, err := r.Trend(h, sns, lang.En)
	if err != nil || b == nil {
		t.Fatalf("Trend(SNS) = %d bytes, %v; want a picture", len(b), err)
	}
	if img := decode(t, b); !has(img, mustHex(t, sns.Colour())) {
		t.Errorf("Trend(SNS) shows no pixel of the infobox colour %s", sns.Colour())
	}
	for _, tt := range []struct {
		name string
		h    *knowledge.History
		l    *knowledge.Lineage
	}{
		{"one election", one, one.Parties[0]},
		{"shares only, a light colour", shares, shares.Parties[0]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := r.Trend(tt.h, tt.l, lang.En)
			if err != nil || b == nil {
				t.Fatalf("Trend = %d bytes, %v; want a picture", len(b), err)
			}
			decode(t, b)
		})
	}
	if b, err := r.Trend(none, none.Parties[0], lang.En); b != nil || err != nil {
		t.Errorf("Trend(no figures) = %d bytes, %v; want nil, nil", len(b), err)
	}
}

func mustHex(t *testing.T, s string) color.RGBA {
	t.Helper()
	col, ok := parseHex(s)
	if !ok {
		t.Fatalf("parseHex(%q) failed", s)
	}
	return col
}

func TestNiceStep(t *testing.T) {
	for _, tt := range []struct{ raw, want float64 }{{0.3, 1}, {3, 5}, {7, 10}, {12, 20}, {23, 50}, {180, 200}} {
		if got := niceStep(tt.raw); got != tt.want {
			t.Errorf("niceStep(%v) = %v; want %v", tt.raw, got, tt.want)
		}
	}
}

// BenchmarkTrend draws a party's trend over four elections, PNG encoding
// included.
func BenchmarkTrend(b *testing.B) {
	r := New()
	h := testSeries(b)
	l := lineage(b, h, "SNS")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Trend(h, l, lang.En); err != nil {
			b.Fatal(err)
		}
	}
}
