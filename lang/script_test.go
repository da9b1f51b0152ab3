package lang

import (
	"strings"
	"testing"

	"github.com/electionbot/electionbot/knowledge"
)

func TestTransliterate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Članak ne navodi broj glasova za DS.", "Чланак не наводи број гласова за ДС."},
		{"Ljubljana, Njegoš, džep, LJUBAV", "Љубљана, Његош, џеп, ЉУБАВ"},
		{"injekcija i konjunkcija", "инјекција и конјункција"},
		{"Mandati — %s: %d od %[2]d", "Мандати — %s: %d од %[2]d"},
		{"Pošaljite /list ponovo, ili /party <ime>.", "Пошаљите /list поново, или /party <име>."},
		{"Đurđević", "Ђурђевић"},
		{"otkucajte „quit“", "откуцајте „quit“"},
	}
	for _, tt := range tests {
		if got := Transliterate(tt.in); got != tt.want {
			t.Errorf("Transliterate(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestScript(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"serbian name", "Aleksandar Vučić", "Александар Вучић"},
		{"serbian party abbreviation", "SNS", "СНС"},
		{"abbreviations in parentheses", "Aleksandar Vučić — Future we believe in (SNS, SDPS, NS)", "Александар Вучић — Future we believe in (СНС, СДПС, НС)"},
		{"english party name stays", "Serbian Progressive Party", "Serbian Progressive Party"},
		{"english word stays", "Independent", "Independent"},
		{"english phrase with an abbreviation stays", "SNS coalition", "SNS coalition"},
		{"foreign letters stay", "István Pásztor", "István Pásztor"},
		{"foreign name stays", "Michael Johnson", "Michael Johnson"},
		{"english pollster stays", "Factor Plus, 20–26 January: 22.8%", "Factor Plus, 20–26 January: 22.8%"},
		{"serbian pollster", "Faktor plus", "Фактор плус"},
		{"title stays", "2014 Belgrade City Assembly election", "2014 Belgrade City Assembly election"},
		{"numbers and dates stay", "16 March 2014, 50.66%", "16 March 2014, 50.66%"},
		{"figures kept in a serbian phrase", "Dveri 3.58%", "Двери 3.58%"},
		{"url stays", "Izvor: https://en.wikipedia.org/wiki/Belgrade", "Извор: https://en.wikipedia.org/wiki/Belgrade"},
		{"url with brackets and commas stays", "Članak: https://sr.wikipedia.org/wiki/Izbori_(Beograd),_2014 i Beograd", "Чланак: https://sr.wikipedia.org/wiki/Izbori_(Beograd),_2014 и Београд"},
		{"permanent link stays", "https://en.wikipedia.org/w/index.php?title=Izbori&oldid=12#Rezultati", "https://en.wikipedia.org/w/index.php?title=Izbori&oldid=12#Rezultati"},
		{"command stays", "Pošaljite /list ponovo", "Пошаљите /list поново"},
		{"roman numeral stays", "Jovan II Deretić", "Јован II Деретић"},
		{"dj without its stroke", "Djilas", "Ђилас"},
		{"hyphenated abbreviations", "SPS–PUPS–JS", "СПС–ПУПС–ЈС"},
		{"already cyrillic", "Мандати — СНС", "Мандати — СНС"},
		{"mixed cyrillic frame", "Листа 8: With the Democratic Party for a democratic Belgrade - Dragan Đilas", "Листа 8: With the Democratic Party for a democratic Belgrade - Драган Ђилас"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SrCyrl.Script(tt.in); got != tt.want {
				t.Errorf("SrCyrl.Script(%q) = %q; want %q", tt.in, got, tt.want)
			}
			if got := Sr.Script(tt.in); got != tt.in {
				t.Errorf("Sr.Script(%q) = %q; want it unchanged", tt.in, got)
			}
		})
	}
}

// FuzzScript checks that writing in Cyrillic never changes what a text
// says: folded (which reads Cyrillic as Latin), it is the same text.
func FuzzScript(f *testing.F) {
	for _, s := range []string{"Aleksandar Vučić — Future (SNS, SDPS)", "Djilas 15.7%", "Ljubljana NJ dž", "/seats www.rts.rs", "%[2]d %", "ǅ ǈ ǋ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SrCyrl.Script(s)
		if knowledge.Fold(got) != knowledge.Fold(s) {
			t.Errorf("Fold(Script(%q)) = %q; want %q", s, knowledge.Fold(got), knowledge.Fold(s))
		}
		if Transliterate(s) == "" && s != "" {
			t.Errorf("Transliterate(%q) is empty", s)
		}
	})
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in       string
		fallback Lang
		want     Lang
	}{
		{"Koliko mandata je osvojio SPS?", En, Sr},
		{"ko je bio gradonacelnik pre izbora", En, Sr},
		{"Колико мандата је освојио ДС?", En, SrCyrl},
		{"Који је био цензус?", Sr, SrCyrl},
		{"Who won the election?", Sr, En},
		{"How many seats did Đilas win?", Sr, En},
		{"Tko je pobijedio u drugom krugu?", En, Sr},
		{"Kolika je bila izlaznost", En, Sr},
		{"koliko glasova je dobila lista broj 3", En, Sr},
		{"Đilasova lista", En, Sr},
		{"SNS?", Sr, Sr},
		{"SNS?", En, En},
		{"Đilas 2014", SrCyrl, SrCyrl},
		{"", Sr, Sr},
		{"How many seats did СНС win?", Sr, En},
	}
	for _, tt := range tests {
		if got := Detect(tt.in, tt.fallback); got != tt.want {
			sr, en := Score(tt.in)
			t.Errorf("Detect(%q, %s) = %s; want %s (scores sr %d, en %d)", tt.in, tt.fallback, got, tt.want, sr, en)
		}
	}
}

func TestLocales(t *testing.T) {
	for _, tt := range []struct {
		locale string
		want   Lang
	}{{"sr", Sr}, {"hr", Sr}, {"bs", Sr}, {"me", Sr}, {"sr-Cyrl", SrCyrl}, {"sr-Latn-RS", Sr}, {"en-US", En}, {"de", En}, {"", En}} {
		if got := FromLocale(tt.locale); got != tt.want {
			t.Errorf("FromLocale(%q) = %s; want %s", tt.locale, got, tt.want)
		}
	}
	for _, tt := range []struct {
		v    string
		want Lang
		ok   bool
	}{{"sr_RS.UTF-8", SrCyrl, true}, {"sr_RS.UTF-8@latin", Sr, true}, {"hr_HR.UTF-8", Sr, true}, {"en_GB.UTF-8", En, true}, {"C.UTF-8", En, false}, {"", En, false}} {
		if got, ok := FromPOSIX(tt.v); got != tt.want || ok != tt.ok {
			t.Errorf("FromPOSIX(%q) = %s, %v; want %s, %v", tt.v, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		s    string
		want Lang
		ok   bool
	}{{"en", En, true}, {"sr", Sr, true}, {"sr-Latn", Sr, true}, {"SR_cyrl", SrCyrl, true}, {"de", En, false}} {
		got, err := Parse(tt.s)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("Parse(%q) = %s, %v; want %s, ok %v", tt.s, got, err, tt.want, tt.ok)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		l        Lang
		in, want string
	}{
		{Sr, "16 March 2014", "16. marta 2014. (16 March 2014)"},
		{SrCyrl, "March 16, 2014", "16. марта 2014. (March 16, 2014)"},
		{En, "16 March 2014", "16 March 2014"},
		{Sr, "early 2014", "early 2014"},
		{Sr, "16 Smarch 2014", "16 Smarch 2014"},
	}
	for _, tt := range tests {
		if got := tt.l.Date(tt.in); got != tt.want {
			t.Errorf("%s.Date(%q) = %q; want %q", tt.l, tt.in, got, tt.want)
		}
	}
}

// FuzzDetect checks that any message gets one of the languages, and that
// a message with Cyrillic letters only is told as Cyrillic.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"Koliko mandata je osvojio SPS?", "Колико мандата", "Who won?", "SNS?", "", "\xff\xfe", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fb := range All {
			got := Detect(s, fb)
			if got > SrCyrl {
				t.Fatalf("Detect(%q, %s) = %d; want one of the languages", s, fb, got)
			}
			if s != "" && strings.Trim(s, "абвгдђежзијклљмнњопрстћуфхцчџш ") == "" && strings.TrimSpace(s) != "" && got != SrCyrl {
				t.Errorf("Detect(%q, %s) = %s; want sr-Cyrl", s, fb, got)
			}
		}
		if _, err := Parse(s); err == nil && FromLocale(s) > SrCyrl {
			t.Errorf("Parse(%q) took a language FromLocale cannot give", s)
		}
	})
}
