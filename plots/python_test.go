package plots

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// pyRun writes a run folder with Go rows (raw.txt) and CPython rows
// (python.txt) for a coarse hash and pycpu: in the data, CPython threads
// scale on hash (hashlib releases the GIL) but not on pycpu, as gil
// predicts; Go's process is faster than multiprocessing.Pool.
func pyRun(t *testing.T) string {
	t.Helper()
	goRaw := "numcpu: 2\n" + testrun.StrategyLines +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2", 40e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2", 20e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=gil/procs=2", 40e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=process/procs=2", 21e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=process/workers=8/procs=2", 21e6) +
		testrun.Spread("Pycpu/n=100000/tasks=16/strategy=sequential/procs=2", 2e6) +
		testrun.Spread("Pycpu/n=100000/tasks=16/strategy=gil/procs=2", 2e6)
	py := "python: 3.11.7\npython-implementation: CPython\npython-gil: on\ncount: 6\n" +
		"counterpart-sequential: sequential\ncounterpart-threads: spawn\ncounterpart-mppool: process\nmodel-threads: gil\n" +
		"idiom-mppool: multiprocessing.Pool(W)\n" +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/lang=python/procs=2", 30e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=threads/lang=python/procs=2", 20e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=mppool/lang=python/procs=2", 25e6) +
		testrun.Spread("Pycpu/n=100000/tasks=16/strategy=sequential/lang=python/procs=2", 80e6) +
		testrun.Spread("Pycpu/n=100000/tasks=16/strategy=threads/lang=python/procs=2", 81e6)
	dir := testrun.Write(t, goRaw)
	if err := os.WriteFile(filepath.Join(dir, runfile.PythonFile), []byte(py), 0o644); err != nil {
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
	got := map[string]stat.Outcome{}
	for _, v := range py.Verdicts {
		got[v.Claim] = v.Outcome
		t.Logf("P%d %s %s: %s (%s)", v.Lesson, v.Outcome, v.Claim, v.Figure(), v.Note())
	}
	for claim, want := range map[string]stat.Outcome{
		"The gil model predicts CPython threads on hash (coarse) size=64KiB rounds=8 tasks=64: speedups over sequential agree within 15 %.": stat.Fail,
		"The gil model predicts CPython threads on Pycpu n=100000 tasks=16: speedups over sequential agree within 15 %.":                    stat.Pass,
		"Go's process is at least as fast as CPython's mppool (multiprocessing.Pool(W)) on the coarse hash.":                                stat.Pass,
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
	raw, _ := os.ReadFile(filepath.Join(dir, runfile.RawFile))
	var keep []string
	for _, l := range strings.Split(string(raw), "\n") {
		if !strings.Contains(l, "Pycpu/n=100000/tasks=16/strategy=gil") {
			keep = append(keep, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, runfile.RawFile), []byte(strings.Join(keep, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rep.Python.Verdicts {
		if strings.Contains(v.Claim, "Pycpu") && (v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "no data: Go strategy=gil")) {
			t.Errorf("pycpu without Go gil: %s, %q", v.Outcome, v.Note())
		}
	}
}

func TestPythonFileProblems(t *testing.T) {
	// Absent: no section.
	rep, err := Build(testrun.Copy(t))
	if err != nil || rep.Python != nil || strings.Contains(string(rep.Markdown()), "Go vs CPython") {
		t.Errorf("without python.txt: %v, section %v", err, rep != nil && rep.Python != nil)
	}
	// Only configuration lines (interrupted before the first result): a note.
	dir := testrun.Copy(t)
	os.WriteFile(filepath.Join(dir, runfile.PythonFile), []byte("python: 3.11.7\n"), 0o644)
	rep, err = Build(dir)
	if err != nil || rep.Python == nil || !strings.Contains(string(rep.Markdown()), "holds no results yet") {
		t.Errorf("python.txt without results: %v", err)
	}
	// Malformed: an error naming the file and line.
	os.WriteFile(filepath.Join(dir, runfile.PythonFile), []byte("python: 3.11.7\nBenchmarkX/strategy=threads/lang=python/procs=2 1 zz ns/op\n"), 0o644)
	if _, err := Build(dir); err == nil || !strings.Contains(err.Error(), runfile.PythonFile+":2") {
		t.Errorf("malformed python.txt: %v, want an error naming %s:2", err, runfile.PythonFile)
	}
	// A folder of that name.
	dir = testrun.Copy(t)
	os.Mkdir(filepath.Join(dir, runfile.PythonFile), 0o755)
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

// python.txt has no strategy lines: its sequential takes the Go
// sequential's properties from raw.txt (each language's speedup is over
// its own sequential); its other strategies are unknown.
func TestPropsOfPython(t *testing.T) {
	rep, err := Build(pyRun(t))
	if err != nil {
		t.Fatal(err)
	}
	py := rep.Python.Run
	if p := py.PropsOf("sequential"); !rundir.IsBaseline(p) || p != rep.Run.PropsOf("sequential") {
		t.Errorf("CPython sequential: %+v", p)
	}
	if p := py.PropsOf("threads"); p.Rank != rundir.UnknownRank || rundir.IsBaseline(p) {
		t.Errorf("CPython threads: %+v", p)
	}
}
