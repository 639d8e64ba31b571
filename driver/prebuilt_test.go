package driver

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// goBuild builds the main package pkg into a fresh folder and returns the
// program's path.
func goBuild(t *testing.T, pkg string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// TestPrebuiltFlagErrors checks that each program flag refuses a path that
// cannot be run, and -host a name that would be changed, with one line
// naming the flag, before any folder is created.
func TestPrebuiltFlagErrors(t *testing.T) {
	dir := t.TempDir()
	notExec := filepath.Join(dir, "plain")
	script := filepath.Join(dir, "script")
	for path, mode := range map[string]os.FileMode{notExec: 0o644, script: 0o755} {
		if err := os.WriteFile(path, []byte("#!/bin/sh\nexit 0\n"), mode); err != nil {
			t.Fatal(err)
		}
	}
	// os.Args[0], this test binary, is a Go binary of another package.
	missing := filepath.Join(dir, "missing")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-bin", missing}, "-bin " + missing + ": no such file"},
		{[]string{"-benchstat-bin", missing}, "-benchstat-bin " + missing + ": no such file"},
		{[]string{"-benchstat-bin", dir}, "-benchstat-bin " + dir + " is a folder, not a program"},
		{[]string{"-benchstat-bin", notExec}, "-benchstat-bin " + notExec + " is not executable (mode -rw-r--r--)"},
		{[]string{"-bin", script}, "-bin " + script + " is not a Go binary"},
		{[]string{"-bin", goBuild(t, "golang.org/x/perf/cmd/benchstat")}, "is a build of golang.org/x/perf/cmd/benchstat, not a test binary; build it with go test -c <package>"},
		{[]string{"-host", "$(NODE_NAME)"}, `-host "$(NODE_NAME)" may hold only letters, digits, dots, dashes and underscores`},
		{[]string{"-host", "a/b"}, `-host "a/b"`},
	} {
		results := filepath.Join(t.TempDir(), "results")
		err := drive(append(tc.args, "-results", results), &bytes.Buffer{}, &bytes.Buffer{}, nil, testHooks)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: error is not one line: %q", tc.args, err)
		}
		if _, err := os.Stat(results); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v: results folder created", tc.args)
		}
	}
}

// TestPrebuiltWithoutGo runs the driver as the container image does: with
// the benchmark binary and benchstat prebuilt (the report is the
// command's own, a hook) and no
// go or git on the PATH. The run folder is named by -host and holds
// raw.txt, with the go line of the benchmark binary and a commit line,
// benchstat.txt and REPORT.md.
func TestPrebuiltWithoutGo(t *testing.T) {
	d, _ := buildDriver(t, options{bench: "^BenchmarkSleep$", benchtime: "1x", scale: "tiny"})
	benchstat := goBuild(t, "golang.org/x/perf/cmd/benchstat")

	t.Setenv("PATH", t.TempDir())
	if _, err := exec.LookPath("go"); err == nil {
		t.Fatal("go is still on the PATH")
	}
	t.Chdir(t.TempDir()) // no go.mod above: the module is not needed either
	results := t.TempDir()
	var stdout, stderr syncBuffer
	err := drive([]string{"-bin", d.binary, "-benchstat-bin", benchstat, "-host", "node-a.example",
		"-scale", "tiny", "-count", "1", "-warmup", "0", "-benchtime", "1x", "-bench", "^BenchmarkSleep$", "-results", results}, &stdout, &stderr, nil, testHooks)
	if err != nil {
		t.Fatalf("drive: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "using the prebuilt benchmark binary "+d.binary+" (-bin)") {
		t.Errorf("stdout does not name the prebuilt binary:\n%s", stdout.String())
	}
	dirs := runDirs(t, results)
	if len(dirs) != 1 || !strings.HasSuffix(dirs[0], "Z-node-a.example") {
		t.Fatalf("run folders %v, want one named <UTC time>-node-a.example", dirs)
	}
	raw, err := os.ReadFile(filepath.Join(dirs[0], "raw.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\ngo: " + runtime.Version() + "\n", "\ncommit: ", "BenchmarkSleep/", "strategy=process"} {
		if !strings.Contains("\n"+string(raw), want) {
			t.Errorf("raw.txt lacks %q:\n%s", want, raw)
		}
	}
	for _, f := range []string{"benchstat.txt", "REPORT.md"} {
		if _, err := os.Stat(filepath.Join(dirs[0], f)); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
}

// TestPrebuiltNeedsGo checks that a run with a program left to build, and
// no go on the PATH, says how to run without Go.
func TestPrebuiltNeedsGo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := drive([]string{"-results", t.TempDir()}, &bytes.Buffer{}, &bytes.Buffer{}, nil, testHooks)
	if err == nil || !strings.Contains(err.Error(), noGoHint) {
		t.Errorf("error %v, want one ending in %q", err, noGoHint)
	}
}

// TestVCSCommit checks the commit line made from build settings.
func TestVCSCommit(t *testing.T) {
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}
	for _, tc := range []struct {
		settings []debug.BuildSetting
		want     string
	}{
		{nil, "unknown"},
		{[]debug.BuildSetting{rev}, "0123456"},
		{[]debug.BuildSetting{rev, {Key: "vcs.modified", Value: "false"}}, "0123456"},
		{[]debug.BuildSetting{rev, {Key: "vcs.modified", Value: "true"}}, "0123456-dirty"},
	} {
		if got := vcsCommit(tc.settings); got != tc.want {
			t.Errorf("vcsCommit(%v) = %q, want %q", tc.settings, got, tc.want)
		}
	}
}
