package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/internal/qa"
	"github.com/electionbot/electionbot/internal/wire"
)

// TestPassRates reports how many questions of every question file, the
// pending ones too, the engine answers right, without and with the index.
// It measures rather than checks (the question tests check), so it runs
// only when asked:
//
//	ELECTIONBOT_QA_RATES=1 go test -run TestPassRates -v ./internal/e2e/
//
// ELECTIONBOT_QA_RATES=failures also prints every wrong answer, and
// ELECTIONBOT_QA_RATES=all every answer.
func TestPassRates(t *testing.T) {
	mode := os.Getenv("ELECTIONBOT_QA_RATES")
	if mode == "" {
		t.Skip("set ELECTIONBOT_QA_RATES=1 to measure")
	}
	var files []string
	for _, dir := range []string{"../../testdata/qa", "../../testdata/qa/pending"} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.qa.txt"))
		files = append(files, fs...)
	}
	total := map[bool][2]int{}
	for _, file := range files {
		article, err := qa.ArticleFor(file, "../../data", "../../knowledge/testdata/articles")
		if err != nil {
			t.Fatal(err)
		}
		cases, err := qa.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		line := filepath.Base(file)
		if strings.Contains(file, "pending") {
			line = "pending/" + line
		}
		for _, indexed := range []bool{false, true} {
			eng := plainEngine(t, article)
			if indexed {
				eng = engineFor(t, article)
			}
			right := 0
			for _, c := range cases {
				got := eng.Handle(context.Background(), bot.Request{Platform: "test", Text: c.Question, Locale: c.Locale}).Plain()
				p := qa.Check(c, got)
				if p == "" {
					right++
				}
				if (mode == "failures" && p != "") || (mode == "all" && indexed) {
					t.Logf("%s %s:%d %q: %s\n    %s", map[bool]string{false: "engine", true: "index"}[indexed], filepath.Base(file), c.Line, c.Question, p, strings.ReplaceAll(got, "\n", "\n    "))
				}
			}
			tt := total[indexed]
			total[indexed] = [2]int{tt[0] + right, tt[1] + len(cases)}
			line += fmt.Sprintf("  %s %d/%d", map[bool]string{false: "engine", true: "index"}[indexed], right, len(cases))
		}
		t.Log(line)
	}
	t.Logf("all: engine %d/%d, index %d/%d", total[false][0], total[false][1], total[true][0], total[true][1])
}

// plainEngine builds the engine on one article, or a folder of them,
// without the index.
func plainEngine(t testing.TB, path string) *bot.Engine {
	t.Helper()
	es, err := qa.LoadElections(path)
	if err != nil {
		t.Fatal(err)
	}
	return bot.New(&bot.Library{Elections: es}, wire.Answers(nil))
}
