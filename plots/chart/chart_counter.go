package chart

import (
	"fmt"
	"math"
	"slices"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
	"gonum.org/v1/plot"
)

// counterDots collects, for each strategy, one value per sync variant
// (x = variant index, offset per strategy).
func counterDots(rows []*rundir.Row, value func(*rundir.Row) (stat.Summary, bool)) (syncs, strategies []string, xs map[string][]float64, ys map[string][]stat.Summary) {
	xs, ys = map[string][]float64{}, map[string][]stat.Summary{}
	for _, r := range rows {
		if r.Bench.Family != runfile.FamilyCounter {
			continue
		}
		if s := r.Bench.Param(runfile.KeySync); !slices.Contains(syncs, s) {
			syncs = append(syncs, s)
		}
		if !slices.Contains(strategies, r.Strategy) {
			strategies = append(strategies, r.Strategy)
		}
	}
	for _, r := range rows {
		if r.Bench.Family != runfile.FamilyCounter {
			continue
		}
		v, ok := value(r)
		if !ok {
			continue
		}
		i := slices.Index(syncs, r.Bench.Param(runfile.KeySync))
		j := slices.Index(strategies, r.Strategy)
		off := (float64(j) - float64(len(strategies)-1)/2) * 0.6 / float64(max(len(strategies), 1))
		xs[r.Strategy] = append(xs[r.Strategy], float64(i)+off)
		ys[r.Strategy] = append(ys[r.Strategy], v)
	}
	return syncs, strategies, xs, ys
}

// ChartCounterThroughput draws the counter throughput (increments per
// second) of each sync variant × strategy.
func ChartCounterThroughput(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	syncs, strategies, xs, ys := counterDots(rows, func(r *rundir.Row) (stat.Summary, bool) { return rundir.Throughput(r), true })
	if len(syncs) == 0 {
		return nil, nil
	}
	p := NewPlot(fmt.Sprintf("Shared counter throughput by sync variant and strategy, procs=%d", maxProcs(rows, runfile.FamilyCounter)),
		"sync variant", "increments per second (millions, log scale)")
	kit.LogY(p)
	for _, st := range strategies {
		if err := kit.AddDots(p, pal.Style(st), st, xs[st], ys[st], 1e6, true, false); err != nil {
			return nil, err
		}
	}
	kit.NominalX(p, syncs...)
	kit.PadLog(&p.Y, 1.5)
	return p, nil
}

// ChartCounterLost draws the lost updates per batch of each sync variant ×
// strategy: only sync=none should lose any.
func ChartCounterLost(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	syncs, strategies, xs, ys := counterDots(rows, func(r *rundir.Row) (stat.Summary, bool) {
		m := r.Bench.Metric(runfile.UnitLostUpdates)
		if m == nil {
			return stat.Summary{}, false
		}
		return m.Summary, true
	})
	if len(xs) == 0 {
		return nil, nil
	}
	p := NewPlot(fmt.Sprintf("Shared counter lost updates by sync variant and strategy, procs=%d", maxProcs(rows, runfile.FamilyCounter)),
		"sync variant", "lost updates per batch (count)")
	for _, st := range strategies {
		if err := kit.AddDots(p, pal.Style(st), st, xs[st], ys[st], 1, false, false); err != nil {
			return nil, err
		}
	}
	kit.NominalX(p, syncs...)
	p.Y.Min = 0
	p.Y.Max = math.Max(p.Y.Max, 1) * 1.15
	return p, nil
}
