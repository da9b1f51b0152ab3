package discord

import (
	"strings"
	"unicode/utf8"
)

// Discord renders Markdown in embed titles, descriptions and fields. Text
// from an article or a user must show as written and must not turn into a
// link, a heading, a quote or a mention, so every character Markdown could
// read is escaped with a backslash (which Discord hides).

// escaper escapes text one rune at a time, keeping track of where lines
// start (headings, lists and quotes are only read there).
type escaper struct {
	lineStart bool // only spaces so far on this line
	digits    bool // only digits so far on this line: "1." would be a list
}

func newEscaper() escaper { return escaper{lineStart: true} }

// next returns r as it must be written.
func (e *escaper) next(r rune) string {
	atStart, afterDigits := e.lineStart, e.digits
	switch {
	case r == '\n':
		e.lineStart, e.digits = true, false
		return "\n"
	case r == ' ' || r == '\t':
		e.digits = false
		return string(r)
	case r >= '0' && r <= '9':
		e.digits = atStart || afterDigits
		e.lineStart = false
		return string(r)
	}
	e.lineStart, e.digits = false, false
	switch r {
	case '\\', '*', '_', '~', '`', '|', '[', ']', '<', '>', '@':
		return `\` + string(r)
	case '#', '-', '+':
		if atStart {
			return `\` + string(r)
		}
	case '.', ')':
		if afterDigits {
			return `\` + string(r)
		}
	}
	return string(r)
}

// escape returns s with its Markdown escaped.
func escape(s string) string {
	e := newEscaper()
	var b strings.Builder
	for _, r := range s {
		b.WriteString(e.next(r))
	}
	return b.String()
}

// fitEscaped escapes s into at most limit characters; when it does not
// fit, the end is cut at a character boundary and marked with "…".
func fitEscaped(s string, limit int) string {
	full := escape(s)
	if size(full) <= limit {
		return full
	}
	var b strings.Builder
	n := 0
	e := newEscaper()
	for _, r := range s {
		piece := e.next(r)
		if n+size(piece) > limit-1 {
			break
		}
		b.WriteString(piece)
		n += size(piece)
	}
	return strings.TrimRight(b.String(), " \n") + ellipsis
}

// ellipsis marks text cut to fit a limit.
const ellipsis = "…"

// size measures text the way Discord's limits do at the strictest: in
// UTF-16 code units, so that a character outside the Basic Multilingual
// Plane counts twice.
func size(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// clip cuts plain (unescaped, not Markdown) text to limit characters,
// marking a cut with "…".
func clip(s string, limit int) string {
	if size(s) <= limit {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := size(string(r))
		if n+w > limit-1 {
			break
		}
		b.WriteRune(r)
		n += w
	}
	return strings.TrimRight(b.String(), " \n") + ellipsis
}

// passageMarkdown renders a passage with its marked spans in bold, within
// limit characters; a cut never leaves a bold run open.
func passageMarkdown(spans []spanText, limit int) string {
	if full := renderPassage(spans, -1); size(full) <= limit {
		return full
	}
	return renderPassage(spans, limit)
}

// renderPassage writes the spans as Markdown; with limit >= 0 it stops
// where the next character would not fit with the closing stars and "…".
func renderPassage(spans []spanText, limit int) string {
	var b strings.Builder
	n, open := 0, false
	write := func(s string) {
		b.WriteString(s)
		n += size(s)
	}
	e := newEscaper()
	for _, sp := range mergeSpans(spans) {
		lead, core, trail := splitSpace(sp.text)
		for part, text := range [3]string{lead, core, trail} {
			bold := sp.mark && part == 1
			for _, r := range text {
				piece := e.next(r)
				opening, closing := "", 0
				if bold {
					closing = 2
					if !open {
						opening = "**"
					}
				}
				if limit >= 0 && n+size(opening)+size(piece)+closing+size(ellipsis) > limit {
					out := strings.TrimRight(b.String(), " \n")
					if open {
						out += "**"
					}
					return out + ellipsis
				}
				if opening != "" {
					write(opening)
					open = true
				}
				write(piece)
			}
			if bold && open {
				write("**")
				open = false
			}
		}
	}
	return b.String()
}

// spanText is a run of passage text, marked when it matched the query.
type spanText struct {
	text string
	mark bool
}

// mergeSpans joins neighbouring spans with the same mark, so that bold
// runs do not touch ("**a****b**" is not bold in Markdown).
func mergeSpans(spans []spanText) []spanText {
	var out []spanText
	for _, s := range spans {
		if s.text == "" {
			continue
		}
		if len(out) > 0 && out[len(out)-1].mark == s.mark {
			out[len(out)-1].text += s.text
			continue
		}
		out = append(out, s)
	}
	return out
}

// splitSpace splits s into leading space, the rest and trailing space:
// "** word**" is not bold in Markdown, so spaces stay outside the stars.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " \t\n")
	lead = s[:len(s)-len(core)]
	trimmed := strings.TrimRight(core, " \t\n")
	trail = core[len(trimmed):]
	return lead, trimmed, trail
}

// validText drops what cannot travel in JSON text.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "")
}
