package chart

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/runfile"
)

func TestChartAlloc(t *testing.T) {
	dir := testrun.Copy(t)
	f, err := os.OpenFile(filepath.Join(dir, runfile.RawFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []string{"sequential", "spawn", "process"} {
		for i := range 6 {
			fmt.Fprintf(f, "BenchmarkAlloc/size=1MiB/tasks=16/strategy=%s/procs=2 \t 60\t%d ns/op\t%d ns/task\t%d cpu-ns/op\n", st, 6_000_000+i*1000, 375_000+i*60, 7_000_000+i*500)
		}
	}
	f.Close()
	run := testrun.Read(t, dir, rundir.ReadRun)
	rows := run.Derive()
	p, err := ChartAlloc(rows, kit.NewPalette(StrategyOrder(rows)))
	if err != nil || p == nil {
		t.Fatalf("ChartAlloc = %v, %v", p, err)
	}
	if want := "Allocation-bound tasks: wall and CPU time per task, Alloc size=1MiB tasks=16, procs=2"; p.Title.Text != want {
		t.Errorf("title %q, want %q", p.Title.Text, want)
	}
	charts, err := Charts(rows, nil, run.Cores())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range charts {
		found = found || c.Name == AllocChart
	}
	if !found {
		t.Errorf("the report has no %s chart", AllocChart)
	}
	if p, err := ChartAlloc(nil, kit.NewPalette(nil)); p != nil || err != nil {
		t.Errorf("ChartAlloc without Alloc rows = %v, %v; want nothing", p, err)
	}
}
