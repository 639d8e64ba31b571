package chart

import (
	"image/color"
	"math"
	"strconv"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// heatDecades is how far the colour scale of the heatmap reaches from 1×,
// in powers of ten: speedups beyond 100× or below 0.01× get the end colours.
const heatDecades = 2

// A heatCell is one workload × strategy cell of the overview.
type heatCell struct {
	row *rundir.Row // nil: the strategy did not run this workload
}

// heatmap is a plotter that draws the overview: one rectangle per
// workload (Y = len-1-i, top to bottom) × strategy (X = j), coloured by
// speedup, the figure written in it. gonum's plotter.HeatMap colours a
// grid but writes no text and marks nothing, hence this plotter.
type heatmap struct {
	cells [][]heatCell // [workload][strategy]
	text  text.Style
	small text.Style
	// keys are the styles of the strategies (columns); when set, each
	// column has its strategy's bar key (barThumb) in a strip of height
	// keyStrip below the bottom row, above the strategy's name.
	keys []kit.Style
}

// keyStrip is the height of the strip of strategy keys, in rows.
const keyStrip = 0.45

// DataRange implements plot.DataRanger.
func (h *heatmap) DataRange() (xmin, xmax, ymin, ymax float64) {
	ymin = -0.5
	if h.keys != nil {
		ymin -= keyStrip
	}
	return -0.5, float64(len(h.cells[0])) - 0.5, ymin, float64(len(h.cells)) - 0.5
}

// plotKeys draws each column's strategy key, centred in the key strip.
func (h *heatmap) plotKeys(c draw.Canvas, trX, trY func(float64) vg.Length) {
	y := trY(-0.5 - keyStrip/2)
	for j, st := range h.keys {
		x := trX(float64(j))
		half := vg.Points(7)
		key := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x - 2*half, Y: y - half}, Max: vg.Point{X: x + 2*half, Y: y + half}}}
		kit.BarThumb{Style: st}.Thumbnail(&key)
	}
}

// Plot implements plot.Plotter.
func (h *heatmap) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	h.plotKeys(c, trX, trY)
	gap := vg.Points(1.5)
	for i, row := range h.cells {
		y := float64(len(h.cells) - 1 - i)
		for j, cell := range row {
			x := float64(j)
			x0, x1 := trX(x-0.5)+gap, trX(x+0.5)-gap
			y0, y1 := trY(y-0.5)+gap, trY(y+0.5)-gap
			fill, figure, mark := heatLook(cell.row)
			c.FillPolygon(fill, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
			ink := color.Color(color.Black)
			if luminance(fill) < 0.45 {
				ink = color.White
			}
			mid := vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}
			big, small := h.text, h.small
			big.Color, small.Color = ink, ink
			if mark == "" {
				c.FillText(big, mid, figure)
				continue
			}
			c.FillText(big, vg.Point{X: mid.X, Y: mid.Y + big.Font.Size*0.45}, figure)
			c.FillText(small, vg.Point{X: mid.X, Y: mid.Y - small.Font.Size*0.75}, mark)
		}
	}
}

// heatLook returns a cell's fill colour, its figure ("3.1×") and its mark
// ("≈" when not significantly different from sequential, "±" when noisy,
// both, or "").
func heatLook(r *rundir.Row) (fill color.Color, figure, mark string) {
	if r == nil || !r.Speedup.Valid() {
		return color.Gray{Y: 0xe0}, "—", ""
	}
	figure = speedupText(r.Speedup.V)
	var marks []string
	if !(r.P < stat.Alpha) {
		marks = append(marks, "≈")
	}
	if r.Noisy {
		marks = append(marks, "±")
	}
	for i, m := range marks {
		if i > 0 {
			mark += " "
		}
		mark += m
	}
	return speedupColor(r.Speedup.V), figure, mark
}

// speedupText writes a speedup short enough for a cell: "62.1×", "0.52×",
// and below 0.1× as a fraction, "1/5.9k×".
func speedupText(v float64) string {
	if v >= 0.1 || v <= 0 {
		return unitfmt.Num(v) + "×"
	}
	d := 1 / v
	if d >= 1000 {
		return "1/" + strconv.FormatFloat(d/1000, 'f', 1, 64) + "k×"
	}
	return "1/" + strconv.FormatFloat(d, 'f', 0, 64) + "×"
}

// speedupColor maps a speedup to a diverging, colour-blind-safe scale
// (ColorBrewer PuOr) on a log axis centred on 1×: white at 1×, purple
// for faster than sequential, orange for slower, full colour at
// 10^±heatDecades.
func speedupColor(s float64) color.NRGBA {
	t := math.Log10(s) / heatDecades // -1 … 1
	if math.IsNaN(t) {
		return color.NRGBA{0xe0, 0xe0, 0xe0, 0xff}
	}
	t = math.Max(-1, math.Min(1, t))
	// PuOr, from slow (orange) through white to fast (purple).
	stops := []color.NRGBA{
		{0xb3, 0x58, 0x06, 0xff}, {0xf1, 0xa3, 0x40, 0xff}, {0xfe, 0xe0, 0xb6, 0xff},
		{0xf7, 0xf7, 0xf7, 0xff},
		{0xd8, 0xda, 0xeb, 0xff}, {0x99, 0x8e, 0xc3, 0xff}, {0x54, 0x27, 0x88, 0xff},
	}
	pos := (t + 1) / 2 * float64(len(stops)-1)
	k := min(int(pos), len(stops)-2)
	f := pos - float64(k)
	a, b := stops[k], stops[k+1]
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + f*(float64(y)-float64(x)))) }
	return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// luminance is the relative luminance of c, 0 (black) to 1 (white).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}

// swatch is a legend entry showing one colour of the scale.
type swatch struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}
