package telegram

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
)

func TestKeyboard(t *testing.T) {
	log := discardWarn{}
	if kb := keyboard(nil, log); kb != nil {
		t.Errorf("keyboard(nil) = %+v; want nil", kb)
	}
	kb := keyboard([]bot.Button{
		{Label: "‹ Previous", Data: "list:1:x"},
		{Label: "bad", Data: strings.Repeat("d", 65)},
		{Label: "empty", Data: ""},
		{Label: "Next ›", Data: "list:3:x"},
		{Label: "a", Data: "a"}, {Label: "b", Data: "b"},
	}, log)
	if len(kb.InlineKeyboard) != 2 || len(kb.InlineKeyboard[0]) != 3 || len(kb.InlineKeyboard[1]) != 1 {
		t.Fatalf("keyboard = %+v; want rows of 3 without the bad buttons", kb)
	}
	if kb.InlineKeyboard[0][1].CallbackData != "list:3:x" {
		t.Errorf("second button = %+v; want Next", kb.InlineKeyboard[0][1])
	}
}

type discardWarn struct{}

func (discardWarn) Warn(string, ...any) {}
