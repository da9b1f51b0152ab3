// Package store keeps what start-up builds from the articles in a folder
// (ELECTIONBOT_INDEX_DIR), so that the next start opens it instead of
// building it again: the search index on disk and a snapshot of the
// parsed elections. A build is kept in a folder named by its key, a hash
// of the articles, the aliases and the program, so that a start finds an
// up-to-date build by its name alone, and replicas of one program on one
// set of articles share one build, read-only. A stale build (other
// articles, another program) or a corrupt one is built again beside the
// folder and renamed into place, so that no reader ever sees half a
// build; every rebuild is logged with why.
//
// The layout of the folder:
//
//	<key>/manifest.json   written last: the key, and every file's size and CRC
//	<key>/elections.snap  the parsed elections (package snapshot)
//	<key>/index/          the search index (index.Create)
//	.build-<key>-*        a build in progress
package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing/fstest"
	"time"

	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/snapshot"
	"github.com/electionbot/electionbot/knowledge"
)

// format is the version of the layout; a change of layout changes it,
// and with it every key.
const format = "electionbot index 1"

// Files of a build.
const (
	manifestFile  = "manifest.json"
	electionsFile = "elections.snap"
	indexDir      = "index"
)

// A Source is the articles a library is built from.
type Source struct {
	// FS holds the *.txt articles and, optionally, an aliases file.
	FS fs.FS
	// Base is the aliases every load starts from (the embedded aliases
	// and glossary), and BaseFile their files' bytes, which the key
	// covers.
	Base     *knowledge.Aliases
	BaseFile []byte
	// MaxBytes bounds one file, as knowledge.LoadLimited does.
	MaxBytes int64
}

// Options say where builds are kept and by what program.
type Options struct {
	// Dir is the folder of builds.
	Dir string
	// Program names the program that builds: its version and revision,
	// and whatever else tells one build of it from another. A build by
	// another program is stale.
	Program string
	Log     *slog.Logger

	// writable reports whether Dir can be written (tests stand in for a
	// read-only folder, which root can write).
	writable func(dir string) bool
}

// A Library is what the articles are built into: the elections, newest
// first, the search index over them, and each place's parties followed
// across its elections.
type Library struct {
	Elections []*knowledge.Election
	Index     *index.Index
	Histories []*knowledge.History
	// Dir is the build the library was opened from; "" when it was built
	// in memory (the folder could not be written).
	Dir string
}

// Load returns the library of src: opened from an up-to-date build in
// opts.Dir, else built, kept there and opened. When the folder cannot be
// written it is built in memory, with a warning. A malformed article is
// an error, as knowledge.LoadLimited reports it.
func Load(src Source, opts Options) (*Library, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	files, err := readSource(src)
	if err != nil {
		return nil, err
	}
	key := keyOf(files, src.BaseFile, opts.Program)
	dir := filepath.Join(opts.Dir, key)
	why := ""
	if _, err := os.Stat(filepath.Join(dir, manifestFile)); err == nil {
		lib, err := open(dir, key)
		if err == nil {
			opts.Log.Info("opened the index", "dir", dir, "elections", len(lib.Elections))
			return lib, nil
		}
		why = fmt.Sprintf("the index is unreadable (%v)", err)
	} else {
		why = staleReason(opts.Dir, key)
	}
	canWrite := writable
	if opts.writable != nil {
		canWrite = opts.writable
	}
	if !canWrite(opts.Dir) {
		opts.Log.Warn("cannot write the index folder; building in memory", "dir", opts.Dir, "why", why)
		return inMemory(files, src)
	}
	opts.Log.Info("building the index", "dir", dir, "why", why)
	start := time.Now()
	lib, err := build(files, src, opts, key)
	if err != nil {
		return nil, err
	}
	opts.Log.Info("built the index", "dir", lib.Dir, "elections", len(lib.Elections), "latency_ms", time.Since(start).Milliseconds())
	return lib, nil
}

// Fresh reports whether opts.Dir holds an up-to-date build of src, and
// its folder.
func Fresh(src Source, opts Options) (bool, string, error) {
	files, err := readSource(src)
	if err != nil {
		return false, "", err
	}
	dir := filepath.Join(opts.Dir, keyOf(files, src.BaseFile, opts.Program))
	_, err = os.Stat(filepath.Join(dir, manifestFile))
	return err == nil, dir, nil
}

// readSource reads the articles, the aliases file and the glossary of src into memory,
// each file within src.MaxBytes: the key covers their bytes, and a build
// parses the same bytes.
func readSource(src Source) (fstest.MapFS, error) {
	limit := src.MaxBytes
	if limit <= 0 {
		limit = knowledge.DefaultMaxFileBytes
	}
	names, err := fs.Glob(src.FS, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	names = append(names, knowledge.AliasesFile, knowledge.GlossaryFile)
	files := fstest.MapFS{}
	for _, name := range names {
		data, err := readLimited(src.FS, name, limit)
		if errors.Is(err, fs.ErrNotExist) && (name == knowledge.AliasesFile || name == knowledge.GlossaryFile) {
			continue
		}
		if err != nil {
			return nil, err
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	return files, nil
}

// readLimited reads a whole file of at most limit bytes, checking the
// size it states first.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &knowledge.SizeError{File: name, Size: st.Size(), Limit: limit}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, &knowledge.SizeError{File: name, Size: -1, Limit: limit}
	}
	return data, nil
}

// Fingerprint names the shape of what a build keeps, so that a program
// whose model changed never reads an older build.
func Fingerprint() string {
	return snapshot.Fingerprint(reflect.TypeFor[kept]()) + " " + index.Fingerprint()
}

// kept is what the snapshot file holds: the elections and their
// histories, one graph, so that a history's lists are the elections'.
type kept struct {
	Elections []*knowledge.Election
	Histories []*knowledge.History
}

// load parses and extracts the articles read.
func load(files fstest.MapFS, src Source) ([]*knowledge.Election, error) {
	return knowledge.LoadLimited(files, src.Base, src.MaxBytes)
}

// inMemory builds the library without keeping it.
func inMemory(files fstest.MapFS, src Source) (*Library, error) {
	es, err := load(files, src)
	if err != nil {
		return nil, err
	}
	ix, err := index.Build(es)
	if err != nil {
		return nil, fmt.Errorf("build the search index: %w", err)
	}
	return &Library{Elections: es, Index: ix, Histories: knowledge.Histories(es)}, nil
}

// sortedNames lists a MapFS's file names in order.
func sortedNames(files fstest.MapFS) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// writeSnapshot writes the snapshot file.
func writeSnapshot(file string, k *kept) error {
	var buf bytes.Buffer
	if err := snapshot.Write(&buf, k); err != nil {
		return err
	}
	return os.WriteFile(file, buf.Bytes(), 0o644)
}
