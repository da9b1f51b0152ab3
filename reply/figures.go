package reply

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// Pct renders a share as the article writes it: "15.70%".
func Pct(f *knowledge.Figure) string {
	if f == nil {
		return ""
	}
	t := strings.TrimSuffix(strings.TrimSpace(f.Text), "%")
	if t == "" {
		t = strconv.FormatFloat(f.Value, 'f', -1, 64)
	}
	return t + "%"
}

// Num renders a count with thousands separators.
func Num(f *knowledge.Figure) string {
	if f == nil {
		return ""
	}
	if f.Value >= 1000 || f.Value <= -1000 {
		return knowledge.FormatInt(f.Int())
	}
	return strings.TrimPrefix(f.Text, "+")
}

// Seats renders "1 seat", "22 seats".
func Seats(n int) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " seat"
	}
	return strconv.Itoa(n) + " seats"
}

// Signed renders a change: "+26", "−28", "±0".
func Signed(f *knowledge.Figure) string {
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

// Previous names the previous election for "since 2012" phrases.
func Previous(e *knowledge.Election) string {
	if e.Previous != nil {
		if y, ok := knowledge.YearIn(e.Previous.Text); ok {
			return strconv.Itoa(y)
		}
		return e.Previous.Text
	}
	return "the previous election"
}

// Result summarises a contestant's result: "63 seats · 43.62% · +26
// since 2012".
func Result(e *knowledge.Election, c *knowledge.Contestant) string {
	var parts []string
	if c.Seats != nil {
		parts = append(parts, Seats(c.Seats.Int()))
	}
	if c.Share != nil {
		parts = append(parts, Pct(c.Share))
	}
	if c.Votes != nil {
		parts = append(parts, Num(c.Votes)+" votes")
	}
	if c.SeatChange != nil {
		parts = append(parts, Signed(c.SeatChange)+" since "+Previous(e))
	} else if c.New {
		parts = append(parts, "new")
	}
	return strings.Join(parts, " · ")
}

// NoSeats states what the article implies for a list without figures:
// when the known seat counts fill the assembly, every other list won none.
// It is "" when the article does not imply that.
func NoSeats(e *knowledge.Election, k *knowledge.Contestant) string {
	if k.Seats != nil || !e.AllSeatsAccounted() {
		return ""
	}
	s := fmt.Sprintf("no seats (derived: the lists with seats in the infobox hold all %d)", e.Seats.Int())
	if e.Threshold != nil && !k.Minority() {
		s = fmt.Sprintf("no seats, so it stayed below the %s threshold (derived: the lists with seats in the infobox hold all %d)", Pct(e.Threshold), e.Seats.Int())
	}
	return s
}

// ShareSuffix is " (15.70%)" after a figure, or "" without a share.
func ShareSuffix(k *knowledge.Contestant) string {
	if k.Share == nil {
		return ""
	}
	return " (" + Pct(k.Share) + ")"
}

// PollLine renders one poll's figures in the article's order, those
// below the threshold on a line of their own, then the poll's notes.
func PollLine(p *knowledge.Poll) string {
	var main, below []string
	for _, en := range p.Entries {
		s := en.Name + " " + Pct(en.Share)
		if en.BelowThreshold {
			below = append(below, s)
		} else {
			main = append(main, s)
		}
	}
	line := strings.Join(main, " · ")
	if len(below) > 0 {
		if line != "" {
			line += "\n"
		}
		line += "Below threshold: " + strings.Join(below, " · ")
	}
	for _, n := range p.Notes {
		line += "\n" + n
	}
	return line
}

// Ranges writes sorted numbers compactly: "1–6, 8, 10–12".
func Ranges(nums []int) string {
	var ranges []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if i == j {
			ranges = append(ranges, strconv.Itoa(nums[i]))
		} else {
			ranges = append(ranges, fmt.Sprintf("%d–%d", nums[i], nums[j]))
		}
		i = j + 1
	}
	return strings.Join(ranges, ", ")
}

// Sections joins distinct section names for a Source.
func Sections(sections ...string) string {
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

// Quote shows user text back, safely shortened and quoted.
func Quote(s string) string { return fmt.Sprintf("“%s”", Clip(s, 40)) }

// Clip shortens text to n runes, marking the cut with "…".
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// LowerFirst lower-cases the first letter of a phrase used mid-sentence,
// unless it is an abbreviation.
func LowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && !(r[1] >= 'A' && r[1] <= 'Z') {
		r[0] += 'a' - 'A'
	}
	return string(r)
}
