// Package console is the terminal adapter: an interactive session that
// reads one message a line, and a one-shot Ask for scripts. Answers are
// plain text; charts are written as PNG files and their paths printed.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/electionbot/electionbot/bot"
)

// Options configure the terminal adapter.
type Options struct {
	// OutDir receives chart images; empty means a new temporary folder,
	// made on the first chart.
	OutDir string
}

// A Session answers messages from a terminal.
type Session struct {
	eng  *bot.Engine
	opts Options
	n    int // images written, for unique names
}

// New returns a session on eng.
func New(eng *bot.Engine, opts Options) *Session {
	return &Session{eng: eng, opts: opts}
}

// Ask answers one message and writes the answer to w. Long answers that
// page on chat platforms are printed whole.
func (s *Session) Ask(ctx context.Context, text string, w io.Writer) error {
	resp := s.eng.Handle(ctx, bot.Request{Platform: "console", Text: text})
	return s.print(ctx, resp, w)
}

func (s *Session) print(ctx context.Context, resp bot.Response, w io.Writer) error {
	for {
		if _, err := fmt.Fprintln(w, resp.Plain()); err != nil {
			return fmt.Errorf("console: write answer: %w", err)
		}
		if resp.Image != nil {
			path, err := s.writeImage(resp.Image)
			if err != nil {
				fmt.Fprintf(w, "(could not save the chart: %v)\n", err)
			} else {
				fmt.Fprintf(w, "Chart: %s\n", path)
			}
		}
		next := ""
		for _, b := range resp.Buttons {
			if strings.HasPrefix(b.Label, "Next") {
				next = b.Data
			}
		}
		if next == "" {
			return nil
		}
		fmt.Fprintln(w)
		resp = s.eng.Press(ctx, next)
	}
}

func (s *Session) writeImage(img *bot.Image) (string, error) {
	dir := s.opts.OutDir
	if dir == "" {
		d, err := os.MkdirTemp("", "electionbot-")
		if err != nil {
			return "", err
		}
		s.opts.OutDir, dir = d, d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	s.n++
	name := fmt.Sprintf("%02d-%s", s.n, filepath.Base(img.Name))
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, img.PNG, 0o644); err != nil {
		return "", err
	}
	return path, nil
}

// Run reads messages from r, one a line, and answers each on w until r ends,
// the user types "quit" or "exit", or ctx is cancelled.
func (s *Session) Run(ctx context.Context, r io.Reader, w io.Writer) error {
	fmt.Fprintln(w, "electionbot — ask about the loaded elections, or type /help. \"quit\" leaves.")
	lines := make(chan string)
	errs := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errs <- sc.Err()
		close(lines)
	}()
	for {
		fmt.Fprint(w, "> ")
		select {
		case <-ctx.Done():
			fmt.Fprintln(w)
			return nil
		case line, ok := <-lines:
			if !ok {
				fmt.Fprintln(w)
				if err := <-errs; err != nil {
					return fmt.Errorf("console: read input: %w", err)
				}
				return nil
			}
			switch strings.ToLower(strings.TrimSpace(line)) {
			case "":
				continue
			case "quit", "exit", "/quit", "/exit":
				return nil
			}
			if err := s.Ask(ctx, line, w); err != nil {
				return err
			}
		}
	}
}
