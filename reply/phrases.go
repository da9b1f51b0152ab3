package reply

import (
	"fmt"
	"sort"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// Answer is a short answer from the article: text, and the sections it
// comes from.
func Answer(e *knowledge.Election, text string, sections ...string) Response {
	return Response{Text: text, Source: Source{Election: e.Title, Section: Sections(sections...)}, Outcome: Answered}
}

// Refusal is the plain answer when the article does not hold what was
// asked; e may be nil when no election is in question.
func Refusal(e *knowledge.Election, text string) Response {
	r := Response{Text: text, Outcome: Refused}
	if e != nil {
		r.Source = Source{Election: e.Title}
	}
	return r
}

// NotInArticle phrases a refusal: "I couldn't find that in the article: "
// and why, when there is more to say.
func NotInArticle(e *knowledge.Election, why string) Response {
	text := "I couldn't find that in the article"
	if why != "" {
		text += ": " + why
	} else {
		text += "."
	}
	return Refusal(e, text)
}

// NotLoaded answers a request about an election the bot has no article
// about: a year ("2018"), or sel, what the user typed as the election.
func NotLoaded(es []*knowledge.Election, missing, sel string) Response {
	what := missing
	if what == "" {
		what = sel
	}
	about := "an election matching " + Quote(what)
	if _, ok := knowledge.Year(what); ok {
		about = "the " + what + " election"
	}
	return Response{
		Text:    fmt.Sprintf("I have no article about %s loaded, so I can't answer that. Loaded: %s.", about, ElectionNames(es)),
		Outcome: Refused,
	}
}

// NothingLoaded is the answer when no election articles are loaded.
func NothingLoaded() Response {
	return Response{Text: "No election articles are loaded, so I have nothing to answer from.", Outcome: Refused}
}

// Invalid is a helpful reply to a malformed request, seen only by the
// asker: what was wrong and how to ask instead.
func Invalid(format string, args ...any) Response {
	return Response{Text: fmt.Sprintf(format, args...), Ephemeral: true, Outcome: UserError}
}

// Apology is the answer when something broke inside the bot; it says
// nothing about the cause.
func Apology() Response {
	return Response{
		Text:      "Sorry, something went wrong while answering that. Please try again, or ask in other words.",
		Ephemeral: true,
		Outcome:   InternalError,
	}
}

// ExampleQuestion is a question the newest loaded election can answer,
// naming one of its lists the way people do.
func ExampleQuestion(es []*knowledge.Election) string {
	for _, e := range es {
		for _, k := range e.Contestants {
			name := k.Name
			if len(k.Abbrevs) > 0 {
				name = k.Abbrevs[0]
			}
			if len([]rune(name)) <= 30 {
				return "How many seats did the " + name + " win?"
			}
		}
	}
	return "Who won?"
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
