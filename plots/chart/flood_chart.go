package chart

import (
	"fmt"
	"math"
	"slices"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The flood's time-versus-memory chart and its Pareto front; the flood
// verdicts are in flood.go.

// paretoFront returns the rows that no other row beats on both time and
// mem (medians): a row is dominated when another takes at most its time
// and at most its memory, and less of one of them. The front is sorted by
// memory.
func paretoFront(rows []*rundir.Row, mem func(*rundir.Row) float64) []*rundir.Row {
	var front []*rundir.Row
	for _, a := range rows {
		dominated := slices.ContainsFunc(rows, func(b *rundir.Row) bool {
			tb, ta, mb, ma := b.Time.Center, a.Time.Center, mem(b), mem(a)
			return b != a && tb <= ta && mb <= ma && (tb < ta || mb < ma)
		})
		if !dominated {
			front = append(front, a)
		}
	}
	slices.SortFunc(front, func(a, b *rundir.Row) int { return stat.CmpFloat(mem(a), mem(b)) })
	return front
}

// floodPoints are points with error bars in both directions.
type floodPoints struct {
	plotter.XYs
	plotter.XErrors
	plotter.YErrors
}

// ChartFlood draws the flood's batch time against its peak RSS growth, one
// point per strategy and worker count with both intervals as error bars,
// both axes on log scales, and the Pareto front of the medians as a dashed
// line: a point on it is not beaten on both time and memory by another.
// The line and its legend entry are drawn only when the front has two
// points or more. Each bounded point is labelled with its worker count
// ("1k"), placed clear of every point and of the other labels (see
// pointLabels). It returns nil when the run has no flood row with
// peak-rss-B.
func ChartFlood(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	s := judge.SelectFlood(rows)
	var all []*rundir.Row
	for _, r := range append([]*rundir.Row{s.Unbounded}, s.Bounded...) {
		if m, ok := judge.MetricOf(r, judge.FloodMemory); ok && m.Summary.Center > 0 && r.Time.Center > 0 {
			all = append(all, r)
		}
	}
	if len(all) == 0 {
		return nil, nil
	}
	const mib = 1 << 20
	mem := func(r *rundir.Row) float64 { return r.Bench.Metric(judge.FloodMemory).Summary.Center }
	unit, div := unitfmt.TimeUnit(slices.MinFunc(all, func(a, b *rundir.Row) int { return stat.CmpFloat(a.Time.Center, b.Time.Center) }).Time.Center)
	p := NewPlot(fmt.Sprintf("Time against memory: %s, procs=%d", all[0].Workload, all[0].Procs),
		"peak RSS growth during a batch (MiB, log scale; "+kit.CINote+")", "time per batch ("+unit+", log scale)")
	kit.LogY(p)
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = kit.Ticks125{}
	var order []string
	for _, r := range all {
		if !slices.Contains(order, r.Strategy) {
			order = append(order, r.Strategy)
		}
	}
	// The worker counts are drawn last, placed clear of every point.
	labels := &kit.PointLabels{Radius: vg.Points(4)}
	for _, st := range order {
		var pts floodPoints
		for _, r := range all {
			if r.Strategy != st {
				continue
			}
			m := r.Bench.Metric(judge.FloodMemory).Summary
			x, y := m.Center/mib, r.Time.Center/div
			pts.XYs = append(pts.XYs, plotter.XY{X: x, Y: y})
			pts.XErrors = append(pts.XErrors, struct{ Low, High float64 }{x - math.Max(m.Lo/mib, x/1e3), m.Hi/mib - x})
			pts.YErrors = append(pts.YErrors, struct{ Low, High float64 }{y - math.Max(r.Time.Lo/div, y/1e3), r.Time.Hi/div - y})
			labels.XYs = append(labels.XYs, plotter.XY{X: x, Y: y})
			labels.Labels = append(labels.Labels, shortCount(r.Workers))
		}
		style := pal.Style(st)
		sc, err := plotter.NewScatter(pts.XYs)
		if err != nil {
			return nil, fmt.Errorf("series %s: %w", st, err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: style.Color, Shape: style.Shape, Radius: labels.Radius}
		xe, err := plotter.NewXErrorBars(pts)
		if err != nil {
			return nil, fmt.Errorf("series %s: %w", st, err)
		}
		ye, err := plotter.NewYErrorBars(pts)
		if err != nil {
			return nil, fmt.Errorf("series %s: %w", st, err)
		}
		for _, l := range []*draw.LineStyle{&xe.LineStyle, &ye.LineStyle} {
			l.Color = style.Color
			l.Width = vg.Points(1)
		}
		for range pts.XYs {
			labels.Styles = append(labels.Styles, text.Style{Font: font.From(plotter.DefaultFont, vg.Points(9)), Handler: plot.DefaultTextHandler, Color: style.Color})
		}
		p.Add(xe, ye, sc)
		p.Legend.Add(st, sc)
	}
	var front plotter.XYs
	for _, r := range paretoFront(all, mem) {
		front = append(front, plotter.XY{X: mem(r) / mib, Y: r.Time.Center / div})
	}
	// A front of one point draws no line, so neither has the legend one.
	if len(front) >= 2 {
		if err := kit.AddRef(p, "Pareto front (medians)", front, kit.ReferenceColor(), []vg.Length{vg.Points(4), vg.Points(3)}); err != nil {
			return nil, err
		}
	}
	p.Add(labels)
	kit.PadLog(&p.Y, 1.5)
	kit.PadLog(&p.X, 1.5)
	return p, nil
}

// shortCount writes a worker count as the label of its point: "1k" for
// 1000, "" for none (the unbounded strategy).
func shortCount(n int) string {
	switch {
	case n == 0:
		return ""
	case n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}
