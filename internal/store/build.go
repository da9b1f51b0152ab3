package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing/fstest"
	"time"
	"unsafe"

	"github.com/electionbot/electionbot/index"
	"github.com/electionbot/electionbot/internal/snapshot"
	"github.com/electionbot/electionbot/knowledge"
)

// keyOf hashes what a build is made from: the layout, the shape of what
// it keeps, the program, the base aliases and every file read, by name.
func keyOf(files fstest.MapFS, base []byte, program string) string {
	h := sha256.New()
	field := func(s string) {
		fmt.Fprintf(h, "%d:", len(s))
		io.WriteString(h, s)
	}
	field(format)
	field(Fingerprint())
	field(program)
	field(string(base))
	for _, name := range sortedNames(files) {
		field(name)
		field(string(files[name].Data))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// keyRe matches the folder of a build.
var keyRe = regexp.MustCompile(`^[0-9a-f]{32}$`)

// staleReason says why there is no build for key in dir: none at all, or
// builds of other articles or programs.
func staleReason(dir, key string) string {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && keyRe.MatchString(e.Name()) && e.Name() != key {
			return "the index there is stale: it was built from other articles or by another version of the program"
		}
	}
	return "there is no index yet"
}

// writable reports whether a file can be made in dir (making dir first
// if need be).
func writable(dir string) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// A manifest is the last file of a build: it says the build is whole,
// and what each of its files holds, so that a file cut short or changed
// is found before it is read.
type manifest struct {
	Key     string
	Program string
	Files   map[string]fileSum // by path within the build, "/"-separated
}

type fileSum struct {
	Size int64
	CRC  uint32 // Castagnoli
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sums lists the files of a build with their sizes and CRCs.
func sums(dir string) (map[string]fileSum, error) {
	out := map[string]fileSum{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == manifestFile {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = fileSum{Size: int64(len(data)), CRC: crc32.Checksum(data, castagnoli)}
		return nil
	})
	return out, err
}

// build builds the library into a new folder beside the builds, writes
// its manifest last, renames it into place and removes the stale builds.
func build(files fstest.MapFS, src Source, opts Options, key string) (*Library, error) {
	es, err := load(files, src)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(opts.Dir, ".build-"+key+"-")
	if err == nil {
		err = os.Chmod(tmp, 0o755) // replicas may run as another user
	}
	if err != nil {
		return nil, fmt.Errorf("index folder: %w", err)
	}
	defer os.RemoveAll(tmp) // gone once renamed; what is left of a failed build
	hs := knowledge.Histories(es)
	if err := writeSnapshot(filepath.Join(tmp, electionsFile), &kept{Elections: es, Histories: hs}); err != nil {
		return nil, fmt.Errorf("write the elections: %w", err)
	}
	ix, err := index.Create(filepath.Join(tmp, indexDir), es)
	if err != nil {
		return nil, fmt.Errorf("build the search index: %w", err)
	}
	ix.Close()
	sum, err := sums(tmp)
	if err != nil {
		return nil, fmt.Errorf("index folder: %w", err)
	}
	m, err := json.MarshalIndent(manifest{Key: key, Program: opts.Program, Files: sum}, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, manifestFile), m, 0o644); err != nil {
		return nil, fmt.Errorf("index folder: %w", err)
	}
	dir := filepath.Join(opts.Dir, key)
	if err := replace(tmp, dir); err != nil {
		return nil, fmt.Errorf("index folder: %w", err)
	}
	removeStale(opts, key)
	ix, err = index.Open(filepath.Join(dir, indexDir))
	if err != nil {
		return nil, fmt.Errorf("open the index just built: %w", err)
	}
	return &Library{Elections: es, Index: ix, Histories: hs, Dir: dir}, nil
}

// replace renames the folder tmp to dir. A dir already there (a corrupt
// build) is moved aside first and removed after; a dir another process
// renamed into place meanwhile is kept, and tmp dropped.
func replace(tmp, dir string) error {
	if _, err := os.Stat(dir); err == nil {
		old := dir + ".old-" + randomSuffix()
		if err := os.Rename(dir, old); err != nil {
			return err
		}
		defer os.RemoveAll(old)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, serr := os.Stat(filepath.Join(dir, manifestFile)); serr == nil {
			return nil // another process built it first
		}
		return err
	}
	return nil
}

func randomSuffix() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// removeStale removes the builds of other keys: a start that built this
// one is on other articles or another program than they were.
func removeStale(opts Options, key string) {
	entries, err := os.ReadDir(opts.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		stale := e.IsDir() && name != key && (keyRe.MatchString(name) || strings.Contains(name, ".old-") || abandoned(e))
		if !stale {
			continue
		}
		if err := os.RemoveAll(filepath.Join(opts.Dir, name)); err != nil {
			opts.Log.Warn("could not remove a stale index", "dir", filepath.Join(opts.Dir, name), "err", err)
			continue
		}
		opts.Log.Info("removed a stale index", "dir", filepath.Join(opts.Dir, name))
	}
}

// abandoned reports a build in progress left by a process that stopped:
// no build takes an hour.
func abandoned(e fs.DirEntry) bool {
	info, err := e.Info()
	return strings.HasPrefix(e.Name(), ".build-") && err == nil && time.Since(info.ModTime()) > time.Hour
}

// open opens the build in dir after checking its manifest and files.
func open(dir, key string) (*Library, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if m.Key != key {
		return nil, fmt.Errorf("manifest: built for key %s", m.Key)
	}
	have, err := sums(dir)
	if err != nil {
		return nil, err
	}
	for name, want := range m.Files {
		got, ok := have[name]
		switch {
		case !ok:
			return nil, fmt.Errorf("%s is missing", name)
		case got.Size != want.Size:
			return nil, fmt.Errorf("%s has %d bytes; the manifest says %d", name, got.Size, want.Size)
		case got.CRC != want.CRC:
			return nil, fmt.Errorf("%s has changed since it was built", name)
		}
	}
	snap, err := os.ReadFile(filepath.Join(dir, electionsFile))
	if err != nil {
		return nil, err
	}
	var k kept
	// The file's bytes are never changed: the snapshot's strings may be
	// read from them where they lie, without a copy.
	if err := snapshot.Read(unsafe.String(unsafe.SliceData(snap), len(snap)), &k); err != nil {
		return nil, fmt.Errorf("%s: %w", electionsFile, err)
	}
	ix, err := index.Open(filepath.Join(dir, indexDir))
	if err != nil {
		return nil, err
	}
	if len(k.Elections) == 0 {
		ix.Close()
		return nil, errors.New("no elections")
	}
	return &Library{Elections: k.Elections, Index: ix, Histories: k.Histories, Dir: dir}, nil
}
