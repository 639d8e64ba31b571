package plots

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	dir := copyRun(t)
	bs := "goos: linux\n                        │ sequential │ spawn │\n"
	if err := os.WriteFile(filepath.Join(dir, BenchstatFile), []byte(bs), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	text := string(md)
	for _, want := range []string{
		"# concbench report: ",
		"## Machine and run",
		"| cpu | AMD EPYC 7B13 |",
		"| commit | abc1234 |",
		"| dep-x-perf | v0.0.0-20260908200009-22c9c6c9d4da |",
		"## Which strategy for which work",
		"| sleep d=10ms tasks=64 | 2 | **spawn** | 10.5ms | 61.4 [60.9, 61.9] |",
		"| hash (fine) size=64B rounds=1 tasks=4096 | 2 | **sequential** |",
		"## Verdicts",
		"| 1 | I/O-bound work speeds up with concurrency",
		"| **PASS** |",
		"## Charts",
		"![Time per task by strategy: sleep d=10ms tasks=64, procs=2](time-sleep-d-10ms-tasks-64.png)",
		"([SVG](speedup-procs.svg))",
		"| Sleep/d=10ms/tasks=64/strategy=exec/procs=2 | 4 | 360ms [306ms, 432ms] |",
		"noisy ±20 %",
		"| hash size=64KiB rounds=8 tasks=64 | spawn | 1: 0.99, 2: 1.90, 4: 1.93 | 0.044 |",
		"From benchstat.txt:\n\n```\ngoos: linux\n                        │ sequential │ spawn │\n```",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("REPORT.md lacks %q", want)
		}
	}
	if strings.Contains(text, "INCOMPLETE") || strings.Contains(text, "## Warnings") {
		t.Errorf("complete fixture reported as incomplete or with warnings")
	}
	for _, c := range rep.Charts {
		for _, ext := range []string{".png", ".svg"} {
			if _, err := os.Stat(filepath.Join(dir, c.Name+ext)); err != nil {
				t.Error(err)
			}
		}
	}
	noTemp(t, dir)
}

// noTemp fails if a temporary file was left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestGenerateIncomplete(t *testing.T) {
	dir := writeRun(t, "numcpu: 2\n"+lines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.5e6)+"BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t 1\t 1")
	if err := os.WriteFile(filepath.Join(dir, IncompleteFile), []byte("interrupted: signal: interrupt\nrun 2 of 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	text := string(md)
	if !strings.HasPrefix(text, "> **INCOMPLETE RUN.**") {
		t.Errorf("report does not start with the incomplete notice:\n%s", text[:min(len(text), 200)])
	}
	for _, want := range []string{
		"> interrupted: signal: interrupt\n> run 2 of 5\n",
		"## Warnings",
		"raw.txt:6: missing units",
		"no `sequential` baseline for Sleep sleep d=10ms tasks=64",
		"missing data: lesson 1 (sleep strategy=pool with workers ≥ tasks)",
		"benchstat.txt is absent from this run folder",
		"No data: the run has no HashProcs results",
		"**INCONCLUSIVE**",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("REPORT.md lacks %q", want)
		}
	}
	noTemp(t, dir)
}

func TestGenerateErrorWritesNothing(t *testing.T) {
	dir := writeRun(t, "BenchmarkX/a=1/procs=1 1 1 ns/op\nBenchmarkX/a=1/procs=1 1 oops ns/op\n")
	_, err := Generate(dir)
	if err == nil || !strings.Contains(err.Error(), "raw.txt:2:") {
		t.Fatalf("error %v, want raw.txt:2", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("files written on error: %v", ents)
	}
}

func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	for _, s := range []string{"old", "new"} {
		if err := writeAtomic(dir, "f.txt", []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(b) != "new" {
		t.Errorf("content %q", b)
	}
	noTemp(t, dir)
	if err := writeAtomic(filepath.Join(dir, "nope"), "f.txt", nil); err == nil || !strings.Contains(err.Error(), "writing ") {
		t.Errorf("error %v", err)
	}
}
