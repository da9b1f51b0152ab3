// Package answer answers questions in plain words about the loaded
// elections: it finds the election, the parties and the thing asked
// (intent.go holds the words that recognise each intent, facts.go the
// order in which intents are tried), answers from the knowledge model
// when it can, quotes the article's best passage when it cannot, and
// otherwise says plainly that the article does not hold the answer. The
// engine calls it through its own Answerer interface; cmd/electionbot
// wires the two together.
package answer

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// An Answerer answers questions about one set of loaded elections. It
// prepares what it needs from each election (the passages' word stems)
// once, when it is made; it is safe for concurrent use.
type Answerer struct {
	elections []*knowledge.Election
	search    Searcher
	log       *slog.Logger
	corpora   map[*knowledge.Election]*corpus
}

// A Searcher finds the passages of one election's article (by
// Election.ID) that best match a text, best first: the search index,
// which knows typos and word forms. With a Searcher the answerer scores
// only those passages; without one, every passage of the article.
type Searcher interface {
	Passages(ctx context.Context, election, text string, limit int) ([]knowledge.Passage, error)
}

// New prepares an Answerer for elections, newest first. search may be nil
// (no index), and so may log (nothing logged): the answerer logs only a
// search that failed, after which it scores every passage.
func New(elections []*knowledge.Election, search Searcher, log *slog.Logger) *Answerer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Answerer{elections: elections, search: search, log: log, corpora: map[*knowledge.Election]*corpus{}}
	for _, e := range elections {
		if e.Article != nil {
			a.corpora[e] = newCorpus(e)
		}
	}
	return a
}

// question is a free-text question on its way through the answerer.
type question struct {
	text  string
	toks  []string // folded tokens
	in    intent
	e     *knowledge.Election
	ents  []*knowledge.Contestant
	polls []*knowledge.Poll // polls whose pollster the question names
	// prevYear is the previous election's year when the question names it
	// ("in 2012"), which turns seats into previous seats.
	prevYear string
	// otherYear is a year the question names that no loaded election is
	// from: fine in "governed since 2004", not in "turnout in 2010".
	otherYear string
	// unlisted holds the names of a well-known party the question names
	// that no list of this election goes by, the user's word first.
	unlisted []string
	// mustHave are word beginnings one of which a quoted passage must
	// hold, when the structured answer was set aside for a qualifier.
	mustHave []string
	// otherKind is a kind of election the question names that the
	// article's is not ("parliamentary").
	otherKind string
	// fallback is set when a structured refusal may still be answered by a
	// passage (a mayor elected in the prose, not the infobox).
	fallback bool
}

// Answer answers a question in plain words: the election, the entities
// and the attribute asked; a structured answer from the model; else the
// best passage; else a plain "not in the article".
func (a *Answerer) Answer(ctx context.Context, text string) reply.Response {
	text = strings.TrimSpace(text)
	if text == "" || len(knowledge.Tokens(text)) == 0 {
		return reply.Invalid("Ask me a question about the election, like \"%s\", or send /help for the commands.", reply.ExampleQuestion(a.elections))
	}
	if isGreeting(text) {
		return reply.Response{Text: fmt.Sprintf("Hello! Ask me about the election in plain words, like \"Who won?\" or \"%s\", or send /help for the commands.", reply.ExampleQuestion(a.elections)), Outcome: reply.Answered}
	}
	if len(a.elections) == 0 {
		return reply.NothingLoaded()
	}
	q := &question{text: text, toks: knowledge.FoldTokens(text)}
	if r, done := a.questionElection(q); done {
		return r
	}
	q.in = detect(q.toks)
	if strings.Contains(text, "%") {
		q.in.scores[attrShare] = max(q.in.scores[attrShare], 3)
	}
	q.in.months = knowledge.Months(text)
	if officeNamed(q.e, q.toks) {
		q.in.scores[attrMayor] = max(q.in.scores[attrMayor], 5)
	}
	if unknown := unknownNames(q.e, text); unknown != "" {
		return reply.Refusal(q.e, fmt.Sprintf("I couldn't find anything about %s in the %s article, so I can't answer that.", unknown, q.e.Title))
	}
	ms := q.e.Resolve(text)
	q.ents = linkedContestants(q.e, text, ms)
	if names, start, end, ok := q.e.Unlisted(text, ms); ok {
		q.unlisted = names
		q.ents = withoutSpan(ms, q.ents, start, end)
	}
	q.polls = q.e.PollsBy(text)
	if len(q.polls) > 0 {
		q.in.scores[attrPolls] = max(q.in.scores[attrPolls], 4)
	}
	if len(q.unlisted) > 0 && len(q.ents) == 0 {
		// A party none of the election's lists is known by: only a passage
		// that names it can say anything about it.
		if p := a.retrieve(ctx, q); p.Outcome == reply.Answered && namesAlone(p.Text, q.unlisted) {
			return p
		}
		return reply.Refusal(q.e, fmt.Sprintf("I couldn't find that in the article: none of the lists of the %s goes by %s.", q.e.Title, q.unlisted[0]))
	}
	if r, ok := a.structured(q); ok {
		if r.Outcome == reply.Refused && q.fallback {
			if p := a.retrieve(ctx, q); p.Outcome == reply.Answered {
				return p
			}
		}
		return r
	}
	r := a.retrieve(ctx, q)
	if q.otherKind != "" && (r.Outcome != reply.Answered || !namesKind(knowledge.FoldTokens(r.Text), q.otherKind)) {
		return reply.NotInArticle(q.e, fmt.Sprintf("the article is about the %s, not the %s election.", q.e.Title, q.otherKind))
	}
	return r
}

// questionElection picks the election a question is about. A year that is
// the previous election of the chosen one is kept as "previous"; a year or
// place that no loaded article covers ends the answer.
func (a *Answerer) questionElection(q *question) (reply.Response, bool) {
	es := a.elections
	e, _, missing := knowledge.ElectionIn(es, q.text)
	if missing != "" {
		y, _ := strconv.Atoi(missing)
		base := e
		if base == nil {
			base = es[0]
		}
		q.e = base
		if base.Previous != nil {
			if py, ok := knowledge.YearIn(base.Previous.Text); ok && py == y {
				q.prevYear = missing
				return reply.Response{}, false
			}
		}
		q.otherYear = missing
		return reply.Response{}, false
	}
	if e == nil {
		e = es[0]
	}
	q.e = e
	return reply.Response{}, false
}

// linkedContestants returns the contestants a question names, best first:
// the clear best match, and others named by other words of the question
// ("SNS or DS?"), never two readings of the same words.
func linkedContestants(e *knowledge.Election, text string, ms []knowledge.Match) []*knowledge.Contestant {
	ballot := explicitBallot(e, text)
	if len(ms) == 0 || ms[0].Score < 5 || (!ms[0].Exact && ms[0].Score < 6) {
		return ballot
	}
	if len(ms) > 1 && !ms[0].Exact && ms[1].Score > ms[0].Score*0.8 {
		return ballot // two names match about equally and neither exactly: don't guess
	}
	out := []*knowledge.Contestant{ms[0].Contestant}
	taken := []knowledge.Match{ms[0]}
	for _, m := range ms[1:] {
		if len(out) == 4 || !m.Exact || m.Score < 7 || m.Score < ms[0].Score*0.5 {
			continue
		}
		overlaps := false
		for _, t := range taken {
			overlaps = overlaps || (m.Start < t.End && t.Start < m.End)
		}
		if !overlaps {
			out = append(out, m.Contestant)
			taken = append(taken, m)
		}
	}
	if len(ballot) > 0 && ballot[0] != out[0] {
		out = append(ballot, out...)
	}
	return out
}

// explicitBallot finds "list 8", "lista 8", "list no. 8", "#8".
func explicitBallot(e *knowledge.Election, text string) []*knowledge.Contestant {
	toks := knowledge.FoldTokens(text)
	for i, t := range toks {
		if t != "list" && t != "lista" && t != "listi" && t != "ballot" && t != "number" && t != "broj" {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+2; j++ {
			if n, err := strconv.Atoi(toks[j]); err == nil {
				if k := e.ContestantByBallot(n); k != nil {
					return []*knowledge.Contestant{k}
				}
			}
			if toks[j] != "no" && toks[j] != "number" {
				break
			}
		}
	}
	return nil
}

// isGreeting reports a message that only greets or thanks.
func isGreeting(text string) bool {
	toks := knowledge.FoldTokens(text)
	if len(toks) == 0 || len(toks) > 3 {
		return false
	}
	for _, t := range toks {
		if !greetings[t] {
			return false
		}
	}
	return true
}

var greetings = wordSet(`hi hello hey hiya yo thanks thank you thx ty cheers bye good morning evening day
zdravo cao pozdrav hvala puno dobar dan vece jutro`)

// withoutSpan drops linked contestants that only matched, inexactly, the
// words naming an unlisted party.
func withoutSpan(ms []knowledge.Match, ents []*knowledge.Contestant, start, end int) []*knowledge.Contestant {
	keep := map[*knowledge.Contestant]bool{}
	for _, m := range ms {
		if m.Exact && !(m.Start < end && start < m.End) {
			keep[m.Contestant] = true
		}
	}
	var out []*knowledge.Contestant
	for _, k := range ents {
		if keep[k] {
			out = append(out, k)
		}
	}
	return out
}

// namesAlone reports whether text names a party by one of its names
// itself, not as the start of a longer name ("Democratic Party," but not
// "Democratic Party of Socialists").
func namesAlone(text string, names []string) bool {
	t := knowledge.FoldTokens(text)
	for _, name := range names {
		n := knowledge.FoldTokens(name)
		for i := 0; len(n) > 0 && i+len(n) <= len(t); i++ {
			match := true
			for k := range n {
				match = match && t[i+k] == n[k]
			}
			if match && (i+len(n) == len(t) || (t[i+len(n)] != "of" && t[i+len(n)] != "for")) {
				return true
			}
		}
	}
	return false
}

// officeNamed reports whether a question names the infobox's office by its
// own title ("president of the municipality"), not only as "mayor".
func officeNamed(e *knowledge.Election, toks []string) bool {
	if e.Office == "" {
		return false
	}
	place := map[string]bool{}
	for _, t := range knowledge.FoldTokens(e.Place) {
		place[t] = true
	}
	n := 0
	for _, t := range knowledge.FoldTokens(e.Office) {
		if stopwords[t] || place[t] || knowledge.GenericPlaceWord(t) || len(t) < 4 {
			continue
		}
		if !phraseIn(toks, []string{t}, false) {
			return false
		}
		n++
	}
	return n > 0
}
