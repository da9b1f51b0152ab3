package answer

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// entityAttrs are attributes of one party or list; the rest are of the
// election as a whole.
var entityAttrs = map[attr]bool{
	attrSeats: true, attrPrevSeats: true, attrSeatChange: true, attrShare: true, attrVotes: true,
	attrLeader: true, attrCarrier: true, attrBallot: true, attrPolls: true, attrColour: true,
	attrMinority: true, attrMembers: true, attrName: true, attrShareSwing: true,
}

// best returns the highest-scoring attribute of those accepted by keep.
func (in intent) best(keep func(attr) bool) (attr, float64) {
	best, bestS := attrNone, 0.0
	for a, s := range in.scores {
		if !keep(a) {
			continue
		}
		if s > bestS || (s == bestS && a < best) {
			best, bestS = a, s
		}
	}
	return best, bestS
}

// structured answers from the election model when the question's entity
// and attribute are clear. ok is false when retrieval should try.
func (a *Answerer) structured(q *question) (reply.Response, bool) {
	in := q.in
	e := q.e
	entA, entS := in.best(func(a attr) bool { return entityAttrs[a] })
	elA, elS := in.best(func(a attr) bool { return !entityAttrs[a] })

	if q.prevYear != "" && !(len(q.ents) > 0 && (entA == attrSeats || entA == attrPrevSeats || entA == attrSeatChange)) {
		// Only previous seats come from this article; the rest of that
		// election is another article's, though a passage may tell of it.
		if entA == attrNone && elA == attrNone {
			return reply.Response{}, false
		}
		return reply.NotLoaded(a.elections, q.prevYear, ""), true
	}
	if q.otherYear != "" {
		if entA != attrNone || elA != attrNone {
			return reply.NotLoaded(a.elections, q.otherYear, ""), true
		}
		return reply.Response{}, false // "since 2004": a passage may say
	}
	switch elA {
	case attrMayor:
		q.fallback = !(in.before && !in.after)
	case attrDate, attrPrevElection, attrNextElection, attrListCount, attrTotalSeats:
		q.fallback = true
	}
	switch entA {
	case attrLeader, attrCarrier, attrMembers:
		q.fallback = true
	}
	if kind := otherKind(q); kind != "" {
		// "the turnout in the parliamentary election" is not this
		// election's turnout; only a passage may speak of that one, in
		// the words of what is asked ("winner" for "who won").
		q.otherKind = kind
		for _, a := range []attr{elA, entA} {
			q.mustHave = append(q.mustHave, cueWords(a)...)
		}
		return reply.Response{}, false
	}
	if elA == attrThreshold && in.has(attrMinority) {
		// Minority lists' exemption is prose, if anywhere, and the passage
		// must be about minorities.
		q.mustHave = append(q.mustHave, "minorit", "manjin")
		return reply.Response{}, false
	}
	if in.has(attrNextElection) && in.has(attrWinner) {
		q.fallback = false // no passage of this article can know either
		return reply.NotInArticle(e, fmt.Sprintf("it is about the %s and cannot say who won the next one.", e.Title)), true
	}
	if len(q.ents) > 0 {
		switch {
		case in.has(attrMajority):
			return majorityOf(e, q.ents[0]), true
		case in.has(attrPassed) || (in.has(attrThreshold) && !in.has(attrPolls)):
			return thresholdOf(e, q.ents[0]), true
		case in.has(attrDifference) && len(q.ents) >= 2:
			return difference(e, q.ents[0], q.ents[1], in), true
		case (in.has(attrTurnout) || in.has(attrMayor)) && entS < 4:
			// "turnout" or "mayor" beat a weak entity word ("high enough").
		case entA != attrNone:
			return entityAnswer(q, entA), true
		case elA == attrNone && entA == attrNone:
			if isJustNames(q) {
				return summary(e, q.ents[0]), true
			}
			return reply.Response{}, false
		case elS < 4:
			// An entity with a weak election word ("When was DS
			// founded?"): a passage may know; the election's date doesn't.
			return reply.Response{}, false
		}
	}
	if in.has(attrSample) && (len(q.polls) > 0 || in.has(attrPolls)) {
		return sampleAnswer(q), true
	}
	if len(q.polls) > 0 && !in.has(attrTurnout) {
		return pollAnswer(q, nil), true
	}
	if elA == attrNone {
		switch {
		case entA == attrSeats && (in.total || len(subjectWords(q)) == 0):
			// "How many seats were there?"; but not "How many seats did
			// the Progressives win?" when no list goes by that name.
			elA = attrTotalSeats
		case entA == attrPolls:
			return pollAnswer(q, nil), true
		case entA == attrMinority:
			return minorityLists(e), true
		default:
			return reply.Response{}, false
		}
	}
	if (softAttr[elA] || (elA == attrThreshold && in.has(attrMinority))) && len(leftover(q)) > 0 {
		// "When were the final results proclaimed?" is not the election's
		// date: words the attribute does not explain send it to passages.
		return reply.Response{}, false
	}
	// Election-level attributes, with the qualifiers that refine them.
	switch {
	case elA == attrRank || (in.has(attrRank) && (elA == attrWinner || entA == attrSeats || entA == attrShare)):
		return rank(e, q.toks), true
	case elA == attrWinner:
		return winner(e, entA), true
	case elA == attrListCount && (in.has(attrPassed) || (in.has(attrSeats) && !in.total)):
		if in.negated {
			return failedLists(e), true
		}
		return passedLists(e), true
	case elA == attrLists && in.has(attrPassed):
		if in.negated {
			return failedLists(e), true
		}
		return passedLists(e), true
	}
	switch elA {
	case attrTurnout:
		return factFigure(e, e.Turnout, "Turnout was %s.", reply.Pct, "turnout"), true
	case attrDate:
		if e.Date == nil {
			return reply.NotInArticle(e, "it does not give the election's date."), true
		}
		return reply.Answer(e, fmt.Sprintf("The %s was held on %s.", e.Title, e.Date.Text), e.Date.Section), true
	case attrThreshold:
		return factFigure(e, e.Threshold, "The electoral threshold was %s of the vote.", reply.Pct, "threshold"), true
	case attrMajority:
		return majority(e), true
	case attrTotalSeats:
		return factFigure(e, e.Seats, "%s seats were up for election.", reply.Num, "number of seats"), true
	case attrListCount:
		return factFigure(e, e.ListCount, "%s electoral lists stood in the election.", reply.Num, "number of lists"), true
	case attrMayor:
		return mayor(e, in), true
	case attrPrevElection:
		if e.Previous == nil {
			return reply.NotInArticle(e, "it does not name the previous election."), true
		}
		return reply.Answer(e, fmt.Sprintf("The previous election was in %s.", e.Previous.Text), e.Previous.Section), true
	case attrNextElection:
		if e.Next == nil {
			return reply.NotInArticle(e, "it does not name the next election."), true
		}
		return reply.Answer(e, fmt.Sprintf("The next election was in %s.", e.Next.Text), e.Next.Section), true
	case attrPassed:
		if in.negated {
			return failedLists(e), true
		}
		return passedLists(e), true
	case attrRegistered:
		return factFigure(e, e.Registered, "%s voters were registered.", reply.Num, "number of registered voters"), true
	case attrInvalid:
		return factFigure(e, e.Invalid, "%s votes were invalid.", reply.Num, "number of invalid votes"), true
	case attrValid:
		return factFigure(e, e.Valid, "%s votes were valid.", reply.Num, "number of valid votes"), true
	case attrVotesCast:
		if e.Votes == nil && e.Turnout != nil {
			return reply.Answer(e, fmt.Sprintf("The article does not give the number of votes cast; turnout was %s.", reply.Pct(e.Turnout)), e.Turnout.Section), true
		}
		return factFigure(e, e.Votes, "%s votes were cast.", reply.Num, "number of votes cast"), true
	case attrSample:
		return sampleAnswer(q), true
	case attrFootnote:
		if r, ok := footnote(e, q.text); ok {
			return r, true
		}
		return reply.Response{}, false
	case attrResults:
		return resultsSummary(e), true
	case attrLists:
		if in.has(attrMinority) {
			return minorityLists(e), true
		}
		return factFigure(e, e.ListCount, "%s electoral lists stood; /list shows them all.", reply.Num, "number of lists"), true
	}
	return reply.Response{}, false
}

// softAttr are election attributes whose cue words also appear in
// questions about other things ("when", "results", "mayor").
var softAttr = map[attr]bool{attrDate: true, attrResults: true, attrWinner: true, attrPrevElection: true,
	attrNextElection: true, attrMayor: true}

// leftover returns the content words of a question that neither the
// attribute cues, nor general election words, nor the election's title, nor
// the linked names explain.
func leftover(q *question) []string {
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
	for _, t := range q.toks {
		if stopwords[t] || questionWords[t] || names[t] || knownWord(t) || isNumber(t) || len(knowledge.Months(t)) > 0 || len(t) < 3 {
			continue
		}
		if q.e.Uses(t) {
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
	for _, t := range q.toks {
		if stopwords[t] || questionWords[t] || knownWord(t) || isNumber(t) || len(t) < 3 || title[t] {
			continue
		}
		out = append(out, t)
	}
	return out
}

// electionKinds are the kinds of election a question can name.
var electionKinds = []string{"parliamentary", "presidential", "provincial", "european", "general", "federal",
	"national", "parlamentarn", "predsednick", "pokrajinsk"}

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
	title := knowledge.Fold(q.e.Title)
	for _, k := range electionKinds {
		if !strings.Contains(title, k) && namesKind(q.toks, k) {
			return k
		}
	}
	return ""
}

// cueWords returns the one-word cues of an attribute ("winner", "won").
func cueWords(a attr) []string {
	if a == attrNone {
		return nil
	}
	var out []string
	for _, c := range cueTable {
		if c.a == a && len(c.phrase) == 1 {
			out = append(out, c.phrase[0])
		}
	}
	if a == attrWinner {
		out = append(out, "won", "win", "victor")
	}
	return out
}
