package apispec

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

//go:embed testdata/telegram-bot-api.json
var telegramBotAPI []byte

// TelegramSpec is the Telegram Bot API as its official description gives
// it: every method and type with its fields. Check holds a request to it.
type TelegramSpec struct {
	Version string                     `json:"version"`
	Methods map[string]*TelegramMethod `json:"methods"`
	Types   map[string]*TelegramType   `json:"types"`

	// methodsFold finds methods by lower-case name: the Bot API ignores
	// the case of method names.
	methodsFold map[string]*TelegramMethod
}

// A TelegramMethod is one Bot API method and its parameters.
type TelegramMethod struct {
	Name    string          `json:"name"`
	Fields  []TelegramField `json:"fields"`
	Returns []string        `json:"returns"`
}

// A TelegramType is an object type. A type with Subtypes is a union: a
// value is one of them.
type TelegramType struct {
	Name        string          `json:"name"`
	Description []string        `json:"description"`
	Fields      []TelegramField `json:"fields"`
	Subtypes    []string        `json:"subtypes"`
}

// A TelegramField is a method parameter or an object field. Types are the
// spec's own words: "Integer", "String", "Boolean", "Float", "True",
// "InputFile", "Array of X", or a type name.
type TelegramField struct {
	Name        string   `json:"name"`
	Types       []string `json:"types"`
	Required    bool     `json:"required"`
	Description string   `json:"description"`
}

// LoadTelegram reads the Bot API description kept in testdata.
func LoadTelegram() (*TelegramSpec, error) {
	var s TelegramSpec
	if err := json.Unmarshal(telegramBotAPI, &s); err != nil {
		return nil, fmt.Errorf("parse telegram-bot-api.json: %w", err)
	}
	if len(s.Methods) == 0 || len(s.Types) == 0 {
		return nil, errors.New("parse telegram-bot-api.json: no methods or types")
	}
	s.methodsFold = make(map[string]*TelegramMethod, len(s.Methods))
	for name, m := range s.Methods {
		s.methodsFold[strings.ToLower(name)] = m
	}
	return &s, nil
}

// Method returns the named method, matched as the Bot API does (ignoring
// case), or nil.
func (s *TelegramSpec) Method(name string) *TelegramMethod {
	return s.methodsFold[strings.ToLower(name)]
}

// A TelegramCall is one request to the Bot API as a server reads it: the
// method from the path /bot<token>/<method>, and every parameter as text.
// Objects and arrays are JSON text, as the Bot API expects them in form
// fields; uploaded files are kept apart.
type TelegramCall struct {
	Token  string
	Method string
	Params map[string]string
	Files  map[string]TelegramFile
}

// A TelegramFile is an uploaded file of a multipart request.
type TelegramFile struct {
	Filename string
	Data     []byte
}

var telegramPath = regexp.MustCompile(`^/bot([^/]+)/([A-Za-z0-9_]+)$`)

// maxTelegramRequest bounds what ReadTelegramCall reads; Bot API uploads
// are limited to 50 MB, tests send far less.
const maxTelegramRequest = 64 << 20

// ReadTelegramCall reads a Bot API request in any of the forms the Bot API
// accepts: a query string, application/x-www-form-urlencoded,
// multipart/form-data or application/json.
func ReadTelegramCall(r *http.Request) (*TelegramCall, error) {
	m := telegramPath.FindStringSubmatch(r.URL.Path)
	if m == nil {
		return nil, fmt.Errorf("path %q is not /bot<token>/<method>", r.URL.Path)
	}
	c := &TelegramCall{Token: m[1], Method: m[2], Params: map[string]string{}, Files: map[string]TelegramFile{}}
	add := func(name, value string) error {
		if _, dup := c.Params[name]; dup {
			return fmt.Errorf("parameter %q given twice", name)
		}
		c.Params[name] = value
		return nil
	}
	for name, vs := range r.URL.Query() {
		for _, v := range vs {
			if err := add(name, v); err != nil {
				return nil, err
			}
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxTelegramRequest))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return c, nil
	}
	ct, ctParams, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, fmt.Errorf("content type %q: %w", r.Header.Get("Content-Type"), err)
	}
	switch ct {
	case "application/json":
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return nil, fmt.Errorf("json body: %w", err)
		}
		for name, raw := range obj {
			v := string(raw)
			var s string
			if json.Unmarshal(raw, &s) == nil {
				v = s
			}
			if err := add(name, v); err != nil {
				return nil, err
			}
		}
	case "application/x-www-form-urlencoded":
		r2 := r.Clone(r.Context())
		r2.Body = io.NopCloser(bytes.NewReader(body))
		r2.URL.RawQuery = ""
		if err := r2.ParseForm(); err != nil {
			return nil, fmt.Errorf("form body: %w", err)
		}
		for name, vs := range r2.PostForm {
			for _, v := range vs {
				if err := add(name, v); err != nil {
					return nil, err
				}
			}
		}
	case "multipart/form-data":
		if err := readTelegramMultipart(c, body, ctParams["boundary"], add); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("content type %q is not one the Bot API accepts", ct)
	}
	return c, nil
}

func readTelegramMultipart(c *TelegramCall, body []byte, boundary string, add func(string, string) error) error {
	if boundary == "" {
		return errors.New("multipart body without boundary")
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return fmt.Errorf("multipart part %q: %w", p.FormName(), err)
		}
		name := p.FormName()
		if name == "" {
			return errors.New("multipart part without a name")
		}
		if p.FileName() != "" {
			if _, dup := c.Files[name]; dup {
				return fmt.Errorf("file %q given twice", name)
			}
			c.Files[name] = TelegramFile{Filename: p.FileName(), Data: data}
			continue
		}
		if err := add(name, string(data)); err != nil {
			return err
		}
	}
}

// Check reports every way the call differs from the Bot API description:
// an unknown method, a missing required parameter, an unknown parameter,
// a value of the wrong type (down into JSON-serialized objects and
// arrays), and the limits the descriptions state (lengths in characters
// after entity parsing, bytes, allowed characters, exactly-one-of rules).
// Text in HTML parse mode must be valid Telegram HTML.
func (s *TelegramSpec) Check(c *TelegramCall) error {
	m := s.Method(c.Method)
	if m == nil {
		return fmt.Errorf("%s: no such Bot API method", c.Method)
	}
	v := &telegramChecker{spec: s, call: c}
	fields := map[string]TelegramField{}
	for _, f := range m.Fields {
		fields[f.Name] = f
	}
	names := make([]string, 0, len(c.Params))
	for name := range c.Params {
		names = append(names, name)
	}
	sort.Strings(names)
	sibling := func(name string) (any, bool) {
		x, ok := c.Params[name]
		return x, ok
	}
	for _, name := range names {
		f, ok := fields[name]
		if !ok {
			v.bad(name, "unknown parameter")
			continue
		}
		if _, isFile := c.Files[name]; isFile {
			v.bad(name, "given both as a value and as a file")
			continue
		}
		v.param(m.Fields, f, c.Params[name], sibling)
	}
	for name := range c.Files {
		f, ok := fields[name]
		switch {
		case ok && slices.Contains(f.Types, "InputFile"):
		case ok:
			v.bad(name, "is a file, but the parameter is %s", strings.Join(f.Types, " or "))
		case !v.attached(name):
			v.bad(name, "uploaded file is neither a parameter nor referenced as attach://%s", name)
		}
	}
	for _, f := range m.Fields {
		_, inParams := c.Params[f.Name]
		_, inFiles := c.Files[f.Name]
		if f.Required && !inParams && !inFiles {
			v.bad(f.Name, "required parameter missing")
		}
	}
	if len(v.errs) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %s", m.Name, strings.Join(v.errs, "; "))
}

type telegramChecker struct {
	spec *TelegramSpec
	call *TelegramCall
	errs []string
}

func (v *telegramChecker) bad(at, format string, args ...any) {
	v.errs = append(v.errs, at+": "+fmt.Sprintf(format, args...))
}

// attached reports whether some parameter refers to an uploaded file by
// "attach://name" (InputMedia and stickers do).
func (v *telegramChecker) attached(name string) bool {
	for _, p := range v.call.Params {
		if strings.Contains(p, "attach://"+name) {
			return true
		}
	}
	return false
}

// param checks one form parameter: text that must read as one of the
// field's types.
func (v *telegramChecker) param(siblings []TelegramField, f TelegramField, raw string, sibling func(string) (any, bool)) {
	var firstErrs []string
	for _, t := range f.Types {
		var errs []string
		var value any
		switch t {
		case "String":
			value = raw
		case "Integer":
			if _, err := strconv.ParseInt(raw, 10, 64); err != nil {
				errs = append(errs, fmt.Sprintf("%q is not an Integer", raw))
			}
			value = json.Number(raw)
		case "Float":
			if _, err := strconv.ParseFloat(raw, 64); err != nil {
				errs = append(errs, fmt.Sprintf("%q is not a Float", raw))
			}
			value = json.Number(raw)
		case "Boolean":
			if raw != "true" && raw != "false" {
				errs = append(errs, fmt.Sprintf("%q is not a Boolean (true or false)", raw))
			}
		case "True":
			if raw != "true" {
				errs = append(errs, fmt.Sprintf("%q is not True", raw))
			}
		case "InputFile":
			name, ok := strings.CutPrefix(raw, "attach://")
			if _, up := v.call.Files[name]; !ok || !up {
				errs = append(errs, "an InputFile must be uploaded as a file part")
			}
		default:
			d := json.NewDecoder(strings.NewReader(raw))
			d.UseNumber()
			if err := d.Decode(&value); err != nil {
				errs = append(errs, fmt.Sprintf("%s must be JSON-serialized: %v", t, err))
				break
			}
			if d.More() {
				errs = append(errs, fmt.Sprintf("%s: trailing data after the JSON value", t))
				break
			}
			errs = v.spec.checkJSON(t, value, f.Name)
		}
		if len(errs) == 0 {
			v.errs = append(v.errs, v.spec.checkLimits(siblings, f, value, sibling, f.Name)...)
			return
		}
		if firstErrs == nil {
			firstErrs = errs
		}
	}
	if len(f.Types) > 1 {
		v.bad(f.Name, "is not %s: %s", strings.Join(f.Types, " or "), strings.Join(firstErrs, "; "))
		return
	}
	v.errs = append(v.errs, prefixAll(f.Name, firstErrs)...)
}

func prefixAll(at string, errs []string) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		if strings.HasPrefix(e, at) {
			out[i] = e
		} else {
			out[i] = at + ": " + e
		}
	}
	return out
}

// checkJSON checks a decoded JSON value (numbers as json.Number) against a
// spec type and returns the problems, each prefixed with its path.
func (s *TelegramSpec) checkJSON(t string, x any, at string) []string {
	bad := func(format string, args ...any) []string {
		return []string{at + ": " + fmt.Sprintf(format, args...)}
	}
	if elem, ok := strings.CutPrefix(t, "Array of "); ok {
		arr, ok := x.([]any)
		if !ok {
			return bad("want %s, got %s", t, telegramDescribe(x))
		}
		var errs []string
		for i, e := range arr {
			errs = append(errs, s.checkJSON(elem, e, fmt.Sprintf("%s[%d]", at, i))...)
		}
		return errs
	}
	switch t {
	case "String", "InputFile":
		if _, ok := x.(string); !ok {
			return bad("want String, got %s", telegramDescribe(x))
		}
		return nil
	case "Integer":
		n, ok := x.(json.Number)
		if !ok {
			return bad("want Integer, got %s", telegramDescribe(x))
		}
		if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
			return bad("want Integer, got %s", n)
		}
		return nil
	case "Float":
		if _, ok := x.(json.Number); !ok {
			return bad("want Float, got %s", telegramDescribe(x))
		}
		return nil
	case "Boolean":
		if _, ok := x.(bool); !ok {
			return bad("want Boolean, got %s", telegramDescribe(x))
		}
		return nil
	case "True":
		if b, ok := x.(bool); !ok || !b {
			return bad("want true, got %s", telegramDescribe(x))
		}
		return nil
	}
	typ := s.Types[t]
	if typ == nil {
		return bad("the spec has no type %q", t)
	}
	if len(typ.Subtypes) > 0 {
		// A union member names itself in its "type" field; check against
		// that member alone so that the errors are about it.
		if sub := s.discriminated(typ, x); sub != "" {
			return s.checkJSON(sub, x, at)
		}
		var best []string
		for _, sub := range typ.Subtypes {
			errs := s.checkJSON(sub, x, at)
			if len(errs) == 0 {
				return nil
			}
			if best == nil || len(errs) < len(best) {
				best = errs
			}
		}
		return append(bad("matches none of the %d kinds of %s; the closest:", len(typ.Subtypes), t), best...)
	}
	obj, ok := x.(map[string]any)
	if !ok {
		return bad("want %s (an object), got %s", t, telegramDescribe(x))
	}
	return s.checkObject(typ, obj, at)
}

// discriminated returns the member of a union that an object names in its
// "type" field ("article" for InlineQueryResultArticle), or "".
func (s *TelegramSpec) discriminated(union *TelegramType, x any) string {
	obj, ok := x.(map[string]any)
	if !ok {
		return ""
	}
	kind, ok := obj["type"].(string)
	if !ok {
		return ""
	}
	for _, sub := range union.Subtypes {
		t := s.Types[sub]
		if t == nil {
			continue
		}
		for _, f := range t.Fields {
			if m := telegramDiscriminant.FindStringSubmatch(f.Description); f.Name == "type" && m != nil && m[1] == kind {
				return sub
			}
		}
	}
	return ""
}

func (s *TelegramSpec) checkObject(typ *TelegramType, obj map[string]any, at string) []string {
	var errs []string
	fields := map[string]TelegramField{}
	for _, f := range typ.Fields {
		fields[f.Name] = f
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sibling := func(name string) (any, bool) {
		x, ok := obj[name]
		return x, ok
	}
	for _, k := range keys {
		path := at + "." + k
		f, ok := fields[k]
		if !ok {
			errs = append(errs, fmt.Sprintf("%s: unknown field of %s", path, typ.Name))
			continue
		}
		var first []string
		matched := false
		for _, t := range f.Types {
			e := s.checkJSON(t, obj[k], path)
			if len(e) == 0 {
				matched = true
				errs = append(errs, s.checkLimits(typ.Fields, f, obj[k], sibling, path)...)
				break
			}
			if first == nil {
				first = e
			}
		}
		if !matched {
			errs = append(errs, first...)
		}
	}
	for _, f := range typ.Fields {
		if _, ok := obj[f.Name]; f.Required && !ok {
			errs = append(errs, fmt.Sprintf("%s.%s: required field of %s missing", at, f.Name, typ.Name))
		}
	}
	return append(errs, exactlyOne(typ, obj, at)...)
}

var (
	telegramExactlyOneOther = regexp.MustCompile(`Exactly one of the fields other than (.+?) must be used`)
	telegramExactlyOneOf    = regexp.MustCompile(`Exactly one of the fields (\w+) or (\w+) must be used`)
	telegramListSplit       = regexp.MustCompile(`,\s*(?:and\s+)?|\s+and\s+`)
)

// exactlyOne enforces the "exactly one of the fields" rules that type
// descriptions state in prose (InlineKeyboardButton, InputRichMessage,
// InlineQueryResultsButton).
func exactlyOne(typ *TelegramType, obj map[string]any, at string) []string {
	desc := strings.Join(typ.Description, " ")
	var count func(TelegramField) bool
	var rule string
	if m := telegramExactlyOneOther.FindStringSubmatch(desc); m != nil {
		except := telegramListSplit.Split(m[1], -1)
		count = func(f TelegramField) bool { return !slices.Contains(except, f.Name) }
		rule = "exactly one of the fields other than " + strings.Join(except, ", ")
	} else if m := telegramExactlyOneOf.FindStringSubmatch(desc); m != nil {
		count = func(f TelegramField) bool { return f.Name == m[1] || f.Name == m[2] }
		rule = "exactly one of " + m[1] + " and " + m[2]
	} else if strings.Contains(desc, "exactly one of the optional fields") {
		count = func(f TelegramField) bool { return !f.Required }
		rule = "exactly one of the optional fields"
	} else {
		return nil
	}
	var used []string
	for _, f := range typ.Fields {
		if _, ok := obj[f.Name]; ok && count(f) {
			used = append(used, f.Name)
		}
	}
	if len(used) == 1 {
		return nil
	}
	return []string{fmt.Sprintf("%s: %s must use %s, uses %d (%s)", at, typ.Name, rule, len(used), strings.Join(used, ", "))}
}

var (
	telegramLength       = regexp.MustCompile(`\b(\d+)-(\d+) ((?i:characters|bytes))\b`)
	telegramAfterParsing = regexp.MustCompile(`after entit(?:y|ies) parsing`)
	telegramValues       = regexp.MustCompile(`Values between (\d+)-(\d+)`)
	telegramDiscriminant = regexp.MustCompile(`, must be ([a-z_]+)$`)
	telegramLowerName    = regexp.MustCompile(`^[a-z0-9_]*$`)
	telegramTokenChars   = regexp.MustCompile(`^[A-Za-z0-9_-]*$`)
)

// checkLimits applies what a field's description says about its values:
// lengths, ranges, allowed characters, and for text with a parse mode,
// that the markup is valid. siblings are the other fields of the same
// object, for the parse mode.
func (s *TelegramSpec) checkLimits(siblings []TelegramField, f TelegramField, x any, sibling func(string) (any, bool), at string) []string {
	var errs []string
	bad := func(format string, args ...any) {
		errs = append(errs, at+": "+fmt.Sprintf(format, args...))
	}
	switch val := x.(type) {
	case json.Number:
		if m := telegramValues.FindStringSubmatch(f.Description); m != nil {
			lo, _ := strconv.ParseInt(m[1], 10, 64)
			hi, _ := strconv.ParseInt(m[2], 10, 64)
			if n, err := val.Int64(); err == nil && (n < lo || n > hi) {
				bad("%d is outside %d-%d", n, lo, hi)
			}
		}
	case string:
		if f.Name == "type" {
			if m := telegramDiscriminant.FindStringSubmatch(f.Description); m != nil && val != m[1] {
				bad("must be %q, got %q", m[1], val)
			}
		}
		text := val
		if mode, governed := parseModeOf(siblings, f, sibling); governed && strings.EqualFold(mode, "HTML") {
			plain, err := ParseTelegramHTML(val)
			if err != nil {
				bad("invalid HTML: %v", err)
				return errs
			}
			text = plain
		}
		if m := telegramLength.FindStringSubmatch(f.Description); m != nil {
			lo, _ := strconv.Atoi(m[1])
			hi, _ := strconv.Atoi(m[2])
			// Telegram trims the text before it counts the minimum.
			n, least, unit := TelegramTextLen(text), TelegramTextLen(strings.TrimSpace(text)), "characters"
			if strings.EqualFold(m[3], "bytes") {
				n, least, unit = len(val), len(val), "bytes"
			}
			if n > hi || least < lo {
				bad("is %d %s, want %d-%d", n, unit, lo, hi)
			}
		}
		if strings.Contains(f.Description, "only lowercase English letters, digits and underscores") && !telegramLowerName.MatchString(val) {
			bad("%q may hold only lowercase English letters, digits and underscores", val)
		}
		if strings.Contains(f.Description, "A-Z, a-z, 0-9, _ and -") && !telegramTokenChars.MatchString(val) {
			bad("%q may hold only A-Z, a-z, 0-9, _ and -", val)
		}
	}
	return errs
}

// parseModeOf finds the parse mode that applies to a text field: its own
// "<name>_parse_mode" sibling, else "parse_mode". A field is subject to a
// parse mode when its description says "after entities parsing" or it has
// an entities sibling (caption_entities, or entities for the main text).
func parseModeOf(siblings []TelegramField, f TelegramField, sibling func(string) (any, bool)) (string, bool) {
	has := func(name string) bool {
		return slices.ContainsFunc(siblings, func(g TelegramField) bool { return g.Name == name })
	}
	governed := telegramAfterParsing.MatchString(f.Description) ||
		has(f.Name+"_entities") ||
		((f.Name == "text" || f.Name == "message_text") && has("entities"))
	if !governed {
		return "", false
	}
	modeField := "parse_mode"
	if has(f.Name + "_parse_mode") {
		modeField = f.Name + "_parse_mode"
	}
	x, ok := sibling(modeField)
	if !ok {
		return "", true
	}
	mode, _ := x.(string)
	return mode, true
}

func telegramDescribe(x any) string {
	switch v := x.(type) {
	case nil:
		return "null"
	case string:
		return "a String"
	case json.Number:
		return "a number " + v.String()
	case bool:
		return "a Boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", x)
}

// TelegramTextLen counts text as Telegram does for its limits and entity
// offsets: in UTF-16 code units.
func TelegramTextLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// The tags of Telegram's HTML parse mode, by the kind of entity each makes.
var telegramTags = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strike", "strike": "strike", "del": "strike",
	"tg-spoiler": "spoiler", "span": "spoiler",
	"a":          "link",
	"tg-emoji":   "emoji",
	"code":       "code",
	"pre":        "pre",
	"blockquote": "blockquote",
}

// telegramLinkSchemes are the addresses a text link may point to; the
// Bot API refuses a link it cannot read as one.
var telegramLinkSchemes = map[string]bool{"http": true, "https": true, "tg": true}

// telegramHref checks an <a> tag's href: present, and an http, https or
// tg address.
func telegramHref(attrs map[string]string) error {
	href, ok := attrs["href"]
	if !ok {
		return errors.New("<a> without href")
	}
	if u, err := url.Parse(href); err != nil || !telegramLinkSchemes[u.Scheme] || u.Host == "" && u.Scheme != "tg" {
		return fmt.Errorf("<a> href %q is not an http, https or tg address", clipString(href, 40))
	}
	return nil
}

// formatting entities may contain, and be inside, any entity but pre and
// code; the others cannot contain one another.
func telegramFormatting(kind string) bool {
	switch kind {
	case "bold", "italic", "underline", "strike", "spoiler":
		return true
	}
	return false
}

type telegramOpen struct{ name, kind string }

// ParseTelegramHTML parses text in Telegram's HTML parse mode and returns
// the text the user sees. It rejects what the Bot API rejects, and is
// stricter where the Bot API is lenient: only the supported tags with
// their attributes, properly nested and closed; <, > and & only as
// &lt; &gt; &amp; (or &quot; and numeric entities).
func ParseTelegramHTML(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", errors.New("not valid UTF-8")
	}
	var out strings.Builder
	var stack []telegramOpen
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			end, err := telegramTagEnd(s, i)
			if err != nil {
				return "", err
			}
			tag := s[i+1 : end]
			i = end + 1
			if name, ok := strings.CutPrefix(tag, "/"); ok {
				name = strings.ToLower(strings.TrimSpace(name))
				if len(stack) == 0 {
					return "", fmt.Errorf("end tag </%s> without a start tag", name)
				}
				if top := stack[len(stack)-1]; top.name != name {
					return "", fmt.Errorf("end tag </%s> closes <%s>", name, top.name)
				}
				stack = stack[:len(stack)-1]
				continue
			}
			open, err := telegramStartTag(tag, stack)
			if err != nil {
				return "", err
			}
			stack = append(stack, open)
		case '>':
			return "", fmt.Errorf("unescaped > at byte %d", i)
		case '&':
			r, n, err := telegramEntity(s[i:])
			if err != nil {
				return "", fmt.Errorf("at byte %d: %w", i, err)
			}
			out.WriteRune(r)
			i += n
		default:
			out.WriteByte(s[i])
			i++
		}
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("<%s> is not closed", stack[len(stack)-1].name)
	}
	return out.String(), nil
}

// telegramTagEnd finds the '>' that ends the tag starting at s[i],
// skipping quoted attribute values.
func telegramTagEnd(s string, i int) (int, error) {
	var quote byte
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return 0, fmt.Errorf("unescaped < at byte %d", i)
		case c == '>':
			return j, nil
		}
	}
	return 0, fmt.Errorf("unescaped < at byte %d (no tag end)", i)
}

var telegramTagName = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*)`)

func telegramStartTag(tag string, stack []telegramOpen) (telegramOpen, error) {
	m := telegramTagName.FindString(tag)
	if m == "" {
		return telegramOpen{}, fmt.Errorf("unescaped < before %q", clipString(tag, 20))
	}
	name := strings.ToLower(m)
	kind, ok := telegramTags[name]
	if !ok {
		return telegramOpen{}, fmt.Errorf("unsupported tag <%s>", name)
	}
	attrs, err := telegramAttrs(tag[len(m):])
	if err != nil {
		return telegramOpen{}, fmt.Errorf("<%s>: %w", name, err)
	}
	var parent telegramOpen
	if len(stack) > 0 {
		parent = stack[len(stack)-1]
	}
	allowed := map[string]bool{}
	switch name {
	case "a":
		if err := telegramHref(attrs); err != nil {
			return telegramOpen{}, err
		}
		allowed["href"] = true
	case "span":
		if attrs["class"] != "tg-spoiler" {
			return telegramOpen{}, errors.New(`<span> must have class="tg-spoiler"`)
		}
		allowed["class"] = true
	case "tg-emoji":
		if attrs["emoji-id"] == "" {
			return telegramOpen{}, errors.New("<tg-emoji> without emoji-id")
		}
		allowed["emoji-id"] = true
	case "code":
		if c, ok := attrs["class"]; ok {
			if parent.kind != "pre" || !strings.HasPrefix(c, "language-") {
				return telegramOpen{}, errors.New(`<code class="language-…"> is allowed only directly inside <pre>`)
			}
			allowed["class"] = true
		}
	case "blockquote":
		if v, ok := attrs["expandable"]; ok && v != "" {
			return telegramOpen{}, errors.New("<blockquote expandable> takes no value")
		}
		allowed["expandable"] = true
	}
	for a := range attrs {
		if !allowed[a] {
			return telegramOpen{}, fmt.Errorf("<%s> does not take the attribute %q", name, a)
		}
	}
	for _, o := range stack {
		switch {
		case o.kind == "code":
			return telegramOpen{}, fmt.Errorf("<%s> inside <code>", name)
		case o.kind == "pre" && !(kind == "code" && parent.kind == "pre"):
			return telegramOpen{}, fmt.Errorf("<%s> inside <pre>", name)
		case o.kind == "blockquote" && kind == "blockquote":
			return telegramOpen{}, errors.New("<blockquote> inside <blockquote>")
		case !telegramFormatting(kind) && !telegramFormatting(o.kind) && o.kind != "blockquote" && !(kind == "code" && o.kind == "pre"):
			return telegramOpen{}, fmt.Errorf("<%s> inside <%s>", name, o.name)
		}
	}
	return telegramOpen{name: name, kind: kind}, nil
}

var telegramAttr = regexp.MustCompile(`^\s+([A-Za-z][A-Za-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)

func telegramAttrs(s string) (map[string]string, error) {
	attrs := map[string]string{}
	for strings.TrimSpace(s) != "" {
		m := telegramAttr.FindStringSubmatchIndex(s)
		if m == nil {
			return nil, fmt.Errorf("cannot read attributes %q", clipString(s, 30))
		}
		name := strings.ToLower(s[m[2]:m[3]])
		var raw string
		for g := 4; g <= 8; g += 2 {
			if m[g] >= 0 {
				raw = s[m[g]:m[g+1]]
			}
		}
		val, err := telegramUnescape(raw)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", name, err)
		}
		if _, dup := attrs[name]; dup {
			return nil, fmt.Errorf("attribute %s given twice", name)
		}
		attrs[name] = val
		s = s[m[1]:]
	}
	return attrs, nil
}

func telegramUnescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '&' {
			b.WriteByte(s[i])
			i++
			continue
		}
		r, n, err := telegramEntity(s[i:])
		if err != nil {
			return "", err
		}
		b.WriteRune(r)
		i += n
	}
	return b.String(), nil
}

// telegramEntity reads the entity at the start of s: one of the four named
// entities the Bot API knows, or a numeric one.
func telegramEntity(s string) (rune, int, error) {
	end := strings.IndexByte(s, ';')
	if end < 0 || end > 12 {
		return 0, 0, errors.New("unescaped & (write &amp;)")
	}
	name := s[1:end]
	switch name {
	case "lt":
		return '<', end + 1, nil
	case "gt":
		return '>', end + 1, nil
	case "amp":
		return '&', end + 1, nil
	case "quot":
		return '"', end + 1, nil
	}
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if h, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
			num, base = h, 16
		}
		n, err := strconv.ParseUint(num, base, 32)
		if err == nil && n > 0 && n <= utf8.MaxRune && utf8.ValidRune(rune(n)) {
			return rune(n), end + 1, nil
		}
	}
	return 0, 0, fmt.Errorf("unsupported entity &%s; (the Bot API knows &lt; &gt; &amp; &quot; and numeric ones)", clipString(name, 10))
}

func clipString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
