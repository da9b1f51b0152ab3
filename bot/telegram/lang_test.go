package telegram

import (
	"strings"
	"testing"
)

// TestSerbianUser checks that a user whose Telegram app is in Serbian
// (or Croatian) gets a bare /seats answered in Serbian, and a Cyrillic
// question in Cyrillic whatever the app's language, labels included.
func TestSerbianUser(t *testing.T) {
	h := start(t, setup{})
	tests := []struct {
		name, code, text string
		want             []string
	}{
		{"serbian app", "sr", "/seats", []string{"<b>Mandati — ", "Ukupno 110 mandata", "63 mandata", "<i>Izvor: "}},
		{"croatian app", "hr", "/seats", []string{"<b>Mandati — ", "Ukupno 110 mandata"}},
		{"english app", "en", "/seats", []string{"<b>Seats — ", "110 seats in all", "<i>Source: "}},
		{"cyrillic question", "en", "Колико мандата је освојио ДС?", []string{"22 мандата", "<i>Извор: "}},
		{"serbian question, english app", "en", "Koliko mandata je osvojio SPS?", []string{"16 mandata"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := map[string]any{"id": 2001 + i, "is_bot": false, "first_name": "Ana", "language_code": tt.code}
			h.api.push(message(privateChat(user), user, 10+i, tt.text, nil))
			c := h.api.awaitSent("sendMessage", i+1)[i]
			for _, want := range tt.want {
				if !strings.Contains(c.Params["text"], want) {
					t.Errorf("%s from a %q app: text = %q; want it to contain %q", tt.text, tt.code, c.Params["text"], want)
				}
			}
		})
	}
}
