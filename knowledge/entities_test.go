package knowledge

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestEnrichAliases(t *testing.T) {
	aliases := testAliases(t)
	tests := []struct {
		ballot  string
		abbrevs []string
	}{
		{"Aleksandar Vučić — Future we believe in (SNS, SDPS, NS, SPO, PS)", []string{"SNS", "SDPS", "NS", "SPO", "PS"}},
		{"Democratic Party of Serbia - Vojislav Koštunica", []string{"DSS"}},
		{"With the Democratic Party for a democratic Belgrade - Dragan Đilas", []string{"DS"}},
		{"With the Democratic Party of Dragan Đilas", []string{"DS"}},
		{"Democratic Party of Socialists", nil},
		{"Social Democrats – Ivan Brajović", nil},
		{"Socialists", []string{"SPS"}},
		{"Boris Tadić — New Democratic Party — Greens — Together for Serbia", []string{"NDS", "ZZS"}},
		{"Dosta je bilo — Saša Radulović", []string{"DJB"}},
		{"League of Social Democrats of Vojvodina — Novi Sad is Vojvodina", []string{"LSV"}},
		{"Dveri — Vladan Glišić", nil},
		{"Александар Вучић — Зато што волимо Вождовац (СНС, СДПС, НС)", []string{"SNS", "SDPS", "NS"}},
		{"Ivica Dačić — SPS–PUPS–JS", []string{"SPS", "PUPS", "JS"}},
		{"Together for Šumadija (ZZŠ)", []string{"ZZŠ"}},
		{"GEPS for Belgrade — Prof. Dr Jovan Filipović", []string{"GEPS"}},
		{"Patriotism in parliament — 1389 — Miša Vacić", nil},
	}
	for _, tt := range tests {
		t.Run(tt.ballot, func(t *testing.T) {
			c := &Contestant{BallotName: tt.ballot, Name: tt.ballot}
			enrich(c, aliases)
			if !slices.Equal(c.Abbrevs, tt.abbrevs) {
				t.Errorf("enrich(%q).Abbrevs = %q; want %q", tt.ballot, c.Abbrevs, tt.abbrevs)
			}
		})
	}
}

func TestMembers(t *testing.T) {
	tests := []struct {
		ballot string
		want   []string
	}{
		{"Aleksandar Vučić — Future we believe in (SNS, SDPS, NS, SPO, PS)", []string{"SNS", "SDPS", "NS", "SPO", "PS"}},
		{"Ivica Dačić — Socialist Party of Serbia (SPS) — United Serbia (JS) — Dragan Marković Palma", []string{"SPS", "JS"}},
		{"United Reform Action (URA)", nil},
		{"Dveri — Vladan Glišić", nil},
		{"Broken (SNS, DS", nil},
	}
	for _, tt := range tests {
		if got := members(tt.ballot); !slices.Equal(got, tt.want) {
			t.Errorf("members(%q) = %q; want %q", tt.ballot, got, tt.want)
		}
	}
}

func TestAcronym(t *testing.T) {
	tests := []struct{ seg, want string }{
		{"United Regions of Serbia", "URS"},
		{"Democratic Front", "DF"},
		{"Social Democrats", "SD"},
		{"Party of Russians", ""},
		{"Future we believe in", ""},
		{"SNS coalition", ""},
		{"Greens", ""},
		{"Democratic Party of Serbia", "DPS"},
	}
	for _, tt := range tests {
		if got := acronym(tt.seg); got != tt.want {
			t.Errorf("acronym(%q) = %q; want %q", tt.seg, got, tt.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Zorana Mihajlović", "Zorana Mihajlović-Milanović", true},
		{"Dragan Đilas", "Dragan Djilas", true},
		{"Dragan Đilas", "Драган Ђилас", true},
		{"Mlađan Dinkić", "Mladjan Dinkic", true},
		{"Prof. Dr Jovan Filipović", "Jovan Filipović", true},
		{"Jovan I. Deretić", "Dr Jovan Deretić", true},
		{"Dragan Đilas", "Dragan Cvetković", false},
		{"Aleksandar Antić", "Aleksandar Popović", false},
		{"Đilas", "Dragan Đilas", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := samePerson(tt.a, tt.b); got != tt.want {
			t.Errorf("samePerson(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// election extracts a test article (or the seed, by "belgrade-2014").
func election(t testing.TB, name string) *Election {
	t.Helper()
	path := filepath.Join("testdata", "articles", name+".txt")
	if name == "belgrade-2014" {
		path = filepath.Join("..", "data", name+".txt")
	}
	return extractFile(t, path, testAliases(t))
}

func TestResolve(t *testing.T) {
	tests := []struct {
		article, text string
		ballot        int // the list the best match must be; 0 for no match
	}{
		// Abbreviations, as written and in lower case.
		{"belgrade-2014", "DSS", 3},
		{"belgrade-2014", "dss", 3},
		{"belgrade-2014", "SPS", 2},
		{"belgrade-2014", "ldp", 4},
		{"belgrade-2014", "ДСС", 3},
		// Leaders and carriers, whole or by surname, any case, with and
		// without diacritics, in Cyrillic.
		{"belgrade-2014", "Đilas", 8},
		{"belgrade-2014", "djilas", 8},
		{"belgrade-2014", "DJILAS", 8},
		{"belgrade-2014", "Dragan Djilas", 8},
		{"belgrade-2014", "Ђилас", 8},
		{"belgrade-2014", "dinkic", 6},
		{"belgrade-2014", "Mlađan Dinkić", 6},
		{"belgrade-2014", "glisic", 12},
		{"belgrade-2014", "Zorana Mihajlović", 1},
		{"belgrade-2014", "seselj", 5},
		// Names, nicknames and aliases.
		{"belgrade-2014", "the socialists", 2},
		{"belgrade-2014", "Dveri", 12},
		{"belgrade-2014", "Democratic Party of Serbia", 3},
		{"belgrade-2014", "liberal democrats", 4},
		{"belgrade-2014", "Party2", 8},
		// Typos.
		{"belgrade-2014", "djillas", 8},
		{"belgrade-2014", "socialsts", 2},
		{"belgrade-2014", "Koštunca", 3},
		// Nothing.
		{"belgrade-2014", "weather", 0},
		// The other articles.
		{"vozdovac-2013", "Savić", 1},
		{"vozdovac-2013", "savic", 1},
		{"vozdovac-2013", "Dinkič", 4},
		{"vozdovac-2013", "Đilas", 3},
		{"vozdovac-2013", "Djilas", 3},
		{"vozdovac-2013", "ДС", 3},
		{"vozdovac-2013", "SDPS", 1},
		{"vozdovac-2013", "двери", 7},
		{"novi-sad-2020", "Healthy Serbia", 6},
		{"novi-sad-2020", "ZS", 6},
		{"novi-sad-2020", "Radulović", 9},
		{"novi-sad-2020", "Enough is Enough", 9},
		{"novi-sad-2020", "hungarians", 3},
		{"podgorica-2018", "DF", 2},
		{"podgorica-2018", "Social Democrats", 5},
		{"podgorica-2018", "Social Democratic Party", 4},
		{"podgorica-2018", "vukovic", 1},
	}
	elections := map[string]*Election{}
	for _, tt := range tests {
		if elections[tt.article] == nil {
			elections[tt.article] = election(t, tt.article)
		}
		e := elections[tt.article]
		t.Run(tt.article+"/"+tt.text, func(t *testing.T) {
			ms := e.Resolve(tt.text)
			got := 0
			if len(ms) > 0 && ms[0].Score >= 5 {
				got = ms[0].Contestant.Ballot
			}
			if got != tt.ballot {
				t.Errorf("Resolve(%q) = list %d (%v); want list %d", tt.text, got, ms, tt.ballot)
			}
		})
	}
}

// TestResolveNames checks names that reach a contestant other than by
// its own: the results table's name for an infobox party, a well-known
// party's abbreviation that only that name gives, and Serbian names of
// English-named parties.
func TestResolveNames(t *testing.T) {
	tests := []struct {
		article, text, want string
	}{
		{"serbia-parliamentary-2018", "SNS", "ZPS"},
		{"serbia-parliamentary-2018", "the Progressives", "ZPS"},
		{"serbia-parliamentary-2018", "Movement for Renewal and Justice", "MRJ"},
		{"serbia-parliamentary-2018", "Together for Serbia's Future", "TSF"},
		{"serbia-parliamentary-2018", "Zoran Babić", "TSF"},
		{"budva-2015", "Demokratski front", "Democratic Front"},
		{"budva-2015", "Demokratska partija socijalista", "Democratic Party of Socialists"},
		{"budva-2015", "Socijaldemokratska partija", "Social Democratic Party"},
	}
	for _, tt := range tests {
		t.Run(tt.article+"/"+tt.text, func(t *testing.T) {
			e := election(t, tt.article)
			ms := e.Resolve(tt.text)
			if len(ms) == 0 || ms[0].Score < 5 || ms[0].Contestant.Name != tt.want {
				t.Errorf("Resolve(%q) = %v; want %s first", tt.text, ms, tt.want)
			}
		})
	}
}

// TestContestantsOfAResultsTable checks what a results table adds to the
// contestants it names: its name for them, and its rows' footnotes.
func TestContestantsOfAResultsTable(t *testing.T) {
	e := election(t, "serbia-parliamentary-2018")
	for _, c := range e.Contestants {
		if c.Name == "ZPS" && !slices.Contains(c.ResultNames, "Aleksandar Vučić – For the Victory of Serbia") {
			t.Errorf("ZPS.ResultNames = %q; want the results table's name", c.ResultNames)
		}
		if strings.HasPrefix(c.Name, "Party of Democratic Action of Sandžak") && !c.Minority() {
			t.Errorf("%s.Notes = %q; want the minority mark of its results row", c.Name, c.Notes)
		}
		if c.Name == "TSF" && slices.Contains(c.Abbrevs, "ZZS") {
			t.Errorf("TSF.Abbrevs = %q; Together for Serbia's Future is not Together for Serbia", c.Abbrevs)
		}
	}
}

// TestPartiesTable checks what a table introducing the parties gives
// them: the abbreviations and leaders of its rows, and no curated alias
// of another country's party that shares an abbreviation.
func TestPartiesTable(t *testing.T) {
	e := election(t, "slovenia-parliamentary-2016")
	tests := []struct{ text, want, leader string }{
		{"DeSUS", "Democratic Party of Pensioners of Slovenia", "Franc Bizjak"},
		{"Pirati", "Pirate Party", "Nejc Zupančič"},
		{"SLS", "Slovenian People's Party", "Marjan Potočnik"},
		{"Slovenian Democratic Party", "SDS", "Janez Kos"},
	}
	for _, tt := range tests {
		ms := e.Resolve(tt.text)
		if len(ms) == 0 || ms[0].Contestant.Name != tt.want || ms[0].Contestant.Leader != tt.leader {
			t.Errorf("Resolve(%q) = %v; want %s led by %s", tt.text, ms, tt.want, tt.leader)
		}
	}
	for _, text := range []string{"Serbian Progressive Party", "Social Democratic Party"} {
		if ms := e.Resolve(text); len(ms) > 0 && ms[0].Exact && ms[0].Score >= 7 {
			t.Errorf("Resolve(%q) = %v; want no party of Slovenia", text, ms)
		}
	}
	for _, c := range e.Contestants {
		if c.Seats != nil && c.Seats.Value > 30 {
			t.Errorf("%s has %v seats; the parties table's 2014 seats are no results", c.Name, c.Seats)
		}
	}
}
