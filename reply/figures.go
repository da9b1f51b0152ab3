package reply

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

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

// ShareSuffix is " (15.70%)" after a figure, or "" without a share.
func ShareSuffix(k *knowledge.Contestant) string {
	if k.Share == nil {
		return ""
	}
	return " (" + Pct(k.Share) + ")"
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
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// LowerTitle writes an office's title as a sentence names it: the title
// words before the first lower-case word lose their capitals ("Prime
// Minister" is "prime minister", "Mayor of Belgrade" "mayor of
// Belgrade"), an acronym keeps them.
func LowerTitle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			break
		}
		words[i] = LowerFirst(w)
	}
	return strings.Join(words, " ")
}
