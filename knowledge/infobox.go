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

func (x *extractor) infobox() {
	e := x.e
	families := map[int]*infoboxFamily{}
	general := map[string]Field{}
	for _, f := range x.a.Infobox {
		k := normKey(f.Key)
		if m := familyRe.FindStringSubmatch(k); m != nil {
			n, err := strconv.Atoi(m[2])
			if err == nil && n > 0 && n < 1000 {
				fam := families[n]
				if fam == nil {
					fam = &infoboxFamily{n: n, fields: map[string]Field{}}
					families[n] = fam
				}
				fam.fields[m[1]] = f
				continue
			}
		}
		if _, dup := general[k]; !dup {
			general[k] = f
		}
	}
	get := func(keys ...string) (Field, bool) {
		for _, k := range keys {
			if f, ok := general[k]; ok && f.Value != "" {
				return f, true
			}
		}
		return Field{}, false
	}
	fact := func(keys ...string) *Fact {
		if f, ok := get(keys...); ok {
			return &Fact{Text: f.Value, Section: SectionInfobox}
		}
		return nil
	}
	figure := func(keys ...string) *Figure {
		f, ok := get(keys...)
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
	if f, ok := get("electionname", "name"); ok && e.Title == "" {
		e.Title = f.Value
	}
	e.Date = fact("electiondate", "date")
	e.Turnout = figure("turnout")
	e.Seats = figure("seatsforelection", "seats", "totalseats")
	e.Majority = figure("majorityseats", "majority")
	e.Threshold = figure("threshold", "electoralthreshold")
	e.Registered = figure("registered", "registeredvoters", "electorate")
	e.Previous = fact("previouselection", "previousyear")
	e.Next = fact("nextelection", "nextyear")
	if f, ok := get("title", "office"); ok {
		e.Office = f.Value
	}
	holder := func(name, party string) *Officeholder {
		n, ok := get(name)
		if !ok {
			return nil
		}
		h := &Officeholder{Name: n.Value, Section: SectionInfobox}
		if p, ok := get(party); ok {
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

	nums := make([]int, 0, len(families))
	for n := range families {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		fam := families[n]
		name, ok := fam.get("party", "name", "alliance", "coalition", "list")
		if !ok {
			// A family without a name (Image3, Leader3 alone) is not a party.
			if _, seats := fam.get("seats"); seats {
				x.warnf(firstLine(fam), "infobox family %d has seats but no Party%d", n, n)
			}
			continue
		}
		c := &Contestant{Name: name.Value, InfoboxName: name.Value, Position: n}
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
			fig, ok := parseFigure(f.Value, SectionInfobox)
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
			if fig, ok := parseFigure(f.Value, SectionInfobox); ok {
				c.PrevSeats = fig
			} else if Fold(f.Value) == "new" || strings.Contains(Fold(f.Value), "new") {
				c.New = true
			}
		}
		e.Contestants = append(e.Contestants, c)
	}
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
