package knowledge

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
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
	// words are the distinct words of all names, with their stems, so
	// that a question's words are compared with each once.
	words []string
	stems []string
	ids   map[string]int

	sortOnce sync.Once
	sorted   []entName
}

// wordID returns the index of a name word, adding it when new.
func (r *resolver) wordID(w string) int {
	if id, ok := r.ids[w]; ok {
		return id
	}
	r.ids[w] = len(r.words)
	r.words = append(r.words, w)
	r.stems = append(r.stems, stem(w))
	return len(r.words) - 1
}

// nameStopwords never identify a party on their own.
var nameStopwords = toSet("the of for a an and in with to on at by from is its it we our all " +
	"party parties list lists coalition coalitions group civic citizens movement alliance union " +
	"election elections vote votes seat seats dr prof academic mr mrs ms ing i u na za od sa je da " +
	"ballot ballots number carrier leader first second third fourth fifth last one two three " +
	"parliament assembly council government city municipality " +
	"stranka lista pokret grupa gradjana koalicija bilo bio bila bili biti jeste nije nisu smo ste sam " +
	"koliko kako koji koja koje sta sto kada gde zasto ima imao imala imali posle pre nakon oko")

// personTitles are dropped from person names.
var personTitles = toSet("dr prof academic mr mrs ms ing mr. dr. prof.")

// notPersonWords mark a segment as a party or place name, not a person.
var notPersonWords = toSet("party parties list coalition group civic movement alliance union " +
	"serbia serbian belgrade vojvodina europe european city greens democracy front regions " +
	"ballots above none league bloc forum initiative")

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var segmentSplit = regexp.MustCompile(`\s+[—–-]\s+|[(),;:“”"„«»]|\s+/\s+`)

// segments splits a ballot name like "Ivica Dačić — SPS, PUPS, JS — Milan
// Krkobabić" into its parts.
func segments(name string) []string {
	var out []string
	for _, s := range segmentSplit.Split(name, -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// explicitAbbrevs returns the upper-case abbreviations written in a name
// ("SNS coalition", "(SNS, SDPS, NS)", "SPS–PUPS–JS", "(СНС, СДПС)").
// Cyrillic ones are given in Latin letters (СДПС -> SDPS), so that a list
// written in Cyrillic shows the abbreviations people type.
func explicitAbbrevs(name string) []string {
	var out []string
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > 7 || !unicode.IsUpper(rs[0]) || isRoman(w) || w == "TV" || w == "DR" {
			continue
		}
		letters, upper, cyrillic := 0, true, false
		for _, r := range rs {
			if unicode.IsLetter(r) {
				letters++
				upper = upper && unicode.IsUpper(r)
				cyrillic = cyrillic || unicode.Is(unicode.Cyrillic, r)
			}
		}
		if !upper || letters < 2 {
			continue
		}
		if cyrillic {
			w = strings.ToUpper(Fold(w))
		}
		out = appendUnique(out, w)
	}
	return out
}

func isRoman(s string) bool { return strings.Trim(s, "IVXLC") == "" }

// acronym returns the initials of a segment's significant capitalised
// words ("United Regions of Serbia" -> "URS", "Democratic Front" -> "DF"),
// or "" when they are too few to identify it.
func acronym(seg string) string {
	var b strings.Builder
	for _, w := range strings.Fields(seg) {
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) {
			if nameStopwords[Fold(w)] || len(r) < 2 {
				continue
			}
			return "" // a lower-case content word: a slogan, not a name
		}
		if unicode.IsUpper(r[1]) {
			return "" // already an abbreviation
		}
		b.WriteString(Fold(string(r[0])))
	}
	// Two initials only from a name of exactly two words: "Democratic
	// Front" is the DF, but "the Party of Russians" is no PR.
	if b.Len() < 2 || (b.Len() == 2 && len(strings.Fields(seg)) != 2) {
		return ""
	}
	return strings.ToUpper(b.String())
}

// isPersonName reports whether a segment looks like a person's name: two to
// four capitalised words, titles aside, none of them a party or place word.
func isPersonName(seg string) bool {
	words := personWords(seg)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || notPersonWords[Fold(w)] || len(r) < 2 {
			return false
		}
		if len(r) > 1 && unicode.IsUpper(r[1]) && !strings.Contains(w, ".") {
			return false // an abbreviation
		}
	}
	return true
}

// personWords splits a person's name, dropping titles like "Dr" and "Prof.".
func personWords(seg string) []string {
	var out []string
	for _, w := range strings.Fields(seg) {
		if personTitles[strings.ToLower(w)] || personTitles[strings.ToLower(strings.TrimSuffix(w, "."))] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// enrich fills a contestant's abbreviations, members and alias names.
func enrich(c *Contestant, aliases *Aliases) {
	var abbrevs []string
	for _, n := range []string{c.InfoboxName, c.BallotName, c.Name} {
		for _, a := range explicitAbbrevs(n) {
			abbrevs = appendUnique(abbrevs, a)
		}
	}
	c.Members = members(c.BallotName)
	// Abbreviations compare as written, after Cyrillic is made Latin: ZZŠ
	// (Together for Šumadija) is not ZZS (Together for Serbia).
	explicit := toSet(strings.Join(abbrevs, " "))
	// Alias entries: by an abbreviation the name states, or by a full name
	// the name contains, the longest match winning where they overlap
	// ("Democratic Party of Serbia" is DSS, not DS).
	entries := aliases.entries()
	attached := map[int]bool{}
	for i, e := range entries {
		if explicit[e.Abbrev] {
			attached[i] = true
		}
	}
	for _, n := range c.ownNames() {
		for _, seg := range segments(n) {
			for _, i := range aliasesIn(seg, entries) {
				attached[i] = true
			}
		}
	}
	idx := make([]int, 0, len(attached))
	for i := range attached {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	for _, i := range idx {
		e := entries[i]
		abbrevs = appendUnique(abbrevs, e.Abbrev)
		for _, n := range e.Names {
			c.AliasNames = appendUnique(c.AliasNames, n)
		}
	}
	c.acronyms = nil
	for _, n := range c.ownNames() {
		for _, seg := range segments(n) {
			if a := acronym(seg); a != "" && !isPersonName(seg) && !contains(abbrevs, a) {
				c.acronyms = appendUnique(c.acronyms, a)
			}
		}
	}
	c.Abbrevs = abbrevs
}

// members returns the coalition members a ballot name lists in brackets:
// "(SNS, SDPS, NS)", or "Socialist Party of Serbia (SPS) — United Serbia
// (JS)". One bracketed name alone is the list's own abbreviation.
func members(ballot string) []string {
	var out []string
	for _, m := range parenRe.FindAllString(ballot, -1) {
		for _, p := range strings.Split(strings.Trim(m, "()"), ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = appendUnique(out, p)
			}
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// ownNames are the names an article gives a contestant: infobox and ballot
// name, or for one known only from a results table, the name there.
func (c *Contestant) ownNames() []string {
	if c.InfoboxName == "" && c.BallotName == "" {
		return []string{c.Name}
	}
	return []string{c.InfoboxName, c.BallotName}
}

// aliasesIn returns the indexes of alias entries whose names occur in one
// segment of a name, keeping only the longest of overlapping occurrences.
// A name inside a longer one is not that party: "Democratic Party of
// Socialists" is neither the Democratic Party nor the socialists, and
// "Social Democrats" are not the democrats. So a one-word alias (a
// nickname) must be the whole segment, and a name followed by "of" must be
// followed by a person ("Democratic Party of Dragan Đilas").
func aliasesIn(seg string, entries []AliasEntry) []int {
	toks := FoldTokens(seg)
	type occ struct{ entry, start, end int }
	var found []occ
	for i, e := range entries {
		for _, nt := range e.toks {
			if len(nt) == 0 || (len(nt) == 1 && len(toks) != 1) {
				continue
			}
			for s := 0; s+len(nt) <= len(toks); s++ {
				end := s + len(nt)
				if !equalTokens(toks[s:end], nt) {
					continue
				}
				if end < len(toks) && toks[end] == "of" && !isPersonName(afterOf(seg)) {
					continue
				}
				found = append(found, occ{i, s, end})
			}
		}
	}
	sort.SliceStable(found, func(a, b int) bool {
		return found[a].end-found[a].start > found[b].end-found[b].start
	})
	taken := make([]bool, len(toks))
	var out []int
	for _, o := range found {
		free := true
		for k := o.start; k < o.end; k++ {
			if taken[k] {
				free = false
			}
		}
		if !free {
			continue
		}
		for k := o.start; k < o.end; k++ {
			taken[k] = true
		}
		out = append(out, o.entry)
	}
	return out
}

// afterOf returns what follows the first " of " in s.
func afterOf(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if strings.EqualFold(w, "of") {
			return strings.Join(f[i+1:], " ")
		}
	}
	return ""
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// newResolver indexes the names of cs; they must be enriched already.
func newResolver(cs []*Contestant) *resolver {
	r := &resolver{cs: cs, df: map[string]int{}, firstNames: map[string]bool{}, ids: map[string]int{}}
	for _, c := range cs {
		first := len(r.names) // c's names are appended from here on
		add := func(text string, kind nameKind) {
			toks := FoldTokens(text)
			if len(toks) > 0 {
				ids := make([]int, len(toks))
				for i, t := range toks {
					ids[i] = r.wordID(t)
				}
				r.names = append(r.names, entName{toks: toks, ids: ids, kind: kind, c: c})
			}
		}
		for _, a := range c.Abbrevs {
			add(a, kindAbbrev)
		}
		for _, a := range c.acronyms {
			add(a, kindAbbrev)
		}
		for _, n := range []string{c.Name, c.InfoboxName, c.BallotName} {
			if n == "" {
				continue
			}
			add(n, kindName)
			for _, seg := range segments(n) {
				if isPersonName(seg) {
					add(strings.Join(personWords(seg), " "), kindPerson)
				} else if !explicitAbbrevOnly(seg) {
					add(seg, kindName)
				}
			}
		}
		for _, n := range c.AliasNames {
			add(n, kindName)
		}
		for _, p := range []string{c.Leader, c.Carrier} {
			if p != "" {
				add(strings.Join(personWords(p), " "), kindPerson)
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
}

func queryTokens(text string) []queryToken {
	var out []queryToken
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		for _, t := range FoldTokens(w) {
			up := w == strings.ToUpper(w) && strings.ToUpper(w) != strings.ToLower(w)
			out = append(out, queryToken{folded: t, upper: up})
		}
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
	best := map[*Contestant]*Match{}
	note := func(c *Contestant, score float64, exact bool, start, end int) {
		m := best[c]
		if m == nil {
			best[c] = &Match{Contestant: c, Score: score, Exact: exact, Start: start, End: end}
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
	for i, t := range q {
		if m := partyNumRe.FindStringSubmatch(t.folded); m != nil {
			n, _ := strconv.Atoi(m[1])
			for _, c := range r.cs {
				if c.Position == n {
					note(c, 12, true, i, i+1)
				}
			}
		}
	}
	// Compare every question word with every name word once.
	sims := make([][]wordSim, len(q))
	for i, t := range q {
		qStem, qTr := stem(t.folded), translit(t.folded)
		row := make([]wordSim, len(r.words))
		for id, w := range r.words {
			row[id].sim, row[id].exact = simWords(t.folded, qStem, qTr, w, r.stems[id])
		}
		sims[i] = row
	}
	for _, n := range r.names {
		switch n.kind {
		case kindAbbrev:
			for i, t := range q {
				if t.folded == n.toks[0] && len(n.toks) == 1 && (t.upper || !commonWord[t.folded]) {
					note(n.c, 10, true, i, i+1)
					break
				}
			}
		case kindPerson:
			if at, exact := matchPhrase(sims, n.ids); at >= 0 {
				note(n.c, 9*exactness(exact), exact, at, at+len(n.toks))
				continue
			}
			// A surname alone (or either half of a double one).
			for k, sn := range n.toks[1:] {
				id := n.ids[k+1]
				for i := range q {
					if sim, exact := sims[i][id].sim, sims[i][id].exact; sim > 0 && len(sn) >= 4 {
						score := 7.0
						if r.df[sn] > 1 {
							score = 3
						}
						note(n.c, score*sim*exactness(exact), exact, i, i+1)
					}
				}
			}
		case kindName:
			if at, exact := matchPhrase(sims, n.ids); at >= 0 {
				note(n.c, (6+float64(len(n.toks)))*exactness(exact), exact, at, at+len(n.toks))
				continue
			}
			// Words only this contestant's names have identify it too
			// ("the socialists", "Dveri"); people's first names don't.
			part := 0.0
			partExact := true
			start, end := -1, -1
			for k, nt := range n.toks {
				if r.df[nt] != 1 || nameStopwords[nt] || len(nt) < 4 || r.firstNames[nt] {
					continue
				}
				for i := range q {
					if sim, exact := sims[i][n.ids[k]].sim, sims[i][n.ids[k]].exact; sim > 0 {
						part += sim
						partExact = partExact && exact
						if start < 0 || i < start {
							start = i
						}
						end = max(end, i+1)
						break
					}
				}
			}
			if part > 0 {
				note(n.c, 3+2*part, partExact, start, end)
			}
		}
	}
	out := make([]Match, 0, len(best))
	for _, m := range best {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Contestant.Ballot < out[j].Contestant.Ballot
	})
	return out
}

// exactness discounts a match that needed typo or ending tolerance.
func exactness(exact bool) float64 {
	if exact {
		return 1
	}
	return 0.75
}

// commonWord lists short words that are also abbreviations somewhere; in
// lower case they are taken as words.
var commonWord = toSet("a i u o na je da se to it is in on at as or an be by do go he if me my no of so up us we ne ni li pa te ti mi vi ja on ona")

// wordSim is how a question word compares with a name word.
type wordSim struct {
	sim   float64
	exact bool
}

// matchPhrase returns where a name's words occur contiguously among the
// question's (-1 when they don't), and whether without typo tolerance.
func matchPhrase(sims [][]wordSim, name []int) (int, bool) {
	if len(name) == 0 || len(name) > len(sims) {
		return -1, false
	}
	for s := 0; s+len(name) <= len(sims); s++ {
		ok, exact := true, true
		for k, id := range name {
			w := sims[s+k][id]
			if w.sim == 0 {
				ok = false
				break
			}
			exact = exact && w.exact
		}
		if ok {
			return s, exact
		}
	}
	return -1, false
}

// tokenSim compares a query token with a name token: 1 when equal, a little
// less for a plural or a typo, 0 when different.
func tokenSim(q, n string) (float64, bool) {
	return simWords(q, stem(q), translit(q), n, stem(n))
}

// simWords is tokenSim with the stems and transliteration worked out
// beforehand.
func simWords(q, stemQ, translitQ, n, stemN string) (float64, bool) {
	if q == n {
		return 1, true
	}
	// English spellings of Serbian names: "Stevanovich", "Dinkich",
	// "Seselj" for Šešelj is already folded.
	if translitQ != q && translitQ == n {
		return 1, true
	}
	if len(q) < 4 || len(n) < 4 || isNumeric(q) || isNumeric(n) {
		return 0, false
	}
	// Cheap rejections first: this runs for every pair of words.
	if q[0] != n[0] && (len(q) < 5 || len(q)-len(n) > 1 || len(n)-len(q) > 1) {
		return 0, false // a different first letter allows one typo only
	}
	// Plurals and endings: "socialists" ~ "socialist", "democrats" ~
	// "democratic", Serbian case endings ("Dačića" ~ "Dačić").
	if len(stemQ) >= 5 && len(stemN) >= 5 && (strings.HasPrefix(stemN, stemQ) || strings.HasPrefix(stemQ, stemN)) {
		return 0.9, false
	}
	if len(q) < 5 || len(q)-len(n) > 2 || len(n)-len(q) > 2 {
		return 0, false
	}
	limit := 1
	if len(n) >= 8 && q[0] == n[0] {
		limit = 2
	}
	d := editDistance(q, n, limit)
	// Two typos only in long words, and not in the first letter: "Tomislav"
	// is not "Borislav".
	if d <= 1 || (d == 2 && len(n) >= 8 && q[0] == n[0]) {
		return 0.8, false
	}
	return 0, false
}

func isNumeric(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			if r != '.' {
				return false
			}
		}
	}
	return true
}

// stem strips common English and Serbian inflections.
func stem(s string) string {
	for _, suf := range []string{"ists", "ians", "ies", "es", "s", "a", "e", "u", "om", "ima", "ovi", "i"} {
		if len(s)-len(suf) >= 5 && strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// editDistance is the optimal string alignment distance (Levenshtein with
// transpositions) between a and b, or limit+1 once it must exceed limit.
func editDistance(a, b string, limit int) int {
	if len(a) <= 32 && len(b) <= 32 && isPlainASCII(a) && isPlainASCII(b) {
		// Folded words are ASCII: compare bytes in rows on the stack.
		var r [3][33]int
		return osa([]byte(a), []byte(b), limit, r[0][:len(b)+1], r[1][:len(b)+1], r[2][:len(b)+1])
	}
	ra, rb := []rune(a), []rune(b)
	return osa(ra, rb, limit, make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1))
}

// osa computes the optimal string alignment distance over any symbols,
// in the three rows given.
func osa[T byte | rune](ra, rb []T, limit int, prev2, prev, cur []int) int {
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// EditDistance is the typo distance the bot uses everywhere (transpositions
// count once), capped at limit+1.
func EditDistance(a, b string, limit int) int { return editDistance(a, b, limit) }

// TokenSimilar reports whether a user's word matches a word of the article,
// allowing plurals, case endings and typos.
func TokenSimilar(q, n string) bool {
	s, _ := tokenSim(q, n)
	return s > 0
}

// Resolve returns the contestants a text names, best first.
func (e *Election) Resolve(text string) []Match {
	return e.resolverOnce().resolve(text)
}

func (e *Election) resolverOnce() *resolver {
	if e.resolver == nil {
		e.resolver = newResolver(e.Contestants)
	}
	return e.resolver
}

// Names returns every name a contestant is known by: names, abbreviations,
// aliases, leader and carrier. Autocomplete and the index use them.
func (c *Contestant) Names() []string {
	var out []string
	for _, n := range []string{c.Name, c.InfoboxName, c.BallotName, c.Leader, c.Carrier} {
		if n != "" {
			out = appendUnique(out, n)
		}
	}
	for _, n := range c.Abbrevs {
		out = appendUnique(out, n)
	}
	for _, n := range c.AliasNames {
		out = appendUnique(out, n)
	}
	return out
}

// resolverFor enriches cs and returns a resolver over them (extraction
// links tables to each other through it).
func (x *extractor) resolverFor(cs []*Contestant) *resolver {
	for _, c := range cs {
		enrich(c, x.aliases)
	}
	return newResolver(cs)
}

// linkParty finds the ballot list an infobox party stood as: shared
// abbreviations, its leader as the list's carrier or in the list's name,
// one name inside the other.
func (r *resolver) linkParty(p *Contestant) *Contestant {
	pAbbrevs := p.Abbrevs
	var best *Contestant
	bestScore := 0.0
	for _, b := range r.cs {
		score := 0.0
		for i, a := range pAbbrevs {
			for _, ba := range b.Abbrevs {
				if Fold(a) == Fold(ba) {
					if i == 0 {
						score += 3
					} else {
						score += 1
					}
				}
			}
		}
		if p.Leader != "" {
			switch {
			case samePerson(p.Leader, b.Carrier):
				score += 3
			case strings.Contains(Fold(b.BallotName), Fold(p.Leader)):
				score += 2
			}
		}
		pn, bn := strings.Join(FoldTokens(p.InfoboxName), " "), strings.Join(FoldTokens(b.BallotName), " ")
		if pn != "" && bn != "" && (strings.Contains(" "+bn+" ", " "+pn+" ") || strings.Contains(" "+pn+" ", " "+bn+" ")) {
			score += 3
		}
		if len(pAbbrevs) == 0 {
			// "Democratic Party of Serbia" in the infobox, DSS on the ballot:
			// the resolver's alias names bridge them.
			for _, m := range r.resolve(p.InfoboxName) {
				if m.Contestant == b && m.Exact {
					score += 2
				}
			}
		}
		if score > bestScore {
			best, bestScore = b, score
		}
	}
	if bestScore < 3 {
		return nil
	}
	return best
}

// samePerson compares two renderings of a name: "Zorana Mihajlović" and
// "Zorana Mihajlović-Milanović", "Dragan Đilas" and "Dragan Djilas".
func samePerson(a, b string) bool {
	ta, tb := FoldTokens(strings.Join(personWords(a), " ")), FoldTokens(strings.Join(personWords(b), " "))
	if len(ta) < 2 || len(tb) < 2 {
		return false
	}
	if ta[0] != tb[0] {
		return false
	}
	for _, x := range ta[1:] {
		for _, y := range tb[1:] {
			if x == y {
				return true
			}
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// translit undoes English spellings of Serbian letters in a folded word:
// "ch" for č and ć, "sh" for š, "zh" for ž, "tch" for č.
func translit(w string) string {
	if !strings.Contains(w, "h") {
		return w
	}
	return translitReplacer.Replace(w)
}

var translitReplacer = strings.NewReplacer("tch", "c", "ch", "c", "sh", "s", "zh", "z")

// A Mention is a name of a contestant written out in a text.
type Mention struct {
	Contestant *Contestant
	// Name is the name as the contestant's names have it ("progressives").
	Name       string
	Start, End int // word positions in FoldTokens(text)
}

// Mentions finds the contestants' names and aliases written exactly in a
// text (no typos, no abbreviations), longest first where they overlap.
// It is cheap enough to run on every passage an answer quotes.
func (e *Election) Mentions(text string) []Mention {
	r := e.resolverOnce()
	toks := FoldTokens(text)
	var out []Mention
	taken := make([]bool, len(toks))
	for _, n := range r.byLength() {
		if n.kind == kindAbbrev {
			continue
		}
		for s := 0; s+len(n.toks) <= len(toks); s++ {
			if !equalTokens(toks[s:s+len(n.toks)], n.toks) || anyTaken(taken[s:s+len(n.toks)]) {
				continue
			}
			for k := s; k < s+len(n.toks); k++ {
				taken[k] = true
			}
			out = append(out, Mention{Contestant: n.c, Name: strings.Join(n.toks, " "), Start: s, End: s + len(n.toks)})
		}
	}
	return out
}

func anyTaken(b []bool) bool {
	for _, t := range b {
		if t {
			return true
		}
	}
	return false
}

// byLength returns the names, longest first, computed once.
func (r *resolver) byLength() []entName {
	r.sortOnce.Do(func() {
		r.sorted = append([]entName(nil), r.names...)
		sort.SliceStable(r.sorted, func(i, j int) bool { return len(r.sorted[i].toks) > len(r.sorted[j].toks) })
	})
	return r.sorted
}

// LooksLikePerson reports whether a name reads as a person's ("Ivica
// Dačić", "Dr Jovan Filipović") rather than a party's.
func LooksLikePerson(name string) bool { return isPersonName(name) }
