package adapter

import "sync"

// Recent is a bounded set of the last ids seen, to drop an update or an
// interaction delivered twice. When full, the oldest id is forgotten. It
// is safe for concurrent use.
type Recent[K comparable] struct {
	mu   sync.Mutex
	slot map[K]int // id -> its slot in ring
	ring []K
	used []bool // whether a slot holds an id
	next int    // the slot the next id takes
}

// NewRecent remembers up to size ids (at least 1).
func NewRecent[K comparable](size int) *Recent[K] {
	size = max(size, 1)
	return &Recent[K]{slot: make(map[K]int, size), ring: make([]K, size), used: make([]bool, size)}
}

// Add remembers id and reports whether it is new.
func (r *Recent[K]) Add(id K) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, seen := r.slot[id]; seen {
		return false
	}
	if r.used[r.next] {
		old := r.ring[r.next]
		if r.slot[old] == r.next {
			delete(r.slot, old)
		}
	}
	r.ring[r.next], r.used[r.next] = id, true
	r.slot[id] = r.next
	r.next = (r.next + 1) % len(r.ring)
	return true
}

// Forget drops id, so that the same id delivered again is taken: for an
// update turned away because the queue was full, which the platform will
// send again.
func (r *Recent[K]) Forget(id K) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if i, ok := r.slot[id]; ok {
		delete(r.slot, id)
		r.used[i] = false
	}
}
