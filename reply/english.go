package reply

import (
	"fmt"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// The phrases below are the English-only forms that package answer
// still calls while it moves to Say; each is In(lang.En)'s, or the
// English wording it had.

var english = In(lang.En)

// Seats renders "1 seat", "22 seats".
func Seats(n int) string { return english.Seats(n) }

// Previous names the previous election for "since 2012" phrases.
func Previous(e *knowledge.Election) string {
	if y := PreviousYear(e); y != "" {
		return y
	}
	return "the previous election"
}

// Result summarises a contestant's result in English.
func Result(e *knowledge.Election, c *knowledge.Contestant) string { return english.Result(e, c) }

// NoSeats is Say.NoSeats in English.
func NoSeats(e *knowledge.Election, k *knowledge.Contestant) string { return english.NoSeats(e, k) }

// PollLine is Say.PollLine in English.
func PollLine(p *knowledge.Poll) string { return english.PollLine(p) }

// NotInArticle is Say.NotInArticle in English.
func NotInArticle(e *knowledge.Election, why string) Response { return english.NotInArticle(e, why) }

// NotLoaded is Say.NotLoaded in English.
func NotLoaded(es []*knowledge.Election, missing, sel string) Response {
	return english.NotLoaded(es, missing, sel)
}

// NothingLoaded is Say.NothingLoaded in English.
func NothingLoaded() Response { return english.NothingLoaded() }

// Invalid is a reply to a malformed request, worded in English by the
// caller.
func Invalid(format string, args ...any) Response {
	return Response{Text: fmt.Sprintf(format, args...), Ephemeral: true, Outcome: UserError}
}

// Apology is Say.Apology in English.
func Apology() Response { return english.Apology() }

// ExampleQuestion is Say.ExampleQuestion in English.
func ExampleQuestion(es []*knowledge.Election) string { return english.ExampleQuestion(es) }
