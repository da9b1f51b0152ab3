package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// terms turns words into the stems passages are compared in, for
// mustHave.
func terms(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, knowledge.Term(w))
	}
	return out
}

// placeWords introduce a place a question narrows its figure to.
var placeWords = wordSet("in at u iz within")

// placeNamed returns the place within the election that a question
// narrows its figure to ("turnout in Celje", "votes in Tenja"), as
// written, or "": a capitalised name after "in" that the article knows
// but that is not the election's own place, country, body or office, nor
// a name of the lists or candidates the question names.
func placeNamed(q *question) string {
	spans := knowledge.TokenSpans(q.text)
	var own map[string]bool // made when first needed: few questions name a place
	for i := 0; i+1 < len(spans); i++ {
		if !placeWords[spans[i].Term] || !capitalisedAfter(q.text, spans, i+1) {
			continue
		}
		if own == nil {
			own = ownWords(q)
		}
		j := i + 1
		if spans[j].Term == "the" && j+1 < len(spans) {
			j++
		}
		// The capitalised words after "in (the)", with "of" between them
		// ("Assembly of Vojvodina"); a place is there when one of them is
		// none of the election's own or general words.
		var words []string
		place := ""
		for k := j; k < len(spans); k++ {
			w := q.text[spans[k].Start:spans[k].End]
			r, _ := utf8.DecodeRuneInString(w)
			t := spans[k].Term
			if t == "of" && len(words) > 0 {
				words = append(words, w)
				continue
			}
			if !unicode.IsUpper(r) || len(knowledge.Months(t)) > 0 || isNumber(t) {
				break
			}
			words = append(words, w)
			if place == "" && !isOwn(own, t) && !knownWord(t) && q.e.Knows(t) {
				place = w
			}
		}
		if place != "" {
			return strings.TrimSuffix(strings.Join(words, " "), " of")
		}
	}
	return ""
}

// capitalisedAfter reports whether the word at j, or the one after it
// when j is "the", begins with a capital.
func capitalisedAfter(text string, spans []knowledge.TokenSpan, j int) bool {
	if spans[j].Term == "the" && j+1 < len(spans) {
		j++
	}
	return capitalisedAt(text, spans[j])
}

// ownWords are the words of the election's own names: its title, place,
// country, body and office, its contests, and the contestants the
// question names.
func ownWords(q *question) map[string]bool {
	e := q.e
	own := map[string]bool{}
	add := func(s string) {
		for _, t := range knowledge.FoldTokens(s) {
			own[t] = true
		}
	}
	add(e.Title + " " + e.Place + " " + e.Office + " " + e.Type)
	if e.Article != nil {
		for _, k := range []string{"Country", "Seats For Election", "Title"} {
			if f, ok := e.Article.InfoboxValue(k); ok {
				add(f.Value)
			}
		}
	}
	for _, ct := range e.Contests {
		add(ct.Title)
	}
	for _, k := range q.ents {
		for _, n := range k.Names() {
			add(n)
		}
		add(k.Party)
	}
	for _, p := range e.Polls {
		add(p.Pollster)
	}
	return own
}

// isOwn reports whether a word is one of the own words, in any case
// ending ("Kragujevcu" is Kragujevac).
func isOwn(own map[string]bool, t string) bool {
	if own[t] || own[knowledge.Term(t)] {
		return true // "Gradskoj skupštini" is the City Assembly
	}
	for w := range own {
		if (len(w) >= 4 && knowledge.TokenSimilar(t, w)) || (len(w) >= 3 && knowledge.SamePlace(t, w)) {
			return true
		}
	}
	return false
}

// asksWhere reports a question about where something happened ("Where
// was turnout highest?"): the model knows no places within an election.
func asksWhere(q *question) bool {
	return anyPhrase(q.toks, "where", "gde", "gdje", "in which region", "in which district", "in which city",
		"in which municipality", "which region", "which district", "which municipality")
}

// placeWithin sends a question narrowed to a place within the election,
// or about where, to the passages: the model's figures are the whole
// election's. The passage must name the place and what is asked.
func placeWithin(_ *Answerer, q *question) (reply.Response, verdict) {
	if q.el == attrNone && q.ent == attrNone && !asksWhere(q) {
		return reply.Response{}, next
	}
	place := placeNamed(q)
	if place == "" && !asksWhere(q) {
		return reply.Response{}, next
	}
	q.place = place
	if place != "" {
		var own []string
		for _, t := range knowledge.FoldTokens(place) {
			if !knownWord(t) && t != "of" {
				own = append(own, t) // "vojvodina" of "Assembly of Vojvodina"
			}
		}
		group := terms(own)
		for _, t := range own {
			group = append(group, knowledge.PlaceRoot(t)) // "Vojvodini" is Vojvodina
		}
		q.mustHave = append(q.mustHave, group)
	}
	q.mustSayWhatIsAsked()
	return reply.Response{}, toPassages
}

// mustSayWhatIsAsked has a quoted passage hold a word of what the
// question asks ("turnout", "won"), when a qualifier sent it to the
// passages.
func (q *question) mustSayWhatIsAsked() {
	var words []string
	for _, a := range []attr{q.el, q.ent} {
		words = append(words, cueWords(a)...)
	}
	if len(words) > 0 {
		q.mustHave = append(q.mustHave, terms(words))
	}
}

// personNamed returns a person's name the question gives ("Igor Marn"):
// two to four capitalised words in a row, known to the article, that read
// as a person's; "" when there is none.
func personNamed(q *question) string {
	spans := knowledge.TokenSpans(q.text)
	for i := 0; i < len(spans); i++ {
		j := i
		for j < len(spans) && capitalisedAt(q.text, spans[j]) && (j == i || q.text[spans[j-1].End:spans[j].Start] == " ") {
			j++
		}
		if j-i >= 2 && i > 0 {
			name := q.text[spans[i].Start:spans[j-1].End]
			if knowledge.LooksLikePerson(name) && knownAll(q.e, spans[i:j]) {
				return name
			}
		}
		if j > i {
			i = j - 1
		}
	}
	return ""
}

func capitalisedAt(text string, sp knowledge.TokenSpan) bool {
	r, _ := utf8.DecodeRuneInString(text[sp.Start:sp.End])
	return unicode.IsUpper(r)
}

func knownAll(e *knowledge.Election, spans []knowledge.TokenSpan) bool {
	for _, sp := range spans {
		if !e.Uses(sp.Term) {
			return false
		}
	}
	return true
}

// candidateResults reports whether the article gives its candidates'
// figures one by one, so that a person without any stood apart from them
// or not at all.
func candidateResults(e *knowledge.Election) bool {
	for _, ct := range e.Contests {
		if ct.Elects() && len(ct.FirstRound().Results) >= 2 {
			return true
		}
	}
	return false
}

// unlistedPerson: a person whose figures are asked but who is no
// candidate with figures of their own ("Igor Marn", one of the "other
// candidates") has none in the article; a passage about them is quoted
// as what it does say.
func unlistedPerson(_ *Answerer, q *question) (reply.Response, verdict) {
	if len(q.ents) > 0 || !(q.ent == attrVotes || q.ent == attrShare || seatAttrs[q.ent]) || !candidateResults(q.e) {
		return reply.Response{}, next
	}
	if q.person = personNamed(q); q.person == "" {
		return reply.Response{}, next
	}
	return reply.Response{}, toPassages
}

// namesPerson reports whether a text names a person: two to four
// capitalised words in a row that read as a person's name ("President
// Aleksandar Vučić"), not at the start of the text.
func namesPerson(text string) bool {
	spans := knowledge.TokenSpans(text)
	for i := 1; i < len(spans); i++ {
		j := i
		for j < len(spans) && j-i < 4 && capitalisedAt(text, spans[j]) && (j == i || text[spans[j-1].End:spans[j].Start] == " ") &&
			!knownWord(spans[j].Term) && len(knowledge.Months(spans[j].Term)) == 0 {
			j++
		}
		if j-i >= 2 && knowledge.LooksLikePerson(text[spans[i].Start:spans[j-1].End]) {
			return true
		}
		if j > i {
			i = j - 1
		}
	}
	return false
}
