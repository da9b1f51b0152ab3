package bot

import "github.com/electionbot/electionbot/reply"

// The answer model lives in package reply, which the question answerer
// shares; these names keep the engine's API whole for the adapters.
type (
	// A Response is one answer, independent of any platform.
	Response = reply.Response
	// A Field is one name/value line of an answer.
	Field = reply.Field
	// A Passage is a piece of article text with marked spans.
	Passage = reply.Passage
	// A Span is a run of text, marked when it matched the query.
	Span = reply.Span
	// An Image is a PNG picture with a file name and a text alternative.
	Image = reply.Image
	// A Button is a pagination control.
	Button = reply.Button
	// A Source names where an answer comes from.
	Source = reply.Source
	// A Link is one article's address in an answer from several.
	Link = reply.Link
	// Outcome classifies a response.
	Outcome = reply.Outcome
)

// The outcomes of a request.
const (
	Answered      = reply.Answered
	Refused       = reply.Refused
	UserError     = reply.UserError
	InternalError = reply.InternalError
)

// MaxButtonData is the longest Button.Data the engine produces.
const MaxButtonData = reply.MaxButtonData
