package wiki

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ErrNotTitle is returned for an argument that names no page.
var ErrNotTitle = errors.New("not a page title or a Wikipedia address")

// PageTitle reduces a command-line argument to a page title: a title as
// written ("2014 Belgrade City Assembly election",
// "2014_Belgrade_City_Assembly_election") or the address of a page in any
// of its forms ("https://en.wikipedia.org/wiki/2014_Belgrade_City_Assembly_election",
// the mobile site, percent-encoded, with a "#section", or
// ".../w/index.php?title=...").
func PageTitle(arg string) (string, error) {
	s := strings.TrimSpace(arg)
	if isAddress(s) {
		t, err := titleFromURL(s)
		if err != nil {
			return "", fmt.Errorf("%q: %w", arg, err)
		}
		s = t
	} else if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
	if s == "" || strings.ContainsAny(s, "[]{}|<>\x00") || len(s) > 255 {
		return "", fmt.Errorf("%q: %w", arg, ErrNotTitle)
	}
	return s, nil
}

func isAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "//") ||
		strings.Contains(strings.SplitN(l, "/", 2)[0], ".wikipedia.org")
}

func titleFromURL(s string) (string, error) {
	if !strings.Contains(s, "://") && !strings.HasPrefix(s, "//") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", ErrNotTitle
	}
	if t := u.Query().Get("title"); t != "" && strings.HasSuffix(u.Path, "/index.php") {
		return t, nil
	}
	i := strings.Index(u.EscapedPath(), "/wiki/")
	if i < 0 {
		return "", fmt.Errorf("%w: the address has no /wiki/ path", ErrNotTitle)
	}
	t, err := url.PathUnescape(u.EscapedPath()[i+len("/wiki/"):])
	if err != nil {
		return "", ErrNotTitle
	}
	return t, nil
}

// NewSource records where a page was fetched from: its revision's
// permanent link, its current address, the revision, when it was saved
// and fetched, and Wikipedia's licence. The links are on the wiki the API
// belongs to when the API is a Wikimedia wiki's, and on English Wikipedia
// otherwise (a test server or proxy serving it).
func NewSource(apiURL, title string, revision int64, revisionTime, retrieved time.Time) *Source {
	base := wikiBase(apiURL)
	t := escapeTitle(title)
	s := &Source{
		Title:        title,
		Page:         base + "/wiki/" + t,
		URL:          base + "/wiki/" + t,
		Revision:     revision,
		RevisionTime: revisionTime,
		Retrieved:    retrieved,
		Licence:      Licence,
		LicenceURL:   LicenceURL,
		Attribution:  Attribution,
	}
	if revision > 0 {
		s.URL = base + "/w/index.php?title=" + t + "&oldid=" + strconv.FormatInt(revision, 10)
	}
	return s
}

// wikimediaHosts are the domains of Wikimedia's wikis.
var wikimediaHosts = []string{".wikipedia.org", ".wikimedia.org", ".wiktionary.org", ".wikinews.org", ".wikisource.org"}

func wikiBase(apiURL string) string {
	u, err := url.Parse(apiURL)
	if err == nil && u.Scheme == "https" {
		for _, h := range wikimediaHosts {
			if strings.HasSuffix(strings.ToLower(u.Hostname()), h) {
				return "https://" + u.Host
			}
		}
	}
	return "https://en.wikipedia.org"
}

// escapeTitle writes a title as Wikipedia's addresses do: underscores for
// spaces, UTF-8 and reserved characters percent-encoded.
func escapeTitle(title string) string {
	var b strings.Builder
	for _, c := range []byte(strings.ReplaceAll(title, " ", "_")) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9',
			strings.IndexByte("-_.~!*'(),:;@$/", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
