package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds every test article, good and bad, and the seed.
func addSeeds(f *testing.F) {
	f.Helper()
	var paths []string
	for _, glob := range []string{"testdata/articles/*.txt", "testdata/articles/*/*.txt", "testdata/bad/*.txt", "../data/*.txt"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		f.Fatal("no seed articles")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.txt", bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse error %v is a %T; want *ParseError", err, err)
			}
			if pe.File != "fuzz.txt" || pe.Line < 1 {
				t.Fatalf("Parse error at %s:%d; want fuzz.txt and a line ≥ 1", pe.File, pe.Line)
			}
			if want := fmt.Sprintf("fuzz.txt:%d: %s", pe.Line, pe.Msg); err.Error() != want {
				t.Fatalf("Error() = %q; want %q", err.Error(), want)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; pe.Line > lines+1 {
				t.Fatalf("error at line %d of a %d-line input", pe.Line, lines)
			}
			return
		}
		if a.Title == "" {
			t.Fatal("parsed an article without a title")
		}
		for _, s := range a.Sections {
			for _, b := range s.Blocks {
				if b.Kind == Table {
					for _, row := range b.Rows {
						if len(row) != len(b.Rows[0]) {
							t.Fatalf("table at line %d has a row of %d cells under a header of %d", b.Line, len(row), len(b.Rows[0]))
						}
					}
					if len(b.RowLines) != len(b.Rows) {
						t.Fatalf("table at line %d has %d rows and %d row lines", b.Line, len(b.Rows), len(b.RowLines))
					}
				}
			}
		}
	})
}

func FuzzExtract(f *testing.F) {
	addSeeds(f)
	aliases := testAliases(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.txt", bytes.NewReader(data))
		if err != nil {
			return
		}
		e := Extract(a, aliases)
		checkInvariants(t, e)
		for _, c := range e.Contestants {
			if c.Name == "" {
				t.Fatalf("a contestant has no name: %+v", c)
			}
			e.Resolve(c.Name)
		}
		for _, p := range e.Polls {
			e.PollsBy(p.Pollster)
			p.MatchesWhen(p.Date)
		}
		e.Winner()
		e.MajorityHolder()
		checkContests(t, e)
	})
}

// checkContests checks what must hold for the contests of any article:
// one main contest, rounds numbered from 1, every result about a
// contestant of its own contest, the flat contestants the main contest's.
func checkContests(t *testing.T, e *Election) {
	t.Helper()
	m := e.MainContest()
	if m == nil {
		t.Fatal("no main contest")
	}
	for _, c := range e.Contestants {
		if !containsContestant(m.Contestants, c) {
			t.Fatalf("flat contestant %q is not the main contest's", c.Name)
		}
	}
	for _, ct := range e.Contests {
		if len(ct.Rounds) == 0 {
			t.Fatalf("contest %s has no round", ct.Title)
		}
		for i, r := range ct.Rounds {
			if r.Number != i+1 {
				t.Fatalf("contest %s round %d is numbered %d", ct.Title, i+1, r.Number)
			}
			for _, res := range r.Results {
				if res.Contestant == nil || !containsContestant(ct.Contestants, res.Contestant) {
					t.Fatalf("contest %s round %d: result %q links outside the contest", ct.Title, r.Number, res.Name)
				}
			}
			r.Ranked()
			r.Margin()
		}
		ct.Winner()
		ct.Finalists()
		ct.RequirementMet()
		for _, c := range ct.Contestants {
			ct.Resolve(c.Name)
		}
	}
	for _, p := range e.Polls {
		if (p.From == "") != (p.To == "") || p.From > p.To {
			t.Fatalf("poll %q dates %q..%q", p.Label(), p.From, p.To)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Dragan Đilas", "Драган Ђилас", "e\u0301", "Dji\u200blas", "ＳＮＳ４３", "٤٣", "SPS–PUPS—JS", "İstanbul", "ß", "ǅ", "\ufeff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			Fold(s) // must not panic
			return
		}
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(Fold(%q)) = %q; want %q", s, again, got)
		}
		for _, tok := range Tokens(got) {
			if tok == "" || strings.ContainsAny(tok, " \t\n") {
				t.Fatalf("Tokens(%q) has token %q", got, tok)
			}
		}
	})
}
