package discord

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// restClient returns the client for discordgo's REST calls. discordgo
// builds its URLs from package variables fixed at init; rather than
// changing those for the whole process, a transport sends the requests
// meant for discord.com to the configured base URL.
func restClient(base *http.Client, apiURL string) (*http.Client, error) {
	c := &http.Client{Timeout: 20 * time.Second}
	if base != nil {
		copied := *base // never change the caller's client
		c = &copied
	}
	if apiURL == "" {
		return c, nil
	}
	u, err := url.Parse(apiURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("discord: API URL %q: want http(s)://host[/path]", apiURL)
	}
	next := c.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c.Transport = &rewrite{base: u, next: next}
	return c, nil
}

// rewrite sends requests for discord.com to base.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

// versionRoot is the versioned API root in discordgo's URLs ("/api/v9").
var versionRoot = regexp.MustCompile(`^/api/v[0-9]+`)

func (t *rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return t.next.RoundTrip(r)
	}
	// RoundTrip must not change the caller's request.
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = t.base.Scheme, t.base.Host
	r.Host = ""
	if p := strings.TrimRight(t.base.Path, "/"); p != "" {
		r.URL.Path = p + versionRoot.ReplaceAllString(r.URL.Path, "")
		r.URL.RawPath = ""
	}
	return t.next.RoundTrip(r)
}
