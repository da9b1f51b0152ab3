// Package data embeds the articles and aliases electionbot ships with, so
// that the binary answers questions without any files beside it.
package data

import "embed"

// FS holds every *.txt article and the aliases file of this folder.
//
//go:embed *.txt aliases.tsv
var FS embed.FS
