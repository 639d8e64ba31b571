package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// ioRun writes a raw.txt holding 6 samples of each benchmark, at ns/op
// times (1 + k/1000) for k = 0…5, and reads it back.
func ioRun(t *testing.T, ns map[string]float64) *rundir.Run {
	t.Helper()
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + testrun.StrategyLines)
	for k := range 6 {
		for name, v := range ns {
			v := v * (1 + float64(k)/1000)
			fmt.Fprintf(&b, "Benchmark%s \t 10 \t %.0f ns/op \t %.0f cpu-ns/op\n", name, v, v/2)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "raw.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run, err := rundir.ReadRun(dir)
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func ioData(fetchSpawn, perTaskSeq, fsyncPool float64) map[string]float64 {
	const fetch = "Fetch/d=5ms/size=16KiB/client=shared/tasks=32/strategy=%s/procs=2"
	const client = "FetchClient/d=0s/size=16KiB/client=%s/tasks=32/strategy=%s/procs=2"
	const file = "File/size=64KiB/sync=%s/tasks=16/strategy=%s/procs=2"
	return map[string]float64{
		fmt.Sprintf(fetch, "sequential"):              176e6,
		fmt.Sprintf(fetch, "spawn"):                   fetchSpawn,
		fmt.Sprintf(client, "shared", "sequential"):   2.4e6,
		fmt.Sprintf(client, "per-task", "sequential"): perTaskSeq,
		fmt.Sprintf(client, "shared", "pool"):         2.0e6,
		fmt.Sprintf(client, "per-task", "pool"):       4.5e6,
		fmt.Sprintf(file, "none", "sequential"):       3.5e6,
		fmt.Sprintf(file, "none", "pool"):             3.1e6,
		fmt.Sprintf(file, "fsync", "sequential"):      7.4e6,
		fmt.Sprintf(file, "fsync", "pool"):            fsyncPool,
	}
}

func ioVerdictsOf(t *testing.T, ns map[string]float64) []judge.Verdict {
	t.Helper()
	run := ioRun(t, ns)
	vs := judge.Verdicts(run, run.Derive())
	if len(vs) != 3 {
		t.Fatalf("%d verdicts, want the 3 real I/O claims alone (no row of the lessons' families)", len(vs))
	}
	return vs
}

func TestIOVerdictsPass(t *testing.T) {
	vs := ioVerdictsOf(t, ioData(5.5e6, 4.4e6, 5.2e6))
	want := []struct {
		lesson int
		figure string
	}{
		{9, "fetch spawn efficiency 0.91 [0.90, 0.91]"},
		{10, "sequential per-task/shared time 1.83 [1.82, 1.84]; pool per-task/shared time 2.25 [2.24, 2.26]"},
		{11, "fsync pool speedup 1.42 [1.42, 1.43]"},
	}
	for i, v := range vs {
		if v.Lesson != want[i].lesson || v.Outcome != stat.Pass || v.Figure() != want[i].figure {
			t.Errorf("verdict %d: %s %q (note %q), want PASS %q", v.Lesson, v.Outcome, v.Figure(), v.Note(), want[i].figure)
		}
	}
	if !strings.Contains(vs[0].Note(), "at least") || !strings.Contains(vs[2].Note(), "sequential fsync/none time 2.11") {
		t.Errorf("notes lack the CPU floor or the fsync cost: %q; %q", vs[0].Note(), vs[2].Note())
	}
}

func TestIOVerdictsFail(t *testing.T) {
	// spawn at 10 ms against an ideal of 5 ms; a new connection no dearer
	// than a shared one; fsync with pool as slow as sequential.
	vs := ioVerdictsOf(t, ioData(10e6, 2.4e6, 7.4e6))
	if vs[0].Outcome != stat.Fail {
		t.Errorf("fetch at half the ideal: %s %q, want FAIL", vs[0].Outcome, vs[0].Figure())
	}
	for _, v := range vs[1:] {
		if v.Outcome == stat.Pass {
			t.Errorf("verdict %d: PASS %q on data that do not show it", v.Lesson, v.Figure())
		}
	}
}

func TestIOVerdictsOnlyWithIOData(t *testing.T) {
	run := ioRun(t, map[string]float64{"Decode/records=100/tasks=64/strategy=sequential/procs=2": 26e6})
	if vs := judge.Verdicts(run, run.Derive()); len(vs) != 0 {
		t.Errorf("a run of a user's own workload got %d verdicts, want none", len(vs))
	}
	run = ioRun(t, map[string]float64{"Sleep/d=10ms/tasks=64/strategy=sequential/procs=2": 640e6})
	if vs := judge.Verdicts(run, run.Derive()); len(vs) != 8 {
		t.Errorf("a run without real I/O rows got %d verdicts, want the 8 lessons", len(vs))
	}
	// With some I/O rows but not others, the missing ones say so.
	run = ioRun(t, map[string]float64{
		"Sleep/d=10ms/tasks=64/strategy=sequential/procs=2":               640e6,
		"File/size=64KiB/sync=fsync/tasks=16/strategy=sequential/procs=2": 7e6,
	})
	vs := judge.Verdicts(run, run.Derive())
	if len(vs) != 11 || vs[8].Outcome != stat.Inconclusive || !strings.Contains(vs[8].Note(), "no data: Fetch strategy=spawn") ||
		!strings.Contains(vs[10].Note(), "no data: File sync=fsync strategy=pool") {
		t.Errorf("partial I/O data: %+v", vs[8:])
	}
}
