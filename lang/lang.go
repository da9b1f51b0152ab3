// Package lang is the language the bot speaks: the message catalogue of
// every user-facing string (catalog.go, keys.go, messages_en.go, messages_sr.go) in
// English, Serbian Latin and Serbian Cyrillic, with CLDR plural rules
// from golang.org/x/text; the language of a message told from its words
// (detect.go); platform locales mapped to a reply language (locale.go);
// and Serbian Latin written in Cyrillic (cyrillic.go): the catalogue's
// text exactly, article text by a rule that keeps English, URLs and
// numbers as they are. The Cyrillic catalogue is derived from the Latin
// one, so translators keep one Serbian text.
package lang

// A Lang is a language and script the bot replies in.
type Lang uint8

// The languages the bot speaks. Croatian, Bosnian and Montenegrin
// questions get Serbian Latin replies.
const (
	En     Lang = iota // English
	Sr                 // Serbian, Latin script
	SrCyrl             // Serbian, Cyrillic script
)

// All lists the languages, for tests and for menus registered per
// language.
var All = []Lang{En, Sr, SrCyrl}

// String is the language's BCP 47 tag as the -lang flag takes it.
func (l Lang) String() string {
	switch l {
	case Sr:
		return "sr"
	case SrCyrl:
		return "sr-Cyrl"
	}
	return "en"
}

// Serbian reports whether l is Serbian in either script.
func (l Lang) Serbian() bool { return l == Sr || l == SrCyrl }
