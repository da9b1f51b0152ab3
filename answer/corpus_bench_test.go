package answer

import (
	"testing"

	"github.com/electionbot/electionbot/data"
	"github.com/electionbot/electionbot/knowledge"
)

func BenchmarkNewCorpus(b *testing.B) {
	es, err := knowledge.Load(data.FS, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		newCorpus(es[0])
	}
}
