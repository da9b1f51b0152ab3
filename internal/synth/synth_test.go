package synth

import (
	"slices"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
)

func TestArticlesAreDeterministicAndGrowFromOneAnother(t *testing.T) {
	a, b := Articles(7, 40), Articles(7, 40)
	if !slices.Equal(a, b) {
		t.Fatal("Articles(7, 40) differs between two calls")
	}
	if short := Articles(7, 10); !slices.Equal(short, a[:10]) {
		t.Error("Articles(7, 10) is not the first 10 of Articles(7, 40)")
	}
	if other := Articles(8, 10); slices.Equal(other, a[:10]) {
		t.Error("Articles(8, 10) = Articles(7, 10); want other articles for another seed")
	}
}

// TestArticlesLoad reads a corpus as the bot does: every article parses,
// every shape is there, IDs are unique, and the model finds what each
// shape holds.
func TestArticlesLoad(t *testing.T) {
	const n = 150
	es, err := knowledge.Load(FS(1, n), nil)
	if err != nil {
		t.Fatalf("knowledge.Load: %v", err)
	}
	if len(es) != n {
		t.Fatalf("loaded %d elections; want %d", len(es), n)
	}
	kinds := map[string]int{}
	for _, e := range es {
		kind := kindOf(e.Title)
		kinds[kind]++
		t.Run(e.ID, func(t *testing.T) {
			if e.Date == nil && e.Type != "referendum" {
				t.Errorf("%s: no date", e.ID)
			}
			if e.Turnout == nil {
				t.Errorf("%s: no turnout", e.ID)
			}
			switch kind {
			case "city", "parliamentary", "local":
				if w := e.Winner(); w == nil || w.Seats == nil || w.Seats.Int() == 0 {
					t.Errorf("%s: Winner() = %v; want a list with seats", e.ID, w)
				}
				if e.Seats == nil || e.SeatsKnown() != e.Seats.Int() {
					t.Errorf("%s: seats known %d of %v; want all", e.ID, e.SeatsKnown(), e.Seats)
				}
			}
			if kind == "city" && len(e.Polls) == 0 {
				t.Errorf("%s: no polls", e.ID)
			}
			if len(e.Contests) == 0 {
				t.Errorf("%s: no contests", e.ID)
			}
			if kind == "local" && len(e.Contests) < 2 {
				t.Errorf("%s: %d contests; want the mayor and the assembly", e.ID, len(e.Contests))
			}
			for _, w := range e.Warnings {
				t.Logf("%s: warning %s", e.ID, w)
			}
		})
	}
	for _, k := range []string{"city", "local", "parliamentary", "presidential", "referendum"} {
		if kinds[k] == 0 {
			t.Errorf("no %s election among %d: %v", k, n, kinds)
		}
	}
}

func kindOf(title string) string {
	for _, k := range []string{"City Assembly", "local", "parliamentary", "presidential", "referendum"} {
		if strings.Contains(title, k) {
			return strings.Fields(strings.ToLower(k))[0]
		}
	}
	return "?"
}

func TestFileName(t *testing.T) {
	for _, tt := range []struct {
		p     place
		shape int
		year  int
		want  string
	}{
		{place{name: "Vranjevac"}, 0, 2014, "vranjevac-city-2014.txt"},
		{place{name: "Šabžaia", adjective: "Šabžaian"}, 4, 2001, "sabzaian-referendum-2001.txt"},
		{place{name: "Đakovo"}, 1, 1995, "djakovo-local-1995.txt"},
	} {
		if got := fileName(&tt.p, &shapes[tt.shape], tt.year); got != tt.want {
			t.Errorf("fileName(%q, %s, %d) = %q; want %q", tt.p.name, shapes[tt.shape].name, tt.year, got, tt.want)
		}
	}
}
