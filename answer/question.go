package answer

import (
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// question is a free-text question on its way through the answerer.
type question struct {
	text string
	toks []string // folded tokens
	// rankToks are toks without the words that name a round: "second" is
	// no place in "the second round".
	rankToks []string
	in       intent
	// scope is the contest and round the question is about.
	scope scope
	// option is the referendum option the question names (Yes, No).
	option *knowledge.Contestant
	// ent and el are the intents asked of a party and of the election,
	// with how surely (see weigh).
	ent, el           attr
	entScore, elScore float64
	e                 *knowledge.Election
	ents              []*knowledge.Contestant
	polls             []*knowledge.Poll // polls whose pollster the question names
	// prevYear is the previous election's year when the question names it
	// ("in 2012"), which turns seats into previous seats.
	prevYear string
	// otherYear is a year the question names that no loaded election is
	// from: fine in "governed since 2004", not in "turnout in 2010".
	otherYear string
	// unlisted holds the names of a well-known party the question names
	// that no list of this election goes by, the user's word first.
	unlisted []string
	// foreign is a party name the question writes that a list's name
	// matched but for a word that sets it apart ("Green Party of Serbia"
	// of the "Green Party of Vojvodina"): no list's name.
	foreign string
	// stance is the side of the vote the question asks who took
	// ("Which parties campaigned against?"), which a passage must take.
	stance stance
	// settled is set by a rule whose answer speaks to the whole question
	// in other words than it asks in ("the ruling coalition" is "the
	// majority was formed by"): no passage overrules it.
	settled bool
	// mustHave are groups of word beginnings: a quoted passage must hold
	// one of each group, when the structured answer was set aside for a
	// qualifier.
	mustHave [][]string
	// place is a place within the election the question narrows its
	// figure to ("in Celje"), which only a passage can speak of.
	place string
	// person is a person the question names who is no contestant with
	// figures of their own ("Igor Marn").
	person string
	// otherKind is a kind of election the question names that the
	// article's is not ("parliamentary").
	otherKind string
	// fallback is set when a structured refusal may still be answered by a
	// passage (a mayor elected in the prose, not the infobox).
	fallback bool
	// say words the answer in the asker's language.
	say reply.Say
	// across is set when the question is about several elections of one
	// place (across.go).
	across *acrossQ
	// figure is set when the question asks for a figure, which a passage
	// that answers instead must hold.
	figure bool
	// proseOnly keeps the passages to the prose's sentences.
	proseOnly bool
	// countOf holds the terms a number must stand beside in a passage that
	// gives a figure the model lacks ("18 votes"), not a date beside
	// "with the votes of the SNS".
	countOf []string
	// rule is set when the question asks what an election that is no
	// referendum needed ("What turnout was needed for the second round to
	// be valid?"): a rule the prose states.
	rule bool
}

// analyse reads a question once: the election it is about, the intents
// its words name, the parties and pollsters it names.
func (a *Answerer) analyse(text string, l lang.Lang) *question {
	q := &question{text: text, toks: knowledge.FoldTokens(text), say: reply.In(l)}
	a.questionElection(q)
	q.rankToks = q.toks
	if r, start, end := roundAsked(q.toks); r > 0 {
		q.rankToks = append([]string(nil), q.toks...)
		for i := start; i < end; i++ {
			q.rankToks[i] = ""
		}
	}
	q.in = detect(q.rankToks)
	if strings.Contains(text, "%") {
		q.in.scores[attrShare] = max(q.in.scores[attrShare], 3)
	}
	q.in.months = knowledge.Months(text)
	if officeNamed(q.e, q.toks) {
		q.in.scores[attrMayor] = max(q.in.scores[attrMayor], 5)
	}
	q.pickScope()
	q.option = optionAsked(q)
	ms := resolveAll(q)
	q.ents = linkedContestants(q.e, text, ms)
	q.scopeByCandidate()
	if names, start, end, ok := q.e.Unlisted(text, ms); ok {
		q.unlisted = names
		q.ents = withoutSpan(ms, q.ents, start, end)
	}
	if q.foreign != "" && len(q.ents) == 0 && len(q.unlisted) == 0 {
		q.unlisted = []string{q.foreign}
	}
	if len(q.ents) == 0 && len(q.unlisted) == 0 {
		q.unlisted = proseOnlyName(q)
	}
	q.polls = q.e.PollsBy(text)
	if len(q.polls) > 0 {
		q.in.scores[attrPolls] = max(q.in.scores[attrPolls], 4)
	}
	q.fitIntents()
	q.stance = stanceAsked(q)
	a.readHistory(q)
	return q
}

// questionElection picks the election a question is about, the newest
// unless it names another. A year no loaded article is about is kept as
// the previous election's year when it is that, else as another year.
func (a *Answerer) questionElection(q *question) {
	e, _, missing := a.finder.In(q.text)
	switch {
	case missing != "":
		q.e = a.elections[0]
		y, _ := strconv.Atoi(missing)
		if q.e.Previous != nil {
			if py, ok := knowledge.YearIn(q.e.Previous.Text); ok && py == y {
				q.prevYear = missing
				return
			}
		}
		q.otherYear = missing
	case e != nil:
		q.e = e
	default:
		q.e = a.elections[0]
	}
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
	out := alsoNamed(ms)
	if len(ballot) > 0 && ballot[0] != out[0] {
		out = append(ballot, out...)
	}
	return out
}

// alsoNamed returns the best match and up to three others that other
// words of the question name exactly and surely.
func alsoNamed(ms []knowledge.Match) []*knowledge.Contestant {
	out := []*knowledge.Contestant{ms[0].Contestant}
	taken := []span{{ms[0].Start, ms[0].End}}
	for _, m := range ms[1:] {
		if len(out) == 4 || !m.Exact || m.Score < 7 || m.Score < ms[0].Score*0.5 || overlapsAny(span{m.Start, m.End}, taken) {
			continue
		}
		out = append(out, m.Contestant)
		taken = append(taken, span{m.Start, m.End})
	}
	return out
}

// A span is the question's words a match took, from start to end.
type span struct{ start, end int }

// overlapsAny reports whether m took words one of taken took: two
// readings of the same words are one name, not two.
func overlapsAny(m span, taken []span) bool {
	for _, t := range taken {
		if m.start < t.end && t.start < m.end {
			return true
		}
	}
	return false
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
	spans := knowledge.TokenSpans(text)
	t := make([]string, len(spans))
	for i, sp := range spans {
		t[i] = sp.Term
	}
	for _, name := range names {
		n := knowledge.FoldTokens(name)
		for i := 0; len(n) > 0 && i+len(n) <= len(t); i++ {
			match := true
			for k := range n {
				match = match && t[i+k] == n[k]
			}
			// Nor as the end of a longer name: "Serb Democratic Party" is
			// not the Democratic Party.
			longer := i > 0 && text[spans[i-1].End:spans[i].Start] == " " && capitalisedAt(text, spans[i-1]) &&
				!stopwords[t[i-1]] && !startsSentence(text, spans[i-1])
			if match && !longer && (i+len(n) == len(t) || (t[i+len(n)] != "of" && t[i+len(n)] != "for")) {
				return true
			}
		}
	}
	return false
}

// startsSentence reports whether a word begins its sentence: nothing but
// spaces and quotes before it since the last full stop.
func startsSentence(text string, sp knowledge.TokenSpan) bool {
	before := strings.TrimRight(text[:sp.Start], " \"“„'(")
	return before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?")
}

// officeNamed reports whether a question names the infobox's office by its
// own title ("president of the municipality"), not only as "mayor".
func officeNamed(e *knowledge.Election, toks []string) bool {
	if e.Office == "" {
		return false
	}
	place := map[string]bool{}
	where := e.Place
	if e.Article != nil {
		if f, ok := e.Article.InfoboxValue("Country"); ok {
			where += " " + f.Value
		}
	}
	for _, t := range knowledge.FoldTokens(where) {
		if !contestWord(t) {
			place[t] = true // "Montenegrin", not "presidential"
		}
	}
	n := 0
	for _, t := range knowledge.FoldTokens(e.Office) {
		// The office's place may go unsaid: "the president" of Montenegro
		// in an article about the Montenegrin presidential election.
		if stopwords[t] || isOwn(place, t) || knowledge.GenericPlaceWord(t) || len(t) < 4 {
			continue
		}
		if !namesOfficeWord(toks, t) {
			return false
		}
		n++
	}
	return n > 0
}

// namesOfficeWord reports a word of the office's title in the question,
// in English or in Serbian.
func namesOfficeWord(toks []string, t string) bool {
	if phraseIn(toks, []string{t}, false) {
		return true
	}
	for _, w := range officeInSerbian[t] {
		if phraseIn(toks, []string{w}, false) {
			return true
		}
	}
	return false
}

// officeInSerbian are the Serbian and Croatian words, as prefixes, of the
// offices' English words: "predsednik", "predsjednica" are the president.
var officeInSerbian = map[string][]string{
	"president": {"predsedni", "predsjedni"}, "mayor": {"gradonacelni", "nacelnik", "nacelnica"},
	// A prime minister is one word in Serbian: "premijer", "premijerka".
	"prime": {"premijer"}, "minister": {"premijer", "ministar"},
}

// leftover returns the content words of a question that neither the
// attribute cues, nor general election words, nor the election's title, nor
// the linked names explain.
func leftover(q *question) []string { return leftoverBy(q, q.e.Uses) }

// leftoverBy is leftover with what counts as a word the article uses.
func leftoverBy(q *question, uses func(string) bool) []string {
	names := map[string]bool{}
	for _, k := range q.ents {
		for _, n := range k.Names() {
			for _, t := range knowledge.FoldTokens(n) {
				names[t] = true
			}
		}
	}
	for _, t := range knowledge.FoldTokens(q.e.Title + " " + q.e.Place) {
		names[t] = true
	}
	if q.e.Office != "" {
		for _, t := range knowledge.FoldTokens(q.e.Office) {
			names[t] = true
		}
	}
	// Only words the article uses can point at a passage ("proclaimed"); a
	// word it never uses ("became") is how the user put the question.
	var out []string
	for _, t := range q.rankToks {
		if t == "" || stopwords[t] || questionWords[t] || names[t] || knownWord(t) || isNumber(t) || len(knowledge.Months(t)) > 0 || len(t) < 3 || namesPlace(q.e, t) {
			continue
		}
		if uses(t) {
			out = append(out, t)
		}
	}
	return out
}

// subjectWords returns the content words of a question that name what it
// is about, beyond attribute cues and election words: "progressives" in
// "How many seats did the Progressives win?".
func subjectWords(q *question) []string {
	title := map[string]bool{}
	for _, t := range knowledge.FoldTokens(q.e.Title + " " + q.e.Place + " " + q.e.Office) {
		title[t] = true
	}
	var out []string
	for _, t := range q.rankToks {
		if t == "" || stopwords[t] || questionWords[t] || knownWord(t) || isNumber(t) || len(t) < 3 || title[t] || namesPlace(q.e, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// namesPlace reports a word that names the election's place in a
// Serbian case ("Voždovcu", "Nišu").
func namesPlace(e *knowledge.Election, t string) bool {
	for _, pw := range knowledge.FoldTokens(e.Place) {
		if !knowledge.GenericPlaceWord(pw) && knowledge.SamePlace(t, pw) {
			return true
		}
	}
	return false
}

// electionKinds are the kinds of election a question can name, each with
// the kind of contest it is where it is one, and its other spellings
// (Serbian).
var electionKinds = []struct {
	kind    string
	contest knowledge.ContestKind
	also    []string
}{
	{"parliamentary", "", []string{"parlamentarn"}},
	{"presidential", knowledge.ContestPresident, []string{"predsednick", "predsjednick"}},
	{"provincial", "", []string{"pokrajinsk"}},
	{"european", "", nil}, {"general", "", nil}, {"federal", "", nil}, {"national", "", nil},
	{"referendum", knowledge.ContestReferendum, nil},
}

// kindFollowers are the words after a kind that make it an election or a
// body: "parliamentary election", "national parliament".
var kindFollowers = []string{"election", "izbor", "vote", "race", "winner", "parliament", "assembly", "skupstin"}

// namesKind reports whether toks hold an election kind followed by an
// election or body word, as in "parliamentary election".
func namesKind(toks []string, kind string) bool {
	for i, t := range toks {
		if !strings.HasPrefix(t, kind) {
			continue
		}
		for _, n := range toks[i+1 : min(len(toks), i+3)] {
			for _, f := range kindFollowers {
				if strings.HasPrefix(n, f) {
					return true
				}
			}
		}
	}
	return false
}

// otherKind returns the kind of election a question names ("parliamentary")
// when the article's election is of another kind, or "".
func otherKind(q *question) string {
	title := knowledge.Fold(q.e.Title + " " + q.e.Type)
	for _, k := range electionKinds {
		if strings.Contains(title, k.kind) || (k.contest != "" && q.e.ContestOf(k.contest) != nil) {
			continue
		}
		for _, w := range append([]string{k.kind}, k.also...) {
			if namesKind(q.toks, w) {
				return k.kind
			}
		}
	}
	return ""
}

// bodyPhrase returns the words of a question that name a body by a kind
// of election ("national assembly", "national parliament"), or "": the
// article may call its own body so.
func bodyPhrase(toks []string, kind string) string {
	for _, k := range electionKinds {
		if k.kind != kind {
			continue
		}
		for _, w := range append([]string{k.kind}, k.also...) {
			for i, t := range toks {
				if strings.HasPrefix(t, w) && i+1 < len(toks) && bodyWord(toks[i+1]) {
					return t + " " + toks[i+1]
				}
			}
		}
	}
	return ""
}

// bodyWord reports a word for an elected body: "assembly", "parliament".
func bodyWord(t string) bool {
	for _, w := range []string{"assembly", "parliament", "skupstin", "council", "sabor"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// nameFiller are the words around a bare name: "tell me about the DS".
var nameFiller = wordSet(`the a an about tell me show info information on who what is are was were please
party list coalition o ko je sta sto su bio bila
how did do does get got receive received score scored perform performed fare fared in`)

// isJustNames reports whether a question is only a name ("DS", "Đilas?",
// "tell me about the socialists"): every content word belongs to a name of
// the linked contestant.
func isJustNames(q *question) bool {
	names := map[string]bool{}
	for _, n := range q.ents[0].Names() {
		for _, t := range knowledge.FoldTokens(n) {
			names[t] = true
		}
	}
	for _, t := range q.rankToks {
		if t == "" || nameFiller[t] || names[t] {
			continue
		}
		known := false
		for n := range names {
			if knowledge.TokenSimilar(t, n) {
				known = true
				break
			}
		}
		if !known {
			return false
		}
	}
	return true
}

// nameOf names a contestant in an answer: its display name, or, for a
// list known by a long ballot name, the abbreviation the user typed
// ("LDP (list 4)").
func (q *question) nameOf(k *knowledge.Contestant) string {
	if k.InfoboxName != "" || len([]rune(k.Name)) <= 30 {
		return q.say.Name(k)
	}
	for _, a := range k.Abbrevs {
		fa := knowledge.Fold(a)
		for _, t := range q.toks {
			if t == fa {
				if k.Ballot > 0 {
					return q.say.T(lang.ListName, a, k.Ballot)
				}
				return a
			}
		}
	}
	return q.say.Name(k)
}
