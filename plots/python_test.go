package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchLines returns six result lines of name around the median ns, with a
// ±0.5 % spread, so that intervals are narrow and tests decisive.
func benchLines(name string, median float64) string {
	var b strings.Builder
	for _, f := range []float64{0.995, 0.997, 0.999, 1.001, 1.003, 1.005} {
		fmt.Fprintf(&b, "Benchmark%s\t1\t%.0f ns/op\n", name, median*f)
	}
	return b.String()
}

// pyRun writes a run folder with Go rows (raw.txt) and CPython rows
// (python.txt) for a coarse hash and pycpu: in the data, CPython threads
// scale on hash (hashlib releases the GIL) but not on pycpu, as gil
// predicts; Go's process is faster than multiprocessing.Pool.
func pyRun(t *testing.T) string {
	t.Helper()
	goRaw := "numcpu: 2\n" + strategyLines +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2", 40e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2", 20e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=gil/procs=2", 40e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=process/procs=2", 21e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=process/workers=8/procs=2", 21e6) +
		benchLines("Pycpu/n=100000/tasks=16/strategy=sequential/procs=2", 2e6) +
		benchLines("Pycpu/n=100000/tasks=16/strategy=gil/procs=2", 2e6)
	py := "python: 3.11.7\npython-implementation: CPython\npython-gil: on\ncount: 6\n" +
		"counterpart-sequential: sequential\ncounterpart-threads: spawn\ncounterpart-mppool: process\nmodel-threads: gil\n" +
		"idiom-mppool: multiprocessing.Pool(W)\n" +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/lang=python/procs=2", 30e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=threads/lang=python/procs=2", 20e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=mppool/lang=python/procs=2", 25e6) +
		benchLines("Pycpu/n=100000/tasks=16/strategy=sequential/lang=python/procs=2", 80e6) +
		benchLines("Pycpu/n=100000/tasks=16/strategy=threads/lang=python/procs=2", 81e6)
	dir := writeRun(t, goRaw)
	if err := os.WriteFile(filepath.Join(dir, PythonFile), []byte(py), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPythonVerdicts(t *testing.T) {
	rep, err := Build(pyRun(t))
	if err != nil {
		t.Fatal(err)
	}
	py := rep.Python
	if py == nil {
		t.Fatal("no Go vs CPython comparison though python.txt is present")
	}
	got := map[string]Outcome{}
	for _, v := range py.Verdicts {
		got[v.Claim] = v.Outcome
		t.Logf("P%d %s %s: %s (%s)", v.Lesson, v.Outcome, v.Claim, v.Figure, v.Note)
	}
	for claim, want := range map[string]Outcome{
		"The gil model predicts CPython threads on hash (coarse) size=64KiB rounds=8 tasks=64: speedups over sequential agree within 15 %.": Fail,
		"The gil model predicts CPython threads on Pycpu n=100000 tasks=16: speedups over sequential agree within 15 %.":                    Pass,
		"Go's process is at least as fast as CPython's mppool (multiprocessing.Pool(W)) on the coarse hash.":                                Pass,
	} {
		if got[claim] != want {
			t.Errorf("%q: %s, want %s", claim, got[claim], want)
		}
	}
	if len(py.Verdicts) != 3 || len(rep.PythonCharts) != 2 {
		t.Errorf("%d verdicts and %d charts, want 3 and 2", len(py.Verdicts), len(rep.PythonCharts))
	}
	// Go's process row with workers=8 belongs to a sweep, not the pair.
	for _, w := range py.Workloads {
		if r := w.Go["process"]; r != nil && r.Workers != 0 {
			t.Errorf("%s: paired with %s", w.Key, r.Bench.Name)
		}
	}
	md := string(rep.Markdown())
	for _, want := range []string{"## Go vs CPython", "CPython 3.11.7 (GIL on)", "| P1 |", "![Go vs CPython", "| mppool (python) |"} {
		if !strings.Contains(md, want) {
			t.Errorf("REPORT.md lacks %q", want)
		}
	}
}

func TestPythonMissingPieces(t *testing.T) {
	dir := pyRun(t)
	// Without Go's gil on pycpu the model verdict there has no data.
	raw, _ := os.ReadFile(filepath.Join(dir, RawFile))
	var keep []string
	for _, l := range strings.Split(string(raw), "\n") {
		if !strings.Contains(l, "Pycpu/n=100000/tasks=16/strategy=gil") {
			keep = append(keep, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, RawFile), []byte(strings.Join(keep, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rep.Python.Verdicts {
		if strings.Contains(v.Claim, "Pycpu") && (v.Outcome != Inconclusive || !strings.Contains(v.Note, "no data: Go strategy=gil")) {
			t.Errorf("pycpu without Go gil: %s, %q", v.Outcome, v.Note)
		}
	}
}

func TestPythonFileProblems(t *testing.T) {
	// Absent: no section.
	rep, err := Build(copyRun(t))
	if err != nil || rep.Python != nil || strings.Contains(string(rep.Markdown()), "Go vs CPython") {
		t.Errorf("without python.txt: %v, section %v", err, rep != nil && rep.Python != nil)
	}
	// Only configuration lines (interrupted before the first result): a note.
	dir := copyRun(t)
	os.WriteFile(filepath.Join(dir, PythonFile), []byte("python: 3.11.7\n"), 0o644)
	rep, err = Build(dir)
	if err != nil || rep.Python == nil || !strings.Contains(string(rep.Markdown()), "holds no results yet") {
		t.Errorf("python.txt without results: %v", err)
	}
	// Malformed: an error naming the file and line.
	os.WriteFile(filepath.Join(dir, PythonFile), []byte("python: 3.11.7\nBenchmarkX/strategy=threads/lang=python/procs=2 1 zz ns/op\n"), 0o644)
	if _, err := Build(dir); err == nil || !strings.Contains(err.Error(), PythonFile+":2") {
		t.Errorf("malformed python.txt: %v, want an error naming %s:2", err, PythonFile)
	}
	// A folder of that name.
	dir = copyRun(t)
	os.Mkdir(filepath.Join(dir, PythonFile), 0o755)
	if _, err := Build(dir); err == nil || !strings.Contains(err.Error(), "a folder, not a file") {
		t.Errorf("python.txt folder: %v", err)
	}
}

func TestGeneratePythonCharts(t *testing.T) {
	dir := pyRun(t)
	if _, err := Generate(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"python-hash-coarse-size-64kib-rounds-8-tasks-64", "python-pycpu-n-100000-tasks-16"} {
		for _, ext := range []string{".png", ".svg"} {
			if fi, err := os.Stat(filepath.Join(dir, name+ext)); err != nil || fi.Size() < 1000 {
				t.Errorf("%s%s: %v", name, ext, err)
			}
		}
	}
}
