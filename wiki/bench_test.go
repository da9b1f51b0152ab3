package wiki

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// largePage builds a page the size of Wikipedia's longest election
// articles (about 1 MB of wikitext): the parliamentary fixture, then
// sections of referenced prose and opinion poll tables with a few hundred
// rows each.
func largePage(b testing.TB) string {
	b.Helper()
	base, err := os.ReadFile(filepath.Join("testdata", "montenegro-2015.wikitext"))
	if err != nil {
		b.Fatal(err)
	}
	var s strings.Builder
	s.Write(base)
	for sec := 0; s.Len() < 1<<20; sec++ {
		fmt.Fprintf(&s, "\n== Region %d ==\n", sec)
		for p := 0; p < 5; p++ {
			fmt.Fprintf(&s, "In region %d the [[Democratic Party of Socialists of Montenegro|DPS]] won '''%d''' votes{{efn|Count of %d.}}, "+
				"ahead of the [[Democratic Front (Montenegro)|DF]].<ref name=\"r%d-%d\">{{cite web|url=https://example.org/%d/%d|title=Results %d}}</ref> "+
				"Turnout was %d.%d%% {{increase}} 1.2 [[percentage point|pp]].\n\n", sec, 1000+p*37, p, sec, p, sec, p, sec, 60+p, sec%10)
		}
		s.WriteString("{| class=\"wikitable sortable\"\n! rowspan=2 | Polling firm !! rowspan=2 | Fieldwork date !! DPS !! DF !! SNP !! rowspan=2 | Lead\n|-\n! style=\"background:#F60\" | !! style=\"background:#00C\" | !! style=\"background:#E00\" |\n")
		for r := 0; r < 200; r++ {
			fmt.Fprintf(&s, "|-\n| [[Ipsos]]<ref>{{cite web|url=https://example.org/p/%d|title=Poll}}</ref> || {{opdrts|%d|%d|Oct|2015|year}} || style=\"background:#B2C8E8\" | '''%d.%d''' || %d.0 || %d.5 || %d\n",
				r, 1+r%20, 2+r%20, 35+r%10, r%10, 20+r%5, 10+r%3, 15+r%7)
		}
		s.WriteString("|}\n")
	}
	return s.String()
}

// BenchmarkConvert measures conversion: each fixture, and a 1 MB page.
func BenchmarkConvert(b *testing.B) {
	pages := map[string]string{"large": largePage(b)}
	for _, p := range fixtures(b) {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages[strings.TrimSuffix(filepath.Base(p), ".wikitext")] = string(src)
	}
	for _, name := range []string{"subotica-2017", "montenegro-2015", "serbia-2010", "vojvodina-2011", "large"} {
		src := pages[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Convert(src, Options{Title: "Benchmark"})
			}
		})
	}
}
