package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/electionbot/electionbot/lang"
	"golang.org/x/term"
)

// promptLine asks for a message; the pager's prompt, in the session's
// language, is lang.ConsoleMore.
const promptLine = "> "

// A lineReader reads what the user types, a line at a time, after
// showing prompt.
type lineReader interface {
	readLine(prompt string) (string, error)
}

// Run reads messages from r, one a line, and answers each on w until r
// ends, the user types "quit" or "exit" (or Ctrl-D, or Ctrl-C at a
// terminal), or ctx is cancelled. When r and w are a terminal, lines can
// be edited and recalled (arrow keys, Home, End, Ctrl-W ...) and long
// answers stop at every page and screenful; otherwise every line is read
// as typed and every page printed.
func (s *Session) Run(ctx context.Context, r io.Reader, w io.Writer) error {
	in, out, height, restore, err := open(r, w)
	if err != nil {
		return err
	}
	defer restore()
	return s.run(ctx, in, out, height)
}

// open sets up the terminal when r and w are one: raw mode, so that
// golang.org/x/term's Terminal edits the line; anything else is read as
// plain lines.
func open(r io.Reader, w io.Writer) (lineReader, io.Writer, int, func(), error) {
	in, okIn := r.(*os.File)
	out, okOut := w.(*os.File)
	if !okIn || !okOut || !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(out.Fd())) {
		// The reader's goroutine prints its prompt while the session may
		// print an answer or its last newline: one lock for both.
		sw := &syncWriter{w: w}
		return newScanLines(r, sw), sw, 0, func() {}, nil
	}
	state, err := term.MakeRaw(int(in.Fd()))
	if err != nil {
		return nil, nil, 0, nil, fmt.Errorf("console: set up the terminal: %w", err)
	}
	restore := func() { term.Restore(int(in.Fd()), state) }
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{in, out}, promptLine)
	_, height, err := term.GetSize(int(out.Fd()))
	if err != nil {
		height = 0
	}
	return termLines{t}, t, height, restore, nil
}

// run is the session: the lines come from in, the answers go to out; a
// height above 0 means a terminal, whose answers are paged.
func (s *Session) run(ctx context.Context, in lineReader, out io.Writer, height int) error {
	l := s.opts.Lang
	fmt.Fprintln(out, l.Script(l.T(lang.ConsoleWelcome)))
	lines := newAsker(ctx, in)
	var more func() bool
	if _, ok := in.(termLines); ok {
		more = func() bool {
			line, err := lines.ask(l.T(lang.ConsoleMore))
			return err == nil && strings.TrimSpace(strings.ToLower(line)) != "q"
		}
	}
	for {
		line, err := lines.ask(promptLine)
		switch {
		case err == io.EOF || ctx.Err() != nil:
			fmt.Fprintln(out)
			return nil
		case err != nil:
			return fmt.Errorf("console: read input: %w", err)
		}
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "":
			continue
		case "quit", "exit", "/quit", "/exit":
			return nil
		}
		p := &pager{w: out, height: height, more: more}
		if err := s.answer(ctx, line, p, true); err != nil {
			return err
		}
	}
}

// An asker reads lines on a goroutine of its own, so that a cancelled
// context ends the session while a read is blocked: the goroutine is
// left waiting on the input, which the process is about to leave.
type asker struct {
	ctx     context.Context
	prompts chan string
	lines   chan lineResult
}

type lineResult struct {
	line string
	err  error
}

func newAsker(ctx context.Context, in lineReader) *asker {
	a := &asker{ctx: ctx, prompts: make(chan string), lines: make(chan lineResult, 1)}
	go func() {
		for prompt := range a.prompts {
			line, err := in.readLine(prompt)
			a.lines <- lineResult{line, err}
			if err != nil {
				return
			}
		}
	}()
	return a
}

// ask shows prompt and returns the next line; io.EOF when the input has
// ended or ctx is done.
func (a *asker) ask(prompt string) (string, error) {
	select {
	case a.prompts <- prompt:
	case <-a.ctx.Done():
		return "", io.EOF
	}
	select {
	case r := <-a.lines:
		return r.line, r.err
	case <-a.ctx.Done():
		return "", io.EOF
	}
}

// syncWriter serialises writes from the session and the line reader's
// goroutine. (x/term's Terminal has a lock of its own.)
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// scanLines reads plain lines, from a pipe or a file, printing the prompt
// itself.
type scanLines struct {
	sc  *bufio.Scanner
	out io.Writer
}

func newScanLines(r io.Reader, w io.Writer) scanLines {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	return scanLines{sc: sc, out: w}
}

func (s scanLines) readLine(prompt string) (string, error) {
	fmt.Fprint(s.out, prompt)
	if s.sc.Scan() {
		return s.sc.Text(), nil
	}
	if err := s.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

// termLines reads from a terminal in raw mode through x/term, which
// edits the line and keeps the history; Ctrl-C and Ctrl-D on an empty
// line end the input.
type termLines struct{ t *term.Terminal }

func (tl termLines) readLine(prompt string) (string, error) {
	tl.t.SetPrompt(prompt)
	line, err := tl.t.ReadLine()
	if err == term.ErrPasteIndicator {
		err = nil // a pasted line is a line like any other
	}
	return line, err
}
