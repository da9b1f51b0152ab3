// Package data embeds the articles and aliases electionbot ships with, so
// that the binary answers questions without any files beside it.
package data

import "embed"

// FS holds every *.txt article, the aliases file and the glossary of this
// folder.
//
//go:embed *.txt aliases.tsv glossary.tsv
var FS embed.FS
