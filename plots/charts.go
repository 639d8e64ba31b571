package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Chart size; PNGs are rendered at 96 dpi (960 × 576 pixels).
const (
	chartWidth  = 10 * vg.Inch
	chartHeight = 6 * vg.Inch
)

// A Chart is one rendered chart: Name is the file name without extension;
// PNG and SVG are the two renderings.
type Chart struct {
	Name, Title string
	PNG, SVG    []byte
}

// render draws p in both formats, its legend outside the plot area, in a
// column on the right.
func render(p *plot.Plot, name string) (Chart, error) {
	return renderSized(p, name, chartWidth, chartHeight)
}

// renderSized is render on a canvas of the given size. An axis that is
// not finite, or not positive on a log scale, is an error naming the
// chart: gonum/plot would panic on it. The values are checked where they
// are read (values.go), so this is a last line of defence, as is the
// recovery from any other panic inside gonum/plot.
func renderSized(p *plot.Plot, name string, width, height vg.Length) (c Chart, err error) {
	if err := checkAxes(p); err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", name, err)
	}
	defer func() {
		if v := recover(); v != nil {
			c, err = Chart{}, fmt.Errorf("chart %s: cannot draw it: %v", name, v)
		}
	}()
	c = Chart{Name: name, Title: p.Title.Text}
	for _, format := range []string{"png", "svg"} {
		cv, err := draw.NewFormattedCanvas(width, height, format)
		if err != nil {
			return Chart{}, fmt.Errorf("chart %s: %w", name, err)
		}
		drawOutsideLegend(p, draw.New(cv))
		var buf bytes.Buffer
		if _, err := cv.WriteTo(&buf); err != nil {
			return Chart{}, fmt.Errorf("chart %s: rendering %s: %w", name, format, err)
		}
		if format == "png" {
			c.PNG = buf.Bytes()
		} else {
			c.SVG = buf.Bytes()
		}
	}
	return c, nil
}

// checkAxes returns an error if an axis of p has an end that is NaN, or
// an end that is not a positive number on a log scale. (gonum/plot draws
// an infinite end, the end of an axis without data, at 0.)
func checkAxes(p *plot.Plot) error {
	for _, a := range []struct {
		name string
		ax   *plot.Axis
	}{{"x", &p.X}, {"y", &p.Y}} {
		lo, hi := a.ax.Min, a.ax.Max
		if math.IsNaN(lo) || math.IsNaN(hi) {
			return fmt.Errorf("the %s axis runs from %v to %v, not a range", a.name, lo, hi)
		}
		if _, log := a.ax.Scale.(plot.LogScale); log && !(lo > 0 && hi > 0 && finite(lo) && finite(hi)) {
			return fmt.Errorf("the %s axis is on a log scale but runs from %v to %v", a.name, lo, hi)
		}
	}
	return nil
}

// drawOutsideLegend draws p into dc with its title centred over the whole
// width and its legend in a column right of the plot, top-aligned with the
// plot area, so that no entry covers data. gonum/plot only draws a legend
// inside the data area, and centres the title over the plot only, hence
// this.
func drawOutsideLegend(p *plot.Plot, dc draw.Canvas) {
	legend, title := p.Legend, p.Title.Text
	defer func() { p.Legend, p.Title.Text = legend, title }()
	pad := vg.Points(12)
	if title != "" {
		sty := p.Title.TextStyle
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		dc.FillText(sty, vg.Point{X: dc.Center().X, Y: dc.Max.Y}, title)
		dc = draw.Crop(dc, 0, 0, 0, -(sty.Rectangle(title).Size().Y + p.Title.Padding))
		p.Title.Text = ""
	}
	width := legend.Rectangle(dc).Size().X
	if width == 0 {
		p.Draw(dc)
		return
	}
	p.Legend = plot.NewLegend()
	p.Draw(draw.Crop(dc, 0, -(width + 2*pad), 0, 0))
	area := dc
	area.Min.X = dc.Max.X - width - pad
	area.Max.X = dc.Max.X - pad/2
	area.Max.Y -= pad
	legend.Top, legend.Left = true, true
	legend.XOffs, legend.YOffs = 0, 0
	legend.Draw(area)
}

// newPlot returns a plot with a title, axis labels and a legend at the
// top right, in a legible type size.
func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(15)
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.X.Label.TextStyle.Font.Size = vg.Points(13)
	p.Y.Label.TextStyle.Font.Size = vg.Points(13)
	p.X.Tick.Label.Font.Size = vg.Points(11)
	p.Y.Tick.Label.Font.Size = vg.Points(11)
	p.Legend.TextStyle.Font.Size = vg.Points(11)
	p.Legend.Top = true
	p.Legend.Padding = vg.Points(3)
	p.Title.Padding = vg.Points(10)
	p.Y.Tick.Marker = linearTicks{}
	p.Add(plotter.NewGrid())
	return p
}

// linearTicks labels round values (1, 2 or 5 × 10^k apart) on a linear
// axis, about eight of them.
type linearTicks struct{}

// Ticks implements plot.Ticker. An axis that is empty, not finite, or
// narrower than float64 can step through gets its two ends as ticks: the
// loop below must never run without bound (maxTicks).
func (linearTicks) Ticks(lo, hi float64) []plot.Tick {
	ends := func() []plot.Tick {
		if !finite(lo) || !finite(hi) {
			return nil
		}
		if hi == lo {
			return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)}}
		}
		return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'g', 4, 64)}, {Value: hi, Label: strconv.FormatFloat(hi, 'g', 4, 64)}}
	}
	if !(hi > lo) || !finite(lo) || !finite(hi) || math.IsInf(hi-lo, 0) {
		return ends()
	}
	raw := (hi - lo) / 8
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Ceil(lo/step) * step
	if !(step > 0) || start+step == start || hi+step == hi {
		return ends() // the step is lost in the values' rounding
	}
	var ts []plot.Tick
	for k := 0; k < maxTicks; k++ {
		v := math.Round((start+float64(k)*step)/step) * step
		if v > hi+step*1e-9 {
			break
		}
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', 4, 64)})
	}
	return ts
}

// maxTicks bounds the ticks of any axis: a tick generator stops there,
// whatever range it is given.
const maxTicks = 64

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// logY puts the Y axis on a log scale with 1-2-5 ticks.
func logY(p *plot.Plot) {
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = ticks125{}
}

// ticks125 marks 1, 2 and 5 times each power of ten on a log axis, or
// only the powers of ten when the axis spans more than three decades, or
// every k-th power of ten when it spans more than maxTicks decades. An
// axis that is not positive and finite gets no ticks.
type ticks125 struct{}

// Ticks implements plot.Ticker.
func (ticks125) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi >= lo) || math.IsInf(hi, 0) {
		return nil
	}
	mantissas := []float64{1, 2, 5}
	if hi/lo > 1e3 { // many decades: powers of ten only
		mantissas = mantissas[:1]
	}
	first, last := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	every := math.Max(1, math.Ceil((last-first)/maxTicks)) // at most maxTicks decades marked
	var ts []plot.Tick
	for e := first; e <= last; e += every {
		for _, m := range mantissas {
			v := m * math.Pow(10, e)
			if v >= lo*0.999 && v <= hi*1.001 {
				label := strconv.FormatFloat(v, 'f', -1, 64)
				if v < 1 || v >= 1e7 {
					label = strconv.FormatFloat(v, 'g', -1, 64)
				}
				ts = append(ts, plot.Tick{Value: v, Label: label})
			}
		}
	}
	return ts
}

// timeUnit picks ns, µs, ms or s for times around v ns and returns the
// unit and its size in ns.
func timeUnit(v float64) (string, float64) {
	switch {
	case v >= 1e9:
		return "s", 1e9
	case v >= 1e6:
		return "ms", 1e6
	case v >= 1e3:
		return "µs", 1e3
	}
	return "ns", 1
}

// errPoints are points with vertical error bars.
type errPoints struct {
	plotter.XYs
	plotter.YErrors
}

// addDots adds one series of medians (divided by div) at xs with their
// confidence intervals as error bars, drawn in style st, with a legend
// entry. Points with a non-positive median are left out on a log axis.
func addDots(p *plot.Plot, st Style, name string, xs []float64, ys []Summary, div float64, log bool, line bool) error {
	var pts errPoints
	for k, s := range ys {
		c, lo, hi := s.Center/div, s.Lo/div, s.Hi/div
		if !finite(c) || !finite(xs[k]) || log && c <= 0 {
			continue
		}
		if !finite(lo) || lo > c || log && lo <= 0 {
			lo = c
		}
		if !finite(hi) || hi < c {
			hi = c
		}
		pts.XYs = append(pts.XYs, plotter.XY{X: xs[k], Y: c})
		pts.YErrors = append(pts.YErrors, struct{ Low, High float64 }{c - lo, hi - c})
	}
	if len(pts.XYs) == 0 {
		return nil
	}
	sc, err := plotter.NewScatter(pts.XYs)
	if err != nil {
		return fmt.Errorf("series %s: %w", name, err)
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: st.Color, Shape: st.Shape, Radius: vg.Points(4)}
	eb, err := plotter.NewYErrorBars(pts)
	if err != nil {
		return fmt.Errorf("series %s: %w", name, err)
	}
	eb.LineStyle.Color = st.Color
	eb.LineStyle.Width = vg.Points(1.2)
	p.Add(eb, sc)
	if line && len(pts.XYs) > 1 {
		l, err := plotter.NewLine(pts.XYs)
		if err != nil {
			return fmt.Errorf("series %s: %w", name, err)
		}
		l.LineStyle.Color = st.Color
		l.LineStyle.Width = vg.Points(1.5)
		l.LineStyle.Dashes = st.Dashes
		p.Add(l)
		p.Legend.Add(name, l, sc)
		return nil
	}
	if name != "" {
		p.Legend.Add(name, sc)
	}
	return nil
}

// glyphThumb is a legend entry drawing one marker in style st.
func glyphThumb(st Style) plot.Thumbnailer {
	return &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: st.Color, Shape: st.Shape, Radius: vg.Points(4)}}
}

// addRef adds a reference line (ideal, fit) through the points.
func addRef(p *plot.Plot, name string, xys plotter.XYs, c color.Color, dashes []vg.Length) error {
	if len(xys) == 0 {
		return nil
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return fmt.Errorf("line %s: %w", name, err)
	}
	l.LineStyle.Color = c
	l.LineStyle.Width = vg.Points(1.5)
	l.LineStyle.Dashes = dashes
	p.Add(l)
	p.Legend.Add(name, l)
	return nil
}

// ciNote names the interval shown by error bars.
const ciNote = "bars: 95 % CI, or range if n < 6"

// padLog widens a log axis: a factor 1.5 below the data (down to a power of
// ten when the axis spans many decades, so it keeps a label there) and top
// above it, so that no marker or error bar touches the frame.
func padLog(a *plot.Axis, top float64) {
	a.Min /= 1.5
	a.Max *= top
	if a.Min > 0 && a.Max/a.Min > 1e3 { // show the power of ten below the data
		a.Min = math.Pow(10, math.Floor(math.Log10(a.Min)))
	}
}

// nominalX labels the X axis with names at 0, 1, … and leaves half a slot
// of room at both ends.
func nominalX(p *plot.Plot, names ...string) {
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(names))-0.5
}

// ChartLatency draws the p50 and p99 task completion times (from batch
// start) of each strategy on one workload.
func ChartLatency(rows []*Row, pal *Palette) (*plot.Plot, error) {
	var names []string
	var x50, x99 []float64
	var y50, y99 []Summary
	for _, r := range rows {
		p50, p99 := r.Bench.Metric("p50-ns"), r.Bench.Metric("p99-ns")
		if p50 == nil || p99 == nil {
			continue
		}
		i := float64(len(names))
		names = append(names, r.Strategy)
		x50, y50 = append(x50, i-0.1), append(y50, p50.Summary)
		x99, y99 = append(x99, i+0.1), append(y99, p99.Summary)
	}
	if len(names) == 0 {
		return nil, nil
	}
	div := 1.0
	p := newPlot(fmt.Sprintf("Task completion time: %s, procs=%d", label(rows[0]), rows[0].Procs),
		"strategy", "time from batch start (log scale)")
	logY(p)
	p.Y.Tick.Marker = durationTicks{}
	// Each strategy in its colour; the marker tells the percentile.
	for i, name := range names {
		st := pal.Style(name)
		st.Shape = draw.CircleGlyph{}
		if err := addDots(p, st, "", x50[i:i+1], y50[i:i+1], div, true, false); err != nil {
			return nil, err
		}
		st.Shape = draw.RingGlyph{}
		if err := addDots(p, st, "", x99[i:i+1], y99[i:i+1], div, true, false); err != nil {
			return nil, err
		}
	}
	key := Style{Color: referenceColor()}
	key.Shape = draw.CircleGlyph{}
	p.Legend.Add("p50, filled (median task done)", glyphThumb(key))
	key.Shape = draw.RingGlyph{}
	p.Legend.Add("p99, hollow (batch nearly done)", glyphThumb(key))
	nominalX(p, names...)
	padLog(&p.Y, 1.5)
	return p, nil
}

// ChartSpeedupProcs draws the speedup over sequential against GOMAXPROCS
// (HashProcs) for each strategy, with the ideal min(procs, cores) and the
// Amdahl fits.
func ChartSpeedupProcs(rows []*Row, fits []AmdahlFit, cores float64, pal *Palette) (*plot.Plot, error) {
	byStrategy := map[string][]*Row{}
	var order []string
	maxP := 0
	for _, r := range rows {
		if r.Bench.Family != "HashProcs" || isBaseline(r.Props) || !r.Speedup.Valid() {
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
	p := newPlot("Speedup over sequential vs GOMAXPROCS: "+label(byStrategy[order[0]][0]),
		"GOMAXPROCS (procs)", "speedup over sequential (×)")
	var measured []int
	for j, st := range order {
		rs := byStrategy[st]
		slices.SortFunc(rs, func(a, b *Row) int { return a.Procs - b.Procs })
		var xs []float64
		var ys []Summary
		for _, r := range rs {
			if !slices.Contains(measured, r.Procs) {
				measured = append(measured, r.Procs)
			}
			xs = append(xs, float64(r.Procs)+dodge(j, len(order), 0.08))
			ys = append(ys, Summary{Center: r.Speedup.V, Lo: r.Speedup.Lo, Hi: r.Speedup.Hi})
		}
		if err := addDots(p, pal.Style(st), st+" (median, CI)", xs, ys, 1, false, true); err != nil {
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
	if err := addRef(p, "ideal min(procs, cores)", ideal, color.Black, []vg.Length{vg.Points(6), vg.Points(4)}); err != nil {
		return nil, err
	}
	for _, f := range fits {
		var xys plotter.XYs
		for _, q := range curveXs(1, float64(maxP)) {
			xys = append(xys, plotter.XY{X: q, Y: f.Predict(math.Min(q, cores))})
		}
		name := fmt.Sprintf("%s Amdahl fit f=%.3f (rms %s)", f.Strategy, f.F, num(f.Residual))
		if err := addRef(p, name, xys, pal.Style(f.Strategy).Color, []vg.Length{vg.Points(2), vg.Points(3)}); err != nil {
			return nil, err
		}
	}
	p.Legend.Left = true
	p.Y.Min = 0
	p.Y.Max = math.Max(p.Y.Max, 1) * 1.1
	p.X.Tick.Marker = measuredTicks(measured)
	p.X.Min, p.X.Max = 0.7, float64(maxP)+0.3
	return p, nil
}

// curveXs returns the x values at which to draw a curve from lo to hi:
// every quarter, as far as 200 points allow, else 200 evenly spaced.
func curveXs(lo, hi float64) []float64 {
	const most = 200
	step := 0.25
	if n := (hi - lo) / step; !(n <= most) {
		step = (hi - lo) / most
	}
	if !(step > 0) || !finite(step) {
		return []float64{lo}
	}
	var xs []float64
	for k := 0; k <= most; k++ {
		x := lo + float64(k)*step
		if x > hi {
			break
		}
		xs = append(xs, x)
	}
	return xs
}

// measuredTicks marks the measured values of a discrete axis (procs,
// workers) and nothing between them.
func measuredTicks(vs []int) plot.ConstantTicks {
	slices.Sort(vs)
	ts := make(plot.ConstantTicks, len(vs))
	for i, v := range vs {
		ts[i] = plot.Tick{Value: float64(v), Label: strconv.Itoa(v)}
	}
	return ts
}

// dodge is the offset of series j of n at one x, width apart from the next,
// so that series measured at the same x do not hide each other.
func dodge(j, n int, width float64) float64 {
	return (float64(j) - float64(n-1)/2) * width
}

// ChartSpeedupWorkers draws the speedup over sequential against the
// worker count of pool and process for one sweep family (SleepWorkers or
// HashWorkers), with the ideal speedup: tasks/⌈tasks/workers⌉ for sleep,
// min(workers, cores, tasks) for hash.
func ChartSpeedupWorkers(rows []*Row, family string, cores float64, pal *Palette) (*plot.Plot, error) {
	byStrategy := map[string][]*Row{}
	var order []string
	var workers []int
	for _, r := range rows {
		if r.Bench.Family != family || r.Workers == 0 || !r.Speedup.Valid() {
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
	p := newPlot(fmt.Sprintf("Speedup over sequential vs workers: %s, procs=%d", label(first), first.Procs),
		"workers (log scale)", "speedup over sequential (×)")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = measuredTicks(workers)
	for j, st := range order {
		rs := byStrategy[st]
		slices.SortFunc(rs, func(a, b *Row) int { return a.Workers - b.Workers })
		var xs []float64
		var ys []Summary
		for _, r := range rs {
			// On the log axis the dodge is a factor.
			xs = append(xs, float64(r.Workers)*math.Pow(10, dodge(j, len(order), 0.025)))
			ys = append(ys, Summary{Center: r.Speedup.V, Lo: r.Speedup.Lo, Hi: r.Speedup.Hi})
		}
		if err := addDots(p, pal.Style(st), st+" (median, CI)", xs, ys, 1, false, true); err != nil {
			return nil, err
		}
	}
	var ideal plotter.XYs
	name := "ideal tasks / ceil(tasks/workers)"
	for _, w := range workers {
		var y float64
		if kind(family) == KindSleep {
			t := max(first.Tasks, 1)
			y = float64(t) / math.Ceil(float64(t)/float64(w))
		} else {
			name = "ideal min(workers, cores, tasks)"
			y = coreLimit(first.Tasks, first.Procs, w, cores)
		}
		ideal = append(ideal, plotter.XY{X: float64(w), Y: y})
	}
	if err := addRef(p, name, ideal, color.Black, []vg.Length{vg.Points(6), vg.Points(4)}); err != nil {
		return nil, err
	}
	p.Legend.Left = true
	p.Y.Min = 0
	p.Y.Max *= 1.1
	return p, nil
}

// counterDots collects, for each strategy, one value per sync variant
// (x = variant index, offset per strategy).
func counterDots(rows []*Row, value func(*Row) (Summary, bool)) (syncs, strategies []string, xs map[string][]float64, ys map[string][]Summary) {
	xs, ys = map[string][]float64{}, map[string][]Summary{}
	for _, r := range rows {
		if r.Bench.Family != "Counter" {
			continue
		}
		if s := r.Bench.Param("sync"); !slices.Contains(syncs, s) {
			syncs = append(syncs, s)
		}
		if !slices.Contains(strategies, r.Strategy) {
			strategies = append(strategies, r.Strategy)
		}
	}
	for _, r := range rows {
		if r.Bench.Family != "Counter" {
			continue
		}
		v, ok := value(r)
		if !ok {
			continue
		}
		i := slices.Index(syncs, r.Bench.Param("sync"))
		j := slices.Index(strategies, r.Strategy)
		off := (float64(j) - float64(len(strategies)-1)/2) * 0.6 / float64(max(len(strategies), 1))
		xs[r.Strategy] = append(xs[r.Strategy], float64(i)+off)
		ys[r.Strategy] = append(ys[r.Strategy], v)
	}
	return syncs, strategies, xs, ys
}

// ChartCounterThroughput draws the counter throughput (increments per
// second) of each sync variant × strategy.
func ChartCounterThroughput(rows []*Row, pal *Palette) (*plot.Plot, error) {
	syncs, strategies, xs, ys := counterDots(rows, func(r *Row) (Summary, bool) { return throughput(r), true })
	if len(syncs) == 0 {
		return nil, nil
	}
	p := newPlot(fmt.Sprintf("Shared counter throughput by sync variant and strategy, procs=%d", maxProcs(rows, "Counter")),
		"sync variant", "increments per second (millions, log scale)")
	logY(p)
	for _, st := range strategies {
		if err := addDots(p, pal.Style(st), st, xs[st], ys[st], 1e6, true, false); err != nil {
			return nil, err
		}
	}
	nominalX(p, syncs...)
	padLog(&p.Y, 1.5)
	return p, nil
}

// ChartCounterLost draws the lost updates per batch of each sync variant ×
// strategy: only sync=none should lose any.
func ChartCounterLost(rows []*Row, pal *Palette) (*plot.Plot, error) {
	syncs, strategies, xs, ys := counterDots(rows, func(r *Row) (Summary, bool) {
		m := r.Bench.Metric("lost-updates/op")
		if m == nil {
			return Summary{}, false
		}
		return m.Summary, true
	})
	if len(xs) == 0 {
		return nil, nil
	}
	p := newPlot(fmt.Sprintf("Shared counter lost updates by sync variant and strategy, procs=%d", maxProcs(rows, "Counter")),
		"sync variant", "lost updates per batch (count)")
	for _, st := range strategies {
		if err := addDots(p, pal.Style(st), st, xs[st], ys[st], 1, false, false); err != nil {
			return nil, err
		}
	}
	nominalX(p, syncs...)
	p.Y.Min = 0
	p.Y.Max = math.Max(p.Y.Max, 1) * 1.15
	return p, nil
}

// maxProcs is the highest procs of a family's rows.
func maxProcs(rows []*Row, family string) int {
	m := 0
	for _, r := range rows {
		if r.Bench.Family == family {
			m = max(m, r.Procs)
		}
	}
	return m
}

// slug makes a file-name-safe version of s.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Charts draws every chart the data allows, in report order.
func Charts(rows []*Row, fits []AmdahlFit, cores float64) ([]Chart, error) {
	pal := NewPalette(strategyOrder(rows))
	var out []Chart
	add := func(name string, p *plot.Plot, err error) error {
		if err != nil {
			return fmt.Errorf("chart %s: %w", name, err)
		}
		if p == nil {
			return nil
		}
		c, err := render(p, name)
		if err != nil {
			return err
		}
		out = append(out, c)
		return nil
	}
	p, err := ChartOverview(rows)
	if err != nil {
		return nil, err
	}
	if p != nil {
		w, h := overviewSize(overviewGrid(rows))
		c, err := renderSized(p, OverviewChart, w, h)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	for _, ws := range mainWorkloads(rows, timeFamilies(rows)...) {
		p, err := ChartBatchTime(ws, pal)
		if err := add("time-"+slug(label(ws[0])), p, err); err != nil {
			return nil, err
		}
	}
	p, err = ChartSpeedupProcs(rows, fits, cores, pal)
	if err := add("speedup-procs", p, err); err != nil {
		return nil, err
	}
	for _, fam := range []string{"SleepWorkers", "HashWorkers"} {
		p, err := ChartSpeedupWorkers(rows, fam, cores, pal)
		if err := add("speedup-workers-"+string(kind(fam)), p, err); err != nil {
			return nil, err
		}
	}
	p, err = ChartAlloc(rows, pal)
	if err := add(AllocChart, p, err); err != nil {
		return nil, err
	}
	p, err = ChartCounterThroughput(rows, pal)
	if err := add("counter-throughput", p, err); err != nil {
		return nil, err
	}
	p, err = ChartCounterLost(rows, pal)
	if err := add("counter-lost", p, err); err != nil {
		return nil, err
	}
	p, err = ChartFlood(rows, pal)
	if err := add(FloodChart, p, err); err != nil {
		return nil, err
	}
	p, err = ChartCrash(rows, pal)
	if err := add(CrashChart, p, err); err != nil {
		return nil, err
	}
	for _, ws := range mainWorkloads(rows, timeFamilies(rows)...) {
		p, err := ChartLatency(ws, pal)
		if err := add("latency-"+slug(label(ws[0])), p, err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mainWorkloads groups the rows of the given families by workload, each at
// its highest procs, in order of first appearance, leaving out smaller
// batches of a workload measured at a larger one too (isSmallerBatch).
func mainWorkloads(rows []*Row, families ...string) [][]*Row {
	var seen []string
	var out [][]*Row
	for _, r := range rows {
		if !slices.Contains(families, r.Bench.Family) || slices.Contains(seen, r.Workload) {
			continue
		}
		seen = append(seen, r.Workload)
		w := r.Workload
		ws := pickWorkload(rows, func(q *Row) bool { return q.Workload == w && q.Bench.Family == r.Bench.Family }, nil)
		if isSmallerBatch(rows, ws) {
			continue // exec's batch of the fine hash: ranked per task, not charted alone
		}
		out = append(out, ws)
	}
	return out
}
