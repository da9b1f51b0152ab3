package main

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestUndeliveredIsCountedWithItsReason(t *testing.T) {
	m := newMetrics()
	undelivered := m.undeliveredFunc("telegram")
	undelivered("server_error")
	undelivered("server_error")
	undelivered("forbidden")
	rec := httptest.NewRecorder()
	m.handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`electionbot_answers_total{outcome="undelivered",platform="telegram"} 3`,
		`electionbot_undelivered_total{platform="telegram",reason="server_error"} 2`,
		`electionbot_undelivered_total{platform="telegram",reason="forbidden"} 1`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s; got:\n%s", want, body)
		}
	}
}
