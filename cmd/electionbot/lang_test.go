package main

import (
	"io"
	"testing"

	"github.com/electionbot/electionbot/lang"
)

func TestTerminalLang(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want lang.Lang
	}{
		{"default", nil, nil, lang.En},
		{"flag", nil, []string{"-lang", "sr"}, lang.Sr},
		{"flag after ask", nil, []string{"ask", "-lang", "sr-Cyrl", "/seats"}, lang.SrCyrl},
		{"variable", map[string]string{"ELECTIONBOT_LANG": "sr-Latn"}, nil, lang.Sr},
		{"flag over variable", map[string]string{"ELECTIONBOT_LANG": "sr"}, []string{"-lang", "en"}, lang.En},
		{"from LANG", map[string]string{"LANG": "sr_RS.UTF-8@latin"}, nil, lang.Sr},
		{"from LANG, cyrillic", map[string]string{"LANG": "sr_RS.UTF-8"}, nil, lang.SrCyrl},
		{"LC_ALL first", map[string]string{"LANG": "sr_RS.UTF-8", "LC_ALL": "en_US.UTF-8"}, nil, lang.En},
		{"LANG says nothing", map[string]string{"LANG": "C.UTF-8"}, nil, lang.En},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, _, err := loadConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Lang != tt.want {
				t.Errorf("loadConfig(%q, %v).Lang = %s; want %s", tt.args, tt.env, cfg.Lang, tt.want)
			}
		})
	}
	if _, _, err := loadConfig([]string{"-lang", "de"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Error("loadConfig(-lang de) = nil error; want one naming -lang")
	}
}
