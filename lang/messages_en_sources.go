package lang

// englishSources is the English of keys_sources.go.
var englishSources = map[Key]Text{
	SourceLinks:        s("Articles: %s"),
	CmdSources:         s("Where the articles come from: links, revisions and licences"),
	CmdSourcesUsage:    s("/sources"),
	TitleSources:       s("Sources"),
	SourcesLoaded:      with1(p(1, "%d article is loaded.", "%d articles are loaded."), "One article is loaded."),
	SourceNone:         s("No recorded source: the article file does not say where its text comes from."),
	SourceRevision:     s("Revision %s of %s"),
	SourceRevisionOnly: s("Revision %s"),
	SourceNoRevision:   s("No revision recorded: the link is to the page as it is now."),
	SourceRetrieved:    s("retrieved %s"),
	RevisionSaved:      s("%s, saved %s"),
	RevisionNone:       s("not recorded: the link is to the page as it is now"),
	FieldArticle:       s("Article"),
	FieldRevision:      s("Revision"),
	FieldRetrieved:     s("Retrieved"),
	FieldLicence:       s("Licence"),
}
