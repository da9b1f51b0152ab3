package discord

import (
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/electionbot/electionbot/reply"
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
	var b strings.Builder
	for p := range pieces(s, false) {
		b.WriteString(p)
	}
	return b.String()
}

// fitEscaped escapes s into at most limit characters; when it does not
// fit, the end is cut at a character boundary and marked with "…".
func fitEscaped(s string, limit int) string { return fit(s, limit, false) }

// fitLinked is fitEscaped for descriptions and field values, where an
// http or https address is kept whole as a link ("<https://…>"): never
// escaped, which would break it, and never cut.
func fitLinked(s string, limit int) string { return fit(s, limit, true) }

func fit(s string, limit int, links bool) string {
	var full strings.Builder
	for p := range pieces(s, links) {
		full.WriteString(p)
	}
	if size(full.String()) <= limit {
		return full.String()
	}
	var b strings.Builder
	n := 0
	for p := range pieces(s, links) {
		if n+size(p) > limit-1 {
			break
		}
		b.WriteString(p)
		n += size(p)
	}
	return strings.TrimRight(b.String(), " \n") + ellipsis
}

// pieces are s as escaping writes it, one piece at a time: each
// character, escaped, and with links, each address whole as an autolink.
func pieces(s string, links bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		e := newEscaper()
		for i := 0; i < len(s); {
			if links {
				if u, n := linkAt(s, i); n > 0 {
					if !yield("<" + u + ">") {
						return
					}
					e.lineStart, e.digits = false, false
					i += n
					continue
				}
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if !yield(e.next(r)) {
				return
			}
			i += n
		}
	}
}

// linkAt finds an address starting at s[i], at the start of a word: the
// address to link and how many bytes of s it takes, or 0. Punctuation
// that ends a sentence, and a closing bracket the address did not open,
// are left to the text.
func linkAt(s string, i int) (string, int) {
	if i > 0 && !strings.ContainsRune(" \n\t(", rune(s[i-1])) {
		return "", 0
	}
	rest := s[i:]
	if !strings.HasPrefix(rest, "https://") && !strings.HasPrefix(rest, "http://") {
		return "", 0
	}
	if end := strings.IndexAny(rest, " \n\t"); end >= 0 {
		rest = rest[:end]
	}
	for rest != "" {
		last := rest[len(rest)-1]
		if strings.IndexByte(".,;:!?", last) >= 0 || last == ')' && strings.Count(rest, "(") < strings.Count(rest, ")") {
			rest = rest[:len(rest)-1]
			continue
		}
		break
	}
	u := reply.LinkURL(rest)
	if u == "" {
		return "", 0
	}
	return u, len(rest)
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
