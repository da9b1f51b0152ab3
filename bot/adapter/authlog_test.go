package adapter

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestAuthLog(t *testing.T) {
	var buf bytes.Buffer
	t0 := time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC)
	now := t0
	a := NewAuthLog(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, at slog.Attr) slog.Attr {
			if at.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return at
		},
	})), func() time.Time { return now })
	steps := []struct {
		at     time.Duration
		source string
	}{
		{0, "203.0.113.5:4000"},
		{time.Second, "203.0.113.5:4001"}, // the same host, another port
		{2 * time.Second, "203.0.113.5:4002"},
		{3 * time.Second, "198.51.100.7:80"},
		{61 * time.Second, "203.0.113.5:4003"}, // a minute on: one line, with the count
		{62 * time.Second, "203.0.113.5:4004"},
	}
	for _, s := range steps {
		now = t0.Add(s.at)
		a.Failed(s.source, "wrong secret")
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{
		`level=WARN msg="request failed authentication" source=203.0.113.5 reason="wrong secret" count=1`,
		`level=WARN msg="request failed authentication" source=198.51.100.7 reason="wrong secret" count=1`,
		`level=WARN msg="request failed authentication" source=203.0.113.5 reason="wrong secret" count=3`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("logged:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestAuthLogBoundsItsMemory(t *testing.T) {
	a := NewAuthLog(slog.New(slog.DiscardHandler), nil)
	for i := range maxAuthSources + 100 {
		a.Failed(fmt.Sprintf("10.%d.%d.1:443", i/256, i%256), "bad signature")
	}
	if n := len(a.sources); n > maxAuthSources+1 {
		t.Errorf("%d sources remembered; want at most %d", n, maxAuthSources+1)
	}
}
