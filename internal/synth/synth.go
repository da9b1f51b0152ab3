// Package synth invents election articles in the data format, as many as
// asked and the same ones for the same seed, so that start-up, the index
// and answering can be measured at a thousand elections without a
// thousand articles in the repository. The articles take every shape the
// model reads (knowledge/testdata/articles): city assemblies with ballot
// lists, polls as lists and tables and a results table; parliaments with
// votes, seat changes and minority lists; two-round presidential
// elections; local elections of a mayor in two rounds and an assembly;
// and referendums. Their places, parties and people are made up from
// syllables and word lists; their figures add up (shares to 100, seats by
// D'Hondt to the assembly's size).
//
// Benchmarks call Articles or FS; `go run ./internal/synth/synthcorpus`
// writes a corpus into a folder (see Write).
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// A File is one invented article: its file name (which is also the
// election's ID, less ".txt") and its text.
type File struct {
	Name string
	Text string
}

// Articles invents n articles from seed. The same seed and n give the
// same articles, and the first k of n articles are the same for every
// n >= k, so that corpora of 1, 100 and 1,000 articles grow from one
// another.
func Articles(seed uint64, n int) []File {
	g := newGen(seed)
	out := make([]File, 0, n)
	for len(out) < n {
		out = append(out, g.next())
	}
	return out
}

// FS returns Articles(seed, n) as a file system, for knowledge.Load.
func FS(seed uint64, n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range Articles(seed, n) {
		fsys[f.Name] = &fstest.MapFile{Data: []byte(f.Text), Mode: 0o644}
	}
	return fsys
}

// Write writes Articles(seed, n) into dir, which it creates if need be.
func Write(dir string, seed uint64, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	for _, f := range Articles(seed, n) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Text), 0o644); err != nil {
			return fmt.Errorf("write article: %w", err)
		}
	}
	return nil
}

// A shape is a kind of article: how its title reads and how its body is
// written.
type shape struct {
	name   string
	weight int
	// national shapes are about a country, the others about a town.
	national bool
	// every is how many years apart the series' elections are.
	every int
	title func(p *place, year int) string
	write func(g *gen, a *article)
}

// shapes are drawn by weight: most elections a community follows are
// local.
var shapes = []shape{
	{name: "city", weight: 35, every: 4, title: func(p *place, y int) string { return fmt.Sprintf("%d %s City Assembly election", y, p.name) }, write: (*gen).cityAssembly},
	{name: "local", weight: 20, every: 4, title: func(p *place, y int) string { return fmt.Sprintf("%d %s local election", y, p.name) }, write: (*gen).localElection},
	{name: "parliament", weight: 20, national: true, every: 4, title: func(p *place, y int) string { return fmt.Sprintf("%d %s parliamentary election", y, p.adjective) }, write: (*gen).parliament},
	{name: "president", weight: 15, national: true, every: 5, title: func(p *place, y int) string { return fmt.Sprintf("%d %s presidential election", y, p.adjective) }, write: (*gen).presidential},
	{name: "referendum", weight: 10, national: true, every: 3, title: func(p *place, y int) string { return fmt.Sprintf("%d %s %s referendum", y, p.adjective, p.topic) }, write: (*gen).referendum},
}

// A place is a town or a country, with the parties that run there.
type place struct {
	name      string // "Vranjevac", "Dravonia"
	adjective string // "Dravonian", for national titles
	country   string // the country a town is in
	topic     string // what its referendums are about
	parties   []party
	mayor     string // who holds office when its series starts
}

// A series is one place's elections of one shape, a few years apart.
type series struct {
	shape *shape
	place *place
	year  int
}

type gen struct {
	r      *rand.Rand
	used   map[string]bool
	series []*series
	// countries are the national places the towns belong to.
	countries []*place
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), used: map[string]bool{}}
}

// next invents the next article: the next election of a series that has
// years left, or of a new series.
func (g *gen) next() File {
	var s *series
	// Elections of one place follow one another; about one article in
	// three starts a new place.
	if len(g.series) > 0 && g.r.IntN(3) > 0 {
		s = g.series[g.r.IntN(len(g.series))]
		if s.year+s.shape.every > 2024 {
			s = nil
		}
	}
	if s == nil {
		s = g.newSeries()
	} else {
		s.year += s.shape.every
	}
	a := &article{g: g, place: s.place, year: s.year, shape: s.shape}
	a.title = s.shape.title(s.place, s.year)
	s.shape.write(g, a)
	return File{Name: fileName(s.place, s.shape, s.year), Text: a.String()}
}

func (g *gen) newSeries() *series {
	total := 0
	for _, s := range shapes {
		total += s.weight
	}
	k := g.r.IntN(total)
	sh := &shapes[0]
	for i := range shapes {
		if k < shapes[i].weight {
			sh = &shapes[i]
			break
		}
		k -= shapes[i].weight
	}
	var p *place
	if sh.national {
		p = g.newCountry()
	} else {
		p = g.newTown()
	}
	s := &series{shape: sh, place: p, year: 1990 + g.r.IntN(20)}
	g.series = append(g.series, s)
	return s
}

func (g *gen) newCountry() *place {
	root := g.uniqueName(func() string { return g.word(2, 3) })
	p := &place{name: root + "ia", adjective: root + "ian", topic: g.pick(referendumTopics)}
	p.country = p.name
	p.parties = g.parties(p, 9+g.r.IntN(5))
	p.mayor = g.person()
	g.countries = append(g.countries, p)
	return p
}

func (g *gen) newTown() *place {
	if len(g.countries) == 0 || g.r.IntN(6) == 0 {
		g.newCountry()
	}
	c := g.countries[g.r.IntN(len(g.countries))]
	name := g.uniqueName(func() string { return g.word(2, 3) + g.pick(townEndings) })
	p := &place{name: name, country: c.name, adjective: c.adjective}
	// A town's lists are its country's parties and citizens' groups of its own.
	p.parties = append(p.parties, c.parties[:6+g.r.IntN(len(c.parties)-6)]...)
	for range 2 + g.r.IntN(4) {
		p.parties = append(p.parties, g.citizensGroup(p))
	}
	p.mayor = g.person()
	return p
}

// uniqueName draws names until one is new, in any case and spelling.
func (g *gen) uniqueName(draw func() string) string {
	for {
		n := draw()
		key := strings.ToLower(n)
		if !g.used[key] {
			g.used[key] = true
			return n
		}
	}
}

// word joins syllables into a capitalised word.
func (g *gen) word(minSyl, maxSyl int) string {
	var b strings.Builder
	for range minSyl + g.r.IntN(maxSyl-minSyl+1) {
		b.WriteString(g.pick(syllables))
	}
	return upper(b.String())
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

// fileName names an article by its place, shape and year
// ("vranjevac-city-2014.txt"), short enough to be the election's ID whole.
func fileName(p *place, sh *shape, year int) string {
	name := p.name
	if sh.national {
		name = p.adjective
	}
	return fmt.Sprintf("%s-%s-%d.txt", asciiWord(strings.ToLower(name)), sh.name, year)
}

// asciiWord spells a word of the syllables in ASCII, as file names are.
func asciiWord(w string) string {
	r := strings.NewReplacer("č", "c", "ć", "c", "š", "s", "ž", "z", "đ", "dj")
	return r.Replace(w)
}
