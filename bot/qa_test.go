package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/knowledge"
)

// articleFor finds the article a question file is about: data/NAME.txt or
// knowledge/testdata/articles/NAME.txt for testdata/qa/NAME[.dev].qa.txt.
func articleFor(t *testing.T, qaFile string) string {
	t.Helper()
	name := strings.TrimSuffix(filepath.Base(qaFile), ".qa.txt")
	name = strings.TrimSuffix(name, ".dev")
	for _, dir := range []string{"../data", "../knowledge/testdata/articles"} {
		p := filepath.Join(dir, name+".txt")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatalf("no article for %s", qaFile)
	return ""
}

func loadOne(t *testing.T, path string) *knowledge.Election {
	t.Helper()
	al, err := os.Open("../data/aliases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer al.Close()
	aliases, err := knowledge.ParseAliases("aliases.tsv", al)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := knowledge.Parse(filepath.Base(path), f)
	if err != nil {
		t.Fatal(err)
	}
	return knowledge.Extract(a, aliases)
}

// TestQuestionFiles asks every question of every question file through
// the engine, as the terminal's ask does, and checks the answers.
func TestQuestionFiles(t *testing.T) {
	files, _ := filepath.Glob("../testdata/qa/*.qa.txt")
	if len(files) == 0 {
		t.Fatal("no question files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			cases, err := qa.Parse(file, f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			e := loadOne(t, articleFor(t, file))
			eng := bot.New(&bot.Library{Elections: []*knowledge.Election{e}})
			for _, c := range cases {
				resp := eng.Handle(context.Background(), bot.Request{Platform: "test", Text: c.Question})
				answer := resp.Plain()
				if problem := qa.Check(c, answer); problem != "" {
					t.Errorf("%s:%d [%s] %q: %s\nanswer: %s", filepath.Base(file), c.Line, c.Category, c.Question, problem, answer)
				}
				if !strings.HasPrefix(c.Question, "/") && len(answer) > 900 {
					t.Errorf("%q: answer is %d characters; free-text answers stay under 900", c.Question, len(answer))
				}
			}
		})
	}
}
