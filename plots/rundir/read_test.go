package rundir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
	"golang.org/x/perf/benchfmt"
)

func TestReadFixture(t *testing.T) {
	run, err := ReadRun(testrun.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	if got := len(run.Benchmarks); got != 66 {
		t.Errorf("%d benchmarks, want 66", got)
	}
	for key, want := range map[string]string{"goos": "linux", "numcpu": "2", "commit": "abc1234", "cgroup-cpus": "max", "cpu": "AMD EPYC 7B13"} {
		if got := run.ConfigValue(key); got != want {
			t.Errorf("config %s = %q, want %q", key, got, want)
		}
	}
	if !run.HigherBetter["tasks/s"] {
		t.Errorf("tasks/s not marked better=higher")
	}
	if run.Cores() != 2 {
		t.Errorf("cores = %v, want 2", run.Cores())
	}
	b := run.Benchmarks[1]
	if b.Name != "Sleep/d=10ms/tasks=64/strategy=spawn/procs=2" || b.Family != "Sleep" || b.Param("strategy") != "spawn" || b.Param("procs") != "2" {
		t.Errorf("benchmark 1 = %+v", b)
	}
	m := b.Metric("ns/op")
	if m == nil {
		t.Fatal("no ns/op (units must not be tidied to sec/op)")
	}
	// Samples 0.996, 0.998, 0.999, 1.001, 1.002, 1.004 × 10.5 ms: median
	// 10.5 ms, and with 6 samples the 95 % interval is the range, at
	// 1 − 2/2⁶ = 96.875 %.
	want := stat.Summary{Center: 10.5e6, Lo: 10.458e6, Hi: 10.542e6, Confidence: 0.96875, N: 6}
	if s := m.Summary; !testrun.Near(s.Center, want.Center) || !testrun.Near(s.Lo, want.Lo) || !testrun.Near(s.Hi, want.Hi) || s.N != 6 || !testrun.Near(s.Confidence, want.Confidence) {
		t.Errorf("spawn ns/op summary = %+v, want %+v", s, want)
	}
	if len(run.Warnings) != 0 || run.IsIncomplete || run.Benchstat != "" {
		t.Errorf("warnings %q, incomplete %v, benchstat %q", run.Warnings, run.IsIncomplete, run.Benchstat)
	}
}

func TestReadErrors(t *testing.T) {
	good := "goos: linux\nBenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t 1\t 10500000 ns/op\n"
	for _, tc := range []struct {
		name, raw string // raw "-" means no raw.txt
		want      string
	}{
		{"missing", "-", "raw.txt: no such file"},
		{"empty", "", "raw.txt: empty file"},
		{"blank", "\n\n  \n", "raw.txt: empty file"},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00", "raw.txt: binary data (NUL byte at offset 7)"},
		{"invalid utf-8", "goos: \xff\xfe\n", "raw.txt: invalid UTF-8"},
		{"no results", "goos: linux\nPASS\nok github.com/concbench/concbench/bench 1.2s\n", "raw.txt: no benchmark results"},
		{"syntax", good + "BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t 1\t 10x ns/op\n", "raw.txt:3: parsing measurement"},
		{"two syntax", good + "BenchmarkA 1\nBenchmarkB 1\n", "raw.txt:3: missing measurements (and 1 more syntax errors)"},
		{"bad name", "BenchmarkSleep/prose/procs=2 \t 1\t 5 ns/op\n", `raw.txt:1: benchmark name "Sleep/prose/procs=2": part "prose" is not key=value`},
		// Cut short (a full disk, a copy that stopped) in a run not marked
		// INCOMPLETE: the cut line is an error, not a silent loss.
		{"cut mid-line", good + "BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t 1\t 105", "raw.txt:3: missing units (the file ends in the middle of this line: was it cut short?)"},
		{"cut after a metric", good + "BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t 1\t 105 ns/op\t 7 cpu-", "raw.txt:3: the result line has no newline; the file ends in the middle of this line: was it cut short?"},
		{"cut mid-name", good + "BenchmarkSleep/d=10ms/tas", `raw.txt:3: "BenchmarkSleep/d=10ms/tas" is not a whole result line; the file ends in the middle of this line: was it cut short?`},
		{"cut after name", good + "BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t", "raw.txt:3: "},
		{"directory", "dir", "raw.txt: a folder, not a file; a run folder holds its results in a raw.txt file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.raw == "dir" {
				if err := os.Mkdir(filepath.Join(dir, runfile.RawFile), 0o755); err != nil {
					t.Fatal(err)
				}
			} else if tc.raw != "-" {
				if err := os.WriteFile(filepath.Join(dir, runfile.RawFile), []byte(tc.raw), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := ReadRun(dir)
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line containing %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, runfile.RawFile)) {
				t.Errorf("error %q does not name %s", err, filepath.Join(dir, runfile.RawFile))
			}
		})
	}
}

func TestSyntaxErrorType(t *testing.T) {
	dir := testrun.Write(t, "BenchmarkA/x=1/procs=1 1 1 ns/op\nBenchmarkB/x=1/procs=1 1 zz ns/op\n")
	_, err := ReadRun(dir)
	var se *benchfmt.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is not a *benchfmt.SyntaxError", err)
	}
	if se.Line != 2 || se.FileName != filepath.Join(dir, runfile.RawFile) {
		t.Errorf("syntax error at %s:%d, want %s:2", se.FileName, se.Line, filepath.Join(dir, runfile.RawFile))
	}
}

func TestReadIncompleteTolerates(t *testing.T) {
	dir := testrun.Write(t, "numcpu: 2\nBenchmarkSleep/d=10ms/tasks=64/strategy=spawn/procs=2 \t 1\t 10500000 ns/op\nBenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t 1\t 105")
	if err := os.WriteFile(filepath.Join(dir, runfile.IncompleteFile), []byte("interrupted by signal after 3 of 10 runs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, runfile.BenchstatFile), []byte("goos: linux\n│ sec/op │\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !run.IsIncomplete || run.Incomplete != "interrupted by signal after 3 of 10 runs" {
		t.Errorf("incomplete = %v %q", run.IsIncomplete, run.Incomplete)
	}
	if len(run.Warnings) != 1 || !strings.Contains(run.Warnings[0], "raw.txt:3: missing units") {
		t.Errorf("warnings = %q", run.Warnings)
	}
	if !strings.Contains(run.Benchstat, "sec/op") {
		t.Errorf("benchstat = %q", run.Benchstat)
	}
}

func TestConfigChangeWarns(t *testing.T) {
	dir := testrun.Write(t, "commit: a\nBenchmarkX/k=1/procs=1 1 5 ns/op\ncommit: b\nBenchmarkX/k=1/procs=1 1 6 ns/op\n")
	run, err := ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Warnings) != 1 || !strings.Contains(run.Warnings[0], `"commit" changes`) {
		t.Errorf("warnings = %q", run.Warnings)
	}
	if n := run.Benchmarks[0].Metric("ns/op").Summary.N; n != 2 {
		t.Errorf("pooled %d samples, want 2", n)
	}
}
