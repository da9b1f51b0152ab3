package bot

import (
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// RateLimited is the reply, in l, to a request over an adapter's rate
// limit (see bot/adapter).
func RateLimited(l lang.Lang) Response {
	return Response{Text: l.T(lang.RateLimited), Ephemeral: true, Outcome: UserError, Lang: l}.Scripted()
}

// ApologyIn is Apology in l, for adapters that know the asker's
// language.
func ApologyIn(l lang.Lang) Response { return reply.In(l).Apology() }
