package bot

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/lang"
)

// A Request is one message to the bot, from any platform.
type Request struct {
	// Platform is "console", "telegram" or "discord"; logs and metrics use it.
	Platform string
	// Text is the message as the user typed it: "/list 8", "/list@Bot 8",
	// "@Bot how many seats did SNS win?", or a plain question.
	Text string
	// Command and Options are set instead of Text by platforms with typed
	// commands (Discord): Command is "list", Options["number"] is "8".
	Command string
	Options map[string]string
	// BotName is the bot's username on the platform, so that "/seats@Bot"
	// and "@Bot" mentions are understood.
	BotName string
	// UserID and ChatID identify the asker for logs and rate limits.
	UserID, ChatID string
	// Locale is the asker's language as the platform tells it:
	// Telegram's language_code ("sr", "hr", "en"), Discord's locale or
	// the server's ("hr", "en-US"), the terminal's -lang ("sr-Cyrl").
	// The reply is in the language of the message's words, and in this
	// one when the words do not tell (a bare command, a name).
	Locale string
}

// Lang is the language to answer req in: the message's, told from its
// words, or else the locale's.
func (req Request) Lang() lang.Lang {
	return parse(req).lang(lang.FromLocale(req.Locale))
}

// MaxInput bounds how much of a message the engine reads; the rest is
// ignored (no question is longer).
const MaxInput = 1000

// parsed is a request reduced to a command name and its argument text.
type parsed struct {
	command string // "" for free text
	args    string
	options map[string]string
}

// lang tells the language of the request's words: the free text, the
// question of /ask, a command's arguments or its typed options; fallback
// when they do not tell.
func (p parsed) lang(fallback lang.Lang) lang.Lang {
	text := p.args
	if len(p.options) > 0 {
		names := make([]string, 0, len(p.options))
		for k := range p.options {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			text += " " + p.options[k]
		}
	}
	l := lang.Detect(text, fallback)
	if l == lang.En && p.command != "" && p.command != "ask" {
		// A command's arguments are names, often English ones ("/party
		// Democratic Party of Serbia"): they do not turn a Serbian user's
		// answer English. Serbian or Cyrillic arguments do turn it.
		return fallback
	}
	return l
}

// parse reads a request: a typed command as given, or a message starting
// with "/" as command and arguments, or free text.
func parse(req Request) parsed {
	if req.Command != "" {
		opts := map[string]string{}
		for k, v := range req.Options {
			opts[strings.ToLower(k)] = clean(v)
		}
		return parsed{command: strings.ToLower(strings.TrimPrefix(req.Command, "/")), options: opts}
	}
	text := clean(req.Text)
	text = stripMention(text, req.BotName)
	if strings.HasPrefix(text, "/") {
		name, args, _ := strings.Cut(text[1:], " ")
		if at := strings.IndexByte(name, '@'); at >= 0 {
			// "/seats@OtherBot" in a group is meant for another bot, but a
			// user who writes it to us still wants an answer.
			name = name[:at]
		}
		return parsed{command: strings.ToLower(name), args: strings.TrimSpace(args)}
	}
	return parsed{args: text}
}

// clean makes user text safe to read: valid UTF-8, no control or invisible
// formatting characters, single spaces, at most MaxInput bytes.
func clean(s string) string {
	if len(s) > 4*MaxInput {
		s = s[:4*MaxInput]
	}
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		if b.Len() >= MaxInput {
			break
		}
	}
	return b.String()
}

// stripMention removes "@BotName" wherever it appears, and a leading
// "BotName," address. Bot usernames are ASCII on every platform.
func stripMention(text, bot string) string {
	bot = strings.TrimPrefix(bot, "@")
	if bot == "" {
		return text
	}
	at := "@" + bot
	for i := 0; i+len(at) <= len(text); i++ {
		if strings.EqualFold(text[i:i+len(at)], at) && !isNameByte(text, i+len(at)) {
			text = text[:i] + " " + text[i+len(at):]
		}
	}
	text = strings.TrimSpace(text)
	if len(text) > len(bot) && strings.EqualFold(text[:len(bot)], bot) && strings.ContainsRune(",:", rune(text[len(bot)])) {
		text = text[len(bot)+1:]
	}
	return strings.Join(strings.Fields(text), " ")
}

// isNameByte reports whether text[i] continues a username.
func isNameByte(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c := text[i]
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
