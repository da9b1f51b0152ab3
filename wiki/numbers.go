package wiki

import (
	"math"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// digitGroups are the thousands separators numbers are written with.
var digitGroups = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "\u202f", "", "\u2009", "")

// parseNumber reads a whole value as a number: "1,234,567", "45.6%",
// "−3", "+5", "1 234". Anything else in it ("5 seats") makes it no number.
func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), string(signMark), "")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	neg := false
	switch {
	case strings.HasPrefix(s, "+"):
		s = s[1:]
	case strings.HasPrefix(s, "-"):
		s, neg = s[1:], true
	case strings.HasPrefix(s, "−"), strings.HasPrefix(s, "–"):
		s, neg = s[len("−"):], true
	}
	s = digitGroups.Replace(s)
	if s == "" || strings.ContainsAny(s, "eEinfINFxX_") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// formatThousands writes v with decimals places and commas between
// thousands: 1234567 -> "1,234,567".
func formatThousands(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// formatNumberText formats a number written plainly ("1234567.5") with
// commas, keeping its decimals; other text stays as it is.
func formatNumberText(s string) string {
	v, ok := parseNumber(s)
	if !ok || strings.HasSuffix(strings.TrimSpace(s), "%") {
		return s
	}
	decimals := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		decimals = len(strings.TrimSpace(frac))
	}
	return formatThousands(v, decimals)
}

// formatPercent writes a share with two decimals, as Wikipedia's results
// templates do.
func formatPercent(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// formatChange writes a change with its sign: "+5", "−3", "0".
func formatChange(s string) string {
	v, ok := parseNumber(s)
	if !ok {
		return s
	}
	_, frac, _ := strings.Cut(strings.ReplaceAll(s, string(signMark), ""), ".")
	out := formatThousands(math.Abs(v), len(strings.TrimSpace(strings.TrimSuffix(frac, "%"))))
	switch {
	case v > 0:
		return "+" + out
	case v < 0:
		return "−" + out
	}
	return out
}

// percentage is {{percentage|part|whole|decimals}}.
func percentage(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	part, ok1 := parseNumber(c.pos(t, 1, ctx, depth))
	whole, ok2 := parseNumber(c.pos(t, 2, ctx, depth))
	if !ok1 || !ok2 || whole == 0 {
		return ""
	}
	d, _ := strconv.Atoi(c.pos(t, 3, ctx, depth))
	return strconv.FormatFloat(part/whole*100, 'f', min(max(d, 0), 10), 64) + "%"
}

// roundTemplate is {{round|value|decimals}}.
func roundTemplate(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	v, ok := parseNumber(c.pos(t, 1, ctx, depth))
	if !ok {
		return c.pos(t, 1, ctx, depth)
	}
	d, _ := strconv.Atoi(c.pos(t, 2, ctx, depth))
	return strconv.FormatFloat(v, 'f', min(max(d, 0), 10), 64)
}

// numberTemplate is {{nts|1234}}: the number with commas.
func numberTemplate(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return formatNumberText(c.pos(t, 1, ctx, depth))
}
