package render_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/render"
	"github.com/electionbot/electionbot/reply"
)

// load reads the articles of a folder, newest first.
func load(t *testing.T, dir string) []*knowledge.Election {
	t.Helper()
	var fsys fs.FS = data.FS
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	es, err := knowledge.Load(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func byTitle(t *testing.T, es []*knowledge.Election, prefix string) *knowledge.Election {
	t.Helper()
	for _, e := range es {
		if strings.HasPrefix(e.Title, prefix) {
			return e
		}
	}
	t.Fatalf("no article titled %q…", prefix)
	return nil
}

// TestSeatHolders puts the infobox's lists first, in its order, and
// leaves out lists without seats.
func TestSeatHolders(t *testing.T) {
	e := byTitle(t, load(t, ""), "2014 Belgrade")
	hs := render.SeatHolders(e)
	if len(hs) == 0 {
		t.Fatal("SeatHolders(seed) is empty")
	}
	sum := 0
	for i, h := range hs {
		if h.Seats.Int() <= 0 {
			t.Errorf("SeatHolders(seed)[%d] = %s with %d seats; want only lists with seats", i, h.Name, h.Seats.Int())
		}
		if i > 0 && h.Position > 0 && hs[i-1].Position > h.Position {
			t.Errorf("SeatHolders(seed): %s (infobox %d) after %s (infobox %d); want the infobox's order", h.Name, h.Position, hs[i-1].Name, hs[i-1].Position)
		}
		sum += h.Seats.Int()
	}
	if e.Seats != nil && sum != e.Seats.Int() {
		t.Errorf("SeatHolders(seed) hold %d seats; want the assembly's %d", sum, e.Seats.Int())
	}
}

// TestAbout: /about of the seed, in English and Serbian, titled by the
// article, with every field it shows named and filled.
func TestAbout(t *testing.T) {
	e := byTitle(t, load(t, ""), "2014 Belgrade")
	for _, l := range []lang.Lang{lang.En, lang.Sr} {
		r := render.About(reply.In(l), e, nil)
		if r.Outcome != reply.Answered || r.Title != e.Title {
			t.Fatalf("About(seed, %v) = %v %q; want an answer titled %q", l, r.Outcome, r.Title, e.Title)
		}
		for _, f := range r.Fields {
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				t.Errorf("About(seed, %v) field %+v; want a name and a value", l, f)
			}
		}
		if len(r.Fields) < 4 {
			t.Errorf("About(seed, %v) has %d fields; want the type, date, turnout, seats and more", l, len(r.Fields))
		}
	}
}

// TestContestResultsOfCandidates: a presidential article's results name
// each candidate with a round's figures, not seats.
func TestContestResultsOfCandidates(t *testing.T) {
	e := byTitle(t, load(t, "../knowledge/testdata/articles"), "2015 Serbian presidential")
	ct := e.MainContest()
	if ct == nil || len(ct.Rounds) == 0 {
		t.Fatal("the presidential test article has no contest with rounds")
	}
	line, fields, sections := render.ContestResults(reply.In(lang.En), e, ct)
	if line == "" || len(fields) == 0 || len(sections) == 0 {
		t.Fatalf("ContestResults = %q, %d fields, %v; want a line, fields and their sections", line, len(fields), sections)
	}
	for _, f := range fields {
		if strings.Contains(f.Value, "seat") {
			t.Errorf("ContestResults field %q = %q; a presidential contest has no seats", f.Name, f.Value)
		}
	}
	if !strings.Contains(fields[0].Name+fields[0].Value, "Ćuk") {
		t.Errorf("ContestResults first field = %+v; want the winner, Ćuk", fields[0])
	}
}

// TestCredit joins the attribution and the licence's address, and is
// empty for an article that records neither.
func TestCredit(t *testing.T) {
	if got := render.Credit(&knowledge.Source{}, " "); got != "" {
		t.Errorf("Credit(no source) = %q; want \"\"", got)
	}
	s := &knowledge.Source{URL: "https://en.wikipedia.org/wiki/X", Licence: "CC BY-SA 4.0", LicenceURL: "https://creativecommons.org/licenses/by-sa/4.0/"}
	got := render.Credit(s, " | ")
	if !strings.Contains(got, "CC BY-SA 4.0") || !strings.HasSuffix(got, " | https://creativecommons.org/licenses/by-sa/4.0/") {
		t.Errorf("Credit(%+v) = %q; want the credit, then the licence's address", s, got)
	}
}
