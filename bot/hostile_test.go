package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/bot"
)

// A hostile request is something a user, a bored group member or a
// script may send: it must get a short, helpful reply and nothing else.
type hostile struct {
	name string
	req  bot.Request
}

// text is a message typed in a chat, as Telegram and the terminal send it.
func text(name, s string) hostile {
	return hostile{name: name, req: bot.Request{Platform: "test", Text: s, BotName: "ElectionBot"}}
}

// typed is a command with typed options, as Discord sends it.
func typed(name, cmd string, opts map[string]string) hostile {
	return hostile{name: name, req: bot.Request{Platform: "test", Command: cmd, Options: opts}}
}

func hostileRequests() []hostile {
	long := strings.Repeat("how many seats ", 700) // 10 500 bytes
	return []hostile{
		text("empty", ""),
		text("whitespace only", " \t\n\r\v\f\u00a0\u3000 "),
		text("10 000 characters", strings.Repeat("a", 10000)),
		text("10 000 characters of question", long),
		text("10 000 characters of argument", "/party "+strings.Repeat("Đ", 10000)),
		text("a command repeated", strings.Repeat("/list ", 2000)),
		text("NUL alone", "\x00"),
		text("NUL inside a command", "/list\x008"),
		text("control characters", "/seats\x01\x02\x07\x08\x7f"),
		text("terminal escapes", "\x1b[2J\x1b[H\x1b]0;pwned\x07/about"),
		text("invalid UTF-8", "\xff\xfe/list \xc3\x28"),
		text("right-to-left override", "\u202e/list 8\u202c"),
		text("right-to-left inside an argument", "/party \u202eSNS\u202c"),
		text("bidi isolates", "\u2066\u2067\u2068how many seats\u2069"),
		text("zero-width joiners only", "\u200d\u200d\u200d"),
		text("zero-width space in a command", "/li\u200bst 8"),
		text("byte-order mark", "\ufeff/poll"),
		text("emoji", "👨‍👩‍👧‍👦🗳️🇷🇸"),
		text("emoji as an argument", "/party 🇷🇸"),
		text("keycap digit", "/list 8️⃣"),
		text("combining marks", "/party S\u0301N\u0301S\u0301"),
		text("zalgo", "h̸̡̛o̵̢w̷ ̶m̴a̸n̵y̶ ̷s̶e̸a̵t̷s̴"),
		text("noncharacter and private use", "/party \U0010FFFF\ue000"),
		text("Arabic-Indic digits", "/list ٨"),
		text("extended Arabic-Indic digits", "/list ۱۲"),
		text("full-width digits", "/list ８"),
		text("circled digit", "/list ⑧"),
		text("Devanagari digits", "/list ८"),
		text("exponent", "/list 1e9"),
		text("hex", "/list 0x10"),
		text("leading zero", "/list 08"),
		text("minus zero", "/list -0"),
		text("negative", "/list -1"),
		text("very negative", "/list -99999999999999999999"),
		text("huge", "/list 99999999999999999999"),
		text("int64 overflow", "/list 9223372036854775808"),
		text("fraction", "/list 1.5"),
		text("NaN", "/list NaN"),
		text("infinity", "/list Inf"),
		text("several numbers", "/list 8 8 8"),
		text("ballot number as party", "/party -0"),
		text("HTML bold", "<b>how many seats</b>"),
		text("HTML in an argument", "/party <b>SNS</b>"),
		text("closing anchor and script", "</a><script>alert(1)</script>"),
		text("HTML in a command name", "/frobnicate<b>"),
		text("HTML entities", "/poll &lt;b&gt;&amp;"),
		text("Markdown marks", "/party *_[`~||"),
		text("Markdown link", "**bold** __u__ [click](https://evil.example/)"),
		text("@everyone", "@everyone"),
		text("@everyone as a party", "/party @everyone"),
		text("@here question", "@here how many seats did SNS win?"),
		text("Discord user mention", "<@123>"),
		text("Discord role, channel and nick mentions", "/party <@&456> <#789> <@!123>"),
		text("Telegram mention only", "@ElectionBot"),
		text("Telegram mention of another bot", "@OtherBot /seats"),
		text("command for another bot", "/seats@OtherBot"),
		text("command for another bot with argument", "/list@OtherBot 8"),
		text("our name twice", "/seats@ElectionBot@ElectionBot"),
		text("Telegram text mention syntax", "[inline mention](tg://user?id=123456789)"),
		text("SQL injection", "'; DROP TABLE elections; --"),
		text("SQL in an argument", "/party ' OR 1=1 --"),
		text("Go template", "{{.Token}} {{printf \"%s\" .}}"),
		text("shell and JNDI", "/search $(rm -rf /) ${jndi:ldap://x/a}"),
		text("format verbs", "/party %s %d %v %!x %n"),
		text("path traversal", "/results ../../etc/passwd"),
		text("Windows path", "/party C:\\Windows\\system32"),
		text("slash alone", "/"),
		text("slashes", "//"),
		text("slash space", "/ seats"),
		text("unknown command", "/frobnicate"),
		text("unknown command with argument", "/rm -rf /"),
		text("upper-case command", "/SEATS"),
		text("hidden command for another bot", "/start@OtherBot"),
		text("two commands on two lines", "/list 8\n/list 9"),
		text("help with noise", "/help "+strings.Repeat("!", 1000)),
		text("election option nonsense", "/seats 1e9"),
		text("election repeated", "/about 2014 2014 2014"),
		text("long Cyrillic", "/party "+strings.Repeat("ш", 3000)),
		text("question of emoji", "/ask "+strings.Repeat("🗳", 500)),
		typed("typed number exponent", "list", map[string]string{"number": "1e9"}),
		typed("typed number minus zero", "list", map[string]string{"number": "-0"}),
		typed("typed number huge", "list", map[string]string{"number": strings.Repeat("9", 5000)}),
		typed("typed number with NUL", "list", map[string]string{"number": "8\x00"}),
		typed("typed party mention", "party", map[string]string{"name": "@everyone"}),
		typed("typed party empty", "party", map[string]string{"name": ""}),
		typed("typed unknown option", "seats", map[string]string{"<b>": "</b>"}),
		typed("typed unknown election", "seats", map[string]string{bot.OptionElection: "'; DROP TABLE"}),
		typed("typed command path", "../../etc/passwd", nil),
		typed("typed command with slash and case", "/LIST", map[string]string{"NUMBER": "8"}),
		typed("typed command empty options", "poll", map[string]string{}),
	}
}

// leaks are what internals look like when they reach a user (checked
// outside what the reply quotes of the request).
var leaks = []string{"panic", "goroutine ", "runtime error", "runtime.", ".go:", "nil pointer", "invalid memory",
	"strconv.", "invalid syntax", "value out of range", "%!", "/home/", "/root/", "/work/", "/usr/local/go", "<nil>"}

// injected are markup and mentions that must not come back outside quotes.
var injected = []string{"@everyone", "@here", "<@", "<#", "<b>", "</b>", "</a>", "<script", "](", "{{", "tg://"}

// checkReply asserts what every reply to a hostile request must be.
func checkReply(t testing.TB, what string, resp bot.Response) {
	t.Helper()
	got := resp.Plain()
	switch {
	case strings.TrimSpace(got) == "":
		t.Errorf("%s: empty reply", what)
	case !utf8.ValidString(got):
		t.Errorf("%s: reply is not valid UTF-8: %q", what, got)
	}
	switch resp.Outcome {
	case bot.Answered, bot.Refused, bot.UserError:
	case bot.InternalError:
		t.Errorf("%s: Outcome = InternalError; want a reply the engine meant:\n%s", what, got)
	default:
		t.Errorf("%s: Outcome = %d, not a known outcome", what, resp.Outcome)
	}
	if n := utf8.RuneCountInString(got); resp.Outcome == bot.UserError && n >= 900 {
		t.Errorf("%s: an error reply of %d characters; want under 900:\n%s", what, n, got)
	}
	if n := utf8.RuneCountInString(got); n > 4000 {
		t.Errorf("%s: a reply of %d characters; long answers page", what, n)
	}
	for _, r := range got {
		if r != '\n' && unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			t.Errorf("%s: reply holds control character %U:\n%q", what, r, got)
			break
		}
	}
	bare := unquoted(got)
	lower := strings.ToLower(bare)
	for _, l := range leaks {
		if strings.Contains(lower, strings.ToLower(l)) {
			t.Errorf("%s: reply shows internals (%q):\n%s", what, l, got)
		}
	}
	for _, s := range injected {
		if strings.Contains(bare, s) {
			t.Errorf("%s: reply carries %q outside a quotation:\n%s", what, s, got)
		}
	}
	for _, b := range resp.Buttons {
		if len(b.Data) > bot.MaxButtonData || !utf8.ValidString(b.Label) {
			t.Errorf("%s: button %+v breaks the platform limits", what, b)
		}
	}
}

// unquoted drops what the reply quotes back to the user: text between
// “ and ”, and a command name echoed after "/" (the engine clips both, and
// the adapters escape them as text).
func unquoted(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "“")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "”")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+len("”"):]
	}
	b.WriteString(s)
	s = b.String()
	// The engine echoes an election it has not loaded without quotation
	// marks (bot/elections.go); until it quotes it, that echo counts as a
	// quotation here.
	if i := strings.Index(s, "I have no article about the "); i >= 0 {
		if j := strings.Index(s[i:], " election loaded"); j >= 0 {
			s = s[:i] + s[i+j:]
		}
	}
	out := strings.Fields(s)
	for i, w := range out {
		if strings.HasPrefix(w, "/") && !strings.ContainsAny(w[1:], "/@") {
			out[i] = "/…"
		}
	}
	return strings.Join(out, " ")
}

func TestHostileInput(t *testing.T) {
	reqs := hostileRequests()
	if len(reqs) < 50 {
		t.Fatalf("only %d hostile requests; the table promises at least 50", len(reqs))
	}
	for _, eng := range []struct {
		name string
		eng  *bot.Engine
	}{{"one election", seedEngine(t)}, {"several elections", manyEngine(t)}} {
		for _, h := range reqs {
			t.Run(eng.name+"/"+h.name, func(t *testing.T) {
				resp := eng.eng.Handle(context.Background(), h.req)
				checkReply(t, fmt.Sprintf("Handle(%q)", h.req.Text+h.req.Command), resp)
				for _, b := range resp.Buttons {
					checkReply(t, fmt.Sprintf("Press(%q) after Handle(%q)", b.Data, h.req.Text), eng.eng.Press(context.Background(), b.Data))
				}
			})
		}
	}
}

func TestHostileButtons(t *testing.T) {
	eng := seedEngine(t)
	for _, data := range []string{"", ":", "::", "list", "list::", "list:1:", "list:-1:belgrade-2014", "list:99999999999999999999:belgrade-2014",
		"list:1e9:belgrade-2014", "list:0x1:belgrade-2014", "list:1:../../etc/passwd", "list:1:<b>", "seats:1:belgrade-2014",
		"list:1:belgrade-2014:extra", "\x00", "\xff\xfe", strings.Repeat("list:1:", 1000)} {
		checkReply(t, fmt.Sprintf("Press(%q)", data), eng.Press(context.Background(), data))
	}
}

func TestHostileComplete(t *testing.T) {
	eng := manyEngine(t)
	for _, h := range hostileRequests() {
		for _, cmd := range []string{"list", "party", "poll", "seats", h.req.Command} {
			for _, opt := range []string{"number", "name", "who", bot.OptionElection, "<b>"} {
				for _, c := range eng.Complete(cmd, opt, h.req.Text, h.req.Text) {
					if !utf8.ValidString(c.Name) || !utf8.ValidString(c.Value) || utf8.RuneCountInString(c.Name) > 100 || utf8.RuneCountInString(c.Value) > 100 {
						t.Errorf("Complete(%q, %q, %q) gave %+v: past Discord's 100 characters or not UTF-8", cmd, opt, h.req.Text, c)
					}
				}
			}
		}
	}
}

// FuzzHandle sends any text, as a message and as a typed option, through
// the engine: no panic, no internal error, a reply within limits.
func FuzzHandle(f *testing.F) {
	for _, h := range hostileRequests() {
		f.Add(h.req.Text)
	}
	for _, s := range []string{"/seats", "/results", "/list", "/list 8", "/poll DS", "/party Đilas", "/about", "/search seats",
		"/elections", "/help", "How many seats did the socialists win?", "Koliko mandata je osvojio SNS?", "ко је носилац листе 8"} {
		f.Add(s)
	}
	eng := manyEngine(f)
	cmds := eng.Commands()
	f.Fuzz(func(t *testing.T, s string) {
		checkReply(t, fmt.Sprintf("Handle(%q)", s), eng.Handle(context.Background(), bot.Request{Platform: "fuzz", Text: s, BotName: "ElectionBot"}))
		// The same text as the typed option of a command, Discord's way.
		c := cmds[len(s)%len(cmds)]
		opts := map[string]string{}
		for _, o := range c.Options {
			opts[o.Name] = s
		}
		checkReply(t, fmt.Sprintf("Handle(/%s %q typed)", c.Name, s), eng.Handle(context.Background(), bot.Request{Platform: "fuzz", Command: c.Name, Options: opts}))
	})
}

// recorder notes failures instead of failing, to test checkReply itself.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }

// TestCheckReplyCatches makes sure the hostile-input checks can fail.
func TestCheckReplyCatches(t *testing.T) {
	ok := func(s string) bot.Response { return bot.Response{Text: s, Outcome: bot.Answered} }
	tests := []struct {
		name string
		resp bot.Response
		bad  bool
	}{
		{"a plain answer", ok("63 seats."), false},
		{"a mention quoted back", bot.Response{Text: "No party called “@everyone”.", Outcome: bot.UserError}, false},
		{"a command echoed", bot.Response{Text: "I don't know /frobnicate<b>.", Outcome: bot.UserError}, false},
		{"empty", ok(" "), true},
		{"internal error", bot.Apology(), true},
		{"unknown outcome", bot.Response{Text: "x", Outcome: bot.Outcome(42)}, true},
		{"invalid UTF-8", ok("63 \xff seats"), true},
		{"long error", bot.Response{Text: strings.Repeat("x", 900), Outcome: bot.UserError}, true},
		{"too long", ok(strings.Repeat("x", 4001)), true},
		{"bare mention", ok("Hello @everyone"), true},
		{"bare markup", ok("<b>63</b> seats"), true},
		{"Markdown link", ok("[x](https://evil.example/)"), true},
		{"stack", ok("goroutine 1 [running]:\nmain.main()"), true},
		{"Go error", ok(`strconv.Atoi: parsing "x": invalid syntax`), true},
		{"path", ok("open /work/main/data/x.txt: no such file"), true},
		{"control character", ok("63\x1b[31m seats"), true},
		{"bidi override", ok("63 \u202eseats"), true},
		{"long button data", bot.Response{Text: "x", Buttons: []bot.Button{{Label: "Next", Data: strings.Repeat("d", 65)}}}, true},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		checkReply(r, tt.name, tt.resp)
		if r.failed != tt.bad {
			t.Errorf("checkReply(%s: %q) failed = %v; want %v", tt.name, tt.resp.Plain(), r.failed, tt.bad)
		}
	}
}
