package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// declaredKeys reads the keys that keys*.go declare.
func declaredKeys(t *testing.T) []Key {
	t.Helper()
	files, err := filepath.Glob("keys*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no keys*.go: %v", err)
	}
	var keys []Key
	for _, file := range files {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok {
						keys = append(keys, Key(strings.Trim(lit.Value, `"`)))
					}
				}
			}
			return true
		})
	}
	if len(keys) < 50 {
		t.Fatalf("keys.go declares %d keys; the parser missed them", len(keys))
	}
	return keys
}

func TestEveryKeyInEveryLanguage(t *testing.T) {
	keys := declaredKeys(t)
	seen := map[Key]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Errorf("key %s is declared twice", k)
		}
		seen[k] = true
	}
	for name, parts := range map[string][]map[Key]Text{"English": {english, englishContests, englishAcross, englishSources}, "Serbian": {serbian, serbianContests, serbianAcross, serbianSources}} {
		in := map[Key]int{}
		for i, p := range parts {
			for k := range p {
				if j, ok := in[k]; ok {
					t.Errorf("%s: key %s is in parts %d and %d", name, k, j, i)
				}
				in[k] = i
			}
		}
	}
	for l, msgs := range texts() {
		for _, k := range keys {
			if _, ok := msgs[k]; !ok {
				t.Errorf("%s: key %s has no message", Lang(l), k)
			}
		}
		for k := range msgs {
			if !slices.Contains(keys, k) {
				t.Errorf("%s: message %s has no key in keys.go", Lang(l), k)
			}
		}
	}
}

var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[a-zA-Z%]`)

// verbs lists a format's verbs, numbered by the argument they print.
func verbs(format string) []string {
	var out []string
	n := 0
	for _, v := range verbRe.FindAllString(format, -1) {
		if v == "%%" {
			continue
		}
		if m := regexp.MustCompile(`^%\[(\d+)\]`).FindStringSubmatch(v); m != nil {
			var i int
			for _, c := range m[1] {
				i = i*10 + int(c-'0')
			}
			n = i
			v = "%" + v[len(m[0]):]
		} else {
			n++
		}
		out = append(out, string(rune('0'+n))+v)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// fullVerbs are the verbs of a message's full form, and the count that
// chooses its plural form.
func fullVerbs(m Text) []string {
	v := verbs(m.Other)
	if m.Arg > 0 {
		v = append(v, string(rune('0'+m.Arg))+"%d")
	}
	slices.Sort(v)
	return slices.Compact(v)
}

// TestPlaceholders checks that a message fills the same arguments with
// the same verbs in every language: the full (other) forms alike, and
// every other form a part of them.
func TestPlaceholders(t *testing.T) {
	all := texts()
	for k, en := range all[En] {
		want := fullVerbs(en)
		for l, msgs := range all {
			m := msgs[k]
			full := fullVerbs(m)
			if !slices.Equal(full, want) {
				t.Errorf("%s %s: verbs %v; English has %v", Lang(l), k, full, want)
			}
			if m.Arg != en.Arg {
				t.Errorf("%s %s: plural on argument %d; English on %d", Lang(l), k, m.Arg, en.Arg)
			}
			for _, form := range []string{m.Exactly1, m.One, m.Few} {
				for _, v := range verbs(form) {
					if !slices.Contains(full, v) {
						t.Errorf("%s %s: form %q has verb %s that the other form lacks", Lang(l), k, form, v)
					}
				}
			}
			for _, form := range []string{m.Other, m.One, m.Few, m.Exactly1} {
				if strings.Contains(form, "%v") || strings.Contains(form, "%f") || strings.Contains(form, "%g") {
					t.Errorf("%s %s: %q; counts go in as %%d, figures and years as %%s", Lang(l), k, form)
				}
			}
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct {
		l    Lang
		n    int
		want string
	}{
		{En, 1, "1 seat"}, {En, 2, "2 seats"}, {En, 21, "21 seats"},
		{Sr, 1, "1 mandat"}, {Sr, 2, "2 mandata"}, {Sr, 4, "4 mandata"}, {Sr, 5, "5 mandata"},
		{Sr, 11, "11 mandata"}, {Sr, 21, "21 mandat"}, {Sr, 22, "22 mandata"}, {Sr, 111, "111 mandata"},
		{SrCyrl, 1, "1 мандат"}, {SrCyrl, 21, "21 мандат"}, {SrCyrl, 63, "63 мандата"},
	}
	for _, tt := range tests {
		if got := tt.l.T(SeatCount, tt.n); got != tt.want {
			t.Errorf("%s.T(SeatCount, %d) = %q; want %q", tt.l, tt.n, got, tt.want)
		}
	}
	if got := Sr.T(VoteCount, 1234, "1,234"); got != "1,234 glasa" {
		t.Errorf("Sr.T(VoteCount, 1234) = %q; want %q", got, "1,234 glasa")
	}
	if got := En.T(ElectionsLoaded, 1); got != "1 election is loaded." {
		t.Errorf("En.T(ElectionsLoaded, 1) = %q", got)
	}
	if got := SrCyrl.T(NoSuchParty, "“X”", "2014 Belgrade City Assembly election", "SNS"); !strings.HasPrefix(got, "У чланку 2014 Belgrade") {
		t.Errorf("SrCyrl.T(NoSuchParty) = %q; want the Cyrillic frame with the arguments as given", got)
	}
}

func TestCommandsStayLatin(t *testing.T) {
	for k, m := range texts()[SrCyrl] {
		for _, cmd := range regexp.MustCompile(`/[a-z]+`).FindAllString(texts()[Sr][k].Other, -1) {
			if !strings.Contains(m.Other, cmd) {
				t.Errorf("%s: %q lost the command %s", k, m.Other, cmd)
			}
		}
	}
}
