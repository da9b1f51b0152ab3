package console

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/term"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/internal/fakechart"
	"github.com/electionbot/electionbot/internal/wire"
	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

var testEngine = sync.OnceValues(func() (*bot.Engine, error) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		return nil, err
	}
	return bot.New(&bot.Library{Elections: es}, bot.WithCharts(&fakechart.Charter{PNG: fakechart.TinyPNG()}), wire.Answers(nil)), nil
})

func session(t *testing.T, opts Options) *Session {
	t.Helper()
	eng, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	return New(eng, opts)
}

// keys is a terminal's input: what the user types, keys and all.
type keys struct {
	in  io.Reader
	out bytes.Buffer
}

func (k *keys) Read(p []byte) (int, error)  { return k.in.Read(p) }
func (k *keys) Write(p []byte) (int, error) { return k.out.Write(p) }

// atTerminal runs a session as at a terminal of height lines, typing
// typed, and returns what the screen showed.
func atTerminal(t *testing.T, s *Session, typed string, height int) string {
	t.Helper()
	k := &keys{in: strings.NewReader(typed)}
	tm := term.NewTerminal(k, promptLine)
	if err := s.run(context.Background(), termLines{tm}, tm, height); err != nil {
		t.Fatalf("run = %v", err)
	}
	return k.out.String()
}

func TestTerminalEditsAndRecallsLines(t *testing.T) {
	const up, left, backspace = "\x1b[A", "\x1b[D", "\x7f"
	screen := atTerminal(t, session(t, Options{OutDir: t.TempDir()}),
		"/about\r"+ // a question
			up+"\r"+ // the same again, from the history
			"/sats"+left+left+left+"e"+"\r"+ // a typo mended in the middle of the line
			"turnoutX"+backspace+"?\r"+ // a slip taken back
			"quit\r", 0)
	if n := strings.Count(screen, "Previous election"); n != 2 {
		t.Errorf("the screen shows %d /about answers; want 2, the second from the history:\n%s", n, screen)
	}
	if !strings.Contains(screen, "Turnout was 50.66%") {
		t.Errorf("\"turnout?\" was not answered:\n%s", screen)
	}
	if !strings.Contains(screen, "63 seats") {
		t.Errorf("the mended /seats was not answered:\n%s", screen)
	}
	if strings.Contains(screen, "[A") && !strings.Contains(screen, "\x1b[A") {
		t.Errorf("an arrow key went into a question:\n%s", screen)
	}
}

func TestTerminalPagesLongAnswers(t *testing.T) {
	tests := []struct {
		name       string
		typed      string
		height     int
		want, skip []string
	}{
		{"stop after the first page", "/list\rq\rquit\r", 0, []string{"Page 1 of 3", lang.En.T(lang.ConsoleMore)}, []string{"Page 2 of 3"}},
		{"Enter goes on", "/list\r\r\rquit\r", 0, []string{"Page 1 of 3", "Page 2 of 3", "Page 3 of 3"}, nil},
		{"a screenful at a time", "/list\rq\rquit\r", 6, []string{"Page 1 of 3", lang.En.T(lang.ConsoleMore)}, []string{"4: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			screen := atTerminal(t, session(t, Options{OutDir: t.TempDir()}), tt.typed, tt.height)
			for _, w := range tt.want {
				if !strings.Contains(screen, w) {
					t.Errorf("the screen lacks %q:\n%s", w, screen)
				}
			}
			for _, s := range tt.skip {
				if strings.Contains(screen, s) {
					t.Errorf("the screen shows %q, past where the reader stopped:\n%s", s, screen)
				}
			}
		})
	}
}

func TestPipedInputIsNotPaged(t *testing.T) {
	var out bytes.Buffer
	if err := session(t, Options{OutDir: t.TempDir()}).Run(context.Background(), strings.NewReader("/list\n"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Page 3 of 3") || strings.Contains(out.String(), lang.En.T(lang.ConsoleMore)) {
		t.Errorf("piped /list printed:\n%s\nwant every page, without asking", out.String())
	}
}

var chartPath = regexp.MustCompile(`Chart: (\S+)`)

func TestChartFolders(t *testing.T) {
	t.Run("the session's own, removed at Close", func(t *testing.T) {
		s := session(t, Options{})
		var out bytes.Buffer
		if err := s.Run(context.Background(), strings.NewReader("/seats\n/seats\n"), &out); err != nil {
			t.Fatal(err)
		}
		paths := chartPath.FindAllStringSubmatch(out.String(), -1)
		if len(paths) != 2 || filepath.Dir(paths[0][1]) != filepath.Dir(paths[1][1]) {
			t.Fatalf("charts at %v; want two in one folder:\n%s", paths, out.String())
		}
		if _, err := os.Stat(paths[1][1]); err != nil {
			t.Errorf("the chart is gone before the session ends: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
		if _, err := os.Stat(filepath.Dir(paths[0][1])); !os.IsNotExist(err) {
			t.Errorf("the session's chart folder is still there after Close (%v)", err)
		}
	})
	t.Run("-out, kept", func(t *testing.T) {
		dir := t.TempDir()
		s := session(t, Options{OutDir: dir})
		var out bytes.Buffer
		if err := s.Run(context.Background(), strings.NewReader("/seats\n"), &out); err != nil {
			t.Fatal(err)
		}
		s.Close()
		m := chartPath.FindStringSubmatch(out.String())
		if m == nil || filepath.Dir(m[1]) != dir {
			t.Fatalf("chart line %v; want a chart in %s", m, dir)
		}
		if _, err := os.Stat(m[1]); err != nil {
			t.Errorf("the chart in -out is gone after Close: %v", err)
		}
	})
	t.Run("Ask without -out or a shared folder writes nothing", func(t *testing.T) {
		var out bytes.Buffer
		if err := session(t, Options{}).Ask(context.Background(), "/seats", &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Chart not saved") || chartPath.MatchString(out.String()) {
			t.Errorf("Ask(/seats) without -out printed:\n%s\nwant the chart not saved", out.String())
		}
	})
	t.Run("Ask shares one folder, a chart named by its content", func(t *testing.T) {
		share := filepath.Join(t.TempDir(), "charts")
		var first, second bytes.Buffer
		for _, out := range []*bytes.Buffer{&first, &second} {
			s := session(t, Options{ShareDir: share})
			if err := s.Ask(context.Background(), "/seats", out); err != nil {
				t.Fatal(err)
			}
			s.Close()
		}
		m1, m2 := chartPath.FindStringSubmatch(first.String()), chartPath.FindStringSubmatch(second.String())
		if m1 == nil || m2 == nil || filepath.Dir(m1[1]) != share {
			t.Fatalf("chart lines %v, %v; want charts in %s", m1, m2, share)
		}
		if m1[1] != m2[1] {
			t.Errorf("the same chart asked twice was written as %s and %s; want one file", m1[1], m2[1])
		}
		if _, err := os.Stat(m1[1]); err != nil {
			t.Errorf("the shared chart is gone after Close: %v", err)
		}
		if files, _ := os.ReadDir(share); len(files) != 1 {
			t.Errorf("shared folder holds %d files; want 1", len(files))
		}
	})
}
