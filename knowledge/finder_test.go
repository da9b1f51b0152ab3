package knowledge

import (
	"strings"
	"testing"
)

// finderElections are the fixture articles and the seed, several of one
// year and place words in common ("City Assembly"), to find among.
func finderElections(t testing.TB) []*Election {
	t.Helper()
	var es []*Election
	for _, id := range []string{"belgrade-2014", "novi-sad-2020", "nis-2016", "kragujevac-2016", "vozdovac-2013",
		"serbia-parliamentary-2018", "osijek-2019", "podgorica-2018", "budva-2015", "slovenia-presidential-2020",
		"croatia-presidential-2018", "montenegro-referendum-2017", "ohrid-2019"} {
		es = append(es, election(t, id))
	}
	SortNewestFirst(es)
	return es
}

var finderTexts = []string{
	"", "/seats", "seats 2014", "seats in Novi Sad", "turnout in Nish", "seats 2018", "mayor of Belgrade 2014",
	"2016 Kragujevac", "2016 Nis City Assembly", "Who won in Podgoritsa?", "osijek local 2019 mayor",
	"presidential 2018", "Croatian presidential run-off", "Slovenian president 2020 turnout", "Vozdovac", "Voždovac 2013",
	"Ohrid 2019 council", "Budva", "montenegrin referendum", "2017 referendum", "Novi Sad 2016", "Беград 2014",
	"kragujevca", "Belgrade Novi Sad", "city assembly", "the 2020 election in novi sad and belgrade",
	"izbori u Novom Sadu", "u Kragujevcu 2016", "na Voždovcu", "Nov", "Nišu", "mandati u Beogradu 2014",
}

// TestFinderIsElectionIn checks the prepared Finder against ElectionIn,
// which tries every election.
func TestFinderIsElectionIn(t *testing.T) {
	es := finderElections(t)
	for _, set := range [][]*Election{es, es[:1], es[2:5]} {
		f := NewFinder(set)
		for _, text := range finderTexts {
			ge, gr, gm := f.In(text)
			we, wr, wm := ElectionIn(set, text)
			if ge != we || gr != wr || gm != wm {
				t.Errorf("Finder(%d).In(%q) = %v, %q, %q; want %v, %q, %q", len(set), text, name(ge), gr, gm, name(we), wr, wm)
			}
		}
	}
}

func TestFinderNamed(t *testing.T) {
	es := finderElections(t)
	f := NewFinder(es)
	for _, name := range append(finderTexts, "belgrade-2014", "NIS-2016", "2018 Croatian presidential election",
		"2018 CROATIAN Presidential Election", "Nis-2016", "niſ-2016", "2014 Belgrade City Assembly election ") {
		if got, want := f.Named(name), namedReference(es, name); got != want {
			t.Errorf("Named(%q) = %v; want %v", name, got, want)
		}
	}
}

// namedReference is what Finder.Named must find: the first election
// whose ID is name in any case or whose title folds as name does.
func namedReference(es []*Election, name string) *Election {
	for _, e := range es {
		if strings.EqualFold(name, e.ID) || Fold(name) == Fold(e.Title) {
			return e
		}
	}
	return nil
}

func FuzzFinder(f *testing.F) {
	for _, s := range finderTexts {
		f.Add(s)
	}
	es := finderElections(f)
	finder := NewFinder(es)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 {
			text = text[:300]
		}
		ge, gr, gm := finder.In(text)
		we, wr, wm := ElectionIn(es, text)
		if ge != we || gr != wr || gm != wm {
			t.Fatalf("Finder.In(%q) = %v, %q, %q; want %v, %q, %q", text, name(ge), gr, gm, name(we), wr, wm)
		}
		if got, want := finder.Named(text), namedReference(es, text); got != want {
			t.Fatalf("Named(%q) = %v; want %v", text, name(got), name(want))
		}
	})
}

func BenchmarkFinder(b *testing.B) {
	es := finderElections(b)
	f := NewFinder(es)
	text := strings.Repeat("How many seats did the socialists win in Kragujevac ", 1) + "2016?"
	b.Run("finder", func(b *testing.B) {
		for b.Loop() {
			f.In(text)
		}
	})
	b.Run("ElectionIn", func(b *testing.B) {
		for b.Loop() {
			ElectionIn(es, text)
		}
	})
}
