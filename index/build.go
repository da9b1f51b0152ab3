package index

import (
	"fmt"
	"reflect"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/electionbot/electionbot/knowledge"
)

// batchSize bounds the passages indexed at once. bleve turns each batch
// into a segment in one go, holding every passage's analysed words until
// it is done: one batch of a thousand articles' hundred thousand
// passages was most of start-up's peak memory.
const batchSize = 8192

// A writer feeds passages to bleve already analysed. bleve would analyse
// every field of every passage again, though a sentence's paragraph is
// the context of every sentence in it and of the list after it, and an
// election's ID is the same in all its passages: the writer analyses each
// distinct text once per batch and hands bleve the same frequencies for
// every passage that repeats it. It also collects the vocabulary for
// typo matching from the same analysis, in the passages' order.
type writer struct {
	analyzer analysis.Analyzer
	// texts and contexts are this batch's analysed strings; keywords the
	// election IDs and kinds, which never change.
	texts, contexts, keywords map[string]*analysed
	vocabulary                *vocabulary
	// surfaces are the words of the texts as written, folded (surface),
	// by the text they were read from.
	surfaces map[string]string
	// batch is how many passages go to bleve at once: batchSize, or
	// fewer in tests of an index of many segments.
	batch int
}

// analysed is one text as bleve indexes it in a field: its number of
// words and each word's frequency (and places, for the shown text), and
// for a shown text its words in the vocabulary.
type analysed struct {
	length int
	freqs  bleveindex.TokenFrequencies
	words  []int32
}

// The indexing options of the fields, as the mapping declares them
// (newMapping): indexed, never stored; the shown text keeps its words'
// places for the marks.
const (
	textOptions    = bleveindex.IndexField | bleveindex.IncludeTermVectors
	contextOptions = bleveindex.IndexField
	keywordOptions = bleveindex.IndexField
)

func newWriter(an analysis.Analyzer) *writer {
	return &writer{analyzer: an, keywords: map[string]*analysed{}, vocabulary: newVocabulary(), surfaces: map[string]string{}, batch: batchSize}
}

// startBatch forgets the previous batch's texts: they are done with.
func (w *writer) startBatch() {
	w.texts, w.contexts = map[string]*analysed{}, map[string]*analysed{}
}

// document makes the bleve document of passage p, numbered i.
func (w *writer) document(i int, p passage) *document.Document {
	d := document.NewDocument(docID(i))
	text := w.text(p.text)
	w.vocabulary.use(p.election, text.words)
	d.AddField(&analysedField{name: fieldText, options: textOptions, bytes: len(p.text), a: text})
	d.AddField(&analysedField{name: fieldContext, options: contextOptions, bytes: len(p.context), a: w.context(p.context)})
	d.AddField(&analysedField{name: fieldElection, options: keywordOptions, bytes: len(p.election), a: w.keyword(p.election)})
	d.AddField(&analysedField{name: fieldKind, options: keywordOptions, bytes: len(p.kind), a: w.keyword(p.kind)})
	return d
}

// text analyses a passage's shown text, its words for the vocabulary
// too.
func (w *writer) text(s string) *analysed {
	if a, ok := w.texts[s]; ok {
		return a
	}
	tokens := w.analyzer.Analyze([]byte(s))
	a := &analysed{length: len(tokens), freqs: tokenFrequencies(tokens, textOptions)}
	for _, t := range tokens {
		if word := w.surface(s, t); word != "" && t.Type != analysis.Numeric {
			a.words = append(a.words, w.vocabulary.id(word, string(t.Term)))
		}
	}
	w.texts[s] = a
	return a
}

// surface is surface(s, t), each distinct word worked out once.
func (w *writer) surface(s string, t *analysis.Token) string {
	if t.Start < 0 || t.End > len(s) || t.Start > t.End {
		return ""
	}
	written := s[t.Start:t.End]
	if word, ok := w.surfaces[written]; ok {
		return word
	}
	word := surface(s, t)
	w.surfaces[written] = word
	return word
}

func (w *writer) context(s string) *analysed {
	if a, ok := w.contexts[s]; ok {
		return a
	}
	tokens := w.analyzer.Analyze([]byte(s))
	a := &analysed{length: len(tokens), freqs: tokenFrequencies(tokens, contextOptions)}
	w.contexts[s] = a
	return a
}

// keyword analyses an election ID or a kind as the keyword analyzer
// does: the whole value is the one term.
func (w *writer) keyword(s string) *analysed {
	if a, ok := w.keywords[s]; ok {
		return a
	}
	tokens := analysis.TokenStream{{Start: 0, End: len(s), Term: []byte(s), Position: 1, Type: analysis.AlphaNumeric}}
	a := &analysed{length: 1, freqs: analysis.TokenFrequency(tokens, nil, keywordOptions)}
	w.keywords[s] = a
	return a
}

// index writes passages into idx in batches of w.batch, each batch's
// first passage numbered from first.
func (w *writer) index(idx bleve.Index, first int, ps []passage) error {
	for start := 0; start < len(ps); start += w.batch {
		end := min(start+w.batch, len(ps))
		w.startBatch()
		b := idx.NewBatch()
		for i, p := range ps[start:end] {
			if err := b.IndexAdvanced(w.document(first+start+i, p)); err != nil {
				return fmt.Errorf("index passage %d of %s: %w", first+start+i, p.election, err)
			}
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("index passages: %w", err)
		}
	}
	return nil
}

// An analysedField is a text field of a bleve document whose analysis the
// writer has done: bleve's Analyze finds it done.
type analysedField struct {
	name    string
	options bleveindex.FieldIndexingOptions
	bytes   int
	a       *analysed
}

var sizeOfAnalysedField = int(reflect.TypeFor[analysedField]().Size())

func (f *analysedField) Name() string                                          { return f.name }
func (f *analysedField) ArrayPositions() []uint64                              { return nil }
func (f *analysedField) Options() bleveindex.FieldIndexingOptions              { return f.options }
func (f *analysedField) Analyze()                                              {}
func (f *analysedField) Value() []byte                                         { return nil } // never stored
func (f *analysedField) NumPlainTextBytes() uint64                             { return uint64(f.bytes) }
func (f *analysedField) EncodedFieldType() byte                                { return 't' }
func (f *analysedField) AnalyzedLength() int                                   { return f.a.length }
func (f *analysedField) AnalyzedTokenFrequencies() bleveindex.TokenFrequencies { return f.a.freqs }

// Size is what bleve counts against its memory budget for the field; the
// frequencies are shared between fields, so only the field's own part.
func (f *analysedField) Size() int { return sizeOfAnalysedField + len(f.name) }

// shown keeps what a hit shows of each passage, not the
// context that only ranked it.
func shown(ps []passage) []passage {
	out := make([]passage, len(ps))
	for i, p := range ps {
		p.context = ""
		out[i] = p
	}
	return out
}

// electionPassages are every election's passages, in order, in a slice
// made once at its size.
func electionPassages(elections []*knowledge.Election) []passage {
	each := make([][]passage, len(elections))
	n := 0
	for i, e := range elections {
		each[i] = passages(e)
		n += len(each[i])
	}
	ps := make([]passage, 0, n)
	for _, p := range each {
		ps = append(ps, p...)
	}
	return ps
}
