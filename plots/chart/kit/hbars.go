package kit

import (
	"image/color"
	"math"

	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RefLine is the legend thumbnail of the dashed reference line.
func RefLine() *plotter.Line {
	return &plotter.Line{LineStyle: draw.LineStyle{Color: ReferenceColor(), Width: vg.Points(1.3), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}}
}

// An hbar is one horizontal bar: median V at row Y with the interval
// [Lo, Hi] and the samples behind them, drawn in the strategy's Style.
type HBar struct {
	Y, V, Lo, Hi float64
	Style        Style
	Samples      []float64
}

// barBadge draws the second cue of a bar beside its colour, the same in
// the legend: the strategy's marker of radius r in black on a white disc
// at x, y, and the bar's outline in the strategy's dash pattern
// (outlineBar).
func barBadge(c draw.Canvas, st Style, x, y, r vg.Length) {
	disc := draw.GlyphStyle{Color: color.White, Shape: draw.CircleGlyph{}, Radius: r * 1.6}
	c.DrawGlyph(disc, vg.Point{X: x, Y: y})
	c.DrawGlyph(draw.GlyphStyle{Color: ReferenceColor(), Shape: st.Shape, Radius: r}, vg.Point{X: x, Y: y})
}

// outlineBar strokes the rectangle pts in black with the dashes of st.
func outlineBar(c draw.Canvas, st Style, pts []vg.Point) {
	c.StrokeLines(draw.LineStyle{Color: ReferenceColor(), Width: vg.Points(0.9), Dashes: st.Dashes}, append(pts, pts[0]))
}

// BarThumb is the legend entry of a strategy's bar: its colour, outline
// and marker, as hbars draws them.
type BarThumb struct{ Style Style }

// Thumbnail implements plot.Thumbnailer.
func (b BarThumb) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(b.Style.Color, pts)
	outlineBar(*c, b.Style, pts)
	barBadge(*c, b.Style, (c.Min.X+c.Max.X)/2, (c.Min.Y+c.Max.Y)/2, (c.Max.Y-c.Min.Y)*0.3)
}

// SampleGlyph is how one sample is drawn over its bar: a small dark ring,
// so that the distribution shows (clusters, outliers, bimodal runs).
func SampleGlyph() draw.GlyphStyle {
	return draw.GlyphStyle{Color: color.NRGBA{0x22, 0x22, 0x22, 0xc0}, Shape: draw.RingGlyph{}, Radius: vg.Points(2)}
}

// HBars is a plotter of horizontal bars that start at the left edge of the
// plot (so that they work on a log axis, where gonum's BarChart, drawn
// from 0, does not), each in its strategy's colour with its marker near
// the left end and its dash pattern as outline (so that bars differ
// without colour too), with interval whiskers, the median written right of
// each bar, and a dashed vertical reference line at ref (NaN: none).
type HBars struct {
	Bars  []HBar
	Ref   float64
	Label text.Style
}

// DataRange implements plot.DataRanger.
func (h *HBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, b := range h.Bars {
		xmin, xmax = math.Min(xmin, b.Lo), math.Max(xmax, b.Hi)
		for _, v := range b.Samples {
			if v > 0 {
				xmin, xmax = math.Min(xmin, v), math.Max(xmax, v)
			}
		}
	}
	return xmin, xmax, -0.5, float64(len(h.Bars)) - 0.5
}

// Plot implements plot.Plotter.
func (h *HBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	half := (trY(1) - trY(0)) * 0.32
	whisker := draw.LineStyle{Color: ReferenceColor(), Width: vg.Points(1.2)}
	for _, b := range h.Bars {
		y, x := trY(b.Y), trX(b.V)
		bar := []vg.Point{{X: c.Min.X, Y: y - half}, {X: x, Y: y - half}, {X: x, Y: y + half}, {X: c.Min.X, Y: y + half}}
		c.FillPolygon(b.Style.Color, bar)
		outlineBar(c, b.Style, bar)
		barBadge(c, b.Style, min(c.Min.X+vg.Points(10), (c.Min.X+x)/2), y, vg.Points(4))
		lo, hi := trX(b.Lo), trX(b.Hi)
		c.StrokeLine2(whisker, lo, y, hi, y)
		c.StrokeLine2(whisker, lo, y-half/2, lo, y+half/2)
		c.StrokeLine2(whisker, hi, y-half/2, hi, y+half/2)
		right := b.Hi
		for _, v := range b.Samples {
			right = math.Max(right, v)
		}
		c.FillText(h.Label, vg.Point{X: trX(right) + vg.Points(5), Y: y}, unitfmt.Ns(b.V))
		// The samples, spread over the bar's height in a fixed pattern so
		// that equal values do not hide each other.
		for k, v := range b.Samples {
			if v > 0 {
				off := half * 0.3 * vg.Length(k%5-2)
				c.DrawGlyph(SampleGlyph(), vg.Point{X: trX(v), Y: y + off})
			}
		}
	}
	if !math.IsNaN(h.Ref) {
		x := trX(h.Ref)
		c.StrokeLine2(RefLine().LineStyle, x, c.Min.Y, x, c.Max.Y)
	}
}
