package bot

import (
	"strings"

	"github.com/electionbot/electionbot/reply"
)

// pagers answer button presses, by the word before the first colon of
// the button's data: the pages of /list, the pairs of /compare, the
// years of /trend.
var pagers = map[string]func(c *call, rest string) Response{
	"list": (*call).listPageData,
	"cmp":  (*call).comparePage,
	"tr":   (*call).trendPage,
}

// turnPage answers a press of a button the engine made.
func (c *call) turnPage(data string) Response {
	kind, rest, _ := strings.Cut(data, ":")
	if page, ok := pagers[kind]; ok {
		return page(c, rest)
	}
	return reply.Invalid("That button has expired. Send the command again.")
}

// clipData keeps a button's data within MaxButtonData bytes.
func clipData(d string) string {
	if len(d) > MaxButtonData {
		d = d[:MaxButtonData]
	}
	return d
}
