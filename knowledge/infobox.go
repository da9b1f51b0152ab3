package knowledge

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// SectionInfobox names the infobox as a source.
const SectionInfobox = "Infobox"

type extractor struct {
	e       *Election
	a       *Article
	aliases *Aliases

	// box is the article's infobox, boxes the later ones (a mayor's).
	box   *box
	boxes []*box
	// contests are the contests plan found, with the blocks of results
	// that belong to each.
	contests []*plannedContest
	blocks   map[*plannedContest][]contestBlock
	// names remembers what was worked out of names' texts, for the
	// many times they are enriched and indexed (namecache.go).
	names *nameCache
}

func (x *extractor) warnf(line int, format string, args ...any) {
	x.e.Warnings = append(x.e.Warnings, fmt.Sprintf("%s:%d: %s", x.a.File, line, fmt.Sprintf(format, args...)))
}

// normKey folds an infobox key for comparison: "Last Election" and
// "last_election" are one key.
func normKey(k string) string {
	var b strings.Builder
	for _, r := range Fold(k) {
		if r != ' ' && r != '_' && r != '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var familyRe = regexp.MustCompile(`^(.*?[a-z])(\d+)$`)

// infoboxFamily is one numbered family (Party1, Leader1, ...).
type infoboxFamily struct {
	n      int
	fields map[string]Field // by normalised base key
}

func (f *infoboxFamily) get(keys ...string) (Field, bool) {
	for _, k := range keys {
		if v, ok := f.fields[k]; ok && v.Value != "" {
			return v, true
		}
	}
	return Field{}, false
}

// A box is one infobox read into its general keys and numbered families.
type box struct {
	section  *Section // nil for the article's infobox
	general  map[string]Field
	families map[int]*infoboxFamily
	nums     []int // family numbers in order
	// rounds maps a round-data family ("1data" of "1Blank: First round")
	// to its round, and labels the other blank rows ("1Blank: Popular
	// vote") by their family base key.
	rounds map[string]int
	labels map[string]string
	fields []Field
}

// readBox sorts an infobox's fields into general keys and numbered
// families (Party1, Leader1, 1Data1 ...).
func readBox(fields []Field, s *Section) *box {
	b := &box{section: s, general: map[string]Field{}, families: map[int]*infoboxFamily{},
		rounds: map[string]int{}, labels: map[string]string{}, fields: fields}
	for _, f := range fields {
		k := normKey(f.Key)
		if m := familyRe.FindStringSubmatch(k); m != nil {
			n, err := strconv.Atoi(m[2])
			if err == nil && n > 0 && n < 1000 {
				fam := b.families[n]
				if fam == nil {
					fam = &infoboxFamily{n: n, fields: map[string]Field{}}
					b.families[n] = fam
					b.nums = append(b.nums, n)
				}
				fam.fields[m[1]] = f
				continue
			}
		}
		if _, dup := b.general[k]; !dup {
			b.general[k] = f
		}
	}
	sort.Ints(b.nums)
	// Wikipedia's rows of extra figures: "1Blank: First round" labels the
	// family "1data" (1Data1, 1Data2 ... per candidate).
	for k, f := range b.general {
		if m := blankRe.FindStringSubmatch(k); m != nil {
			data := m[1] + "data"
			if r := roundOf(f.Value); r > 0 {
				b.rounds[data] = r
			} else {
				b.labels[data] = f.Value
			}
		}
	}
	return b
}

var blankRe = regexp.MustCompile(`^(\d+)blank$`)

func (b *box) get(keys ...string) (Field, bool) {
	if b == nil {
		return Field{}, false
	}
	for _, k := range keys {
		if f, ok := b.general[k]; ok && f.Value != "" {
			return f, true
		}
	}
	return Field{}, false
}

// source names the box as a source: "Infobox", or the section of a later
// one.
func (b *box) source() string {
	if b.section == nil {
		return SectionInfobox
	}
	return SectionName(b.section) + infoboxSuffix
}

// kind says what the box describes: a referendum by its question or
// options, a contest of candidates by its Candidate keys, an assembly by
// its parties; "" for no box at all.
func (b *box) kind(e *Election) ContestKind {
	if b == nil || len(b.fields) == 0 {
		return ""
	}
	if _, ok := b.get("question", "yes", "no"); ok {
		return ContestReferendum
	}
	if k := kindOf(e.Type); k == ContestReferendum {
		return k
	}
	for _, fam := range b.families {
		if _, ok := fam.get(candidateKeys...); ok {
			return candidateKind(e)
		}
	}
	for _, fam := range b.families {
		if _, ok := fam.get(partyKeys...); ok {
			return ContestAssembly
		}
	}
	if k := kindOf(e.Type + " " + e.Title); k != "" {
		return k
	}
	return ContestAssembly
}

var (
	candidateKeys = []string{"candidate", "nominee"}
	partyKeys     = []string{"party", "name", "alliance", "coalition", "list"}
)

// generalKeys are the general infobox keys the model reads; the others are
// kept as InfoboxFacts.
var generalKeys = toSet("electionname name country ongoing type previouselection previousyear nextelection nextyear " +
	"seatsforelection seats totalseats majorityseats majority electiondate date runoffdate secondrounddate turnout " +
	"registered registeredvoters electorate threshold electoralthreshold title office beforeelection beforeparty " +
	"afterelection afterparty question yes no invalid invalidorblank blank valid total votes votescast required " +
	"requirement quorum")

func (x *extractor) infobox() {
	e := x.e
	x.box = readBox(x.a.Infobox, nil)
	b := x.box
	fact := func(keys ...string) *Fact {
		if f, ok := b.get(keys...); ok {
			return &Fact{Text: f.Value, Section: SectionInfobox}
		}
		return nil
	}
	figure := func(keys ...string) *Figure {
		f, ok := b.get(keys...)
		if !ok {
			return nil
		}
		fig, ok := parseFigure(f.Value, SectionInfobox)
		if !ok {
			x.warnf(f.Line, "infobox %s %q has no number", f.Key, f.Value)
			return nil
		}
		return fig
	}
	if f, ok := b.get("electionname", "name"); ok && e.Title == "" {
		e.Title = f.Value
	}
	if f, ok := b.get("type"); ok {
		e.Type = f.Value
	}
	e.Date = fact("electiondate", "date")
	e.Turnout = figure("turnout")
	e.Seats = figure("seatsforelection", "seats", "totalseats")
	e.Majority = figure("majorityseats", "majority")
	e.Threshold = figure("threshold", "electoralthreshold")
	e.Registered = figure("registered", "registeredvoters", "electorate")
	e.Previous = fact("previouselection", "previousyear")
	e.Next = fact("nextelection", "nextyear")
	if f, ok := b.get("title", "office"); ok && !strings.HasSuffix(f.Value, "?") {
		e.Office = f.Value
	}
	holder := func(name, party string) *Officeholder {
		n, ok := b.get(name)
		if !ok {
			return nil
		}
		h := &Officeholder{Name: n.Value, Section: SectionInfobox}
		if p, ok := b.get(party); ok {
			h.Party = p.Value
		}
		return h
	}
	e.Before = holder("beforeelection", "beforeparty")
	e.After = holder("afterelection", "afterparty")
	if e.Year == 0 && e.Date != nil {
		if m := yearRe.FindString(e.Date.Text); m != "" {
			e.Year, _ = strconv.Atoi(m)
		}
	}
	for _, f := range x.a.Infobox {
		if k := normKey(f.Key); !generalKeys[k] && !familyRe.MatchString(k) && !blankRe.MatchString(k) && f.Value != "" {
			e.InfoboxFacts = append(e.InfoboxFacts, &Fact{Key: f.Key, Text: f.Value, Section: SectionInfobox})
		}
	}
	e.Contestants = x.boxContestants(b)
}

// familyKeys are the family keys the model reads; the others are kept as
// the contestant's Facts.
var familyKeys = toSet("party name alliance coalition list candidate nominee leader colour color seats seatswon " +
	"percentage percent share votepercentage pv popularvote votes seatchange seatsgained swing lastelection " +
	"previousseats lastseats image")

// boxContestants makes a contestant of every numbered family that names a
// party or a candidate: Party1 alone is a party; Candidate1 with Party1 is
// a candidate of that party.
func (x *extractor) boxContestants(b *box) []*Contestant {
	var out []*Contestant
	for _, n := range b.nums {
		fam := b.families[n]
		c := x.familyContestant(b, fam)
		if c == nil {
			if _, seats := fam.get("seats"); seats {
				x.warnf(firstLine(fam), "infobox family %d has seats but no Party%d", n, n)
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

func (x *extractor) familyContestant(b *box, fam *infoboxFamily) *Contestant {
	src := b.source()
	var c *Contestant
	if cand, ok := fam.get(candidateKeys...); ok {
		c = &Contestant{Name: cand.Value, InfoboxName: cand.Value, Position: fam.n, Kind: KindCandidate}
		if p, ok := fam.get(partyKeys...); ok {
			c.Party = p.Value
		}
	} else if name, ok := fam.get(partyKeys...); ok {
		c = &Contestant{Name: name.Value, InfoboxName: name.Value, Position: fam.n}
	} else {
		return nil
	}
	if f, ok := fam.get("leader"); ok {
		c.Leader = f.Value
	}
	if f, ok := fam.get("colour", "color"); ok {
		c.Colour = normColour(f.Value)
	}
	num := func(keys ...string) *Figure {
		f, ok := fam.get(keys...)
		if !ok {
			return nil
		}
		fig, ok := parseFigure(f.Value, src)
		if !ok {
			return nil
		}
		return fig
	}
	c.Seats = num("seats", "seatswon")
	c.Share = num("percentage", "percent", "share", "votepercentage", "pv")
	c.Votes = num("popularvote", "votes")
	c.SeatChange = num("seatchange", "seatsgained")
	c.ShareSwing = num("swing")
	if f, ok := fam.get("lastelection", "previousseats", "lastseats"); ok {
		if fig, ok := parseFigure(f.Value, src); ok {
			c.PrevSeats = fig
		} else if Fold(f.Value) == "new" || strings.Contains(Fold(f.Value), "new") {
			c.New = true
		}
	}
	for _, k := range sortedKeys(fam.fields) {
		f := fam.fields[k]
		if familyKeys[k] || f.Value == "" {
			continue
		}
		if _, isRound := b.rounds[k]; isRound {
			continue
		}
		key := f.Key
		if label, ok := b.labels[k]; ok {
			key = label
		}
		c.Facts = append(c.Facts, &Fact{Key: key, Text: f.Value, Section: src})
	}
	return c
}

// boxRounds returns a family's figures per round from round-data rows
// ("1Blank: First round", "1Data1: 227,210 (28.15%)").
func (b *box) roundFigures(n int) map[int][2]*Figure {
	fam := b.families[n]
	if fam == nil {
		return nil
	}
	out := map[int][2]*Figure{}
	for data, r := range b.rounds {
		if f, ok := fam.fields[data]; ok && f.Value != "" {
			v, s := votesAndShare(f.Value, b.source())
			out[r] = [2]*Figure{v, s}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func firstLine(f *infoboxFamily) int {
	line := 0
	for _, v := range f.fields {
		if line == 0 || v.Line < line {
			line = v.Line
		}
	}
	return line
}

var colourRe = regexp.MustCompile(`^#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$`)

// normColour returns "#RRGGBB" for a hex colour, or "" for anything else.
func normColour(v string) string {
	m := colourRe.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return ""
	}
	h := strings.ToUpper(m[1])
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	return "#" + h
}
