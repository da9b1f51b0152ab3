package bot

import (
	"strings"

	"github.com/electionbot/electionbot/lang"
)

// pagers answer button presses, by the word before the first colon of
// the button's data: the pages of /list and /sources, the pairs of
// /compare, the years of /trend.
var pagers = map[string]func(c *call, rest string) Response{
	"list": (*call).listPageData,
	"cmp":  (*call).comparePage,
	"tr":   (*call).trendPage,
	"src":  (*call).sourcesPageData,
}

// turnPage answers a press of a button the engine made.
func (c *call) turnPage(data string) Response {
	head, rest, _ := strings.Cut(data, ":")
	kind, _, _ := strings.Cut(head, "-")
	if page, ok := pagers[kind]; ok {
		return page(c, rest)
	}
	return c.say.Invalid(lang.ButtonExpiredAny)
}

// pageKind is the word a button's data starts with: its kind, and the
// language of the reply that made it ("list-sr"), as the bot keeps no
// state between a reply and a press of its button.
func pageKind(kind string, l lang.Lang) string {
	if l != lang.En {
		return kind + "-" + l.String()
	}
	return kind
}

// pageLang is the language a button's data carries.
func pageLang(data string) lang.Lang {
	head, _, _ := strings.Cut(data, ":")
	if _, code, ok := strings.Cut(head, "-"); ok {
		if l, err := lang.Parse(code); err == nil {
			return l
		}
	}
	return lang.En
}

// clipData keeps a button's data within MaxButtonData bytes.
func clipData(d string) string {
	if len(d) > MaxButtonData {
		d = d[:MaxButtonData]
	}
	return d
}
