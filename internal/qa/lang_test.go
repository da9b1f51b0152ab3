package qa

import (
	"strings"
	"testing"
)

func TestParseLanguageGroups(t *testing.T) {
	cases, err := Parse("x.qa.txt", strings.NewReader("Q: [cmd] -lang sr-Cyrl /seats\nA: 63 | !cyr\n\nQ: [sr] Koliko?\nA: !refuse | !sr\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 {
		t.Fatalf("Parse = %d cases; want 2", len(cases))
	}
	if c := cases[0]; c.Question != "/seats" || c.Locale != "sr-Cyrl" || c.Lang != "cyr" || len(c.Groups) != 1 || c.Refuse {
		t.Errorf("case 1 = %+v; want /seats with locale sr-Cyrl, one group, !cyr", c)
	}
	if c := cases[1]; c.Question != "Koliko?" || c.Locale != "" || c.Lang != "sr" || !c.Refuse || len(c.Groups) != 0 {
		t.Errorf("case 2 = %+v; want a Serbian refusal", c)
	}
}

func TestCheckLanguage(t *testing.T) {
	tests := []struct {
		name, lang, answer string
		ok                 bool
	}{
		{"serbian", "sr", "SPS–PUPS–JS (lista 2) je osvojila 16 mandata (11.49%).\nIzvor: 2014 Belgrade City Assembly election, Infobox", true},
		{"english to a serbian question", "sr", "SPS–PUPS–JS (list 2) won 16 seats (11.49%).\nSource: 2014 Belgrade City Assembly election, Infobox", false},
		{"cyrillic", "cyr", "DS coalition (листа 8) је освојила 22 мандата (15.70%).\nИзвор: 2014 Belgrade City Assembly election, Infobox", true},
		{"latin to a cyrillic question", "cyr", "DS coalition (lista 8) je osvojila 22 mandata (15.70%).", false},
		{"serbian is either script", "sr", "Изборни цензус је био 5% гласова.", true},
		{"english", "en", "Turnout was 50.66%.\nSource: 2014 Belgrade City Assembly election", true},
		{"serbian to an english question", "en", "Izlaznost je bila 50.66%.", false},
		{"a serbian frame around an english quote", "sr", "U članku je navedeno: „The election was scheduled in late 2013, after the mayor lost a non-confidence motion in the assembly.“", true},
	}
	for _, tt := range tests {
		if got := checkLang(tt.lang, tt.answer); (got == "") != tt.ok {
			t.Errorf("%s: checkLang(%q, %q) = %q; want ok %v", tt.name, tt.lang, tt.answer, got, tt.ok)
		}
	}
	refuse := Case{Refuse: true, Lang: "sr"}
	for _, a := range []string{"Članak ne navodi broj glasova za DS.", "Чланак то не наводи.", "Nemam učitan članak o izborima 2018. godine, pa ne mogu da odgovorim."} {
		if got := Check(refuse, a); got != "" {
			t.Errorf("Check(refuse, %q) = %q; want a Serbian refusal recognised", a, got)
		}
	}
	if got := Check(refuse, "DS je osvojila 22 mandata."); got == "" {
		t.Error("Check(refuse, an answer) = \"\"; want it to fail")
	}
}
