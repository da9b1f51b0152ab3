package knowledge

import (
	"strings"
	"testing"
)

func TestParseFigure(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		text  string
		ok    bool
	}{
		{"50.66%", 50.66, "50.66", true},
		{"55.3 %", 55.3, "55.3", true},
		{"All 110 seats in the City Assembly", 110, "110", true},
		{"All 61 seats in the Assembly", 61, "61", true},
		{"30 seats", 30, "30", true},
		{"1,234,567", 1234567, "1,234,567", true},
		{"302,145", 302145, "302,145", true},
		{"15,7", 15.7, "15,7", true},
		{"15.70", 15.7, "15.70", true},
		{"−28", -28, "−28", true},
		{"-5", -5, "−5", true},
		{"–2", -2, "−2", true},
		{"+26", 26, "26", true},
		{"+2.15", 2.15, "2.15", true},
		{"0", 0, "0", true},
		{"new", 0, "", false},
		{"–", 0, "", false},
		{"", 0, "", false},
		{"n/a", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			f, ok := parseFigure(tt.in, "Results")
			if ok != tt.ok {
				t.Fatalf("parseFigure(%q) ok = %v; want %v", tt.in, ok, tt.ok)
			}
			if ok && (f.Value != tt.value || f.Text != tt.text || f.Section != "Results") {
				t.Errorf("parseFigure(%q) = %v %q %q; want %v %q Results", tt.in, f.Value, f.Text, f.Section, tt.value, tt.text)
			}
		})
	}
}

func TestFigureInt(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want int
	}{{15.7, 16}, {15.4, 15}, {-2.5, -3}, {-2.4, -2}, {0, 0}} {
		if got := (&Figure{Value: tt.v}).Int(); got != tt.want {
			t.Errorf("Figure{%v}.Int() = %d; want %d", tt.v, got, tt.want)
		}
	}
	if got := (*Figure)(nil).Int(); got != 0 {
		t.Errorf("nil Figure Int() = %d; want 0", got)
	}
}

func TestWordNumber(t *testing.T) {
	tests := []struct {
		in         string
		value, use int
	}{
		{"twenty-three parties", 23, 1},
		{"twenty three parties", 23, 2},
		{"seven lists", 7, 1},
		{"eleven", 11, 1},
		{"twenty", 20, 1},
		{"ninety-nine", 99, 1},
		{"ten-two", 0, 0},
		{"twenty-eleven", 0, 0},
		{"many lists", 0, 0},
		{"", 0, 0},
	}
	for _, tt := range tests {
		v, n := wordNumber(strings.Fields(tt.in))
		if v != tt.value || n != tt.use {
			t.Errorf("wordNumber(%q) = %d, %d; want %d, %d", tt.in, v, n, tt.value, tt.use)
		}
	}
}

func TestCountWord(t *testing.T) {
	for in, want := range map[string]int{"23": 23, "twenty-three": 23, "twenty three": 23, "the twenty": 20, "eight": 8, "eight electoral": 0, "many": 0} {
		if got := countWord(in); got != want {
			t.Errorf("countWord(%q) = %d; want %d", in, got, want)
		}
	}
}

func TestFormatInt(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 302145: "302,145", 1234567: "1,234,567", -28: "−28", -1000: "−1,000"} {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q; want %q", n, got, want)
		}
	}
}
