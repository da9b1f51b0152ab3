package knowledge

import (
	"regexp"
	"strconv"
	"strings"
)

// A Figure is a number the article states, kept as written so that answers
// quote it the way the article does ("15.70", not 15.7).
type Figure struct {
	Value float64
	Text  string
	// Section is where the article states it ("Infobox", "Results", ...).
	Section string
	// Also are other statements of the same quantity elsewhere in the
	// article that disagree with this one (an infobox share the results
	// table contradicts), each with its section.
	Also []*Figure `json:",omitempty"`
}

// Int returns the figure rounded to an integer.
func (f *Figure) Int() int {
	if f == nil {
		return 0
	}
	if f.Value < 0 {
		return int(f.Value - 0.5)
	}
	return int(f.Value + 0.5)
}

// numberRe finds the first number in a value: an optional sign, digits with
// optional thousands separators, an optional decimal part.
var numberRe = regexp.MustCompile(`[-+−–]?\d{1,3}(?:[,\x{a0} ]\d{3})+(?:\.\d+)?|[-+−–]?\d+(?:[.,]\d+)?`)

// digitSeparators are what groups a number's thousands: "1,234,567".
var digitSeparators = strings.NewReplacer(",", "", "\u00a0", "", " ", "")

// parseFigure reads the first number in s ("50.66%", "All 110 seats",
// "1,234,567", "−28"). It reports false for words ("new", "–", "").
func parseFigure(s, section string) (*Figure, bool) {
	m := numberRe.FindString(s)
	if m == "" {
		return nil, false
	}
	text := m
	neg := strings.HasPrefix(m, "-") || strings.HasPrefix(m, "−") || strings.HasPrefix(m, "–")
	m = strings.TrimLeft(m, "-+−–")
	text = strings.TrimLeft(text, "+")
	if neg {
		text = "−" + m
	}
	var clean string
	switch {
	case strings.Count(m, ",") == 1 && !strings.Contains(m, ".") && len(m)-strings.Index(m, ",") != 4:
		clean = strings.Replace(m, ",", ".", 1) // a decimal comma: "15,7"
	case strings.ContainsAny(m, ",\u00a0 "):
		clean = digitSeparators.Replace(m)
	default:
		clean = m // most figures: nothing to take out
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return nil, false
	}
	if neg {
		v = -v
	}
	return &Figure{Value: v, Text: text, Section: section}, true
}

// numberWords are the English and Serbian words for small numbers that
// articles spell out ("Twenty-three parties and coalitions ran").
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// wordNumber reads a spelled-out number of up to two words ("twenty-three",
// "twenty three", "seven") from folded tokens, returning its value and how
// many tokens it used.
func wordNumber(toks []string) (int, int) {
	if len(toks) == 0 {
		return 0, 0
	}
	first, rest, hyphen := strings.Cut(toks[0], "-")
	v, ok := numberWords[first]
	if !ok {
		return 0, 0
	}
	if hyphen {
		if u, ok := numberWords[rest]; ok && v >= 20 && u < 10 {
			return v + u, 1
		}
		return 0, 0
	}
	if v >= 20 && v%10 == 0 && len(toks) > 1 {
		if u, ok := numberWords[toks[1]]; ok && u < 10 {
			return v + u, 2
		}
	}
	return v, 1
}

// FormatInt writes n with thousands separators ("1,234,567").
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// ParseFigure reads the first number of a cell or value as parseFigure
// does, for answers that read the article's tables themselves.
func ParseFigure(s string) (*Figure, bool) { return parseFigure(s, "") }
