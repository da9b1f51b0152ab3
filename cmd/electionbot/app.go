package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/chart"
	"github.com/electionbot/electionbot/internal/wire"
)

// An app is the running bot: the engine on its data, the metrics, the
// reloader, and the platforms it answers on.
type app struct {
	cfg      config
	log      *slog.Logger
	metrics  *metrics
	eng      *bot.Engine
	reloader *reloader
}

// newApp loads the data and builds the engine. It fails, with the article's
// file:line, when the data cannot be loaded: the bot cannot start.
func newApp(cfg config, log *slog.Logger) (*app, error) {
	a := &app{cfg: cfg, log: log, metrics: newMetrics()}
	load := func() (*bot.Library, error) { return loadLibrary(cfg, log) }
	lib, err := load()
	if err != nil {
		return nil, err
	}
	a.metrics.elections.Set(float64(len(lib.Elections)))
	a.eng = bot.New(lib, bot.WithLogger(log), bot.WithObserver(a.observe), bot.WithCharts(chart.New()), wire.Answers(log),
		bot.WithVersion(currentBuild().Version))
	a.reloader = &reloader{load: load, eng: a.eng, log: log, done: a.metrics.reloaded, retireAfter: retireAfter}
	return a, nil
}

// observe logs one line per answered message and counts it. The message
// itself is never logged: it may hold anything a user typed.
func (a *app) observe(ev bot.Event) {
	a.metrics.observe(ev)
	level := slog.LevelInfo
	if ev.Outcome == bot.InternalError {
		level = slog.LevelError
	}
	a.log.LogAttrs(context.Background(), level, "answer",
		slog.String("platform", ev.Platform),
		slog.String("command", ev.Command),
		slog.String("outcome", ev.Outcome.String()),
		slog.Float64("latency_ms", float64(ev.Latency.Microseconds())/1000))
}

// ready reports whether the bot can answer, and if not, why: the data is
// loaded and every platform is connected.
func (a *app) ready(platforms []*platform) (bool, string) {
	if len(a.eng.Library().Elections) == 0 {
		return false, "no data loaded"
	}
	var waiting []string
	for _, p := range platforms {
		if p.ready != nil && !p.ready() {
			waiting = append(waiting, p.name)
		}
	}
	if len(waiting) > 0 {
		return false, "not connected yet: " + strings.Join(waiting, ", ")
	}
	return true, ""
}

// listen opens the HTTP listeners and serves them; a listener that fails
// later reports on the channel.
func (a *app) listen(platforms []*platform) ([]*http.Server, <-chan error, error) {
	ls := a.listeners(platforms)
	var servers []*http.Server
	failed := make(chan error, len(ls))
	for _, l := range ls {
		ln, err := net.Listen("tcp", l.addr)
		if err != nil {
			for _, srv := range servers {
				srv.Close()
			}
			return nil, nil, fmt.Errorf("%s: %w", l.setting, err)
		}
		srv := newHTTPServer(l.handler)
		servers = append(servers, srv)
		go func() {
			if err := srv.Serve(ln); err != http.ErrServerClosed {
				failed <- fmt.Errorf("%s: %w", l.setting, err)
			}
		}()
		a.log.Info("listening", "setting", l.setting, "addr", ln.Addr().String(), "serves", l.serves)
	}
	return servers, failed, nil
}

// serve runs the platforms, the HTTP listener and the reload triggers until
// ctx ends (SIGINT/SIGTERM) or a platform stops (the terminal's user
// typed quit). Then it stops taking new messages and gives those in flight
// SHUTDOWN_TIMEOUT to finish. Each value on hup reloads the data.
func (a *app) serve(ctx context.Context, platforms []*platform, hup <-chan os.Signal) error {
	servers, httpErr, err := a.listen(platforms)
	if err != nil {
		return err
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var bg sync.WaitGroup
	bg.Go(func() {
		for {
			select {
			case <-runCtx.Done():
				return
			case <-hup:
				a.log.Info("SIGHUP: reloading")
				_ = a.reloader.Reload() // logged and counted by the reloader
			}
		}
	})
	if a.cfg.Watch > 0 {
		t := time.NewTicker(a.cfg.Watch)
		bg.Go(func() {
			defer t.Stop()
			watch(runCtx, os.DirFS(a.cfg.DataDir), t.C, a.reloader.Reload, a.log)
		})
	}

	type result struct {
		name string
		err  error
	}
	results := make(chan result, len(platforms))
	running := 0
	for _, p := range platforms {
		if p.run == nil {
			continue
		}
		running++
		a.log.Info("starting", "platform", p.name)
		go func() { results <- result{p.name, p.run(runCtx)} }()
	}

	select {
	case <-ctx.Done():
		a.log.Info("shutting down", "timeout", a.cfg.ShutdownTimeout.String())
	case r := <-results:
		running--
		if r.err != nil && !errors.Is(r.err, context.Canceled) {
			err = named(r.name, r.err)
		}
		a.log.Info("platform stopped; shutting down", "platform", r.name)
	case e := <-httpErr:
		err = fmt.Errorf("HTTP listener: %w", e)
	}
	stop()

	deadline, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	for _, srv := range servers {
		// Stops accepting webhooks and waits for those being answered.
		if e := srv.Shutdown(deadline); e != nil {
			err = errors.Join(err, fmt.Errorf("HTTP listener: %w", e))
		}
	}
	for ; running > 0; running-- {
		select {
		case r := <-results:
			if r.err != nil && !errors.Is(r.err, context.Canceled) {
				a.log.Error("platform stopped with an error", "platform", r.name, "err", r.err)
			}
		case <-deadline.Done():
			return errors.Join(err, fmt.Errorf("shutdown: %d platform(s) still busy after SHUTDOWN_TIMEOUT=%s", running, a.cfg.ShutdownTimeout))
		}
	}
	// A reload under way finishes first, within the same deadline.
	reloading := make(chan struct{})
	go func() { bg.Wait(); close(reloading) }()
	select {
	case <-reloading:
	case <-deadline.Done():
		return errors.Join(err, fmt.Errorf("shutdown: a reload still running after SHUTDOWN_TIMEOUT=%s", a.cfg.ShutdownTimeout))
	}
	if err == nil {
		a.log.Info("stopped")
	}
	return err
}

// named prefixes a platform's error with the platform's name, unless the
// adapter has named itself already ("telegram: telegram: ..." says
// nothing more).
func named(platform string, err error) error {
	if strings.HasPrefix(err.Error(), platform+": ") {
		return err
	}
	return fmt.Errorf("%s: %w", platform, err)
}
