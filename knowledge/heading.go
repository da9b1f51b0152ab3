package knowledge

import "strings"

// What a section's name as a source may add to its heading's title: a
// later infobox inside the section, and figures the extractor computed
// from the section's own.
const (
	infoboxSuffix  = " (infobox)"
	computedSuffix = " (computed from the votes)"
)

// Heading is the title of the article's heading that a source's section
// name ("Results", "Mayor (infobox)") refers to, so that a link can point
// at it; "" for the first infobox and the lead, which sit at the top of
// the page, and for a name that is no heading of the article. Without the
// article (an election read back from a snapshot), a name that is not the
// infobox's or the lead's is taken as its heading.
func (e *Election) Heading(name string) string {
	name = strings.TrimSpace(name)
	for _, suffix := range []string{infoboxSuffix, computedSuffix} {
		name = strings.TrimSuffix(name, suffix)
	}
	if name == "" || name == SectionInfobox || name == SectionLead {
		return ""
	}
	if e == nil || e.Article == nil {
		return name
	}
	for _, s := range e.Article.Sections {
		if s.Title == name {
			return name
		}
	}
	return ""
}
