// Package hostile holds the nasty messages electionbot's message path is
// tested with (empty, huge, control and bidi characters, odd digits,
// markup, mentions, injections, unknown commands) and the checks every
// reply to them must pass. The engine's tests, the fuzz test and the
// whole-program tests through the Telegram and Discord endpoints share
// them, so that one table covers every layer.
package hostile

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/bot"
)

// A Request is something a user, a bored group member or a script may
// send: a chat message (Text), or a command with typed options as Discord
// sends it (Command and Options).
type Request struct {
	Name    string
	Text    string
	Command string
	Options map[string]string
}

// Text is a message typed in a chat.
func Text(name, s string) Request { return Request{Name: name, Text: s} }

// Typed is a command with typed options.
func Typed(name, cmd string, opts map[string]string) Request {
	return Request{Name: name, Command: cmd, Options: opts}
}

// Bot turns r into an engine request from platform, addressed to a bot
// called ElectionBot.
func (r Request) Bot(platform string) bot.Request {
	return bot.Request{Platform: platform, Text: r.Text, Command: r.Command, Options: r.Options, BotName: "ElectionBot"}
}

// Requests are the hostile messages and typed commands, each named for
// what it tries.
func Requests() []Request {
	long := strings.Repeat("how many seats ", 700) // 10 500 bytes
	return []Request{
		Text("empty", ""),
		Text("whitespace only", " \t\n\r\v\f\u00a0\u3000 "),
		Text("10 000 characters", strings.Repeat("a", 10000)),
		Text("10 000 characters of question", long),
		Text("10 000 characters of argument", "/party "+strings.Repeat("Đ", 10000)),
		Text("a command repeated", strings.Repeat("/list ", 2000)),
		Text("NUL alone", "\x00"),
		Text("NUL inside a command", "/list\x008"),
		Text("control characters", "/seats\x01\x02\x07\x08\x7f"),
		Text("terminal escapes", "\x1b[2J\x1b[H\x1b]0;pwned\x07/about"),
		Text("invalid UTF-8", "\xff\xfe/list \xc3\x28"),
		Text("right-to-left override", "\u202e/list 8\u202c"),
		Text("right-to-left inside an argument", "/party \u202eSNS\u202c"),
		Text("bidi isolates", "\u2066\u2067\u2068how many seats\u2069"),
		Text("zero-width joiners only", "\u200d\u200d\u200d"),
		Text("zero-width space in a command", "/li\u200bst 8"),
		Text("byte-order mark", "\ufeff/poll"),
		Text("emoji", "👨‍👩‍👧‍👦🗳️🇷🇸"),
		Text("emoji as an argument", "/party 🇷🇸"),
		Text("keycap digit", "/list 8️⃣"),
		Text("combining marks", "/party S\u0301N\u0301S\u0301"),
		Text("zalgo", "h̸̡̛o̵̢w̷ ̶m̴a̸n̵y̶ ̷s̶e̸a̵t̷s̴"),
		Text("noncharacter and private use", "/party \U0010FFFF\ue000"),
		Text("Arabic-Indic digits", "/list ٨"),
		Text("extended Arabic-Indic digits", "/list ۱۲"),
		Text("full-width digits", "/list ８"),
		Text("circled digit", "/list ⑧"),
		Text("Devanagari digits", "/list ८"),
		Text("exponent", "/list 1e9"),
		Text("hex", "/list 0x10"),
		Text("leading zero", "/list 08"),
		Text("minus zero", "/list -0"),
		Text("negative", "/list -1"),
		Text("very negative", "/list -99999999999999999999"),
		Text("huge", "/list 99999999999999999999"),
		Text("int64 overflow", "/list 9223372036854775808"),
		Text("fraction", "/list 1.5"),
		Text("NaN", "/list NaN"),
		Text("infinity", "/list Inf"),
		Text("several numbers", "/list 8 8 8"),
		Text("a mention as a list number", "/list @everyone"),
		Text("markup as a list number", "/list <b>x</b>"),
		Text("ballot number as party", "/party -0"),
		Text("HTML bold", "<b>how many seats</b>"),
		Text("HTML in an argument", "/party <b>SNS</b>"),
		Text("closing anchor and script", "</a><script>alert(1)</script>"),
		Text("HTML in a command name", "/frobnicate<b>"),
		Text("HTML entities", "/poll &lt;b&gt;&amp;"),
		Text("Markdown marks", "/party *_[`~||"),
		Text("Markdown link", "**bold** __u__ [click](https://evil.example/)"),
		Text("@everyone", "@everyone"),
		Text("@everyone as a party", "/party @everyone"),
		Text("a mention breaking out of quotation marks", "/party ”@everyone“"),
		Text("@here question", "@here how many seats did SNS win?"),
		Text("Discord user mention", "<@123>"),
		Text("Discord role, channel and nick mentions", "/party <@&456> <#789> <@!123>"),
		Text("Telegram mention only", "@ElectionBot"),
		Text("Telegram mention of another bot", "@OtherBot /seats"),
		Text("command for another bot", "/seats@OtherBot"),
		Text("command for another bot with argument", "/list@OtherBot 8"),
		Text("our name twice", "/seats@ElectionBot@ElectionBot"),
		Text("Telegram text mention syntax", "[inline mention](tg://user?id=123456789)"),
		Text("SQL injection", "'; DROP TABLE elections; --"),
		Text("SQL in an argument", "/party ' OR 1=1 --"),
		Text("Go template", "{{.Token}} {{printf \"%s\" .}}"),
		Text("shell and JNDI", "/search $(rm -rf /) ${jndi:ldap://x/a}"),
		Text("format verbs", "/party %s %d %v %!x %n"),
		Text("path traversal", "/results ../../etc/passwd"),
		Text("Windows path", "/party C:\\Windows\\system32"),
		Text("slash alone", "/"),
		Text("slashes", "//"),
		Text("slash space", "/ seats"),
		Text("unknown command", "/frobnicate"),
		Text("unknown command with argument", "/rm -rf /"),
		Text("upper-case command", "/SEATS"),
		Text("hidden command for another bot", "/start@OtherBot"),
		Text("two commands on two lines", "/list 8\n/list 9"),
		Text("help with noise", "/help "+strings.Repeat("!", 1000)),
		Text("election option nonsense", "/seats 1e9"),
		Text("election repeated", "/about 2014 2014 2014"),
		Text("long Cyrillic", "/party "+strings.Repeat("ш", 3000)),
		Text("question of emoji", "/ask "+strings.Repeat("🗳", 500)),
		Typed("typed number exponent", "list", map[string]string{"number": "1e9"}),
		Typed("typed number minus zero", "list", map[string]string{"number": "-0"}),
		Typed("typed number huge", "list", map[string]string{"number": strings.Repeat("9", 5000)}),
		Typed("typed number with NUL", "list", map[string]string{"number": "8\x00"}),
		Typed("typed party mention", "party", map[string]string{"name": "@everyone"}),
		Typed("typed party empty", "party", map[string]string{"name": ""}),
		Typed("typed unknown option", "seats", map[string]string{"<b>": "</b>"}),
		Typed("typed unknown election", "seats", map[string]string{bot.OptionElection: "'; DROP TABLE"}),
		Typed("typed command path", "../../etc/passwd", nil),
		Typed("typed command with slash and case", "/LIST", map[string]string{"NUMBER": "8"}),
		Typed("typed command empty options", "poll", map[string]string{}),
	}
}

// leaks are what internals look like when they reach a user (checked
// outside what the reply quotes of the request).
var leaks = []string{"panic", "goroutine ", "runtime error", "runtime.", ".go:", "nil pointer", "invalid memory",
	"strconv.", "invalid syntax", "value out of range", "%!", "/home/", "/root/", "/work/", "/usr/local/go", "<nil>"}

// injected are markup and mentions that must not come back outside quotes.
var injected = []string{"@everyone", "@here", "<@", "<#", "<b>", "</b>", "</a>", "<script", "](", "tg://"}

// Problems lists what is wrong with a reply to a hostile request: every
// reply must be non-empty valid UTF-8, an answer the engine meant (not an
// internal error), short when it is an error (under 900 characters),
// within 4000 characters in any case (long answers page), free of control
// and bidi characters and of Go internals, and it may carry markup or
// mentions only inside a quotation of the request.
func Problems(resp bot.Response) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	got := resp.Plain()
	switch {
	case strings.TrimSpace(got) == "":
		bad("empty reply")
	case !utf8.ValidString(got):
		bad("reply is not valid UTF-8: %q", got)
	}
	switch resp.Outcome {
	case bot.Answered, bot.Refused, bot.UserError:
	case bot.InternalError:
		bad("Outcome = InternalError; want a reply the engine meant:\n%s", got)
	default:
		bad("Outcome = %d, not a known outcome", resp.Outcome)
	}
	if n := utf8.RuneCountInString(got); resp.Outcome == bot.UserError && n >= 900 {
		bad("an error reply of %d characters; want under 900:\n%s", n, got)
	}
	if n := utf8.RuneCountInString(got); n > 4000 {
		bad("a reply of %d characters; long answers page", n)
	}
	for _, r := range got {
		if r != '\n' && unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			bad("reply holds control character %U:\n%q", r, got)
			break
		}
	}
	// An unknown command is echoed after "/" as typed, up to the first
	// space; internals are looked for outside it unless it looks like a
	// file path.
	lower := strings.ToLower(unquoted(got, func(w string) bool { return !strings.Contains(w[1:], "/") }))
	for _, l := range leaks {
		if strings.Contains(lower, strings.ToLower(l)) {
			bad("reply shows internals (%q):\n%s", l, got)
		}
	}
	bare := unquoted(got, func(string) bool { return true })
	for _, s := range injected {
		if strings.Contains(bare, s) {
			bad("reply carries %q outside a quotation:\n%s", s, got)
		}
	}
	for _, b := range resp.Buttons {
		if len(b.Data) > bot.MaxButtonData || !utf8.ValidString(b.Label) {
			bad("button %+v breaks the platform limits", b)
		}
	}
	return out
}

// unquoted drops what the reply quotes back to the user: on each line,
// everything from the first “ to the last ”, or in a Serbian reply from
// the first „ to the last “ (a user may type quotation marks too), and a
// command name echoed after "/" when echoed(word) says so. The engine
// clips both, and the adapters escape them as text.
func unquoted(s string, echoed func(word string) bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		for _, q := range [][2]string{{"„", "“"}, {"“", "”"}} {
			if open, end := strings.Index(l, q[0]), strings.LastIndex(l, q[1]); open >= 0 && end > open {
				l = l[:open] + l[end+len(q[1]):]
			}
		}
		words := strings.Fields(l)
		for j, w := range words {
			if strings.HasPrefix(w, "/") && echoed(w) {
				words[j] = "/…"
			}
		}
		lines[i] = strings.Join(words, " ")
	}
	return strings.Join(lines, "\n")
}
