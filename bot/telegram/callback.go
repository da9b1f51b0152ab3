package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
)

// routeCallback handles a button press. Every press is answered
// (answerCallbackQuery), or the user's client shows a spinner until it
// gives up.
func (b *Bot) routeCallback(q *models.CallbackQuery) *job {
	j := &job{kind: "callback", command: "button"}
	if !b.users.Allow("user:" + strconv.FormatInt(q.From.ID, 10)) {
		b.rateLimited()
		j.command = "rate_limited"
		j.do = func(ctx context.Context) (bot.Outcome, error) {
			resp := bot.RateLimited(lang.FromLocale(q.From.LanguageCode))
			return resp.Outcome, b.answerCallback(ctx, q.ID, resp.Text)
		}
		return j
	}
	j.do = func(ctx context.Context) (bot.Outcome, error) { return b.press(ctx, q) }
	return j
}

// press turns the page: the engine answers the button's data, and the
// message that carries the button is edited to show the answer. The
// error is the page that could not be turned (or shown anew), or, when
// the answer is only an alert, the alert that could not be shown.
func (b *Bot) press(ctx context.Context, q *models.CallbackQuery) (outcome bot.Outcome, err error) {
	// What the user is told if this goes wrong on the way, a panic
	// included: the deferred answer runs whatever happens.
	l := lang.FromLocale(q.From.LanguageCode)
	alert := bot.ApologyIn(l).Text
	alertOnly := false
	defer func() {
		if aerr := b.answerCallback(ctx, q.ID, alert); aerr != nil && alertOnly && err == nil {
			err = aerr
		}
	}()
	resp := b.eng.Press(ctx, q.Data)
	texts := messages(resp)
	if resp.Ephemeral || len(texts) == 0 {
		alert, alertOnly = resp.Text, true
		return resp.Outcome, nil
	}
	p := &tgbot.EditMessageTextParams{
		Text:               texts[0],
		ParseMode:          models.ParseModeHTML,
		LinkPreviewOptions: noPreview(),
	}
	if kb := keyboard(resp.Buttons, b.log); kb != nil {
		p.ReplyMarkup = kb
	}
	var chat int64 // where a new message can go if the edit fails
	switch {
	case q.InlineMessageID != "":
		p.InlineMessageID = q.InlineMessageID
	case q.Message.Message != nil:
		chat = q.Message.Message.Chat.ID
		p.ChatID, p.MessageID = chat, q.Message.Message.ID
	case q.Message.InaccessibleMessage != nil:
		// The library calls a message without a date inaccessible; it
		// may still be editable, and if not, a new message answers.
		chat = q.Message.InaccessibleMessage.Chat.ID
		p.ChatID, p.MessageID = chat, q.Message.InaccessibleMessage.MessageID
	default:
		alert, alertOnly = l.T(lang.ButtonExpired), true
		return bot.UserError, nil
	}
	_, err = b.tg.EditMessageText(ctx, p)
	var answered *answeredError
	switch {
	case err == nil || errors.As(err, &answered) || strings.Contains(err.Error(), "message is not modified"):
	case chat != 0 && errors.Is(err, tgbot.ErrorBadRequest):
		b.log.Info("could not edit a page; sending it anew", "err", b.redact(err.Error()))
		if err := b.send(ctx, destination{chatID: chat}, resp); err != nil {
			return resp.Outcome, err
		}
	default:
		alert = l.T(lang.CouldNotUpdate)
		return bot.InternalError, fmt.Errorf("editMessageText: %w", err)
	}
	alert = ""
	return resp.Outcome, nil
}

// answerCallback stops the button's spinner, with an alert when text is
// set.
func (b *Bot) answerCallback(ctx context.Context, id, text string) error {
	_, err := b.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{
		CallbackQueryID: id,
		Text:            clipText(text, maxAlert),
	})
	var answered *answeredError
	if err != nil && !errors.As(err, &answered) {
		if text == "" {
			// Only the spinner: the page itself has been turned.
			b.log.Warn("could not answer a button press", "err", b.redact(err.Error()))
		}
		return fmt.Errorf("answerCallbackQuery: %w", err)
	}
	return nil
}
