package knowledge

import (
	"regexp"
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
