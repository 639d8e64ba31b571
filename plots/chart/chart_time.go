package chart

import (
	"fmt"
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
	"gonum.org/v1/plot/vg/draw"
)

// ChartBatchTime draws the batch time (ns/op, the figure of the answer
// table) of each strategy on one workload as horizontal bars, fastest on
// top, with their intervals, every sample as a dot, and a dashed line at
// sequential's median (log scale).
func ChartBatchTime(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	p := timeBars(rows, pal, timeSeries{func(r *rundir.Row) stat.Summary { return r.Time }, batchSamples}, "batch time (time/op)")
	p.Title.Text = fmt.Sprintf("Batch time by strategy, fastest on top: %s, procs=%d", rundir.Label(rows[0]), rows[0].Procs)
	return p, nil
}

// ChartTimePerTask draws the time per task (ns/task) of each strategy on
// one workload as ChartBatchTime draws the batch time.
func ChartTimePerTask(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	p := timeBars(rows, pal, timeSeries{rundir.PerTask, taskSamples}, "time per task")
	p.Title.Text = fmt.Sprintf("Time per task by strategy, fastest on top: %s, procs=%d", rundir.Label(rows[0]), rows[0].Procs)
	return p, nil
}

// A timeSeries says what a time chart shows of a row: the summary (the
// bar and its interval) and the samples behind it (the dots).
type timeSeries struct {
	summary func(*rundir.Row) stat.Summary
	samples func(*rundir.Row) []float64
}

// batchSamples are the ns/op samples of a row.
func batchSamples(r *rundir.Row) []float64 {
	if m := r.Bench.Metric(runfile.UnitNsPerOp); m != nil && m.Sample != nil {
		return m.Sample.Values
	}
	return nil
}

// taskSamples are the ns/task samples of a row, or its ns/op samples per
// task when it has none (as perTask).
func taskSamples(r *rundir.Row) []float64 {
	if m := r.Bench.Metric(runfile.UnitNsPerTask); m != nil && m.Sample != nil {
		return m.Sample.Values
	}
	var vs []float64
	for _, v := range batchSamples(r) {
		vs = append(vs, v/float64(max(r.Tasks, 1)))
	}
	return vs
}

// newHBars lays out the bars of ts for every row with a positive median,
// fastest first and on top, and names the rows from the bottom up.
func newHBars(rows []*rundir.Row, pal *kit.Palette, ts timeSeries) (*kit.HBars, []string) {
	type entry struct {
		r *rundir.Row
		s stat.Summary
	}
	var es []entry
	for _, r := range rows {
		if s := ts.summary(r); s.Center > 0 {
			es = append(es, entry{r, s})
		}
	}
	slices.SortStableFunc(es, func(a, b entry) int { return stat.CmpFloat(a.s.Center, b.s.Center) })
	bars := &kit.HBars{Ref: math.NaN()}
	names := make([]string, len(es))
	for i, e := range es {
		y := float64(len(es) - 1 - i) // fastest on top
		names[len(es)-1-i] = e.r.Strategy
		lo, hi := e.s.Lo, e.s.Hi
		if !(lo > 0) {
			lo = e.s.Center
		}
		bars.Bars = append(bars.Bars, kit.HBar{Y: y, V: e.s.Center, Lo: lo, Hi: math.Max(hi, e.s.Center),
			Style: pal.Style(e.r.Strategy), Samples: ts.samples(e.r)})
		if rundir.IsBaseline(e.r.Props) {
			bars.Ref = e.s.Center
		}
	}
	return bars, names
}

// timeBars draws the bars of newHBars on a log axis of durations.
func timeBars(rows []*rundir.Row, pal *kit.Palette, ts timeSeries, what string) *plot.Plot {
	// A short axis label: gonum pads the data area by the width of the
	// label as if it started at the centre of the axis.
	p := NewPlot("", what+", log scale", "")
	bars, names := newHBars(rows, pal, ts)
	bars.Label = p.X.Tick.Label
	bars.Label.XAlign, bars.Label.YAlign = draw.XLeft, draw.YCenter
	p.Add(bars)
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = kit.DurationTicks{}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4
	if len(names) > 0 {
		xmin, xmax, _, _ := bars.DataRange()
		p.X.Min, p.X.Max = xmin/2, xmax*3 // room for the figures right of the bars
		if p.X.Max/p.X.Min > 1e3 {
			p.X.Min = math.Pow(10, math.Floor(math.Log10(p.X.Min)))
		}
	}
	// Each strategy's bar as the legend draws it, once, in the order of its
	// fastest bar.
	keyed := map[string]bool{}
	for _, b := range bars.Bars {
		if name := names[int(b.Y)]; !keyed[name] {
			keyed[name] = true
			p.Legend.Add(name, kit.BarThumb{Style: b.Style})
		}
	}
	if !math.IsNaN(bars.Ref) {
		p.Legend.Add("sequential's median", kit.RefLine())
	}
	p.Legend.Add(fmt.Sprintf("%s CI (range if n < %d)", unitfmt.Percent(stat.Confidence), stat.MinSamples), &plotter.Line{LineStyle: draw.LineStyle{Color: kit.ReferenceColor(), Width: vg.Points(1.2)}})
	p.Legend.Add("one run (sample)", &plotter.Scatter{GlyphStyle: kit.SampleGlyph()})
	return p
}
