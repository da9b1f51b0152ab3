package wiki

import (
	"strconv"
	"strings"
	"time"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// monthOf reads a month as the date templates take it: a number or an
// English name or abbreviation ("3", "03", "Mar", "March").
func monthOf(s string) (time.Month, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return time.Month(n), true
		}
		return 0, false
	}
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		if strings.EqualFold(m.String(), s) || strings.EqualFold(m.String()[:3], s) || strings.EqualFold(s, "sept") && m == time.September {
			return m, true
		}
	}
	return 0, false
}

func shortMonth(m time.Month) string { return m.String()[:3] }

// dateParts reads positional year, month, day parameters.
func (c *converter) dateParts(t *wikitext.Template, depth int) (year int, month time.Month, day int, ok bool) {
	y, err := strconv.Atoi(c.pos(t, 1, ctxText, depth))
	if err != nil {
		return 0, 0, 0, false
	}
	m, _ := monthOf(c.pos(t, 2, ctxText, depth))
	d, _ := strconv.Atoi(c.pos(t, 3, ctxText, depth))
	if d < 0 || d > 31 {
		d = 0
	}
	return y, m, d, true
}

// formatDate writes a date as "16 March 2014" (dmy) or "March 16, 2014";
// a missing day or month is left out.
func formatDate(y int, m time.Month, d int, dmy bool) string {
	switch {
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return m.String() + " " + strconv.Itoa(y)
	case dmy:
		return strconv.Itoa(d) + " " + m.String() + " " + strconv.Itoa(y)
	}
	return m.String() + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)
}

// isoDate reads "2014-03-16" or "2014-03".
func isoDate(s string) (int, time.Month, int, bool) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, 0, false
	}
	y, err := strconv.Atoi(parts[0])
	m, ok := monthOf(parts[1])
	if err != nil || !ok {
		return 0, 0, 0, false
	}
	d := 0
	if len(parts) == 3 {
		if d, err = strconv.Atoi(parts[2]); err != nil || d < 1 || d > 31 {
			return 0, 0, 0, false
		}
	}
	return y, m, d, true
}

func yes(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "true", "1", "on":
		return true
	}
	return false
}

// startDate is {{Start date|2014|3|16|df=y}} and its kin: day-month-year
// when df is set, month-day-year otherwise, as on Wikipedia. {{Date}}
// takes one ISO date.
func startDate(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	dmy := yes(c.named(t, "df", ctxText, depth))
	if y, m, d, ok := c.dateParts(t, depth); ok {
		return formatDate(y, m, d, dmy)
	}
	first := c.pos(t, 1, ctxText, depth)
	if y, m, d, ok := isoDate(first); ok {
		return formatDate(y, m, d, dmy || templateName(t) == "date")
	}
	return first
}

// dateTableSorting is {{dts|2014|3|16}} or {{dts|16 March 2014}}.
func dateTableSorting(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	mdy := strings.EqualFold(c.named(t, "format", ctxText, depth), "mdy")
	if y, m, d, ok := c.dateParts(t, depth); ok {
		return formatDate(y, m, d, !mdy)
	}
	first := c.pos(t, 1, ctxText, depth)
	if y, m, d, ok := isoDate(first); ok {
		return formatDate(y, m, d, !mdy)
	}
	return first
}

// pollDates is {{opdrts|start day|end day|end month|end year|year}} (and
// {{opmdrts}}, month first): a poll's fieldwork dates. A start day above
// the end day is in the month before. The year is always written: the
// article has no table around the poll to say it.
func pollDates(mdy bool) templateFunc {
	return func(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
		d1, err1 := strconv.Atoi(c.pos(t, 1, ctxText, depth))
		d2, err2 := strconv.Atoi(c.pos(t, 2, ctxText, depth))
		m2, okM := monthOf(c.pos(t, 3, ctxText, depth))
		year := c.pos(t, 4, ctxText, depth)
		if err2 != nil || !okM {
			c.warn(t.Pos, "dropped {{%s}} with unreadable dates", displayName(t))
			return ""
		}
		if err1 != nil || d1 <= 0 {
			return pollRange(mdy, 0, 0, d2, m2, year)
		}
		m1 := m2
		if d1 > d2 {
			m1 = m2 - 1
			if m1 == 0 {
				m1 = time.December
			}
		}
		return pollRange(mdy, d1, m1, d2, m2, year)
	}
}

func pollRange(mdy bool, d1 int, m1 time.Month, d2 int, m2 time.Month, year string) string {
	var s string
	switch {
	case d1 == 0 && mdy:
		s = shortMonth(m2) + " " + strconv.Itoa(d2)
	case d1 == 0:
		s = strconv.Itoa(d2) + " " + shortMonth(m2)
	case m1 == m2 && mdy:
		s = shortMonth(m2) + " " + strconv.Itoa(d1) + "–" + strconv.Itoa(d2)
	case m1 == m2:
		s = strconv.Itoa(d1) + "–" + strconv.Itoa(d2) + " " + shortMonth(m2)
	case mdy:
		s = shortMonth(m1) + " " + strconv.Itoa(d1) + " – " + shortMonth(m2) + " " + strconv.Itoa(d2)
	default:
		s = strconv.Itoa(d1) + " " + shortMonth(m1) + " – " + strconv.Itoa(d2) + " " + shortMonth(m2)
	}
	if year == "" {
		return s
	}
	if mdy {
		return s + ", " + year
	}
	return s + " " + year
}

// asOf is {{As of|2014|3}}: "As of March 2014".
func asOf(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	lead := "As of "
	if yes(c.named(t, "lc", ctxText, depth)) {
		lead = "as of "
	}
	if y, m, d, ok := c.dateParts(t, depth); ok {
		return lead + formatDate(y, m, d, true)
	}
	return strings.TrimSpace(lead + c.pos(t, 1, ctxText, depth))
}
