package snapshot

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/electionbot/electionbot/internal/synth"
	"github.com/electionbot/electionbot/knowledge"
)

// TestElectionsRoundTrip keeps the elections of every test article, the
// seed and invented ones, and checks that they come back equal, with the
// same pointers shared: an election read from a snapshot must answer as
// the one extracted from its article.
func TestElectionsRoundTrip(t *testing.T) {
	fsys := fstest.MapFS{}
	files, _ := filepath.Glob("../../knowledge/testdata/articles/*.txt")
	for _, f := range append(files, "../../data/belgrade-2014.txt", "../../data/aliases.tsv") {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fsys[filepath.Base(f)] = &fstest.MapFile{Data: data}
	}
	for _, f := range synth.Articles(11, 60) {
		fsys[f.Name] = &fstest.MapFile{Data: []byte(f.Text)}
	}
	want, err := knowledge.Load(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range want {
		e.Resolve("SNS") // caches built on first use come back too
	}
	var got []*knowledge.Election
	roundTrip(t, &want, &got)
	if !reflect.DeepEqual(got, want) {
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("election %s differs after a round trip", want[i].ID)
			}
		}
		t.Fatal("the elections differ after a round trip")
	}
	sameShape(t, reflect.ValueOf(got), reflect.ValueOf(want), map[uintptr]uintptr{}, map[uintptr]uintptr{})
	for i, e := range want {
		if g, w := got[i].Resolve("Democratic Party"), e.Resolve("Democratic Party"); len(g) != len(w) {
			t.Errorf("%s: Resolve found %d; want %d", e.ID, len(g), len(w))
		}
	}
}

// sameShape walks two equal graphs together and checks that the pointers
// of one map one to one onto the pointers of the other: what was shared
// is shared, what was apart is apart.
func sameShape(t *testing.T, a, b reflect.Value, ab, ba map[uintptr]uintptr) {
	t.Helper()
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return
		}
		pa, pb := a.Pointer(), b.Pointer()
		if q, ok := ab[pa]; ok {
			if q != pb {
				t.Fatalf("a pointer to %s shared in the snapshot's graph is not shared in the original", a.Type())
			}
			return
		}
		if q, ok := ba[pb]; ok && q != pa {
			t.Fatalf("a pointer to %s shared in the original is not shared after the round trip", a.Type())
		}
		ab[pa], ba[pb] = pb, pa
		sameShape(t, a.Elem(), b.Elem(), ab, ba)
	case reflect.Slice, reflect.Array:
		for i := range a.Len() {
			sameShape(t, a.Index(i), b.Index(i), ab, ba)
		}
	case reflect.Map:
		for _, k := range a.MapKeys() {
			sameShape(t, a.MapIndex(k), b.MapIndex(k), ab, ba)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if !skipped(a.Type().Field(i).Type) {
				sameShape(t, a.Field(i), b.Field(i), ab, ba)
			}
		}
	}
}

// BenchmarkReadElections reads back a thousand invented elections, as a
// warm start does.
func BenchmarkReadElections(b *testing.B) {
	es, err := knowledge.Load(synth.FS(1, 1000), nil)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, &es); err != nil {
		b.Fatal(err)
	}
	data := buf.String()
	b.ReportMetric(float64(len(data))/(1<<20), "MiB")
	b.ResetTimer()
	for b.Loop() {
		var got []*knowledge.Election
		if err := Read(data, &got); err != nil {
			b.Fatal(err)
		}
	}
}
