// Package answer answers questions in plain words about the loaded
// elections. It reads a question once (question.go: the election, the
// parties and pollsters named, the intents cued by intent.go's words),
// routes it by a table of named rules (route.go) to the one function that
// answers its intent from the knowledge model (election.go, party.go,
// polls.go), quotes the article's best passage when the model cannot
// (retrieve.go), and otherwise says plainly that the article does not hold
// the answer. The engine calls it through its own Answerer interface;
// internal/wire joins the two.
package answer

import (
	"context"
	"log/slog"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// An Answerer answers questions about one set of loaded elections. It
// prepares what it needs from each election (the passages' word stems)
// once, the first time a question is about that election, so that
// loading a thousand elections does not wait for it; it is safe for
// concurrent use.
type Answerer struct {
	elections []*knowledge.Election
	finder    *knowledge.Finder
	search    Searcher
	log       *slog.Logger
	corpora   map[*knowledge.Election]*lazyCorpus
	// histories follow the parties of each place's elections (across.go).
	histories []*knowledge.History
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
	return NewWithHistories(elections, knowledge.Histories(elections), search, log)
}

// NewWithHistories is New with the elections' histories
// (knowledge.Histories) already made, as the engine makes them once for
// itself and the answerer.
func NewWithHistories(elections []*knowledge.Election, histories []*knowledge.History, search Searcher, log *slog.Logger) *Answerer {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Answerer{elections: elections, finder: knowledge.NewFinder(elections), search: search, log: log, corpora: map[*knowledge.Election]*lazyCorpus{},
		histories: histories}
	for _, e := range elections {
		if e.Article != nil {
			a.corpora[e] = &lazyCorpus{}
		}
	}
	return a
}

// Answer answers a question in plain words, in l: the election, the
// entities and the intent asked; a structured answer from the model; else
// the best passage; else a plain "not in the article".
func (a *Answerer) Answer(ctx context.Context, text string, l lang.Lang) reply.Response {
	r := a.answer(ctx, text, l)
	r.Lang = l
	return r
}

func (a *Answerer) answer(ctx context.Context, text string, l lang.Lang) reply.Response {
	text = strings.TrimSpace(text)
	if r, ok := a.notAQuestion(text, reply.In(l)); ok {
		return r
	}
	q := a.analyse(text, l)
	if unknown := unknownNames(q.e, text); unknown != "" && q.across == nil {
		if r, ok := a.siblingPassage(ctx, q); ok {
			return r
		}
		return q.say.Refusal(q.e, q.say.T(lang.NothingAbout, unknown, q.e.Title))
	}
	if len(q.unlisted) > 0 && len(q.ents) == 0 && q.across == nil && (!referendum(q.e) || q.stance != noStance) {
		return a.unlistedParty(ctx, q)
	}
	if r, ok := a.structured(q); ok {
		return a.unlessBetterPassage(ctx, q, a.unlessPassage(ctx, q, r))
	}
	return a.passage(ctx, q)
}

// minOverrule is how much of a question a passage must cover to be
// quoted instead of a structured answer that misses some of its words.
const minOverrule = 0.8

// unlessBetterPassage keeps a structured answer unless the question has
// words of the article's that the answer does not speak to and one
// passage holds them all and covers the question well: "How many
// signatures were needed to call the referendum?" is not the
// referendum's requirement, "When was the threshold lowered?" not the
// threshold, "Who formed the majority?" not the size of a majority.
func (a *Answerer) unlessBetterPassage(ctx context.Context, q *question, r reply.Response) reply.Response {
	if r.Outcome != reply.Answered || q.e.Article == nil || q.across != nil || q.settled {
		return r
	}
	var missed []string
	answered := map[string]bool{}
	for _, t := range knowledge.Phrases(knowledge.FoldTokens(r.Text)) {
		answered[knowledge.Term(t)] = true
	}
	corp := a.corpus(q.e)
	// Words the article uses in the question's sense, as phrases too:
	// "miss" the threshold is "fell below" it.
	uses := func(t string) bool { return corp.df[knowledge.Term(t)] > 0 }
	for _, t := range leftoverBy(q, uses) {
		if !answered[knowledge.Term(t)] && !numberWord[t] && !isOptionWord(t) {
			missed = append(missed, knowledge.Term(t))
		}
	}
	if len(missed) == 0 {
		return r
	}
	qy := newQuery(corp, q)
	best := qy.rank(a.candidates(ctx, q, corp))
	if len(best) == 0 || best[0].coverage < minOverrule || !hasAll(best[0].p, missed) {
		return r
	}
	return quote(q.say, q.e, best, q.in.who)
}

// referendum reports an article about a referendum, where no list stood.
func referendum(e *knowledge.Election) bool {
	m := e.MainContest()
	return m != nil && m.Kind == knowledge.ContestReferendum
}

// notAQuestion answers messages that ask nothing: empty ones, greetings,
// and any message when no article is loaded.
func (a *Answerer) notAQuestion(text string, s reply.Say) (reply.Response, bool) {
	switch {
	case text == "" || len(knowledge.Tokens(text)) == 0:
		return s.Invalid(lang.AskSomething, s.ExampleQuestion(a.elections)), true
	case isGreeting(text):
		return reply.Response{Text: s.T(lang.Hello, s.ExampleQuestion(a.elections)), Outcome: reply.Answered, Lang: s.Lang}, true
	case len(a.elections) == 0:
		return s.NothingLoaded(), true
	}
	return reply.Response{}, false
}

// siblingPassage answers from a passage of another election of the same
// place a question that names no election and names what the newest
// article never mentions ("When did Pavlović leave the Democratic
// Party?", told in the 2016 article of a series whose newest is 2020).
func (a *Answerer) siblingPassage(ctx context.Context, q *question) (reply.Response, bool) {
	h := knowledge.HistoryOf(a.histories, q.e)
	if h == nil || len(h.Elections) < 2 {
		return reply.Response{}, false
	}
	if e, _, missing := knowledge.ElectionIn(a.elections, q.text); e != nil || missing != "" {
		return reply.Response{}, false // the question names its election
	}
	for i := len(h.Elections) - 1; i >= 0; i-- {
		e := h.Elections[i]
		if e == q.e || e.Article == nil || unknownNames(e, q.text) != "" {
			continue
		}
		other := *q
		other.e, other.ents = e, nil
		if r := a.retrieve(ctx, &other); r.Outcome == reply.Answered {
			return r, true
		}
	}
	return reply.Response{}, false
}

// minUnlisted is how much of a question about a party no list goes by a
// passage that names the party must cover: the name is a strong anchor,
// and the question's other words are often the user's ("Did the DS take
// part?" of "the DS boycotted the election").
const minUnlisted = 0.5

// unlistedParty answers about a party none of the election's lists is
// known by: only a passage that names it can say anything about it.
func (a *Answerer) unlistedParty(ctx context.Context, q *question) reply.Response {
	if e := q.e; e.Article != nil {
		corp := a.corpus(e)
		qy := newQuery(corp, q)
		if q.ent == attrShare || q.ent == attrVotes || q.ent == attrSeats {
			// A figure of the party is in a passage with a number, or in
			// none: "he was of the DS" gives no share of the vote.
			qy.needNumber = true
		}
		// Seats are a number of seats: "won 55.56% and became mayor"
		// gives none.
		if q.ent == attrSeats {
			qy.countOf = []string{knowledge.Term("seat"), knowledge.Term("seats"), knowledge.Term("mandate"), knowledge.Term("mandata")}
		}
		// A name of the party that a list of this article goes by is that
		// list's: the Serb Democratic Party (SDS) is not the Social
		// Democratic Party (SDS).
		var own []string
		for _, n := range q.unlisted {
			if len(strings.Fields(n)) > 1 || !goesBy(e, n) {
				own = append(own, n)
			}
		}
		for _, s := range qy.rank(a.candidates(ctx, q, corp)) {
			if s.coverage >= minUnlisted && namesAlone(s.p.Text, own) {
				return quote(q.say, e, []scored{s}, q.in.who)
			}
		}
	}
	return q.say.NotInArticle(q.e, q.say.T(lang.NoListGoesBy, q.e.Title, q.unlisted[0]))
}

// goesBy reports whether a contestant of any contest of e goes by name
// (folded), as one of its names or abbreviations.
func goesBy(e *knowledge.Election, name string) bool {
	f := knowledge.Fold(name)
	for _, ct := range e.Contests {
		for _, c := range ct.Contestants {
			for _, n := range append(c.Names(), c.Abbrevs...) {
				if knowledge.Fold(n) == f {
					return true
				}
			}
		}
	}
	return false
}

// unlessPassage keeps a structured answer, unless it refuses what a
// passage may still answer (a mayor elected in the prose, not the
// infobox) and a passage does.
func (a *Answerer) unlessPassage(ctx context.Context, q *question, r reply.Response) reply.Response {
	if r.Outcome == reply.Refused && q.fallback {
		if p := a.retrieve(ctx, q); p.Outcome == reply.Answered {
			return p
		}
	}
	return r
}

// passage answers from the article's text what the model cannot. About
// another kind of election, only a passage that names it will do.
func (a *Answerer) passage(ctx context.Context, q *question) reply.Response {
	r := a.retrieve(ctx, q)
	if q.otherKind != "" && (r.Outcome != reply.Answered || !namesKind(knowledge.FoldTokens(r.Text), q.otherKind)) {
		return q.say.NotInArticle(q.e, q.say.T(lang.OtherKind, q.e.Title, q.otherKind))
	}
	if y := q.otherYear + q.prevYear; y != "" && r.Outcome != reply.Answered && (q.ent != attrNone || q.el != attrNone) {
		// No passage tells of that year: its figures are another
		// article's.
		return q.say.NotLoaded(a.elections, y, "")
	}
	if q.rule && q.el == attrTurnout {
		// "Was the turnout requirement met in the second round?": the
		// rule, and the round's turnout to judge it by.
		return withTurnout(q, r)
	}
	if q.place != "" && r.Outcome != reply.Answered {
		return q.say.NotInArticle(q.e, q.say.T(lang.PlaceAloneNoFigures, q.place))
	}
	if q.person != "" {
		return personRefusal(q, r)
	}
	return r
}

// withTurnout adds the turnout of the round asked to a passage that states
// a rule, or gives it alone when no passage does.
func withTurnout(q *question, r reply.Response) reply.Response {
	t := roundFactAnswer(q, roundFacts[attrTurnout])
	switch {
	case t.Outcome != reply.Answered:
		return r
	case r.Outcome != reply.Answered:
		return t
	}
	r.Text += "\n" + t.Text
	r.Source.Section = reply.Sections(r.Source.Section, t.Source.Section)
	return r
}

// personRefusal says that the article gives no figures of their own for a
// person who is no candidate with a result, and quotes what the best
// passage about them says.
func personRefusal(q *question, r reply.Response) reply.Response {
	text := q.say.T(lang.PersonNoResult, q.person)
	if r.Outcome == reply.Answered && containsPhrase(r.Text, q.person) {
		text += " " + q.say.T(lang.PersonWhatItSays, reply.Clip(r.Text, 300))
	}
	out := q.say.Refusal(q.e, text)
	out.Source = reply.SourceOf(q.e, r.Source.Section)
	return out
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
