package wikitext

import (
	"fmt"
	"strings"
	"testing"
)

// dump shows a tree compactly: text as is, templates as {{name|arg|k=v}},
// arguments as {{{name|default}}}, links as [[target|arg]], comments as
// <!--x-->, tags as <name/>, <name>…</name> or </name>.
func dump(nodes []Node) string {
	var b strings.Builder
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			b.WriteString(n.Value)
		case *Comment:
			b.WriteString("<!--" + n.Value + "-->")
		case *Template:
			b.WriteString("{{" + dump(n.Name))
			for _, a := range n.Args {
				b.WriteString("|")
				if a.Name != nil {
					b.WriteString(dump(a.Name) + "=")
				}
				b.WriteString(dump(a.Value))
			}
			b.WriteString("}}")
		case *Argument:
			b.WriteString("{{{" + dump(n.Name))
			if n.HasDefault {
				b.WriteString("|" + dump(n.Default))
			}
			b.WriteString("}}}")
		case *Link:
			b.WriteString("[[" + dump(n.Target))
			for _, a := range n.Args {
				b.WriteString("|" + dump(a))
			}
			b.WriteString("]]")
		case *Tag:
			switch {
			case n.Closing:
				b.WriteString("</" + n.Name + ">")
			case n.SelfClosing:
				b.WriteString("<" + n.Name + "/>")
			case n.Extension:
				b.WriteString("<" + n.Name + ">" + n.Body + "</" + n.Name + ">")
			default:
				b.WriteString("<" + n.Name + ">")
			}
		default:
			fmt.Fprintf(&b, "?%T", n)
		}
	}
	return b.String()
}

// kinds lists the node types of a tree's top level: "T" text, "C"
// comment, "P" template, "A" argument, "L" link, "G" tag.
func kinds(nodes []Node) string {
	var b strings.Builder
	for _, n := range nodes {
		switch n.(type) {
		case *Text:
			b.WriteByte('T')
		case *Comment:
			b.WriteByte('C')
		case *Template:
			b.WriteByte('P')
		case *Argument:
			b.WriteByte('A')
		case *Link:
			b.WriteByte('L')
		case *Tag:
			b.WriteByte('G')
		}
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src, kinds, dump string
	}{
		{"text", "plain text", "T", "plain text"},
		{"template", "a {{b|c|d=e}} f", "TPT", "a {{b|c|d=e}} f"},
		{"nested", "{{a|x={{b|[[c|d]]}}|y}}", "P", "{{a|x={{b|[[c|d]]}}|y}}"},
		{"pipe in link is the link's", "{{a|[[b|c]]|d}}", "P", "{{a|[[b|c]]|d}}"},
		{"equals in nested template", "{{a|{{b|c=d}}}}", "P", "{{a|{{b|c=d}}}}"},
		{"only the first equals splits", "{{a|b=c=d}}", "P", "{{a|b=c=d}}"},
		{"equals in the name is text", "{{#if:x=y|a|b}}", "P", "{{#if:x=y|a|b}}"},
		{"unclosed template is text", "a {{b|c [[d]] e", "TLT", "a {{b|c [[d]] e"},
		{"unclosed keeps inner templates", "{{a|{{b}}", "TP", "{{a|{{b}}"},
		{"argument", "{{{1|default}}}", "A", "{{{1|default}}}"},
		{"five braces", "{{{{{a}}}}}", "P", "{{{{{a}}}}}"},
		{"four braces are text and an argument, as in MediaWiki", "{{{{a}}}}", "TAT", "{{{{a}}}}"},
		{"stray closing", "a}} b]]", "T", "a}} b]]"},
		{"lone brace", "{a} [b]", "T", "{a} [b]"},
		{"triple bracket", "[[[a]]]", "TLT", "[[[a]]]"},
		{"comment", "a<!-- b|c -->d", "TCT", "a<!-- b|c -->d"},
		{"unclosed comment", "a<!-- b", "TC", "a<!-- b-->"},
		{"comment in template", "{{a|b<!--|c-->}}", "P", "{{a|b<!--|c-->}}"},
		{"ref", `x<ref name="a">{{cite|a|b}}</ref>y`, "TGT", "x<ref>{{cite|a|b}}</ref>y"},
		{"ref pipe does not split", "{{a|b<ref>c|d</ref>|e}}", "P", "{{a|b<ref>c|d</ref>|e}}"},
		{"self-closing ref", `x<ref name=a />y`, "TGT", "x<ref/>y"},
		{"unclosed ref is text", "x<ref>y", "T", "x<ref>y"},
		{"ref closed in any case", "<REF>a</Ref >", "G", "<ref>a</ref>"},
		{"nowiki", "<nowiki>{{a}}</nowiki>", "G", "<nowiki>{{a}}</nowiki>"},
		{"br", "a<br />b<br>c", "TGTGT", "a<br/>b<br/>c"},
		{"span with template attribute", `<span style="color:{{party color|X}}">a</span>`, "GTG", "<span>a</span>"},
		{"not a tag", "a < b <3 <brx> <ref:", "T", "a < b <3 <brx> <ref:"},
		{"file link", "[[File:a.png|thumb|A [[b]] c]]", "L", "[[File:a.png|thumb|A [[b]] c]]"},
		{"link in template name part", "{{a [[b]]}}", "P", "{{a [[b]]}}"},
		{"mismatched closer is text", "{{a|[[b}}", "T", "{{a|[[b}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes := Parse(tt.src)
			if got := kinds(nodes); got != tt.kinds {
				t.Errorf("kinds(Parse(%q)) = %s; want %s", tt.src, got, tt.kinds)
			}
			if got := dump(nodes); got != tt.dump {
				t.Errorf("dump(Parse(%q)) = %q; want %q", tt.src, got, tt.dump)
			}
		})
	}
}

func TestTemplateParameters(t *testing.T) {
	nodes := Parse("{{ Infobox election\n| party1 = [[A|B]]\n|2\n| 1 = one\n|seats1=5|3}}")
	tpl := nodes[0].(*Template)
	if got := tpl.NameText(); got != "Infobox election" {
		t.Errorf("NameText() = %q; want %q", got, "Infobox election")
	}
	if v, ok := tpl.Named("party1"); !ok || dump(v) != " [[A|B]]\n" {
		t.Errorf("Named(party1) = %q, %v; want the link", dump(v), ok)
	}
	if _, ok := tpl.Named("party2"); ok {
		t.Error("Named(party2) found; want none")
	}
	pos := tpl.Positional()
	if len(pos) != 2 || dump(pos[0]) != " one\n" || dump(pos[1]) != "3" {
		t.Errorf("Positional() = %d params; want [one 3] (\"1=\" takes the first place)", len(pos))
	}
}

func TestTextIsSourceSlices(t *testing.T) {
	src := "a {{b|c}} {{d|e [[f]] {{g"
	for _, n := range Parse(src) {
		if tx, ok := n.(*Text); ok && src[tx.Pos:tx.Pos+len(tx.Value)] != tx.Value {
			t.Errorf("Text %q at %d is not the source there (%q)", tx.Value, tx.Pos, src[tx.Pos:tx.Pos+len(tx.Value)])
		}
	}
}

func TestLines(t *testing.T) {
	l := NewLines("a\nbc\n\nd")
	for _, tt := range []struct{ off, line int }{{0, 1}, {1, 1}, {2, 2}, {5, 3}, {6, 4}, {99, 4}} {
		if got := l.Line(tt.off); got != tt.line {
			t.Errorf("Line(%d) = %d; want %d", tt.off, got, tt.line)
		}
	}
}
