package reply

import (
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// Answer is a short answer from the article: text, and the sections it
// comes from.
func Answer(e *knowledge.Election, text string, sections ...string) Response {
	return Response{Text: text, Source: SourceOf(e, sections...), Outcome: Answered}
}

// Refusal is the plain answer when the article does not hold what was
// asked; e may be nil when no election is in question.
func Refusal(e *knowledge.Election, text string) Response {
	r := Response{Text: text, Outcome: Refused}
	if e != nil {
		r.Source = SourceOf(e)
	}
	return r
}

// ElectionNames lists the elections' titles for a reply, sorted.
func ElectionNames(es []*knowledge.Election) string {
	names := make([]string, 0, len(es))
	for _, e := range es {
		names = append(names, e.Title)
	}
	sort.Strings(names)
	return strings.Join(names, "; ")
}
