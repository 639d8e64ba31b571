package chart

import (
	"fmt"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"gonum.org/v1/plot"
)

// ChartCrash draws, for each Crash row (one workload at its highest
// procs), three dots in the strategy's colour with their intervals: the
// program survived, results delivered (of the batch's other tasks) and
// the next batch ran, each from 0 to 1. It returns nil when the run has
// no Crash row with those metrics.
func ChartCrash(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	crash := judge.PickWorkload(rows, func(r *rundir.Row) bool { return r.Bench.Family == judge.CrashFamily }, nil)
	measures := []string{"program survived", "other results delivered", "next batch ran"}
	type series struct {
		xs []float64
		ys []stat.Summary
	}
	var order []string
	by := map[string]*series{}
	for j, r := range crash {
		others := float64(max(r.Tasks-1, 1))
		for i, u := range []string{judge.CrashSurvived, judge.CrashDelivered, judge.CrashNext} {
			m, ok := judge.MetricOf(r, u)
			if !ok {
				continue
			}
			s := m.Summary
			if u == judge.CrashDelivered {
				s = stat.Summary{Center: s.Center / others, Lo: s.Lo / others, Hi: s.Hi / others, N: s.N, Confidence: s.Confidence}
			}
			if by[r.Strategy] == nil {
				by[r.Strategy] = &series{}
				order = append(order, r.Strategy)
			}
			off := (float64(j) - float64(len(crash)-1)/2) * 0.7 / float64(len(crash))
			by[r.Strategy].xs = append(by[r.Strategy].xs, float64(i)+off)
			by[r.Strategy].ys = append(by[r.Strategy].ys, s)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	p := NewPlot(fmt.Sprintf("Crash isolation: %s, procs=%d", crash[0].Workload, crash[0].Procs), "", "share (0 to 1; "+kit.CINote+")")
	for _, st := range order {
		if err := kit.AddDots(p, pal.Style(st), st, by[st].xs, by[st].ys, 1, false, false); err != nil {
			return nil, err
		}
	}
	kit.NominalX(p, measures...)
	p.Y.Min, p.Y.Max = -0.05, 1.1
	return p, nil
}
