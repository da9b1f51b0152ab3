package qa

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

// MaxFreeText is how long a free-text answer may be: "short (well under
// 900 characters)".
const MaxFreeText = 900

// Files returns the question files in dir.
func Files(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.qa.txt"))
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no question files in %s", dir)
	}
	return files, err
}

// ArticleFor finds the article a question file is about: NAME.txt in one
// of dirs for NAME.qa.txt, NAME.dev.qa.txt, NAME.sr.qa.txt or
// NAME.dev.sr.qa.txt (any dotted parts after the name), or a folder NAME
// of articles (a series of one place's elections, answered together).
func ArticleFor(qaFile string, dirs ...string) (string, error) {
	name := strings.TrimSuffix(filepath.Base(qaFile), ".qa.txt")
	for {
		for _, dir := range dirs {
			p := filepath.Join(dir, name+".txt")
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
			if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.IsDir() {
				return filepath.Join(dir, name), nil
			}
		}
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return "", fmt.Errorf("no article or folder of articles for %s in %v", qaFile, dirs)
		}
		name = name[:i]
	}
}

// LoadElections loads what ArticleFor found: one article, or every
// article of a folder, newest first, with the embedded aliases and
// glossary as the program loads them.
func LoadElections(path string) ([]*knowledge.Election, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		e, err := LoadElection(path)
		if err != nil {
			return nil, err
		}
		return []*knowledge.Election{e}, nil
	}
	aliases, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		return nil, err
	}
	return knowledge.Load(os.DirFS(path), aliases)
}

// LoadElection parses and extracts one article with the embedded aliases
// and glossary, as the program does.
func LoadElection(path string) (*knowledge.Election, error) {
	aliases, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := knowledge.Parse(filepath.Base(path), f)
	if err != nil {
		return nil, err
	}
	return knowledge.Extract(a, aliases), nil
}

// EachFile runs test, as a subtest named after the file, for every
// question file under root/testdata/qa, with the path of the article the
// file is about (in root/data or root/knowledge/testdata/articles), or of
// the folder of articles (LoadElections loads either).
func EachFile(t *testing.T, root string, test func(t *testing.T, file, article string)) {
	t.Helper()
	files, err := Files(filepath.Join(root, "testdata", "qa"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			article, err := ArticleFor(file, filepath.Join(root, "data"), filepath.Join(root, "knowledge", "testdata", "articles"))
			if err != nil {
				t.Fatal(err)
			}
			test(t, file, article)
		})
	}
}

// An Ask answers a question asked with a locale ("" for none, "sr",
// "sr-Cyrl": see Case.Locale).
type Ask func(question, locale string) string

// Run asks every question of a question file through answer and reports
// each wrong answer, and each free-text answer over MaxFreeText, as a test
// error.
func Run(t *testing.T, file string, answer Ask) {
	t.Helper()
	run(t, file, func(Case) bool { return true }, answer)
}

// RunFreeText is Run for the questions in plain words only, leaving out
// the commands: for the question answerer alone.
func RunFreeText(t *testing.T, file string, answer Ask) {
	t.Helper()
	run(t, file, func(c Case) bool { return !strings.HasPrefix(c.Question, "/") }, answer)
}

// ReadFile reads and parses a question file.
func ReadFile(file string) ([]Case, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(file, f)
}

// FreeText returns the questions in plain words of a question file,
// leaving out the commands.
func FreeText(file string) ([]string, error) {
	cases, err := ReadFile(file)
	var out []string
	for _, c := range cases {
		if !strings.HasPrefix(c.Question, "/") {
			out = append(out, c.Question)
		}
	}
	return out, err
}

func run(t *testing.T, file string, keep func(Case) bool, answer Ask) {
	t.Helper()
	cases, err := ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !keep(c) {
			continue
		}
		got := answer(c.Question, c.Locale)
		if problem := Check(c, got); problem != "" {
			t.Errorf("%s:%d [%s] %q: %s\nanswer: %s", filepath.Base(file), c.Line, c.Category, c.Question, problem, got)
		}
		if !strings.HasPrefix(c.Question, "/") && len(got) > MaxFreeText {
			t.Errorf("%q: answer is %d characters; free-text answers stay under %d", c.Question, len(got), MaxFreeText)
		}
	}
}

// RepeatedSeries loads the series of articles in dir and repeats it, four
// years apart, until it holds n elections of one place: the series
// shifted back in time, for benchmarks and pages that need more
// elections than a test series has. Newest first.
func RepeatedSeries(dir string, n int) ([]*knowledge.Election, error) {
	base, err := LoadElections(dir)
	if err != nil {
		return nil, err
	}
	aliases, err := knowledge.BaseAliases(data.FS)
	if err != nil {
		return nil, err
	}
	knowledge.SortNewestFirst(base)
	var out []*knowledge.Election
	newest := base[0].Year
	for i := range n {
		src := base[i%len(base)]
		year := newest - 4*i
		b, err := os.ReadFile(filepath.Join(dir, src.Article.File))
		if err != nil {
			return nil, err
		}
		text := strings.ReplaceAll(string(b), strconv.Itoa(src.Year), strconv.Itoa(year))
		name := strings.Replace(src.Article.File, strconv.Itoa(src.Year), strconv.Itoa(year), 1)
		a, err := knowledge.Parse(name, strings.NewReader(text))
		if err != nil {
			return nil, err
		}
		out = append(out, knowledge.Extract(a, aliases))
	}
	knowledge.SortNewestFirst(out)
	return out, nil
}
