package adapter

import (
	"context"
	"testing"
)

func TestGate(t *testing.T) {
	var g Gate
	if !g.Enter() {
		t.Fatal("Enter on an open gate = false")
	}
	g.Extend() // a follow-up of the admitted work
	closed := make(chan error, 1)
	go func() { closed <- g.Close(context.Background()) }()
	// Close must not return while work is in flight, and must refuse more.
	for !g.Closed() {
	}
	if g.Enter() {
		t.Error("Enter on a closing gate = true")
	}
	select {
	case <-closed:
		t.Fatal("Close returned with work in flight")
	default:
	}
	g.Leave()
	g.Leave()
	if err := <-closed; err != nil {
		t.Errorf("Close = %v; want nil", err)
	}
}

func TestGateCloseGivesUp(t *testing.T) {
	var g Gate
	g.Enter()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.Close(ctx); err != context.Canceled {
		t.Errorf("Close(cancelled ctx) = %v; want context.Canceled", err)
	}
	g.Leave()
}
