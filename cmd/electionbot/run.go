package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/bot/console"
	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

// run is the whole program, with its environment passed in so that tests
// run it like a user would.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, rest, err := parseConfig(args, getenv, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "electionbot: %v\n", err)
		return 2
	}
	log := newLogger(cfg, stderr)
	eng, err := buildEngine(cfg, log)
	if err != nil {
		fmt.Fprintf(stderr, "electionbot: %v\n", err)
		return 1
	}
	term := console.New(eng, console.Options{OutDir: cfg.OutDir})
	switch {
	case len(rest) > 0 && rest[0] == "ask":
		msg := strings.Join(rest[1:], " ")
		if err := term.Ask(ctx, msg, stdout); err != nil {
			fmt.Fprintf(stderr, "electionbot: %v\n", err)
			return 1
		}
		return 0
	case len(rest) > 0:
		fmt.Fprintf(stderr, "electionbot: unknown command %q (try: electionbot ask \"/help\")\n", rest[0])
		return 2
	}
	if err := term.Run(ctx, stdin, stdout); err != nil {
		fmt.Fprintf(stderr, "electionbot: %v\n", err)
		return 1
	}
	return 0
}

type config struct {
	DataDir   string
	OutDir    string
	LogLevel  string
	LogFormat string
}

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, []string, error) {
	cfg := config{
		DataDir:   getenv("ELECTIONBOT_DATA"),
		OutDir:    getenv("ELECTIONBOT_OUT"),
		LogLevel:  getenv("LOG_LEVEL"),
		LogFormat: getenv("LOG_FORMAT"),
	}
	fl := flag.NewFlagSet("electionbot", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&cfg.DataDir, "data", cfg.DataDir, "folder of *.txt articles to load instead of the embedded ones (ELECTIONBOT_DATA)")
	fl.StringVar(&cfg.OutDir, "out", cfg.OutDir, "folder for chart images in the terminal (ELECTIONBOT_OUT)")
	if err := fl.Parse(args); err != nil {
		return cfg, nil, err
	}
	rest := fl.Args()
	// Flags may also follow the subcommand: electionbot ask -data DIR "..."
	if len(rest) > 1 && rest[0] == "ask" {
		sub := flag.NewFlagSet("ask", flag.ContinueOnError)
		sub.SetOutput(stderr)
		sub.StringVar(&cfg.DataDir, "data", cfg.DataDir, "")
		sub.StringVar(&cfg.OutDir, "out", cfg.OutDir, "")
		if err := sub.Parse(rest[1:]); err != nil {
			return cfg, nil, err
		}
		rest = append([]string{"ask"}, sub.Args()...)
	}
	return cfg, rest, nil
}

func newLogger(cfg config, w io.Writer) *slog.Logger {
	level := slog.LevelWarn
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(cfg.LogFormat, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// loadElections reads the articles: from cfg.DataDir when set, else the
// embedded data. The embedded aliases always apply.
func loadElections(cfg config) ([]*knowledge.Election, error) {
	f, err := data.FS.Open(knowledge.AliasesFile)
	if err != nil {
		return nil, fmt.Errorf("open embedded aliases: %w", err)
	}
	base, err := knowledge.ParseAliases(knowledge.AliasesFile, f)
	f.Close()
	if err != nil {
		return nil, err
	}
	var fsys fs.FS = data.FS
	if cfg.DataDir != "" {
		st, err := os.Stat(cfg.DataDir)
		if err != nil {
			return nil, fmt.Errorf("ELECTIONBOT_DATA / -data: %w", err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("ELECTIONBOT_DATA / -data: %s is not a folder", cfg.DataDir)
		}
		fsys = os.DirFS(cfg.DataDir)
		es, err := knowledge.Load(fsys, base)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", cfg.DataDir, err)
		}
		return es, nil
	}
	es, err := knowledge.Load(fsys, nil)
	if err != nil {
		return nil, fmt.Errorf("load embedded data: %w", err)
	}
	return es, nil
}

func buildEngine(cfg config, log *slog.Logger) (*bot.Engine, error) {
	es, err := loadElections(cfg)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		for _, w := range e.Warnings {
			log.Warn("article", "warning", w)
		}
	}
	return bot.New(&bot.Library{Elections: es}, bot.WithLogger(log)), nil
}
