package telegram

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/chart"
)

// throughputMessages is how many messages one run sends at once.
const throughputMessages = 400

// BenchmarkThroughput measures how many messages a second the bot
// answers through Telegram, against an echo bot (go-telegram/bot with a
// handler that sends back the same reply, picture or text, for every
// message) on the same in-process fake Bot API: each run pushes 400
// messages from 400 users at once and times them until the last reply
// reached the API. Runs alternate between the two bots; the medians and
// their ratio are reported.
//
//	go test -run '^$' -bench Throughput -benchtime 5x ./bot/telegram/
//
// seats is /seats (a seat chart with its caption), question a question
// answered from a passage. seats-upload is /seats with the file_ids
// forgotten, every chart uploaded as the echo bot uploads its picture.
func BenchmarkThroughput(b *testing.B) {
	eng := newEngine(b, bot.WithCharts(chart.New()))
	ctx := context.Background()
	seats := eng.Handle(ctx, bot.Request{Platform: "telegram", Text: "/seats"})
	if seats.Image == nil {
		b.Fatal("/seats has no chart")
	}
	caption, _ := withCaption(seats, false)
	const question = "Who brought down Ivica Dačić's government?"
	answer := messages(eng.Handle(ctx, bot.Request{Platform: "telegram", Text: question}))
	if len(answer) != 1 {
		b.Fatalf("the answer is %d messages; want 1", len(answer))
	}

	photo := func(ctx context.Context, tg *tgbot.Bot, chat int64) {
		tg.SendPhoto(ctx, &tgbot.SendPhotoParams{ChatID: chat, Caption: caption, ParseMode: models.ParseModeHTML,
			Photo: &models.InputFileUpload{Filename: "seats.png", Data: bytes.NewReader(seats.Image.PNG)}})
	}
	text := func(ctx context.Context, tg *tgbot.Bot, chat int64) {
		tg.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: chat, Text: answer[0], ParseMode: models.ParseModeHTML,
			LinkPreviewOptions: noPreview()})
	}
	for _, tc := range []struct {
		name, message, method string
		echo                  func(context.Context, *tgbot.Bot, int64)
		upload                bool
	}{
		{"seats", "/seats", "sendPhoto", photo, false},
		{"seats-upload", "/seats", "sendPhoto", photo, true},
		{"question", question, "sendMessage", text, false},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var echoRates, botRates []float64
			for range b.N {
				echoRates = append(echoRates, echoRun(b, tc.method, tc.echo))
				botRates = append(botRates, botRun(b, eng, tc.message, tc.method, tc.upload))
			}
			e, o := medianOf(echoRates), medianOf(botRates)
			b.ReportMetric(e, "echo-msg/s")
			b.ReportMetric(o, "bot-msg/s")
			b.ReportMetric(o/e, "ratio")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// echoRun answers throughputMessages messages with an echo bot and
// returns its messages a second.
func echoRun(b *testing.B, method string, reply func(context.Context, *tgbot.Bot, int64)) float64 {
	api := newFakeAPI(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tg, err := tgbot.New(api.token, tgbot.WithServerURL(api.srv.URL),
		tgbot.WithDefaultHandler(func(ctx context.Context, tg *tgbot.Bot, u *models.Update) {
			if u.Message != nil {
				reply(ctx, tg, u.Message.Chat.ID)
			}
		}))
	if err != nil {
		b.Fatal(err)
	}
	go tg.Start(ctx)
	api.await("the echo bot's first getUpdates", func() bool { return api.attempts["getUpdates"] > 0 })
	return timeReplies(b, api, method)
}

// botRun answers throughputMessages messages with electionbot and
// returns its messages a second.
func botRun(b *testing.B, eng *bot.Engine, message, method string, upload bool) float64 {
	h := start(b, setup{engine: eng, bot: func(bt *Bot) {
		if upload {
			bt.photos = nil
		}
	}})
	defer h.stop()
	// A reload would clear the charts: the first /seats of a run draws
	// its chart once, as a running bot does after a start.
	eng.Swap(eng.Library())
	return timeReplies(b, h.api, method, message)
}

// timeReplies pushes throughputMessages messages (the text given, or
// "hello") from as many users and waits for as many replies by method.
func timeReplies(b *testing.B, api *fakeAPI, method string, text ...string) float64 {
	msg := "hello"
	if len(text) > 0 {
		msg = text[0]
	}
	start := time.Now()
	for i := range throughputMessages {
		u := userN(i)
		api.push(message(privateChat(u), u, i+1, msg, nil))
	}
	api.await("every reply", func() bool {
		n := 0
		for _, c := range api.calls {
			if c.Method == method {
				n++
			}
		}
		return n >= throughputMessages
	})
	return throughputMessages / time.Since(start).Seconds()
}

func medianOf(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
