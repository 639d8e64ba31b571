package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"

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
