package bot

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
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
func (c *call) structured(q *question) (Response, bool) {
	in := q.in
	e := q.e
	entA, entS := in.best(func(a attr) bool { return entityAttrs[a] })
	elA, elS := in.best(func(a attr) bool { return !entityAttrs[a] })

	if q.prevYear != "" && !(len(q.ents) > 0 && (entA == attrSeats || entA == attrPrevSeats || entA == attrSeatChange)) {
		// Only previous seats come from this article; the rest of that
		// election is another article's, though a passage may tell of it.
		if entA == attrNone && elA == attrNone {
			return Response{}, false
		}
		return notLoaded(c.lib.Elections, q.prevYear, ""), true
	}
	if q.otherYear != "" {
		if entA != attrNone || elA != attrNone {
			return notLoaded(c.lib.Elections, q.otherYear, ""), true
		}
		return Response{}, false // "since 2004": a passage may say
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
		return Response{}, false
	}
	if elA == attrThreshold && in.has(attrMinority) {
		// Minority lists' exemption is prose, if anywhere, and the passage
		// must be about minorities.
		q.mustHave = append(q.mustHave, "minorit", "manjin")
		return Response{}, false
	}
	if in.has(attrNextElection) && in.has(attrWinner) {
		q.fallback = false // no passage of this article can know either
		return notInArticle(e, fmt.Sprintf("it is about the %s and cannot say who won the next one.", e.Title)), true
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
			return c.entityAnswer(q, entA), true
		case elA == attrNone && entA == attrNone:
			if isJustNames(q) {
				return summary(e, q.ents[0]), true
			}
			return Response{}, false
		case elS < 4:
			// An entity with a weak election word ("When was DS
			// founded?"): a passage may know; the election's date doesn't.
			return Response{}, false
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
			return Response{}, false
		}
	}
	if (softAttr[elA] || (elA == attrThreshold && in.has(attrMinority))) && len(leftover(q)) > 0 {
		// "When were the final results proclaimed?" is not the election's
		// date: words the attribute does not explain send it to passages.
		return Response{}, false
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
		return factFigure(e, e.Turnout, "Turnout was %s.", pct, "turnout"), true
	case attrDate:
		if e.Date == nil {
			return notInArticle(e, "it does not give the election's date."), true
		}
		return answered(e, fmt.Sprintf("The %s was held on %s.", e.Title, e.Date.Text), e.Date.Section), true
	case attrThreshold:
		return factFigure(e, e.Threshold, "The electoral threshold was %s of the vote.", pct, "threshold"), true
	case attrMajority:
		return majority(e), true
	case attrTotalSeats:
		return factFigure(e, e.Seats, "%s seats were up for election.", num, "number of seats"), true
	case attrListCount:
		return factFigure(e, e.ListCount, "%s electoral lists stood in the election.", num, "number of lists"), true
	case attrMayor:
		return mayor(e, in), true
	case attrPrevElection:
		if e.Previous == nil {
			return notInArticle(e, "it does not name the previous election."), true
		}
		return answered(e, fmt.Sprintf("The previous election was in %s.", e.Previous.Text), e.Previous.Section), true
	case attrNextElection:
		if e.Next == nil {
			return notInArticle(e, "it does not name the next election."), true
		}
		return answered(e, fmt.Sprintf("The next election was in %s.", e.Next.Text), e.Next.Section), true
	case attrPassed:
		if in.negated {
			return failedLists(e), true
		}
		return passedLists(e), true
	case attrRegistered:
		return factFigure(e, e.Registered, "%s voters were registered.", num, "number of registered voters"), true
	case attrInvalid:
		return factFigure(e, e.Invalid, "%s votes were invalid.", num, "number of invalid votes"), true
	case attrValid:
		return factFigure(e, e.Valid, "%s votes were valid.", num, "number of valid votes"), true
	case attrVotesCast:
		if e.Votes == nil && e.Turnout != nil {
			return answered(e, fmt.Sprintf("The article does not give the number of votes cast; turnout was %s.", pct(e.Turnout)), e.Turnout.Section), true
		}
		return factFigure(e, e.Votes, "%s votes were cast.", num, "number of votes cast"), true
	case attrSample:
		return sampleAnswer(q), true
	case attrFootnote:
		if r, ok := footnote(e, q.text); ok {
			return r, true
		}
		return Response{}, false
	case attrResults:
		return resultsSummary(e), true
	case attrLists:
		if in.has(attrMinority) {
			return minorityLists(e), true
		}
		return factFigure(e, e.ListCount, "%s electoral lists stood; /list shows them all.", num, "number of lists"), true
	}
	return Response{}, false
}

// nameFiller are the words around a bare name: "tell me about the DS".
var nameFiller = wordSet(`the a an about tell me show info information on who what is are was were please
party list coalition o ko je sta sto su bio bila`)

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
	for _, t := range q.toks {
		if nameFiller[t] || names[t] {
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

// factFigure answers an election-level figure or says the article lacks it.
func factFigure(e *knowledge.Election, f *knowledge.Figure, format string, render func(*knowledge.Figure) string, what string) Response {
	if f == nil {
		return notInArticle(e, fmt.Sprintf("it does not give the %s.", what))
	}
	return answered(e, fmt.Sprintf(format, render(f)), f.Section)
}

func majority(e *knowledge.Election) Response {
	need := e.Majority
	if need == nil {
		if e.Seats == nil {
			return notInArticle(e, "it gives neither the majority nor the number of seats.")
		}
		text := fmt.Sprintf("The article does not state the majority; with %d seats it would be %d (derived: half plus one).", e.Seats.Int(), e.Seats.Int()/2+1)
		return answered(e, text, e.Seats.Section)
	}
	text := fmt.Sprintf("A majority took %s", seatWord(need.Int()))
	if e.Seats != nil {
		text += fmt.Sprintf(" of %d", e.Seats.Int())
	}
	text += "."
	if m := e.MajorityHolder(); m != nil {
		text += fmt.Sprintf(" %s won one, with %s.", m.DisplayName(), seatWord(m.Seats.Int()))
	}
	return answered(e, text, need.Section)
}

func majorityOf(e *knowledge.Election, k *knowledge.Contestant) Response {
	if k.Seats == nil {
		return notInArticle(e, fmt.Sprintf("it gives no seats for %s.", k.DisplayName()))
	}
	need := 0
	if e.Majority != nil {
		need = e.Majority.Int()
	} else if e.Seats != nil {
		need = e.Seats.Int()/2 + 1
	}
	if need == 0 {
		return answered(e, fmt.Sprintf("%s won %s; the article does not say how many make a majority.", k.DisplayName(), seatWord(k.Seats.Int())), k.Seats.Section)
	}
	if k.Seats.Int() >= need {
		return answered(e, fmt.Sprintf("%s won a majority: %s, with %d needed.", k.DisplayName(), seatWord(k.Seats.Int()), need), k.Seats.Section)
	}
	return answered(e, fmt.Sprintf("%s fell %s short of a majority: %s, with %d needed.", k.DisplayName(),
		seatWord(need-k.Seats.Int()), seatWord(k.Seats.Int()), need), k.Seats.Section)
}

func thresholdOf(e *knowledge.Election, k *knowledge.Contestant) Response {
	switch {
	case k.Seats != nil && k.Seats.Int() > 0:
		return answered(e, fmt.Sprintf("Yes: %s won %s%s, so it passed the threshold.", k.DisplayName(), seatWord(k.Seats.Int()), shareSuffix(k)), k.Seats.Section)
	case k.Share != nil && e.Threshold != nil:
		verdict := "passed"
		if k.Share.Value < e.Threshold.Value {
			verdict = "did not pass"
		}
		return answered(e, fmt.Sprintf("%s won %s, so it %s the %s threshold.", k.DisplayName(), pct(k.Share), verdict, pct(e.Threshold)), k.Share.Section, e.Threshold.Section)
	case e.AllSeatsAccounted():
		return answered(e, fmt.Sprintf("%s won no seats: the lists with seats in the infobox hold all %d, so it did not pass the threshold (derived).", k.DisplayName(), e.Seats.Int()), knowledge.SectionInfobox)
	}
	return notInArticle(e, fmt.Sprintf("it gives no result for %s.", k.DisplayName()))
}

func shareSuffix(k *knowledge.Contestant) string {
	if k.Share == nil {
		return ""
	}
	return " (" + pct(k.Share) + ")"
}

func winner(e *knowledge.Election, a attr) Response {
	w := e.Winner()
	if w == nil {
		return notInArticle(e, "it gives no seats or shares per list.")
	}
	var parts []string
	if w.Seats != nil {
		s := seatWord(w.Seats.Int())
		if e.Seats != nil {
			s += fmt.Sprintf(" of %d", e.Seats.Int())
		}
		parts = append(parts, s)
	}
	if w.Share != nil {
		parts = append(parts, pct(w.Share)+" of the vote")
	}
	text := fmt.Sprintf("%s won the most seats: %s.", w.DisplayName(), strings.Join(parts, ", "))
	if m := e.MajorityHolder(); m == w {
		text = fmt.Sprintf("%s won, with an absolute majority: %s.", w.DisplayName(), strings.Join(parts, ", "))
	}
	sec := knowledge.SectionInfobox
	if w.Seats != nil {
		sec = w.Seats.Section
	}
	return answered(e, text, sec)
}

func passedLists(e *knowledge.Election) Response {
	hs := e.SeatHolders()
	var won []string
	for _, h := range hs {
		if h.Seats.Int() > 0 {
			won = append(won, fmt.Sprintf("%s (%d)", h.Name, h.Seats.Int()))
		}
	}
	if len(won) == 0 {
		return notInArticle(e, "it gives no seats per list.")
	}
	text := fmt.Sprintf("%d lists won seats: %s.", len(won), strings.Join(won, ", "))
	if e.AllSeatsAccounted() {
		text += fmt.Sprintf(" Together they hold all %d seats, so no other list passed the threshold (derived).", e.Seats.Int())
	}
	return answered(e, text, knowledge.SectionInfobox)
}

func minorityLists(e *knowledge.Election) Response {
	var names []string
	for _, k := range e.Ballots() {
		if k.Minority() {
			s := fmt.Sprintf("%d. %s", k.Ballot, k.BallotName)
			if r := resultLine(e, k); r != "" {
				s += " (" + r + ")"
			} else if e.AllSeatsAccounted() {
				s += " (no seats)"
			}
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		return notInArticle(e, "it marks no list as a national minority list.")
	}
	return answered(e, fmt.Sprintf("%d national minority lists: %s.", len(names), strings.Join(names, "; ")), e.ListsSection)
}

func mayor(e *knowledge.Election, in intent) Response {
	office := e.Office
	if office == "" {
		office = "mayor"
	}
	holder := func(h *knowledge.Officeholder) string {
		s := h.Name
		if h.Party != "" {
			s += " (" + h.Party + ")"
		}
		return s
	}
	switch {
	case in.before && !in.after:
		if e.Before == nil {
			return notInArticle(e, "it does not say who held the office before the election.")
		}
		return answered(e, fmt.Sprintf("Before the election the %s was %s.", lowerFirst(office), holder(e.Before)), e.Before.Section)
	case in.after || in.current:
		if e.After == nil {
			return notInArticle(e, "it does not say who held the office after the election.")
		}
		text := fmt.Sprintf("After the election the %s was %s.", lowerFirst(office), holder(e.After))
		if in.current {
			text += " That is as of this election; the article cannot say who holds the office today."
		}
		return answered(e, text, e.After.Section)
	}
	var parts []string
	var secs []string
	if e.Before != nil {
		parts = append(parts, "before the election: "+holder(e.Before))
		secs = append(secs, e.Before.Section)
	}
	if e.After != nil {
		parts = append(parts, "after it: "+holder(e.After))
		secs = append(secs, e.After.Section)
	}
	if len(parts) == 0 {
		return notInArticle(e, "it names no mayor.")
	}
	return answered(e, upperFirst(office)+", "+strings.Join(parts, "; ")+".", secs...)
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// summary is the short answer to a bare name.
func summary(e *knowledge.Election, k *knowledge.Contestant) Response {
	var parts []string
	if k.Ballot > 0 {
		s := fmt.Sprintf("list %d (%s)", k.Ballot, k.BallotName)
		if k.Carrier != "" {
			s += ", carried by " + k.Carrier
		}
		parts = append(parts, s)
	}
	if k.Leader != "" {
		parts = append(parts, "led by "+k.Leader)
	}
	if r := resultLine(e, k); r != "" {
		parts = append(parts, r)
	} else if r := noSeatsLine(e, k); r != "" {
		parts = append(parts, r)
	}
	text := k.Name
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, "; ")
	}
	text += ". /party " + firstName(k) + " tells more."
	return answered(e, text, knowledge.SectionInfobox, e.ListsSection)
}

func firstName(k *knowledge.Contestant) string {
	if len(k.Abbrevs) > 0 {
		return k.Abbrevs[0]
	}
	if k.Ballot > 0 {
		return strconv.Itoa(k.Ballot)
	}
	return k.Name
}

// entityAnswer answers an attribute of the linked contestants.
func (c *call) entityAnswer(q *question, a attr) Response {
	e := q.e
	in := q.in
	switch {
	case a == attrSeats && in.has(attrSeatChange):
		a = attrSeatChange
	case a == attrSeats && (in.has(attrPrevElection) || q.prevYear != "" || (in.before && !in.after)):
		a = attrPrevSeats
	case (a == attrSeatChange || a == attrShare) && !in.has(attrSeats) && in.has(attrShare) && (in.has(attrSeatChange) || in.has(attrShareSwing)):
		a = attrShareSwing
	case a == attrSeatChange && !in.has(attrSeats) && in.has(attrShare):
		a = attrShare
	}
	if a == attrPolls || (len(q.polls) > 0 && (a == attrShare || a == attrVotes)) {
		return pollAnswer(q, q.ents[0])
	}
	var lines []string
	var secs []string
	outcome := Answered
	for _, k := range q.ents {
		line, sec, ok := entityFact(e, k, a, q.nameOf(k))
		if !ok {
			if len(q.ents) == 1 {
				return refuse(e, line)
			}
			outcome = Answered
		}
		lines = append(lines, line)
		secs = append(secs, sec)
	}
	return Response{Text: strings.Join(lines, "\n"), Source: Source{Election: e.Title, Section: sources(secs...)}, Outcome: outcome}
}

// entityFact states one attribute of one contestant, or (ok false) says
// plainly that the article lacks it and what it does say.
func entityFact(e *knowledge.Election, k *knowledge.Contestant, a attr, name string) (string, string, bool) {
	missing := func(what string) (string, string, bool) {
		text := fmt.Sprintf("I couldn't find that in the article: it gives no %s for %s.", what, name)
		if line := noSeatsLine(e, k); line != "" {
			text += " What it does tell: it won " + line + "."
		} else if k.Share != nil && a != attrShare {
			text += " Its share of the vote was " + pct(k.Share) + "."
		}
		return text, knowledge.SectionInfobox, false
	}
	switch a {
	case attrSeats:
		if k.Seats == nil {
			if line := noSeatsLine(e, k); line != "" {
				return fmt.Sprintf("%s won %s.", name, line), knowledge.SectionInfobox, true
			}
			return missing("seat count")
		}
		return fmt.Sprintf("%s won %s%s.", name, seatWord(k.Seats.Int()), shareSuffix(k)), k.Seats.Section, true
	case attrPrevSeats:
		if k.PrevSeats == nil {
			if k.New {
				return fmt.Sprintf("%s is new: it held no seats before this election.", name), knowledge.SectionInfobox, true
			}
			return missing("seats from the previous election")
		}
		return fmt.Sprintf("%s had %s after the previous election (%s).", name, seatWord(k.PrevSeats.Int()), previousLabel(e)), k.PrevSeats.Section, true
	case attrSeatChange:
		if k.SeatChange == nil {
			return missing("change in seats")
		}
		s := fmt.Sprintf("%s changed by %s seats", name, signed(k.SeatChange))
		if k.PrevSeats != nil && k.Seats != nil {
			s = fmt.Sprintf("%s went from %d to %s (%s)", name, k.PrevSeats.Int(), seatWord(k.Seats.Int()), signed(k.SeatChange))
		}
		return s + " since " + previousLabel(e) + ".", k.SeatChange.Section, true
	case attrShare:
		if k.Share == nil {
			return missing("share of the vote")
		}
		return fmt.Sprintf("%s won %s of the vote.", name, pct(k.Share)), k.Share.Section, true
	case attrShareSwing:
		if k.ShareSwing == nil {
			if k.Share != nil {
				return fmt.Sprintf("I couldn't find that in the article: it gives no change in %s's share, only the share itself, %s.", name, pct(k.Share)), k.Share.Section, false
			}
			return missing("change in share")
		}
		s := fmt.Sprintf("%s's share of the vote changed by %s percentage points", name, strings.TrimSuffix(k.ShareSwing.Text, "%"))
		if k.Share != nil {
			s += ", to " + pct(k.Share)
		}
		return s + ".", k.ShareSwing.Section, true
	case attrVotes:
		if k.Votes == nil {
			if !anyVotes(e) {
				text, sec, _ := missing("vote count")
				text = strings.Replace(text, "it gives no vote count for", "it gives no vote counts for this election, so none for", 1)
				return text, sec, false
			}
			return missing("vote count")
		}
		return fmt.Sprintf("%s won %s votes%s.", name, num(k.Votes), shareSuffix(k)), k.Votes.Section, true
	case attrLeader:
		switch {
		case k.Leader != "":
			return fmt.Sprintf("%s was led by %s.", name, k.Leader), knowledge.SectionInfobox, true
		case k.Carrier != "":
			return fmt.Sprintf("The article names no leader for %s; its ballot carrier was %s.", name, k.Carrier), e.ListsSection, true
		}
		return missing("leader")
	case attrCarrier:
		switch {
		case k.Carrier != "":
			return fmt.Sprintf("%s was carried by %s.", name, k.Carrier), e.ListsSection, true
		case k.Leader != "":
			return fmt.Sprintf("The article names no ballot carrier for %s; its leader was %s.", name, k.Leader), knowledge.SectionInfobox, true
		}
		return missing("ballot carrier")
	case attrBallot:
		if k.Ballot == 0 {
			return missing("ballot number")
		}
		if k.Name == k.BallotName {
			return fmt.Sprintf("%s was list %d on the ballot.", k.Name, k.Ballot), e.ListsSection, true
		}
		return fmt.Sprintf("%s was list %d on the ballot (%s).", k.Name, k.Ballot, k.BallotName), e.ListsSection, true
	case attrColour:
		if k.Colour == "" {
			return missing("colour")
		}
		return fmt.Sprintf("%s's colour in the infobox is %s.", name, k.Colour), knowledge.SectionInfobox, true
	case attrMinority:
		if k.Minority() {
			return fmt.Sprintf("Yes: %s was a national minority list.", name), e.ListsSection, true
		}
		return fmt.Sprintf("No: the article does not mark %s as a national minority list.", name), e.ListsSection, true
	case attrMembers:
		members := k.Members
		if len(members) == 0 && len(k.Abbrevs) > 1 {
			members = k.Abbrevs
		}
		if len(members) == 0 {
			return missing("member parties")
		}
		return fmt.Sprintf("%s was made up of %s.", name, strings.Join(members, ", ")), e.ListsSection, true
	case attrName:
		switch {
		case k.BallotName != "" && k.BallotName != k.Name:
			return fmt.Sprintf("%s stood on the ballot as “%s”.", name, k.BallotName), e.ListsSection, true
		case k.BallotName != "":
			return fmt.Sprintf("List %d was “%s”.", k.Ballot, k.BallotName), e.ListsSection, true
		}
		return fmt.Sprintf("The article calls it %s.", k.Name), knowledge.SectionInfobox, true
	}
	return missing("such figure")
}

func anyVotes(e *knowledge.Election) bool {
	for _, k := range e.Contestants {
		if k.Votes != nil {
			return true
		}
	}
	return false
}

// pollAnswer answers from the polls: one party's figures (k non-nil) or
// whole polls, narrowed to the pollsters and months the question names.
func pollAnswer(q *question, k *knowledge.Contestant) Response {
	e := q.e
	if len(e.Polls) == 0 {
		return notInArticle(e, "it has no opinion polls.")
	}
	ps := e.Polls
	if len(q.polls) > 0 {
		ps = q.polls
	}
	if len(q.in.months) > 0 {
		if f := filterWhen(ps, q.text); len(f) > 0 {
			ps = f
		} else {
			return notInArticle(e, "none of its polls is from that time.")
		}
	}
	// Articles list polls in time order: "the last poll" is the last one.
	switch {
	case phraseIn(q.toks, []string{"last"}, false) || phraseIn(q.toks, []string{"latest"}, false) ||
		phraseIn(q.toks, []string{"most", "recent"}, false) || phraseIn(q.toks, []string{"final"}, false) ||
		phraseIn(q.toks, []string{"poslednj"}, false):
		ps = ps[len(ps)-1:]
	case phraseIn(q.toks, []string{"first"}, false) || phraseIn(q.toks, []string{"earliest"}, false) ||
		phraseIn(q.toks, []string{"prv"}, false):
		ps = ps[:1]
	}
	if k == nil {
		if asksLead(q.toks) {
			return pollLeaders(e, ps)
		}
		var lines []string
		if q.in.howMany && len(ps) == len(e.Polls) {
			lines = append(lines, fmt.Sprintf("The article gives %d opinion polls:", len(ps)))
		}
		for _, p := range ps[:min(len(ps), 3)] {
			lines = append(lines, p.Label()+": "+strings.ReplaceAll(pollLine(p), "\n", "; "))
		}
		return answered(e, strings.Join(lines, "\n"), e.PollsSection)
	}
	type figure struct {
		p  *knowledge.Poll
		en *knowledge.PollEntry
	}
	var figs []figure
	for _, p := range ps {
		if en := p.Entry(k); en != nil {
			figs = append(figs, figure{p, en})
		}
	}
	if len(figs) == 0 {
		return notInArticle(e, fmt.Sprintf("no poll there gives a figure for %s.", k.DisplayName()))
	}
	// "Which poll gave SNS the highest figure?"
	if dir := superlative(q.toks); dir != 0 && len(figs) > 1 {
		best := figs[0]
		for _, f := range figs[1:] {
			if float64(dir)*(f.en.Share.Value-best.en.Share.Value) > 0 {
				best = f
			}
		}
		figs = []figure{best}
	}
	var parts []string
	name := figs[0].en.Name
	for _, f := range figs {
		s := fmt.Sprintf("%s in the %s poll", pct(f.en.Share), f.p.Label())
		if asksLead(q.toks) {
			if lead, over := leadOf(f.p, f.en); over != nil {
				s += fmt.Sprintf(" (%s points ahead of %s)", lead, over.Name)
			} else if lead != "" {
				s += fmt.Sprintf(" (%s points behind %s)", lead, leader(f.p).Name)
			}
		}
		parts = append(parts, s)
	}
	// Polls name parties their own way ("NDS"); say which list that is.
	if knowledge.Fold(name) != knowledge.Fold(k.Name) {
		if k.Ballot > 0 {
			name += fmt.Sprintf(" (list %d)", k.Ballot)
		} else {
			name += " (" + k.Name + ")"
		}
	}
	return answered(e, fmt.Sprintf("%s polled %s.", name, strings.Join(parts, "; ")), e.PollsSection)
}

// nameOf names a contestant in an answer: its display name, or, for a
// list known by a long ballot name, the abbreviation the user typed
// ("LDP (list 4)").
func (q *question) nameOf(k *knowledge.Contestant) string {
	if k.InfoboxName != "" || len([]rune(k.Name)) <= 30 {
		return k.DisplayName()
	}
	for _, a := range k.Abbrevs {
		fa := knowledge.Fold(a)
		for _, t := range q.toks {
			if t == fa {
				if k.Ballot > 0 {
					return fmt.Sprintf("%s (list %d)", a, k.Ballot)
				}
				return a
			}
		}
	}
	return k.DisplayName()
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

// footnote explains a footnote mark of the lists table: "What is note b?".
func footnote(e *knowledge.Election, text string) (Response, bool) {
	if e.Article == nil {
		return Response{}, false
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '?' || r == '^' || r == '{' || r == '}' || r == '"' || r == '\''
	}) {
		if meaning, ok := e.Article.Footnotes[w]; ok {
			return answered(e, fmt.Sprintf("Note %s in the lists table: %s.", w, strings.TrimSuffix(meaning, ".")), e.ListsSection), true
		}
	}
	return Response{}, false
}

// failedLists names the lists that won no seats, where the article gives
// enough to tell.
func failedLists(e *knowledge.Election) Response {
	var names []string
	for _, k := range e.Contestants {
		switch {
		case k.Seats != nil && k.Seats.Int() == 0:
			names = append(names, k.Name+shareSuffix(k))
		case k.Seats == nil && e.AllSeatsAccounted():
			names = append(names, k.Name)
		}
	}
	if len(names) == 0 {
		return notInArticle(e, "it does not say which lists won no seats.")
	}
	text := fmt.Sprintf("%d lists won no seats: %s.", len(names), strings.Join(names, "; "))
	if len(text) > 600 {
		var nums []int
		for _, k := range e.Ballots() {
			if (k.Seats != nil && k.Seats.Int() == 0) || (k.Seats == nil && e.AllSeatsAccounted()) {
				nums = append(nums, k.Ballot)
			}
		}
		text = fmt.Sprintf("%d lists won no seats", len(names))
		if len(nums) == len(names) {
			text += ": lists " + numberRanges(nums)
		}
		text += ". /list <number> shows each."
	}
	return answered(e, text, knowledge.SectionInfobox)
}

// ordinals maps rank words to places.
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"runner": 2, "drugo": 2, "drugi": 2, "druga": 2, "trece": 3, "treci": 3, "treca": 3, "cetvrto": 4, "peto": 5}

// rank answers "which party came second": the contestants ordered by
// seats, then share.
func rank(e *knowledge.Election, toks []string) Response {
	var ranked []*knowledge.Contestant
	for _, k := range e.Contestants {
		if k.Seats != nil || k.Share != nil {
			ranked = append(ranked, k)
		}
	}
	if len(ranked) == 0 {
		return notInArticle(e, "it gives no seats or shares per list.")
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		as, bs := -1, -1
		if a.Seats != nil {
			as = a.Seats.Int()
		}
		if b.Seats != nil {
			bs = b.Seats.Int()
		}
		if as != bs {
			return as > bs
		}
		return a.Share != nil && (b.Share == nil || a.Share.Value > b.Share.Value)
	})
	place := 0
	for _, t := range toks {
		if n, ok := ordinals[t]; ok {
			place = n
		}
		if t == "last" {
			place = len(ranked)
		}
	}
	if place == 0 || place > len(ranked) {
		return notInArticle(e, fmt.Sprintf("it ranks only %d lists by seats or share.", len(ranked)))
	}
	k := ranked[place-1]
	text := fmt.Sprintf("%s came %s, with %s.", k.DisplayName(), placeWord(place, len(ranked)), resultLine(e, k))
	if place == len(ranked) && len(ranked) < len(e.Contestants) {
		text = fmt.Sprintf("Of the lists with figures, %s came last, with %s.", k.DisplayName(), resultLine(e, k))
	}
	sec := knowledge.SectionInfobox
	if k.Seats != nil {
		sec = k.Seats.Section
	}
	return answered(e, text, sec)
}

func placeWord(n, of int) string {
	switch {
	case n == of && n > 1:
		return "last"
	case n == 1:
		return "first"
	case n == 2:
		return "second"
	case n == 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}

// difference compares two contestants' seats (or votes, or shares).
func difference(e *knowledge.Election, a, b *knowledge.Contestant, in intent) Response {
	type fig struct {
		get  func(*knowledge.Contestant) *knowledge.Figure
		unit string
	}
	order := []fig{{func(k *knowledge.Contestant) *knowledge.Figure { return k.Seats }, "seats"},
		{func(k *knowledge.Contestant) *knowledge.Figure { return k.Votes }, "votes"},
		{func(k *knowledge.Contestant) *knowledge.Figure { return k.Share }, "percentage points"}}
	if in.has(attrVotes) {
		order[0], order[1] = order[1], order[0]
	} else if in.has(attrShare) {
		order[0], order[2] = order[2], order[0]
	}
	for _, f := range order {
		fa, fb := f.get(a), f.get(b)
		if fa == nil || fb == nil {
			continue
		}
		d := fa.Value - fb.Value
		more := "more"
		if d < 0 {
			d, more = -d, "fewer"
		}
		amount := knowledge.FormatInt(int(d + 0.5))
		if f.unit == "percentage points" {
			amount = strconv.FormatFloat(math.Round(d*100)/100, 'f', -1, 64)
		}
		return answered(e, fmt.Sprintf("%s won %s %s %s than %s (%s against %s).", a.DisplayName(), amount, more, f.unit,
			b.DisplayName(), fa.Text, fb.Text), fa.Section)
	}
	return notInArticle(e, fmt.Sprintf("it gives no figures to compare %s and %s.", a.Name, b.Name))
}

// sampleAnswer gives the sample sizes of the polls a question names.
func sampleAnswer(q *question) Response {
	e := q.e
	ps := q.polls
	if len(ps) == 0 {
		ps = e.Polls
	}
	var parts []string
	for _, p := range ps {
		if p.Sample != "" && !isBlank(p.Sample) {
			parts = append(parts, fmt.Sprintf("the %s poll asked %s people", p.Label(), p.Sample))
		}
	}
	if len(parts) == 0 {
		return notInArticle(e, "it gives no sample sizes for its polls.")
	}
	return answered(e, upperFirst(strings.Join(parts, "; "))+".", e.PollsSection)
}

func isBlank(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "–", "—", "?", "n/a":
		return true
	}
	return false
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

// asksLead reports a question about who leads a poll, or by how much.
func asksLead(toks []string) bool {
	for _, w := range []string{"lead", "leading", "led", "ahead", "leader", "margin", "vodi", "vodio", "prednost"} {
		if phraseIn(toks, []string{w}, false) {
			return true
		}
	}
	return false
}

// superlative reads "highest"/"best" (1) or "lowest"/"worst" (-1) from a
// question, 0 when it has neither.
func superlative(toks []string) int {
	for _, t := range toks {
		switch t {
		case "highest", "most", "best", "largest", "biggest", "top", "peak", "maximum", "najvise", "najveci", "najbolji":
			return 1
		case "lowest", "least", "worst", "smallest", "minimum", "najmanje", "najmanji", "najgori":
			return -1
		}
	}
	return 0
}

// leader returns a poll's largest figure.
func leader(p *knowledge.Poll) *knowledge.PollEntry {
	var best *knowledge.PollEntry
	for i := range p.Entries {
		if en := &p.Entries[i]; en.Share != nil && (best == nil || en.Share.Value > best.Share.Value) {
			best = en
		}
	}
	return best
}

// leadOf gives an entry's margin: over the runner-up when it leads (over
// non-nil), behind the leader otherwise.
func leadOf(p *knowledge.Poll, en *knowledge.PollEntry) (string, *knowledge.PollEntry) {
	top := leader(p)
	if top == nil || en.Share == nil {
		return "", nil
	}
	if top != en {
		return points(top.Share.Value - en.Share.Value), nil
	}
	var second *knowledge.PollEntry
	for i := range p.Entries {
		if o := &p.Entries[i]; o != en && o.Share != nil && (second == nil || o.Share.Value > second.Share.Value) {
			second = o
		}
	}
	if second == nil {
		return "", nil
	}
	return points(en.Share.Value - second.Share.Value), second
}

func points(d float64) string {
	return strconv.FormatFloat(math.Round(d*10)/10, 'f', -1, 64)
}

// pollLeaders says who led each poll and by how much.
func pollLeaders(e *knowledge.Election, ps []*knowledge.Poll) Response {
	var lines []string
	for _, p := range ps[:min(len(ps), 4)] {
		top := leader(p)
		if top == nil {
			continue
		}
		s := fmt.Sprintf("%s: %s led with %s", p.Label(), top.Name, pct(top.Share))
		if lead, over := leadOf(p, top); over != nil {
			s += fmt.Sprintf(", %s points ahead of %s", lead, over.Name)
		}
		lines = append(lines, s+".")
	}
	if len(lines) == 0 {
		return notInArticle(e, "its polls give no figures.")
	}
	return answered(e, strings.Join(lines, "\n"), e.PollsSection)
}

// resultsSummary is the result in one line: seats and shares of the lists
// that won seats, and the winner.
func resultsSummary(e *knowledge.Election) Response {
	var parts []string
	var sec string
	for _, k := range e.SeatHolders() {
		if k.Seats.Int() == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d%s", k.Label(), k.Seats.Int(), shareSuffix(k)))
		sec = k.Seats.Section
	}
	if len(parts) == 0 {
		return winner(e, attrShare)
	}
	text := "Seats: " + strings.Join(parts, ", ")
	if e.Seats != nil {
		text += fmt.Sprintf(", of %d", e.Seats.Int())
	}
	text += "."
	if m := e.MajorityHolder(); m != nil {
		text += fmt.Sprintf(" %s won an absolute majority.", m.Name)
	}
	return answered(e, text+" /results shows more.", sec)
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
