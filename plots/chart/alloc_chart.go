package chart

import (
	"fmt"
	"image/color"
	"slices"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// AllocChart is the name of the Alloc family's chart (without extension).
const AllocChart = "alloc"

// LatencyChart is the kind of the latency charts, one per workload
// (latency-<workload>).
const LatencyChart = "latency"

// ChartAlloc draws the Alloc family (each task allocates and touches a
// fresh buffer) at the highest procs of the run: for each strategy, the
// wall time per task (a dot in the strategy's colour) beside the CPU time
// per task of every process involved (a cross: cpu-ns/op ÷ tasks), on a
// log scale with 95 % intervals. The time-<workload> chart shows the
// batch time alone; this one shows what the allocations cost in CPU: the
// garbage collector, and the page faults of memory the runtime gave back
// to the kernel (see go doc github.com/concbench/concbench/workloads). It
// returns nil when the run has no Alloc rows.
func ChartAlloc(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	ws := judge.MainWorkloads(rows, runfile.FamilyAlloc)
	if len(ws) == 0 {
		return nil, nil
	}
	rs := ws[0]
	var wall, cpu []stat.Summary
	var names []string
	for _, r := range rs {
		names = append(names, r.Strategy)
		wall = append(wall, rundir.PerTask(r))
		cpu = append(cpu, rundir.CpuPerTask(r))
	}
	unit, div := unitfmt.TimeUnit(slices.MinFunc(wall, func(a, b stat.Summary) int { return stat.CmpFloat(a.Center, b.Center) }).Center)
	p := NewPlot(fmt.Sprintf("Allocation-bound tasks: wall and CPU time per task, %s, procs=%d", rs[0].Workload, rs[0].Procs),
		"strategy ("+kit.CINote+")", "time per task ("+unit+", log scale)")
	kit.LogY(p)
	for i, name := range names {
		st := pal.Style(name)
		if err := kit.AddDots(p, st, "", []float64{float64(i) - 0.12}, wall[i:i+1], div, true, false); err != nil {
			return nil, err
		}
		cross := st
		cross.Shape = draw.CrossGlyph{}
		if err := kit.AddDots(p, cross, "", []float64{float64(i) + 0.12}, cpu[i:i+1], div, true, false); err != nil {
			return nil, err
		}
	}
	for _, k := range []struct {
		label string
		shape draw.GlyphDrawer
	}{{"strategy's marker: wall time per task", draw.CircleGlyph{}}, {"cross: CPU time per task (all processes)", draw.CrossGlyph{}}} {
		sc, err := plotter.NewScatter(plotter.XYs{})
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: color.Gray{Y: 0x40}, Shape: k.shape, Radius: vg.Points(4)}
		p.Legend.Add(k.label, sc)
	}
	kit.NominalX(p, names...)
	kit.PadLog(&p.Y, 3)
	return p, nil
}
