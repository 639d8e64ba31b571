package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
