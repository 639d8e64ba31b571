package judge

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// crashRun writes a raw.txt with n samples of the crash family, one line
// per strategy per sample with its survived, delivered and next-batch
// values, and reads it back.
func crashRun(t *testing.T, n int, rows map[string][3]float64) *rundir.Run {
	t.Helper()
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + testrun.StrategyLines + "Unit survived better=higher\nUnit delivered better=higher\nUnit next-batch better=higher\n")
	// In a fixed order (the strategies' names, sorted), as a run writes
	// them: the verdict lists its strategies in the order of the file.
	for k := range n {
		for _, st := range slices.Sorted(maps.Keys(rows)) {
			v := rows[st]
			fmt.Fprintf(&b, "BenchmarkCrash/k=8/d=1ms/tasks=16/strategy=%s/procs=2 \t 1 \t %d ns/op \t %g survived \t %g delivered \t %g next-batch\n", st, 40_000_000+k*1000, v[0], v[1], v[2])
		}
	}
	return testrows.ReadRaw(t, b.String())
}

func crashVerdictOf(t *testing.T, n int, rows map[string][3]float64) Verdict {
	t.Helper()
	run := crashRun(t, n, rows)
	vs := Verdicts(run, run.Derive())
	if len(vs) != 1 {
		t.Fatalf("%d crash verdicts, want 1", len(vs))
	}
	t.Logf("%s: %s (%s)", vs[0].Outcome, vs[0].Figure(), vs[0].Note())
	return vs[0]
}

// contained is what the crash family measures: the process-based
// strategies survive with about half the other results and run the next
// batch; the in-process ones lose the program.
var contained = map[string][3]float64{
	"sequential": {0, 0, 0}, "spawn": {0, 0, 0}, "pool": {0, 0, 0}, "gil": {0, 0, 0},
	"ants": {0, 0, 0}, "errgroup": {0, 0, 0},
	"process": {1, 8, 1}, "exec": {1, 7.5, 1},
}

func TestCrashVerdictPass(t *testing.T) {
	v := crashVerdictOf(t, 6, contained)
	if v.Outcome != stat.Pass {
		t.Errorf("outcome %s, want PASS", v.Outcome)
	}
	for _, want := range []string{"process survived, 8 of 15 other results delivered, next batch ran", "exec survived, 7.5 of 15", ": program lost, no result delivered", "spawn", "gil"} {
		if !strings.Contains(v.Figure(), want) {
			t.Errorf("figure %q lacks %q", v.Figure(), want)
		}
	}
	if len(v.Rows) != len(contained) || !strings.HasPrefix(v.Rows[0], "Crash/k=8/d=1ms/tasks=16/strategy=") {
		t.Errorf("rows %q", v.Rows)
	}
	if !strings.HasPrefix(v.Claim, "Processes contain a crash; in-process strategies lose the program") {
		t.Errorf("claim %q", v.Claim)
	}
}

func TestCrashVerdictFail(t *testing.T) {
	survivor := map[string][3]float64{"spawn": {1, 15, 1}, "process": {1, 8, 1}}
	if v := crashVerdictOf(t, 6, survivor); v.Outcome != stat.Fail || !strings.Contains(v.Figure(), "spawn survived in 100 % of its samples") {
		t.Errorf("an in-process survivor: %s, %s", v.Outcome, v.Figure())
	}
	lostNext := map[string][3]float64{"spawn": {0, 0, 0}, "process": {1, 8, 0.5}}
	if v := crashVerdictOf(t, 6, lostNext); v.Outcome != stat.Fail || !strings.Contains(v.Figure(), "next batch ran in 50 %") {
		t.Errorf("a process without its next batch: %s, %s", v.Outcome, v.Figure())
	}
}

func TestCrashVerdictInconclusive(t *testing.T) {
	if v := crashVerdictOf(t, 5, contained); v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "too few samples: n=5") {
		t.Errorf("5 samples: %s (%s)", v.Outcome, v.Note())
	}
	if v := crashVerdictOf(t, 6, map[string][3]float64{"spawn": {0, 0, 0}}); v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "no data: Crash rows of a process-based strategy") {
		t.Errorf("no process row: %s (%s)", v.Outcome, v.Note())
	}
	if v := crashVerdictOf(t, 6, map[string][3]float64{"exec": {1, 3, 1}}); v.Outcome != stat.Inconclusive || !strings.Contains(v.Note(), "no data: Crash rows of an in-process strategy") {
		t.Errorf("no in-process row: %s (%s)", v.Outcome, v.Note())
	}
	if vs := JudgeLessons(LessonTable(), nil, 2); vs != nil {
		t.Errorf("a run without Crash rows has crash verdicts %v", vs)
	}
}

// TestCrashVerdictInReport: the verdict is numbered after the others; the
// crash rows are in no recommendation. (Its row in REPORT.md is pinned by
// the golden report of results/example.)
func TestCrashVerdictInReport(t *testing.T) {
	run := crashRun(t, 6, contained)
	rows := run.Derive()
	vs := Verdicts(run, rows)
	if len(vs) == 0 || !strings.HasPrefix(vs[len(vs)-1].Claim, "Processes contain a crash") {
		t.Fatalf("verdicts %v lack the crash lesson", vs)
	}
	if cs := answer.Choose(rows); len(cs) != 0 {
		t.Errorf("the crash rows got a recommendation: %+v", cs)
	}
}
