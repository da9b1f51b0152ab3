package lang

import (
	"regexp"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// PollLabel names a poll for people: "Factor Plus, 20–26 January", or
// "Poll of 20–26 January" in l when the article names no pollster.
func (l Lang) PollLabel(p *knowledge.Poll) string {
	switch {
	case p.Pollster != "" && p.Date != "":
		return p.Pollster + ", " + p.Date
	case p.Pollster != "":
		return p.Pollster
	case p.Date != "":
		return l.T(PollOf, p.Date)
	}
	return l.T(PollUnnamed)
}

// months are the month keys, January first.
var months = [12]Key{MonthJanuary, MonthFebruary, MonthMarch, MonthApril, MonthMay, MonthJune, MonthJuly,
	MonthAugust, MonthSeptember, MonthOctober, MonthNovember, MonthDecember}

// dateRe reads a date as English articles write it: "16 March 2014" or
// "March 16, 2014".
var dateRe = regexp.MustCompile(`^(?:(\d{1,2}) ([A-Z][a-z]+),? (\d{4})|([A-Z][a-z]+) (\d{1,2}),? (\d{4}))$`)

// Date writes an article's date in l: "16. marta 2014. (16 March 2014)"
// in Serbian, the article's own words kept beside it; a date it cannot
// read, and any date in English, as the article writes it.
func (l Lang) Date(text string) string {
	if l == En {
		return text
	}
	m := dateRe.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return text
	}
	day, month, year := m[1], m[2], m[3]
	if day == "" {
		day, month, year = m[5], m[4], m[6]
	}
	for i, k := range months {
		if En.T(k) == month {
			return l.T(DateDayMonthYear, day, l.T(months[i]), year) + " (" + text + ")"
		}
	}
	return text
}
