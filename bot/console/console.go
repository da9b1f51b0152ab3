// Package console is the terminal adapter: an interactive session that
// reads one message a line, and a one-shot Ask for scripts. Answers are
// plain text; charts are written as PNG files and their paths printed.
// At a terminal the session edits lines and keeps their history (arrow
// keys, through golang.org/x/term) and pages long answers; with input
// from a pipe or a file it reads plain lines and prints every page.
package console

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
)

// Options configure the terminal adapter.
type Options struct {
	// OutDir receives chart images and keeps them. Empty means that a
	// session writes them to a folder of its own, removed by Close, and
	// that Ask writes them to ShareDir.
	OutDir string
	// ShareDir is where a one-shot Ask keeps its charts when OutDir is
	// empty: one folder that every run shares, each chart named by its
	// content, so that scripts can open the file printed and repeated
	// runs reuse it instead of piling up folders. Empty: Ask saves none.
	ShareDir string
	// Lang answers messages whose words do not tell their language (a
	// bare command); the -lang flag.
	Lang lang.Lang
}

// A Session answers messages from a terminal. Call Close when done with
// it, to remove its chart folder.
type Session struct {
	eng    *bot.Engine
	opts   Options
	charts charts
}

// New returns a session on eng.
func New(eng *bot.Engine, opts Options) *Session {
	return &Session{eng: eng, opts: opts, charts: charts{keepIn: opts.OutDir, share: opts.ShareDir}}
}

// Close removes the folder of charts the session made for itself (none
// when Options.OutDir was set).
func (s *Session) Close() error { return s.charts.close() }

// Ask answers one message and writes the answer to w. Long answers that
// page on chat platforms are printed whole. A chart is written only to
// Options.OutDir, else to Options.ShareDir: a one-shot answer has no
// session folder to keep it in.
func (s *Session) Ask(ctx context.Context, text string, w io.Writer) error {
	return s.answer(ctx, text, &pager{w: w}, false)
}

// answer asks the engine and prints the answer through p, every page of
// it, or as many as the reader wants. session says whether the session's
// own chart folder may be used.
func (s *Session) answer(ctx context.Context, text string, p *pager, session bool) error {
	resp := s.eng.Handle(ctx, bot.Request{Platform: "console", Text: text, Locale: s.opts.Lang.String()})
	for {
		if !p.print(resp.Plain() + "\n") {
			return p.err
		}
		if resp.Image != nil && !p.print(s.charts.save(resp.Image, session, resp.Lang)+"\n") {
			return p.err
		}
		next := nextPage(resp)
		if next == "" || !p.pageBreak() {
			return p.err
		}
		resp = s.eng.Press(ctx, next)
	}
}

// nextPage is the data of the answer's "Next" button, or "".
func nextPage(resp bot.Response) string {
	for _, b := range resp.Buttons {
		// "Next ›" in every language.
		if strings.HasSuffix(b.Label, "›") {
			return b.Data
		}
	}
	return ""
}

// A pager prints an answer, and when more is set (at a terminal), stops
// at every page of the answer and every screenful (height lines) to ask
// whether to go on.
type pager struct {
	w      io.Writer
	height int         // lines on the screen; 0: unknown, no screenfuls
	more   func() bool // asks whether to go on; nil: always go on
	lines  int         // printed since the last question
	err    error
}

// print writes text and reports whether to go on.
func (p *pager) print(text string) bool {
	for line := range strings.SplitAfterSeq(text, "\n") {
		if line == "" {
			continue
		}
		if p.more != nil && p.height > 2 && p.lines >= p.height-1 {
			if !p.more() {
				return false
			}
			p.lines = 0
		}
		if _, err := io.WriteString(p.w, line); err != nil {
			p.err = fmt.Errorf("console: write answer: %w", err)
			return false
		}
		p.lines++
	}
	return true
}

// pageBreak comes between two pages of an answer: a blank line, or the
// question whether to go on.
func (p *pager) pageBreak() bool {
	if p.more == nil {
		return p.print("\n")
	}
	p.lines = 0
	return p.more()
}
