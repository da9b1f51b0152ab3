package knowledge

import (
	"regexp"
	"strconv"
	"time"
)

// monthNames maps English and Serbian month names and their usual
// abbreviations (folded) to month numbers.
var monthNames = func() map[string]int {
	m := map[string]int{}
	for i, names := range [][]string{
		{"january", "jan", "januar", "januara", "januaru", "sijecanj"},
		{"february", "feb", "februar", "februara", "februaru", "veljaca"},
		{"march", "mar", "mart", "marta", "martu", "ozujak"},
		{"april", "apr", "aprila", "aprilu", "travanj"},
		{"may", "maj", "maja", "maju", "svibanj"},
		{"june", "jun", "juna", "junu", "lipanj"},
		{"july", "jul", "jula", "julu", "srpanj"},
		{"august", "aug", "avgust", "avgusta", "avgustu", "kolovoz"},
		{"september", "sep", "sept", "septembar", "septembra", "septembru", "rujan"},
		{"october", "oct", "oktobar", "oktobra", "oktobru", "listopad"},
		{"november", "nov", "novembar", "novembra", "novembru", "studeni"},
		{"december", "dec", "decembar", "decembra", "decembru", "prosinac"},
	} {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

// Months returns the months a text names, in order, without repeats.
// Ambiguous short forms ("may", "mar") count only next to a day number
// or a year, since "may" is also a verb.
func Months(text string) []int {
	toks := FoldTokens(text)
	var out []int
	for i, t := range toks {
		m, ok := monthNames[t]
		if !ok {
			continue
		}
		if (t == "may" || t == "mar" || t == "jun" || t == "jul" || t == "dec" || t == "sep") && !nearNumber(toks, i) {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == m
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

func nearNumber(toks []string, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(toks) && isNumeric(toks[j]) {
			return true
		}
	}
	return false
}

var monthPattern = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`

// dateRe finds a poll's fieldwork date in a sentence: "20–26 January",
// "24–25 February 2014", "in early 2014", "late January".
var dateRe = regexp.MustCompile(
	`\b\d{1,2}(?:\s*[–—-]\s*\d{1,2})?\s+` + monthPattern + `(?:\s*[–—-]\s*\d{1,2}\s+` + monthPattern + `)?(?:\s+\d{4})?` +
		`|\b(?:(?:early|mid|late|mid-)\s*)?` + monthPattern + `\b` + `(?:\s+\d{1,2}\b(?:\s*[–—-]\s*\d{1,2}\b)?)?(?:,?\s+\d{4})?` +
		`|(?:early|mid|late)\s+\d{4}\b`)

// PollMatchesWhen reports how well a poll's date fits what a question says
// about time: months named and early/mid/late. It returns 1 for a fit, 0
// when the question names no time, and -1 for a clash.
func (p *Poll) MatchesWhen(question string) int {
	months := Months(question)
	if len(months) == 0 {
		return 0
	}
	pm := Months(p.Date)
	if len(pm) == 0 {
		return -1
	}
	for _, m := range months {
		for _, q := range pm {
			if m == q {
				return 1
			}
		}
	}
	return -1
}

// A datePoint is one day, month or year a date text names.
type datePoint struct {
	day, month, year int
	qual             string // early, mid, late
}

var isoDayRe = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

// DateRange reads the period a date text names: "13 June 2020", "12–14
// May", "28 March – 3 April 2016", "May 2020", "early 2014", "late
// November", "2020-06-13". A text without a year takes year, or the year
// before when that would put it after the election (before, zero when
// unknown). ok is false when the text names no date.
func DateRange(text string, year int, before time.Time) (from, to time.Time, ok bool) {
	if m := isoDayRe.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			return t, t, true
		}
	}
	pts := datePoints(FoldTokens(text))
	if len(pts) == 0 {
		return time.Time{}, time.Time{}, false
	}
	for i := range pts {
		if pts[i].year == 0 {
			if year == 0 {
				return time.Time{}, time.Time{}, false
			}
			pts[i].year = year
			if start, _ := pts[i].span(); !before.IsZero() && start.After(before) {
				pts[i].year = year - 1
			}
		}
	}
	from, _ = pts[0].span()
	_, to = pts[len(pts)-1].span()
	if to.Before(from) {
		return time.Time{}, time.Time{}, false
	}
	return from, to, true
}

// datePoints reads the days, months and years of folded tokens in order.
func datePoints(toks []string) []datePoint {
	var pts []datePoint
	var days []int
	qual := ""
	flush := func() {
		// "May 12–14": days after their month.
		if len(days) > 0 && len(pts) > 0 && pts[len(pts)-1].day == 0 && pts[len(pts)-1].month > 0 {
			last := &pts[len(pts)-1]
			last.day = days[0]
			if len(days) > 1 {
				pts = append(pts, datePoint{day: days[1], month: last.month, year: last.year})
			}
		}
		days = nil
	}
	for _, t := range toks {
		n, err := strconv.Atoi(t)
		switch {
		case t == "early" || t == "mid" || t == "late" || t == "beginning" || t == "end":
			qual = map[string]string{"beginning": "early", "end": "late"}[t]
			if qual == "" {
				qual = t
			}
		case monthNames[t] > 0:
			p := datePoint{month: monthNames[t], qual: qual}
			switch len(days) {
			case 0:
			case 1:
				p.day = days[0]
			default:
				pts = append(pts, datePoint{day: days[0], month: p.month})
				p.day = days[len(days)-1]
			}
			days, qual = nil, ""
			pts = append(pts, p)
		case err == nil && n >= 1900 && n <= 2100:
			flush()
			set := false
			for i := len(pts) - 1; i >= 0 && pts[i].year == 0; i-- {
				pts[i].year, set = n, true
			}
			if !set {
				pts = append(pts, datePoint{year: n, qual: qual})
				qual = ""
			}
		case err == nil && n >= 1 && n <= 31:
			days = append(days, n)
		}
	}
	flush()
	return pts
}

// span is the first and last day a point covers.
func (p datePoint) span() (time.Time, time.Time) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	if p.month == 0 {
		from, to := 1, 12
		switch p.qual {
		case "early":
			to = 4
		case "mid":
			from, to = 5, 8
		case "late":
			from = 9
		}
		return day(p.year, from, 1), day(p.year, to+1, 0)
	}
	if p.day > 0 {
		d := day(p.year, p.month, p.day)
		return d, d
	}
	last := day(p.year, p.month+1, 0).Day()
	from, to := 1, last
	switch p.qual {
	case "early":
		to = 10
	case "mid":
		from, to = 11, 20
	case "late":
		from = 21
	}
	return day(p.year, p.month, from), day(p.year, p.month, to)
}

// ElectionDay returns the first day the election's date names, zero when
// it names none.
func (e *Election) ElectionDay() time.Time {
	if e.Date == nil {
		return time.Time{}
	}
	from, _, ok := DateRange(e.Date.Text, e.Year, time.Time{})
	if !ok {
		return time.Time{}
	}
	return from
}

// PollsWhen keeps the polls whose date fits a month the text names
// (MatchesWhen), in their order.
func PollsWhen(ps []*Poll, text string) []*Poll {
	var out []*Poll
	for _, p := range ps {
		if p.MatchesWhen(text) > 0 {
			out = append(out, p)
		}
	}
	return out
}
