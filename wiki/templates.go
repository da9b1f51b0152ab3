package wiki

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// A templateFunc renders one template inline.
type templateFunc func(c *converter, t *wikitext.Template, ctx rctx, depth int) string

// inlineTemplates are the templates read inside text, by normalised name
// (see templateName). Parser functions are keyed with their colon
// ("#if:", "formatnum:").
var inlineTemplates map[string]templateFunc

// A blockFunc converts a template that is a block of its own.
type blockFunc func(c *converter, t *wikitext.Template, depth int)

// blockTemplates are the templates that make blocks: infoboxes and
// results tables.
var blockTemplates map[string]blockFunc

// silentTemplates show nothing a reader of the election needs: citations,
// notes, maintenance tags, hatnotes, page furniture and decoration. They
// are dropped without a warning.
var silentTemplates = strings.Fields(`efn efn-ua efn-lr efn-la efn-lg efn-ur notelist
	notelist-ua notelist-lr notelist-la notelist-lg reflist refn ref sfn sfnp sfnm harvnb harv harvp
	r rp citation cite cn fact webarchive engvarb engvara pp pp-protected pp-semi-indef pp-move-indef
	pp-extended clear clr - portal commons commonscat wikiquote wikinews wikisource refimprove
	unreferenced cleanup recentism main further details for about redirect distinguish hatnote
	anchor anchors flagicon flagdeco 0 hs ntsh sortkey tick cross y ya ok aye cbignore bots coord
	dagger dead`)

// silentPhrases are silent templates whose names have spaces.
var silentPhrases = []string{"citation needed", "better source needed", "failed verification",
	"verification needed", "page needed", "full citation needed", "use dmy dates", "use mdy dates",
	"use british english", "use american english", "use canadian english", "use australian english",
	"use oxford spelling", "short description", "good article", "featured article", "toc limit",
	"toc right", "toc left", "clear left", "clear right", "portal bar", "portal-inline",
	"commons category", "commons category-inline", "authority control", "multiple issues",
	"more citations needed", "citation style", "copy edit", "expand section", "empty section",
	"update", "update section", "outdated", "main article", "see also", "further information",
	"other uses", "reflist-talk", "italic title", "lowercase title", "nowrap begin", "nowrap end",
	"col-begin", "col-break", "col-end", "div col", "div col end", "flagicon image", "flag icon",
	"hidden sort key", "sort under", "party color cell", "party colour cell", "ref label",
	"note label", "dead link", "check mark", "checkmark", "x mark", "cite web", "cite news",
	"cite book", "cite journal", "cite press release", "cite report", "cite magazine",
	"cite av media", "cite tweet", "cite interview", "cite encyclopedia", "cite conference",
	"cite thesis", "cite episode", "cite speech", "cite document", "cite map", "cite arxiv",
	"cite mailing list", "cite sign", "cite podcast", "cite court", "cite act", "coord missing",
	"by whom", "according to whom", "when", "who", "which", "vague", "dubious", "clarify",
	"unreliable source?", "self-published inline", "primary source inline", "current",
	"pov", "election results/row", "efn-lower-alpha", "notelist-lower-alpha", "hidden begin",
	"hidden end", "collapse top", "collapse bottom", "cot", "cob", "multiple image", "image frame",
	"wide image", "photomontage", "shy", "wrap", "static row numbers", "sticky header",
	"table alignment", "in lang", "languageicon", "when?", "bare url inline"}

func init() {
	inlineTemplates = map[string]templateFunc{}
	silent := func(c *converter, t *wikitext.Template, ctx rctx, depth int) string { return "" }
	for _, n := range silentTemplates {
		inlineTemplates[n] = silent
	}
	for _, n := range silentPhrases {
		inlineTemplates[n] = silent
	}
	set := func(fn templateFunc, names ...string) {
		for _, n := range names {
			inlineTemplates[n] = fn
		}
	}
	set(keepArg(1), "nowrap", "nobr", "nobreak", "no wrap", "small", "smaller", "big", "larger",
		"large", "midsize", "normal", "em", "strong", "italic", "underline", "u", "strikethrough",
		"strike", "abbr", "abbrlink", "tooltip", "nobold", "noitalic", "small caps", "smallcaps",
		"sc", "sub", "ill", "interlanguage link", "interlanguage link multi", "party index link",
		"party name with color", "party name with colour", "flag", "flagcountry", "flagu",
		"flag country", "sic", "bold", "b", "i", "vanchor", "plain link", "proper name",
		"wikt", "citation needed span", "cn span", "clarify span", "dubious span",
		"vague span", "center", "centre", "right", "left")
	set(firstOf("text", "quote", "1"), "blockquote", "quote", "cquote", "pull quote", "quotation", "quote box")
	set(literal("-"), "nbhyph")
	set(keepArg(2), "lang", "langx", "legend", "legend0", "legend2", "legend inline", "hover title",
		"hovertitle", "color box", "colorbox", "colour box", "sort")
	set(lastArg, "resize", "color", "colour", "font color", "font colour", "colored", "coloured",
		"transl", "transliteration")
	set(literal(" "), "nbsp", "space", "spaces", "thinsp", "hair space", "br", "break")
	set(literal("–"), "ndash", "en dash", "endash")
	set(literal("—"), "mdash", "em dash", "emdash")
	set(literal(" – "), "snd", "spnd", "spaced ndash", "spaced en dash", "spd")
	set(literal(" — "), "spaced mdash", "spaced em dash")
	set(literal(" • "), "•", "dot", "middot", "·", "bull", "bullet")
	set(literal("'"), "'")
	set(literal("|"), "!")
	set(literal("||"), "!!")
	set(literal("="), "=")
	set(sign("+"), "increase", "increasepositive", "increase positive", "increasenegative",
		"increase negative", "up", "gain")
	set(sign("−"), "decrease", "decreasepositive", "decrease positive", "decreasenegative",
		"decrease negative", "down", "loss")
	set(sign("±"), "steady", "nochange", "no change", "same", "steady2")
	set(textOr("Yes"), "yes", "yes2")
	set(textOr("No"), "no", "no2")
	set(textOr("N/A"), "n/a", "na", "n.a.", "n/a2")
	set(textOr("TBA"), "tba")
	set(textOr("TBD"), "tbd")
	set(partyColour, "party color", "party colour")
	set(sup, "sup", "su")
	set(fontTemplate, "font")
	set(sortname, "sortname")
	set(circa, "circa", "c.")
	set(listTemplate, "ubl", "unbulleted list", "ublist", "bulleted list", "blist", "bulleted",
		"hlist", "flatlist", "plainlist", "plain list", "flat list", "collapsible list",
		"columns-list", "cslist", "comma separated list")
	set(convertTemplate, "convert", "cvt")
	set(val, "val")
	set(compositionBar, "composition bar")
	set(percentage, "percentage", "percent")
	set(roundTemplate, "round", "rnd")
	set(numberTemplate, "nts", "formatnum", "ntsn")
	set(pageName, "pagename", "pagenamee", "fullpagename", "basepagename", "subpagename", "articlepagename")
	set(startDate, "start date", "start date and age", "end date", "end date and age", "start-date",
		"date", "election date")
	set(dateTableSorting, "dts", "date table sorting")
	set(pollDates(false), "opdrts")
	set(pollDates(true), "opmdrts")
	set(asOf, "as of")
	for _, n := range []string{"currentyear", "currentmonth", "currentmonthname", "currentday",
		"currenttime", "localyear", "localmonth", "localday", "currentdayname", "revisionyear"} {
		set(changing, n)
	}
	setParserFunctions(set)

	blockTemplates = map[string]blockFunc{
		"election results":         (*converter).electionResults,
		"referendum":               (*converter).referendumTable,
		"#invoke:election results": (*converter).electionResults,
	}
	for _, n := range electionInfoboxes {
		blockTemplates[n] = (*converter).infoboxTemplate
	}
}

// templateName normalises a template's name: lower case, one space for
// runs of spaces and underscores, without "Template:" or "subst:". A
// parser function keeps its colon and loses its argument ("#if:",
// "formatnum:").
func templateName(t *wikitext.Template) string {
	name := strings.ToLower(strings.ReplaceAll(t.NameText(), "_", " "))
	name = strings.Join(strings.Fields(name), " ")
	for changed := true; changed; {
		changed = false
		for _, p := range []string{"template:", "subst:", "safesubst:", "msgnw:", "msg:", "raw:"} {
			if strings.HasPrefix(name, p) {
				name = strings.TrimSpace(name[len(p):])
				changed = true
			}
		}
	}
	if fn, _, ok := strings.Cut(name, ":"); ok && (strings.HasPrefix(fn, "#") || colonFunctions[fn]) {
		if fn == "#invoke" {
			// "#invoke:Election results|main": the module names the table.
			mod, _, _ := strings.Cut(strings.TrimPrefix(name, "#invoke:"), "|")
			return "#invoke:" + strings.TrimSpace(mod)
		}
		return fn + ":"
	}
	return name
}

// colonFunctions are the parser functions written without '#'.
var colonFunctions = map[string]bool{"formatnum": true, "lc": true, "uc": true, "lcfirst": true,
	"ucfirst": true, "padleft": true, "padright": true, "urlencode": true, "anchorencode": true,
	"ns": true, "fullurl": true, "localurl": true, "plural": true, "grammar": true, "int": true,
	"defaultsort": true, "displaytitle": true, "gender": true, "canonicalurl": true, "filepath": true}

// displayName is a template's name as a warning shows it.
func displayName(t *wikitext.Template) string {
	n := strings.Join(strings.Fields(strings.ReplaceAll(t.NameText(), "_", " ")), " ")
	if utf8.RuneCountInString(n) > 60 {
		n = string([]rune(n)[:60]) + "…"
	}
	if n == "" {
		n = "(no name)"
	}
	return n
}

// template renders one template inline.
func (c *converter) template(t *wikitext.Template, ctx rctx, depth int) string {
	if depth > maxDepth {
		c.warn(t.Pos, "dropped {{%s}}: templates nested too deep", displayName(t))
		return ""
	}
	name := templateName(t)
	if fn, ok := inlineTemplates[name]; ok {
		return fn(c, t, ctx, depth)
	}
	switch {
	case strings.HasPrefix(name, "lang-"):
		return c.pos(t, 1, ctx, depth)
	case strings.HasPrefix(name, "party shading/"), strings.HasSuffix(name, "-stub"),
		strings.HasPrefix(name, "cite "), strings.HasPrefix(name, "use "):
		return ""
	case blockTemplates[name] != nil:
		c.warn(t.Pos, "dropped {{%s}}: a table or infobox inside a line of text", displayName(t))
		return ""
	}
	c.warnAs("template "+name, t.Pos, fmt.Sprintf("dropped {{%s}}: not a template the converter reads", displayName(t)))
	return ""
}

// pos renders the i-th positional parameter (1-based).
func (c *converter) pos(t *wikitext.Template, i int, ctx rctx, depth int) string {
	p := t.Positional()
	if i < 1 || i > len(p) {
		return ""
	}
	return c.render(p[i-1], ctx, depth)
}

// named renders a named parameter.
func (c *converter) named(t *wikitext.Template, name string, ctx rctx, depth int) string {
	v, ok := t.Named(name)
	if !ok {
		return ""
	}
	return c.render(v, ctx, depth)
}

func keepArg(i int) templateFunc {
	return func(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
		return c.pos(t, i, ctx, depth)
	}
}

// firstOf renders the first of the parameters given (named, or "1"...)
// that is there.
func firstOf(names ...string) templateFunc {
	return func(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
		for _, n := range names {
			if v, ok := t.Named(n); ok {
				return c.render(v, ctx, depth)
			}
		}
		return ""
	}
}

func lastArg(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return c.pos(t, len(t.Positional()), ctx, depth)
}

func literal(s string) templateFunc {
	return func(*converter, *wikitext.Template, rctx, int) string { return s }
}

// sign marks a sign that joins the number after the template.
func sign(s string) templateFunc {
	return literal(string(signMark) + s)
}

// textOr renders the first parameter, or def without one ({{Yes}},
// {{N/A|Did not run}}).
func textOr(def string) templateFunc {
	return func(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
		if s := c.pos(t, 1, ctx, depth); s != "" {
			return s
		}
		return def
	}
}

// partyColour is {{party color|Party}}: the colour where one is asked for
// and known, else the party's name.
func partyColour(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	name := c.pos(t, 1, ctxText, depth)
	if ctx == ctxColour {
		return c.colourOf(name)
	}
	return name
}

// colourOf returns the colour the aliases give a party, or "". A party's
// article title may carry a qualifier the aliases do not: "Democratic
// Party (Serbia)".
func (c *converter) colourOf(party string) string {
	if c.opt.Colour == nil || party == "" {
		return ""
	}
	if hex := c.opt.Colour(party); hex != "" {
		return hex
	}
	if short := pipeTrick(party); short != party {
		return c.opt.Colour(short)
	}
	return ""
}

func sup(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return c.sup(c.pos(t, 1, ctx, depth), nil, ctx)
}

func fontTemplate(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	if s := c.named(t, "text", ctx, depth); s != "" {
		return s
	}
	return c.pos(t, 1, ctx, depth)
}

func sortname(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return strings.TrimSpace(c.pos(t, 1, ctx, depth) + " " + c.pos(t, 2, ctx, depth))
}

func circa(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return strings.TrimSpace("c. " + c.pos(t, 1, ctx, depth))
}

// listTemplate joins the items of {{ubl|a|b}} or {{plainlist|* a * b}}.
func listTemplate(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	var items []string
	for _, p := range t.Positional() {
		items = append(items, c.items(p, ctx, depth)...)
	}
	return strings.Join(items, ", ")
}

// items renders the lines and bullets of nodes, one string each.
func (c *converter) items(nodes []wikitext.Node, ctx rctx, depth int) []string {
	var out []string
	for _, b := range wikitext.Blocks(nodes) {
		var s string
		switch b := b.(type) {
		case *wikitext.ListItem:
			s = c.render(b.Content, ctx, depth)
		case *wikitext.Paragraph:
			var all []wikitext.Node
			for _, l := range b.Lines {
				all = append(append(all, l...), &wikitext.Text{Value: " "})
			}
			s = c.render(all, ctx, depth)
		case *wikitext.Heading:
			s = c.render(b.Content, ctx, depth)
		case *wikitext.Table:
			c.warn(b.Pos, "dropped a table inside a list or cell")
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func convertTemplate(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return strings.TrimSpace(c.pos(t, 1, ctx, depth) + " " + c.pos(t, 2, ctx, depth))
}

func val(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return strings.TrimSpace(c.pos(t, 1, ctx, depth) + " " + c.named(t, "u", ctx, depth))
}

func compositionBar(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return c.pos(t, 1, ctx, depth) + " / " + c.pos(t, 2, ctx, depth)
}

func pageName(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return c.opt.Title
}

// changing are magic words whose value is the day the page is read: an
// article must not change with it.
func changing(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	c.warn(t.Pos, "dropped {{%s}}: it says when the page is read, not what it is about", displayName(t))
	return ""
}
