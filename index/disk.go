package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/electionbot/electionbot/internal/snapshot"
	"github.com/electionbot/electionbot/knowledge"
)

// The files of an index on disk, in its folder: bleve's own, and what a
// search needs besides (the passages' text, the vocabulary for typos).
const (
	bleveDir     = "bleve"
	passagesFile = "passages.snap"
)

// onDisk is what an index keeps beside bleve's files.
type onDisk struct {
	Passages   []passage
	Vocabulary *vocabulary
}

// Fingerprint names the shape of what Create writes beside bleve's files:
// a program whose shape differs cannot Open another's index.
func Fingerprint() string { return snapshot.Fingerprint(reflect.TypeFor[onDisk]()) }

// Create indexes the elections into the folder dir, which it creates, on
// disk: bleve's segments (merged into one, so that a search looks up each
// word once) and the passages and vocabulary beside them. It returns the
// index opened as Open would, read-only.
func Create(dir string, elections []*knowledge.Election) (*Index, error) {
	m, an, err := mappingAndAnalyzer()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index folder: %w", err)
	}
	idx, err := bleve.NewUsing(filepath.Join(dir, bleveDir), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	ps := electionPassages(elections)
	w := newWriter(an)
	err = w.index(idx, 0, ps)
	if err == nil {
		err = forceMerge(idx)
	}
	if cerr := idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index: %w", cerr)
	}
	if err == nil {
		err = pruneSegments(filepath.Join(dir, bleveDir))
	}
	if err != nil {
		return nil, err
	}
	w.vocabulary.done()
	f, err := os.Create(filepath.Join(dir, passagesFile))
	if err != nil {
		return nil, fmt.Errorf("write passages: %w", err)
	}
	err = snapshot.Write(f, &onDisk{Passages: shown(ps), Vocabulary: w.vocabulary})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("write passages: %w", err)
	}
	return Open(dir)
}

// forceMerge merges the index's segments into one.
func forceMerge(idx bleve.Index) error {
	adv, err := idx.Advanced()
	if err != nil {
		return fmt.Errorf("merge index: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(context.Background(), nil); err != nil {
		return fmt.Errorf("merge index: %w", err)
	}
	return nil
}

// pruneSegments removes the segment files that merging left behind and no
// snapshot of the index uses: scorch removes them in the background, and
// an index closed as soon as it is built keeps them, three times its
// size.
func pruneSegments(path string) error {
	idx, err := bleve.OpenUsing(path, map[string]any{"read_only": true})
	if err != nil {
		return fmt.Errorf("reopen index: %w", err)
	}
	live, err := liveSegments(idx)
	idx.Close()
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if err != nil {
		return fmt.Errorf("list segments: %w", err)
	}
	for _, f := range files {
		if !live[filepath.Base(f)] {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("remove merged segment: %w", err)
			}
		}
	}
	return nil
}

// liveSegments names the files of the segments an open index reads.
func liveSegments(idx bleve.Index) (map[string]bool, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index segments: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, errors.New("index segments: not a scorch index")
	}
	r, err := s.Reader()
	if err != nil {
		return nil, fmt.Errorf("index segments: %w", err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, errors.New("index segments: not a scorch snapshot")
	}
	live := map[string]bool{}
	for _, ss := range snap.Segments() {
		p, ok := ss.Segment().(interface{ Path() string })
		if !ok {
			return nil, errors.New("index segments: a segment not on disk")
		}
		live[filepath.Base(p.Path())] = true
	}
	return live, nil
}

// Open opens, read-only, an index Create wrote into dir. Several
// processes may open one index at once. An index whose files do not
// agree (passages bleve does not have) is an error.
func Open(dir string) (*Index, error) {
	data, err := os.ReadFile(filepath.Join(dir, passagesFile))
	if err != nil {
		return nil, fmt.Errorf("read passages: %w", err)
	}
	var d onDisk
	if err := snapshot.Read(string(data), &d); err != nil {
		return nil, fmt.Errorf("read passages: %w", err)
	}
	if d.Vocabulary == nil {
		return nil, errors.New("read passages: no vocabulary")
	}
	idx, err := bleve.OpenUsing(filepath.Join(dir, bleveDir), map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	n, err := idx.DocCount()
	if err == nil && n != uint64(len(d.Passages)) {
		err = fmt.Errorf("the index has %d passages and its text %d", n, len(d.Passages))
	}
	an := idx.Mapping().AnalyzerNamed(analyzerName)
	if err == nil && an == nil {
		err = fmt.Errorf("no analyzer %q", analyzerName)
	}
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open index: %w", err)
	}
	return &Index{bleve: idx, analyzer: an, passages: d.Passages, vocabulary: d.Vocabulary}, nil
}
