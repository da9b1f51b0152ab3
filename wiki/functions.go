package wiki

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/electionbot/electionbot/wiki/wikitext"
)

// setParserFunctions adds the parser functions the converter evaluates,
// and those it says it drops.
func setParserFunctions(set func(templateFunc, ...string)) {
	set(ifFunction, "#if:")
	set(ifeqFunction, "#ifeq:")
	set(switchFunction, "#switch:")
	set(tagFunction, "#tag:")
	set(caseFunction(strings.ToLower), "lc:")
	set(caseFunction(strings.ToUpper), "uc:")
	set(caseFunction(lowerFirst), "lcfirst:")
	set(caseFunction(upperFirst), "ucfirst:")
	set(formatnumFunction, "formatnum:")
	set(func(*converter, *wikitext.Template, rctx, int) string { return "" }, "defaultsort:", "displaytitle:")
	for _, n := range []string{"#expr:", "#ifexpr:", "#ifexist:", "#iferror:", "#time:", "#timel:",
		"#property:", "#statements:", "#titleparts:", "#rel2abs:", "#language:", "#invoke:",
		"plural:", "padleft:", "padright:", "grammar:", "gender:", "int:", "ns:", "fullurl:",
		"localurl:", "canonicalurl:", "urlencode:", "anchorencode:", "filepath:"} {
		set(unevaluated, n)
	}
}

// fnFirst returns what follows the colon in a parser function's name: its
// first argument.
func fnFirst(t *wikitext.Template) []wikitext.Node {
	for i, n := range t.Name {
		tx, ok := n.(*wikitext.Text)
		if !ok {
			continue
		}
		k := strings.IndexByte(tx.Value, ':')
		if k < 0 {
			continue
		}
		rest := []wikitext.Node{&wikitext.Text{Value: tx.Value[k+1:], Pos: tx.Pos + k + 1}}
		return append(rest, t.Name[i+1:]...)
	}
	return nil
}

// fnArg returns a parser function's i-th argument after the first, whole:
// "a=b" is text to it, not a named parameter.
func fnArg(t *wikitext.Template, i int) []wikitext.Node {
	if i < 1 || i > len(t.Args) {
		return nil
	}
	a := t.Args[i-1]
	if a.Name == nil {
		return a.Value
	}
	out := append([]wikitext.Node{}, a.Name...)
	out = append(out, &wikitext.Text{Value: "="})
	return append(out, a.Value...)
}

func ifFunction(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	if c.render(fnFirst(t), ctx, depth) != "" {
		return c.render(fnArg(t, 1), ctx, depth)
	}
	return c.render(fnArg(t, 2), ctx, depth)
}

func ifeqFunction(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	a, b := c.render(fnFirst(t), ctx, depth), c.render(fnArg(t, 1), ctx, depth)
	x, okA := parseNumber(a)
	y, okB := parseNumber(b)
	if a == b || okA && okB && x == y {
		return c.render(fnArg(t, 2), ctx, depth)
	}
	return c.render(fnArg(t, 3), ctx, depth)
}

// switchFunction is {{#switch:value|case=result|case2|case3=result|default}}:
// cases without a result fall through to the next result.
func switchFunction(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	v := c.render(fnFirst(t), ctx, depth)
	matched := false
	var def []wikitext.Node
	hasDef := false
	for i, a := range t.Args {
		if a.Name == nil {
			if c.render(a.Value, ctx, depth) == v {
				matched = true
			}
			if i == len(t.Args)-1 {
				def, hasDef = a.Value, true
			}
			continue
		}
		key := c.render(a.Name, ctx, depth)
		if matched || key == v {
			return c.render(a.Value, ctx, depth)
		}
		if key == "#default" {
			def, hasDef = a.Value, true
		}
	}
	if hasDef && !matched {
		return c.render(def, ctx, depth)
	}
	return ""
}

func tagFunction(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	if name := strings.ToLower(c.render(fnFirst(t), ctxText, depth)); name != "ref" {
		c.warn(t.Pos, "dropped {{#tag:%s}}: not content the converter reads", name)
	}
	return ""
}

func caseFunction(f func(string) string) templateFunc {
	return func(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
		return f(c.render(fnFirst(t), ctx, depth))
	}
}

func formatnumFunction(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	return formatNumberText(c.render(fnFirst(t), ctx, depth))
}

func unevaluated(c *converter, t *wikitext.Template, ctx rctx, depth int) string {
	c.warn(t.Pos, "dropped {{%s}}: a parser function the converter does not evaluate", displayName(t))
	return ""
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
