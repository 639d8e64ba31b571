package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/concbench/concbench/runfile"
)

// ChartBatchTime draws the batch time (ns/op, the figure of the answer
// table) of each strategy on one workload as horizontal bars, fastest on
// top, with their intervals, every sample as a dot, and a dashed line at
// sequential's median (log scale).
func ChartBatchTime(rows []*Row, pal *Palette) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	p := timeBars(rows, pal, timeSeries{func(r *Row) Summary { return r.Time }, batchSamples}, "batch time (time/op)")
	p.Title.Text = fmt.Sprintf("Batch time by strategy, fastest on top: %s, procs=%d", label(rows[0]), rows[0].Procs)
	return p, nil
}

// ChartTimePerTask draws the time per task (ns/task) of each strategy on
// one workload as ChartBatchTime draws the batch time.
func ChartTimePerTask(rows []*Row, pal *Palette) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	p := timeBars(rows, pal, timeSeries{perTask, taskSamples}, "time per task")
	p.Title.Text = fmt.Sprintf("Time per task by strategy, fastest on top: %s, procs=%d", label(rows[0]), rows[0].Procs)
	return p, nil
}

// A timeSeries says what a time chart shows of a row: the summary (the
// bar and its interval) and the samples behind it (the dots).
type timeSeries struct {
	summary func(*Row) Summary
	samples func(*Row) []float64
}

// batchSamples are the ns/op samples of a row.
func batchSamples(r *Row) []float64 {
	if m := r.Bench.Metric(runfile.UnitNsPerOp); m != nil && m.Sample != nil {
		return m.Sample.Values
	}
	return nil
}

// taskSamples are the ns/task samples of a row, or its ns/op samples per
// task when it has none (as perTask).
func taskSamples(r *Row) []float64 {
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
func newHBars(rows []*Row, pal *Palette, ts timeSeries) (*hbars, []string) {
	type entry struct {
		r *Row
		s Summary
	}
	var es []entry
	for _, r := range rows {
		if s := ts.summary(r); s.Center > 0 {
			es = append(es, entry{r, s})
		}
	}
	slices.SortStableFunc(es, func(a, b entry) int { return cmpFloat(a.s.Center, b.s.Center) })
	bars := &hbars{ref: math.NaN()}
	names := make([]string, len(es))
	for i, e := range es {
		y := float64(len(es) - 1 - i) // fastest on top
		names[len(es)-1-i] = e.r.Strategy
		lo, hi := e.s.Lo, e.s.Hi
		if !(lo > 0) {
			lo = e.s.Center
		}
		bars.bars = append(bars.bars, hbar{Y: y, V: e.s.Center, Lo: lo, Hi: math.Max(hi, e.s.Center),
			Color: pal.Style(e.r.Strategy).Color, Samples: ts.samples(e.r)})
		if isBaseline(e.r.Props) {
			bars.ref = e.s.Center
		}
	}
	return bars, names
}

// timeBars draws the bars of newHBars on a log axis of durations.
func timeBars(rows []*Row, pal *Palette, ts timeSeries, what string) *plot.Plot {
	// A short axis label: gonum pads the data area by the width of the
	// label as if it started at the centre of the axis.
	p := newPlot("", what+", log scale", "")
	bars, names := newHBars(rows, pal, ts)
	bars.label = p.X.Tick.Label
	bars.label.XAlign, bars.label.YAlign = draw.XLeft, draw.YCenter
	p.Add(bars)
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = durationTicks{}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4
	if len(names) > 0 {
		xmin, xmax, _, _ := bars.DataRange()
		p.X.Min, p.X.Max = xmin/2, xmax*3 // room for the figures right of the bars
		if p.X.Max/p.X.Min > 1e3 {
			p.X.Min = math.Pow(10, math.Floor(math.Log10(p.X.Min)))
		}
	}
	if !math.IsNaN(bars.ref) {
		p.Legend.Add("sequential's median", refLine())
	}
	p.Legend.Add("95 % CI (range if n < 6)", &plotter.Line{LineStyle: draw.LineStyle{Color: referenceColor(), Width: vg.Points(1.2)}})
	p.Legend.Add("one run (sample)", &plotter.Scatter{GlyphStyle: sampleGlyph()})
	return p
}

// refLine is the legend thumbnail of the dashed reference line.
func refLine() *plotter.Line {
	return &plotter.Line{LineStyle: draw.LineStyle{Color: referenceColor(), Width: vg.Points(1.3), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}}
}

// An hbar is one horizontal bar: median V at row Y with the interval
// [Lo, Hi] and the samples behind them.
type hbar struct {
	Y, V, Lo, Hi float64
	Color        color.Color
	Samples      []float64
}

// sampleGlyph is how one sample is drawn over its bar: a small dark ring,
// so that the distribution shows (clusters, outliers, bimodal runs).
func sampleGlyph() draw.GlyphStyle {
	return draw.GlyphStyle{Color: color.NRGBA{0x22, 0x22, 0x22, 0xc0}, Shape: draw.RingGlyph{}, Radius: vg.Points(2)}
}

// hbars is a plotter of horizontal bars that start at the left edge of the
// plot (so that they work on a log axis, where gonum's BarChart, drawn
// from 0, does not), with interval whiskers, the median written right of
// each bar, and a dashed vertical reference line at ref (NaN: none).
type hbars struct {
	bars  []hbar
	ref   float64
	label text.Style
}

// DataRange implements plot.DataRanger.
func (h *hbars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, b := range h.bars {
		xmin, xmax = math.Min(xmin, b.Lo), math.Max(xmax, b.Hi)
		for _, v := range b.Samples {
			if v > 0 {
				xmin, xmax = math.Min(xmin, v), math.Max(xmax, v)
			}
		}
	}
	return xmin, xmax, -0.5, float64(len(h.bars)) - 0.5
}

// Plot implements plot.Plotter.
func (h *hbars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	half := (trY(1) - trY(0)) * 0.32
	whisker := draw.LineStyle{Color: referenceColor(), Width: vg.Points(1.2)}
	for _, b := range h.bars {
		y, x := trY(b.Y), trX(b.V)
		c.FillPolygon(b.Color, []vg.Point{{X: c.Min.X, Y: y - half}, {X: x, Y: y - half}, {X: x, Y: y + half}, {X: c.Min.X, Y: y + half}})
		lo, hi := trX(b.Lo), trX(b.Hi)
		c.StrokeLine2(whisker, lo, y, hi, y)
		c.StrokeLine2(whisker, lo, y-half/2, lo, y+half/2)
		c.StrokeLine2(whisker, hi, y-half/2, hi, y+half/2)
		right := b.Hi
		for _, v := range b.Samples {
			right = math.Max(right, v)
		}
		c.FillText(h.label, vg.Point{X: trX(right) + vg.Points(5), Y: y}, ns(b.V))
		// The samples, spread over the bar's height in a fixed pattern so
		// that equal values do not hide each other.
		for k, v := range b.Samples {
			if v > 0 {
				off := half * 0.3 * vg.Length(k%5-2)
				c.DrawGlyph(sampleGlyph(), vg.Point{X: trX(v), Y: y + off})
			}
		}
	}
	if !math.IsNaN(h.ref) {
		x := trX(h.ref)
		c.StrokeLine2(refLine().LineStyle, x, c.Min.Y, x, c.Max.Y)
	}
}

// durationTicks labels a log axis of nanoseconds at 1, 2 and 5 × each
// power of ten (powers of ten only over more than three decades), with
// units: "500µs", "1ms", "2s".
type durationTicks struct{}

// Ticks implements plot.Ticker.
func (durationTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := ticks125{}.Ticks(lo, hi)
	for i := range ts {
		ts[i].Label = durationLabel(ts[i].Value)
	}
	return ts
}

// durationLabel writes a round duration in ns with its unit: "10ms".
func durationLabel(v float64) string {
	unit, div := timeUnit(v)
	return strconv.FormatFloat(v/div, 'f', -1, 64) + unit
}
