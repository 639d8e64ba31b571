package chart

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// OverviewChart is the name of the overview heatmap in a run folder.
const OverviewChart = "overview"

// ChartOverview draws the overview heatmap: every workload of the main
// families at its highest procs (rows) × every strategy but sequential
// (columns); a cell's colour is the speedup over sequential on a diverging
// log scale centred on 1×, and its text the figure, marked "≈" when
// it does not differ significantly from sequential (p ≥ Alpha) and "±"
// (noisy) when its interval is wider than ±NoisyWidth. Workloads without
// a single speedup (no sequential row: the flood, probes) are left out.
// Above each strategy's name is its key as the time charts draw its bar
// (colour, marker, outline dash), from the run's palette.
func ChartOverview(rows []*rundir.Row) (*plot.Plot, error) {
	g := overviewGrid(rows)
	if g == nil {
		return nil, nil
	}
	title := "Overview: speedup over sequential, every workload × strategy"
	if g.procs > 0 {
		title += fmt.Sprintf(", procs=%d", g.procs)
	}
	p := NewPlot(title, fmt.Sprintf("strategy (≈: not significantly different from sequential, p ≥ %.2f; ±: interval wider than ±%s)", stat.Alpha, unitfmt.Percent(stat.NoisyWidth)), "")
	pal := kit.NewPalette(StrategyOrder(rows)) // the palette of every chart of the run
	h := &heatmap{cells: g.cells}
	for _, s := range g.strategies {
		h.keys = append(h.keys, pal.Style(s))
	}
	h.text = p.X.Tick.Label
	h.text.Font.Size = vg.Points(12)
	h.text.XAlign, h.text.YAlign = draw.XCenter, draw.YCenter
	h.small = h.text
	h.small.Font.Size = vg.Points(8.5)
	p.Add(h)
	p.NominalX(g.strategies...)
	p.X.Min, p.X.Max = -0.5, float64(len(g.strategies))-0.5
	labels := slices.Clone(g.workloads)
	slices.Reverse(labels)
	p.NominalY(labels...)
	p.Y.Min, p.Y.Max = -0.5-keyStrip, float64(len(labels))-0.5
	for _, s := range []float64{100, 10, 2, 1, 0.5, 0.1, 0.01} {
		name := strconv.FormatFloat(s, 'g', -1, 64) + "× faster"
		switch {
		case s == 1:
			name = "1× (as sequential)"
		case s < 1:
			name = strconv.FormatFloat(1/s, 'g', -1, 64) + "× slower"
		}
		p.Legend.Add(name, swatch{speedupColor(s)})
	}
	return p, nil
}

// A grid is the content of the overview: cells[i][j] is workload i ×
// strategy j. procs is the procs of every row, 0 when they differ (each
// workload label then names its own).
type grid struct {
	workloads, strategies []string
	cells                 [][]heatCell
	procs                 int
}

// overviewGrid lays out the overview, nil when there is nothing to show.
func overviewGrid(rows []*rundir.Row) *grid {
	var fams []string
	for _, r := range rows {
		if rundir.IsMain(r.Bench.Family) && !slices.Contains(fams, r.Bench.Family) {
			fams = append(fams, r.Bench.Family)
		}
	}
	groups := judge.MainWorkloads(rows, fams...)
	groups = slices.DeleteFunc(groups, func(rs []*rundir.Row) bool {
		return !slices.ContainsFunc(rs, func(r *rundir.Row) bool { return !rundir.IsBaseline(r.Props) && r.Speedup.Valid() })
	})
	var strategies []string
	for _, g := range groups {
		for _, r := range g {
			if !rundir.IsBaseline(r.Props) && r.Strategy != "" && !slices.Contains(strategies, r.Strategy) {
				strategies = append(strategies, r.Strategy)
			}
		}
	}
	if len(groups) == 0 || len(strategies) == 0 {
		return nil
	}
	if !slices.ContainsFunc(rows, func(r *rundir.Row) bool {
		return !rundir.IsBaseline(r.Props) && r.Speedup.Valid() && rundir.IsMain(r.Bench.Family)
	}) {
		return nil // no sequential baseline anywhere: every cell would be empty
	}
	g := &grid{strategies: strategies, procs: groups[0][0].Procs}
	for _, rs := range groups {
		if rs[0].Procs != g.procs {
			g.procs = 0
		}
	}
	for _, rs := range groups {
		cells := make([]heatCell, len(strategies))
		for _, r := range rs {
			if j := slices.Index(strategies, r.Strategy); j >= 0 {
				cells[j] = heatCell{row: r}
			}
		}
		g.cells = append(g.cells, cells)
		l := rundir.Label(rs[0])
		if g.procs == 0 {
			l += fmt.Sprintf(", procs=%d", rs[0].Procs)
		}
		g.workloads = append(g.workloads, l)
	}
	return g
}

// overviewSize is the canvas of the overview: wide enough for a readable
// cell per strategy and tall enough for one per workload, never smaller
// than the other charts.
func overviewSize(g *grid) (width, height vg.Length) {
	width, height = chartWidth, chartHeight
	if g == nil {
		return width, height
	}
	width = max(width, 4.5*vg.Inch+vg.Length(len(g.strategies))*0.85*vg.Inch)
	height = max(height, 1.4*vg.Inch+(vg.Length(len(g.workloads))+keyStrip)*0.5*vg.Inch)
	return width, height
}
