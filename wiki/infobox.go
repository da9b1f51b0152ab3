package wiki

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// electionInfoboxes are the infoboxes of election articles, by normalised
// name (any case, spaces or underscores).
var electionInfoboxes = []string{"infobox election", "infobox legislative election", "infobox referendum"}

func isElectionInfobox(name string) bool {
	for _, n := range electionInfoboxes {
		if n == name {
			return true
		}
	}
	return false
}

// A field is one infobox line.
type field struct {
	key, value string
	pos        int
}

// infoboxTemplate reads the page's first election infobox into the
// article's infobox, and a later one into an infobox of the section it
// stands in.
func (c *converter) infoboxTemplate(t *wikitext.Template, depth int) {
	c.isElection = true
	fields := c.infoboxFields(t, depth)
	if templateName(t) == "infobox referendum" {
		fields = referendumFields(fields)
	}
	if c.haveInfobox {
		// A later infobox (the mayor's, under its heading) belongs to its
		// section.
		c.emit(outBlock{kind: outInfobox, fields: fields, pos: t.Pos})
		return
	}
	c.haveInfobox = true
	c.infobox = fields
	for _, f := range fields {
		if k := strings.ToLower(f.key); (k == "election name" || k == "name") && c.infoboxName == "" {
			c.infoboxName = f.value
		}
	}
}

var (
	blankRe  = regexp.MustCompile(`^(\d)blank$`)
	dataRe   = regexp.MustCompile(`^(\d)data(\d+)$`)
	colourRe = regexp.MustCompile(`^(colou?r|acolou?r)\d*$`)
	familyRe = regexp.MustCompile(`^(.*?)(\d+)$`)
	hexRe    = regexp.MustCompile(`(?i)^#?([0-9a-f]{6}|[0-9a-f]{3})$`)
)

// droppedWords mark parameters that are pictures or layout, not facts.
var droppedWords = map[string]bool{"image": true, "map": true, "size": true, "alt": true,
	"caption": true, "logo": true, "width": true, "upright": true, "embed": true, "flag": true,
	"x": true, "y": true, "noautocomplete": true, "bar": true, "diagram": true, "module": true}

// droppedKey reports whether an infobox parameter is a picture or layout.
func droppedKey(key string) bool {
	switch key {
	case "party colour", "party color", "party name", "votes counted", "last update", "time zone",
		"opinion polls", "website", "turnout ref", "results sec":
		return true
	}
	for _, w := range strings.Fields(key) {
		if droppedWords[strings.TrimRight(w, "0123456789")] {
			return true
		}
	}
	return false
}

// paramKey normalises a parameter name: lower case, spaces for
// underscores.
func paramKey(nodes []wikitext.Node) string {
	k := strings.ToLower(strings.ReplaceAll(wikitext.PlainText(nodes), "_", " "))
	return strings.Join(strings.Fields(k), " ")
}

// titleKey writes a parameter name as the article format's infobox keys:
// every word title-cased, a family number kept ("popular_vote1" ->
// "Popular Vote1").
func titleKey(key string) string {
	words := strings.Fields(strings.NewReplacer("_", " ", ":", " ").Replace(key))
	for i, w := range words {
		words[i] = upperFirst(w)
	}
	return strings.Join(words, " ")
}

// infoboxFields reads an infobox's named parameters in order, then those
// of an infobox nested in its "module" parameter.
func (c *converter) infoboxFields(t *wikitext.Template, depth int) []field {
	labels := map[string]string{}
	for _, a := range t.Args {
		if m := blankRe.FindStringSubmatch(paramKey(a.Name)); a.Name != nil && m != nil {
			labels[m[1]] = c.render(a.Value, ctxText, depth+1)
		}
	}
	var fields []field
	var nested []*wikitext.Template
	seen := map[string]bool{}
	for _, a := range t.Args {
		if a.Name == nil {
			continue
		}
		key := paramKey(a.Name)
		if key == "module" {
			nested = append(nested, infoboxesIn(a.Value)...)
			continue
		}
		if key == "" || droppedKey(key) || blankRe.MatchString(key) {
			continue
		}
		ctx := ctxInfobox
		if colourRe.MatchString(key) {
			ctx = ctxColour
		}
		value := c.render(a.Value, ctx, depth+1)
		if ctx == ctxColour {
			value = hexColour(value)
		}
		if !changeKeyRe.MatchString(key) {
			// "turnout = {{decrease}} 58.1%": the arrow compares with the
			// last election; the value itself is no change.
			value = dropArrows(value)
		}
		if value == "" {
			continue
		}
		name := titleKey(key)
		if m := dataRe.FindStringSubmatch(key); m != nil && labels[m[1]] != "" {
			// "1blank = First round", "1data1 = ...": the row's label names it.
			if k := titleKey(labels[m[1]]) + m[2]; !seen[strings.ToLower(k)] {
				name = k
			}
		}
		seen[strings.ToLower(name)] = true
		fields = append(fields, field{key: name, value: value, pos: posOf(a.Value, t.Pos)})
	}
	for _, n := range nested {
		if depth > maxDepth {
			break
		}
		fields = mergeNested(fields, c.infoboxFields(n, depth+1))
	}
	return fields
}

// infoboxesIn returns the election infoboxes among nodes.
func infoboxesIn(nodes []wikitext.Node) []*wikitext.Template {
	var out []*wikitext.Template
	for _, n := range nodes {
		if t, ok := n.(*wikitext.Template); ok && isElectionInfobox(templateName(t)) {
			out = append(out, t)
		}
	}
	return out
}

// mergeNested adds a nested infobox's fields after the outer ones. Where
// its numbered families (Party1, ...) would take numbers the outer
// infobox uses, they are numbered on after the outer ones, so that no two
// parties share a number; other keys the outer infobox has are dropped.
func mergeNested(outer, inner []field) []field {
	have := map[string]bool{}
	maxN := 0
	for _, f := range outer {
		have[strings.ToLower(f.key)] = true
		if m := familyRe.FindStringSubmatch(f.key); m != nil && m[1] != "" {
			n, _ := strconv.Atoi(m[2])
			maxN = max(maxN, n)
		}
	}
	clash := false
	for _, f := range inner {
		if m := familyRe.FindStringSubmatch(f.key); m != nil && m[1] != "" && have[strings.ToLower(f.key)] {
			clash = true
		}
	}
	for _, f := range inner {
		if m := familyRe.FindStringSubmatch(f.key); m != nil && m[1] != "" {
			if clash {
				n, _ := strconv.Atoi(m[2])
				f.key = m[1] + strconv.Itoa(n+maxN)
			}
		} else if have[strings.ToLower(f.key)] {
			continue
		}
		outer = append(outer, f)
	}
	return outer
}

// hexColour returns "#RRGGBB" for a hex colour, or "".
func hexColour(v string) string {
	m := hexRe.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return ""
	}
	h := strings.ToUpper(m[1])
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	return "#" + h
}

// posOf returns where nodes start, or def when they are empty.
func posOf(nodes []wikitext.Node, def int) int {
	if len(nodes) > 0 {
		return nodes[0].Offset()
	}
	return def
}

// referendumFields adds what {{Infobox referendum}} computes from the
// counts it is given: each option's share of the valid votes, the valid
// and total votes, and the turnout.
func referendumFields(fields []field) []field {
	num := func(keys ...string) (float64, bool) {
		for _, f := range fields {
			for _, k := range keys {
				if strings.EqualFold(f.key, k) {
					if v, ok := parseNumber(f.value); ok {
						return v, true
					}
				}
			}
		}
		return 0, false
	}
	has := func(key string) bool {
		for _, f := range fields {
			if strings.EqualFold(f.key, key) {
				return true
			}
		}
		return false
	}
	add := func(key, value string) {
		if !has(key) {
			fields = append(fields, field{key: key, value: value})
		}
	}
	yesV, okY := num("Yes")
	noV, okN := num("No")
	if !okY || !okN {
		return fields
	}
	blank, _ := num("Blank")
	other, _ := num("Other")
	valid := yesV + noV + blank + other
	if valid > 0 {
		add("Yes Percentage", formatPercent(yesV/valid*100)+"%")
		add("No Percentage", formatPercent(noV/valid*100)+"%")
	}
	add("Valid", formatThousands(valid, 0))
	invalid, _ := num("Invalid")
	total, okT := num("Total")
	if !okT {
		total = valid + invalid
		add("Total", formatThousands(total, 0))
	}
	if electorate, ok := num("Electorate"); ok && electorate > 0 && !has("Turnout") && !has("Turnoutpct") {
		add("Turnout", formatPercent(total/electorate*100)+"%")
	}
	return fields
}
