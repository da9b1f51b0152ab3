package hostile

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
)

func TestEnoughRequests(t *testing.T) {
	if n := len(Requests()); n < 50 {
		t.Errorf("len(Requests()) = %d; the table promises at least 50", n)
	}
}

// TestProblemsCatches makes sure the checks can fail.
func TestProblemsCatches(t *testing.T) {
	ok := func(s string) bot.Response { return bot.Response{Text: s, Outcome: bot.Answered} }
	tests := []struct {
		name string
		resp bot.Response
		bad  bool
	}{
		{"a plain answer", ok("63 seats."), false},
		{"a mention quoted back", bot.Response{Text: "No party called “@everyone”.", Outcome: bot.UserError}, false},
		{"a command echoed", bot.Response{Text: "I don't know /frobnicate<b>.", Outcome: bot.UserError}, false},
		{"a command with slashes echoed", bot.Response{Text: "I don't know /<#00000/0.", Outcome: bot.UserError}, false},
		{"a path", bot.Response{Text: "I don't know /x/runtime/panic.go:12.", Outcome: bot.UserError}, true},
		{"empty", ok(" "), true},
		{"internal error", bot.Apology(), true},
		{"unknown outcome", bot.Response{Text: "x", Outcome: bot.Outcome(42)}, true},
		{"invalid UTF-8", ok("63 \xff seats"), true},
		{"long error", bot.Response{Text: strings.Repeat("x", 900), Outcome: bot.UserError}, true},
		{"too long", ok(strings.Repeat("x", 4001)), true},
		{"bare mention", ok("Hello @everyone"), true},
		{"mention after a quotation", ok("No party “x”. @everyone"), true},
		{"mention on the line after a quotation", ok("No party “x\n@here”"), true},
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
		if got := Problems(tt.resp); (len(got) > 0) != tt.bad {
			t.Errorf("Problems(%s: %q) = %q; want problems: %v", tt.name, tt.resp.Plain(), got, tt.bad)
		}
	}
}
