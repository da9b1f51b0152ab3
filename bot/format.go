package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// pct renders a share as the article writes it: "15.70%".
func pct(f *knowledge.Figure) string {
	if f == nil {
		return ""
	}
	t := strings.TrimSuffix(strings.TrimSpace(f.Text), "%")
	if t == "" {
		t = strconv.FormatFloat(f.Value, 'f', -1, 64)
	}
	return t + "%"
}

// num renders a count with thousands separators.
func num(f *knowledge.Figure) string {
	if f == nil {
		return ""
	}
	if f.Value >= 1000 || f.Value <= -1000 {
		return knowledge.FormatInt(f.Int())
	}
	return strings.TrimPrefix(f.Text, "+")
}

// seatWord renders "1 seat", "22 seats".
func seatWord(n int) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " seat"
	}
	return strconv.Itoa(n) + " seats"
}

// signed renders a change: "+26", "−28", "no change".
func signed(f *knowledge.Figure) string {
	if f == nil {
		return ""
	}
	switch n := f.Int(); {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return "−" + strconv.Itoa(-n)
	}
	return "±0"
}

// previousLabel names the previous election for "since 2012" phrases.
func previousLabel(e *knowledge.Election) string {
	if e.Previous != nil {
		if y, ok := knowledge.YearIn(e.Previous.Text); ok {
			return strconv.Itoa(y)
		}
		return e.Previous.Text
	}
	return "the previous election"
}

// resultLine summarises a contestant's result: "63 seats · 43.62% · +26
// since 2012".
func resultLine(e *knowledge.Election, c *knowledge.Contestant) string {
	var parts []string
	if c.Seats != nil {
		parts = append(parts, seatWord(c.Seats.Int()))
	}
	if c.Share != nil {
		parts = append(parts, pct(c.Share))
	}
	if c.Votes != nil {
		parts = append(parts, num(c.Votes)+" votes")
	}
	if c.SeatChange != nil {
		parts = append(parts, signed(c.SeatChange)+" since "+previousLabel(e))
	} else if c.New {
		parts = append(parts, "new")
	}
	return strings.Join(parts, " · ")
}

// sources joins distinct section names for a Source.
func sources(sections ...string) string {
	var out []string
	for _, s := range sections {
		if s == "" {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// quote shows user text back safely shortened and quoted.
func quote(s string) string { return fmt.Sprintf("“%s”", clip(s, 40)) }

// listLine renders one ballot list compactly.
func listLine(c *knowledge.Contestant) string {
	s := c.BallotName
	if c.Carrier != "" {
		s += " — carried by " + c.Carrier
	}
	for _, n := range c.Notes {
		s += " (" + lowerFirst(n) + ")"
	}
	return s
}

// lowerFirst lower-cases the first letter of a phrase used mid-sentence,
// unless it is an abbreviation.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && !(r[1] >= 'A' && r[1] <= 'Z') {
		r[0] += 'a' - 'A'
	}
	return string(r)
}
