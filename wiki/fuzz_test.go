package wiki

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/electionbot/electionbot/knowledge"
)

// FuzzConvert checks that any wikitext converts without a panic into an
// article the bot's parser accepts: whatever the page holds, the file
// import writes loads.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"{{Infobox election|party1=[[A|B]]|seats1=3}}\n== Results ==\n{{Election results|party1=A|votes1=10|invalid=1}}",
		"{|\n! a !! b\n|-\n| 1 || 2\n|}",
		"= Title =\n|x|\n^{M}\n^{M} — legend\nInfobox\nSource\n- a: b",
		"{{opdrts|30|2|1|2020}} {{increase}} 5 <sup>M</sup> [http://x y] '''b'''",
	} {
		f.Add(s)
	}
	for _, p := range fixtures(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	src := NewSource(DefaultAPIURL, "T", 1, time.Unix(0, 0), time.Unix(0, 0))
	f.Fuzz(func(t *testing.T, wikitext string) {
		for _, opt := range []Options{{}, {Title: "2014 Belgrade City Assembly election", Source: src}} {
			res := Convert(wikitext, opt)
			a, err := knowledge.Parse("fuzz.txt", strings.NewReader(res.Text))
			if err != nil {
				t.Fatalf("Convert(%q) wrote an article the parser refuses: %v\n%s", wikitext, err, res.Text)
			}
			if len(wikitext) < 4096 {
				// Extract has its own fuzz test; on long inputs it would
				// take most of this one's time.
				knowledge.Extract(a, nil)
			}
			if opt.Source != nil && (a.Source == nil || a.Source.Revision != 1) {
				t.Fatalf("Convert(%q) lost its source block: %+v", wikitext, a.Source)
			}
		}
	})
}
