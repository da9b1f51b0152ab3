package reply

import (
	"net/url"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
)

// A Source names where an answer comes from and, when the article records
// where it was taken from, links it. Build it with SourceOf (one
// election) or Say.HistorySource (several), never as a literal, so that
// every answer carries the link.
type Source struct {
	Election string // the election's title
	Section  string // "Infobox", "Electoral lists", ...
	// URL links the article the answer comes from, at the section it
	// names where that is a heading of the article: the address the
	// article's Source block records (its revision's permanent link, or
	// its page) and "#Section_name". "" when the article records none,
	// and for an answer from several articles (see Links).
	URL string
	// Links link each article of an answer drawn from several elections,
	// labelled by its year, in the answer's order: each contributed its
	// figures, and each is credited. Empty for an answer from one.
	Links []Link
}

// A Link is one article's address, labelled for a list of several.
type Link struct {
	Label string // "2014"
	URL   string
}

// String renders "2014 Belgrade City Assembly election, Infobox".
func (s Source) String() string {
	switch {
	case s.Election != "" && s.Section != "":
		return s.Election + ", " + s.Section
	case s.Election != "":
		return s.Election
	}
	return s.Section
}

// Link is the source's URL when it is one that may be shown as a link:
// an absolute http or https address without spaces, quotes or angle
// brackets; "" otherwise. Adapters link only what this returns.
func (s Source) Link() string { return LinkURL(s.URL) }

// Frame splits the source line ("Source: %s") around the source's text,
// so that a renderer can link the text alone, in the line's language.
func (s Source) Frame(l lang.Lang) (before, after string) { return Around(l, lang.SourceLine) }

// Around splits message k, of one %s, around that %s: what a renderer
// writes before and after what it marks up itself (a link).
func Around(l lang.Lang, k lang.Key) (before, after string) {
	const mark = "\x00"
	before, after, _ = strings.Cut(l.T(k, mark), mark)
	return before, after
}

// SourceOf names where an answer about e comes from: its title, the
// sections (joined as Sections does), and its link, at the first
// section that is a heading of the article. e may be nil.
func SourceOf(e *knowledge.Election, sections ...string) Source {
	s := Source{Section: Sections(sections...)}
	if e == nil {
		return s
	}
	s.Election = e.Title
	if e.Source != nil {
		s.URL = SectionLink(e.Source.URL, heading(e, sections))
	}
	return s
}

// heading is the first of the sections that is a heading of e's article.
// A section may come already joined ("Infobox, Results"), as answers
// pass on each other's sources.
func heading(e *knowledge.Election, sections []string) string {
	for _, name := range sections {
		if h := e.Heading(name); h != "" {
			return h
		}
		for _, part := range strings.Split(name, ", ") {
			if h := e.Heading(part); h != "" {
				return h
			}
		}
	}
	return ""
}

// HistorySource names where an answer across elections comes from: the
// place's articles of those years, and the sections. It links each
// article (Source.Links) rather than one: the answer's figures come from
// every one of them alike, and each one's licence asks for its credit.
// An answer about one of them links it as SourceOf does.
func (s Say) HistorySource(h *knowledge.History, es []*knowledge.Election, sections ...string) Source {
	src := Source{Election: s.T(lang.HistoryElections, h.Place, s.Years(es)), Section: Sections(sections...)}
	if len(es) == 1 {
		src.URL = SourceOf(es[0], sections...).URL
		return src
	}
	src.Links = historyLinks(es)
	return src
}

// historyLinks links each of the elections' articles that records where
// it comes from, labelled by year.
func historyLinks(es []*knowledge.Election) []Link {
	var out []Link
	for _, e := range es {
		if e == nil || e.Source == nil {
			continue
		}
		if u := SectionLink(e.Source.URL, ""); u != "" {
			out = append(out, Link{Label: YearOf(e), URL: u})
		}
	}
	return out
}

// maxURL is the longest address linked: Discord refuses longer embed URLs,
// and no article's address comes near it.
const maxURL = 2048

// LinkURL is raw as an address that may be shown as a link, or "": an
// absolute http or https address, at most 2048 bytes, without control
// characters. What an address may not hold as it is (spaces, quotes,
// angle brackets, letters outside ASCII, as a hand-written source may
// have them) is percent-encoded as browsers do, so that no markup around
// it can be ended early.
func LinkURL(raw string) string {
	if !strings.HasPrefix(raw, "https://") && !strings.HasPrefix(raw, "http://") {
		return ""
	}
	if strings.ContainsFunc(raw, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ""
	}
	raw = encodeURL(raw)
	if len(raw) > maxURL {
		return ""
	}
	if u, err := url.Parse(raw); err != nil || u.Host == "" {
		return ""
	}
	return raw
}

// encodeURL percent-encodes the bytes of s that an address may not hold
// as they are: all but its unreserved and reserved characters and "%".
func encodeURL(s string) string { return percentEncode(s, "-._~:/?#[]@!$&'()*+,;=%") }

// percentEncode writes every byte of s but ASCII letters, digits and
// those in keep as "%XX".
func percentEncode(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte(keep, c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// SectionLink is the address of the heading on the page at base: base
// with "#" and the heading's anchor, or base alone for no heading. base
// may be a page's address or a revision's permanent link (…&oldid=N); a
// fragment it has is replaced. "" when base is no address to link.
func SectionLink(base, heading string) string {
	base, _, _ = strings.Cut(LinkURL(base), "#")
	if base == "" {
		return ""
	}
	if a := Anchor(heading); a != "" && len(base)+1+len(a) <= maxURL {
		return base + "#" + a
	}
	return base
}

// Anchor is a heading's fragment as MediaWiki writes it in links: white
// space collapsed, spaces as underscores, and every byte outside the
// characters its URLs leave as they are percent-encoded ("Opinion polls"
// → "Opinion_polls", "Đilas" → "%C4%90ilas").
func Anchor(heading string) string {
	return percentEncode(strings.Join(strings.Fields(heading), "_"), "-_.~!*(),:;@$/")
}

const hexDigits = "0123456789ABCDEF"
