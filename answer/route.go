package answer

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// A verdict is what a routing rule made of a question.
type verdict int

const (
	next       verdict = iota // not this rule's question: the next rule tries
	done                      // the rule answered, or refused, from the model
	toPassages                // the model cannot answer: quote a passage, if any
)

// A rule is one step of routing a question to its answer. Rules are tried
// in order; the first that does not say next decides.
type rule struct {
	name string
	try  func(a *Answerer, q *question) (reply.Response, verdict)
}

// rules route a question whose intent is known (intent.go) to the answer
// that fits, most particular first. Intents of one party or list are
// answered in party.go, intents of the whole election in election.go.
var rules = []rule{
	{"the highest or lowest in a table of places", tableSuperlative},
	{"a place's row in a table of places", placeRow},
	{"the places where an option won", placesWhereOption},
	{"a question across elections", acrossElections},
	{"a year of the previous election", previousYear},
	{"a year no article is about", otherYear},
	{"what passages may answer instead", markFallback},
	{"another kind of election", otherKindOfElection},
	{"a place within the election", placeWithin},
	{"the minority lists' threshold", minorityThreshold},
	{"who wins the next election", nextWinner},
	{"the side a party took", stanceQuestion},
	{"a referendum", aboutReferendum},
	{"the ruling majority", rulingSeats},
	{"who formed the majority", rulingWho},
	{"why", reasons},
	{"a rule of the election", electionRule},
	{"candidates of a kind", candidatesOfKind},
	{"candidates of a gender", candidatesOfGender},
	{"seats of a candidate", candidateSeats},
	{"seats where none were at stake", seatsNoneAtStake},
	{"a person who is no candidate", unlistedPerson},
	{"one or more parties", aboutParties},
	{"polls' sample sizes", pollSamples},
	{"a pollster's polls", pollsterPolls},
	{"a contest of candidates", aboutCandidates},
	{"the election as a whole", aboutElection},
}

// structured answers from the election model when the question's entity
// and attribute are clear. ok is false when retrieval should try.
func (a *Answerer) structured(q *question) (reply.Response, bool) {
	resp, v, _ := a.route(q)
	return resp, v == done
}

// route tries the rules in order and returns what the first that decides
// made of the question, and its name.
func (a *Answerer) route(q *question) (reply.Response, verdict, string) {
	q.weigh()
	for _, r := range rules {
		if resp, v := r.try(a, q); v != next {
			return resp, v, r.name
		}
	}
	return reply.Response{}, toPassages, "none"
}

// previousYear: a question that names the previous election's year
// ("in 2012") can only be answered here for previous seats; the rest of
// that election is another article's, though a passage may tell of it.
func previousYear(a *Answerer, q *question) (reply.Response, verdict) {
	if q.prevYear == "" || (len(q.ents) > 0 && (q.ent == attrSeats || q.ent == attrPrevSeats || q.ent == attrSeatChange)) {
		return reply.Response{}, next
	}
	if namesElectionOf(q.toks, q.prevYear) && (q.ent != attrNone || q.el != attrNone) {
		return q.say.NotLoaded(a.elections, q.prevYear, ""), done
	}
	// "Who was voted out as mayor in 2013?": a passage may tell (passage
	// refuses it by the year when none does), in the words of what is
	// asked.
	q.mustSayWhatIsAsked()
	return reply.Response{}, toPassages
}

// otherYear: a year no loaded election is from is fine in "governed since
// 2004" and in "Who was voted out as mayor in 2013?" when a passage of
// this article tells of that year; "the 2010 election" is another
// article's, and so is any figure of that year no passage gives (passage
// refuses it by the year).
func otherYear(a *Answerer, q *question) (reply.Response, verdict) {
	switch {
	case q.otherYear == "":
		return reply.Response{}, next
	case namesElectionOf(q.toks, q.otherYear):
		return q.say.NotLoaded(a.elections, q.otherYear, ""), done
	}
	q.mustSayWhatIsAsked()
	return reply.Response{}, toPassages
}

// namesElectionOf reports whether a question names the election of a
// year: "the 2010 election", "elections in 2010", "izbori 2010".
func namesElectionOf(toks []string, year string) bool {
	for i, t := range toks {
		if t != year {
			continue
		}
		for _, n := range toks[max(0, i-3):min(len(toks), i+3)] {
			for _, w := range []string{"election", "izbor", "referendum", "race", "vote"} {
				if strings.HasPrefix(n, w) {
					return true
				}
			}
		}
	}
	return false
}

// fallbackElection and fallbackParty are the intents whose refusal a
// passage may still overturn: a date, a mayor or a leader in the prose
// but not in the infobox.
var (
	fallbackElection = map[attr]bool{attrDate: true, attrPrevElection: true, attrNextElection: true, attrListCount: true, attrTotalSeats: true}
	fallbackParty    = map[attr]bool{attrLeader: true, attrCarrier: true, attrMembers: true, attrMinority: true}
)

// markFallback notes whether a refusal from the model should give way to
// a passage; it decides nothing.
func markFallback(_ *Answerer, q *question) (reply.Response, verdict) {
	switch {
	case q.el == attrMayor:
		// Who held the office before is in the infobox or nowhere.
		q.fallback = !(q.in.before && !q.in.after)
	case fallbackElection[q.el]:
		q.fallback = true
	}
	if fallbackParty[q.ent] {
		q.fallback = true
	}
	return reply.Response{}, next
}

// otherKindOfElection: "the turnout in the parliamentary election" is not
// this election's turnout; only a passage may speak of that one, in the
// words of what is asked ("winner" for "who won").
func otherKindOfElection(a *Answerer, q *question) (reply.Response, verdict) {
	kind := otherKind(q)
	if kind == "" || a.articleSays(q.e, bodyPhrase(q.toks, kind)) {
		return reply.Response{}, next
	}
	q.otherKind = kind
	q.mustSayWhatIsAsked()
	return reply.Response{}, toPassages
}

// minorityThreshold: the minority lists' exemption from the threshold is
// prose, if anywhere, and the passage must be about minorities.
func minorityThreshold(_ *Answerer, q *question) (reply.Response, verdict) {
	// "What share did minority lists need to win seats?" asks for their
	// threshold without the word.
	needShare := (q.in.has(attrShare) || anyPhrase(q.toks, "share", "percent", "per cent", "procen", "odsto")) &&
		anyPhrase(q.toks, "need", "require", "must", "have to", "had to", "potreb", "moral", "trebal")
	if !(q.el == attrThreshold || needShare) || !q.in.has(attrMinority) {
		return reply.Response{}, next
	}
	if sec, sent := minorityRule(q.e); sent != "" {
		return q.say.Answer(q.e, q.say.T(lang.PassageFrame, sent), sec), done
	}
	q.mustHave = append(q.mustHave, []string{"minorit", "manjin"})
	return reply.Response{}, toPassages
}

// minorityRule finds the sentence that says what share the minorities'
// lists needed: one about minorities that states a percentage and a
// rule ("that fail the 3% threshold take part if they receive at least
// 0.7%").
func minorityRule(e *knowledge.Election) (section, sentence string) {
	eachCurrentSentence(e, func(sec, sent string) bool {
		toks := knowledge.FoldTokens(sent)
		if strings.Contains(sent, "%") && hasAnyWord(toks, []string{"minorit", "manjin"}) &&
			hasAnyWord(toks, []string{"threshold", "least", "need", "requir", "exempt", "quota", "cenzus", "najmanje", "potreb"}) {
			section, sentence = sec, sent
			return true
		}
		return false
	})
	return section, sentence
}

// reasons: "why" is answered by the prose, which gives reasons; the
// model has only figures ("Why were so many ballots invalid?").
func reasons(_ *Answerer, q *question) (reply.Response, verdict) {
	if !q.in.why {
		return reply.Response{}, next
	}
	return reply.Response{}, toPassages
}

// electionRule: what turnout a round needed to be valid is a rule of the
// prose, not the round's turnout; the passage must state a requirement.
func electionRule(_ *Answerer, q *question) (reply.Response, verdict) {
	if !q.rule || q.ent != attrNone || (q.el != attrNone && q.el != attrTurnout) {
		return reply.Response{}, next
	}
	q.mustHave = append(q.mustHave, []string{"need", "requir", "valid", "must", "least", "quorum", "minimum"})
	q.proseOnly = true
	return reply.Response{}, toPassages
}

// nextWinner: no passage of this article can know who won the next
// election.
func nextWinner(_ *Answerer, q *question) (reply.Response, verdict) {
	if !q.in.has(attrNextElection) || !q.in.has(attrWinner) {
		return reply.Response{}, next
	}
	q.fallback = false
	return q.say.NotInArticle(q.e, q.say.T(lang.NextWinnerUnknown, q.e.Title)), done
}

// pollSamples: how many people the named polls, or all, asked.
func pollSamples(_ *Answerer, q *question) (reply.Response, verdict) {
	if !q.in.has(attrSample) || (len(q.polls) == 0 && !q.in.has(attrPolls)) {
		return reply.Response{}, next
	}
	return sampleAnswer(q), done
}

// pollsterPolls: a question naming a pollster is about its polls, unless
// it asks for the turnout.
func pollsterPolls(_ *Answerer, q *question) (reply.Response, verdict) {
	if len(q.polls) == 0 || q.in.has(attrTurnout) {
		return reply.Response{}, next
	}
	return pollAnswer(q, nil), done
}
