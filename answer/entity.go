package answer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

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

func majorityOf(e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	if k.Seats == nil {
		return reply.NotInArticle(e, fmt.Sprintf("it gives no seats for %s.", k.DisplayName()))
	}
	need := e.MajorityNeeded()
	if need == 0 {
		return reply.Answer(e, fmt.Sprintf("%s won %s; the article does not say how many make a majority.", k.DisplayName(), reply.Seats(k.Seats.Int())), k.Seats.Section)
	}
	if k.Seats.Int() >= need {
		return reply.Answer(e, fmt.Sprintf("%s won a majority: %s, with %d needed.", k.DisplayName(), reply.Seats(k.Seats.Int()), need), k.Seats.Section)
	}
	return reply.Answer(e, fmt.Sprintf("%s fell %s short of a majority: %s, with %d needed.", k.DisplayName(),
		reply.Seats(need-k.Seats.Int()), reply.Seats(k.Seats.Int()), need), k.Seats.Section)
}

func thresholdOf(e *knowledge.Election, k *knowledge.Contestant) reply.Response {
	switch {
	case k.Seats != nil && k.Seats.Int() > 0:
		return reply.Answer(e, fmt.Sprintf("Yes: %s won %s%s, so it passed the threshold.", k.DisplayName(), reply.Seats(k.Seats.Int()), reply.ShareSuffix(k)), k.Seats.Section)
	case k.Share != nil && e.Threshold != nil:
		verdict := "passed"
		if k.Share.Value < e.Threshold.Value {
			verdict = "did not pass"
		}
		return reply.Answer(e, fmt.Sprintf("%s won %s, so it %s the %s threshold.", k.DisplayName(), reply.Pct(k.Share), verdict, reply.Pct(e.Threshold)), k.Share.Section, e.Threshold.Section)
	case e.AllSeatsAccounted():
		return reply.Answer(e, fmt.Sprintf("%s won no seats: the lists with seats in the infobox hold all %d, so it did not pass the threshold (derived).", k.DisplayName(), e.Seats.Int()), knowledge.SectionInfobox)
	}
	return reply.NotInArticle(e, fmt.Sprintf("it gives no result for %s.", k.DisplayName()))
}

// summary is the short answer to a bare name.
func summary(e *knowledge.Election, k *knowledge.Contestant) reply.Response {
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
	if r := reply.Result(e, k); r != "" {
		parts = append(parts, r)
	} else if r := reply.NoSeats(e, k); r != "" {
		parts = append(parts, r)
	}
	text := k.Name
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, "; ")
	}
	text += ". /party " + firstName(k) + " tells more."
	return reply.Answer(e, text, knowledge.SectionInfobox, e.ListsSection)
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
func entityAnswer(q *question, a attr) reply.Response {
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
	outcome := reply.Answered
	for _, k := range q.ents {
		line, sec, ok := entityFact(e, k, a, q.nameOf(k))
		if !ok {
			if len(q.ents) == 1 {
				return reply.Refusal(e, line)
			}
			outcome = reply.Answered
		}
		lines = append(lines, line)
		secs = append(secs, sec)
	}
	return reply.Response{Text: strings.Join(lines, "\n"), Source: reply.Source{Election: e.Title, Section: reply.Sections(secs...)}, Outcome: outcome}
}

// entityFact states one attribute of one contestant, or (ok false) says
// plainly that the article lacks it and what it does say.
func entityFact(e *knowledge.Election, k *knowledge.Contestant, a attr, name string) (string, string, bool) {
	missing := func(what string) (string, string, bool) {
		text := fmt.Sprintf("I couldn't find that in the article: it gives no %s for %s.", what, name)
		if line := reply.NoSeats(e, k); line != "" {
			text += " What it does tell: it won " + line + "."
		} else if k.Share != nil && a != attrShare {
			text += " Its share of the vote was " + reply.Pct(k.Share) + "."
		}
		return text, knowledge.SectionInfobox, false
	}
	switch a {
	case attrSeats:
		if k.Seats == nil {
			if line := reply.NoSeats(e, k); line != "" {
				return fmt.Sprintf("%s won %s.", name, line), knowledge.SectionInfobox, true
			}
			return missing("seat count")
		}
		return fmt.Sprintf("%s won %s%s.", name, reply.Seats(k.Seats.Int()), reply.ShareSuffix(k)), k.Seats.Section, true
	case attrPrevSeats:
		if k.PrevSeats == nil {
			if k.New {
				return fmt.Sprintf("%s is new: it held no seats before this election.", name), knowledge.SectionInfobox, true
			}
			return missing("seats from the previous election")
		}
		return fmt.Sprintf("%s had %s after the previous election (%s).", name, reply.Seats(k.PrevSeats.Int()), reply.Previous(e)), k.PrevSeats.Section, true
	case attrSeatChange:
		if k.SeatChange == nil {
			return missing("change in seats")
		}
		s := fmt.Sprintf("%s changed by %s seats", name, reply.Signed(k.SeatChange))
		if k.PrevSeats != nil && k.Seats != nil {
			s = fmt.Sprintf("%s went from %d to %s (%s)", name, k.PrevSeats.Int(), reply.Seats(k.Seats.Int()), reply.Signed(k.SeatChange))
		}
		return s + " since " + reply.Previous(e) + ".", k.SeatChange.Section, true
	case attrShare:
		if k.Share == nil {
			return missing("share of the vote")
		}
		return fmt.Sprintf("%s won %s of the vote.", name, reply.Pct(k.Share)), k.Share.Section, true
	case attrShareSwing:
		if k.ShareSwing == nil {
			if k.Share != nil {
				return fmt.Sprintf("I couldn't find that in the article: it gives no change in %s's share, only the share itself, %s.", name, reply.Pct(k.Share)), k.Share.Section, false
			}
			return missing("change in share")
		}
		s := fmt.Sprintf("%s's share of the vote changed by %s percentage points", name, strings.TrimSuffix(k.ShareSwing.Text, "%"))
		if k.Share != nil {
			s += ", to " + reply.Pct(k.Share)
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
		return fmt.Sprintf("%s won %s votes%s.", name, reply.Num(k.Votes), reply.ShareSuffix(k)), k.Votes.Section, true
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

// difference compares two contestants' seats (or votes, or shares).
func difference(e *knowledge.Election, a, b *knowledge.Contestant, in intent) reply.Response {
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
		return reply.Answer(e, fmt.Sprintf("%s won %s %s %s than %s (%s against %s).", a.DisplayName(), amount, more, f.unit,
			b.DisplayName(), fa.Text, fb.Text), fa.Section)
	}
	return reply.NotInArticle(e, fmt.Sprintf("it gives no figures to compare %s and %s.", a.Name, b.Name))
}
