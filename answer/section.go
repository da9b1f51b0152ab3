package answer

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// sectionWords may stand beside a section's title in a question about the
// section itself ("tell me about the campaign").
var sectionWords = wordSet("section part summary summarise summarize overview info information deo odeljak")

// sectionAnswer answers a question that names a section of the article
// and nothing else ("Tell me about the campaign") with the section's
// opening, or refuses.
func sectionAnswer(s reply.Say, e *knowledge.Election, terms []string) reply.Response {
	for _, sec := range e.Article.Sections {
		if sec.Title == "" || !onlyNames(sec, terms) {
			continue
		}
		if text := opening(sec); text != "" {
			return reply.Response{Text: s.T(lang.PassageFrame, text), Source: reply.SourceOf(e, knowledge.SectionName(sec)), Outcome: reply.Answered, Lang: s.Lang}
		}
	}
	return s.NotInArticle(e, "")
}

// onlyNames reports whether the terms name a section by all the words of
// its title, and nothing else but words about sections.
func onlyNames(s *knowledge.Section, terms []string) bool {
	title := map[string]bool{}
	for _, t := range contentTerms(s.Title) {
		title[t] = true
	}
	named, other := 0, 0
	for _, t := range terms {
		switch {
		case title[t]:
			named++
		case !sectionWords[t]:
			other++
		}
	}
	return named > 0 && other == 0 && named >= len(title)
}

// opening is the first paragraph of a section, up to about 400 bytes of
// whole sentences.
func opening(s *knowledge.Section) string {
	var text string
	for _, b := range s.Blocks {
		if b.Kind != knowledge.Paragraph {
			continue
		}
		for _, sentence := range knowledge.Sentences(b.Text) {
			if len(text)+len(sentence) > 400 && text != "" {
				break
			}
			text = strings.TrimSpace(text + " " + sentence)
		}
		if text != "" {
			return text
		}
	}
	return text
}
