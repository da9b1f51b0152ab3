package telegram

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// Telegram's limits, counted as it counts them: in UTF-16 code units of
// the text after entity parsing. The budgets stay below them so that a
// miscount of a few characters cannot cost an answer.
const (
	maxMessage     = 4096
	maxCaption     = 1024
	messageBudget  = 4000
	captionBudget  = 1000
	maxButtonData  = 64
	maxAlert       = 200 // answerCallbackQuery text
	maxInlineTitle = 64
	maxInlineDesc  = 120
)

// A style is how a run of text is marked up.
type style byte

const (
	plain style = iota
	bold
	italic
)

// A run is text in one style, and a link when href is set; text is never
// escaped until it is written.
type run struct {
	text  string
	style style
	// href is the address the run links to, already checked by
	// reply.LinkURL (http or https only); "" for plain text.
	href string
}

// A line is one line of an answer. Markup never spans lines, so an
// answer can be split between any two lines.
type line []run

func (l line) length() int {
	n := 0
	for _, r := range l {
		n += textLen(r.text)
	}
	return n
}

// html writes the line in Telegram's HTML, neighbouring runs of one
// style and link as one element.
func (l line) html() string {
	var b strings.Builder
	for i := 0; i < len(l); {
		r := l[i]
		text := r.text
		for i++; i < len(l) && l[i].style == r.style && l[i].href == r.href; i++ {
			text += l[i].text
		}
		if text == "" {
			continue
		}
		if r.href != "" {
			b.WriteString(`<a href="` + escape(r.href) + `">`)
		}
		switch r.style {
		case bold:
			b.WriteString("<b>" + escape(text) + "</b>")
		case italic:
			b.WriteString("<i>" + escape(text) + "</i>")
		default:
			b.WriteString(escape(text))
		}
		if r.href != "" {
			b.WriteString("</a>")
		}
	}
	return b.String()
}

func (l line) blank() bool {
	for _, r := range l {
		if strings.TrimSpace(r.text) != "" {
			return false
		}
	}
	return true
}

// escaper escapes the characters Telegram's HTML mode reserves, using only
// the named entities it knows.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// escape also mends invalid UTF-8, which the Bot API refuses outright.
func escape(s string) string { return escaper.Replace(strings.ToValidUTF8(s, "\uFFFD")) }

// textLen counts like Telegram: UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// layout lays a response out as lines: the title in bold, the text, the
// fields as "name: value" lines, passages with their marked words in
// bold, and the source in italics at the end.
func layout(resp bot.Response) []line {
	var out []line
	if t := strings.TrimSpace(resp.Title); t != "" {
		out = append(out, line{{text: t, style: bold}})
	}
	for _, l := range splitLines(resp.Text) {
		out = append(out, line{{text: l, style: plain}})
	}
	if len(resp.Fields) > 0 || len(resp.Passages) > 0 {
		out = gap(out)
	}
	for _, f := range resp.Fields {
		values := splitLines(f.Value)
		switch {
		case f.Name == "":
			for _, v := range values {
				out = append(out, line{{text: v, style: plain}})
			}
		case len(values) > 1:
			out = append(out, line{{text: f.Name + ":", style: bold}})
			for _, v := range values {
				out = append(out, line{{text: "  " + v, style: plain}})
			}
		default:
			out = append(out, line{{text: f.Name + ":", style: bold}, {text: " " + strings.Join(values, ""), style: plain}})
		}
	}
	for _, p := range resp.Passages {
		l := line{{text: "• ", style: plain}}
		for _, s := range p.Spans {
			st := plain
			if s.Mark {
				st = bold
			}
			l = append(l, run{text: oneLine(s.Text), style: st})
		}
		if p.Source.Section != "" {
			l = append(l, run{text: " (", style: italic},
				run{text: p.Source.Section, style: italic, href: p.Source.Link()},
				run{text: ")", style: italic})
		}
		out = append(out, l)
	}
	if src := sourceLines(resp); len(src) > 0 {
		out = append(gap(out), src...)
	}
	return out
}

// sourceLines are the source line in italics at the end of an answer,
// its text a link to the article (at the section it names) when the
// article records where it comes from, and for an answer from several
// articles a line linking each.
func sourceLines(resp bot.Response) []line {
	src := resp.Source.String()
	if src == "" {
		return nil
	}
	before, after := resp.Source.Frame(resp.Lang)
	out := []line{{
		{text: before, style: italic},
		{text: src, style: italic, href: resp.Source.Link()},
		{text: after, style: italic},
	}}
	var links line
	for _, l := range resp.Source.Links {
		if u := reply.LinkURL(l.URL); u != "" {
			if len(links) > 0 {
				links = append(links, run{text: " · ", style: italic})
			}
			links = append(links, run{text: l.Label, style: italic, href: u})
		}
	}
	if len(links) > 0 {
		before, after := reply.Around(resp.Lang, lang.SourceLinks)
		l := append(line{{text: before, style: italic}}, links...)
		out = append(out, append(l, run{text: after, style: italic}))
	}
	return out
}

// oneLine folds a span's white space, line breaks included, to single
// spaces, keeping a space at either edge so that marked words stay apart
// from their neighbours: a passage is one line whatever its text holds.
func oneLine(s string) string {
	core := strings.Join(strings.Fields(s), " ")
	if core == "" {
		if s == "" {
			return ""
		}
		return " "
	}
	if first, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(first) {
		core = " " + core
	}
	if last, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(last) {
		core += " "
	}
	return core
}

func gap(ls []line) []line {
	if len(ls) == 0 || ls[len(ls)-1].blank() {
		return ls
	}
	return append(ls, line{})
}

func splitLines(s string) []string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// pack joins lines into messages of at most budget characters, breaking
// only between lines; a line longer than the budget alone is broken at
// spaces. No message starts or ends with a blank line.
func pack(lines []line, budget int) []string {
	var msgs []string
	var cur []string
	n := 0
	flush := func() {
		for len(cur) > 0 && strings.TrimSpace(cur[len(cur)-1]) == "" {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			msgs = append(msgs, strings.Join(cur, "\n"))
		}
		cur, n = nil, 0
	}
	add := func(l line) {
		ln := l.length()
		if len(cur) > 0 && n+1+ln > budget {
			flush()
		}
		if len(cur) == 0 && l.blank() {
			return
		}
		if len(cur) > 0 {
			n++
		}
		cur = append(cur, l.html())
		n += ln
	}
	for _, l := range lines {
		if l.length() <= budget {
			add(l)
			continue
		}
		for _, piece := range breakLine(l, budget) {
			add(piece)
		}
	}
	flush()
	return msgs
}

// breakLine cuts an overlong line into pieces of at most budget
// characters, at a space where there is one.
func breakLine(l line, budget int) []line {
	var out []line
	var cur line
	n := 0
	for _, r := range l {
		text := r.text
		for text != "" {
			room := budget - n
			if textLen(text) <= room {
				cur = append(cur, run{text: text, style: r.style, href: r.href})
				n += textLen(text)
				break
			}
			cut := cutAt(text, room)
			if cut == 0 && len(cur) == 0 {
				// Not even one character fits a fresh piece: impossible
				// with any sane budget, but never loop forever.
				_, size := utf8.DecodeRuneInString(text)
				cut = size
			}
			if cut > 0 {
				cur = append(cur, run{text: text[:cut], style: r.style, href: r.href})
			}
			out = append(out, cur)
			cur, n = nil, 0
			text = strings.TrimLeft(text[cut:], " ")
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// cutAt returns a byte index at most room characters into s, after the
// last space before that point if there is one.
func cutAt(s string, room int) int {
	n, last, lastSpace := 0, 0, -1
	for i, r := range s {
		w := utf16.RuneLen(r)
		if n+w > room {
			break
		}
		n += w
		last = i + utf8.RuneLen(r)
		if r == ' ' {
			lastSpace = i + 1
		}
	}
	if lastSpace > 0 && lastSpace > last/2 {
		return lastSpace
	}
	return last
}

// messages renders a response as the texts of the messages that carry
// it.
func messages(resp bot.Response) []string {
	return pack(layout(resp), messageBudget)
}

// withCaption renders a response that comes with a picture: the caption
// holds as many whole lines as fit, the rest follows as messages. With
// keepAll the caption holds only the title, so that every line that
// belongs to the text (and its buttons) stays in one editable message.
func withCaption(resp bot.Response, keepAll bool) (caption string, rest []string) {
	lines := layout(resp)
	if keepAll {
		title := resp.Title
		if title == "" && resp.Image != nil {
			title = resp.Image.Alt
		}
		caps := pack([]line{{{text: title, style: bold}}}, captionBudget)
		if len(caps) > 0 {
			caption = caps[0]
		}
		return caption, pack(lines, messageBudget)
	}
	n := 0
	i := 0
	for ; i < len(lines); i++ {
		ln := lines[i].length()
		if n > 0 {
			ln++
		}
		if n+ln > captionBudget {
			break
		}
		n += ln
	}
	if caps := pack(lines[:i], captionBudget); len(caps) > 0 {
		caption = caps[0]
	}
	return caption, pack(lines[i:], messageBudget)
}

// clipText shortens plain text to n UTF-16 units, with an ellipsis.
func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if textLen(s) <= n {
		return s
	}
	cut := cutAt(s, n-1)
	return strings.TrimRight(s[:cut], " ") + "…"
}
