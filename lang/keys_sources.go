package lang

// The keys of where articles come from: the links of answers
// (bot/telegram, bot/discord), /about's source fields (bot/about.go) and
// /sources (bot/sources.go).
const (
	SourceLinks        Key = "source_links"
	CmdSources         Key = "cmd_sources"
	CmdSourcesUsage    Key = "cmd_sources_usage"
	TitleSources       Key = "title_sources"
	SourcesLoaded      Key = "sources_loaded"
	SourceNone         Key = "source_none"
	SourceRevision     Key = "source_revision"
	SourceRevisionOnly Key = "source_revision_only"
	SourceNoRevision   Key = "source_no_revision"
	SourceRetrieved    Key = "source_retrieved"
	RevisionSaved      Key = "revision_saved"
	RevisionNone       Key = "revision_none"
	FieldArticle       Key = "field_article"
	FieldRevision      Key = "field_revision"
	FieldRetrieved     Key = "field_retrieved"
	FieldLicence       Key = "field_licence"
)
