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
)

// inlineCacheTime is how long Telegram may reuse inline answers, in
// seconds; they only change when the articles do.
const inlineCacheTime = 60

// inlineDefaults are offered before the user has typed anything.
var inlineDefaults = []string{"/seats", "/about", "/results"}

// routeInline answers "@Bot seats" typed in any chat with answers the user
// can drop into the conversation. Over the limit the query is left
// unanswered: the user's client simply shows nothing.
func (b *Bot) routeInline(q *models.InlineQuery) *job {
	if q.From != nil && !b.inline.Allow("user:"+strconv.FormatInt(q.From.ID, 10)) {
		return nil
	}
	return &job{kind: "inline", command: "inline", do: func(ctx context.Context) (bot.Outcome, error) { return b.answerInline(ctx, q) }}
}

func (b *Bot) answerInline(ctx context.Context, q *models.InlineQuery) (bot.Outcome, error) {
	me := b.me.Load()
	var user, locale string
	if q.From != nil {
		user, locale = strconv.FormatInt(q.From.ID, 10), q.From.LanguageCode
	}
	var answered, other []models.InlineQueryResult
	seen := map[string]bool{}
	id := 0
	for _, text := range b.inlineCandidates(q.Query) {
		resp := b.eng.Handle(ctx, bot.Request{Platform: platform, Text: text, BotName: me.username, UserID: user, Locale: locale})
		if resp.Outcome == bot.InternalError {
			continue
		}
		msgs := messages(resp)
		if len(msgs) == 0 {
			continue
		}
		body := inlineBody(resp, msgs)
		if seen[body] {
			continue
		}
		seen[body] = true
		id++
		title, desc := inlineTitle(resp, text)
		r := &models.InlineQueryResultArticle{
			ID:          strconv.Itoa(id),
			Title:       title,
			Description: desc,
			URL:         resp.Source.Link(),
			InputMessageContent: &models.InputTextMessageContent{
				MessageText:        body,
				ParseMode:          models.ParseModeHTML,
				LinkPreviewOptions: noPreview(),
			},
		}
		if resp.Outcome == bot.Answered {
			answered = append(answered, r)
		} else {
			other = append(other, r)
		}
	}
	outcome := bot.Answered
	if len(answered) == 0 {
		// Say plainly that the article does not hold it, rather than
		// show an empty list.
		answered = other[:min(1, len(other))]
		outcome = bot.Refused
	}
	if answered == nil {
		answered = []models.InlineQueryResult{}
	}
	_, err := b.tg.AnswerInlineQuery(ctx, &tgbot.AnswerInlineQueryParams{
		InlineQueryID: q.ID,
		Results:       answered,
		CacheTime:     inlineCacheTime,
	})
	var took *answeredError
	if err != nil && !errors.As(err, &took) {
		return outcome, fmt.Errorf("answerInlineQuery: %w", err)
	}
	return outcome, nil
}

// inlineBody is the message an inline result sends: the answer's first
// message and, when the answer is longer, "…" and its source line, which
// links the article, where that fits Telegram's limit.
func inlineBody(resp bot.Response, msgs []string) string {
	body := msgs[0]
	if len(msgs) == 1 {
		return body
	}
	body += "\n<i>…</i>" // the budget leaves room below Telegram's limit
	// The markup is longer than the text Telegram counts: measuring it
	// errs on the safe side.
	if src := pack(sourceLines(resp), messageBudget); len(src) == 1 && textLen(body)+2+textLen(src[0]) <= maxMessage {
		body += "\n\n" + src[0]
	}
	return body
}

// inlineCandidates turns what the user typed into requests: a command as
// typed, "seats" as the command /seats, a question as itself and, in case
// it names a party, as /party.
func (b *Bot) inlineCandidates(query string) []string {
	q := strings.Join(strings.Fields(query), " ")
	if len(q) > bot.MaxInput {
		q = q[:bot.MaxInput]
	}
	switch {
	case q == "":
		return inlineDefaults
	case strings.HasPrefix(q, "/"):
		return []string{q}
	}
	first, _, _ := strings.Cut(q, " ")
	if b.known[strings.ToLower(first)] {
		return []string{"/" + q, q}
	}
	return []string{q, "/party " + q}
}

// inlineTitle picks a result's title and description, plain text: the
// answer's title and first line, or its first line and the next.
func inlineTitle(resp bot.Response, asked string) (string, string) {
	lines := splitLines(resp.Text)
	for _, f := range resp.Fields {
		if f.Name != "" {
			lines = append(lines, f.Name+": "+strings.ReplaceAll(f.Value, "\n", " · "))
		} else {
			lines = append(lines, f.Value)
		}
	}
	title := resp.Title
	if title == "" && len(lines) > 0 {
		title, lines = lines[0], lines[1:]
	}
	if strings.TrimSpace(title) == "" {
		title = asked
	}
	desc := ""
	if len(lines) > 0 {
		desc = clipText(lines[0], maxInlineDesc)
	}
	return clipText(title, maxInlineTitle), desc
}
