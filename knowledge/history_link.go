package knowledge

import (
	"sort"
	"strings"
)

// How much each kind of evidence weighs when two lists of different
// elections are compared. A link needs linkThreshold; the articles' own
// statements (abbreviation, name, prose, an office holder's party) each
// clear it alone, a shared person just does, and shared member parties
// only add to something else.
const (
	linkThreshold = 3.0
	weightAbbrev  = 6.0
	weightName    = 5.0
	weightProse   = 8.0
	weightOffice  = 5.0
	weightLeader  = 3.0
	weightCarrier = 2.5
	weightGiver   = 2.0 // a person in both lists' names ("Ivica Dačić — ...")
	weightMember  = 1.0 // per shared member party beyond the main one
	weightInside  = 2.0 // one list's main party is a member of the other
	penaltyAbbrev = 3.0 // both have a main abbreviation, and they differ
	penaltyGap    = 0.5 // per election between the two lists
	// maxGap is how many elections back a party's last list may be: a
	// party may skip an election or two, and comparing every list with
	// every lineage of a long history would cost too much.
	maxGap = 3
)

// profile is what a list is recognised by across elections.
type profile struct {
	e *Election
	c *Contestant
	// lead is the folded main abbreviation ("sns"): the list's first, or
	// the party of an office holder who carried it.
	lead string
	// office is the office holder whose party gave lead, if one did.
	office  *Officeholder
	abbrevs map[string]bool
	names   map[string]string // folded name part -> as written
	leaders []person
	carrier []person // none or one
	givers  []person // people a list's name carries ("Aleksandar Vučić — ...")
}

// newProfile reads how a list can be recognised in other elections; twin
// is the same list's ballot entry when the extraction left it apart
// from the infobox party (see twins).
func newProfile(e *Election, c, twin *Contestant) *profile {
	p := &profile{e: e, c: c, abbrevs: map[string]bool{}, names: map[string]string{}}
	if len(c.Abbrevs) > 0 {
		p.lead = Fold(c.Abbrevs[0])
	}
	if c.Leader != "" {
		p.leaders = append(p.leaders, newPerson(c.Leader))
	}
	place := toSet(strings.Join(FoldTokens(e.Place), " "))
	if key := nameKey(c.InfoboxName, place); key != "" {
		// An infobox names a party, however much it reads like a person
		// ("Smederevo Can Do Better").
		p.names[key] = c.InfoboxName
	}
	for _, k := range []*Contestant{c, twin} {
		if k == nil {
			continue
		}
		for _, a := range k.Abbrevs {
			p.abbrevs[Fold(a)] = true
		}
		if len(p.carrier) == 0 && k.Carrier != "" {
			p.carrier = []person{newPerson(k.Carrier)}
		}
		p.readNames(k, place)
	}
	if p.lead == "" {
		p.lead, p.office = officeParty(e, c)
		if p.lead != "" {
			p.abbrevs[p.lead] = true
		}
	}
	return p
}

// readNames sorts the parts of a list's names into names and the people
// they carry ("Aleksandar Vučić — ..."). A part in quotes is a name
// (“Ibar Valley”), and so is one with a word of the place in it.
func (p *profile) readNames(c *Contestant, place map[string]bool) {
	for _, n := range []string{c.Name, c.InfoboxName, c.BallotName} {
		for _, seg := range segments(n) {
			switch {
			case isPersonName(seg) && !namesPlace(seg, place) && Fold(seg) != Fold(c.InfoboxName) && !quotedIn(n, seg):
				if g := newPerson(seg); !hasPerson(p.givers, g) {
					p.givers = append(p.givers, g)
				}
			case explicitAbbrevOnly(seg):
			default:
				if key := nameKey(seg, place); key != "" {
					p.names[key] = seg
				}
			}
		}
	}
}

// quotedIn reports whether seg stands in quotes in name.
func quotedIn(name, seg string) bool {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"„", "“"}, {"«", "»"}, {"„", "”"}} {
		if strings.Contains(name, q[0]+seg+q[1]) {
			return true
		}
	}
	return false
}

// namesPlace reports whether a name part holds a word of the election's
// place: "Smederevo Can Do Better" is no person, whatever its capitals.
func namesPlace(seg string, place map[string]bool) bool {
	for _, t := range FoldTokens(seg) {
		if place[t] {
			return true
		}
	}
	return false
}

// nameKey is a name part as compared across elections: its folded words,
// or "" when it has none that could tell one party from another ("Civic
// group", "Smederevo").
func nameKey(seg string, place map[string]bool) string {
	toks := FoldTokens(seg)
	distinct := false
	for _, t := range toks {
		if !nameStopwords[t] && !place[t] && !GenericPlaceWord(t) {
			distinct = true
		}
	}
	if !distinct {
		return ""
	}
	return strings.Join(toks, " ")
}

// officeParty returns the folded abbreviation of the party of an office
// holder (the mayor before or after the election) who carried or led c,
// with the holder: a list headed by the SNS's mayor is the SNS's.
func officeParty(e *Election, c *Contestant) (string, *Officeholder) {
	for _, h := range []*Officeholder{e.After, e.Before} {
		if h == nil || h.Party == "" || strings.Contains(Fold(h.Party), "independent") {
			continue
		}
		if !samePerson(h.Name, c.Carrier) && !samePerson(h.Name, c.Leader) {
			continue
		}
		if a := partyAbbrev(e, h.Party); a != "" {
			return a, h
		}
	}
	return "", nil
}

// partyAbbrev reads a party as an office holder's "Party" field gives it
// ("SNS", "Serbian Progressive Party") as a folded abbreviation.
func partyAbbrev(e *Election, party string) string {
	if as := explicitAbbrevs(party); len(as) > 0 {
		return Fold(as[0])
	}
	for _, i := range aliasesIn(party, e.aliases.entries()) {
		return Fold(e.aliases.entries()[i].Abbrev)
	}
	return ""
}

// link follows every list through the history: each election's lists
// are matched one to one with the lineages so far, the strongest
// evidence first; a list no lineage matches well enough starts its own.
func (h *History) link() {
	h.of = map[*Contestant]*Lineage{}
	prose := h.proseLinks()
	var profiles []map[*Contestant]*profile
	twinOf := make([]map[*Contestant]*Contestant, len(h.Elections))
	lists := make([][]*Contestant, len(h.Elections))
	for i, e := range h.Elections {
		ps := map[*Contestant]*profile{}
		twinOf[i], lists[i] = twins(e), parties(e)
		for _, c := range lists[i] {
			ps[c] = newProfile(e, c, twinOf[i][c])
		}
		profiles = append(profiles, ps)
	}
	for i, e := range h.Elections {
		cands := h.candidates(i, lists[i], profiles, prose)
		taken := map[*Contestant]bool{}
		extended := map[*Lineage]bool{}
		for _, cd := range cands {
			if taken[cd.c] || extended[cd.l] {
				continue
			}
			taken[cd.c], extended[cd.l] = true, true
			cd.l.Steps = append(cd.l.Steps, Step{Election: e, Contestant: cd.c, Link: cd.link, at: i})
			h.of[cd.c] = cd.l
		}
		for _, c := range lists[i] {
			if !taken[c] {
				l := &Lineage{Steps: []Step{{Election: e, Contestant: c, at: i}}}
				h.Parties = append(h.Parties, l)
				h.of[c] = l
			}
		}
		for c, twin := range twinOf[i] {
			h.of[twin] = h.of[c]
		}
	}
}

// parties are the lists of an election that lineages follow: parties,
// coalitions and lists, not a mayoral race's candidates, and not the
// ballot entry of an infobox party the extraction left apart from it.
func parties(e *Election) []*Contestant {
	twin := map[*Contestant]bool{}
	for _, t := range twins(e) {
		twin[t] = true
	}
	var out []*Contestant
	for _, c := range e.Contestants {
		if c.Kind == "" && !twin[c] {
			out = append(out, c)
		}
	}
	return out
}

// twins pairs each infobox party that has no ballot entry with the one
// ballot list that has no infobox entry and the same seats and share:
// "UZPK" in the infobox and "United for the Victory of Kraljevo — ..."
// on the ballot and in the results are one coalition, which the article
// names two ways.
func twins(e *Election) map[*Contestant]*Contestant {
	out := map[*Contestant]*Contestant{}
	for _, c := range e.Contestants {
		if c.Kind != "" || c.Position == 0 || c.Ballot != 0 || c.Seats == nil || c.Share == nil || c.Seats.Int() == 0 {
			continue
		}
		var match *Contestant
		n := 0
		for _, b := range e.Contestants {
			if b.Kind == "" && b.Position == 0 && b.Ballot > 0 && b.Seats != nil && b.Share != nil &&
				b.Seats.Int() == c.Seats.Int() && b.Share.Value == c.Share.Value {
				match = b
				n++
			}
		}
		if n == 1 {
			out[c] = match
		}
	}
	return out
}

// candidate is one possible link of a list to a lineage.
type candidate struct {
	c     *Contestant
	l     *Lineage
	link  *Link
	order int // the list's place in its election, for ties
}

// candidates scores every list of election i against every lineage so
// far and returns the pairs that clear the threshold, best first.
func (h *History) candidates(i int, cs []*Contestant, profiles []map[*Contestant]*profile, prose []proseLink) []candidate {
	var out []candidate
	for order, c := range cs {
		pb := profiles[i][c]
		for _, l := range h.Parties {
			// A list continues its party's last list, a few elections
			// back at most.
			last := l.Latest()
			if i-last.at > maxGap {
				continue
			}
			link := compare(profiles[last.at][last.Contestant], pb, prose)
			link.Score -= penaltyGap * float64(i-last.at-1)
			if link.Score >= linkThreshold {
				out = append(out, candidate{c: c, l: l, link: link, order: order})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].link.Score != out[b].link.Score {
			return out[a].link.Score > out[b].link.Score
		}
		return out[a].order < out[b].order
	})
	return out
}

// compare weighs the evidence that an earlier list a and a later list b
// are the same party.
func compare(a, b *profile, prose []proseLink) *Link {
	link := &Link{}
	for _, pl := range prose {
		if pl.earlier == a.c && pl.later == b.c {
			link.Reasons = append(link.Reasons, Reason{Kind: ReasonProse, Detail: a.c.Name, Sentence: pl.sentence})
			link.Score += weightProse
			link.Sure = true
			break
		}
	}
	compareAbbrevs(a, b, link)
	if n := sharedName(a, b); n != "" {
		link.add(ReasonName, n, weightName, true)
	}
	comparePeople(a, b, link)
	return link
}

// addOffice records that an office holder of the party carried a list.
func (l *Link) addOffice(o *Officeholder) {
	l.Reasons = append(l.Reasons, Reason{Kind: ReasonOffice, Detail: o.Name, Party: o.Party})
	l.Score += weightOffice
	l.Sure = true
}

// add records one piece of evidence.
func (l *Link) add(kind ReasonKind, detail string, w float64, sure bool) {
	l.Reasons = append(l.Reasons, Reason{Kind: kind, Detail: detail})
	l.Score += w
	l.Sure = l.Sure || sure
}

// compareAbbrevs weighs the lists' abbreviations: the same main one, one
// list's main party among the other's members, other members in common,
// or two different main parties.
func compareAbbrevs(a, b *profile, link *Link) {
	switch {
	case a.lead != "" && a.lead == b.lead:
		if o := b.office; o != nil {
			link.addOffice(o)
		} else if o := a.office; o != nil {
			link.addOffice(o)
		} else {
			link.add(ReasonAbbrev, upperAbbrev(a, a.lead), weightAbbrev, true)
		}
	case a.lead != "" && b.abbrevs[a.lead], b.lead != "" && a.abbrevs[b.lead]:
		lead := a.lead
		if !b.abbrevs[lead] {
			lead = b.lead
		}
		link.add(ReasonMembers, upperAbbrev(a, lead), weightInside, false)
	case a.lead != "" && b.lead != "":
		link.Score -= penaltyAbbrev
		return
	}
	var shared []string
	for x := range a.abbrevs {
		if x != a.lead && x != b.lead && b.abbrevs[x] {
			shared = append(shared, x)
		}
	}
	sort.Strings(shared)
	if len(shared) > 3 {
		shared = shared[:3]
	}
	for _, x := range shared {
		link.add(ReasonMembers, upperAbbrev(a, x), weightMember, false)
	}
}

// upperAbbrev writes a folded abbreviation as the list writes it.
func upperAbbrev(p *profile, folded string) string {
	for _, a := range p.c.Abbrevs {
		if Fold(a) == folded {
			return a
		}
	}
	return strings.ToUpper(folded)
}

// sharedName returns a name part both lists have, the longest, or "".
func sharedName(a, b *profile) string {
	best := ""
	for k, n := range b.names {
		if _, ok := a.names[k]; ok && len(n) > len(best) {
			best = n
		}
	}
	return best
}

// A person is a name as lists give it, with its words folded once for
// comparing.
type person struct {
	name string
	toks []string
}

func newPerson(name string) person {
	name = strings.Join(personWords(name), " ")
	return person{name: name, toks: FoldTokens(name)}
}

func hasPerson(ps []person, p person) bool {
	for _, x := range ps {
		if x.name == p.name {
			return true
		}
	}
	return false
}

// same is samePerson on folded words: the same first name and another
// word in common ("Zorana Mihajlović", "Zorana Mihajlović-Milanović").
func (p person) same(q person) bool {
	if len(p.toks) < 2 || len(q.toks) < 2 || p.toks[0] != q.toks[0] {
		return false
	}
	for _, x := range p.toks[1:] {
		for _, y := range q.toks[1:] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// comparePeople weighs the people of two lists: the same leader, the same
// carrier (or a leader who carried the other), the same person in both
// names. Only the strongest counts: it is one person either way.
func comparePeople(a, b *profile, link *Link) {
	type tie struct {
		kind   ReasonKind
		person string
		w      float64
	}
	var best tie
	try := func(kind ReasonKind, w float64, xs, ys []person) {
		for _, x := range xs {
			for _, y := range ys {
				if w > best.w && x.same(y) {
					best = tie{kind, y.name, w}
				}
			}
		}
	}
	try(ReasonLeader, weightLeader, a.leaders, b.leaders)
	try(ReasonCarrier, weightCarrier, a.carrier, b.carrier)
	try(ReasonCarrier, weightCarrier, a.leaders, b.carrier)
	try(ReasonCarrier, weightCarrier, a.carrier, b.leaders)
	try(ReasonLeader, weightGiver, a.givers, b.givers)
	try(ReasonLeader, weightGiver, a.givers, b.leaders)
	try(ReasonLeader, weightGiver, a.leaders, b.givers)
	if best.w > 0 {
		link.add(best.kind, best.person, best.w, false)
	}
}
