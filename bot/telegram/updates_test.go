package telegram

import (
	"context"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/apispec"
)

func TestCommand(t *testing.T) {
	tests := []struct {
		in           string
		name, target string
		ok           bool
	}{
		{"/seats", "seats", "", true},
		{"/seats@Bot", "seats", "Bot", true},
		{"/list@Bot 8", "list", "Bot", true},
		{"/list 8", "list", "", true},
		{"/list\n8", "list", "", true},
		{"seats", "", "", false},
		{"/", "", "", false},
		{"/ seats", "", "", false},
		{"/séance", "", "", false},
		{"//x", "", "", false},
	}
	for _, tt := range tests {
		name, target, ok := command(tt.in)
		if name != tt.name || target != tt.target || ok != tt.ok {
			t.Errorf("command(%q) = %q, %q, %v; want %q, %q, %v", tt.in, name, target, ok, tt.name, tt.target, tt.ok)
		}
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"@Bot hi", true},
		{"hi @bot", true},
		{"hi @BOT, how", true},
		{"hi @Bots", false},
		{"mail@Bot", false},
		{"@Bo", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := mentions(tt.in, "Bot"); got != tt.want {
			t.Errorf("mentions(%q, Bot) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestEntityText(t *testing.T) {
	text := "😀 @Bot and Đ @Other"
	tests := []struct {
		offset, length int
		want           string
	}{
		{3, 4, "@Bot"},
		{14, 6, "@Other"},
		{0, 2, "😀"},
		{18, 10, ""},
		{-1, 2, ""},
	}
	for _, tt := range tests {
		if got := entityText(text, models.MessageEntity{Offset: tt.offset, Length: tt.length}); got != tt.want {
			t.Errorf("entityText(%q, %d, %d) = %q; want %q", text, tt.offset, tt.length, got, tt.want)
		}
	}
}

// FuzzMessage sends arbitrary messages through routing and rendering:
// nothing panics, and whatever the bot would answer is valid Telegram
// HTML within the limits.
func FuzzMessage(f *testing.F) {
	eng := sharedEngine(f)
	b, err := New(eng, Options{Token: testToken})
	if err != nil {
		f.Fatal(err)
	}
	b.me.Store(&identity{id: 42, username: "ElectionTestBot"})
	for _, s := range []string{"/seats", "/list@ElectionTestBot 8", "@ElectionTestBot <b>&", "/party Đilas", "/seats@Other", "how many seats?"} {
		f.Add(s, true, 0, 5)
		f.Add(s, false, 1, 3)
	}
	f.Fuzz(func(t *testing.T, text string, inGroup bool, offset, length int) {
		chat := models.Chat{ID: 7, Type: models.ChatTypePrivate}
		if inGroup {
			chat = models.Chat{ID: -7, Type: models.ChatTypeSupergroup}
		}
		upd := &models.Update{ID: 1, Message: &models.Message{
			ID: 1, Chat: chat, From: &models.User{ID: 9, FirstName: "F"}, Text: text,
			Entities: []models.MessageEntity{{Type: models.MessageEntityTypeMention, Offset: offset, Length: length}},
		}}
		j := b.route(upd)
		if j == nil {
			if !inGroup && text != "" {
				t.Fatalf("private message %q not answered", text)
			}
			return
		}
		resp := eng.Handle(context.Background(), bot.Request{Platform: platform, Text: text, BotName: "ElectionTestBot"})
		for _, m := range messages(resp) {
			s, err := apispec.ParseTelegramHTML(m)
			if err != nil {
				t.Fatalf("answer to %q is invalid HTML %q: %v", text, m, err)
			}
			if n := apispec.TelegramTextLen(s); n > maxMessage {
				t.Fatalf("answer to %q is %d characters", text, n)
			}
		}
	})
}
