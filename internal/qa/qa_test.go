package qa

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		c      Case
		answer string
		ok     bool
	}{
		{"number matches with trailing zero", Case{Groups: [][]string{{"15.7"}}}, "DS won 15.70% of the vote.", true},
		{"number with two thousands separators", Case{Groups: [][]string{{"3612030"}}}, "3,612,030 voters were registered.", true},
		{"number inside a bigger number", Case{Groups: [][]string{{"15.7"}}}, "DS won 115.7 votes.", false},
		{"integer not inside a decimal", Case{Groups: [][]string{{"22"}}}, "DS polled 22.8%.", false},
		{"folded words", Case{Groups: [][]string{{"dragan djilas"}}}, "Led by Dragan Đilas.", true},
		{"Cyrillic answer folds", Case{Groups: [][]string{{"sinisa mali"}}}, "Синиша Мали", true},
		{"alternatives", Case{Groups: [][]string{{"progressive", "sns"}}}, "the SNS coalition", true},
		{"every group needed", Case{Groups: [][]string{{"radical party"}, {"vojislav seselj"}}}, "Serbian Radical Party", false},
		{"refusal said plainly", Case{Refuse: true}, "I couldn't find that in the article.", true},
		{"refusal missing", Case{Refuse: true}, "Turnout was 50.66%.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.c, tt.answer)
			if (got == "") != tt.ok {
				t.Errorf("Check(%v, %q) = %q; want ok=%v", tt.c, tt.answer, got, tt.ok)
			}
		})
	}
}

func TestParse(t *testing.T) {
	in := "# comment\nQ: [cmd] /list 5\nA: radical party | vojislav seselj\n\nQ: [refuse] x?\nA: !refuse\n"
	cases, err := Parse("f.qa.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Category != "cmd" || cases[0].Question != "/list 5" || len(cases[0].Groups) != 2 || !cases[1].Refuse {
		t.Errorf("Parse = %+v", cases)
	}
	if _, err := Parse("f.qa.txt", strings.NewReader("Q: a\nQ: b\n")); err == nil || !strings.Contains(err.Error(), "f.qa.txt:2") {
		t.Errorf("Parse(two questions) error = %v; want f.qa.txt:2", err)
	}
}
