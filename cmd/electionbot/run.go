package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/electionbot/electionbot/bot/console"
)

// run is the whole program, with its environment passed in so that tests
// run it like a user would. It returns the exit status: 0 for every answer
// (user errors included) and a clean shutdown, 1 when the bot cannot start
// or stopped on an error, 2 for a wrong command line or setting.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	if isVersion(args) {
		return printVersion(stdout)
	}
	if len(args) > 0 && args[0] == "import" {
		return runImport(ctx, args[1:], getenv, stdout, stderr) // its own flags: see import.go
	}
	cfg, rest, err := loadConfig(args, getenv, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "electionbot: %v\n", indent(err))
		return 2
	}
	cmd := ""
	if len(rest) > 0 {
		cmd = rest[0]
	}
	switch cmd {
	case "healthcheck":
		return healthcheck(ctx, cfg, stderr)
	case "version":
		return printVersion(stdout)
	case "index":
		return runIndex(cfg, rest[1:], stdout, stderr)
	case "ask", "":
	default:
		fmt.Fprintf(stderr, "electionbot: unknown command %q (try: electionbot ask \"/help\", or electionbot -h)\n", cmd)
		return 2
	}

	cfg.oneMessage = cmd == "ask"
	log := newLogger(cfg, stderr)
	log.Info("electionbot", "version", currentBuild().Version, "revision", currentBuild().Revision)
	a, err := newApp(cfg, log)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot: %v\n", err)
		return 1
	}
	if cmd == "ask" {
		msg := strings.Join(rest[1:], " ")
		term := console.New(a.eng, console.Options{OutDir: cfg.OutDir, ShareDir: sharedChartDir(), Lang: cfg.Lang})
		defer term.Close()
		if err := term.Ask(ctx, msg, stdout); err != nil {
			fmt.Fprintf(stderr, "electionbot: %v\n", err)
			return 1
		}
		return 0
	}

	platforms, err := a.platforms(stdin, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot: %v\n", indent(err))
		return 1
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	if err := a.serve(ctx, platforms, hup); err != nil {
		log.Error("stopped", "err", err)
		return 1
	}
	return 0
}

// newLogger builds the process's one logger from LOG_LEVEL and LOG_FORMAT.
func newLogger(cfg config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// indent puts each of several joined errors on its own line.
func indent(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "\n  ")
}

// sharedChartDir is where one-shot answers keep their charts without
// -out: the user's cache folder (one folder for every run, so that none
// pile up), else one under the temporary folder named for the user.
func sharedChartDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "electionbot", "charts")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("electionbot-charts-%d", os.Getuid()))
}
