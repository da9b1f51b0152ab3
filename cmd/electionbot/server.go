package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// newMux serves the operator's endpoints and the platforms' webhooks.
// /healthz says the process is up; /readyz says it can answer: the data is
// loaded and every platform is connected.
func newMux(m *metrics, ready func() (bool, string), platforms []*platform) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ok, why := ready()
		if !ok {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, why+"\n")
			return
		}
		io.WriteString(w, "ready\n")
	})
	mux.Handle("GET /metrics", m.handler())
	for _, p := range platforms {
		for path, h := range p.routes {
			mux.Handle(path, h)
		}
	}
	return mux
}

// newHTTPServer returns a server with timeouts fit for an endpoint on the
// internet (webhooks arrive from outside).
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// healthcheck probes the running bot's /healthz on HTTP_ADDR, for the
// container's HEALTHCHECK: the image has no shell and no curl.
func healthcheck(ctx context.Context, addr string, stderr io.Writer) int {
	if addr == "" {
		addr = defaultHTTPAddr
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot healthcheck: HTTP_ADDR=%q: %v\n", addr, err)
		return 1
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot healthcheck: %v\n", err)
		return 1
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot healthcheck: %v\n", err)
		return 1
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "electionbot healthcheck: %s answered %s\n", url, resp.Status)
		return 1
	}
	return 0
}
