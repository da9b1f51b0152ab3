//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSIGHUPReloads sends the test process a real SIGHUP: the running
// program reloads its data folder, and a broken article keeps the old data;
// with an index folder too, which the reload rebuilds.
func TestSIGHUPReloads(t *testing.T) {
	t.Run("in memory", func(t *testing.T) { testSIGHUPReloads(t, nil) })
	t.Run("index folder", func(t *testing.T) {
		index := t.TempDir()
		testSIGHUPReloads(t, map[string]string{"ELECTIONBOT_INDEX_DIR": index})
		builds, _ := filepath.Glob(filepath.Join(index, "*", "manifest.json"))
		if len(builds) != 1 {
			t.Errorf("the index folder holds %d builds after the reload; want the new one alone", len(builds))
		}
	})
}

func testSIGHUPReloads(t *testing.T, env map[string]string) {
	dir := t.TempDir()
	writeArticle(t, dir, "zemun-2030.txt", "2030 Zemun municipal election")
	settings := map[string]string{"ELECTIONBOT_DATA": dir, "HTTP_ADDR": "127.0.0.1:0"}
	for k, v := range env {
		settings[k] = v
	}
	p := start(t, settings)
	base := "http://" + p.addr(t) // the program is up and has SIGHUP in hand

	writeArticle(t, dir, "zemun-2034.txt", "2034 Zemun municipal election")
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	p.stderr.waitFor(t, "the reload", func(s string) bool { return strings.Contains(s, `"msg":"reloaded"`) })
	io.WriteString(p.stdin, "/elections\n")
	p.stdout.waitFor(t, "both elections", func(s string) bool { return strings.Contains(s, "2034 Zemun municipal election") })

	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("\n\nno title\n"), 0o644)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	log := p.stderr.waitFor(t, "the failed reload", func(s string) bool { return strings.Contains(s, `"msg":"reload failed`) })
	if !strings.Contains(log, "broken.txt:3:") {
		t.Errorf("the failed reload's log does not say where the article is broken:\n%s", log)
	}
	_, metrics := get(t, base+"/metrics")
	for _, want := range []string{`electionbot_reloads_total{result="ok"} 1`, `electionbot_reloads_total{result="failed"} 1`, `electionbot_elections_loaded 2`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if code := p.stop(t); code != 0 {
		t.Errorf("run = %d; want 0", code)
	}
}
