package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/store"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

// loadLibrary reads the articles (from dir when set, else the embedded
// data), extracts their elections and builds what the engine answers from.
// The embedded aliases always apply; an aliases file in dir adds to them.
// Article warnings are logged; a malformed article is an error with its
// file:line, and an article over maxBytes an error with its size, found
// before it is read. With an index folder (ELECTIONBOT_INDEX_DIR) the
// elections and the index come from the build kept there when it is up to
// date, and are built and kept there when not.
func loadLibrary(cfg config, log *slog.Logger) (*bot.Library, error) {
	defer loadingGC()()
	src, err := articlesOf(cfg)
	if err != nil {
		return nil, err
	}
	var es []*knowledge.Election
	var hs []*knowledge.History
	var search closableSearcher
	switch {
	case cfg.IndexDir != "":
		var lib *store.Library
		lib, err = store.Load(src.Source, store.Options{Dir: cfg.IndexDir, Program: programID(), Log: log})
		if err == nil {
			es, hs, search = lib.Elections, lib.Histories, wire.Searcher(lib.Index)
		}
	case cfg.oneMessage:
		es, err = knowledge.LoadLimited(src.FS, src.Base, src.MaxBytes)
		search = &lazySearcher{build: func() (closableSearcher, error) { return buildIndex(es) }}
	default:
		es, err = knowledge.LoadLimited(src.FS, src.Base, src.MaxBytes)
		if err == nil {
			search, err = buildIndex(es)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", src.name, sizeHint(err))
	}
	for _, e := range es {
		for _, w := range e.Warnings {
			log.Warn("article", "election", e.ID, "warning", w)
		}
	}
	lib := &bot.Library{Elections: es, Searcher: &retiringSearcher{ix: search}}
	if hs != nil {
		lib.WithHistories(hs)
	}
	return lib, nil
}

// loadingGC has the collector wait for the heap to triple rather than
// double, until the function it returns is called. Loading and indexing
// allocate in bursts much they do not keep: the collector then spends
// about a third less CPU, for some 100 MB more at the peak of a thousand
// articles. A GOGC the user set, or one already raised, is left alone.
func loadingGC() (restore func()) {
	old := debug.SetGCPercent(200)
	if old != 100 {
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() { debug.SetGCPercent(old) }
}

// buildIndex builds the search index of es in memory.
func buildIndex(es []*knowledge.Election) (closableSearcher, error) {
	defer loadingGC()()
	ix, err := index.Build(es)
	if err != nil {
		return nil, fmt.Errorf("build the search index: %w", err)
	}
	return wire.Searcher(ix), nil
}

// A lazySearcher builds its index the first time it is searched: one
// message (electionbot ask) most often needs none, and a process that
// answers one message and exits should not pay for it.
type lazySearcher struct {
	once  sync.Once
	build func() (closableSearcher, error)
	ix    closableSearcher
	err   error
}

func (s *lazySearcher) Search(ctx context.Context, q bot.SearchQuery) ([]bot.Hit, error) {
	s.once.Do(func() { s.ix, s.err = s.build() })
	if s.err != nil {
		return nil, s.err
	}
	return s.ix.Search(ctx, q)
}

// Close closes the index if it was built, and keeps it from being built
// after.
func (s *lazySearcher) Close() error {
	s.once.Do(func() { s.err = errRetired })
	if s.ix != nil {
		return s.ix.Close()
	}
	return nil
}

// articles are the articles to load, with a name for errors.
type articles struct {
	store.Source
	name string
}

// articlesOf finds the articles: the data folder's, or the embedded ones
// (which bring their own aliases file); the embedded aliases under a data
// folder's.
func articlesOf(cfg config) (articles, error) {
	base, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		return articles{}, fmt.Errorf("read embedded aliases: %w", err)
	}
	var baseFile []byte // what the index folder's key covers of the base
	for _, name := range []string{knowledge.AliasesFile, knowledge.GlossaryFile} {
		b, err := data.FS.ReadFile(name)
		if err != nil {
			return articles{}, fmt.Errorf("read embedded %s: %w", name, err)
		}
		baseFile = append(append(baseFile, b...), 0)
	}
	src := articles{Source: store.Source{FS: data.FS, BaseFile: baseFile, MaxBytes: cfg.MaxArticleBytes}, name: "embedded data"}
	if cfg.DataDir == "" {
		return src, nil // the embedded articles come with their aliases: none under them
	}
	st, err := os.Stat(cfg.DataDir)
	if err != nil {
		return articles{}, fmt.Errorf("ELECTIONBOT_DATA: %w", err)
	}
	if !st.IsDir() {
		return articles{}, fmt.Errorf("ELECTIONBOT_DATA: %s is not a folder", cfg.DataDir)
	}
	src.FS, src.Base, src.name = os.DirFS(cfg.DataDir), base, cfg.DataDir
	return src, nil
}

// programID names this build of the program for the index folder: its
// version and revision, and, for a build that cannot say which commit it
// is (or has changes on top of it), a hash of the executable, so that a
// changed program never opens an index an older one built.
func programID() string {
	b := currentBuild()
	id := b.Version + " " + b.Revision + " " + b.GoVersion
	if b.Revision != "unknown" && !strings.HasSuffix(b.Revision, "-dirty") {
		return id
	}
	exe, err := os.Executable()
	if err != nil {
		return id
	}
	f, err := os.Open(exe)
	if err != nil {
		return id
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return id
	}
	return id + " " + hex.EncodeToString(h.Sum(nil))
}

// sizeHint says which setting raises the limit an oversized file ran into.
func sizeHint(err error) error {
	var se *knowledge.SizeError
	if errors.As(err, &se) {
		return fmt.Errorf("%w (ELECTIONBOT_MAX_ARTICLE_BYTES)", err)
	}
	return err
}

// A closableSearcher is a search index that holds goroutines and memory
// until it is closed.
type closableSearcher interface {
	bot.Searcher
	Close() error
}

// A retiringSearcher lets a search index replaced by a reload finish the
// searches in flight before it is closed. A search that starts after that
// gets errRetired; the engine then answers without the index.
type retiringSearcher struct {
	ix     closableSearcher
	mu     sync.RWMutex
	closed bool
}

var errRetired = errors.New("search index retired by a reload")

func (s *retiringSearcher) Search(ctx context.Context, q bot.SearchQuery) ([]bot.Hit, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errRetired
	}
	return s.ix.Search(ctx, q)
}

// retire waits for the searches in flight and closes the index.
func (s *retiringSearcher) retire() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.ix.Close()
}

// retireAfter is how long a replaced index stays open. A request takes
// milliseconds; a request that loaded the old library just before the
// swap has long finished by then.
const retireAfter = time.Minute

// A reloader rebuilds the library and swaps it into the engine. A failed
// load keeps the engine on the data it has. It is safe for concurrent use;
// reloads run one at a time.
type reloader struct {
	load func() (*bot.Library, error)
	eng  *bot.Engine
	log  *slog.Logger
	// done is told how each reload went, for metrics; may be nil.
	done func(ok bool, lib *bot.Library)
	// retireAfter is how long the replaced search index stays open.
	retireAfter time.Duration

	mu sync.Mutex
}

// Reload loads the data again and, when that works, swaps it in. Questions
// being answered finish on the library they started with.
func (r *reloader) Reload() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	lib, err := r.load()
	if err != nil {
		// Counted before it is logged, as a reload that works is: whoever
		// reads the log line finds the metric up to date.
		if r.done != nil {
			r.done(false, nil)
		}
		r.log.Error("reload failed; still answering from the previous data", "err", err)
		return err
	}
	old := r.eng.Library()
	for _, l := range losses(old.Elections, lib.Elections) {
		r.log.Warn("the reloaded articles hold less than the previous ones", "election", l.election, "lost", l.what)
	}
	r.eng.Swap(lib)
	if s, ok := old.Searcher.(*retiringSearcher); ok {
		time.AfterFunc(r.retireAfter, func() {
			if err := s.retire(); err != nil {
				r.log.Warn("close the replaced search index", "err", err)
			}
		})
	}
	r.log.Info("reloaded", "elections", len(lib.Elections), "latency_ms", time.Since(start).Milliseconds())
	if r.done != nil {
		r.done(true, lib)
	}
	return nil
}

// dataStamp summarises the names, sizes and modification times of the
// files a reload reads, so that a watcher sees when any of them changed.
func dataStamp(fsys fs.FS) (string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return "", err
	}
	var stamp []byte
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name != knowledge.AliasesFile && name != knowledge.GlossaryFile && path.Ext(name) != ".txt" {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return "", err
		}
		stamp = fmt.Appendf(stamp, "%s\x00%d\x00%d\n", name, info.Size(), info.ModTime().UnixNano())
	}
	return string(stamp), nil
}

// watch reloads whenever the data files' stamp changes, checking at every
// tick, until ctx ends. A folder that cannot be read is logged and checked
// again at the next tick.
func watch(ctx context.Context, fsys fs.FS, ticks <-chan time.Time, reload func() error, log *slog.Logger) {
	last, err := dataStamp(fsys)
	if err != nil {
		log.Warn("watch data folder", "err", err)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
		}
		now, err := dataStamp(fsys)
		if err != nil {
			log.Warn("watch data folder", "err", err)
			continue
		}
		if now == last {
			continue
		}
		last = now
		log.Info("data folder changed; reloading")
		_ = reload() // logged by the reloader
	}
}
