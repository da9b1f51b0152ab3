// Package snapshot writes a graph of Go values to bytes and reads it back
// whole: every field, unexported ones too, so that what a program made at
// great cost (the parsed and extracted elections, with their name indexes)
// comes back as it was, without the cost. Pointers shared in the graph
// come back shared and cycles come back as cycles. The bytes carry no
// types: they are read back by the same program, which Fingerprint
// checks.
//
// Values must be made of booleans, numbers, strings, pointers, slices,
// arrays, maps and structs; fields of sync and sync/atomic types (a
// sync.Once, a Mutex) are left out and come back as their zero value,
// ready to use. Interfaces, functions and channels are refused.
//
// The format: the magic, the fingerprint, then the root value, each value
// as its type says: varints for numbers, lengths before strings, slices
// and maps (0 for nil), and for a pointer 0 for nil, the number of a
// pointer met before, or the next number followed by the value.
package snapshot

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"sync"
	"unsafe"
)

const magic = "electionbot snapshot 1\n"

// Fingerprint names the shape of type t and of every type it reaches:
// kinds, names, fields in order and their types. Two programs with the
// same fingerprint for a type read each other's snapshots of it.
func Fingerprint(t reflect.Type) string {
	h := sha256.New()
	seen := map[reflect.Type]int{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if n, ok := seen[t]; ok {
			fmt.Fprintf(h, "@%d;", n)
			return
		}
		seen[t] = len(seen)
		fmt.Fprintf(h, "%s.%s:%s(", t.PkgPath(), t.Name(), t.Kind())
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			if t.Kind() == reflect.Array {
				fmt.Fprintf(h, "%d,", t.Len())
			}
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				fmt.Fprintf(h, "%s=", f.Name)
				if skipped(f.Type) {
					h.Write([]byte("skipped;"))
					continue
				}
				walk(f.Type)
			}
		}
		h.Write([]byte(")"))
	}
	walk(t)
	return hex.EncodeToString(h.Sum(nil))
}

// skipped reports the types left out of a snapshot: sync's and atomic's,
// whose zero value is ready to use and whose state means nothing in
// another process.
func skipped(t reflect.Type) bool {
	return t.PkgPath() == "sync" || t.PkgPath() == "sync/atomic"
}

// Write writes the value v points to.
func Write(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("snapshot: Write needs a non-nil pointer")
	}
	t := rv.Type().Elem()
	c, err := codecOf(t)
	if err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriterSize(w, 1<<16), ptrs: map[unsafe.Pointer]uint64{}}
	e.str(magic)
	e.str(Fingerprint(t))
	c.enc(e, rv.UnsafePointer())
	if e.err != nil {
		return fmt.Errorf("snapshot: %w", e.err)
	}
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// Read reads into the value v points to what Write wrote of a value of
// the same type. Strings in the value share data's memory: data must not
// change afterwards. Bytes that are not such a snapshot, or that end
// early, are an error, never a panic.
func Read(data string, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("snapshot: Read needs a non-nil pointer")
	}
	t := rv.Type().Elem()
	c, err := codecOf(t)
	if err != nil {
		return err
	}
	d := &decoder{data: data}
	if d.str() != magic {
		return errors.New("snapshot: not a snapshot")
	}
	if fp := d.str(); fp != Fingerprint(t) {
		if d.err != nil {
			return fmt.Errorf("snapshot: %w", d.err)
		}
		return errors.New("snapshot: written by a program with other types")
	}
	c.dec(d, rv.UnsafePointer())
	if d.err != nil {
		return fmt.Errorf("snapshot: %w", d.err)
	}
	if d.pos != len(d.data) {
		return fmt.Errorf("snapshot: %d bytes after the end", len(d.data)-d.pos)
	}
	return nil
}

// A codec writes and reads values of one type, at the address given;
// min is the fewest bytes a value of the type takes written.
type codec struct {
	enc func(e *encoder, p unsafe.Pointer)
	dec func(d *decoder, p unsafe.Pointer)
	min int
}

var codecs sync.Map // reflect.Type -> *codec

// codecOf returns the codec of t, made once.
func codecOf(t reflect.Type) (*codec, error) {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	b := &builder{made: map[reflect.Type]*codec{}}
	c := b.codec(t)
	if b.err != nil {
		return nil, b.err
	}
	codecs.Store(t, c)
	return c, nil
}

// A builder makes the codecs of a type and the types it reaches; a type
// met again while its codec is being made (a cycle) gets that codec,
// filled in later.
type builder struct {
	made map[reflect.Type]*codec
	err  error
}

func (b *builder) codec(t reflect.Type) *codec {
	if c, ok := b.made[t]; ok {
		return c
	}
	c := &codec{min: 1}
	b.made[t] = c
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(e *encoder, p unsafe.Pointer) { e.uint(boolBit(*(*bool)(p))) }
		c.dec = func(d *decoder, p unsafe.Pointer) { *(*bool)(p) = d.uint() != 0 }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc, c.dec = intCodec(t)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.enc, c.dec = uintCodec(t)
	case reflect.Float32:
		c.enc = func(e *encoder, p unsafe.Pointer) { e.uint(uint64(math.Float32bits(*(*float32)(p)))) }
		c.dec = func(d *decoder, p unsafe.Pointer) { *(*float32)(p) = math.Float32frombits(uint32(d.uint())) }
	case reflect.Float64:
		c.enc = func(e *encoder, p unsafe.Pointer) { e.uint(math.Float64bits(*(*float64)(p))) }
		c.dec = func(d *decoder, p unsafe.Pointer) { *(*float64)(p) = math.Float64frombits(d.uint()) }
	case reflect.String:
		c.enc = func(e *encoder, p unsafe.Pointer) { e.str(*(*string)(p)) }
		c.dec = func(d *decoder, p unsafe.Pointer) { *(*string)(p) = d.str() }
	case reflect.Pointer:
		b.pointer(c, t)
	case reflect.Slice:
		b.slice(c, t)
	case reflect.Array:
		b.array(c, t)
	case reflect.Map:
		b.mapping(c, t)
	case reflect.Struct:
		b.structure(c, t)
	default:
		if b.err == nil {
			b.err = fmt.Errorf("snapshot: cannot keep a %s (%s)", t.Kind(), t)
		}
	}
	return c
}

func boolBit(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}

func intCodec(t reflect.Type) (func(*encoder, unsafe.Pointer), func(*decoder, unsafe.Pointer)) {
	switch t.Size() {
	case 1:
		return func(e *encoder, p unsafe.Pointer) { e.int(int64(*(*int8)(p))) },
			func(d *decoder, p unsafe.Pointer) { *(*int8)(p) = int8(d.int()) }
	case 2:
		return func(e *encoder, p unsafe.Pointer) { e.int(int64(*(*int16)(p))) },
			func(d *decoder, p unsafe.Pointer) { *(*int16)(p) = int16(d.int()) }
	case 4:
		return func(e *encoder, p unsafe.Pointer) { e.int(int64(*(*int32)(p))) },
			func(d *decoder, p unsafe.Pointer) { *(*int32)(p) = int32(d.int()) }
	}
	return func(e *encoder, p unsafe.Pointer) { e.int(*(*int64)(p)) },
		func(d *decoder, p unsafe.Pointer) { *(*int64)(p) = d.int() }
}

func uintCodec(t reflect.Type) (func(*encoder, unsafe.Pointer), func(*decoder, unsafe.Pointer)) {
	switch t.Size() {
	case 1:
		return func(e *encoder, p unsafe.Pointer) { e.uint(uint64(*(*uint8)(p))) },
			func(d *decoder, p unsafe.Pointer) { *(*uint8)(p) = uint8(d.uint()) }
	case 2:
		return func(e *encoder, p unsafe.Pointer) { e.uint(uint64(*(*uint16)(p))) },
			func(d *decoder, p unsafe.Pointer) { *(*uint16)(p) = uint16(d.uint()) }
	case 4:
		return func(e *encoder, p unsafe.Pointer) { e.uint(uint64(*(*uint32)(p))) },
			func(d *decoder, p unsafe.Pointer) { *(*uint32)(p) = uint32(d.uint()) }
	}
	return func(e *encoder, p unsafe.Pointer) { e.uint(*(*uint64)(p)) },
		func(d *decoder, p unsafe.Pointer) { *(*uint64)(p) = d.uint() }
}

// pointer: 0 for nil; a pointer met before by its number; a new one by
// the next number and its value. Numbers are given before the value is
// read, so that a value can point back to itself.
func (b *builder) pointer(c *codec, t reflect.Type) {
	elem := t.Elem()
	ec := b.codec(elem)
	c.enc = func(e *encoder, p unsafe.Pointer) {
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			e.uint(0)
			return
		}
		if n, ok := e.ptrs[q]; ok {
			e.uint(n)
			return
		}
		n := uint64(len(e.ptrs) + 1)
		e.ptrs[q] = n
		e.uint(n)
		ec.enc(e, q)
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		n := d.uint()
		switch {
		case d.err != nil || n == 0:
			return
		case n <= uint64(len(d.ptrs)):
			q := d.ptrs[n-1]
			if q.typ != elem {
				d.fail("pointer %d to a %s read as a %s", n, q.typ, elem)
				return
			}
			*(*unsafe.Pointer)(p) = q.p
		case n == uint64(len(d.ptrs))+1:
			q := reflect.New(elem).UnsafePointer()
			d.ptrs = append(d.ptrs, target{q, elem})
			*(*unsafe.Pointer)(p) = q
			ec.dec(d, q)
		default:
			d.fail("pointer number %d out of order", n)
		}
	}
}

// A target is a pointer read, with the type it points to.
type target struct {
	p   unsafe.Pointer
	typ reflect.Type
}

// slice: 0 for nil, else the length plus one, then the elements.
func (b *builder) slice(c *codec, t reflect.Type) {
	elem := t.Elem()
	size := elem.Size()
	if elem.Kind() == reflect.Uint8 {
		c.enc = func(e *encoder, p unsafe.Pointer) {
			s := *(*[]byte)(p)
			if s == nil {
				e.uint(0)
				return
			}
			e.uint(uint64(len(s)) + 1)
			e.bytes(s)
		}
		c.dec = func(d *decoder, p unsafe.Pointer) {
			n, ok := d.length(1)
			if ok {
				*(*[]byte)(p) = []byte(d.take(n))
			}
		}
		return
	}
	ec := b.codec(elem)
	c.enc = func(e *encoder, p unsafe.Pointer) {
		h := (*sliceHeader)(p)
		if h.data == nil {
			e.uint(0)
			return
		}
		e.uint(uint64(h.len) + 1)
		for i := range h.len {
			ec.enc(e, unsafe.Add(h.data, uintptr(i)*size))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		n, ok := d.length(ec.min)
		if !ok {
			return
		}
		s := reflect.MakeSlice(t, n, n)
		data := s.UnsafePointer()
		if n == 0 {
			data = reflect.MakeSlice(t, 0, 1).UnsafePointer() // empty, not nil
		}
		*(*sliceHeader)(p) = sliceHeader{data: data, len: n, cap: n}
		for i := range n {
			ec.dec(d, unsafe.Add(data, uintptr(i)*size))
		}
	}
}

// sliceHeader is how Go lays out a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

func (b *builder) array(c *codec, t reflect.Type) {
	ec := b.codec(t.Elem())
	size, n := t.Elem().Size(), t.Len()
	c.min = n * ec.min
	c.enc = func(e *encoder, p unsafe.Pointer) {
		for i := range n {
			ec.enc(e, unsafe.Add(p, uintptr(i)*size))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		for i := range n {
			ec.dec(d, unsafe.Add(p, uintptr(i)*size))
		}
	}
}

// mapping: 0 for nil, else the length plus one, then keys and values,
// keys in order when they are strings or numbers, so that one graph
// always gives the same bytes.
func (b *builder) mapping(c *codec, t reflect.Type) {
	kc, vc := b.codec(t.Key()), b.codec(t.Elem())
	if b.fastMap(c, t) {
		return
	}
	c.enc = func(e *encoder, p unsafe.Pointer) {
		m := reflect.NewAt(t, p).Elem()
		if m.IsNil() {
			e.uint(0)
			return
		}
		e.uint(uint64(m.Len()) + 1)
		keys := m.MapKeys()
		sortKeys(keys)
		k, v := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		for _, key := range keys {
			k.Set(key)
			v.Set(m.MapIndex(key))
			kc.enc(e, k.Addr().UnsafePointer())
			vc.enc(e, v.Addr().UnsafePointer())
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		n, ok := d.length(kc.min + vc.min)
		if !ok {
			return
		}
		m := reflect.MakeMapWithSize(t, n)
		for range n {
			k, v := reflect.New(t.Key()), reflect.New(t.Elem())
			kc.dec(d, k.UnsafePointer())
			vc.dec(d, v.UnsafePointer())
			if d.err != nil {
				return
			}
			m.SetMapIndex(k.Elem(), v.Elem())
		}
		reflect.NewAt(t, p).Elem().Set(m)
	}
}

// fastMap gives the commonest maps of words codecs without reflection
// per entry: a name index of a thousand articles holds millions of them.
func (b *builder) fastMap(c *codec, t reflect.Type) bool {
	switch t {
	case reflect.TypeFor[map[string]bool]():
		c.enc, c.dec = stringMapCodec(func(e *encoder, v bool) { e.uint(boolBit(v)) }, func(d *decoder) bool { return d.uint() != 0 })
	case reflect.TypeFor[map[string]int]():
		c.enc, c.dec = stringMapCodec(func(e *encoder, v int) { e.int(int64(v)) }, func(d *decoder) int { return int(d.int()) })
	case reflect.TypeFor[map[string]string]():
		c.enc, c.dec = stringMapCodec((*encoder).str, (*decoder).str)
	default:
		return false
	}
	return true
}

func stringMapCodec[V any](put func(*encoder, V), get func(*decoder) V) (func(*encoder, unsafe.Pointer), func(*decoder, unsafe.Pointer)) {
	enc := func(e *encoder, p unsafe.Pointer) {
		m := *(*map[string]V)(p)
		if m == nil {
			e.uint(0)
			return
		}
		e.uint(uint64(len(m)) + 1)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			e.str(k)
			put(e, m[k])
		}
	}
	dec := func(d *decoder, p unsafe.Pointer) {
		n, ok := d.length(2)
		if !ok {
			return
		}
		m := make(map[string]V, n)
		for range n {
			k := d.str()
			v := get(d)
			if d.err != nil {
				return
			}
			m[k] = v
		}
		*(*map[string]V)(p) = m
	}
	return enc, dec
}

func sortKeys(keys []reflect.Value) {
	if len(keys) < 2 {
		return
	}
	switch keys[0].Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Uint() < keys[j].Uint() })
	}
}

func (b *builder) structure(c *codec, t reflect.Type) {
	type field struct {
		offset uintptr
		c      *codec
	}
	var fields []field
	c.min = 0
	for i := range t.NumField() {
		f := t.Field(i)
		if skipped(f.Type) || f.Type.Size() == 0 {
			continue
		}
		fc := b.codec(f.Type)
		fields = append(fields, field{f.Offset, fc})
		c.min += fc.min // a field of a type met again in a cycle counts 1: it is a pointer or a slice
	}
	c.enc = func(e *encoder, p unsafe.Pointer) {
		for _, f := range fields {
			f.c.enc(e, unsafe.Add(p, f.offset))
		}
	}
	c.dec = func(d *decoder, p unsafe.Pointer) {
		for _, f := range fields {
			if d.err != nil {
				return
			}
			f.c.dec(d, unsafe.Add(p, f.offset))
		}
	}
}

type encoder struct {
	w    *bufio.Writer
	ptrs map[unsafe.Pointer]uint64
	buf  [binary.MaxVarintLen64]byte
	err  error
}

func (e *encoder) uint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.write(e.buf[:n])
}

func (e *encoder) int(v int64) {
	n := binary.PutVarint(e.buf[:], v)
	e.write(e.buf[:n])
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) bytes(b []byte) { e.write(b) }

func (e *encoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

type decoder struct {
	data string
	pos  int
	ptrs []target
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("at byte %d: %s", d.pos, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for i := 0; ; i++ {
		if d.pos >= len(d.data) {
			d.fail("the snapshot ends early")
			return 0
		}
		c := d.data[d.pos]
		d.pos++
		if i == binary.MaxVarintLen64-1 && c > 1 {
			d.fail("a number overflows")
			return 0
		}
		if c < 0x80 {
			return v | uint64(c)<<shift
		}
		v |= uint64(c&0x7f) << shift
		shift += 7
	}
}

func (d *decoder) int() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// length reads a length plus one (0: nil), which must leave at least
// minBytes bytes per element in the data (one, when elements may take
// none): a corrupt length cannot make the decoder allocate much more than
// the data could hold.
func (d *decoder) length(minBytes int) (int, bool) {
	n := d.uint()
	if d.err != nil || n == 0 {
		return 0, false
	}
	n--
	if n > uint64(len(d.data)-d.pos)/uint64(max(minBytes, 1)) {
		d.fail("a length of %d is more than is left", n)
		return 0, false
	}
	return int(n), true
}

func (d *decoder) take(n int) string {
	s := d.data[d.pos : d.pos+n]
	d.pos += n
	return s
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.data)-d.pos) {
		d.fail("a string of %d bytes is more than is left", n)
		return ""
	}
	return d.take(int(n))
}
