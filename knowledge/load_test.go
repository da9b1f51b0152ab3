package knowledge

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

const smallArticle = "= 2019 Testville election =\n\nInfobox\n- Seats: 20\n\nThe 2019 Testville election was held.\n"

func TestLoadRefusesOversizedFiles(t *testing.T) {
	tests := []struct {
		name     string
		fsys     fs.FS
		limit    int64
		wantFile string
		wantSize int64
	}{
		{"article over the limit", fstest.MapFS{
			"a.txt":   {Data: []byte(smallArticle)},
			"big.txt": {Data: []byte(smallArticle + strings.Repeat("x", 200))},
		}, 100, "big.txt", int64(len(smallArticle) + 200)},
		{"aliases over the limit", fstest.MapFS{
			"a.txt":     {Data: []byte(smallArticle)},
			AliasesFile: {Data: []byte(strings.Repeat("# comment\n", 20))},
		}, 100, AliasesFile, 200},
		{"size unknown until read", unsizedFS{fstest.MapFS{
			"big.txt": {Data: []byte(smallArticle + strings.Repeat("x", 200))},
		}}, 100, "big.txt", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadLimited(tt.fsys, nil, tt.limit)
			var se *SizeError
			if !errors.As(err, &se) || se.File != tt.wantFile || se.Size != tt.wantSize || se.Limit != tt.limit {
				t.Fatalf("LoadLimited = %v; want a SizeError for %s of %d bytes", err, tt.wantFile, tt.wantSize)
			}
		})
	}
}

func TestSizeErrorMessage(t *testing.T) {
	tests := []struct {
		err  *SizeError
		want string
	}{
		{&SizeError{File: "big.txt", Size: 52428800, Limit: 2097152}, "big.txt: 52428800 bytes, more than the limit 2097152"},
		{&SizeError{File: "big.txt", Size: -1, Limit: 100}, "big.txt: more than the limit 100 bytes"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q; want %q", got, tt.want)
		}
	}
}

func TestLoadAtTheLimit(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte(smallArticle)}}
	es, err := LoadLimited(fsys, nil, int64(len(smallArticle)))
	if err != nil || len(es) != 1 {
		t.Fatalf("LoadLimited(file of exactly the limit) = %d elections, %v; want 1, nil", len(es), err)
	}
}

// unsizedFS hides the size of its files, as a pipe or a special file
// would, so that only the read can find a file too large.
type unsizedFS struct{ fs fstest.MapFS }

func (u unsizedFS) Open(name string) (fs.File, error) {
	f, err := u.fs.Open(name)
	if err != nil {
		return nil, err
	}
	return unsizedFile{f}, nil
}

func (u unsizedFS) Glob(pattern string) ([]string, error) { return fs.Glob(u.fs, pattern) }

type unsizedFile struct{ fs.File }

func (f unsizedFile) Stat() (fs.FileInfo, error) {
	st, err := f.File.Stat()
	if err != nil {
		return nil, err
	}
	return unsizedInfo{st}, nil
}

type unsizedInfo struct{ fs.FileInfo }

func (unsizedInfo) Size() int64 { return 0 }
