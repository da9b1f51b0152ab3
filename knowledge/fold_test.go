package knowledge

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dragan Đilas", "dragan djilas"},
		{"Dragan Djilas", "dragan djilas"},
		{"đilas", "djilas"},
		{"ĐILAS", "djilas"},
		{"Драган Ђилас", "dragan djilas"},
		{"Mlađan Dinkić", "mladjan dinkic"},
		{"Mlađan Dinkič", "mladjan dinkic"},
		{"Млађан Динкић", "mladjan dinkic"},
		{"Šešelj Žižek Čačak", "seselj zizek cacak"},
		{"Љубљана Њива Џак", "ljubljana njiva dzak"},
		{"ДСС", "dss"},
		{"István Pásztor", "istvan pasztor"},
		{"Ottó Szőke", "otto szoke"},
		{"e\u0301lection", "election"},     // combining acute
		{"Vuc\u030cic\u0301", "vucic"},     // combining caron and acute
		{"Dji\u200blas", "djilas"},         // zero-width space
		{"\ufeffSNS", "sns"},               // byte-order mark
		{"soft\u00adhyphen", "softhyphen"}, // soft hyphen
		{"ＳＮＳ：４３％", "sns:43%"},             // full-width letters, digits and signs
		{"４３.６２", "43.62"},                 // full-width digits
		{"٤٣", "43"},                       // Arabic-Indic digits
		{"SPS–PUPS—JS", "sps-pups-js"},     // dashes
		{"“Patriotic Front”", "\"patriotic front\""},
		{"It’s enough", "it's enough"},
		{"50\u00a0%", "50 %"},
		{"plain ascii", "plain ascii"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldInvalidUTF8(t *testing.T) {
	if got := Fold("Vo\xbedovac"); got != "vodovac" {
		t.Errorf("Fold(invalid) = %q; want the invalid byte dropped", got)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Dragan Đilas", []string{"dragan", "djilas"}},
		{"It's enough", []string{"it", "enough"}},
		{"Vučić's list", []string{"vucic", "list"}},
		{"rock'n'roll", []string{"rocknroll"}},
		{"SPS–PUPS–JS", []string{"sps", "pups", "js"}},
		{"15.70% of votes", []string{"15.70", "of", "votes"}},
		{"15,7 percent", []string{"15.7", "percent"}},
		{"302,145 voters", []string{"302145", "voters"}},
		{"1, 2 and 3", []string{"1", "2", "and", "3"}},
		{"end.", []string{"end"}},
		{"Двери за Вождовац", []string{"dveri", "za", "vozdovac"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := FoldTokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("FoldTokens(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestContainsWord(t *testing.T) {
	for _, tt := range []struct {
		text, phrase string
		want         bool
	}{
		{"election results", "results", true},
		{"results", "res", false},
		{"opinion polls", "opinion polls", true},
		{"opinion polls", "", false},
	} {
		if got := containsWord(tt.text, tt.phrase); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v; want %v", tt.text, tt.phrase, got, tt.want)
		}
	}
}
