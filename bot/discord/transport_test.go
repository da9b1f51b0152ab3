package discord

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// recorder is a transport that records the URL it was asked for.
type recorder struct{ got string }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.got = req.URL.String()
	return &http.Response{StatusCode: 204, Body: io.NopCloser(strings.NewReader("")), Request: req}, nil
}

func TestRestClientRewrites(t *testing.T) {
	tests := []struct {
		base, url, want string
	}{
		{"http://127.0.0.1:8080", "https://discord.com/api/v9/gateway", "http://127.0.0.1:8080/api/v9/gateway"},
		{"http://proxy:1/api/v10", "https://discord.com/api/v9/webhooks/1/tok/messages/@original", "http://proxy:1/api/v10/webhooks/1/tok/messages/@original"},
		{"https://proxy/discord/", "https://discord.com/api/v9/applications/1/commands?x=1", "https://proxy/discord/applications/1/commands?x=1"},
		{"http://127.0.0.1:8080", "https://cdn.discordapp.com/a.png", "https://cdn.discordapp.com/a.png"},
	}
	for _, tt := range tests {
		rec := &recorder{}
		caller := &http.Client{Transport: rec}
		c, err := restClient(caller, tt.base)
		if err != nil {
			t.Fatalf("restClient(%q) = %v", tt.base, err)
		}
		req, _ := http.NewRequest("GET", tt.url, nil)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatalf("Do(%s) = %v", tt.url, err)
		}
		resp.Body.Close()
		if rec.got != tt.want {
			t.Errorf("with base %s, %s went to %s; want %s", tt.base, tt.url, rec.got, tt.want)
		}
		if req.URL.String() != tt.url {
			t.Errorf("the caller's request changed to %s", req.URL)
		}
		if caller.Transport != rec {
			t.Errorf("the caller's client changed")
		}
	}
}

func TestRestClientDefaults(t *testing.T) {
	c, err := restClient(nil, "")
	if err != nil || c.Timeout == 0 || c.Transport != nil {
		t.Errorf("restClient(nil, \"\") = %+v, %v; want a plain client with a timeout", c, err)
	}
	for _, bad := range []string{"ftp://x", "discord.com", "http://", "::"} {
		if _, err := restClient(nil, bad); err == nil {
			t.Errorf("restClient(nil, %q) = nil error; want one", bad)
		}
	}
}
