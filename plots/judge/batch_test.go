package judge

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/answer"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

// fineRun writes a run of the fine hash with exec measured on a batch of
// 64 tasks, as make bench measures it, over 8 numbered rounds.
func fineRun(t *testing.T) string {
	var b strings.Builder
	b.WriteString("numcpu: 2\n")
	perTask := map[string]float64{"sequential": 200, "spawn": 1800, "process": 230, "exec": 3e6}
	for round := 1; round <= 8; round++ {
		fmt.Fprintf(&b, "round: %d\n", round)
		for _, st := range []string{"sequential", "spawn", "process", "exec"} {
			tasks := 4096
			if st == "exec" {
				tasks = 64
			}
			ns := perTask[st] * float64(tasks) * (1 + 0.01*float64(round%3))
			fmt.Fprintf(&b, "BenchmarkHash/size=64B/rounds=1/tasks=%d/strategy=%s/procs=2 1 %g ns/op %g ns/task\n", tasks, st, ns, ns/float64(tasks))
		}
	}
	return testrun.Write(t, b.String())
}

// A strategy measured on a smaller batch of a workload is ranked per task
// in the larger batch's answer row, gets no row of its own, and feeds
// lessons 6 and 8.
func TestSmallerBatchRankedPerTask(t *testing.T) {
	run, err := rundir.ReadRun(fineRun(t))
	if err != nil {
		t.Fatal(err)
	}
	rows := run.Derive()
	cs := answer.Choose(rows)
	if len(cs) != 1 || cs[0].Workload != "hash size=64B rounds=1 tasks=4096" {
		t.Fatalf("choices %+v, want the one of tasks=4096", cs)
	}
	var exec *answer.Ranked
	for i, k := range cs[0].Avoid {
		if k.Row.Strategy == "exec" {
			exec = &cs[0].Avoid[i]
		}
	}
	if exec == nil || !exec.PerTask || !strings.HasPrefix(exec.String(), "exec (per task, at tasks=64): 15000× slower") {
		t.Fatalf("exec in avoid: %+v (avoid: %s)", exec, answer.Names(cs[0].Avoid))
	}
	vs := Verdicts(run, rows)
	if v := vs[5]; v.Lesson != 6 || v.Outcome != stat.Pass || !strings.Contains(v.Figure(), "exec 3.03ms/task") {
		t.Errorf("lesson 6: %s %s %q", v.Outcome, v.Figure(), v.Note())
	}
	if v := vs[7]; v.Lesson != 8 || !strings.Contains(v.Figure(), "exec 15000× slower per task (at tasks=64)") {
		t.Errorf("lesson 8: %s %q", v.Outcome, v.Figure())
	}
	execRow := "Hash/size=64B/rounds=1/tasks=64/strategy=exec/procs=2"
	if !slices.Contains(vs[5].Rows, execRow) {
		t.Errorf("lesson 6 rests on %q, not on the exec row", vs[5].Rows)
	}
	if OpenRows(run)[execRow] {
		t.Error("the exec row of a decided lesson 6 counts as open")
	}
	for _, ws := range MainWorkloads(rows, "Hash") {
		if ws[0].Tasks == 64 {
			t.Error("the exec batch of 64 tasks has a chart of its own")
		}
	}
}
