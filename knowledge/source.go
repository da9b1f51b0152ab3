package knowledge

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// A Source says where an article's text comes from, so that answers can
// link it and credit its authors as its licence asks. It is read from the
// article's "Source" block and is never part of the article's prose: it is
// not indexed and never quoted as an answer.
type Source struct {
	// URL is the address to link: the permanent link of the revision the
	// text was converted from where it is known
	// (https://en.wikipedia.org/w/index.php?title=...&oldid=REV), else the
	// page's address.
	URL string
	// Title is the page's title on its wiki, when known.
	Title string `json:",omitempty"`
	// Page is the page's current address (https://en.wikipedia.org/wiki/...),
	// when it differs from URL.
	Page string `json:",omitempty"`
	// Revision is the revision id; 0 when unknown.
	Revision int64 `json:",omitempty"`
	// RevisionTime is when that revision was saved; zero when unknown.
	RevisionTime time.Time `json:",omitzero"`
	// Retrieved is when the text was fetched; zero when unknown.
	Retrieved time.Time `json:",omitzero"`
	// Licence names the text's licence ("CC BY-SA 4.0").
	Licence    string `json:",omitempty"`
	LicenceURL string `json:",omitempty"`
	// Attribution names the authors to credit ("Wikipedia contributors").
	Attribution string `json:",omitempty"`
	// Line is the line of the "Source" heading in the article file.
	Line int
}

// Credit is the attribution line the licence asks for: "Wikipedia
// contributors, CC BY-SA 4.0", or "" when neither is known.
func (s *Source) Credit() string {
	if s == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{s.Attribution, s.Licence} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// sourceHeading is the line that opens an article's source block.
const sourceHeading = "source"

// isSourceHeading reports whether a line opens the source block.
func isSourceHeading(s string) bool { return strings.EqualFold(s, sourceHeading) }

// sourceKeys maps each key a source block may hold (folded, without
// spaces) to the function that reads its value into the Source.
var sourceKeys = map[string]func(s *Source, v string) error{
	"url":          func(s *Source, v string) error { return setURL(&s.URL, v) },
	"title":        func(s *Source, v string) error { s.Title = v; return nil },
	"page":         func(s *Source, v string) error { return setURL(&s.Page, v) },
	"revision":     setRevision,
	"revisiontime": func(s *Source, v string) error { return setTime(&s.RevisionTime, v) },
	"retrieved":    func(s *Source, v string) error { return setTime(&s.Retrieved, v) },
	"licence":      func(s *Source, v string) error { s.Licence = v; return nil },
	"license":      func(s *Source, v string) error { s.Licence = v; return nil },
	"licenceurl":   func(s *Source, v string) error { return setURL(&s.LicenceURL, v) },
	"licenseurl":   func(s *Source, v string) error { return setURL(&s.LicenceURL, v) },
	"attribution":  func(s *Source, v string) error { s.Attribution = v; return nil },
}

// sourceKeyList names the keys for error messages.
const sourceKeyList = "URL, Title, Page, Revision, Revision Time, Retrieved, Licence, Licence URL, Attribution"

func setURL(dst *string, v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) address", v)
	}
	*dst = v
	return nil
}

func setRevision(s *Source, v string) error {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("%q is not a positive whole number", v)
	}
	s.Revision = n
	return nil
}

func setTime(dst *time.Time, v string) error {
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, v); err == nil {
			*dst = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("%q is not a time such as 2024-05-01T12:00:00Z", v)
}

// startSource opens the source block at line n.
func (p *parser) startSource(n int) error {
	if p.a.Source != nil {
		return p.errorf(n, "a second source block (the first is at line %d)", p.a.Source.Line)
	}
	p.flush()
	p.inInfobox = false
	p.inSource = true
	p.a.Source = &Source{Line: n}
	p.sourceSeen = map[string]int{}
	return nil
}

// sourceLine reads one "- Key: Value" line of the source block.
func (p *parser) sourceLine(n int, item string) error {
	key, value, ok := strings.Cut(item, ":")
	key = strings.TrimSpace(key)
	value = strings.TrimSpace(value)
	if !ok || key == "" {
		return p.errorf(n, "source line %q is not \"- Key: Value\"", clip(item))
	}
	k := normKey(key)
	set, known := sourceKeys[k]
	switch {
	case !known:
		return p.errorf(n, "source key %q is not one of %s", clip(key), sourceKeyList)
	case p.sourceSeen[k] > 0:
		return p.errorf(n, "source %s given twice (first at line %d)", key, p.sourceSeen[k])
	case value == "":
		return p.errorf(n, "source %s is empty", key)
	}
	p.sourceSeen[k] = n
	if err := set(p.a.Source, value); err != nil {
		return p.errorf(n, "source %s %v", key, err)
	}
	return nil
}

// endSource closes the source block and checks it as a whole.
func (p *parser) endSource() error {
	if !p.inSource {
		return nil
	}
	p.inSource = false
	s := p.a.Source
	if s.URL == "" {
		return p.errorf(s.Line, "source block has no URL line (\"- URL: https://...\")")
	}
	u, _ := url.Parse(s.URL)
	if old := u.Query().Get("oldid"); old != "" {
		rev, err := strconv.ParseInt(old, 10, 64)
		switch {
		case err != nil || rev <= 0:
			return p.errorf(p.sourceSeen["url"], "source URL's oldid=%q is not a revision number", old)
		case s.Revision == 0:
			s.Revision = rev
		case s.Revision != rev:
			return p.errorf(p.sourceSeen["revision"], "source Revision %d differs from the URL's oldid=%d", s.Revision, rev)
		}
	}
	return nil
}
