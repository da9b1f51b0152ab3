// Package index owns passage retrieval: a bleve index, built in memory at
// start-up, of the loaded articles' sentences, table rows, list items,
// infobox facts and poll figures, searched with one analyzer that folds
// like knowledge.Fold (case, diacritics, đ -> dj, Serbian Cyrillic ->
// Latin), drops stop words and stems English. It is the only package that
// imports bleve; it knows nothing of the engine, which sees it through an
// adapter in internal/wire.
package index

import (
	"fmt"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/electionbot/electionbot/knowledge"
)

// Field names of an indexed passage.
const (
	fieldText     = "text"     // what a hit shows; term vectors give the marks
	fieldContext  = "context"  // paragraph or lead-in and section: ranks, never shown
	fieldElection = "election" // Election.ID, for the election filter
	fieldKind     = "kind"
)

// An Index finds passages of the loaded articles. It is safe for
// concurrent use. Close stops its background goroutines; an index that
// lives as long as the process need not be closed.
type Index struct {
	bleve    bleve.Index
	analyzer analysis.Analyzer
	// passages by document ID (the position here): hits are read from
	// memory instead of bleve's stored fields, which is faster and returns
	// the text exactly as the article has it.
	passages []passage
	// vocabulary holds every word of the passages' text as written
	// (folded) with its analysed term, for typo matching.
	vocabulary *vocabulary

	closeOnce sync.Once
	closeErr  error
}

// Build indexes the elections' articles and polls in memory.
func Build(elections []*knowledge.Election) (*Index, error) {
	return buildBatched(elections, batchSize)
}

func buildBatched(elections []*knowledge.Election, batch int) (*Index, error) {
	m, an, err := mappingAndAnalyzer()
	if err != nil {
		return nil, err
	}
	// Scorch with no path keeps its segments in memory. bleve.NewMemOnly
	// would give upsidedown over gtreap, whose iterators hand every entry
	// over a channel from a goroutine: searches took four times as long and
	// builds three times the allocations.
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	ps := electionPassages(elections)
	w := newWriter(an)
	w.batch = batch
	if err := w.index(idx, 0, ps); err != nil {
		idx.Close()
		return nil, err
	}
	w.vocabulary.done()
	return &Index{bleve: idx, analyzer: an, passages: shown(ps), vocabulary: w.vocabulary}, nil
}

// mappingAndAnalyzer makes the index mapping and finds its analyzer.
func mappingAndAnalyzer() (*mapping.IndexMappingImpl, analysis.Analyzer, error) {
	m, err := newMapping()
	if err != nil {
		return nil, nil, fmt.Errorf("index mapping: %w", err)
	}
	an := m.AnalyzerNamed(analyzerName)
	if an == nil {
		return nil, nil, fmt.Errorf("index mapping: no analyzer %q", analyzerName)
	}
	return m, an, nil
}

// docID names the passage at position i. The names are zero-padded so
// that bleve's order of names is the passages' order, which breaks ties
// between equal scores the same way on every search.
func docID(i int) string { return fmt.Sprintf("%08d", i) }

// Close releases the index; closing it again does nothing. Searches
// after Close fail.
func (x *Index) Close() error {
	x.closeOnce.Do(func() { x.closeErr = x.bleve.Close() })
	return x.closeErr
}

// Len returns the number of indexed passages.
func (x *Index) Len() int { return len(x.passages) }

// surface is the folded word an analysed token was made from.
func surface(text string, t *analysis.Token) string {
	if t.Start < 0 || t.End > len(text) || t.Start > t.End {
		return ""
	}
	return strings.Join(knowledge.Tokens(text[t.Start:t.End]), "")
}

// newMapping declares the passage fields: nothing is stored (passages stay
// in memory) and only the shown text keeps term vectors, for marks.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m); err != nil {
		return nil, err
	}
	field := func(analyzer string, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		f.IncludeTermVectors = vectors
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, field(analyzerName, true))
	doc.AddFieldMappingsAt(fieldContext, field(analyzerName, false))
	doc.AddFieldMappingsAt(fieldElection, field(keyword.Name, false))
	doc.AddFieldMappingsAt(fieldKind, field(keyword.Name, false))
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, m.Validate()
}
