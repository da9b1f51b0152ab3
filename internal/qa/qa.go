// Package qa reads question files (testdata/qa/*.qa.txt) and checks
// answers against them the way their header describes: every group of an
// expected answer must appear in the answer after folding, numbers match
// as whole numbers, "!refuse" answers must say plainly (in English or
// Serbian) that the article does not hold the answer, and "!sr", "!cyr"
// and "!en" answers must be in Serbian, in Serbian Cyrillic or in
// English (lang.go). A question that starts with "-lang sr" is asked
// with that locale, as "electionbot ask -lang sr" asks it. Tests of the
// engine and of the whole program share it.
package qa

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// A Case is one question with the facts a right answer must contain.
type Case struct {
	Category string
	Question string
	// Groups must all appear; each holds alternatives.
	Groups [][]string
	Refuse bool
	// Lang is the language the answer must be in: "sr" (Serbian, either
	// script), "cyr" (Serbian Cyrillic), "en", or "" for any.
	Lang string
	// Locale is the asker's locale ("sr", "sr-Cyrl"), from a "-lang sr"
	// before the question; "" for none.
	Locale string
	Line   int
}

// Parse reads a question file.
func Parse(file string, r io.Reader) ([]Case, error) {
	var out []Case
	sc := bufio.NewScanner(r)
	n := 0
	var cur *Case
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "Q:"):
			if cur != nil {
				return nil, fmt.Errorf("%s:%d: question without an answer line before it", file, n)
			}
			q := strings.TrimSpace(strings.TrimPrefix(line, "Q:"))
			c := Case{Line: n}
			if strings.HasPrefix(q, "[") {
				if end := strings.Index(q, "]"); end > 0 {
					c.Category = q[1:end]
					q = strings.TrimSpace(q[end+1:])
				}
			}
			if rest, ok := strings.CutPrefix(q, "-lang "); ok {
				c.Locale, q, _ = strings.Cut(strings.TrimSpace(rest), " ")
				q = strings.TrimSpace(q)
			}
			c.Question = q
			cur = &c
		case strings.HasPrefix(line, "A:"):
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: answer without a question", file, n)
			}
			a := strings.TrimSpace(strings.TrimPrefix(line, "A:"))
			for _, g := range strings.Split(a, "|") {
				switch g = strings.TrimSpace(g); g {
				case "!refuse":
					cur.Refuse = true
					continue
				case "!sr", "!cyr", "!en":
					cur.Lang = g[1:]
					continue
				}
				var alts []string
				for _, alt := range strings.Split(g, "~") {
					if alt = strings.TrimSpace(alt); alt != "" {
						alts = append(alts, alt)
					}
				}
				if len(alts) > 0 {
					cur.Groups = append(cur.Groups, alts)
				}
			}
			out = append(out, *cur)
			cur = nil
		default:
			return nil, fmt.Errorf("%s:%d: line is neither Q:, A: nor a comment", file, n)
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("%s:%d: question without an answer", file, cur.Line)
	}
	return out, sc.Err()
}

// refusals are the ways the bot says an article does not hold an
// answer, in English and in Serbian (folded: "ne navodi" is "ne navodi"
// and "не наводи").
var refusals = []string{"couldn't find", "could not find", "does not say", "doesn't say", "not in the article",
	"no article about", "does not give", "gives no", "can't answer", "cannot answer", "don't know",
	"ne navodi", "ne navode", "ne pominje", "ne daje", "ne daju", "nije navedeno", "ne mogu da odgovorim", "ne mogu odgovoriti",
	"nemam ucitan", "ne sadrzi", "nema podatak", "nema podataka"}

// Check reports what is wrong with an answer to c, or "" when it is right.
func Check(c Case, answer string) string {
	if problem := checkLang(c.Lang, answer); problem != "" {
		return problem
	}
	folded := knowledge.Fold(answer)
	if c.Refuse {
		for _, r := range refusals {
			if strings.Contains(folded, r) {
				return ""
			}
		}
		return "answer does not refuse"
	}
	for _, g := range c.Groups {
		ok := false
		for _, alt := range g {
			if contains(folded, knowledge.Fold(alt)) {
				ok = true
				break
			}
		}
		if !ok {
			return fmt.Sprintf("missing %q", strings.Join(g, " ~ "))
		}
	}
	return ""
}

var numRe = regexp.MustCompile(`^-?\d+(?:\.\d+)?$`)

// answerNumRe finds the numbers of an answer, thousands separators and all:
// "3,612,030" is one number, not 3,612 and 030.
var answerNumRe = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`)

// contains matches words as words and numbers as whole numbers: "15.7"
// matches "15.70" but not "115.7".
func contains(answer, want string) bool {
	if numRe.MatchString(want) {
		for _, m := range answerNumRe.FindAllString(answer, -1) {
			if sameNumber(m, want) {
				return true
			}
		}
		return false
	}
	return strings.Contains(answer, want)
}

func sameNumber(a, b string) bool {
	norm := func(s string) string {
		s = strings.ReplaceAll(s, ",", "")
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s
	}
	return norm(a) == norm(b)
}
