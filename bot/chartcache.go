package bot

import (
	"container/list"
	"sync"
)

// DefaultChartCacheBytes is how many bytes of drawn charts the engine
// keeps when WithChartCache does not say: some seven hundred charts of
// 1200×700 (a seat chart is 40-100 KB of PNG).
const DefaultChartCacheBytes = 48 << 20

// A chartCache keeps the charts the engine has drawn for one library, by
// a key naming what they show (the election, the chart, its options and
// language), so that a burst of /seats draws once: drawing and encoding a
// chart takes milliseconds, sending the bytes microseconds. The least
// recently used charts go first once they hold more than max bytes. A
// request for a chart being drawn waits for that drawing rather than
// starting another. A reload swaps in a new library and with it an empty
// cache. It is safe for concurrent use.
type chartCache struct {
	max int64

	mu    sync.Mutex
	size  int64
	lru   *list.List // of *chartEntry, most recently used first
	items map[string]*chartEntry
}

// A chartEntry is one chart, drawn or being drawn.
type chartEntry struct {
	key  string
	once sync.Once
	png  []byte
	err  error
	elem *list.Element // nil until drawn, and once evicted
}

func newChartCache(max int64) *chartCache {
	return &chartCache{max: max, lru: list.New(), items: map[string]*chartEntry{}}
}

// get returns the chart for key, drawing it with draw the first time. A
// chart that fails to draw, or whose drawing panics, is not kept: the
// next request tries again (the panic goes on to the front door; requests
// that waited for that drawing go without a chart).
func (c *chartCache) get(key string, draw func() ([]byte, error)) ([]byte, error) {
	c.mu.Lock()
	en, ok := c.items[key]
	if ok && en.elem != nil {
		c.lru.MoveToFront(en.elem)
	}
	if !ok {
		en = &chartEntry{key: key}
		c.items[key] = en
	}
	c.mu.Unlock()

	en.once.Do(func() {
		finished := false
		defer func() {
			if !finished {
				c.forget(en)
			}
		}()
		en.png, en.err = draw()
		finished = true
		c.drawn(en)
	})
	return en.png, en.err
}

// drawn files a chart just drawn, or forgets one that failed, and makes
// room.
func (c *chartCache) drawn(en *chartEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if en.err != nil || len(en.png) == 0 || int64(len(en.png)) > c.max {
		if c.items[en.key] == en {
			delete(c.items, en.key)
		}
		return
	}
	en.elem = c.lru.PushFront(en)
	c.size += int64(len(en.png))
	for c.size > c.max {
		last := c.lru.Back()
		old := last.Value.(*chartEntry)
		c.lru.Remove(last)
		old.elem = nil
		delete(c.items, old.key)
		c.size -= int64(len(old.png))
	}
}

// forget drops a chart whose drawing panicked.
func (c *chartCache) forget(en *chartEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items[en.key] == en {
		delete(c.items, en.key)
	}
}

// stats returns the number of charts kept and their bytes.
func (c *chartCache) stats() (charts int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.size
}
