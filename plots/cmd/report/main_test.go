package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// Importing ants (through strategies) starts its default pool, whose
	// two housekeeping goroutines live as long as the process.
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

func TestRun(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/run/raw.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "raw.txt"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{dir}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want := "wrote " + filepath.Join(dir, "REPORT.md") + ", " + filepath.Join(dir, "index.html") + " and 12 charts (PNG+SVG): 8 PASS, 0 FAIL, 0 INCONCLUSIVE\n"
	out := stdout.String()
	if !strings.HasPrefix(out, want) || stderr.Len() != 0 {
		t.Errorf("stdout %q stderr %q, want it to start with %q", out, stderr.String(), want)
	}
	// The answer follows, with REPORT.md's figures.
	md, err := os.ReadFile(filepath.Join(dir, "REPORT.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"\n  sleep d=10ms tasks=64: use spawn, speedup 61.4 [60.9, 61.9]; avoid 4: sequential 61.4×", "Verdicts: 8 PASS, 0 FAIL, 0 INCONCLUSIVE\n"} {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q", w)
		}
	}
	if !strings.Contains(string(md), "| sleep d=10ms tasks=64 | 10.1ms | **spawn** | 61.4 [60.9, 61.9] |") {
		t.Errorf("REPORT.md does not show the same answer")
	}
	if _, err := os.Stat(filepath.Join(dir, "speedup-procs.svg")); err != nil {
		t.Error(err)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("not a run\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rawDir := t.TempDir() // raw.txt is a folder
	if err := os.Mkdir(filepath.Join(rawDir, "raw.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	emptyRaw := t.TempDir()
	if err := os.WriteFile(filepath.Join(emptyRaw, "raw.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	reportDir := t.TempDir() // REPORT.md is a folder
	raw := "BenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t1\t10500000 ns/op\n"
	if err := os.WriteFile(filepath.Join(reportDir, "raw.txt"), []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(reportDir, "REPORT.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no args", nil, "usage: report <run folder>"},
		{"two args", []string{dir, dir}, "usage: report <run folder>"},
		{"bad flag", []string{"-x", dir}, "flag provided but not defined: -x"},
		{"missing raw", []string{dir}, filepath.Join(dir, "raw.txt") + ": no such file"},
		{"no such folder", []string{filepath.Join(dir, "nope")}, "run folder " + filepath.Join(dir, "nope") + ": no such file or directory"},
		{"a file", []string{file}, file + " is a file, not a run folder (a folder holding raw.txt)"},
		{"raw.txt is a folder", []string{rawDir}, filepath.Join(rawDir, "raw.txt") + ": a folder, not a file"},
		{"empty raw.txt", []string{emptyRaw}, filepath.Join(emptyRaw, "raw.txt") + ": empty file, no benchmark results"},
		{"REPORT.md is a folder", []string{reportDir}, filepath.Join(reportDir, "REPORT.md") + " is a folder, but the report writes a file of that name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tc.args, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q", stdout.String())
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-h"}, &stdout, &stderr)
	if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr.String(), "usage: report <run folder>") {
		t.Errorf("error %v stderr %q", err, stderr.String())
	}
}
