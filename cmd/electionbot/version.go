package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// The version and revision a release build stamps in:
//
//	go build -ldflags "-X main.version=1.4.0 -X main.revision=$(git rev-parse HEAD)"
//
// (the Dockerfile does). Left empty, they come from what the Go toolchain
// recorded in the binary (the module version of `go install ...@v1.4.0`,
// the VCS revision of a build in a git checkout).
var (
	version  string
	revision string
)

// A build is what the binary says about itself.
type build struct {
	Version   string // "1.4.0", "v0.0.0-2026...", or "devel"
	Revision  string // the VCS commit, "-dirty" added for uncommitted changes; "unknown"
	GoVersion string
}

// currentBuild reads the stamped version, falling back on the build
// information the toolchain recorded.
func currentBuild() build {
	b := build{Version: version, Revision: revision, GoVersion: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if ok {
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		if b.Revision == "" {
			b.Revision = vcsRevision(info)
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	if b.Revision == "" {
		b.Revision = "unknown"
	}
	return b
}

// vcsRevision is the commit the toolchain recorded, marked when the
// checkout had uncommitted changes.
func vcsRevision(info *debug.BuildInfo) string {
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" && dirty {
		rev += "-dirty"
	}
	return rev
}

func (b build) String() string {
	return fmt.Sprintf("electionbot %s (revision %s, %s)", b.Version, b.Revision, b.GoVersion)
}

// printVersion is `electionbot version` and `electionbot -version`.
func printVersion(w io.Writer) int {
	fmt.Fprintln(w, currentBuild())
	return 0
}

// isVersion reports whether args ask for the version and nothing else,
// so that it is printed whatever the settings say.
func isVersion(args []string) bool {
	if len(args) != 1 {
		return false
	}
	switch args[0] {
	case "version", "-version", "--version":
		return true
	}
	return false
}
