package apispec

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// discordOpenAPI is Discord's OpenAPI 3.1 description of its v10 HTTP API
// (discord/discord-api-spec, MIT; see testdata/discord-openapi.LICENSE).
//
//go:embed testdata/discord-openapi.json
var discordOpenAPI []byte

// A DiscordSpec checks request bodies against Discord's OpenAPI
// description: the operation is found by method and path, the body's
// schema by content type, and the body is validated as JSON Schema
// (2020-12, the keywords the description uses). A DiscordSpec is read-only
// after LoadDiscord and safe for concurrent use, so a fake server's
// handlers can share one.
type DiscordSpec struct {
	routes  []discordRoute
	schemas map[string]any // components.schemas
}

// discordRoute is one path template of the description and its operations.
type discordRoute struct {
	template string
	segs     []string
	// bodies maps an upper-case method to its request body: content type
	// to schema. A method without a request body maps to nil.
	bodies   map[string]map[string]any
	required map[string]bool // methods whose body is required
}

// LoadDiscord parses the embedded Discord description.
func LoadDiscord() (*DiscordSpec, error) {
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(discordOpenAPI, &doc); err != nil {
		return nil, fmt.Errorf("parse discord openapi: %w", err)
	}
	s := &DiscordSpec{schemas: doc.Components.Schemas}
	for tmpl, ops := range doc.Paths {
		r := discordRoute{template: tmpl, segs: strings.Split(strings.Trim(tmpl, "/"), "/"),
			bodies: map[string]map[string]any{}, required: map[string]bool{}}
		for method, raw := range ops {
			if method == "parameters" || strings.HasPrefix(method, "x-") {
				continue
			}
			var op struct {
				RequestBody *struct {
					Required bool `json:"required"`
					Content  map[string]struct {
						Schema any `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				return nil, fmt.Errorf("parse discord openapi %s %s: %w", method, tmpl, err)
			}
			m := strings.ToUpper(method)
			r.bodies[m] = nil
			if op.RequestBody != nil {
				r.bodies[m] = map[string]any{}
				for ct, c := range op.RequestBody.Content {
					r.bodies[m][ct] = c.Schema
				}
				r.required[m] = op.RequestBody.Required
			}
		}
		s.routes = append(s.routes, r)
	}
	// Literal segments beat parameters ("messages/@original" before
	// "messages/{message_id}"), so sort the more literal templates first.
	sort.Slice(s.routes, func(i, j int) bool {
		li, lj := discordLiteralSegments(s.routes[i].segs), discordLiteralSegments(s.routes[j].segs)
		if li != lj {
			return li > lj
		}
		return s.routes[i].template < s.routes[j].template
	})
	return s, nil
}

func discordLiteralSegments(segs []string) int {
	n := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			n++
		}
	}
	return n
}

// discordAPIPrefix is the versioned API root that clients put before the
// description's paths ("/api/v9", "/api/v10", or just "/api").
var discordAPIPrefix = regexp.MustCompile(`^/api(/v[0-9]+)?`)

// route finds the operation for a request path such as
// "/api/v9/interactions/1/tok/callback?x=y".
func (s *DiscordSpec) route(method, path string) (*discordRoute, error) {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	path = discordAPIPrefix.ReplaceAllString(path, "")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := range s.routes {
		r := &s.routes[i]
		if len(r.segs) != len(segs) {
			continue
		}
		ok := true
		for k, seg := range r.segs {
			if strings.HasPrefix(seg, "{") {
				if segs[k] == "" {
					ok = false
					break
				}
				continue
			}
			if seg != segs[k] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if _, has := r.bodies[strings.ToUpper(method)]; !has {
			return nil, fmt.Errorf("%s %s: the description has no %s operation on %s", method, path, method, r.template)
		}
		return r, nil
	}
	return nil, fmt.Errorf("%s %s: no such path in the description", method, path)
}

// Operation returns the description's path template for a request
// ("/interactions/{interaction_id}/{interaction_token}/callback"), or an
// error when the description has no such operation.
func (s *DiscordSpec) Operation(method, path string) (string, error) {
	r, err := s.route(method, path)
	if err != nil {
		return "", err
	}
	return r.template, nil
}

// CheckRequest validates one request as Discord would receive it: method
// and path (with or without the "/api/vN" prefix, query ignored), the
// Content-Type header and the raw body. JSON bodies are checked directly;
// multipart/form-data bodies must carry the JSON in a payload_json part
// and files in files[n] parts. The error lists every violation found.
func (s *DiscordSpec) CheckRequest(method, path, contentType string, body []byte) error {
	r, err := s.route(method, path)
	if err != nil {
		return err
	}
	where := method + " " + r.template
	content := r.bodies[strings.ToUpper(method)]
	if len(body) == 0 {
		if r.required[strings.ToUpper(method)] {
			return fmt.Errorf("%s: the request body is required", where)
		}
		return nil
	}
	if content == nil {
		return fmt.Errorf("%s: the operation takes no request body, got %d bytes", where, len(body))
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("%s: content type %q: %w", where, contentType, err)
	}
	schema, ok := content[mediaType]
	if !ok {
		return fmt.Errorf("%s: content type %s is not accepted", where, mediaType)
	}
	payload := body
	if mediaType == "multipart/form-data" {
		payload, err = discordMultipartPayload(body, params["boundary"])
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	if err := s.checkJSON(schema, payload); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return nil
}

// CheckSchema validates a JSON document against one of the description's
// component schemas, e.g. "RichEmbed".
func (s *DiscordSpec) CheckSchema(name string, doc []byte) error {
	schema, ok := s.schemas[name]
	if !ok {
		return fmt.Errorf("no schema %q in the description", name)
	}
	if err := s.checkJSON(schema, doc); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// discordMultipartPayload returns the payload_json part of a multipart body and
// checks that every other part is a file named files[n].
func discordMultipartPayload(body []byte, boundary string) ([]byte, error) {
	if boundary == "" {
		return nil, errors.New("multipart body without a boundary")
	}
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	var payload []byte
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, fmt.Errorf("read multipart part %q: %w", p.FormName(), err)
		}
		name := p.FormName()
		switch {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files[") && strings.HasSuffix(name, "]"):
			if _, err := strconv.Atoi(name[len("files[") : len(name)-1]); err != nil {
				return nil, fmt.Errorf("multipart part %q: not files[n]", name)
			}
			if p.FileName() == "" {
				return nil, fmt.Errorf("multipart part %q has no file name", name)
			}
		default:
			return nil, fmt.Errorf("multipart part %q is neither payload_json nor files[n]", name)
		}
	}
	if payload == nil {
		return nil, errors.New("multipart body without a payload_json part")
	}
	return payload, nil
}

func (s *DiscordSpec) checkJSON(schema any, doc []byte) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("body is not JSON: %w", err)
	}
	if dec.More() {
		return errors.New("body holds more than one JSON value")
	}
	var errs []discordViolation
	s.check(schema, v, "", &errs)
	if len(errs) > 0 {
		return errors.New(discordJoin(errs))
	}
	return nil
}

// A discordViolation is one way a document breaks its schema.
type discordViolation struct {
	msg string // "/data/embeds/0/title: string of 257 characters ..."
	// depth is how deep into the document the violation lies; for a
	// failed union, the depth of its nearest miss. A union's nearest miss
	// is the branch that got deepest before failing: the one the sender
	// meant.
	depth int
}

func discordJoin(errs []discordViolation) string {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.msg
	}
	return strings.Join(msgs, "; ")
}

// check validates v against schema and appends what is wrong to errs, each
// prefixed with v's JSON pointer.
func (s *DiscordSpec) check(schema any, v any, at string, errs *[]discordViolation) {
	bad := func(format string, args ...any) {
		p := at
		if p == "" {
			p = "/"
		}
		*errs = append(*errs, discordViolation{msg: p + ": " + fmt.Sprintf(format, args...), depth: strings.Count(at, "/")})
	}
	switch sc := schema.(type) {
	case bool:
		if !sc {
			bad("no value is allowed here")
		}
		return
	case map[string]any:
		s.checkObjectSchema(sc, v, at, errs, bad)
	default:
		bad("malformed schema %T", schema)
	}
}

// discordKnownKeywords are the JSON Schema keywords the validator understands;
// annotations are listed so that an unknown keyword fails loudly instead
// of being skipped.
var discordKnownKeywords = map[string]bool{
	"$ref": true, "type": true, "const": true, "enum": true, "format": true,
	"properties": true, "required": true, "additionalProperties": true,
	"minProperties": true, "maxProperties": true,
	"items": true, "minItems": true, "maxItems": true, "uniqueItems": true,
	"minLength": true, "maxLength": true, "pattern": true,
	"minimum": true, "maximum": true, "exclusiveMinimum": true, "exclusiveMaximum": true,
	"allOf": true, "anyOf": true, "oneOf": true,
	"title": true, "description": true, "contentEncoding": true, "default": true,
	"deprecated": true, "examples": true, "readOnly": true, "writeOnly": true,
}

func (s *DiscordSpec) checkObjectSchema(sc map[string]any, v any, at string, errs *[]discordViolation, bad func(string, ...any)) {
	for k := range sc {
		if !discordKnownKeywords[k] && !strings.HasPrefix(k, "x-") {
			bad("schema keyword %q is not supported by the validator", k)
		}
	}
	if ref, ok := sc["$ref"].(string); ok {
		name, found := strings.CutPrefix(ref, "#/components/schemas/")
		target, exists := s.schemas[name]
		if !found || !exists {
			bad("unresolvable $ref %q", ref)
		} else {
			s.check(target, v, at, errs)
		}
	}
	if t, ok := sc["type"]; ok && !discordTypeMatches(t, v) {
		bad("%s is not of type %s", discordDescribe(v), discordTypeString(t))
		return // the other keywords would only repeat the mismatch
	}
	if c, ok := sc["const"]; ok && !discordJSONEqual(c, v) {
		bad("%s is not the constant %v", discordDescribe(v), c)
	}
	if e, ok := sc["enum"].([]any); ok {
		found := false
		for _, x := range e {
			found = found || discordJSONEqual(x, v)
		}
		if !found {
			bad("%s is not one of %v", discordDescribe(v), e)
		}
	}
	switch x := v.(type) {
	case string:
		discordCheckString(sc, x, bad)
	case json.Number:
		discordCheckNumber(sc, x, bad)
	case []any:
		s.checkArray(sc, x, at, errs, bad)
	case map[string]any:
		s.checkObject(sc, x, at, errs, bad)
	}
	if all, ok := sc["allOf"].([]any); ok {
		for _, sub := range all {
			s.check(sub, v, at, errs)
		}
	}
	if anyOf, ok := sc["anyOf"].([]any); ok {
		if n, closest := s.matches(anyOf, v, at); n == 0 {
			*errs = append(*errs, discordUnionMiss(at, "anyOf", closest))
		}
	}
	if oneOf, ok := sc["oneOf"].([]any); ok {
		switch n, closest := s.matches(oneOf, v, at); {
		case n == 0:
			*errs = append(*errs, discordUnionMiss(at, "oneOf", closest))
		case n > 1:
			bad("matches %d of oneOf, want exactly 1", n)
		}
	}
}

// matches counts the subschemas v satisfies and returns the violations of
// the nearest miss (the deepest, then the fewest), for the error message.
func (s *DiscordSpec) matches(subs []any, v any, at string) (int, []discordViolation) {
	n := 0
	var closest []discordViolation
	for _, sub := range subs {
		var e []discordViolation
		s.check(sub, v, at, &e)
		switch {
		case len(e) == 0:
			n++
		case closest == nil,
			discordDepth(e) > discordDepth(closest),
			discordDepth(e) == discordDepth(closest) && len(e) < len(closest):
			closest = e
		}
	}
	return n, closest
}

func discordDepth(errs []discordViolation) int {
	d := 0
	for _, e := range errs {
		d = max(d, e.depth)
	}
	return d
}

func discordUnionMiss(at, kind string, closest []discordViolation) discordViolation {
	p := at
	if p == "" {
		p = "/"
	}
	return discordViolation{
		msg:   fmt.Sprintf("%s: matches none of %s; nearest miss: %s", p, kind, discordJoin(closest)),
		depth: max(strings.Count(at, "/"), discordDepth(closest)),
	}
}

func discordCheckString(sc map[string]any, x string, bad func(string, ...any)) {
	// JSON Schema measures strings in code points.
	n := utf8.RuneCountInString(x)
	if m, ok := discordNumber(sc["maxLength"]); ok && float64(n) > m {
		bad("string of %d characters is longer than maxLength %v", n, m)
	}
	if m, ok := discordNumber(sc["minLength"]); ok && float64(n) < m {
		bad("string of %d characters is shorter than minLength %v", n, m)
	}
	if p, ok := sc["pattern"].(string); ok {
		re, err := regexp.Compile(p)
		if err != nil {
			bad("schema pattern %q does not compile: %v", p, err)
		} else if !re.MatchString(x) {
			bad("%q does not match pattern %s", x, p)
		}
	}
	switch sc["format"] {
	case "uri":
		if u, err := url.Parse(x); err != nil || u.Scheme == "" {
			bad("%q is not an absolute URI", x)
		}
	case "date-time":
		if _, err := time.Parse(time.RFC3339, x); err != nil {
			bad("%q is not an RFC 3339 date-time", x)
		}
	}
}

func discordCheckNumber(sc map[string]any, x json.Number, bad func(string, ...any)) {
	f, err := x.Float64()
	if err != nil {
		bad("%s is not a number", x)
		return
	}
	if m, ok := discordNumber(sc["minimum"]); ok && f < m {
		bad("%s is less than minimum %v", x, m)
	}
	if m, ok := discordNumber(sc["maximum"]); ok && f > m {
		bad("%s is greater than maximum %v", x, m)
	}
	if m, ok := discordNumber(sc["exclusiveMinimum"]); ok && f <= m {
		bad("%s is not greater than exclusiveMinimum %v", x, m)
	}
	if m, ok := discordNumber(sc["exclusiveMaximum"]); ok && f >= m {
		bad("%s is not less than exclusiveMaximum %v", x, m)
	}
	if sc["format"] == "int32" && (f < math.MinInt32 || f > math.MaxInt32) {
		bad("%s is out of the int32 range", x)
	}
}

func (s *DiscordSpec) checkArray(sc map[string]any, x []any, at string, errs *[]discordViolation, bad func(string, ...any)) {
	if m, ok := discordNumber(sc["maxItems"]); ok && float64(len(x)) > m {
		bad("%d items, more than maxItems %v", len(x), m)
	}
	if m, ok := discordNumber(sc["minItems"]); ok && float64(len(x)) < m {
		bad("%d items, fewer than minItems %v", len(x), m)
	}
	if u, _ := sc["uniqueItems"].(bool); u {
		seen := map[string]bool{}
		for _, it := range x {
			k, _ := json.Marshal(it)
			if seen[string(k)] {
				bad("item %s occurs twice but uniqueItems is set", k)
			}
			seen[string(k)] = true
		}
	}
	if items, ok := sc["items"]; ok {
		for i, it := range x {
			s.check(items, it, at+"/"+strconv.Itoa(i), errs)
		}
	}
}

func (s *DiscordSpec) checkObject(sc map[string]any, x map[string]any, at string, errs *[]discordViolation, bad func(string, ...any)) {
	if req, ok := sc["required"].([]any); ok {
		for _, r := range req {
			if name, _ := r.(string); name != "" {
				if _, has := x[name]; !has {
					bad("required property %q is missing", name)
				}
			}
		}
	}
	if m, ok := discordNumber(sc["maxProperties"]); ok && float64(len(x)) > m {
		bad("%d properties, more than maxProperties %v", len(x), m)
	}
	if m, ok := discordNumber(sc["minProperties"]); ok && float64(len(x)) < m {
		bad("%d properties, fewer than minProperties %v", len(x), m)
	}
	props, _ := sc["properties"].(map[string]any)
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	sort.Strings(keys) // stable error messages
	for _, k := range keys {
		child := at + "/" + discordEscapePointer(k)
		if p, ok := props[k]; ok {
			s.check(p, x[k], child, errs)
			continue
		}
		if ap, ok := sc["additionalProperties"]; ok {
			if b, isBool := ap.(bool); isBool && !b {
				bad("unknown property %q (additionalProperties is false)", k)
				continue
			}
			s.check(ap, x[k], child, errs)
		}
	}
}

// discordTypeMatches reports whether v has the schema type t (a name or a list).
func discordTypeMatches(t any, v any) bool {
	switch tt := t.(type) {
	case string:
		return discordIsType(tt, v)
	case []any:
		for _, x := range tt {
			if name, _ := x.(string); discordIsType(name, v) {
				return true
			}
		}
	}
	return false
}

func discordIsType(name string, v any) bool {
	switch name {
	case "null":
		return v == nil
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		if _, err := n.Int64(); err == nil {
			return true
		}
		f, err := n.Float64()
		return err == nil && f == math.Trunc(f) && !math.IsInf(f, 0)
	}
	return false
}

func discordTypeString(t any) string {
	if l, ok := t.([]any); ok {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = fmt.Sprint(x)
		}
		return strings.Join(parts, "|")
	}
	return fmt.Sprint(t)
}

// discordDescribe renders a value briefly for an error message.
func discordDescribe(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}

// discordNumber reads a numeric schema keyword (decoded as float64).
func discordNumber(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok
}

// discordJSONEqual compares a schema value (float64 numbers) with a document
// value (json.Number numbers).
func discordJSONEqual(schema, doc any) bool {
	if n, ok := doc.(json.Number); ok {
		f, err := n.Float64()
		sf, isNum := schema.(float64)
		return err == nil && isNum && f == sf
	}
	a, err1 := json.Marshal(schema)
	b, err2 := json.Marshal(doc)
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// discordEscapePointer escapes a property name for a JSON pointer.
func discordEscapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}
