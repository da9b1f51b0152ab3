package answer

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// rulingWords ask about the majority that governs after an election, not
// about how many seats a majority needs: "the ruling coalition", "the
// governing majority", "vladajuća koalicija".
var rulingWords = cuePhrases("ruling", "governing", "in power", "government", "new majority", "formed the majority", "vlada", "vlast",
	"formed a majority", "majority coalition", "vladajuc", "na vlasti", "nova vecina", "vladin", "koalicija na vlasti",
	"did the majority", "does the majority", "the majority had", "the majority held", "the majority hold", "majority control",
	"vecina imala", "vecina ima", "opposition", "opozicij")

// oppositionWords ask for the seats outside the majority.
var oppositionWords = []string{"opposition", "opozicij"}

// formingWords begin the words of a clause that says who formed a
// majority or a government.
var formingWords = []string{"formed", "forming", "formiral", "formira", "napravil", "sastavil", "signed", "agree", "potpisal", "sporazum"}

// rulingSeats: "How many seats did the ruling coalition have?" is the
// seats of the lists the prose says formed the majority, summed from the
// results; when the prose names none, the article does not say (the
// seats a majority needs are a different figure, given as that).
func rulingSeats(_ *Answerer, q *question) (reply.Response, verdict) {
	if !asksRuling(q) {
		return reply.Response{}, next
	}
	ct := assemblyContest(q.e)
	if ct == nil || q.e.Seats == nil {
		return reply.Response{}, next
	}
	s, e := q.say, q.e
	q.settled = true
	of := e.Seats.Int()
	opposition := hasAnyWord(q.toks, oppositionWords)
	lists, section, sentence := majorityLists(e, ct)
	if n, ok := statedSeats(sentence, of); ok && reachesMajority(e, n) && !opposition {
		// "..., which together held 47 of the 90 seats": the article's
		// own count, whoever it names.
		return s.Answer(e, s.T(lang.RulingStated, n, of, sentence), section), done
	}
	lists, total, parts := summedSeats(ct, lists)
	switch {
	case len(lists) > 0 && total <= of && reachesMajority(e, total):
		sec := resultSection(ct.FirstRound().Result(lists[0]))
		if opposition {
			return s.Answer(e, s.T(lang.OppositionSeats, of-total, of, names(s, lists), total), section, sec), done
		}
		return s.Answer(e, s.T(lang.RulingSeats, names(s, lists), total, of, strings.Join(parts, ", ")), section, sec), done
	case len(lists) == 0 && e.MajorityHolder() != nil && e.MajorityHolder().Seats != nil:
		// No clause tells of a coalition: a list with a majority of its
		// own rules alone.
		k := e.MajorityHolder()
		if opposition {
			return s.Answer(e, s.T(lang.OppositionSeats, of-k.Seats.Int(), of, k.Name, k.Seats.Int()), e.ResultsSection), done
		}
		return s.Answer(e, s.T(lang.RulingAlone, k.Name, k.Seats.Int(), of), e.ResultsSection), done
	}
	return rulingUnknown(q), done
}

// rulingWho: "Who formed the government?", "Which parties formed the
// ruling coalition?": the lists the prose's clause names, with the seats
// it states or their sum; a list with a majority of its own rules alone.
// Otherwise the passages may tell.
func rulingWho(_ *Answerer, q *question) (reply.Response, verdict) {
	if q.in.howMany || !(q.in.who || anyPhrase(q.toks, "which", "what parties", "koje", "koja", "koji")) || !asksFormed(q) {
		return reply.Response{}, next
	}
	ct := assemblyContest(q.e)
	if ct == nil || q.e.Seats == nil {
		return reply.Response{}, next
	}
	s, e := q.say, q.e
	q.settled = true // "formed" in a sentence of another party's founding is no answer
	lists, section, sentence := majorityLists(e, ct)
	if len(lists) > 0 {
		// The sentence names them as the article does, and may name a
		// partner without seats ("and the Bosniak Party").
		if _, total, parts := summedSeats(ct, lists); total > 0 && total <= e.Seats.Int() && reachesMajority(e, total) {
			text := s.T(lang.RulingSeats, names(s, lists), total, e.Seats.Int(), strings.Join(parts, ", ")) + " " + s.T(lang.RulingQuote, sentence)
			return s.Answer(e, text, section), done
		}
		return s.Answer(e, s.T(lang.RulingWho, names(s, lists), sentence), section), done
	}
	if k := e.MajorityHolder(); k != nil && k.Seats != nil {
		return s.Answer(e, s.T(lang.RulingAlone, k.Name, k.Seats.Int(), e.Seats.Int()), e.ResultsSection), done
	}
	return reply.Response{}, toPassages
}

// asksFormed reports a question after who formed the majority: a word
// of forming and a word of the body formed ("formed the government",
// "formirao vladu"), or the ruling side named ("the ruling coalition",
// "in power"). Toppling a government or signing a protocol is neither.
func asksFormed(q *question) bool {
	forming := hasAnyWord(q.toks, []string{"form", "formed", "forms", "forming", "formiral", "formira", "sastavil", "sastavi"})
	body := hasAnyWord(q.toks, []string{"majority", "coalition", "government", "vlad", "vecin", "koalicij"})
	return forming && body || anyPhrase(q.toks, "ruling coalition", "governing coalition", "ruling majority", "governing majority",
		"in power", "na vlasti", "vladajuc")
}

// rulingUnknown says the article does not tell who formed the majority,
// with the seats a majority needed, labelled as that.
func rulingUnknown(q *question) reply.Response {
	q.fallback = false // "ruling coalition" in another sentence gives no seats
	s, e := q.say, q.e
	why := s.T(lang.RulingUnknown)
	if e.Majority != nil {
		why += " " + s.T(lang.MajorityNeededLabel, e.Majority.Int(), e.Seats.Int())
	}
	return s.NotInArticle(e, why)
}

// summedSeats adds up the seats of lists, each named with its seats; no
// lists when one of them has no seats in the results.
func summedSeats(ct *knowledge.Contest, lists []*knowledge.Contestant) ([]*knowledge.Contestant, int, []string) {
	total, parts := 0, make([]string, 0, len(lists))
	for _, c := range lists {
		res := ct.FirstRound().Result(c)
		if res == nil || res.Seats == nil {
			return nil, 0, nil
		}
		total += res.Seats.Int()
		parts = append(parts, fmt.Sprintf("%s %d", c.Name, res.Seats.Int()))
	}
	return lists, total, parts
}

// reachesMajority reports whether seats make a majority: the article's
// figure for one, else more than half.
func reachesMajority(e *knowledge.Election, seats int) bool {
	if e.Majority != nil {
		return seats >= e.Majority.Int()
	}
	return 2*seats > e.Seats.Int()
}

// asksRuling reports a question after the size of the governing majority.
func asksRuling(q *question) bool {
	if !(q.in.howMany || q.in.has(attrSeats) || q.in.has(attrTotalSeats) || anyPhrase(q.toks, "how big", "how large", "size")) {
		return false
	}
	for _, p := range rulingWords {
		if phraseIn(q.toks, p, false) {
			return true
		}
	}
	return false
}

// assemblyContest is the contest of lists that won seats, or nil.
func assemblyContest(e *knowledge.Election) *knowledge.Contest {
	for _, ct := range e.Contests {
		if ct.Kind == knowledge.ContestAssembly {
			return ct
		}
	}
	return nil
}

// majorityLists finds the clause of the prose that says who formed the
// majority ("the DSS formed a majority with For Sombor and G17 Plus") and
// the lists it names, and its section; none when no clause does. Only
// the clause counts: "the SRS went into opposition" in the same sentence
// is no part of it.
func majorityLists(e *knowledge.Election, ct *knowledge.Contest) (lists []*knowledge.Contestant, section, sentence string) {
	eachCurrentSentence(e, func(sec, sent string) bool {
		for _, clause := range clauses(sent) {
			if cs, ok := formingClause(e, ct, clause); ok {
				lists, section, sentence = cs, sec, sent
				return true
			}
		}
		return false
	})
	return lists, section, sentence
}

// seatsOutOf is a count of seats out of the assembly's: "47 of the 90
// seats", "47 od 90 mandata".
var seatsOutOf = regexp.MustCompile(`(\d+) (?:of the|of|od) (\d+) (?:seats|mandata|mjesta)`)

// statedSeats returns the seats a sentence says the majority held, out
// of the assembly's of.
func statedSeats(sentence string, of int) (int, bool) {
	for _, m := range seatsOutOf.FindAllStringSubmatch(sentence, -1) {
		n, _ := strconv.Atoi(m[1])
		if total, _ := strconv.Atoi(m[2]); total == of {
			return n, true
		}
	}
	return 0, false
}

// clauses splits a sentence where a new statement may begin.
func clauses(sent string) []string {
	for _, sep := range []string{"; ", ", which joined ", ", while ", ", whereas ", ", but ", ", dok ", ", a "} {
		sent = strings.ReplaceAll(sent, sep, "\n")
	}
	return strings.Split(sent, "\n")
}

// formingClause reports a clause that says who formed a majority or a
// government, and returns the lists of ct it names (with seats), in the
// order named: none when it names them otherwise ("Kos formed a
// majority").
func formingClause(e *knowledge.Election, ct *knowledge.Contest, clause string) ([]*knowledge.Contestant, bool) {
	toks := knowledge.FoldTokens(clause)
	if namesOtherYear(e, toks) {
		return nil, false // "After the 2016 election the SNS formed ...": another term's majority
	}
	if !hasAnyWord(toks, formingWords) || !hasAnyWord(toks, []string{"majority", "vecin", "coalition", "koalicij", "government", "vlad"}) {
		return nil, false
	}
	if hasAnyWord(toks, []string{"opposition", "opozicij", "failed", "could", "attempt", "pokusa"}) {
		return nil, false
	}
	var out []*knowledge.Contestant
	seen := map[*knowledge.Contestant]bool{}
	ms := ct.Resolve(clause)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start }) // in the order named
	for _, m := range ms {
		if res := ct.FirstRound().Result(m.Contestant); res == nil || res.Seats == nil || res.Seats.Int() == 0 {
			continue // a list without seats is in no majority
		}
		if !seen[m.Contestant] && m.Exact {
			seen[m.Contestant] = true
			out = append(out, m.Contestant)
		}
	}
	return out, true
}
