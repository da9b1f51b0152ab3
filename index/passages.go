package index

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
)

// The kinds of passage, as Hit.Kind reports them.
const (
	KindSentence = "sentence" // a sentence of prose
	KindRow      = "row"      // a table row, "Header: cell; Header: cell"
	KindItem     = "item"     // a bullet of a list
	KindFact     = "fact"     // an infobox line, "Turnout: 50.66%"
	KindPoll     = "poll"     // one party's figure in one poll
)

// A passage is one indexed document: the text a hit shows, and context
// that helps rank it without being shown (its section title and its
// paragraph, or the paragraph that leads into its list, or its poll's
// lead-in).
type passage struct {
	election string
	section  string
	kind     string
	text     string
	context  string
}

// passages turns one election into passages: the article's own
// (knowledge.Article.Passages, so that hits quote the text the engine
// quotes), infobox facts that name their party, and poll figures with
// their pollster and date.
func passages(e *knowledge.Election) []passage {
	a := e.Article
	if a == nil {
		return nil
	}
	var out []passage
	add := func(section, kind, text, context string) {
		if text = strings.TrimSpace(text); text != "" {
			out = append(out, passage{e.ID, section, kind, text, section + "\n" + context})
		}
	}
	for _, f := range infoboxFacts(a) {
		add(knowledge.SectionInfobox, KindFact, f, "")
	}
	// Poll figures are indexed once, as polls; the list items or table
	// rows they were read from are left out.
	pollLines := map[int]bool{}
	for _, p := range e.Polls {
		for _, en := range p.Entries {
			pollLines[en.Line] = true
			add(p.Section, KindPoll, pollText(p, en), p.Lead+"\n"+pollNote(en))
		}
	}
	ps := a.Passages()
	paragraph := paragraphs(ps)
	lead := "" // the last paragraph: a list's lead-in
	for i, p := range ps {
		switch p.Kind {
		case KindSentence:
			add(p.Section, p.Kind, p.Text, paragraph[i])
			lead = paragraph[i]
		case KindItem, KindRow:
			if !pollLines[p.Line] {
				add(p.Section, p.Kind, p.Text, lead)
			}
		}
		// Facts are rendered below with their party; legends explain
		// footnote marks, which rows show resolved.
	}
	return out
}

// paragraphs gives each sentence the text of its paragraph: the sentences
// of one section that share a line.
func paragraphs(ps []knowledge.Passage) []string {
	out := make([]string, len(ps))
	for i := 0; i < len(ps); {
		j := i
		var b strings.Builder
		for ; j < len(ps) && ps[j].Kind == KindSentence && ps[j].Section == ps[i].Section && ps[j].Line == ps[i].Line; j++ {
			b.WriteString(ps[j].Text + " ")
		}
		if j == i {
			i++
			continue
		}
		for k := i; k < j; k++ {
			out[k] = b.String()
		}
		i = j
	}
	return out
}

// infoboxFacts renders infobox lines as "Key: Value". Lines of a numbered
// family name their party ("DS coalition — Seats: 22"), since "Seats2: 22"
// says nothing a search can find by the party's name; the families are
// the ones extraction reads (knowledge.InfoboxKey). Colours are left out:
// they style charts and say nothing about the election.
func infoboxFacts(a *knowledge.Article) []string {
	party := map[int]string{}
	for _, f := range a.Infobox {
		if base, n := knowledge.InfoboxKey(f.Key); n > 0 && knowledge.Fold(base) == "party" {
			party[n] = strings.TrimSpace(f.Value)
		}
	}
	var out []string
	for _, f := range a.Infobox {
		key := strings.TrimSpace(f.Key)
		value := strings.TrimRight(strings.TrimSpace(f.Value), ",;")
		if value == "" || strings.HasPrefix(knowledge.Fold(key), "colo") {
			continue
		}
		base, n := knowledge.InfoboxKey(key)
		switch {
		case n == 0:
			out = append(out, key+": "+value)
		case knowledge.Fold(base) == "party":
			out = append(out, "Party: "+value)
		case party[n] != "":
			out = append(out, party[n]+" — "+base+": "+value)
		default:
			out = append(out, base+": "+value)
		}
	}
	return out
}

// pollText renders one poll figure: "Factor Plus, 20–26 January: SNS
// 37.4%".
func pollText(p *knowledge.Poll, en knowledge.PollEntry) string {
	share := ""
	if en.Share != nil {
		share = strings.TrimSpace(en.Share.Text)
		if !strings.HasSuffix(share, "%") {
			share += "%"
		}
	}
	return strings.TrimSpace(p.Label() + ": " + en.Name + " " + share)
}

// pollNote is unshown context for a figure under the threshold, so that
// "below threshold" finds it.
func pollNote(en knowledge.PollEntry) string {
	if en.BelowThreshold {
		return "below threshold"
	}
	return ""
}
