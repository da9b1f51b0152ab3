package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// newMux serves the operator's endpoints and the platforms' webhooks on
// one listener (HTTP_ADDR when ADMIN_ADDR is not set).
func newMux(m *metrics, ready func() (bool, string), platforms []*platform) *http.ServeMux {
	mux := newOpsMux(m, ready)
	addRoutes(mux, platforms)
	return mux
}

// newOpsMux serves the operator's endpoints: /healthz says the process
// is up; /readyz says it can answer (the data is loaded and every
// platform is connected); /metrics is for Prometheus.
func newOpsMux(m *metrics, ready func() (bool, string)) *http.ServeMux {
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
	return mux
}

// newHooksMux serves only the platforms' webhooks: HTTP_ADDR when the
// operator's endpoints have a listener of their own (ADMIN_ADDR).
func newHooksMux(platforms []*platform) *http.ServeMux {
	mux := http.NewServeMux()
	addRoutes(mux, platforms)
	return mux
}

func addRoutes(mux *http.ServeMux, platforms []*platform) {
	for _, p := range platforms {
		for path, h := range p.routes {
			mux.Handle(path, h)
		}
	}
}

// A listener is one address the process serves HTTP on, and what.
type listener struct {
	setting string // the variable that sets addr, for logs and errors
	addr    string
	serves  string
	handler http.Handler
}

// listeners are the HTTP listeners the configuration asks for: one on
// HTTP_ADDR for everything, or, with ADMIN_ADDR, the webhooks on
// HTTP_ADDR and the operator's endpoints on ADMIN_ADDR.
func (a *app) listeners(platforms []*platform) []listener {
	ready := func() (bool, string) { return a.ready(platforms) }
	if a.cfg.AdminAddr == "" {
		if a.cfg.HTTPAddr == "" {
			return nil
		}
		return []listener{{"HTTP_ADDR", a.cfg.HTTPAddr, "webhooks, /healthz, /readyz, /metrics", newMux(a.metrics, ready, platforms)}}
	}
	ls := []listener{{"ADMIN_ADDR", a.cfg.AdminAddr, "/healthz, /readyz, /metrics", newOpsMux(a.metrics, ready)}}
	if a.cfg.HTTPAddr != "" {
		ls = append(ls, listener{"HTTP_ADDR", a.cfg.HTTPAddr, "webhooks", newHooksMux(platforms)})
	}
	return ls
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

// healthcheck probes the running bot's /healthz on ADMIN_ADDR, or
// HTTP_ADDR when that is not set, for the container's HEALTHCHECK: the
// image has no shell and no curl.
func healthcheck(ctx context.Context, cfg config, stderr io.Writer) int {
	addr := cmp.Or(cfg.AdminAddr, cfg.HTTPAddr, defaultHTTPAddr)
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot healthcheck: %q: %v\n", addr, err)
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
