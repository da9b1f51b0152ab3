package knowledge

import (
	"os"
	"testing"
)

func TestSerbianRoot(t *testing.T) {
	tests := []struct{ a, b string }{
		{"djilasova", "djilas"}, {"djilasu", "djilas"}, {"djilasom", "djilas"}, {"kostunicina", "kostunica"},
		{"kostunice", "kostunica"}, {"vuciceva", "vucic"}, {"seseljevom", "seselj"}, {"dacica", "dacic"},
		{"ivice", "ivica"}, {"socijalisti", "socijalista"},
	}
	for _, tt := range tests {
		if ra, rb := SerbianRoot(tt.a), SerbianRoot(tt.b); ra != rb {
			t.Errorf("SerbianRoot(%q) = %q, SerbianRoot(%q) = %q; want them equal", tt.a, ra, tt.b, rb)
		}
	}
	for _, w := range []string{"putin", "sns", "vucic", "tadic"} {
		if got := SerbianRoot(w); got != w {
			t.Errorf("SerbianRoot(%q) = %q; want it unchanged", w, got)
		}
	}
}

// TestDeclinedNames checks that a name in any Serbian case, or made a
// possessive, finds its list.
func TestDeclinedNames(t *testing.T) {
	f, err := os.Open("../data/belgrade-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Parse("belgrade-2014.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	e := Extract(a, nil)
	tests := []struct{ text, want string }{
		{"Đilasova lista", "DS coalition"},
		{"Đilasu", "DS coalition"},
		{"lista Koštunice", "Democratic Party of Serbia"},
		{"Koštuničina lista", "Democratic Party of Serbia"},
		{"Коштуничина листа", "Democratic Party of Serbia"},
		{"Vučićeva lista", "SNS coalition"},
		{"lista Ivice Dačića", "SPS–PUPS–JS"},
	}
	for _, tt := range tests {
		ms := e.Resolve(tt.text)
		if len(ms) == 0 || ms[0].Contestant.Name != tt.want || !ms[0].Exact {
			t.Errorf("Resolve(%q) = %v; want %s, exactly", tt.text, ms, tt.want)
		}
	}
}
