package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

var (
	sourcesRevision = revisionWords{lang.SourceRevision, lang.SourceRevisionOnly, lang.SourceNoRevision}
	aboutRevision   = revisionWords{lang.RevisionSaved, "", lang.RevisionNone}
)

// SourceSummary is one article's lines of /sources: its link, its
// revision and when it was fetched, and its credit.
func SourceSummary(say reply.Say, s *knowledge.Source) string {
	if s == nil {
		return say.T(lang.SourceNone)
	}
	lines := []string{sourceURL(s)}
	rev := revision(say, s, sourcesRevision)
	if !s.Retrieved.IsZero() {
		rev += ", " + say.T(lang.SourceRetrieved, sourceTime(s.Retrieved))
	}
	lines = append(lines, rev)
	if cr := Credit(s, " "); cr != "" {
		lines = append(lines, cr)
	}
	return strings.Join(lines, "\n")
}

// SourceFields are /about's lines of where the article comes from: the
// link, the revision and when it was saved, when it was fetched, and the
// credit its licence asks for. None when the article records no source.
func SourceFields(say reply.Say, s *knowledge.Source) []reply.Field {
	if s == nil {
		return nil
	}
	fields := []reply.Field{
		{Name: say.T(lang.FieldArticle), Value: sourceURL(s)},
		{Name: say.T(lang.FieldRevision), Value: revision(say, s, aboutRevision)},
	}
	if !s.Retrieved.IsZero() {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldRetrieved), Value: sourceTime(s.Retrieved)})
	}
	if cr := Credit(s, "\n"); cr != "" {
		fields = append(fields, reply.Field{Name: say.T(lang.FieldLicence), Value: cr})
	}
	return fields
}

// sourceURL is the address an article records, as it may be linked.
func sourceURL(s *knowledge.Source) string {
	if u := reply.LinkURL(s.URL); u != "" {
		return u
	}
	return s.URL
}

// revisionWords are the phrases that say which revision an article was
// taken from: /sources says it in a line of its own, /about after the
// field's name (where the revision alone is its number: only is "").
type revisionWords struct{ saved, only, none lang.Key }

// revision says which revision of the page the article was taken from
// and when it was saved, or that it records none.
func revision(say reply.Say, s *knowledge.Source, w revisionWords) string {
	id := strconv.FormatInt(s.Revision, 10)
	switch {
	case s.Revision > 0 && !s.RevisionTime.IsZero():
		return say.T(w.saved, id, sourceTime(s.RevisionTime))
	case s.Revision > 0 && w.only == "":
		return id
	case s.Revision > 0:
		return say.T(w.only, id)
	}
	return say.T(w.none)
}

// Credit is the attribution the licence asks for and the licence's
// address, joined by sep; "" when the article records neither.
func Credit(s *knowledge.Source, sep string) string {
	var parts []string
	if cr := s.Credit(); cr != "" {
		parts = append(parts, cr)
	}
	if u := reply.LinkURL(s.LicenceURL); u != "" {
		parts = append(parts, u)
	}
	return strings.Join(parts, sep)
}

// sourceTime writes a time as the Source block does (RFC 3339, UTC): one
// token, the same in every language and script.
func sourceTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
