package chart

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/knowledge"
)

const ellipsis = "…"

// displayable replaces letters the Go fonts lack with what knowledge.Fold
// makes of them, when the font has that. The Go fonts cover Latin with
// its diacritics, Greek and Cyrillic (WGL4), so "Đilas" and "Ђилас" draw
// as written; only rarer letters fall back, and a letter with no fallback
// stays (drawn as a box) rather than vanish silently.
func (r *Renderer) displayable(s string) string {
	if r.covers(s) {
		return s
	}
	var b strings.Builder
	for _, ch := range s {
		if r.regular.Index(ch) != 0 || unicode.IsSpace(ch) {
			b.WriteRune(ch)
			continue
		}
		f := knowledge.Fold(string(ch))
		if f == "" {
			continue // invisible: a zero-width space, a combining mark
		}
		if !r.covers(f) {
			b.WriteRune(ch)
			continue
		}
		if unicode.IsUpper(ch) {
			first, n := utf8.DecodeRuneInString(f)
			f = string(unicode.ToUpper(first)) + f[n:]
		}
		b.WriteString(f)
	}
	return b.String()
}

// covers reports whether both fonts have a glyph for every letter of s.
func (r *Renderer) covers(s string) bool {
	for _, ch := range s {
		if ch < 0x80 {
			continue
		}
		if r.regular.Index(ch) == 0 || r.bold.Index(ch) == 0 {
			return false
		}
	}
	return true
}

// fit shortens s with an ellipsis until it is at most w wide in the
// current face.
func (c *canvas) fit(s string, w float64) string {
	if c.measure(s) <= w {
		return s
	}
	rs := []rune(s)
	// The longest prefix that fits, by bisection: width grows with length.
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.measure(strings.TrimRight(string(rs[:mid]), " ,;:–—-")+ellipsis) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ,;:–—-") + ellipsis
}

// wrap breaks s into at most lines lines of width w, at spaces, shortening
// the last with an ellipsis when the text does not fit.
func (c *canvas) wrap(s string, w float64, lines int) []string {
	words := strings.Fields(s)
	var out []string
	cur := ""
	for i, word := range words {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if c.measure(try) <= w || cur == "" {
			cur = try
			continue
		}
		if len(out) == lines-1 {
			cur = strings.Join(append([]string{cur}, words[i:]...), " ")
			break
		}
		out = append(out, cur)
		cur = word
	}
	if cur != "" {
		out = append(out, c.fit(cur, w))
	}
	for i := range out {
		out[i] = c.fit(out[i], w)
	}
	return out
}

// percent writes a share as the article does ("15.70%"), or from the value
// when the text is missing.
func percent(f *knowledge.Figure) string {
	if f == nil {
		return ""
	}
	t := f.Text
	if t == "" {
		t = strconv.FormatFloat(f.Value, 'f', -1, 64)
	}
	return t + "%"
}
