package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"github.com/concbench/concbench/runfile"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// ChartSpeedupProcs draws the speedup over sequential against GOMAXPROCS
// (HashProcs) for each strategy, with the ideal min(procs, cores) and the
// Amdahl fits.
func ChartSpeedupProcs(rows []*rundir.Row, fits []rundir.AmdahlFit, cores float64, pal *kit.Palette) (*plot.Plot, error) {
	byStrategy := map[string][]*rundir.Row{}
	var order []string
	maxP := 0
	for _, r := range rows {
		if r.Bench.Family != runfile.FamilyHashProcs || rundir.IsBaseline(r.Props) || !r.Speedup.Valid() {
			continue
		}
		if byStrategy[r.Strategy] == nil {
			order = append(order, r.Strategy)
		}
		byStrategy[r.Strategy] = append(byStrategy[r.Strategy], r)
		maxP = max(maxP, r.Procs)
	}
	if len(order) == 0 {
		return nil, nil
	}
	p := NewPlot("Speedup over sequential vs GOMAXPROCS: "+rundir.Label(byStrategy[order[0]][0]),
		"GOMAXPROCS (procs)", "speedup over sequential (×)")
	var measured []int
	for j, st := range order {
		rs := byStrategy[st]
		slices.SortFunc(rs, func(a, b *rundir.Row) int { return a.Procs - b.Procs })
		var xs []float64
		var ys []stat.Summary
		for _, r := range rs {
			if !slices.Contains(measured, r.Procs) {
				measured = append(measured, r.Procs)
			}
			xs = append(xs, float64(r.Procs)+kit.Dodge(j, len(order), 0.08))
			ys = append(ys, stat.Summary{Center: r.Speedup.V, Lo: r.Speedup.Lo, Hi: r.Speedup.Hi})
		}
		if err := kit.AddDots(p, pal.Style(st), st+" (median, CI)", xs, ys, 1, false, true); err != nil {
			return nil, err
		}
	}
	// The ideal is straight up to the cores and flat after them: its
	// corners are all it needs, however large procs is.
	ideal := plotter.XYs{{X: 1, Y: math.Min(1, cores)}}
	if c := math.Min(cores, float64(maxP)); c > 1 {
		ideal = append(ideal, plotter.XY{X: c, Y: c})
	}
	if float64(maxP) > math.Max(cores, 1) {
		ideal = append(ideal, plotter.XY{X: float64(maxP), Y: math.Min(float64(maxP), cores)})
	}
	if err := kit.AddRef(p, "ideal min(procs, cores)", ideal, color.Black, []vg.Length{vg.Points(6), vg.Points(4)}); err != nil {
		return nil, err
	}
	for _, f := range fits {
		var xys plotter.XYs
		for _, q := range kit.CurveXs(1, float64(maxP)) {
			xys = append(xys, plotter.XY{X: q, Y: f.Predict(math.Min(q, cores))})
		}
		name := fmt.Sprintf("%s Amdahl fit f=%.3f (rms %s)", f.Strategy, f.F, unitfmt.Num(f.Residual))
		// Dash-dot, a pattern no strategy's line has.
		if err := kit.AddRef(p, name, xys, pal.Style(f.Strategy).Color, []vg.Length{vg.Points(7), vg.Points(2), vg.Points(1), vg.Points(2)}); err != nil {
			return nil, err
		}
	}
	p.Legend.Left = true
	p.Y.Min = 0
	p.Y.Max = math.Max(p.Y.Max, 1) * 1.1
	p.X.Tick.Marker = kit.MeasuredTicks(measured)
	p.X.Min, p.X.Max = 0.7, float64(maxP)+0.3
	return p, nil
}

// ChartSpeedupWorkers draws the speedup over sequential against the
// worker count of pool and process for one sweep family (SleepWorkers or
// HashWorkers), with the ideal speedup: tasks/⌈tasks/workers⌉ for sleep,
// min(workers, cores, tasks) for hash.
func ChartSpeedupWorkers(rows []*rundir.Row, family string, cores float64, pal *kit.Palette) (*plot.Plot, error) {
	var of []*rundir.Row
	for _, r := range rows {
		if r.Bench.Family == family {
			of = append(of, r)
		}
	}
	return speedupWorkers(of, cores, pal)
}

// ChartWorkersOf draws the speedup over sequential against the worker
// count of every strategy on workers, for the rows of one workload of a
// user's package swept over worker counts (concbench.Workers): no ideal,
// as nothing says whether the task waits or computes. It returns nil
// when the rows have fewer than two worker counts.
func ChartWorkersOf(rows []*rundir.Row, cores float64, pal *kit.Palette) (*plot.Plot, error) {
	counts := map[int]bool{}
	for _, r := range rows {
		if r.Workers > 0 && r.Speedup.Valid() {
			counts[r.Workers] = true
		}
	}
	if len(counts) < 2 {
		return nil, nil
	}
	return speedupWorkers(rows, cores, pal)
}

// speedupWorkers draws the speedup against workers of rows, with the
// ideal of the suite's sleep and hash workloads.
func speedupWorkers(rows []*rundir.Row, cores float64, pal *kit.Palette) (*plot.Plot, error) {
	byStrategy := map[string][]*rundir.Row{}
	var order []string
	var workers []int
	for _, r := range rows {
		if r.Workers == 0 || !r.Speedup.Valid() {
			continue
		}
		if byStrategy[r.Strategy] == nil {
			order = append(order, r.Strategy)
		}
		byStrategy[r.Strategy] = append(byStrategy[r.Strategy], r)
		if !slices.Contains(workers, r.Workers) {
			workers = append(workers, r.Workers)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	slices.Sort(workers)
	first := byStrategy[order[0]][0]
	p := NewPlot(fmt.Sprintf("Speedup over sequential vs workers: %s, procs=%d", rundir.Label(first), first.Procs),
		"workers (log scale)", "speedup over sequential (×)")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = kit.MeasuredTicks(workers)
	for j, st := range order {
		rs := byStrategy[st]
		slices.SortFunc(rs, func(a, b *rundir.Row) int { return a.Workers - b.Workers })
		var xs []float64
		var ys []stat.Summary
		for _, r := range rs {
			// On the log axis the dodge is a factor.
			xs = append(xs, float64(r.Workers)*math.Pow(10, kit.Dodge(j, len(order), 0.025)))
			ys = append(ys, stat.Summary{Center: r.Speedup.V, Lo: r.Speedup.Lo, Hi: r.Speedup.Hi})
		}
		if err := kit.AddDots(p, pal.Style(st), st+" (median, CI)", xs, ys, 1, false, true); err != nil {
			return nil, err
		}
	}
	var ideal plotter.XYs
	name := "ideal tasks / ceil(tasks/workers)"
	kind := first.Bench.Kind()
	for _, w := range workers {
		var y float64
		if kind == rundir.KindSleep {
			t := max(first.Tasks, 1)
			y = float64(t) / math.Ceil(float64(t)/float64(w))
		} else {
			name = "ideal min(workers, cores, tasks)"
			y = rundir.CoreLimit(first.Tasks, first.Procs, w, cores)
		}
		ideal = append(ideal, plotter.XY{X: float64(w), Y: y})
	}
	if kind == rundir.KindSleep || kind == rundir.KindHash {
		if err := kit.AddRef(p, name, ideal, color.Black, []vg.Length{vg.Points(6), vg.Points(4)}); err != nil {
			return nil, err
		}
	}
	p.Legend.Left = true
	p.Y.Min = 0
	p.Y.Max *= 1.1
	return p, nil
}
