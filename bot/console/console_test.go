package console_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/console"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
)

var tinyPNG = fakechart.TinyPNG()

func newSession(t *testing.T, dir string) *console.Session {
	t.Helper()
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		t.Fatal(err)
	}
	return console.New(bot.New(&bot.Library{Elections: es}, bot.WithCharts(&fakechart.Charter{PNG: tinyPNG}), wire.Answers(nil)), console.Options{OutDir: dir})
}

func TestAskPrintsEveryPage(t *testing.T) {
	var out bytes.Buffer
	if err := newSession(t, t.TempDir()).Ask(context.Background(), "/list", &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Page 1 of 3", "Page 2 of 3", "Page 3 of 3", "23: Blank ballots"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Ask(/list) lacks %q:\n%s", want, out.String())
		}
	}
}

func TestAskWritesTheChart(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := newSession(t, dir).Ask(context.Background(), "/seats", &out); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Chart: (\S+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("Ask(/seats) prints no chart path:\n%s", out.String())
	}
	if filepath.Dir(m[1]) != dir {
		t.Errorf("chart written to %s; want it in %s", m[1], dir)
	}
	got, err := os.ReadFile(m[1])
	if err != nil || !bytes.Equal(got, tinyPNG) {
		t.Errorf("chart file = %q, %v; want the PNG", got, err)
	}
}

func TestRunAnswersLinesUntilQuit(t *testing.T) {
	in := strings.NewReader("\n/seats\nturnout?\nquit\n/about\n")
	var out bytes.Buffer
	if err := newSession(t, t.TempDir()).Run(context.Background(), in, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, "63 seats") || !strings.Contains(s, "50.66%") {
		t.Errorf("Run did not answer the lines before quit:\n%s", s)
	}
	if strings.Contains(s, "16 March 2014") {
		t.Errorf("Run answered a line after quit:\n%s", s)
	}
}

func TestRunEndsAtEOFAndOnCancel(t *testing.T) {
	var out bytes.Buffer
	if err := newSession(t, t.TempDir()).Run(context.Background(), strings.NewReader("/help"), &out); err != nil {
		t.Errorf("Run at EOF = %v; want nil", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, w, err := os.Pipe() // a terminal that never types
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	if err := newSession(t, t.TempDir()).Run(ctx, r, &out); err != nil {
		t.Errorf("Run on a cancelled context = %v; want nil", err)
	}
}
