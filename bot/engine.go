// Package bot is electionbot's platform-neutral engine: a Request comes in,
// a Response goes out. It owns the front door (door.go), the command table
// that adapters and /help read (registry.go), the command handlers and
// their argument validation. It knows nothing of bleve, Discord or
// Telegram, nor how a question in plain words is answered: it declares the
// small interfaces it needs (Answerer, Searcher, Charter) and is handed
// implementations (see internal/wire).
package bot

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// A Library is the data the engine answers from: the loaded elections,
// newest first, and a searcher over their text. The engine swaps whole
// libraries atomically on reload.
type Library struct {
	Elections []*knowledge.Election
	Searcher  Searcher

	historiesOnce sync.Once
	histories     []*knowledge.History
}

// Histories follows each place's parties across its elections: made once
// for the library, the first time the engine or the answerer asks, unless
// WithHistories gave them.
func (l *Library) Histories() []*knowledge.History {
	l.historiesOnce.Do(func() { l.histories = knowledge.Histories(l.Elections) })
	return l.histories
}

// WithHistories gives the library its elections' histories
// (knowledge.Histories), made already: an index folder keeps them. Given
// after Histories was first called, they are ignored.
func (l *Library) WithHistories(hs []*knowledge.History) *Library {
	l.historiesOnce.Do(func() { l.histories = hs })
	return l
}

// A Searcher finds passages of the loaded articles (the bleve index).
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
}

// A SearchQuery asks for passages about Text in one election (all when
// Election is empty).
type SearchQuery struct {
	Text     string
	Election string // Election.ID
	Limit    int
}

// A Hit is one passage found by a Searcher.
type Hit struct {
	Election string // Election.ID
	Section  string
	// Kind is "sentence", "row", "fact" or "poll".
	Kind  string
	Text  string
	Score float64
	// Marks are byte ranges of Text that matched the query.
	Marks [][2]int
}

// Passages is the library's Searcher as a question answerer consumes it:
// the passages of one election that a search for text finds, best first.
func (l *Library) Passages(ctx context.Context, election, text string, limit int) ([]knowledge.Passage, error) {
	hits, err := l.Searcher.Search(ctx, SearchQuery{Text: text, Election: election, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]knowledge.Passage, len(hits))
	for i, h := range hits {
		out[i] = knowledge.Passage{Section: h.Section, Kind: h.Kind, Text: h.Text}
	}
	return out, nil
}

// An Answerer answers questions in plain words: every message that is
// not a command, and /ask. It answers from the library it was prepared
// for (see WithAnswerer), in l, the language the engine told from the
// message (or the asker's locale).
type Answerer interface {
	Answer(ctx context.Context, question string, l lang.Lang) Response
}

// A Charter draws pictures for answers, labelled in l.
type Charter interface {
	Seats(e *knowledge.Election, l lang.Lang) ([]byte, error)
	Polls(e *knowledge.Election, polls []*knowledge.Poll, focus *knowledge.Contestant, l lang.Lang) ([]byte, error)
	Results(e *knowledge.Election, l lang.Lang) ([]byte, error)
	// Trend draws one party's seats and share across a place's elections.
	Trend(h *knowledge.History, lin *knowledge.Lineage, l lang.Lang) ([]byte, error)
}

// An Engine answers requests. It is safe for concurrent use.
type Engine struct {
	state  atomic.Pointer[state]
	log    *slog.Logger
	charts Charter
	// chartBytes bounds the charts kept per library (WithChartCache);
	// swaps counts the libraries swapped in, to name their charts apart.
	chartBytes int64
	swaps      atomic.Uint64
	observe    func(Event)
	prepare    func(*Library) Answerer
	commands   []*command
	version    string // shown at the foot of /help; "" shows nothing
}

// An Option configures an Engine.
type Option func(*Engine)

// WithLogger sets the logger for internal errors; the default discards.
func WithLogger(l *slog.Logger) Option { return func(e *Engine) { e.log = l } }

// WithAnswerer has free text answered by the Answerer that prepare makes
// for each library the engine answers from: once in New and again at
// every Swap, so that what an answerer prepares from the data is made
// once per load. Without it the engine answers commands only.
func WithAnswerer(prepare func(*Library) Answerer) Option {
	return func(e *Engine) { e.prepare = prepare }
}

// WithCharts makes /seats, /poll and /results carry pictures. Each
// picture is drawn once per library: the engine keeps what it drew, up
// to DefaultChartCacheBytes unless WithChartCache says otherwise.
func WithCharts(c Charter) Option { return func(e *Engine) { e.charts = c } }

// WithChartCache bounds the bytes of drawn charts the engine keeps; 0
// keeps none, so that every request draws its chart again.
func WithChartCache(maxBytes int64) Option { return func(e *Engine) { e.chartBytes = maxBytes } }

// WithVersion puts the program's version at the foot of /help, so that a
// user reporting a wrong answer can say which build gave it.
func WithVersion(v string) Option { return func(e *Engine) { e.version = v } }

// New returns an engine answering from lib.
func New(lib *Library, opts ...Option) *Engine {
	e := &Engine{log: slog.New(slog.DiscardHandler), chartBytes: DefaultChartCacheBytes}
	for _, o := range opts {
		o(e)
	}
	e.commands = e.registry()
	e.Swap(lib)
	return e
}

// state is a library with what the engine prepares from it once.
type state struct {
	lib      *Library
	answerer Answerer
	// histories follow each place's parties across its elections, for
	// /compare and /trend.
	histories []*knowledge.History
	// finder finds the election a message names without trying every
	// election.
	finder *knowledge.Finder
	// charts keeps the charts drawn from this library, nil when none are
	// kept; generation tells this library's charts from the previous
	// ones' (Image.Key).
	charts     *chartCache
	generation uint64
}

// Swap replaces the data the engine answers from, and prepares the
// question answerer for it. Requests in flight finish on the library they
// started with.
func (e *Engine) Swap(lib *Library) {
	if lib == nil {
		lib = &Library{}
	}
	st := &state{lib: lib, histories: lib.Histories(), finder: knowledge.NewFinder(lib.Elections),
		generation: e.swaps.Add(1)}
	if e.charts != nil && e.chartBytes > 0 {
		st.charts = newChartCache(e.chartBytes)
	}
	if e.prepare != nil {
		st.answerer = e.prepare(lib)
	}
	e.state.Store(st)
}

// Library returns the data the engine answers from now.
func (e *Engine) Library() *Library { return e.state.Load().lib }

// call carries one request through the engine.
type call struct {
	engine *Engine
	lib    *Library
	state  *state
	ctx    context.Context
	p      parsed
	// say words the answer in the language of the request.
	say reply.Say
}

// Apology is the answer when something broke inside the bot; it says
// nothing about the cause. Adapters send it when they cannot reach the
// engine's answer.
func Apology() Response { return reply.In(lang.En).Apology() }
