package adapter

import (
	"context"
	"sync"
)

// A Gate admits work until it is closed, so that an adapter's shutdown can
// stop taking new messages and wait for those being answered. The zero
// value is open. It is safe for concurrent use.
type Gate struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// Enter admits one piece of work and reports true, or reports false once
// the gate is closed. Every admitted piece calls Leave when done.
func (g *Gate) Enter() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false
	}
	g.wg.Add(1)
	return true
}

// Extend admits follow-up work of a piece already admitted (an answer
// still to be edited into a deferred reply), even while closing. It must
// be called before that piece Leaves; the follow-up calls Leave too.
func (g *Gate) Extend() { g.wg.Add(1) }

// Leave marks one admitted piece of work done.
func (g *Gate) Leave() { g.wg.Done() }

// Closed reports whether the gate takes no more work.
func (g *Gate) Closed() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.closed
}

// Close stops admitting work and waits for the work in flight, or until
// ctx ends, when it returns ctx's error.
func (g *Gate) Close(ctx context.Context) error {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	done := make(chan struct{})
	go func() {
		g.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
