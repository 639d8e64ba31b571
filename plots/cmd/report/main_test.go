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
	goleak.VerifyTestMain(m)
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
	want := "wrote " + filepath.Join(dir, "REPORT.md") + " and 11 charts (PNG+SVG): 8 PASS, 0 FAIL, 0 INCONCLUSIVE\n"
	if stdout.String() != want || stderr.Len() != 0 {
		t.Errorf("stdout %q stderr %q, want %q", stdout.String(), stderr.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "speedup-procs.svg")); err != nil {
		t.Error(err)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no args", nil, "usage: report <run folder>"},
		{"two args", []string{dir, dir}, "usage: report <run folder>"},
		{"bad flag", []string{"-x", dir}, "flag provided but not defined: -x"},
		{"missing raw", []string{dir}, filepath.Join(dir, "raw.txt") + ": no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tc.args, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
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
