package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// The event-loop verdict: CPython asyncio against threads and the Go models.

// pyAsyncRun writes a run folder with Go and CPython rows of sleep and a
// coarse hash, and CPython asyncio on sleep only (its families line names
// Sleep and Fetch; the test of fetch adds Fetch rows), at asyncioMs
// milliseconds per batch beside CPython threads' 20 ms and Go gil's
// 10.3 ms.
func pyAsyncRun(t *testing.T, asyncioMs float64) string {
	t.Helper()
	goRaw := "numcpu: 2\n" + testrun.StrategyLines +
		testrun.Spread("Sleep/d=10ms/tasks=64/strategy=sequential/procs=2", 640e6) +
		testrun.Spread("Sleep/d=10ms/tasks=64/strategy=spawn/procs=2", 10.2e6) +
		testrun.Spread("Sleep/d=10ms/tasks=64/strategy=gil/procs=2", 10.3e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/procs=2", 40e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=spawn/procs=2", 20e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=gil/procs=2", 40e6)
	py := "python: 3.11.7\npython-implementation: CPython\npython-gil: on\ncount: 6\n" +
		"counterpart-sequential: sequential\ncounterpart-threads: spawn\ncounterpart-asyncio: spawn\n" +
		"model-threads: gil\nmodel-asyncio: gil\n" +
		"idiom-threads: threading.Thread per task\nidiom-asyncio: an event loop in one thread, a coroutine per task\n" +
		"families-asyncio: Sleep Fetch\noverlaps-asyncio: threads\n" +
		testrun.Spread("Sleep/d=10ms/tasks=64/strategy=sequential/lang=python/procs=2", 645e6) +
		testrun.Spread("Sleep/d=10ms/tasks=64/strategy=threads/lang=python/procs=2", 20e6) +
		testrun.Spread("Sleep/d=10ms/tasks=64/strategy=asyncio/lang=python/procs=2", asyncioMs*1e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=sequential/lang=python/procs=2", 30e6) +
		testrun.Spread("Hash/size=64KiB/rounds=8/tasks=64/strategy=threads/lang=python/procs=2", 20e6)
	dir := testrun.Write(t, goRaw)
	if err := os.WriteFile(filepath.Join(dir, runfile.PythonFile), []byte(py), 0o644); err != nil {
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
		want      stat.Outcome
		note      string
	}{
		{10.8, stat.Pass, "asyncio is more than 10 % faster than threads"},
		{21.5, stat.Pass, ""},       // 7.5 % slower: inside the band
		{22, stat.Inconclusive, ""}, // 10 % slower: the interval straddles the band
		{25, stat.Fail, "not in p"}, // 25 % slower, significant
	} {
		t.Run(fmt.Sprint(c.asyncioMs), func(t *testing.T) {
			rep, err := Build(pyAsyncRun(t, c.asyncioMs))
			if err != nil {
				t.Fatal(err)
			}
			vs := rep.Python.Verdicts
			for _, v := range vs {
				t.Logf("P%d %s %s: %s (%s) p %s", v.Lesson, v.Outcome, v.Claim, v.Figure(), v.Note(), v.P())
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
				t.Errorf("asyncio at %.1f ms beside threads at 20 ms: %s, want %s (%s; %s)", c.asyncioMs, v.Outcome, c.want, v.Figure(), v.Note())
			}
			if c.note == "not in p" {
				if !strings.Contains(v.P(), "(asyncio vs threads, Sleep d=10ms tasks=64)") {
					t.Errorf("p-values %q lack asyncio vs threads", v.P())
				}
			} else if !strings.Contains(v.Note(), c.note) {
				t.Errorf("note %q lacks %q", v.Note(), c.note)
			}
			for _, want := range []string{"Go on sleep d=10ms tasks=64: gil 10.3ms (CPython asyncio / Go gil ", "spawn 10.2ms (CPython asyncio / Go spawn "} {
				if !strings.Contains(v.Note(), want) {
					t.Errorf("note %q lacks %q", v.Note(), want)
				}
			}
			if !strings.Contains(v.Figure(), "CPython asyncio ") || !strings.Contains(v.Figure(), "threads 20.0ms; time ratio") {
				t.Errorf("figure %q", v.Figure())
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
	data, _ := os.ReadFile(filepath.Join(dir, runfile.PythonFile))
	var keep []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.Contains(l, "strategy=asyncio") {
			keep = append(keep, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, runfile.PythonFile), []byte(strings.Join(keep, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := rep.Python.Verdicts[len(rep.Python.Verdicts)-1]
	if v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "no data: CPython Sleep d=10ms tasks=64 strategy=asyncio") {
		t.Errorf("without asyncio rows: %s %q: %q", v.Outcome, v.Claim, v.Note())
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
	add(runfile.RawFile, testrun.Spread(fetch+"sequential/procs=2", 90e6)+testrun.Spread(fetch+"spawn/procs=2", 6e6)+testrun.Spread(fetch+"gil/procs=2", 6.5e6))
	add(runfile.PythonFile, testrun.Spread(fetch+"sequential/lang=python/procs=2", 95e6)+testrun.Spread(fetch+"threads/lang=python/procs=2", 9e6)+
		testrun.Spread(fetch+"asyncio/lang=python/procs=2", 12e6))
	rep, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	vs := rep.Python.Verdicts
	for _, v := range vs {
		t.Logf("P%d %s %s: %s (%s) p %s", v.Lesson, v.Outcome, v.Claim, v.Figure(), v.Note(), v.P())
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
	if v.Outcome != stat.Fail || !strings.Contains(v.Figure(), "Fetch d=5ms size=16KiB client=shared tasks=16: CPython asyncio 12.0ms, threads 9.00ms") {
		t.Errorf("%s: %s", v.Outcome, v.Figure())
	}
	if !strings.Contains(v.Note(), "Go on Fetch d=5ms size=16KiB client=shared tasks=16: gil 6.50ms") {
		t.Errorf("note %q lacks Go's gil on fetch", v.Note())
	}
}
