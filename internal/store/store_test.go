package store

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/synth"
	"github.com/electionbot/electionbot/knowledge"
)

// source is a small invented corpus with the embedded aliases under it.
func source(t *testing.T, n int) Source {
	t.Helper()
	base, err := data.FS.ReadFile(knowledge.AliasesFile)
	if err != nil {
		t.Fatal(err)
	}
	aliases, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return Source{FS: synth.FS(7, n), Base: aliases, BaseFile: base}
}

// logged collects a store's log.
type logged struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logged) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logged) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.buf.String()
	l.buf.Reset()
	return s
}

func options(dir string, log *logged) Options {
	return Options{Dir: dir, Program: "test 1", Log: slog.New(slog.NewTextHandler(log, nil))}
}

func mustLoad(t *testing.T, src Source, opts Options) *Library {
	t.Helper()
	lib, err := Load(src, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	t.Cleanup(func() { lib.Index.Close() })
	return lib
}

// answers searches a library the same way every time, to compare one
// library with another.
func answers(t *testing.T, lib *Library) string {
	t.Helper()
	var b strings.Builder
	for _, e := range lib.Elections[:5] {
		hits, err := lib.Index.Search(context.Background(), index.Query{Text: "why was the election called", Election: e.ID, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			b.WriteString(h.Text + "\n")
		}
	}
	return b.String()
}

func TestFreshThenUpToDate(t *testing.T) {
	dir, log := t.TempDir(), &logged{}
	src, opts := source(t, 20), options(dir, &logged{})
	opts.Log = slog.New(slog.NewTextHandler(log, nil))
	built := mustLoad(t, src, opts)
	if built.Dir == "" || !strings.Contains(log.take(), "there is no index yet") {
		t.Fatalf("a first start in an empty folder: Dir %q; want a build, logged as the first", built.Dir)
	}
	want, err := knowledge.LoadLimited(src.FS, src.Base, 0)
	if err != nil {
		t.Fatal(err)
	}
	manifest, err := os.Stat(filepath.Join(built.Dir, manifestFile))
	if err != nil {
		t.Fatal(err)
	}

	opened := mustLoad(t, src, opts)
	if l := log.take(); !strings.Contains(l, "opened the index") || strings.Contains(l, "building") {
		t.Errorf("a second start logged %q; want the index opened, not built", l)
	}
	if again, _ := os.Stat(filepath.Join(opened.Dir, manifestFile)); opened.Dir != built.Dir || !again.ModTime().Equal(manifest.ModTime()) {
		t.Errorf("the second start used %s (manifest of %v); want %s untouched", opened.Dir, again.ModTime(), built.Dir)
	}
	if !reflect.DeepEqual(opened.Elections, want) {
		t.Error("the elections opened differ from the articles' own")
	}
	if got, want := histories(opened), histories(&Library{Elections: want, Histories: knowledge.Histories(want)}); got != want {
		t.Errorf("the histories opened:\n%s\nwant\n%s", got, want)
	}
	if answers(t, opened) != answers(t, built) {
		t.Error("the opened index answers otherwise than the one built")
	}
	if fresh, _, _ := Fresh(src, opts); !fresh {
		t.Error("Fresh = false for an up-to-date build")
	}
}

func TestStaleRebuilt(t *testing.T) {
	dir, log := t.TempDir(), &logged{}
	src, opts := source(t, 12), options(dir, log)
	old := mustLoad(t, src, opts)
	log.take()

	changed := fstest.MapFS{}
	for name, f := range src.FS.(fstest.MapFS) {
		changed[name] = f
	}
	name := old.Elections[0].ID + ".txt"
	changed[name] = &fstest.MapFile{Data: bytes.Replace(changed[name].Data, []byte("The election was called"), []byte("The vote was called"), 1)}
	src.FS = changed
	lib := mustLoad(t, src, opts)
	if l := log.take(); !strings.Contains(l, "stale") || !strings.Contains(l, "removed a stale index") {
		t.Errorf("a start after an article changed logged %q; want a rebuild because the index is stale, and the old one removed", l)
	}
	if lib.Dir == old.Dir {
		t.Errorf("the changed articles were opened from the old build %s", old.Dir)
	}
	if _, err := os.Stat(old.Dir); !os.IsNotExist(err) {
		t.Errorf("the stale build %s is still there (%v)", old.Dir, err)
	}
	if opts.Program = "test 2"; !strings.Contains(func() string { mustLoad(t, src, opts); return log.take() }(), "stale") {
		t.Error("another program did not rebuild")
	}
}

func TestCorruptRebuilt(t *testing.T) {
	for _, target := range []string{electionsFile, "index/passages.snap", "index/bleve/store/root.bolt", "zap"} {
		t.Run(target, func(t *testing.T) {
			dir, log := t.TempDir(), &logged{}
			src, opts := source(t, 8), options(dir, log)
			built := mustLoad(t, src, opts)
			want := answers(t, built)
			built.Index.Close()
			file := filepath.Join(built.Dir, filepath.FromSlash(target))
			if target == "zap" {
				zaps, _ := filepath.Glob(filepath.Join(built.Dir, indexDir, "bleve", "store", "*.zap"))
				file = zaps[0]
			}
			st, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(file, st.Size()/2); err != nil {
				t.Fatal(err)
			}
			log.take()
			lib := mustLoad(t, src, opts)
			if l := log.take(); !strings.Contains(l, "unreadable") || !strings.Contains(l, "built the index") {
				t.Errorf("a start on a cut %s logged %q; want it found unreadable and rebuilt", target, l)
			}
			if got := answers(t, lib); got != want {
				t.Errorf("the rebuilt index answers %q; want %q", got, want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("the folder holds %d entries after the rebuild; want the one build", len(entries))
			}
		})
	}
}

func TestReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	src, opts := source(t, 8), options(dir, &logged{})
	built := mustLoad(t, src, opts)
	built.Index.Close()
	before := listing(t, dir)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	readOnly := func(string) bool { return false }
	opts.writable = readOnly

	lib := mustLoad(t, src, opts)
	if lib.Dir != built.Dir {
		t.Errorf("a read-only folder with an up-to-date index: Dir %q; want it opened from %s", lib.Dir, built.Dir)
	}
	lib.Index.Close()
	if after := listing(t, dir); after != before {
		t.Errorf("opening a read-only index changed its folder:\n%s\nwant\n%s", after, before)
	}

	log := &logged{}
	opts.Log = slog.New(slog.NewTextHandler(log, nil))
	opts.Program = "another version"
	mem := mustLoad(t, src, opts)
	if mem.Dir != "" || !strings.Contains(log.take(), "cannot write the index folder") {
		t.Errorf("a stale index in a read-only folder: Dir %q; want one built in memory, with a warning", mem.Dir)
	}
	if got, want := answers(t, mem), answers(t, mustLoad(t, src, options(t.TempDir(), &logged{}))); got != want {
		t.Errorf("the library built in memory answers %q; want %q", got, want)
	}
}

// histories writes down a library's histories: each place's elections
// and parties, step by step, and whether each step's list is one of the
// library's own (not a copy).
func histories(lib *Library) string {
	own := map[*knowledge.Contestant]bool{}
	for _, e := range lib.Elections {
		for _, c := range e.Contestants {
			own[c] = true
		}
	}
	var b strings.Builder
	for _, h := range lib.Histories {
		b.WriteString(h.Place + ":")
		for _, l := range h.Parties {
			b.WriteString(" " + l.Name() + "[")
			for _, st := range l.Steps {
				fmt.Fprintf(&b, "%s %s %v;", st.Election.ID, st.Contestant.Name, own[st.Contestant] || st.Contestant.Kind != "")
			}
			b.WriteString("]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// listing names every file of a folder with its size and time.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + info.ModTime().String() + "\n")
		}
		return err
	})
	return b.String()
}

func TestConcurrentStarts(t *testing.T) {
	dir := t.TempDir()
	src := source(t, 10)
	var wg sync.WaitGroup
	libs := make([]*Library, 3)
	errs := make([]error, 3)
	for i := range libs {
		wg.Go(func() { libs[i], errs[i] = Load(src, options(dir, &logged{})) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("start %d: %v", i, err)
		}
		defer libs[i].Index.Close()
		if answers(t, libs[i]) != answers(t, libs[0]) {
			t.Errorf("start %d answers otherwise than start 0", i)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("three starts at once left %d entries; want one build", len(entries))
	}
}
