package wikitext

import "strings"

// extensionTags are the tags whose body MediaWiki hands to an extension
// instead of parsing it as wikitext: a '|' or "}}" inside a <ref> is the
// reference's, not the template's around it.
var extensionTags = map[string]bool{
	"ref": true, "references": true, "nowiki": true, "pre": true, "math": true,
	"chem": true, "ce": true, "gallery": true, "poem": true, "syntaxhighlight": true,
	"source": true, "timeline": true, "graph": true, "mapframe": true, "maplink": true,
	"templatestyles": true, "templatedata": true, "score": true, "imagemap": true,
	"indicator": true, "categorytree": true, "section": true, "inputbox": true,
	"hiero": true, "charinsert": true, "includeonly": true, "langconvert": true,
	"phonos": true, "chart": true,
}

// htmlTags are the HTML tags wikitext allows; anything else after '<' is
// text ("a < b", "<3").
var htmlTags = map[string]bool{
	"abbr": true, "b": true, "bdi": true, "bdo": true, "big": true, "blockquote": true,
	"br": true, "caption": true, "center": true, "cite": true, "code": true, "data": true,
	"dd": true, "del": true, "dfn": true, "div": true, "dl": true, "dt": true, "em": true,
	"font": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"hr": true, "i": true, "ins": true, "kbd": true, "li": true, "link": true, "mark": true,
	"meta": true, "noinclude": true, "ol": true, "onlyinclude": true, "p": true, "q": true,
	"rb": true, "rp": true, "rt": true, "rtc": true, "ruby": true, "s": true, "samp": true,
	"small": true, "span": true, "strike": true, "strong": true, "sub": true, "sup": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"time": true, "tr": true, "tt": true, "u": true, "ul": true, "var": true, "wbr": true,
}

// voidTags never have a closing tag.
var voidTags = map[string]bool{"br": true, "hr": true, "wbr": true, "meta": true, "link": true}

// maxTagLen bounds how far an HTML tag's attributes may run before the
// '<' is taken for text.
const maxTagLen = 2000

// tag reads a comment or tag at offset i (which holds '<'). It returns how
// many bytes it took (0 when the '<' is text) and the node.
func (p *parser) tag(i int) (int, Node) {
	src := p.src
	if strings.HasPrefix(src[i:], "<!--") {
		end := strings.Index(src[i+4:], "-->")
		if end < 0 {
			return len(src) - i, &Comment{Value: src[i+4:], Pos: i}
		}
		return 4 + end + 3, &Comment{Value: src[i+4 : i+4+end], Pos: i}
	}
	j := i + 1
	closing := j < len(src) && src[j] == '/'
	if closing {
		j++
	}
	k := j
	for k < len(src) && isNameByte(src[k]) {
		k++
	}
	if k == j {
		return 0, nil
	}
	name := strings.ToLower(src[j:k])
	if k < len(src) && !isSpaceByte(src[k]) && src[k] != '>' && src[k] != '/' {
		return 0, nil // "<brx", "<ref:": not a tag
	}
	switch {
	case extensionTags[name]:
		return p.extensionTag(i, k, name, closing)
	case htmlTags[name]:
		return htmlTag(src, i, k, name, closing)
	}
	return 0, nil
}

// extensionTag reads <name attrs>body</name> or <name attrs/>; k is the
// offset after the name.
func (p *parser) extensionTag(i, k int, name string, closing bool) (int, Node) {
	src := p.src
	gt := strings.IndexByte(src[k:min(len(src), k+maxTagLen)], '>')
	if gt < 0 {
		return 0, nil
	}
	attrs := src[k : k+gt]
	open := k + gt + 1
	if closing {
		// A stray closing tag: MediaWiki shows it; nothing here reads it.
		return open - i, &Tag{Name: name, Closing: true, Extension: true, Pos: i}
	}
	if strings.HasSuffix(attrs, "/") {
		return open - i, &Tag{Name: name, Attrs: strings.TrimSpace(strings.TrimSuffix(attrs, "/")), SelfClosing: true, Extension: true, Pos: i}
	}
	if from, ok := p.noClose[name]; ok && open >= from {
		return 0, nil
	}
	end, endLen := findClosing(src, open, name)
	if end < 0 {
		p.noClose[name] = open
		return 0, nil
	}
	return end + endLen - i, &Tag{Name: name, Attrs: strings.TrimSpace(attrs), Body: src[open:end], Extension: true, Pos: i}
}

// findClosing finds "</name>" (any case, spaces before '>') from offset
// from, returning its offset and length, or -1.
func findClosing(src string, from int, name string) (int, int) {
	for at := from; at < len(src); {
		rel := strings.Index(src[at:], "</")
		if rel < 0 {
			return -1, 0
		}
		j := at + rel + 2
		if len(src)-j >= len(name) && strings.EqualFold(src[j:j+len(name)], name) {
			k := j + len(name)
			for k < len(src) && isSpaceByte(src[k]) {
				k++
			}
			if k < len(src) && src[k] == '>' {
				return at + rel, k + 1 - (at + rel)
			}
		}
		at = j
	}
	return -1, 0
}

// htmlTag reads <name attrs>, </name> or <name/>. Attribute values may hold
// templates ("style="background:{{party color|X}}""), whose braces are
// skipped as a whole.
func htmlTag(src string, i, k int, name string, closing bool) (int, Node) {
	depth := 0
	for j := k; j < len(src) && j-i < maxTagLen; j++ {
		switch c := src[j]; {
		case c == '{' && j+1 < len(src) && src[j+1] == '{':
			depth++
			j++
		case c == '}' && j+1 < len(src) && src[j+1] == '}' && depth > 0:
			depth--
			j++
		case c == '<' && depth == 0:
			return 0, nil
		case c == '>' && depth == 0:
			attrs := strings.TrimSpace(src[k:j])
			self := strings.HasSuffix(attrs, "/") || voidTags[name]
			return j + 1 - i, &Tag{Name: name, Attrs: strings.TrimSpace(strings.TrimSuffix(attrs, "/")), Closing: closing, SelfClosing: self && !closing, Pos: i}
		}
	}
	return 0, nil
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
