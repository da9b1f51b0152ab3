package telegram

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
)

// A destination is where an answer goes: a chat, a forum topic in it,
// and the message it answers (in groups, so that it is clear whom an
// answer, or an error meant only for the asker, is for: Telegram has no
// messages only one member sees).
type destination struct {
	chatID  int64
	thread  int
	replyTo int
}

func (d destination) replyParameters() *models.ReplyParameters {
	if d.replyTo == 0 {
		return nil
	}
	return &models.ReplyParameters{MessageID: d.replyTo, AllowSendingWithoutReply: true}
}

// reply answers a message in its chat; see send for the error.
func (b *Bot) reply(ctx context.Context, m *models.Message, resp bot.Response) error {
	d := destination{chatID: m.Chat.ID}
	if m.IsTopicMessage {
		d.thread = m.MessageThreadID
	}
	if m.Chat.Type != models.ChatTypePrivate {
		d.replyTo = m.ID
	}
	return b.send(ctx, d, resp)
}

// send delivers a response: the picture with as much of the text as fits
// its caption, then the rest as messages, the buttons under the last one.
// It reports why the answer did not reach the chat: a text message that
// could not be sent. A picture that could not be sent is logged, and its
// caption goes as text.
func (b *Bot) send(ctx context.Context, d destination, resp bot.Response) error {
	kb := keyboard(resp.Buttons, b.log)
	texts := messages(resp)
	if resp.Image != nil && len(resp.Image.PNG) > 0 {
		caption, rest := withCaption(resp, kb != nil)
		var markup models.ReplyMarkup
		if len(rest) == 0 && kb != nil {
			markup = kb
		}
		if b.sendPhoto(ctx, &d, resp.Image, caption, markup) {
			texts = rest
			d.replyTo = 0
		}
	}
	if len(texts) == 0 && resp.Image == nil {
		b.log.Warn("empty answer", "chat_id", d.chatID, "outcome", resp.Outcome.String())
		return nil
	}
	for i, text := range texts {
		var markup models.ReplyMarkup
		if i == len(texts)-1 && kb != nil {
			markup = kb
		}
		if err := b.sendText(ctx, &d, text, markup); err != nil {
			return err
		}
		d.replyTo = 0 // the first message answers; the rest follow it
	}
	return nil
}

// noPreview keeps Telegram from fetching and showing links.
func noPreview() *models.LinkPreviewOptions {
	return &models.LinkPreviewOptions{IsDisabled: tgbot.True()}
}

func (b *Bot) sendText(ctx context.Context, d *destination, text string, markup models.ReplyMarkup) error {
	for attempt := 0; ; attempt++ {
		_, err := b.tg.SendMessage(ctx, &tgbot.SendMessageParams{
			ChatID:             d.chatID,
			MessageThreadID:    d.thread,
			Text:               text,
			ParseMode:          models.ParseModeHTML,
			LinkPreviewOptions: noPreview(),
			ReplyParameters:    d.replyParameters(),
			ReplyMarkup:        markup,
		})
		var answered *answeredError
		if err == nil || errors.As(err, &answered) {
			// Telegram took the message, even if its answer was lost.
			return nil
		}
		if attempt == 0 && b.migrated(d, err) {
			continue
		}
		return fmt.Errorf("sendMessage to chat %d: %w", d.chatID, err)
	}
}

// sendPhoto sends a picture: by the file_id Telegram gave it when it was
// first sent, when the bot has one, else its bytes. A file_id Telegram no
// longer takes is forgotten and the bytes sent instead.
func (b *Bot) sendPhoto(ctx context.Context, d *destination, img *bot.Image, caption string, markup models.ReplyMarkup) bool {
	name := img.Name
	if name == "" {
		name = "chart.png"
	}
	fileID, byID := b.photos.get(img.Key)
	for attempt := 0; ; attempt++ {
		p := &tgbot.SendPhotoParams{
			ChatID:          d.chatID,
			MessageThreadID: d.thread,
			Photo:           &models.InputFileUpload{Filename: name, Data: bytes.NewReader(img.PNG)},
			Caption:         caption,
			ReplyParameters: d.replyParameters(),
			ReplyMarkup:     markup,
		}
		if byID {
			p.Photo = &models.InputFileString{Data: fileID}
		}
		if caption != "" {
			p.ParseMode = models.ParseModeHTML
		}
		msg, err := b.tg.SendPhoto(ctx, p)
		if err == nil {
			if !byID {
				b.photos.remember(img.Key, msg)
			}
			return true
		}
		if attempt == 0 && b.migrated(d, err) {
			continue
		}
		if byID && errors.Is(err, tgbot.ErrorBadRequest) {
			b.log.Info("Telegram refused a chart's file_id; sending the picture", "chat_id", d.chatID)
			b.photos.forget(img.Key)
			byID = false
			continue
		}
		var answered *answeredError
		if errors.As(err, &answered) {
			// Telegram took the photo; sending the text again in its
			// place would say it twice.
			return true
		}
		// The text alone still answers.
		b.log.Warn("could not send the chart; sending the text alone", "chat_id", d.chatID, "err", b.redact(err.Error()))
		return false
	}
}

// migrated follows a group that became a supergroup to its new chat.
func (b *Bot) migrated(d *destination, err error) bool {
	var m *tgbot.MigrateError
	if errors.As(err, &m) && m.MigrateToChatID != 0 {
		b.log.Info("chat migrated", "chat_id", d.chatID, "new_chat_id", m.MigrateToChatID)
		d.chatID = int64(m.MigrateToChatID)
		return true
	}
	return false
}

// inlineKeyboard is the Bot API's InlineKeyboardMarkup. go-telegram/bot's
// own button type sends an empty copy_text with every button, which the
// Bot API rejects (BUTTON_COPY_TEXT_INVALID).
type inlineKeyboard struct {
	InlineKeyboard [][]callbackButton `json:"inline_keyboard"`
}

type callbackButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data"`
}

// buttonsPerRow keeps pagination buttons on one row on a phone.
const buttonsPerRow = 3

// keyboard turns the response's buttons into an inline keyboard, or nil.
func keyboard(buttons []bot.Button, log interface{ Warn(string, ...any) }) *inlineKeyboard {
	var row []callbackButton
	kb := &inlineKeyboard{}
	for _, bt := range buttons {
		if bt.Data == "" || len(bt.Data) > maxButtonData {
			log.Warn("button left out: its data is not 1-64 bytes", "bytes", len(bt.Data))
			continue
		}
		label := clipText(bt.Label, maxInlineTitle)
		if label == "" {
			label = "…"
		}
		row = append(row, callbackButton{Text: label, CallbackData: bt.Data})
		if len(row) == buttonsPerRow {
			kb.InlineKeyboard = append(kb.InlineKeyboard, row)
			row = nil
		}
	}
	if len(row) > 0 {
		kb.InlineKeyboard = append(kb.InlineKeyboard, row)
	}
	if len(kb.InlineKeyboard) == 0 {
		return nil
	}
	return kb
}
