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
	if len(py.Verdicts) != 3 || len(py.Charts) != 2 {
		t.Errorf("%d verdicts and %d charts, want 3 and 2", len(py.Verdicts), len(py.Charts))
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

// pyAsyncRun writes a run folder with Go and CPython rows of sleep and a
// coarse hash, and CPython asyncio on sleep only (its families line names
// Sleep and Fetch; the test of fetch adds Fetch rows), at asyncioMs
// milliseconds per batch beside CPython threads' 20 ms and Go gil's
// 10.3 ms.
func pyAsyncRun(t *testing.T, asyncioMs float64) string {
	t.Helper()
	goRaw := "numcpu: 2\n" + strategyLines +
		benchLines("Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", 640e6) +
		benchLines("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.2e6) +
		benchLines("Sleep/d=10ms/tasks=64/strategy=gil/procs=2", 10.3e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2", 40e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2", 20e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=gil/procs=2", 40e6)
	py := "python: 3.11.7\npython-implementation: CPython\npython-gil: on\ncount: 6\n" +
		"counterpart-sequential: sequential\ncounterpart-threads: spawn\ncounterpart-asyncio: spawn\n" +
		"model-threads: gil\nmodel-asyncio: gil\n" +
		"idiom-threads: threading.Thread per task\nidiom-asyncio: an event loop in one thread, a coroutine per task\n" +
		"families-asyncio: Sleep Fetch\noverlaps-asyncio: threads\n" +
		benchLines("Sleep/d=10ms/tasks=64/strategy=sequential/lang=python/procs=2", 645e6) +
		benchLines("Sleep/d=10ms/tasks=64/strategy=threads/lang=python/procs=2", 20e6) +
		benchLines("Sleep/d=10ms/tasks=64/strategy=asyncio/lang=python/procs=2", asyncioMs*1e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/lang=python/procs=2", 30e6) +
		benchLines("Hash/size=64KiB/rounds=8/tasks=64/strategy=threads/lang=python/procs=2", 20e6)
	dir := writeRun(t, goRaw)
	if err := os.WriteFile(filepath.Join(dir, PythonFile), []byte(py), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPythonEventLoopVerdict: the last P verdict says whether asyncio
// overlaps waits as well as threads (time at most 10 % above theirs), with
// its time beside Go's gil and spawn; asyncio's model verdict is judged on
// sleep only, the family it runs.
func TestPythonEventLoopVerdict(t *testing.T) {
	for _, c := range []struct {
		asyncioMs float64
		want      Outcome
		note      string
	}{
		{10.8, Pass, "asyncio is more than 10 % faster than threads"},
		{21.5, Pass, ""},       // 7.5 % slower: inside the band
		{22, Inconclusive, ""}, // 10 % slower: the interval straddles the band
		{25, Fail, "not in p"}, // 25 % slower, significant
	} {
		t.Run(fmt.Sprint(c.asyncioMs), func(t *testing.T) {
			rep, err := Build(pyAsyncRun(t, c.asyncioMs))
			if err != nil {
				t.Fatal(err)
			}
			vs := rep.Python.Verdicts
			for _, v := range vs {
				t.Logf("P%d %s %s: %s (%s) p %s", v.Lesson, v.Outcome, v.Claim, v.Figure, v.Note, v.P)
			}
			// threads on sleep and hash, asyncio on sleep, the event loop.
			if len(vs) != 4 {
				t.Fatalf("%d verdicts, want 4", len(vs))
			}
			for _, v := range vs[:3] {
				if strings.Contains(v.Claim, "asyncio") && !strings.Contains(v.Claim, "on sleep") {
					t.Errorf("asyncio judged beyond sleep: %s", v.Claim)
				}
			}
			v := vs[3]
			wantClaim := "CPython asyncio (an event loop in one thread, a coroutine per task) overlaps I/O as well as threads (threading.Thread per task) do: on sleep d=10ms tasks=64 its time is at most 10 % above theirs."
			if v.Lesson != 4 || v.Claim != wantClaim {
				t.Errorf("P%d %q, want P4 %q", v.Lesson, v.Claim, wantClaim)
			}
			if v.Outcome != c.want {
				t.Errorf("asyncio at %.1f ms beside threads at 20 ms: %s, want %s (%s; %s)", c.asyncioMs, v.Outcome, c.want, v.Figure, v.Note)
			}
			if c.note == "not in p" {
				if !strings.Contains(v.P, "(asyncio vs threads, Sleep d=10ms tasks=64)") {
					t.Errorf("p-values %q lack asyncio vs threads", v.P)
				}
			} else if !strings.Contains(v.Note, c.note) {
				t.Errorf("note %q lacks %q", v.Note, c.note)
			}
			for _, want := range []string{"Go on sleep d=10ms tasks=64: gil 10.3ms (CPython asyncio / Go gil ", "spawn 10.2ms (CPython asyncio / Go spawn "} {
				if !strings.Contains(v.Note, want) {
					t.Errorf("note %q lacks %q", v.Note, want)
				}
			}
			if !strings.Contains(v.Figure, "CPython asyncio ") || !strings.Contains(v.Figure, "threads 20.0ms; time ratio") {
				t.Errorf("figure %q", v.Figure)
			}
			md := string(rep.Markdown())
			if !strings.Contains(md, "| P4 | CPython asyncio (an event loop in one thread") {
				t.Errorf("REPORT.md lacks the event-loop verdict")
			}
			if strings.Count(md, "| asyncio (python) |") != 1 {
				t.Errorf("REPORT.md has %d asyncio rows in its table, want 1 (sleep)", strings.Count(md, "| asyncio (python) |"))
			}
		})
	}
}

// TestPythonEventLoopMissing: without asyncio's rows the event-loop
// verdict is INCONCLUSIVE and says what is missing.
func TestPythonEventLoopMissing(t *testing.T) {
	dir := pyAsyncRun(t, 10.8)
	data, _ := os.ReadFile(filepath.Join(dir, PythonFile))
	var keep []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.Contains(l, "strategy=asyncio") {
			keep = append(keep, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, PythonFile), []byte(strings.Join(keep, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := rep.Python.Verdicts[len(rep.Python.Verdicts)-1]
	if v.Outcome != Inconclusive || !strings.Contains(v.Note, "no data: CPython Sleep d=10ms tasks=64 strategy=asyncio") {
		t.Errorf("without asyncio rows: %s %q: %q", v.Outcome, v.Claim, v.Note)
	}
}

// TestPythonEventLoopFetch: with Fetch rows too, the event-loop verdict
// judges sleep and fetch, and fails if asyncio is slower on either.
func TestPythonEventLoopFetch(t *testing.T) {
	dir := pyAsyncRun(t, 10.8)
	add := func(file, lines string) {
		f, err := os.OpenFile(filepath.Join(dir, file), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(lines); err != nil {
			t.Fatal(err)
		}
	}
	const fetch = "Fetch/d=5ms/size=16KiB/client=shared/tasks=16/strategy="
	add(RawFile, benchLines(fetch+"sequential/procs=2", 90e6)+benchLines(fetch+"spawn/procs=2", 6e6)+benchLines(fetch+"gil/procs=2", 6.5e6))
	add(PythonFile, benchLines(fetch+"sequential/lang=python/procs=2", 95e6)+benchLines(fetch+"threads/lang=python/procs=2", 9e6)+
		benchLines(fetch+"asyncio/lang=python/procs=2", 12e6))
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	vs := rep.Python.Verdicts
	for _, v := range vs {
		t.Logf("P%d %s %s: %s (%s) p %s", v.Lesson, v.Outcome, v.Claim, v.Figure, v.Note, v.P)
	}
	// threads on sleep, hash and fetch; asyncio on sleep and fetch; the event loop.
	if len(vs) != 6 {
		t.Fatalf("%d verdicts, want 6", len(vs))
	}
	v := vs[5]
	if !strings.Contains(v.Claim, "on sleep d=10ms tasks=64 and Fetch d=5ms size=16KiB client=shared tasks=16 its time") {
		t.Errorf("claim %q does not name sleep and fetch", v.Claim)
	}
	// Faster on sleep, a third slower on fetch: FAIL.
	if v.Outcome != Fail || !strings.Contains(v.Figure, "Fetch d=5ms size=16KiB client=shared tasks=16: CPython asyncio 12.0ms, threads 9.00ms") {
		t.Errorf("%s: %s", v.Outcome, v.Figure)
	}
	if !strings.Contains(v.Note, "Go on Fetch d=5ms size=16KiB client=shared tasks=16: gil 6.50ms") {
		t.Errorf("note %q lacks Go's gil on fetch", v.Note)
	}
}
