package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/electionbot/electionbot/internal/synth"
	"github.com/electionbot/electionbot/knowledge"
)

// buildMapped indexes as bleve's mapping would, each passage a map of
// fields analysed by bleve one by one: what Build's writer must be
// indistinguishable from.
func buildMapped(t *testing.T, es []*knowledge.Election) *Index {
	t.Helper()
	m, an, err := mappingAndAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	ps := electionPassages(es)
	b := idx.NewBatch()
	for i, p := range ps {
		doc := map[string]any{fieldText: p.text, fieldContext: p.context, fieldElection: p.election, fieldKind: p.kind}
		if err := b.Index(docID(i), doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	w := newWriter(an)
	w.startBatch()
	for _, p := range ps {
		w.vocabulary.use(p.election, w.text(p.text).words)
	}
	w.vocabulary.done()
	return &Index{bleve: idx, analyzer: an, passages: shown(ps), vocabulary: w.vocabulary}
}

// TestBuildAsTheMapping builds an index of invented elections both ways
// and asks both the same questions: every hit, score and mark the same.
func TestBuildAsTheMapping(t *testing.T) {
	es, err := knowledge.Load(synth.FS(3, 40), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := buildMapped(t, es)
	for _, batch := range []int{batchSize, 333} {
		t.Run(fmt.Sprintf("batch=%d", batch), func(t *testing.T) {
			got, err := buildBatched(es, batch)
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			sameIndex(t, got, want, sampleQueries(es, 60))
		})
	}
}

// sameIndex asks two indexes the same queries and reports where they
// differ.
func sameIndex(t *testing.T, got, want *Index, qs []Query) {
	t.Helper()
	if !reflect.DeepEqual(got.vocabulary, want.vocabulary) {
		t.Errorf("vocabulary has %d words; want %d, in the same order", len(got.vocabulary.terms), len(want.vocabulary.terms))
	}
	for _, q := range qs {
		g, err := got.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		w, err := want.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("Search(%+v) = %s; want %s", q, hitList(g), hitList(w))
		}
	}
}

// sampleQueries are questions of three to six words taken from the
// elections' passages, a typo in some, about one election or all.
func sampleQueries(es []*knowledge.Election, n int) []Query {
	r := rand.New(rand.NewPCG(1, 2))
	var out []Query
	for len(out) < n {
		e := es[r.IntN(len(es))]
		ps := e.Article.Passages()
		words := strings.Fields(ps[r.IntN(len(ps))].Text)
		var q []string
		for range 3 + r.IntN(4) {
			w := words[r.IntN(len(words))]
			if len(w) > 5 && r.IntN(3) == 0 {
				w = w[:2] + w[3:] // a letter left out
			}
			q = append(q, w)
		}
		query := Query{Text: strings.Join(q, " "), Limit: 20}
		if r.IntN(4) > 0 {
			query.Election = e.ID
		}
		out = append(out, query)
	}
	return out
}

func hitList(hs []Hit) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "\n  %.6f %s %q %v", h.Score, h.Election, h.Text, h.Marks)
	}
	return b.String()
}

// TestElectionClauseKeepsScores checks that limiting a search to one
// election inside the query gives the hits and scores that filtering its
// results did.
func TestElectionClauseKeepsScores(t *testing.T) {
	es, err := knowledge.Load(synth.FS(5, 60), nil)
	if err != nil {
		t.Fatal(err)
	}
	x, err := Build(es)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, q := range sampleQueries(es, 80) {
		if q.Election == "" {
			continue
		}
		terms := x.queryTerms(q.Text)
		if len(terms) == 0 {
			continue
		}
		filtered := x.wordsQuery(q, terms)
		e := bleve.NewTermQuery(q.Election)
		e.SetField(fieldElection)
		filtered.AddFilter(e)
		want := searchIDs(t, x, filtered)
		if got := searchIDs(t, x, x.query(q, terms)); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: hits %v; want %v, as a filter gave", q, got, want)
		}
	}
}

func searchIDs(t *testing.T, x *Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 20, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	res, err := x.bleve.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, fmt.Sprintf("%s %v", h.ID, h.Score))
	}
	return out
}

// TestNearWordsAreTheElections checks that the typo candidates of a
// search about one election are that election's words, as they would be
// were it the only one loaded.
func TestNearWordsAreTheElections(t *testing.T) {
	es, err := knowledge.Load(synth.FS(5, 30), nil)
	if err != nil {
		t.Fatal(err)
	}
	all, err := Build(es)
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	for _, e := range es[:5] {
		alone, err := Build([]*knowledge.Election{e})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range sampleQueries([]*knowledge.Election{e}, 10) {
			for _, term := range all.queryTerms(q.Text) {
				if got, want := all.near(e.ID, term), alone.near(e.ID, term); !reflect.DeepEqual(got, want) {
					t.Errorf("near(%s, %q) among %d elections = %v; want %v, as with it alone", e.ID, term.word, len(es), got, want)
				}
			}
		}
		alone.Close()
	}
}

// TestCreateOpen builds an index on disk and checks that, opened again,
// it finds what the index built in memory finds.
func TestCreateOpen(t *testing.T) {
	es, err := knowledge.Load(synth.FS(3, 40), nil)
	if err != nil {
		t.Fatal(err)
	}
	mem, err := Build(es)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	dir := filepath.Join(t.TempDir(), "index")
	created, err := Create(dir, es)
	if err != nil {
		t.Fatal(err)
	}
	created.Close()
	opened, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	sameIndex(t, opened, mem, sampleQueries(es, 60))
	if !reflect.DeepEqual(opened.passages, mem.passages) {
		t.Error("the passages read back differ")
	}
}
