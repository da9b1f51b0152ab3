package knowledge

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// renderHistory writes a history's lineages, links and disagreements as
// lines of text, for golden files a reader can review.
func renderHistory(h *History) string {
	var b strings.Builder
	years := make([]string, len(h.Elections))
	for i, e := range h.Elections {
		years[i] = fmt.Sprint(e.Year)
	}
	fmt.Fprintf(&b, "History %s: %s\n", h.Place, strings.Join(years, ", "))
	for _, l := range h.Parties {
		fmt.Fprintf(&b, "\n%s (colour %s)\n", l.Name(), l.Colour())
		for _, s := range l.Steps {
			c := s.Contestant
			fmt.Fprintf(&b, "  %d %s: seats %s, share %s", s.Election.Year, c.Name, figText(c.Seats), figText(c.Share))
			if s.Link != nil {
				fmt.Fprintf(&b, " <- %s", renderLink(s.Link))
			}
			b.WriteString("\n")
		}
		for _, d := range h.Disagreements(l) {
			fmt.Fprintf(&b, "  disagreement: %d gives %s before (change %s); %d gives %s\n", d.Later.Election.Year,
				figText(d.PrevSeats), figText(d.SeatChange), d.Earlier.Election.Year, figText(d.EarlierSeats))
		}
	}
	return b.String()
}

func renderLink(l *Link) string {
	var rs []string
	for _, r := range l.Reasons {
		d := r.Detail
		if r.Party != "" {
			d += " for " + r.Party
		}
		rs = append(rs, r.Kind.String()+" "+d)
	}
	sure := "unsure"
	if l.Sure {
		sure = "sure"
	}
	return fmt.Sprintf("%s %.1f: %s", sure, l.Score, strings.Join(rs, "; "))
}

func figText(f *Figure) string {
	if f == nil {
		return "–"
	}
	return f.Text
}

// TestHistoryGolden links every series of articles under
// testdata/articles/<place>/ and compares the lineages with
// testdata/golden/history-<place>.txt.
func TestHistoryGolden(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, en := range entries {
		if en.IsDir() {
			dirs = append(dirs, filepath.Join("testdata", "articles", en.Name()))
		}
	}
	if len(dirs) == 0 {
		t.Fatal("no series of articles under testdata/articles")
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			es, err := Load(os.DirFS(dir), testAliases(t))
			if err != nil {
				t.Fatal(err)
			}
			hs := Histories(es)
			if len(hs) != 1 || len(hs[0].Elections) < 3 {
				t.Fatalf("Histories(%s) = %d histories; want one of three elections or more", dir, len(hs))
			}
			checkGolden(t, filepath.Join("testdata", "golden", "history-"+name+".txt"), []byte(renderHistory(hs[0])), "lineages of "+dir)
		})
	}
}

// party is one infobox party of a test article, with its ballot list.
type party struct {
	name, leader, ballot, carrier, seats, last string
}

// testArticle writes an article of the Testville City Assembly in the
// data format: the infobox, the mayor after the election (when mayor is
// "Name|Party"), prose and the lists table.
func testArticle(t *testing.T, year int, mayor, prose string, ps ...party) *Election {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "= %d Testville City Assembly election =\n\nInfobox\n", year)
	fmt.Fprintf(&b, "- Previous Election: %d\n- Seats For Election: All 60 seats in the City Assembly\n- Majority Seats: 31\n", year-4)
	for i, p := range ps {
		fmt.Fprintf(&b, "- Party%d: %s\n- Leader%d: %s\n- Seats%d: %s\n", i+1, p.name, i+1, p.leader, i+1, p.seats)
		if p.last != "" {
			fmt.Fprintf(&b, "- Last Election%d: %s\n", i+1, p.last)
		}
	}
	if name, partyName, ok := strings.Cut(mayor, "|"); ok {
		fmt.Fprintf(&b, "- Title: Mayor of Testville\n- After Election: %s\n- After Party: %s\n", name, partyName)
	}
	fmt.Fprintf(&b, "\nThe election was held in %d. %s\n\n==Electoral lists==\n| Ballot number | Ballot name | Ballot carrier |\n", year, prose)
	for i, p := range ps {
		fmt.Fprintf(&b, "| %d | %s | %s |\n", i+1, p.ballot, p.carrier)
	}
	a, err := Parse(fmt.Sprintf("testville-%d.txt", year), strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("Parse(testville-%d) = %v\n%s", year, err, b.String())
	}
	return Extract(a, testAliases(t))
}

// TestHistoryLinks checks each rule of linking on two small elections:
// which list of the second election continues the first's first list,
// and how sure the link is.
func TestHistoryLinks(t *testing.T) {
	vucic := party{"SNS coalition", "Ana Petrović", "Aleksandar Vučić — Forward (SNS, SPO)", "Ana Petrović", "30", ""}
	tests := []struct {
		name          string
		first, second []party
		mayor, prose  string
		// want is the list of the second election linked to the first's
		// first list ("" for none); sure says how.
		want string
		sure bool
	}{
		{"ballot name words: a leader's lists are one party's", []party{vucic},
			[]party{{"Aleksandar Vučić — Because We Love Testville", "Jovan Ilić", "Aleksandar Vučić — Because We Love Testville", "Jovan Ilić", "33", "30"}},
			"", "", "Aleksandar Vučić — Because We Love Testville", true},
		{"a new name with the same leader is a guess", []party{{"Our Town", "Marko Lukić", "Our Town — Marko Lukić", "Marko Lukić", "6", ""}},
			[]party{{"Town First", "Marko Lukić", "Town First", "Marko Lukić", "5", "6"}},
			"", "", "Town First", false},
		{"the same carrier under another main party is not the same party", []party{{"DS coalition", "Mila Janković", "Democratic Party (DS)", "Mila Janković", "10", ""}},
			[]party{{"SPS–JS", "Mila Janković", "Ivica Dačić — SPS, JS", "Mila Janković", "8", ""}},
			"", "", "", false},
		{"an office holder's party carries over", []party{vucic},
			[]party{{"Testville Must Go On", "Ivana Kostić", "Ivana Kostić — Testville Must Go On", "Ivana Kostić", "35", ""}},
			"Ivana Kostić|SNS", "", "Testville Must Go On", true},
		{"prose names the successor", []party{{"Civic Movement", "Petar Rajić", "Civic Movement", "Petar Rajić", "7", ""}},
			[]party{{"Green Testville", "Lena Bošković", "Green Testville", "Lena Bošković", "4", ""}},
			"", "Green Testville, the successor of the Civic Movement, won four seats.", "Green Testville", true},
		{"prose says formerly", []party{{"Civic Movement", "Petar Rajić", "Civic Movement", "Petar Rajić", "7", ""}},
			[]party{{"Green Testville", "Lena Bošković", "Green Testville (formerly Civic Movement)", "Lena Bošković", "4", ""}},
			"", "Green Testville, formerly the Civic Movement, kept its seats.", "Green Testville", true},
		{"a member party and the same leader make a guess", []party{{"Democratic Party of Serbia", "Zoran Ilić", "Democratic Party of Serbia — Vojislav Koštunica", "Zoran Ilić", "5", ""}},
			[]party{{"NADA", "Zoran Ilić", "National Democratic Alternative (DSS, POKS)", "Zoran Ilić", "4", "5"}},
			"", "", "NADA", false},
		{"a member party alone is not enough", []party{{"Democratic Party of Serbia", "Zoran Ilić", "Democratic Party of Serbia — Vojislav Koštunica", "Zoran Ilić", "5", ""}},
			[]party{{"NADA", "Miloš Jović", "National Democratic Alternative (DSS, POKS)", "Miloš Jović", "4", ""}},
			"", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testArticle(t, 2016, "", "", tt.first...)
			b := testArticle(t, 2020, tt.mayor, tt.prose, tt.second...)
			h := Histories([]*Election{b, a})[0]
			l := h.LineageOf(a.Contestants[0])
			got := l.In(b)
			switch {
			case tt.want == "" && got != nil:
				t.Errorf("%s continues in 2020 as %q (%s); want no continuation", a.Contestants[0].Name, got.Name, renderLink(l.StepIn(b).Link))
			case tt.want != "" && (got == nil || got.Name != tt.want):
				t.Errorf("%s continues in 2020 as %v; want %q\n%s", a.Contestants[0].Name, got, tt.want, renderHistory(h))
			case got != nil && l.StepIn(b).Link.Sure != tt.sure:
				t.Errorf("link %s: sure = %v; want %v", renderLink(l.StepIn(b).Link), l.StepIn(b).Link.Sure, tt.sure)
			}
		})
	}
}

// TestHistoryPersonChangesParty: a leader who ran his own list and then
// carried the ruling party's list does not take that party's lineage
// from it; his own list simply ends.
func TestHistoryPersonChangesParty(t *testing.T) {
	a := testArticle(t, 2016, "", "",
		party{"SNS coalition", "Ana Petrović", "Aleksandar Vučić — Forward (SNS, SPO)", "Ana Petrović", "30", ""},
		party{"Šapić list", "Aleksandar Šapić", "Aleksandar Šapić — Let's Solve It", "Aleksandar Šapić", "8", ""})
	b := testArticle(t, 2020, "Aleksandar Šapić|SNS", "",
		party{"SNS", "Aleksandar Šapić", "Aleksandar Vučić — Together We Can (SNS)", "Aleksandar Šapić", "33", "30"})
	h := Histories([]*Election{b, a})[0]
	if got := h.LineageOf(a.Contestants[0]).In(b); got != b.Contestants[0] {
		t.Errorf("SNS coalition continues as %v; want %q", got, b.Contestants[0].Name)
	}
	if got := h.LineageOf(a.Contestants[1]).In(b); got != nil {
		t.Errorf("Šapić list continues as %q; want no continuation", got.Name)
	}
}

// TestHistoryDisagreement: a later article's Last Election figure that
// does not match the earlier article's seats is reported, not chosen.
func TestHistoryDisagreement(t *testing.T) {
	a := testArticle(t, 2016, "", "", party{"SNS coalition", "Ana Petrović", "Aleksandar Vučić — Forward (SNS)", "Ana Petrović", "30", ""})
	b := testArticle(t, 2020, "", "", party{"SNS coalition", "Ana Petrović", "Aleksandar Vučić — Onward (SNS)", "Ana Petrović", "33", "31"})
	h := Histories([]*Election{b, a})[0]
	ds := h.Disagreements(h.LineageOf(a.Contestants[0]))
	if len(ds) != 1 || ds[0].PrevSeats.Int() != 31 || ds[0].EarlierSeats.Int() != 30 {
		t.Fatalf("Disagreements = %+v; want 2020's 31 against 2016's 30", ds)
	}
	b2 := testArticle(t, 2020, "", "", party{"SNS coalition", "Ana Petrović", "Aleksandar Vučić — Onward (SNS)", "Ana Petrović", "33", "30"})
	h = Histories([]*Election{b2, a})[0]
	if ds := h.Disagreements(h.LineageOf(a.Contestants[0])); len(ds) != 0 {
		t.Errorf("Disagreements = %+v; want none when the figures agree", ds)
	}
}

func TestHistoryFind(t *testing.T) {
	es, err := Load(os.DirFS(filepath.Join("testdata", "articles", "smederevo")), testAliases(t))
	if err != nil {
		t.Fatal(err)
	}
	h := Histories(es)[0]
	tests := []struct{ text, want string }{
		{"SNS", "SNS"},
		{"the progressives", "SNS"},
		{"Smederevo Must Not Stop", "SNS"},
		{"Đilas", ""},
		{"Milan Djuric", "Smederevo Can Do Better"},
		{"Our Smederevo", "Smederevo Can Do Better"},
		{"the socialists", "SPS"},
		{"Dosta je bilo", "DJB"},
	}
	for _, tt := range tests {
		ms := h.Find(tt.text)
		got := ""
		if len(ms) > 0 {
			got = ms[0].Lineage.Name()
		}
		if got != tt.want {
			t.Errorf("Find(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
}

// FuzzHistory links a mutated article with the Smederevo series as one
// history: linking must not panic, every list must stand in exactly one
// lineage, and each lineage must follow the elections in order, once
// each.
func FuzzHistory(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "articles", "*", "*.txt"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no series articles: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	base, err := Load(os.DirFS(filepath.Join("testdata", "articles", "smederevo")), testAliases(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz.txt", strings.NewReader(string(data)))
		if err != nil {
			return
		}
		e := Extract(a, testAliases(t))
		h := NewHistory("fuzz", append(append([]*Election(nil), base...), e))
		seen := map[*Contestant]int{}
		for _, l := range h.Parties {
			for i, s := range l.Steps {
				seen[s.Contestant]++
				if i > 0 && h.Index(s.Election) <= h.Index(l.Steps[i-1].Election) {
					t.Fatalf("lineage %s goes back in time: %s after %s", l.Name(), s.Election.ID, l.Steps[i-1].Election.ID)
				}
				if h.LineageOf(s.Contestant) != l {
					t.Fatalf("%q is in lineage %s but LineageOf says otherwise", s.Contestant.Name, l.Name())
				}
			}
			_ = h.Disagreements(l)
		}
		for _, el := range h.Elections {
			for _, c := range parties(el) {
				if seen[c] != 1 {
					t.Fatalf("%s: %q stands in %d lineages; want 1", el.ID, c.Name, seen[c])
				}
			}
		}
		_ = h.Person(string(data[:min(len(data), 200)]))
	})
}
