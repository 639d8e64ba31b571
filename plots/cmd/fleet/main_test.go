package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeRun writes a run folder with the coarse hash of sequential and
// spawn over 6 rounds, spawn taking share of sequential's time.
func writeRun(t *testing.T, dir, scale, commit string, share float64) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "cpu: Test CPU\nnumcpu: 2\ngomaxprocs: 2\ncommit: %s\nscale: %s\n", commit, scale)
	for r := 1; r <= 6; r++ {
		fmt.Fprintf(&b, "round: %d\n", r)
		fmt.Fprintf(&b, "BenchmarkHash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2 \t1\t%d ns/op\n", 20000000+r*1000)
		fmt.Fprintf(&b, "BenchmarkHash/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2 \t1\t%.0f ns/op\n", 20e6*share+float64(r*1000))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "raw.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRun(t *testing.T) {
	parent := t.TempDir()
	a := writeRun(t, filepath.Join(parent, "20261202T060000Z-a"), "full", "abc1234", 0.5)
	b := writeRun(t, filepath.Join(parent, "20261202T070000Z-b"), "full", "def5678", 1)
	out := filepath.Join(parent, "out")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-o", out, a, b}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("wrote %s, %s and 0 chart(s) (PNG+SVG) for 2 machine(s): 1 of 1 workloads get different answers\n",
		filepath.Join(out, "FLEET.md"), filepath.Join(out, "index.html"))
	if stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
	if w := "fleet: warning: the runs come from different commits (a (2 cores): abc1234, b (2 cores): def5678)"; !strings.HasPrefix(stderr.String(), w) {
		t.Errorf("stderr %q, want the commit warning", stderr.String())
	}
	md, err := os.ReadFile(filepath.Join(out, "FLEET.md"))
	if err != nil || !strings.Contains(string(md), "**differs**") {
		t.Errorf("FLEET.md: %v\n%s", err, md)
	}
}

func TestRunRefuses(t *testing.T) {
	parent := t.TempDir()
	full := writeRun(t, filepath.Join(parent, "full"), "full", "abc1234", 0.5)
	quick := writeRun(t, filepath.Join(parent, "quick"), "quick", "abc1234", 0.5)
	out := filepath.Join(parent, "out")
	for _, tc := range []struct {
		args []string
		want string // "" for the usage
	}{
		{[]string{full}, ""},
		{[]string{"-o", out}, ""},
		{[]string{"-o", out, full, quick}, full + " is a full-scale run and " + quick + " a quick-scale one"},
	} {
		var stdout, stderr bytes.Buffer
		err := run(tc.args, &stdout, &stderr)
		switch {
		case tc.want == "":
			if !errors.Is(err, errUsage) || !strings.HasPrefix(stderr.String(), "usage: fleet -o <output folder> <run folder>…\n") {
				t.Errorf("%q: %v, stderr %q; want the usage", tc.args, err, stderr.String())
			}
		case err == nil || !strings.HasPrefix(err.Error(), tc.want):
			t.Errorf("%q: %v, want an error starting %q", tc.args, err, tc.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a refused fleet created %s", out)
	}
}
