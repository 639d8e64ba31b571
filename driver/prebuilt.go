package driver

import (
	"debug/buildinfo"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/concbench/concbench/internal/oserr"
)

// benchPkg is the package whose test binary runs the benchmarks.
const benchPkg = "github.com/concbench/concbench/bench"

// concbenchModule is the suite's module.
const concbenchModule = "github.com/concbench/concbench"

// prebuilt names the programs given ready-built on the command line; an
// empty field means the driver builds or runs that program with the Go
// toolchain, as make bench does.
type prebuilt struct {
	bin       string // -bin: the benchmark binary, go test -c of benchPkg
	benchstat string // -benchstat-bin: golang.org/x/perf/cmd/benchstat
}

// check makes each given path absolute (the programs run in other
// folders) and refuses one that is missing, a folder or not executable,
// and a -bin that is not a build of the benchmark binary.
func (p *prebuilt) check() error {
	for _, f := range []struct {
		flag string
		path *string
	}{{"-bin", &p.bin}, {"-benchstat-bin", &p.benchstat}} {
		if *f.path == "" {
			continue
		}
		abs, err := checkExecutable(f.flag, *f.path)
		if err != nil {
			return err
		}
		*f.path = abs
	}
	if p.bin == "" {
		return nil
	}
	info, err := buildinfo.ReadFile(p.bin)
	if err != nil {
		return fmt.Errorf("-bin %s is not a Go binary (%v); give the benchmark binary, built with go test -c %s", p.bin, oserr.Cause(err), benchPkg)
	}
	if !strings.HasSuffix(info.Path, ".test") {
		return fmt.Errorf("-bin %s is a build of %s, not a test binary; build it with go test -c <package>", p.bin, info.Path)
	}
	return nil
}

// checkExecutable returns path made absolute, or an error naming flag if
// path is not an executable file.
func checkExecutable(flag, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s %s: %w", flag, path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("%s %s: no such file", flag, path)
	case err != nil:
		return "", fmt.Errorf("%s %s cannot be used: %w", flag, path, oserr.Cause(err))
	case fi.IsDir():
		return "", fmt.Errorf("%s %s is a folder, not a program", flag, path)
	case fi.Mode().Perm()&0o111 == 0:
		return "", fmt.Errorf("%s %s is not executable (mode %v); chmod +x it", flag, path, fi.Mode().Perm())
	}
	return abs, nil
}

// needsGo says whether the run needs the Go toolchain (and so the module's
// source): to build the benchmark binary or the report command, or to run
// go tool benchstat.
func (p prebuilt) needsGo() bool {
	return p.bin == "" || p.benchstat == ""
}

// builtConfig returns the go, commit and dep-* configuration lines of a run
// of the prebuilt binary bin, from build information instead of the
// toolchain and git, which an image does not have: go is the Go version
// bin was built with; commit and the module versions come from this
// driver's own build (a test binary records neither), so they describe
// bin when both were built from the same tree, as make image-binaries
// does. A fact the build did not record is "unknown".
func builtConfig(bin string) []configLine {
	goVersion := "unknown"
	if info, err := buildinfo.ReadFile(bin); err == nil {
		goVersion = info.GoVersion
	}
	lines := []configLine{{"go", goVersion}, {"commit", "unknown"}}
	self, ok := debug.ReadBuildInfo()
	if !ok {
		return append(lines, configLine{"deps", "unknown"})
	}
	lines[1].value = vcsCommit(self.Settings)
	for _, m := range self.Deps {
		if m.Replace != nil {
			m = m.Replace
		}
		lines = append(lines, configLine{"dep-" + configKey(m.Path), m.Version})
	}
	return lines
}

// vcsCommit returns the commit recorded in build settings: the revision's
// first 7 hex digits (git rev-parse --short), with -dirty if the tree had
// changes, or "unknown".
func vcsCommit(settings []debug.BuildSetting) string {
	var rev string
	dirty := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "unknown"
	}
	rev = rev[:min(len(rev), 7)]
	if dirty {
		rev += "-dirty"
	}
	return rev
}

// noGoHint is added to an error of the toolchain when the run needs it.
const noGoHint = "to run without Go, give prebuilt programs with -bin and -benchstat-bin (see go doc ./cmd/concbench)"

// explainNoGo adds noGoHint to err when the go command is missing.
func explainNoGo(err error) error {
	if errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%w; %s", err, noGoHint)
	}
	return err
}
