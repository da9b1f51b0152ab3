package knowledge

import (
	"strings"
	"testing"
	"time"
)

func TestParseSource(t *testing.T) {
	text := `= 2019 Zaječar Municipal Assembly election =

Source
- Title: 2019 Zaječar Municipal Assembly election
- URL: https://en.wikipedia.org/w/index.php?title=2019_Zaje%C4%8Dar_Municipal_Assembly_election&oldid=1234567
- Page: https://en.wikipedia.org/wiki/2019_Zaje%C4%8Dar_Municipal_Assembly_election
- Revision Time: 2024-02-03T04:05:06Z
- Retrieved: 2025-01-02T03:04:05Z
- Licence: CC BY-SA 4.0
- Licence URL: https://creativecommons.org/licenses/by-sa/4.0/
- Attribution: Wikipedia contributors
Infobox
- Seats For Election: 51

Source of the figures: the municipal electoral commission.
`
	a := mustParse(t, text)
	s := a.Source
	if s == nil {
		t.Fatal("Source = nil; want the source block")
	}
	want := Source{
		URL:          "https://en.wikipedia.org/w/index.php?title=2019_Zaje%C4%8Dar_Municipal_Assembly_election&oldid=1234567",
		Title:        "2019 Zaječar Municipal Assembly election",
		Page:         "https://en.wikipedia.org/wiki/2019_Zaje%C4%8Dar_Municipal_Assembly_election",
		Revision:     1234567, // from the URL's oldid
		RevisionTime: time.Date(2024, 2, 3, 4, 5, 6, 0, time.UTC),
		Retrieved:    time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		Licence:      "CC BY-SA 4.0",
		LicenceURL:   "https://creativecommons.org/licenses/by-sa/4.0/",
		Attribution:  "Wikipedia contributors",
		Line:         3,
	}
	if *s != want {
		t.Errorf("Source = %+v; want %+v", *s, want)
	}
	if got := s.Credit(); got != "Wikipedia contributors, CC BY-SA 4.0" {
		t.Errorf("Credit() = %q; want %q", got, "Wikipedia contributors, CC BY-SA 4.0")
	}
	// The infobox right after the block is still the infobox.
	if f, ok := a.InfoboxValue("seats for election"); !ok || f.Value != "51" {
		t.Errorf("infobox seats = %q, %v; want 51", f.Value, ok)
	}
	// The source is no prose: nothing of it reaches a section.
	for _, sec := range a.Sections {
		for _, b := range sec.Blocks {
			texts := []string{b.Text}
			for _, it := range b.Items {
				texts = append(texts, it.Text)
			}
			for _, p := range texts {
				if strings.Contains(p, "wikipedia.org") || strings.Contains(p, "CC BY-SA") {
					t.Errorf("section %q holds source text %q", sec.Title, p)
				}
			}
		}
	}
	// A "Source" line after the body has begun is prose, not a block.
	if a.Sections[0].Blocks[0].Text != "Source of the figures: the municipal electoral commission." {
		t.Errorf("lead = %q; want the prose line", a.Sections[0].Blocks[0].Text)
	}
	e := Extract(a, nil)
	if e.Source != a.Source {
		t.Errorf("Election.Source = %p; want the article's %p", e.Source, a.Source)
	}
}

func TestParseSourceLateIsProse(t *testing.T) {
	a := mustParse(t, "= T =\n\nThe lead.\n\nSource\n- a list item\n")
	if a.Source != nil {
		t.Errorf("Source = %+v; want nil: a Source line after the body is prose", a.Source)
	}
}

func TestSeedSource(t *testing.T) {
	e := extractFile(t, "../data/belgrade-2014.txt", nil)
	if e.Source == nil {
		t.Fatal("the seed has no source block")
	}
	if want := "https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election"; e.Source.URL != want {
		t.Errorf("seed source URL = %q; want %q", e.Source.URL, want)
	}
	if e.Source.Licence != "CC BY-SA 4.0" || e.Source.Attribution == "" {
		t.Errorf("seed source licence = %q, attribution %q; want CC BY-SA 4.0 and the authors", e.Source.Licence, e.Source.Attribution)
	}
}
