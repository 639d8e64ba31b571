package kit

import (
	"fmt"
	"image/color"

	"github.com/concbench/concbench/plots/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// errPoints are points with vertical error bars.
type errPoints struct {
	plotter.XYs
	plotter.YErrors
}

// AddDots adds one series of medians (divided by div) at xs with their
// confidence intervals as error bars, drawn in style st, with a legend
// entry. Points with a non-positive median are left out on a log axis.
func AddDots(p *plot.Plot, st Style, name string, xs []float64, ys []stat.Summary, div float64, log bool, line bool) error {
	var pts errPoints
	for k, s := range ys {
		c, lo, hi := s.Center/div, s.Lo/div, s.Hi/div
		if !Finite(c) || !Finite(xs[k]) || log && c <= 0 {
			continue
		}
		if !Finite(lo) || lo > c || log && lo <= 0 {
			lo = c
		}
		if !Finite(hi) || hi < c {
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

// GlyphThumb is a legend entry drawing one marker in style st.
func GlyphThumb(st Style) plot.Thumbnailer {
	return &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: st.Color, Shape: st.Shape, Radius: vg.Points(4)}}
}

// AddRef adds a reference line (ideal, fit) through the points.
func AddRef(p *plot.Plot, name string, xys plotter.XYs, c color.Color, dashes []vg.Length) error {
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

// CINote names the interval shown by error bars.
const CINote = "bars: 95 % CI, or range if n < 6"

// CurveXs returns the x values at which to draw a curve from lo to hi:
// every quarter, as far as 200 points allow, else 200 evenly spaced.
func CurveXs(lo, hi float64) []float64 {
	const most = 200
	step := 0.25
	if n := (hi - lo) / step; !(n <= most) {
		step = (hi - lo) / most
	}
	if !(step > 0) || !Finite(step) {
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

// Dodge is the offset of series j of n at one x, width apart from the next,
// so that series measured at the same x do not hide each other.
func Dodge(j, n int, width float64) float64 {
	return (float64(j) - float64(n-1)/2) * width
}
