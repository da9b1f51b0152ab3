package lang

// serbianSources is the Serbian (Latin) of keys_sources.go.
var serbianSources = map[Key]Text{
	SourceLinks:        s("Članci: %s"),
	CmdSources:         s("Odakle su članci: linkovi, revizije i licence"),
	CmdSourcesUsage:    s("/sources"),
	TitleSources:       s("Izvori"),
	SourcesLoaded:      with1(p3(1, "Učitan je %d članak.", "Učitana su %d članka.", "Učitano je %d članaka."), "Učitan je jedan članak."),
	SourceNone:         s("Izvor nije zabeležen: datoteka članka ne kaže odakle je njegov tekst."),
	SourceRevision:     s("Revizija %s od %s"),
	SourceRevisionOnly: s("Revizija %s"),
	SourceNoRevision:   s("Revizija nije zabeležena: link vodi na stranicu kakva je sada."),
	SourceRetrieved:    s("preuzeto %s"),
	RevisionSaved:      s("%s, sačuvana %s"),
	RevisionNone:       s("nije zabeležena: link vodi na stranicu kakva je sada"),
	FieldArticle:       s("Članak"),
	FieldRevision:      s("Revizija"),
	FieldRetrieved:     s("Preuzeto"),
	FieldLicence:       s("Licenca"),
}
