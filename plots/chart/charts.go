package chart

import (
	"bytes"
	"fmt"
	"math"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/judge"
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
// PNG and SVG are the two renderings; ID says what it shows, which is how
// a verdict finds the chart of its evidence.
type Chart struct {
	Name, Title string
	PNG, SVG    []byte
	ID          judge.ChartID
}

// Render draws p in both formats, its legend outside the plot area, in a
// column on the right.
func Render(p *plot.Plot, name string) (Chart, error) {
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
		if _, log := a.ax.Scale.(plot.LogScale); log && !(lo > 0 && hi > 0 && kit.Finite(lo) && kit.Finite(hi)) {
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

// NewPlot returns a plot with a title, axis labels and a legend at the
// top right, in a legible type size.
func NewPlot(title, x, y string) *plot.Plot {
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
	p.Y.Tick.Marker = kit.LinearTicks{}
	p.Add(plotter.NewGrid())
	return p
}
