package main

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// holdings counts what an election's article gives that commands answer
// from: a small edit (a table row cut, an infobox field renamed) can
// drop some of it while the article still parses.
type holdings struct {
	seats   int // contestants with seats, and the seats up for election
	results int // contestants with votes or a share of the vote
	lists   int // contestants with a ballot number
	polls   int
}

func holdingsOf(e *knowledge.Election) holdings {
	var h holdings
	if e.Seats != nil {
		h.seats++
	}
	for _, c := range e.Contestants {
		if c.Seats != nil {
			h.seats++
		}
		if c.Votes != nil || c.Share != nil {
			h.results++
		}
		if c.Ballot > 0 {
			h.lists++
		}
	}
	h.polls = len(e.Polls)
	return h
}

// A loss is what a reload would take away from one election.
type loss struct {
	election string
	what     string // "seats 9 → 0, lists 23 → 20"
}

// losses compares the elections before and after a reload and reports,
// per election still there, what it would have fewer of, and the
// elections that would be gone. A reload goes ahead all the same (the
// edit may be meant), but the operator is told.
func losses(before, after []*knowledge.Election) []loss {
	now := map[string]*knowledge.Election{}
	for _, e := range after {
		now[e.ID] = e
	}
	var out []loss
	for _, old := range before {
		e, ok := now[old.ID]
		if !ok {
			out = append(out, loss{election: old.ID, what: "the whole election (its article is gone)"})
			continue
		}
		o, n := holdingsOf(old), holdingsOf(e)
		var lost []string
		for _, f := range []struct {
			name     string
			was, now int
		}{
			{"seats", o.seats, n.seats},
			{"results", o.results, n.results},
			{"lists", o.lists, n.lists},
			{"polls", o.polls, n.polls},
		} {
			if f.now < f.was {
				lost = append(lost, fmt.Sprintf("%s %d → %d", f.name, f.was, f.now))
			}
		}
		if len(lost) > 0 {
			out = append(out, loss{election: old.ID, what: strings.Join(lost, ", ")})
		}
	}
	return out
}
