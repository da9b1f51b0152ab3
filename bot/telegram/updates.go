package telegram

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
)

// A job is the answering of one update, run by one of the workers.
type job struct {
	upd     *models.Update
	kind    string // "message", "callback", "inline"
	command string // a bounded label for logs: a command name, "text", "button", "inline"
	// do answers, and reports the engine's outcome and, when the reply
	// could not be delivered, why.
	do func(ctx context.Context) (bot.Outcome, error)
	// apologize tells the user that answering failed, after a panic.
	apologize func(ctx context.Context)
}

// onUpdate is go-telegram/bot's handler for every polled update. It runs
// on the library's single worker, so updates are routed in the order
// Telegram sent them; when the queue is full it waits, and polling with
// it.
func (b *Bot) onUpdate(_ context.Context, _ *tgbot.Bot, upd *models.Update) {
	if upd.ID > b.last.Load() {
		b.last.Store(upd.ID)
	}
	b.take(upd, true)
}

// What became of an update offered to take.
type taken int

const (
	queued    taken = iota // to be answered, or nothing to answer
	duplicate              // taken before: dropped
	full                   // the queue is full: offer it again later
	closed                 // shutting down: offer it to the next process
)

// take decides what an update calls for and queues it for the workers.
// An update seen before is dropped. With wait, a full queue is waited
// for (polling); without, the update is turned away (the webhook, whose
// caller must hear back at once).
func (b *Bot) take(upd *models.Update, wait bool) taken {
	if !b.seen.Add(upd.ID) {
		return duplicate
	}
	if !b.flight.Enter() {
		b.seen.Forget(upd.ID)
		return closed
	}
	j := b.route(upd)
	if j == nil {
		b.flight.Leave()
		return queued
	}
	if wait {
		b.queue <- j
		return queued
	}
	select {
	case b.queue <- j:
		return queued
	default:
		b.flight.Leave()
		b.seen.Forget(upd.ID)
		return full
	}
}

// work answers queued updates until the queue is closed.
func (b *Bot) work() {
	for j := range b.queue {
		b.run(j)
		b.flight.Leave()
	}
}

// run answers one update. A panic is logged and answered with an
// apology; a reply that could not be delivered is logged and counted.
func (b *Bot) run(j *job) {
	ctx, cancel := context.WithTimeout(b.base, replyTimeout)
	defer cancel()
	start := time.Now()
	log := b.log.With("update_id", j.upd.ID, "kind", j.kind, "command", j.command)
	defer func() {
		if r := recover(); r != nil {
			log.Error("answering an update panicked", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			if j.apologize != nil {
				b.safely(log, func() { j.apologize(ctx) })
			}
		}
	}()
	b.hook(j.upd)
	outcome, err := j.do(ctx)
	if err != nil {
		reason := undeliveredReason(err)
		log.Warn("reply not delivered", "reason", reason, "err", b.redact(err.Error()))
		if b.opts.OnUndelivered != nil {
			b.opts.OnUndelivered(reason)
		}
		return
	}
	log.Debug("update answered", "outcome", outcome.String(), "latency_ms", time.Since(start).Milliseconds())
}

// undeliveredReason says in a word why a reply was given up.
func undeliveredReason(err error) string {
	var gaveUp *gaveUpError
	switch {
	case errors.As(err, &gaveUp):
		return gaveUp.reason
	case errors.Is(err, context.Canceled):
		return reasonShutdown
	case errors.Is(err, context.DeadlineExceeded):
		return reasonTimeout
	case errors.Is(err, tgbot.ErrorForbidden):
		return reasonForbidden
	}
	return reasonRejected
}

// safely runs f, logging a panic instead of passing it on.
func (b *Bot) safely(log interface{ Error(string, ...any) }, f func()) {
	defer func() {
		if r := recover(); r != nil {
			log.Error("apology panicked", "panic", fmt.Sprint(r))
		}
	}()
	f()
}

// route decides what an update calls for, or nil for nothing.
func (b *Bot) route(upd *models.Update) (j *job) {
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("routing an update panicked", "update_id", upd.ID, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			j = nil
		}
	}()
	me := b.me.Load()
	if me == nil {
		return nil
	}
	switch {
	case upd.Message != nil:
		j = b.routeMessage(me, upd.Message)
	case upd.CallbackQuery != nil:
		j = b.routeCallback(upd.CallbackQuery)
	case upd.InlineQuery != nil:
		j = b.routeInline(upd.InlineQuery)
	}
	if j != nil {
		j.upd = upd
	}
	return j
}

func (b *Bot) routeMessage(me *identity, m *models.Message) *job {
	if m.From == nil || m.From.ID == me.id || (m.ViaBot != nil && m.ViaBot.ID == me.id) || m.Text == "" {
		// Channel posts, our own messages, and our inline answers posted
		// by users are not questions.
		return nil
	}
	private := m.Chat.Type == models.ChatTypePrivate
	switch {
	case private:
	case m.Chat.Type == models.ChatTypeGroup || m.Chat.Type == models.ChatTypeSupergroup:
		if !b.addressed(me, m) {
			return nil
		}
	default:
		return nil
	}
	j := &job{kind: "message", command: b.commandLabel(m.Text)}
	req := bot.Request{
		Platform: platform,
		Text:     m.Text,
		BotName:  me.username,
		UserID:   strconv.FormatInt(m.From.ID, 10),
		ChatID:   strconv.FormatInt(m.Chat.ID, 10),
		Locale:   m.From.LanguageCode,
	}
	l := req.Lang()
	j.apologize = func(ctx context.Context) { _ = b.reply(ctx, m, bot.ApologyIn(l)) }
	if key, ok := b.allow(m, private); !ok {
		b.rateLimited()
		limit, _, _ := strings.Cut(key, ":")
		if !b.notices.Allow(key) {
			b.log.Debug("rate limited", "limit", limit, "chat_id", m.Chat.ID, "user_id", m.From.ID)
			return nil // told once already; stay quiet while limited
		}
		b.log.Info("rate limited", "limit", limit, "chat_id", m.Chat.ID, "user_id", m.From.ID)
		j.command = "rate_limited"
		j.do = func(ctx context.Context) (bot.Outcome, error) {
			resp := bot.RateLimited(l)
			return resp.Outcome, b.reply(ctx, m, resp)
		}
		return j
	}
	j.do = func(ctx context.Context) (bot.Outcome, error) {
		resp := b.eng.Handle(ctx, req)
		return resp.Outcome, b.reply(ctx, m, resp)
	}
	return j
}

// allow applies the rate limits: the user's everywhere, the chat's in
// groups. It returns the key that ran out.
func (b *Bot) allow(m *models.Message, private bool) (string, bool) {
	user := "user:" + strconv.FormatInt(m.From.ID, 10)
	if !b.users.Allow(user) {
		return user, false
	}
	chat := "chat:" + strconv.FormatInt(m.Chat.ID, 10)
	if !private && !b.chats.Allow(chat) {
		return chat, false
	}
	return "", true
}

// addressed reports whether a group message is meant for the bot: a
// command for it, a mention of it, or a reply to one of its messages.
func (b *Bot) addressed(me *identity, m *models.Message) bool {
	if name, target, ok := command(m.Text); ok {
		if target != "" {
			// "/seats@OtherBot" is for another bot, whatever else it says.
			return strings.EqualFold(target, me.username)
		}
		if b.known[strings.ToLower(name)] {
			return true
		}
		// An unknown bare command is probably another bot's; answer it
		// only if it also mentions or replies to us.
	}
	if m.ReplyToMessage != nil && m.ReplyToMessage.From != nil && m.ReplyToMessage.From.ID == me.id {
		return true
	}
	for _, e := range m.Entities {
		switch e.Type {
		case models.MessageEntityTypeTextMention:
			if e.User != nil && e.User.ID == me.id {
				return true
			}
		case models.MessageEntityTypeMention:
			if strings.EqualFold(entityText(m.Text, e), "@"+me.username) {
				return true
			}
		}
	}
	return mentions(m.Text, me.username)
}

// command reads "/name" or "/name@target" at the start of a message.
func command(text string) (name, target string, ok bool) {
	rest, ok := strings.CutPrefix(text, "/")
	if !ok {
		return "", "", false
	}
	word, _, _ := strings.Cut(rest, " ")
	word, _, _ = strings.Cut(word, "\n")
	name, target, _ = strings.Cut(word, "@")
	if name == "" || !isName(name) {
		return "", "", false
	}
	return name, target, true
}

func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// mentions finds "@username" as a word of text, in any case, for clients
// and servers that send no entities.
func mentions(text, username string) bool {
	at := "@" + username
	for i := 0; i+len(at) <= len(text); i++ {
		if strings.EqualFold(text[i:i+len(at)], at) &&
			(i == 0 || !isNameByte(text[i-1])) &&
			(i+len(at) == len(text) || !isNameByte(text[i+len(at)])) {
			return true
		}
	}
	return false
}

// entityText cuts an entity out of text; entity offsets count UTF-16
// code units.
func entityText(text string, e models.MessageEntity) string {
	u := utf16.Encode([]rune(text))
	if e.Offset < 0 || e.Length < 0 || e.Offset+e.Length > len(u) {
		return ""
	}
	return string(utf16.Decode(u[e.Offset : e.Offset+e.Length]))
}

// commandLabel names a message for logs without quoting it: a known
// command, "unknown" or "text".
func (b *Bot) commandLabel(text string) string {
	name, _, ok := command(text)
	switch {
	case !ok:
		return "text"
	case b.known[strings.ToLower(name)]:
		return strings.ToLower(name)
	}
	return "unknown"
}
