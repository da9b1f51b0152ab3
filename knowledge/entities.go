package knowledge

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// nameKind says what a name of a contestant is; the kinds match differently.
type nameKind int

const (
	kindName   nameKind = iota // a full name or a segment of one
	kindAbbrev                 // an abbreviation: whole-token, never fuzzy
	kindPerson                 // a leader or carrier: full name or surname
)

type entName struct {
	toks []string
	ids  []int // toks as indexes into the resolver's words
	// core are ids without "of" and "the", which a Serbian or Croatian
	// name of the party does not have; nil when that leaves no shorter
	// name of two words or more.
	core []int
	kind nameKind
	c    *Contestant
}

// A Match is a contestant a text refers to, with how sure the match is.
type Match struct {
	Contestant *Contestant
	Score      float64
	// Exact is true when a whole name, abbreviation or surname matched
	// without typo tolerance.
	Exact bool
	// Start and End delimit the words of the text that the best name
	// matched (word positions, End exclusive), so that callers can tell
	// two names in one question apart from one name matching twice.
	Start, End int
}

// resolver finds contestants by any of their names.
type resolver struct {
	cs    []*Contestant
	names []entName
	// df counts, per folded token, how many contestants have it in a name:
	// a token only one contestant has identifies it.
	df map[string]int
	// firstNames are people's first names, which identify no one alone.
	firstNames map[string]bool
	// place holds the words of the election's place and country: "Rijeka"
	// names the election, not the one list with Rijeka in its name.
	place map[string]bool
	// words are the distinct words of all names, with their stems, so
	// that a question's words are compared with each once.
	words []string
	stems []string
	ids   map[string]int
	// glossary translates Serbian words of questions into English.
	glossary *Aliases

	sortOnce sync.Once
	sorted   []entName
}

// wordID returns the index of a name word, adding it when new.
func (r *resolver) wordID(w string, nc *nameCache) int {
	if id, ok := r.ids[w]; ok {
		return id
	}
	r.ids[w] = len(r.words)
	r.words = append(r.words, w)
	r.stems = append(r.stems, nc.stem(w))
	return len(r.words) - 1
}

// newResolver indexes the names of cs; they must be enriched already.
func newResolver(cs []*Contestant, glossary *Aliases) *resolver {
	return newResolverWith(cs, glossary, noNames)
}

// newResolverWith is newResolver with what it works out of each name
// remembered in nc (noNames for none).
func newResolverWith(cs []*Contestant, glossary *Aliases, nc *nameCache) *resolver {
	r := &resolver{cs: cs, df: map[string]int{}, firstNames: map[string]bool{}, ids: map[string]int{}, glossary: glossary}
	for _, c := range cs {
		first := len(r.names) // c's names are appended from here on
		add := func(text string, kind nameKind) {
			toks := nc.foldTokens(text)
			if len(toks) > 0 {
				ids := make([]int, len(toks))
				for i, t := range toks {
					ids[i] = r.wordID(t, nc)
				}
				r.names = append(r.names, entName{toks: toks, ids: ids, core: withoutLinks(toks, ids), kind: kind, c: c})
			}
		}
		for _, a := range c.Abbrevs {
			add(a, kindAbbrev)
		}
		for _, a := range c.acronyms {
			add(a, kindAbbrev)
		}
		for _, n := range append([]string{c.Name, c.InfoboxName, c.BallotName}, c.ResultNames...) {
			if n == "" {
				continue
			}
			add(n, kindName)
			for _, seg := range nc.segmentsOf(n) {
				if nc.isPersonName(seg) {
					add(nc.personName(seg), kindPerson)
				} else if !nc.explicitAbbrevOnly(seg) {
					add(seg, kindName)
				}
			}
		}
		for _, n := range c.AliasNames {
			add(n, kindName)
		}
		// Prose names ("Iskra", "Croatian Democratic Union") and a
		// candidate's party find the contestant too; abbreviations among
		// them are already Abbrevs.
		for _, n := range append(append([]string(nil), c.ProseNames...), c.partyNames()...) {
			if !isAbbrevToken(n) {
				add(n, kindName)
			}
		}
		for _, p := range []string{c.Leader, c.Carrier} {
			if p != "" {
				add(nc.personName(p), kindPerson)
			}
		}
		seen := map[string]bool{}
		for _, n := range r.names[first:] {
			if n.kind == kindPerson && len(n.toks) > 1 {
				r.firstNames[n.toks[0]] = true
			}
			for _, t := range n.toks {
				if !seen[t] {
					seen[t] = true
					r.df[t]++
				}
			}
		}
	}
	return r
}

func explicitAbbrevOnly(seg string) bool {
	return len(explicitAbbrevs(seg)) > 0 && len(strings.Fields(seg)) == 1
}

// queryToken is one word of a user's text.
type queryToken struct {
	folded string
	upper  bool // written in capitals: "NA" may be an abbreviation, "na" is a word
	// capital is set for a word that begins with a capital letter: "Most"
	// may be the party, "the most seats" is not.
	capital bool
}

func queryTokens(text string) []queryToken {
	spans := TokenSpans(text)
	out := make([]queryToken, len(spans))
	for i, sp := range spans {
		w := text[sp.Start:sp.End]
		r, _ := utf8.DecodeRuneInString(w)
		out[i] = queryToken{folded: sp.Term, upper: w == strings.ToUpper(w) && strings.ToUpper(w) != strings.ToLower(w),
			capital: unicode.IsUpper(r)}
	}
	return out
}

var partyNumRe = regexp.MustCompile(`^party(\d+)$`)

// resolve scores every contestant against a text and returns those that
// match, best first.
func (r *resolver) resolve(text string) []Match {
	q := queryTokens(text)
	if len(q) == 0 {
		return nil
	}
	ms := matches{}
	r.partyNumbers(q, ms)
	sims := r.similarities(q)
	for _, n := range r.names {
		switch n.kind {
		case kindAbbrev:
			matchAbbrev(n, q, ms)
		case kindPerson:
			r.matchPerson(n, sims, ms)
		case kindName:
			r.matchName(n, q, sims, ms)
		}
	}
	return ms.sorted(r.cs)
}

// matches holds each contestant's best match so far.
type matches map[*Contestant]*Match

// note records that words start..end of the text name c with score: a
// better name replaces the match, keeping a tenth of its score; a weaker
// one adds a tenth of its own.
func (ms matches) note(c *Contestant, score float64, exact bool, start, end int) {
	m := ms[c]
	if m == nil {
		ms[c] = &Match{Contestant: c, Score: score, Exact: exact, Start: start, End: end}
		return
	}
	if score > m.Score {
		m.Score, m.Exact = score+0.1*m.Score, exact || m.Exact
		m.Start, m.End = start, end
	} else {
		m.Score += 0.1 * score
		m.Exact = m.Exact || exact
	}
}

// sorted returns the matches best first. They are gathered in the
// contestants' order, not the map's, and equal scores go by ballot
// number, then by where in the text the name stands: "How many more seats
// did SNS win than DS?" must not name the two in a different order from
// one run to the next.
func (ms matches) sorted(cs []*Contestant) []Match {
	out := make([]Match, 0, len(ms))
	for _, c := range cs {
		if m := ms[c]; m != nil {
			out = append(out, *m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Contestant.Ballot != b.Contestant.Ballot {
			return a.Contestant.Ballot < b.Contestant.Ballot
		}
		return a.Start < b.Start
	})
	return out
}

// partyNumbers matches the infobox's own names for its parties: "Party2".
func (r *resolver) partyNumbers(q []queryToken, ms matches) {
	for i, t := range q {
		if m := partyNumRe.FindStringSubmatch(t.folded); m != nil {
			n, _ := strconv.Atoi(m[1])
			for _, c := range r.cs {
				if c.Position == n {
					ms.note(c, 12, true, i, i+1)
				}
			}
		}
	}
}

// similarities compares every question word with every name word once:
// sims[i][id] is how question word i compares with name word id.
//
// A Serbian word with an English one in the glossary ("stranke" ->
// "party") compares as that word too, so that a party named in Serbian
// finds its English name.
func (r *resolver) similarities(q []queryToken) [][]wordSim {
	sims := make([][]wordSim, len(q))
	// A name word's root, once worked out, is kept for the question's
	// next words; a question word's side for the next name words.
	roots := make([]string, len(r.words))
	n := len(r.words)
	all := make([]wordSim, len(q)*n) // the rows, in one piece
	for i, t := range q {
		qs := sideOf(t.folded, Stem(t.folded), translit(t.folded))
		en := r.glossary.translate(t.folded)
		es := sideOf(en, Stem(en), en)
		row := all[i*n : (i+1)*n : (i+1)*n]
		for id, w := range r.words {
			ns := sideOf(w, r.stems[id], "")
			ns.root = roots[id]
			row[id].sim, row[id].exact = simWordsAt(&qs, &ns)
			if en != "" && row[id].sim < 1 {
				if s, exact := simWordsAt(&es, &ns); s > row[id].sim {
					row[id].sim, row[id].exact = s*0.95, exact
				}
			}
			roots[id] = ns.root
		}
		sims[i] = row
	}
	return sims
}

// matchAbbrev matches an abbreviation as a whole word, never with a typo;
// a short one that is also a word ("NA") only when written in capitals.
func matchAbbrev(n entName, q []queryToken, ms matches) {
	for i, t := range q {
		if t.folded == n.toks[0] && len(n.toks) == 1 && (t.upper || !commonWord[t.folded]) {
			ms.note(n.c, 10, true, i, i+1)
			return
		}
	}
}

// matchPerson matches a leader's or carrier's name in full, or a surname
// alone (either half of a double one), which counts less when several
// contestants' people share it.
func (r *resolver) matchPerson(n entName, sims [][]wordSim, ms matches) {
	if at, exact := matchPhrase(sims, n.ids); at >= 0 {
		ms.note(n.c, 9*exactness(exact), exact, at, at+len(n.toks))
		return
	}
	for k, sn := range n.toks[1:] {
		id := n.ids[k+1]
		for i := range sims {
			if sim, exact := sims[i][id].sim, sims[i][id].exact; sim > 0 && (len(sn) >= 4 || (k == len(n.toks)-2 && shortSurname(n.toks, exact))) {
				score := 7.0
				if r.df[sn] > 1 {
					score = 3
				}
				ms.note(n.c, score*sim*exactness(exact), exact, i, i+1)
			}
		}
	}
}

// shortSurname reports whether a person's name ends in a three-letter
// surname ("Žić", "Šut", "Kos") that a question word names exactly, in
// any case: such a name is too short to match with a typo, an everyday
// word or a month ("may") is no one's name, and a list's name in a
// leader's place ("Let's Get Smederevo Moving") is no person's.
func shortSurname(toks []string, exact bool) bool {
	sn := toks[len(toks)-1]
	if !exact || len(sn) != 3 || len(toks) > 3 || commonWord[sn] || len(Months(sn)) > 0 {
		return false
	}
	for _, t := range toks {
		if nameStopwords[t] {
			return false
		}
	}
	return true
}

// matchName matches a party's name in full, or by the words only this
// contestant's names have ("the socialists", "Dveri"); people's first
// names identify no one.
func (r *resolver) matchName(n entName, q []queryToken, sims [][]wordSim, ms matches) {
	if at, exact := matchPhrase(sims, n.ids); at >= 0 {
		if len(n.toks) == 1 && ordinaryWords[n.toks[0]] && !q[at].capital {
			return // "the most seats" names no party Most
		}
		ms.note(n.c, (6+float64(len(n.toks)))*exactness(exact), exact, at, at+len(n.toks))
		return
	}
	if n.core != nil {
		// A Serbian name has no "of": "Demokratska partija socijalista"
		// is the Democratic Party of Socialists.
		if at, exact := matchPhrase(sims, n.core); at >= 0 {
			ms.note(n.c, (6+float64(len(n.toks)))*exactness(exact), exact, at, at+len(n.core))
			return
		}
	}
	part := 0.0
	partExact := true
	start, end := -1, -1
	for k, nt := range n.toks {
		if r.df[nt] != 1 || nameStopwords[nt] || len(nt) < 4 || r.firstNames[nt] || r.place[nt] {
			continue
		}
		if i, sim, exact := firstSimilar(sims, n.ids[k]); i >= 0 {
			part += sim
			partExact = partExact && exact
			if start < 0 || i < start {
				start = i
			}
			end = max(end, i+1)
		}
	}
	if part > 0 {
		ms.note(n.c, 3+2*part, partExact, start, end)
	}
}

// withoutLinks are a name's word ids without "of" and "the", or nil
// when that leaves no shorter name of two words or more.
func withoutLinks(toks []string, ids []int) []int {
	var out []int
	for k, t := range toks {
		if t != "of" && t != "the" {
			out = append(out, ids[k])
		}
	}
	if len(out) < 2 || len(out) == len(ids) {
		return nil
	}
	return out
}

// firstSimilar returns the first question word like name word id, how
// alike, and whether exactly; -1 when none is.
func firstSimilar(sims [][]wordSim, id int) (int, float64, bool) {
	for i := range sims {
		if w := sims[i][id]; w.sim > 0 {
			return i, w.sim, w.exact
		}
	}
	return -1, 0, false
}

// exactness discounts a match that needed typo or ending tolerance.
func exactness(exact bool) float64 {
	if exact {
		return 1
	}
	return 0.75
}

// ordinaryWords are words of everyday English that are also the whole
// name of a party somewhere ("Most", "Enough", "Together"): in lower case
// they are taken as words.
var ordinaryWords = toSet("most more less all none now enough together forward left right free new first one only alone yes no bridge change action unity hope")

// commonWord lists short words that are also abbreviations somewhere; in
// lower case they are taken as words.
var commonWord = toSet("a i u o na je da se to it is in on at as or an be by do go he if me my no of so up us we ne ni li pa te ti mi vi ja on ona")

// Resolve returns the contestants a text names, best first.
func (e *Election) Resolve(text string) []Match {
	return e.resolverOnce().resolve(text)
}

func (e *Election) resolverOnce() *resolver {
	if e.resolver == nil {
		e.resolver = newResolver(e.Contestants, e.aliases)
	}
	return e.resolver
}
