package main

import (
	"bytes"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	bad := envOf(map[string]string{"LOG_LEVEL": "loud"}) // the version prints whatever the settings
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}, {"-data", "somewhere", "-version"}} {
		var stdout, stderr bytes.Buffer
		env := bad
		if len(args) > 1 {
			env = envOf(nil)
		}
		if code := run(t.Context(), args, env, nil, &stdout, &stderr); code != 0 {
			t.Errorf("run(%q) = %d; want 0; stderr: %s", args, code, stderr.String())
		}
		if got := stdout.String(); !strings.HasPrefix(got, "electionbot ") || !strings.Contains(got, runtime.Version()) {
			t.Errorf("run(%q) printed %q; want electionbot, the version and %s", args, got, runtime.Version())
		}
	}
}

func TestStampedVersion(t *testing.T) {
	defer func(v, r string) { version, revision = v, r }(version, revision)
	version, revision = "1.4.0", "0123abcd"
	b := currentBuild()
	if b.Version != "1.4.0" || b.Revision != "0123abcd" {
		t.Errorf("currentBuild() = %+v; want the stamped version and revision", b)
	}
	if got, want := b.String(), "electionbot 1.4.0 (revision 0123abcd, "+runtime.Version()+")"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
	m := newMetrics()
	rec := httptest.NewRecorder()
	m.handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	want := `electionbot_build_info{go_version="` + runtime.Version() + `",revision="0123abcd",version="1.4.0"} 1`
	if !strings.Contains(rec.Body.String(), want) {
		t.Errorf("/metrics lacks %s", want)
	}
}

func TestUnstampedVersion(t *testing.T) {
	defer func(v, r string) { version, revision = v, r }(version, revision)
	version, revision = "", ""
	b := currentBuild()
	// A test binary records no module version and no VCS settings.
	if b.Version != "devel" || b.Revision == "" {
		t.Errorf("currentBuild() without a stamp = %+v; want devel and a revision or unknown", b)
	}
}
