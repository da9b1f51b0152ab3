package lang

import (
	"fmt"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// A Key names one message of the catalogue (keys.go). Every key has a
// text in English (messages_en.go) and in Serbian Latin (messages_sr.go); the
// Serbian Cyrillic text is the Latin one transliterated.
type Key string

// A Text is one message in one language: a fmt format, or plural forms
// chosen by the count in argument Arg (1-based) by the language's CLDR
// rules (Serbian: one for 1, 21, 31 ...; few for 2-4, 22-24 ...; other
// for the rest). English uses One and Other.
//
// Formats are printed by golang.org/x/text/message, which writes %d in
// the language's digits and grouping ("1.000" in Serbian): counts go in
// as %d, but years and the article's figures go in as strings (%s),
// written as the article writes them.
type Text struct {
	Arg int
	// Exactly1 is used for a count of exactly 1, when it reads
	// differently from the One form ("1 election is loaded").
	Exactly1        string
	One, Few, Other string
}

// s is a message without plural forms.
func s(format string) Text { return Text{Other: format} }

// p is an English message whose form depends on the count in argument
// arg: one or other.
func p(arg int, one, other string) Text { return Text{Arg: arg, One: one, Other: other} }

// with1 gives t a form for a count of exactly 1.
func with1(t Text, exactly1 string) Text { t.Exactly1 = exactly1; return t }

// p3 is a Serbian message whose form depends on the count in argument
// arg: one, few or other.
func p3(arg int, one, few, other string) Text {
	return Text{Arg: arg, One: one, Few: few, Other: other}
}

// tags are the x/text language tags of the languages, by Lang.
var tags = [...]language.Tag{
	En:     language.English,
	Sr:     language.MustParse("sr-Latn"),
	SrCyrl: language.MustParse("sr-Cyrl"),
}

// Tag is the language's x/text tag.
func (l Lang) Tag() language.Tag { return tags[l] }

// texts is the catalogue as written: English and Serbian Latin, and
// Serbian Cyrillic made from the Latin.
func texts() [3]map[Key]Text {
	en := join(english, englishContests, englishAcross, englishSources)
	sr := join(serbian, serbianContests, serbianAcross, serbianSources)
	cyr := make(map[Key]Text, len(sr))
	for k, t := range sr {
		cyr[k] = Text{Arg: t.Arg, Exactly1: Transliterate(t.Exactly1), One: Transliterate(t.One), Few: Transliterate(t.Few), Other: Transliterate(t.Other)}
	}
	return [3]map[Key]Text{En: en, Sr: sr, SrCyrl: cyr}
}

// join is one language's catalogue from its parts (messages_*.go): a
// key given twice is the last part's, which the test of keys rules out.
func join(parts ...map[Key]Text) map[Key]Text {
	out := map[Key]Text{}
	for _, p := range parts {
		for k, t := range p {
			out[k] = t
		}
	}
	return out
}

// printers print the catalogue's messages, one per language. They are
// built once and only read.
var printers = build()

func build() [3]*message.Printer {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for l, msgs := range texts() {
		for k, t := range msgs {
			if err := b.Set(tags[l], string(k), t.message()); err != nil {
				panic(fmt.Sprintf("lang: message %s in %s: %v", k, Lang(l), err))
			}
		}
	}
	var out [3]*message.Printer
	for l := range out {
		out[l] = message.NewPrinter(tags[l], message.Catalog(b))
	}
	return out
}

// message is the text as x/text's catalogue takes it.
func (t Text) message() catalog.Message {
	if t.Arg == 0 {
		return catalog.String(t.Other)
	}
	cases := []any{}
	if t.Exactly1 != "" {
		cases = append(cases, "=1", t.Exactly1)
	}
	if t.One != "" {
		cases = append(cases, "one", t.One)
	}
	if t.Few != "" {
		cases = append(cases, "few", t.Few)
	}
	cases = append(cases, "other", t.Other)
	return plural.Selectf(t.Arg, "%d", cases...)
}

// T is message k in l, its verbs filled with args.
func (l Lang) T(k Key, args ...any) string {
	return printers[l].Sprintf(string(k), args...)
}
