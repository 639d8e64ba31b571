package plots

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/internal/atomicfile"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/runfile"
)

func TestGenerate(t *testing.T) {
	dir := testrun.Copy(t)
	bs := "goos: linux\n                        │ sequential │ spawn │\n"
	if err := os.WriteFile(filepath.Join(dir, runfile.BenchstatFile), []byte(bs), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, runfile.ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	text := string(md)
	for _, want := range []string{
		"# concbench report: ",
		"## Machine and run",
		"| cpu | AMD EPYC 7B13 |",
		"| commit | abc1234 |",
		"The benchstat tables are in [`benchstat.txt`](benchstat.txt); the dependency versions in [`deps.txt`](deps.txt).",
		"## Which strategy for which work",
		"| waiting on a timer | sleep d=10ms tasks=64 | 10.1ms | **spawn** | 61.4 [60.9, 61.9] | 10.5ms |",
		"| CPU-bound, tiny tasks | hash (fine) size=64B rounds=1 tasks=4096 | 195ns | **sequential** |",
		"## Verdicts",
		"| 1 | I/O-bound work speeds up with concurrency",
		"| **PASS** |",
		"## Charts",
		"## Appendix",
		"### Charts of each workload",
		"#### Batch time by strategy, fastest on top: sleep d=10ms tasks=64, procs=2\n\n![Batch time by strategy, fastest on top: sleep d=10ms tasks=64, procs=2](time-sleep-d-10ms-tasks-64.png)",
		"([SVG](speedup-procs.svg))",
		"| Sleep/d=10ms/tasks=64/strategy=exec/procs=2 | 6 | 360ms [306ms, 432ms] |",
		"noisy ±20 %",
		"| hash size=64KiB rounds=8 tasks=64 | spawn | 1: 0.99, 2: 1.90, 4: 1.93 | 0.044 |",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("REPORT.md lacks %q", want)
		}
	}
	if strings.Contains(text, "INCOMPLETE") || strings.Contains(text, "## Warnings") {
		t.Errorf("complete fixture reported as incomplete or with warnings")
	}
	if strings.Contains(text, "dep-x-perf") || strings.Contains(text, "│ sequential │") {
		t.Errorf("REPORT.md holds the dependency versions or the benchstat tables instead of linking them")
	}
	deps, err := os.ReadFile(filepath.Join(dir, runfile.DepsFile))
	if err != nil || !strings.Contains(string(deps), "\nx-perf v0.0.0-20260908200009-22c9c6c9d4da\n") {
		t.Errorf("%s = %q, %v; want the dep-x-perf version", runfile.DepsFile, deps, err)
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
	dir := testrun.Write(t, "numcpu: 2\n"+testrun.Lines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.5e6)+"BenchmarkSleep/d=10ms/tasks=64/strategy=gil/procs=2 \t 1\t 1")
	if err := os.WriteFile(filepath.Join(dir, runfile.IncompleteFile), []byte("interrupted: signal: interrupt\nrun 2 of 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, runfile.ReportFile))
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
		"raw.txt:8: missing units",
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
	dir := testrun.Write(t, "BenchmarkX/a=1/procs=1 1 1 ns/op\nBenchmarkX/a=1/procs=1 1 oops ns/op\n")
	_, err := Generate(dir)
	if err == nil || !strings.Contains(err.Error(), "raw.txt:2:") {
		t.Fatalf("error %v, want raw.txt:2", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("files written on error: %v", ents)
	}
}

// snapshot returns the files of dir (not recursive) with their bytes;
// folders have a nil value.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range ents {
		if e.IsDir() {
			files[e.Name()] = nil
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// sameSnapshot fails t unless dir holds exactly what it held before.
func sameSnapshot(t *testing.T, dir string, before map[string][]byte) {
	t.Helper()
	after := snapshot(t, dir)
	for name, b := range before {
		if a, ok := after[name]; !ok {
			t.Errorf("%s was removed", name)
		} else if !bytes.Equal(a, b) {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was created", name)
		}
	}
}

// smallRun makes a run folder with a few Sleep results: a report with a
// few charts, quick to draw under -race.
func smallRun(t *testing.T) string {
	t.Helper()
	return testrun.Write(t, "numcpu: 2\n"+
		testrun.Lines("Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", 640e6)+
		testrun.Lines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.5e6))
}

// earlierReport makes a run folder that already holds a report: charts
// and a REPORT.md whose bytes differ from what Generate would write now,
// so that any replacement shows.
func earlierReport(t *testing.T) (dir string, rep *Report) {
	t.Helper()
	dir = smallRun(t)
	rep, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Charts {
		for _, ext := range []string{".png", ".svg"} {
			if err := os.WriteFile(filepath.Join(dir, c.Name+ext), []byte("earlier "+c.Name+ext), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, runfile.ReportFile), []byte("# earlier report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, rep
}

// TestGenerateCannotWrite makes the run folder refuse the report: a name
// the report needs is taken by a folder, or the disk fills up while
// REPORT.md is written. Each gives one line naming the file, replaces
// nothing (an earlier REPORT.md and earlier charts stay byte for byte) and
// leaves no temporary file.
func TestGenerateCannotWrite(t *testing.T) {
	t.Run("REPORT.md is a folder", func(t *testing.T) {
		dir := smallRun(t)
		if err := os.MkdirAll(filepath.Join(dir, runfile.ReportFile, "inside"), 0o755); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		_, err := Generate(dir)
		want := filepath.Join(dir, runfile.ReportFile) + " is a folder, but the report writes a file of that name: move the folder away and run the report again"
		if err == nil || err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
		sameSnapshot(t, dir, before)
	})
	t.Run("chart name is a folder", func(t *testing.T) {
		dir, rep := earlierReport(t)
		// The last chart's SVG: every other chart comes before it.
		chart := filepath.Join(dir, rep.Charts[len(rep.Charts)-1].Name+".svg")
		if err := os.Remove(chart); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(chart, 0o755); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		_, err := Generate(dir)
		if err == nil || !strings.HasPrefix(err.Error(), chart+" is a folder") || strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q, want one line naming %s", err, chart)
		}
		sameSnapshot(t, dir, before)
	})
	t.Run("disk full", func(t *testing.T) {
		dir, _ := earlierReport(t)
		before := snapshot(t, dir)
		// Write half of REPORT.md, then hit /dev/full, which fails every
		// write with ENOSPC.
		w := atomicfile.Writer{Write: func(f *os.File, data []byte) error {
			if !strings.HasPrefix(filepath.Base(f.Name()), "."+runfile.ReportFile) {
				_, err := f.Write(data)
				return err
			}
			if _, err := f.Write(data[:len(data)/2]); err != nil {
				return err
			}
			full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer full.Close()
			_, err = full.Write(data[len(data)/2:])
			return err
		}}
		_, err := generate(dir, w)
		want := "writing " + filepath.Join(dir, runfile.ReportFile) + ": no space left on device"
		if err == nil || err.Error() != want {
			t.Errorf("error %q, want %q", err, want)
		}
		sameSnapshot(t, dir, before)
	})
}
