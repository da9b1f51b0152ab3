package snapshot

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"testing"
)

type node struct {
	Name     string
	private  int
	Next     *node
	Children []*node
	Tags     map[string]bool
	Counts   map[string]int
	ByNode   map[*node]string
	Weights  [3]float64
	Small    int8
	Flag     bool
	Raw      []byte
	Empty    []string
	Nil      []string
	Nested   inner
	once     sync.Once
	cache    *string
}

type inner struct {
	hidden []uint16
	Notes  map[string]string
}

// graph is a value with everything a snapshot keeps: shared pointers, a
// cycle, nil and empty slices, unexported fields.
func graph() *node {
	shared := &node{Name: "shared", private: -7}
	root := &node{
		Name: "root", private: 42, Tags: map[string]bool{"a": true, "b": false}, Counts: map[string]int{"x": -3},
		Weights: [3]float64{1.5, -2, 0}, Small: -8, Flag: true, Raw: []byte{0, 1, 255}, Empty: []string{},
		Nested: inner{hidden: []uint16{1, 65535}, Notes: map[string]string{"k": "v"}},
	}
	root.Children = []*node{shared, shared, {Name: "leaf", Next: root}}
	root.Next = shared
	root.ByNode = map[*node]string{shared: "s", root: "r"}
	return root
}

func roundTrip(t *testing.T, v any, into any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, v); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if err := Read(buf.String(), into); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	want := graph()
	var got *node
	roundTrip(t, &want, &got)
	if got.ByNode[got] != "r" || got.ByNode[got.Next] != "s" {
		t.Errorf("a map keyed by pointers: %v", got.ByNode)
	}
	got.ByNode, want.ByNode = nil, nil // DeepEqual compares keys by address
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Read(Write(v)) = %+v; want %+v", got, want)
	}
	if got.Children[0] != got.Children[1] || got.Next != got.Children[0] {
		t.Error("a pointer shared in the graph came back as copies")
	}
	if got.Children[2].Next != got {
		t.Error("a cycle came back broken")
	}
	if got.Empty == nil || got.Nil != nil {
		t.Errorf("Empty = %#v, Nil = %#v; want empty and nil as they were", got.Empty, got.Nil)
	}
}

func TestSameBytesForOneGraph(t *testing.T) {
	a, b := graph(), graph()
	a.ByNode, b.ByNode = nil, nil // keyed by pointers: in no order
	var x, y *node
	first, second := roundTrip(t, &a, &x), roundTrip(t, &b, &y)
	if !bytes.Equal(first, second) {
		t.Error("two equal graphs wrote different bytes")
	}
}

func TestSyncFieldsLeftOut(t *testing.T) {
	v := graph()
	v.once.Do(func() {})
	var got *node
	roundTrip(t, &v, &got)
	ran := false
	got.once.Do(func() { ran = true })
	if !ran {
		t.Error("a sync.Once came back done; want it as new")
	}
}

func TestRefusesWhatItCannotKeep(t *testing.T) {
	for _, v := range []any{&struct{ F any }{}, &struct{ F func() }{}, &struct{ F chan int }{}} {
		if err := Write(&bytes.Buffer{}, v); err == nil || !strings.Contains(err.Error(), "cannot keep") {
			t.Errorf("Write(%T) = %v; want an error naming what it cannot keep", v, err)
		}
	}
}

func TestOtherTypesRefused(t *testing.T) {
	v := graph()
	var buf bytes.Buffer
	if err := Write(&buf, &v); err != nil {
		t.Fatal(err)
	}
	type other struct{ Name string }
	var o *other
	if err := Read(buf.String(), &o); err == nil || !strings.Contains(err.Error(), "other types") {
		t.Errorf("Read into another type = %v; want refused", err)
	}
	if Fingerprint(reflect.TypeFor[node]()) == Fingerprint(reflect.TypeFor[other]()) {
		t.Error("two types have one fingerprint")
	}
}

// TestCorruptSnapshots checks that a snapshot cut short anywhere, or with
// a byte changed, is an error or a value, never a panic or a hang.
func TestCorruptSnapshots(t *testing.T) {
	v := graph()
	var buf bytes.Buffer
	if err := Write(&buf, &v); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	for i := range len(data) {
		var got *node
		if err := Read(data[:i], &got); err == nil {
			t.Fatalf("Read of the first %d of %d bytes succeeded", i, len(data))
		}
		for _, c := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			b := []byte(data)
			b[i] = c
			var got *node
			_ = Read(string(b), &got)
		}
	}
}

func FuzzRead(f *testing.F) {
	v := graph()
	var buf bytes.Buffer
	if err := Write(&buf, &v); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got *node
		_ = Read(string(data), &got)
	})
}
