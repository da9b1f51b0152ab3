package apispec

import (
	"bytes"
	"mime/multipart"
	"net/textproto"
	"strings"
	"testing"
)

func loadDiscord(t *testing.T) *DiscordSpec {
	t.Helper()
	s, err := LoadDiscord()
	if err != nil {
		t.Fatalf("LoadDiscord() = %v", err)
	}
	return s
}

func TestDiscordOperation(t *testing.T) {
	s := loadDiscord(t)
	tests := []struct {
		method, path string
		want         string // "" means an error is expected
	}{
		{"POST", "/api/v9/interactions/123/tok-en/callback", "/interactions/{interaction_id}/{interaction_token}/callback"},
		{"POST", "/api/v10/interactions/123/tok/callback?with_response=true", "/interactions/{interaction_id}/{interaction_token}/callback"},
		{"POST", "/interactions/123/tok/callback", "/interactions/{interaction_id}/{interaction_token}/callback"},
		{"PATCH", "/api/v9/webhooks/1/tok/messages/@original", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"},
		{"PATCH", "/api/v9/webhooks/1/tok/messages/99", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"},
		{"POST", "/api/v9/webhooks/1/tok?wait=true", "/webhooks/{webhook_id}/{webhook_token}"},
		{"PUT", "/api/v9/applications/1/commands", "/applications/{application_id}/commands"},
		{"PUT", "/api/v9/applications/1/guilds/2/commands", "/applications/{application_id}/guilds/{guild_id}/commands"},
		{"GET", "/api/v9/gateway", "/gateway"},
		{"get", "/api/v9/gateway/bot", "/gateway/bot"},
		{"PUT", "/api/v9/interactions/1/tok/callback", ""},
		{"POST", "/api/v9/no/such/thing", ""},
		{"POST", "/api/v9/interactions//tok/callback", ""},
	}
	for _, tt := range tests {
		got, err := s.Operation(tt.method, tt.path)
		if tt.want == "" {
			if err == nil {
				t.Errorf("Operation(%s, %s) = %q; want an error", tt.method, tt.path, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Operation(%s, %s) = %q, %v; want %q", tt.method, tt.path, got, err, tt.want)
		}
	}
}

const (
	callback = "/api/v10/interactions/1/tok/callback"
	jsonType = "application/json"
)

func TestDiscordCheckRequest(t *testing.T) {
	s := loadDiscord(t)
	long := func(n int) string { return strings.Repeat("é", n) } // code points, not bytes
	tests := []struct {
		name         string
		method, path string
		body         string
		wantErr      string // substring of the error; "" means valid
	}{
		{"pong", "POST", callback, `{"type":1}`, ""},
		{"message with embed", "POST", callback,
			`{"type":4,"data":{"tts":false,"content":"","components":null,"embeds":[{"title":"Seats","description":"x","color":16711680,"fields":[{"name":"SNS","value":"63","inline":true}],"footer":{"text":"Infobox"},"image":{"url":"attachment://seats.png"}}],"allowed_mentions":{"parse":[]},"flags":64}}`, ""},
		{"title at its limit", "POST", callback, `{"type":4,"data":{"embeds":[{"title":"` + long(256) + `"}]}}`, ""},
		{"title over its limit", "POST", callback, `{"type":4,"data":{"embeds":[{"title":"` + long(257) + `"}]}}`, "/data/embeds/0/title: string of 257 characters is longer than maxLength 256"},
		{"field value too long", "POST", callback, `{"type":4,"data":{"embeds":[{"fields":[{"name":"a","value":"` + long(1025) + `"}]}]}}`, "/data/embeds/0/fields/0/value"},
		{"field without value", "POST", callback, `{"type":4,"data":{"embeds":[{"fields":[{"name":"a"}]}]}}`, `required property "value" is missing`},
		{"eleven embeds", "POST", callback, `{"type":4,"data":{"embeds":[{},{},{},{},{},{},{},{},{},{},{}]}}`, "11 items, more than maxItems 10"},
		{"colour out of range", "POST", callback, `{"type":4,"data":{"embeds":[{"color":16777216}]}}`, "greater than maximum"},
		{"type missing", "POST", callback, `{"data":{"content":"hi"}}`, `required property "type" is missing`},
		{"type as a string", "POST", callback, `{"type":"4"}`, "matches none of anyOf"},
		{"no such callback type", "POST", callback, `{"type":3}`, "matches none of anyOf"},
		{"image url not a uri", "POST", callback, `{"type":4,"data":{"embeds":[{"image":{"url":"seats.png"}}]}}`, "not an absolute URI"},
		{"mention type unknown", "POST", callback, `{"type":4,"data":{"allowed_mentions":{"parse":["channels"]}}}`, "/data/allowed_mentions"},
		{"button row", "POST", callback, `{"type":7,"data":{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"Next ›","custom_id":"list:2:belgrade-2014"}]}]}}`, ""},
		{"custom_id too long", "POST", callback, `{"type":7,"data":{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"Next","custom_id":"` + strings.Repeat("x", 101) + `"}]}]}}`, "/data/components/0"},
		{"empty action row", "POST", callback, `{"type":4,"data":{"components":[{"type":1,"components":[]}]}}`, "/data/components/0"},
		{"autocomplete integers", "POST", callback, `{"type":8,"data":{"choices":[{"name":"8 — Dveri","value":8}]}}`, ""},
		{"autocomplete strings", "POST", callback, `{"type":8,"data":{"choices":[{"name":"Dveri","value":"Dveri"}]}}`, ""},
		{"autocomplete choice name too long", "POST", callback, `{"type":8,"data":{"choices":[{"name":"` + long(101) + `","value":"x"}]}}`, "matches none of anyOf"},
		{"autocomplete without data", "POST", callback, `{"type":8}`, "matches none of anyOf"},
		{"deferred", "POST", callback, `{"type":5}`, ""},
		{"edit original", "PATCH", "/api/v9/webhooks/1/tok/messages/@original", `{"embeds":[{"title":"x"}],"allowed_mentions":{"parse":[]}}`, ""},
		{"edit with content too long", "PATCH", "/api/v9/webhooks/1/tok/messages/@original", `{"content":"` + long(2001) + `"}`, "/content"},
		{"follow-up", "POST", "/api/v9/webhooks/1/tok?wait=true", `{"embeds":[{"description":"x"}],"flags":64,"allowed_mentions":{"parse":[]}}`, ""},
		{"commands", "PUT", "/api/v9/applications/1/commands",
			`[{"type":1,"name":"list","description":"All lists","options":[{"type":4,"name":"number","description":"Ballot number","required":false,"autocomplete":true,"min_value":1,"max_value":8}]}]`, ""},
		{"command name too long", "PUT", "/api/v9/applications/1/commands", `[{"name":"` + strings.Repeat("a", 33) + `","description":"x"}]`, "/0/name"},
		{"option without description", "PUT", "/api/v9/applications/1/guilds/2/commands", `[{"name":"party","description":"x","options":[{"type":3,"name":"name"}]}]`, "/0/options/0"},
		{"min_value not an integer", "PUT", "/api/v9/applications/1/commands", `[{"name":"list","description":"x","options":[{"type":4,"name":"number","description":"n","min_value":1.5}]}]`, "/0/options/0"},
		{"duplicate contexts", "PUT", "/api/v9/applications/1/commands", `[{"name":"list","description":"x","contexts":[0,0]}]`, "uniqueItems"},
		{"not JSON", "POST", callback, `{"type":`, "not JSON"},
		{"two documents", "POST", callback, `{"type":1} {"type":1}`, "more than one JSON value"},
		{"empty required body", "POST", callback, ``, "required"},
		{"delete takes no body", "DELETE", "/api/v9/webhooks/1/tok/messages/@original", ``, ""},
		{"delete with a body", "DELETE", "/api/v9/webhooks/1/tok/messages/@original", `{}`, "takes no request body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.CheckRequest(tt.method, tt.path, jsonType, []byte(tt.body))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("CheckRequest(%s) = %v; want nil", tt.body, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("CheckRequest(%s) = %v; want an error containing %q", tt.body, err, tt.wantErr)
			}
		})
	}
}

func TestDiscordCheckRequestContentType(t *testing.T) {
	s := loadDiscord(t)
	if err := s.CheckRequest("POST", callback, "text/plain", []byte(`{"type":1}`)); err == nil {
		t.Errorf("CheckRequest(text/plain) = nil; want an error")
	}
	if err := s.CheckRequest("POST", callback, "application/json; charset=utf-8", []byte(`{"type":1}`)); err != nil {
		t.Errorf("CheckRequest(json with charset) = %v; want nil", err)
	}
}

// multipartBody builds a body like discordgo's and Discord's docs:
// payload_json and files[n].
func multipartBody(t *testing.T, parts map[string]string, files map[string]string) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for name, v := range parts {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+name+`"`)
		h.Set("Content-Type", jsonType)
		p, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		p.Write([]byte(v))
	}
	for field, filename := range files {
		p, err := w.CreateFormFile(field, filename)
		if err != nil {
			t.Fatal(err)
		}
		p.Write([]byte("\x89PNG"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.FormDataContentType(), b.Bytes()
}

func TestDiscordCheckRequestMultipart(t *testing.T) {
	s := loadDiscord(t)
	good := `{"type":4,"data":{"embeds":[{"image":{"url":"attachment://seats.png"}}],"allowed_mentions":{"parse":[]}}}`
	tests := []struct {
		name    string
		parts   map[string]string
		files   map[string]string
		wantErr string
	}{
		{"payload and file", map[string]string{"payload_json": good}, map[string]string{"files[0]": "seats.png"}, ""},
		{"bad payload", map[string]string{"payload_json": `{"type":4,"data":{"embeds":[{"title":"` + strings.Repeat("x", 300) + `"}]}}`}, map[string]string{"files[0]": "seats.png"}, "maxLength 256"},
		{"no payload_json", nil, map[string]string{"files[0]": "seats.png"}, "without a payload_json part"},
		{"stray part", map[string]string{"payload_json": good, "content": "hi"}, nil, `"content" is neither`},
		{"file not numbered", map[string]string{"payload_json": good}, map[string]string{"files[x]": "seats.png"}, "not files[n]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, body := multipartBody(t, tt.parts, tt.files)
			err := s.CheckRequest("POST", callback, ct, body)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("CheckRequest(multipart) = %v; want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("CheckRequest(multipart) = %v; want an error containing %q", err, tt.wantErr)
			}
		})
	}
	if err := s.CheckRequest("POST", callback, "multipart/form-data", []byte("x")); err == nil {
		t.Errorf("CheckRequest(multipart without boundary) = nil; want an error")
	}
}

func TestDiscordCheckSchema(t *testing.T) {
	s := loadDiscord(t)
	// InnerErrors is the description's one closed object.
	if err := s.CheckSchema("InnerErrors", []byte(`{"_errors":[]}`)); err != nil {
		t.Errorf("CheckSchema(InnerErrors, valid) = %v; want nil", err)
	}
	err := s.CheckSchema("InnerErrors", []byte(`{"_errors":[],"extra":1}`))
	if err == nil || !strings.Contains(err.Error(), `unknown property "extra"`) {
		t.Errorf("CheckSchema(InnerErrors, extra property) = %v; want an unknown property error", err)
	}
	if err := s.CheckSchema("NoSuchSchema", []byte(`{}`)); err == nil {
		t.Errorf("CheckSchema(NoSuchSchema) = nil; want an error")
	}
	if err := s.CheckSchema("RichEmbed", []byte(`{"title":"x","fields":[{"name":"a","value":"b","inline":true}]}`)); err != nil {
		t.Errorf("CheckSchema(RichEmbed) = %v; want nil", err)
	}
}

// TestDiscordKeywordsCovered walks the whole description so that a keyword
// the validator does not know (and would silently skip) fails here first.
func TestDiscordKeywordsCovered(t *testing.T) {
	s := loadDiscord(t)
	var walk func(schema any, at string)
	walk = func(schema any, at string) {
		m, ok := schema.(map[string]any)
		if !ok {
			return
		}
		for k, v := range m {
			if !discordKnownKeywords[k] && !strings.HasPrefix(k, "x-") {
				t.Errorf("%s: keyword %q is not supported", at, k)
			}
			switch k {
			case "properties":
				for name, p := range v.(map[string]any) {
					walk(p, at+"/properties/"+name)
				}
			case "items", "additionalProperties":
				walk(v, at+"/"+k)
			case "allOf", "anyOf", "oneOf":
				for _, sub := range v.([]any) {
					walk(sub, at+"/"+k)
				}
			}
		}
	}
	for name, sc := range s.schemas {
		walk(sc, name)
	}
}

func TestDiscordUnsupportedKeyword(t *testing.T) {
	s := &DiscordSpec{schemas: map[string]any{
		"X": map[string]any{"type": "object", "if": map[string]any{}},
	}}
	err := s.CheckSchema("X", []byte(`{}`))
	if err == nil || !strings.Contains(err.Error(), `"if" is not supported`) {
		t.Errorf("CheckSchema(schema with if) = %v; want an unsupported keyword error", err)
	}
}

func TestDiscordBrokenRef(t *testing.T) {
	s := &DiscordSpec{schemas: map[string]any{
		"X": map[string]any{"$ref": "#/components/schemas/Missing"},
	}}
	if err := s.CheckSchema("X", []byte(`{}`)); err == nil {
		t.Errorf("CheckSchema(broken $ref) = nil; want an error")
	}
}
