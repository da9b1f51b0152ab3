package knowledge

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func mustParse(t *testing.T, text string) *Article {
	t.Helper()
	a, err := Parse("test.txt", strings.NewReader(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return a
}

// parseFile parses one file under testdata.
func parseFile(t *testing.T, path string) (*Article, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(filepath.Base(path), f)
}

func TestParseBad(t *testing.T) {
	tests := []struct {
		file string
		line int
		msg  string
	}{
		{"empty.txt", 1, "no title line"},
		{"blank.txt", 3, "no title line"},
		{"no-title.txt", 3, "expected the title line"},
		{"second-title.txt", 5, "a second title line"},
		{"heading-unbalanced.txt", 8, "has 2 '=' before and 3 after"},
		{"heading-too-deep.txt", 4, "nested deeper than level 6"},
		{"heading-empty.txt", 5, "heading without a title"},
		{"infobox-no-colon.txt", 5, `is not "- Key: Value"`},
		{"infobox-no-dash.txt", 7, `infobox line "Turnout: 47.3%" is not "- Key: Value"`},
		{"table-too-many-cells.txt", 6, "table row has 5 cells but the header (line 4) has 4"},
		{"table-no-closing-pipe.txt", 6, `table row does not end with "|"`},
		{"invalid-utf8.txt", 3, "not valid UTF-8"},
		{"nul-byte.txt", 5, "NUL byte"},
		{"legend-no-brace.txt", 7, "has no closing '}'"},
		{"legend-no-meaning.txt", 7, `is not "^{mark} — meaning"`},
		{"source-unknown-key.txt", 6, `source key "Authors" is not one of URL`},
		{"source-no-url.txt", 3, "source block has no URL line"},
		{"source-revision-mismatch.txt", 5, "source Revision 9002 differs from the URL's oldid=9001"},
		{"source-bad-time.txt", 5, `source Retrieved "yesterday" is not a time`},
		{"source-bad-url.txt", 4, "is not an http(s) address"},
		{"source-twice.txt", 9, "a second source block (the first is at line 3)"},
		{"source-duplicate-key.txt", 6, "source Revision given twice (first at line 5)"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			a, err := parseFile(t, filepath.Join("testdata", "bad", tt.file))
			if err == nil {
				t.Fatalf("Parse(%s) = %q, nil; want an error at line %d", tt.file, a.Title, tt.line)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%s) error %v is a %T; want *ParseError", tt.file, err, err)
			}
			if pe.File != tt.file || pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("Parse(%s) = %s:%d: %s; want %s:%d: …%s…", tt.file, pe.File, pe.Line, pe.Msg, tt.file, tt.line, tt.msg)
			}
			if want := tt.file + ":" + strconv.Itoa(tt.line) + ": "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q; want it to start with %q", err.Error(), want)
			}
		})
	}
	// Every file under testdata/bad needs an expectation.
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.txt"))
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s has no expected error in TestParseBad", f)
		}
	}
}

func TestParseLongLine(t *testing.T) {
	text := "= T =\n\n" + strings.Repeat("x", MaxLineBytes+1) + "\n"
	_, err := Parse("long.txt", strings.NewReader(text))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 3 || !strings.Contains(pe.Msg, "longer than") {
		t.Errorf("Parse(long line) = %v; want long.txt:3: line longer than …", err)
	}
	atLimit := "= T =\n\n" + strings.Repeat("x", MaxLineBytes) + "\n"
	if _, err := Parse("limit.txt", strings.NewReader(atLimit)); err != nil {
		t.Errorf("Parse(a line of exactly MaxLineBytes) = %v; want nil", err)
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	a := mustParse(t, "\ufeff= 2014 Belgrade City Assembly election =\r\n\r\nInfobox\r\n- Turnout: 50.66%\r\n\r\n==Results==\r\n| List | % |\r\n| SNS | 43.62 |\r\n")
	if a.Title != "2014 Belgrade City Assembly election" {
		t.Errorf("title = %q; want the title without BOM", a.Title)
	}
	if f, ok := a.InfoboxValue("turnout"); !ok || f.Value != "50.66%" {
		t.Errorf("turnout = %q; want 50.66%% without \\r", f.Value)
	}
	if got := a.Sections[1].Blocks[0].Rows[1]; len(got) != 2 || got[1] != "43.62" {
		t.Errorf("row = %q; want [SNS 43.62]", got)
	}
}

func TestParseTableRowLines(t *testing.T) {
	a := mustParse(t, "= T =\n\n==Polls==\n| Pollster | Date | SNS |\n|---|---|---|\n| Ipsos | 1 May | 40 |\n| CeSID | 2 May |\n")
	b := a.Sections[1].Blocks[0]
	if got := len(b.Rows); got != 3 {
		t.Fatalf("rows = %d; want 3 (header and two polls, no rule)", got)
	}
	for i, want := range []int{6, 7} {
		if got := b.BodyLine(i); got != want {
			t.Errorf("BodyLine(%d) = %d; want %d", i, got, want)
		}
	}
	if got := b.Rows[2]; len(got) != 3 || got[2] != "" {
		t.Errorf("short row = %q; want it padded to the header's width", got)
	}
}

// articleFile parses one of the test articles.
func articleFile(t *testing.T, name string) *Article {
	t.Helper()
	a, err := parseFile(t, filepath.Join("testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestParseArticles(t *testing.T) {
	t.Run("subsections", func(t *testing.T) {
		a := articleFile(t, "novi-sad-2020.txt")
		var got []string
		for _, s := range a.Sections[1:] {
			got = append(got, strings.Repeat("=", s.Level)+s.Title+"<"+s.Parent)
		}
		want := "==Background< ==Electoral lists< ==Campaign< ===Ruling coalition<Campaign ===Opposition<Campaign ==Opinion polls< ==Results< ===Aftermath<Results"
		if strings.Join(got, " ") != want {
			t.Errorf("sections = %s; want %s", strings.Join(got, " "), want)
		}
	})
	t.Run("footnote legends", func(t *testing.T) {
		a := articleFile(t, "novi-sad-2020.txt")
		want := map[string]string{"M": "National minority list", "a": "Joint list of the Movement of Free Citizens and the citizens' group Together for Novi Sad (ZNS)", "b": "Registered after an appeal to the Administrative Court"}
		if len(a.Footnotes) != len(want) {
			t.Errorf("footnotes = %q; want %q", a.Footnotes, want)
		}
		for k, v := range want {
			if a.Footnotes[k] != v {
				t.Errorf("footnote %s = %q; want %q", k, a.Footnotes[k], v)
			}
		}
		p := articleFile(t, "podgorica-2018.txt")
		if len(p.Footnotes) != 3 || p.Footnotes["3"] == "" {
			t.Errorf("numeric footnotes = %q; want 1, 2 and 3", p.Footnotes)
		}
	})
	t.Run("wide poll table with a rule", func(t *testing.T) {
		a := articleFile(t, "novi-sad-2020.txt")
		b := a.Section("opinion polls").Blocks[0]
		if b.Kind != Table || len(b.Rows) != 5 || len(b.Header()) != 12 {
			t.Fatalf("poll table = kind %d, %d rows of %d; want a table of 5 rows of 12", b.Kind, len(b.Rows), len(b.Header()))
		}
		if b.Body()[0][0] != "2016 election" {
			t.Errorf("first row = %q; want the previous election", b.Body()[0])
		}
	})
	t.Run("infobox values with units and words", func(t *testing.T) {
		a := articleFile(t, "novi-sad-2020.txt")
		for key, want := range map[string]string{"Turnout": "38.18 %", "Seats For Election": "All 78 seats in the City Assembly", "Last Election2": "new", "Percentage1": "58.84%"} {
			if f, ok := a.InfoboxValue(key); !ok || f.Value != want {
				t.Errorf("infobox %s = %q; want %q", key, f.Value, want)
			}
		}
	})
	t.Run("missing infobox fields", func(t *testing.T) {
		a := articleFile(t, "kragujevac-2016.txt")
		for _, key := range []string{"Colour1", "Last Election1", "Majority Seats", "Title", "Before Election", "After Election"} {
			if f, ok := a.InfoboxValue(key); ok {
				t.Errorf("infobox has %s = %q; want none", key, f.Value)
			}
		}
		if a.Section("electoral lists", "lists") != nil {
			t.Errorf("Kragujevac has a lists section; want none")
		}
	})
	t.Run("Cyrillic", func(t *testing.T) {
		a := articleFile(t, "vozdovac-2013.txt")
		if f, _ := a.InfoboxValue("Leader1"); f.Value != "Александар Савић" {
			t.Errorf("Leader1 = %q; want Александар Савић", f.Value)
		}
		rows := a.Section("electoral lists").Blocks[1].Body()
		if rows[6][1] != "Двери за Вождовац" || rows[6][2] != "Бранимир Нешић" {
			t.Errorf("list 7 = %q; want the Cyrillic name and carrier", rows[6])
		}
	})
	t.Run("bullet polls and lead-ins", func(t *testing.T) {
		a := articleFile(t, "kragujevac-2016.txt")
		var kinds []string
		for _, b := range a.Section("opinion polls").Blocks {
			switch b.Kind {
			case Paragraph:
				kinds = append(kinds, "P")
			case List:
				kinds = append(kinds, "L"+strconv.Itoa(len(b.Items)))
			}
		}
		if got := strings.Join(kinds, " "); got != "P L5 P L2 P L4 P L3 P L5" {
			t.Errorf("poll blocks = %s; want P L5 P L2 P L4 P L3 P L5", got)
		}
	})
}

func TestInfoboxEnds(t *testing.T) {
	tests := []struct {
		name, text string
		fields     int
	}{
		{"at a blank line", "= T =\n\nInfobox\n- Seats: 10\n\nProse: after the infobox.\n", 1},
		{"at a heading", "= T =\n\nInfobox\n- Seats: 10\n- Turnout: 50%\n==Results==\nProse.\n", 2},
		{"at the end of the file", "= T =\n\nInfobox\n- Seats: 10", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, tt.text)
			if len(a.Infobox) != tt.fields {
				t.Errorf("Parse(%q) has %d infobox fields; want %d", tt.text, len(a.Infobox), tt.fields)
			}
		})
	}
}
