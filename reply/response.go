// Package reply is what the bot says, independent of any platform: the
// Response that adapters render, and the phrases that the command
// handlers and the question answerer share (refusals, "not in the
// article", figures as the article writes them). It imports only the
// knowledge model, so that the engine, the answerer and the adapters may
// all import it.
package reply

import (
	"strings"

	"github.com/electionbot/electionbot/lang"
)

// A Response is one answer, independent of any platform. Adapters render it
// in their idiom (Telegram HTML, Discord embeds, plain text) and own the
// platform's limits; the engine keeps every part short and plain: no
// markup, no mentions, nothing that needs escaping undone.
type Response struct {
	// Title is a short heading ("Seats — 2014 Belgrade City Assembly
	// election"); may be empty for short free-text answers.
	Title string
	// Text is the answer in a sentence or a few short lines of plain text.
	Text string
	// Fields are name/value pairs shown as a table or embed fields.
	Fields []Field
	// Passages are quoted article text with the matching words marked
	// (from /search).
	Passages []Passage
	// Colour is the main party's infobox colour, "#RRGGBB", or "".
	Colour string
	// Image is a chart to show with the answer, or nil.
	Image *Image
	// Buttons page through long answers; pressing one sends its Data to
	// the engine's Press.
	Buttons []Button
	// Source says which article and section the answer comes from.
	Source Source
	// Ephemeral marks an error meant only for the asker.
	Ephemeral bool
	// Outcome classifies the answer for logs and metrics.
	Outcome Outcome
	// Lang is the language the answer is in; adapters word their own
	// labels ("Source") in it.
	Lang lang.Lang
}

// Scripted is the response with its text in the script of its language:
// in Serbian Cyrillic, the Serbian names and words from the article
// that fill the catalogue's Cyrillic frame are written in Cyrillic too,
// and English names stay as written (see lang.Lang.Script). Quoted
// passages and the source (the article's title and section) stay as the
// article writes them. The engine calls it on every
// answer.
func (r Response) Scripted() Response {
	if r.Lang != lang.SrCyrl {
		return r
	}
	sc := r.Lang.Script
	r.Title, r.Text = sc(r.Title), sc(r.Text)
	r.Fields = append([]Field(nil), r.Fields...)
	for i := range r.Fields {
		r.Fields[i].Name, r.Fields[i].Value = sc(r.Fields[i].Name), sc(r.Fields[i].Value)
	}
	r.Buttons = append([]Button(nil), r.Buttons...)
	for i := range r.Buttons {
		r.Buttons[i].Label = sc(r.Buttons[i].Label)
	}
	if r.Image != nil {
		img := *r.Image
		img.Alt = sc(img.Alt)
		r.Image = &img
	}
	return r
}

// A Field is one name/value line of an answer.
type Field struct {
	Name   string
	Value  string
	Inline bool
}

// A Passage is a piece of article text with marked spans.
type Passage struct {
	Spans  []Span
	Source Source
}

// Text returns the passage without marks.
func (p Passage) Text() string {
	var b strings.Builder
	for _, s := range p.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// A Span is a run of text, marked when it matched the query.
type Span struct {
	Text string
	Mark bool
}

// An Image is a PNG picture with a file name and a text alternative.
type Image struct {
	Name string // "seats.png"
	PNG  []byte
	Alt  string // what the picture shows, for captions and screen readers
	// Key names the picture: the same key, the same bytes, for as long
	// as the data it was drawn from is loaded (a reload changes every
	// key). An adapter may remember by it what its platform made of a
	// picture it sent (Telegram's file_id); "" names nothing.
	Key string
}

// A Button is a pagination control; Data is at most 64 bytes (Telegram's
// callback_data limit, within Discord's 100 for custom_id).
type Button struct {
	Label string
	Data  string
}

// MaxFields is how many fields an answer holds in one answer: Discord's
// limit for an embed.
const MaxFields = 25

// MaxButtonData is the longest Button.Data the engine produces.
const MaxButtonData = 64

// Outcome classifies a response.
type Outcome int

// The outcomes of a request.
const (
	Answered      Outcome = iota // the bot answered from the article
	Refused                      // the article does not hold the answer
	UserError                    // the request was malformed; the text says how to fix it
	InternalError                // something broke; the text is a short apology
)

func (o Outcome) String() string {
	switch o {
	case Answered:
		return "answered"
	case Refused:
		return "refused"
	case UserError:
		return "user_error"
	case InternalError:
		return "internal_error"
	}
	return "unknown"
}

// Plain renders the response as plain text: the terminal's form, and the
// form tests read.
func (r Response) Plain() string {
	var b strings.Builder
	line := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	line(r.Title)
	line(r.Text)
	for _, f := range r.Fields {
		if f.Name == "" {
			line(f.Value)
			continue
		}
		if strings.Contains(f.Value, "\n") {
			line(f.Name + ":")
			for _, l := range strings.Split(f.Value, "\n") {
				line("  " + l)
			}
			continue
		}
		line(f.Name + ": " + f.Value)
	}
	for _, p := range r.Passages {
		var t strings.Builder
		for _, s := range p.Spans {
			if s.Mark {
				t.WriteString("[" + s.Text + "]")
			} else {
				t.WriteString(s.Text)
			}
		}
		line("• " + t.String() + " (" + p.Source.Section + ")")
	}
	if src := r.Source.String(); src != "" {
		line(r.Lang.T(lang.SourceLine, src))
	}
	// The terminal shows addresses as they are: most terminals make a
	// link of one on its own line.
	if u := r.Source.Link(); u != "" {
		line(u)
	}
	for _, l := range r.Source.Links {
		line(l.Label + ": " + l.URL)
	}
	return strings.TrimRight(b.String(), "\n")
}
