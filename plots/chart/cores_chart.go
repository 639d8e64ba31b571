package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// CoresChart is the name of the speedup-against-cores chart of a
// cross-machine report (without extension).
const CoresChart = "fleet-speedup-cores"

// A CoreSeries is one strategy's speedups against cores on several
// machines, with the scalability law fitted to all of them.
type CoreSeries struct {
	Strategy string
	Points   []CorePoint
	Fit      stat.ScalingFit
}

// A CorePoint is one speedup over sequential measured on machine Machine
// (an index of the machines' labels) with N cores in use.
type CorePoint struct {
	Machine int
	N       float64
	Speedup stat.Estimate
}

// chartTo is how far the chart draws the fits: to 8 cores at least, so
// that the curve's bend shows, or to the largest measured N.
const chartTo = 8

// machineShapes are the markers of the machines, the i-th machine's the
// i-th (cycling): the strategy gives a point its colour, the machine its
// marker.
func machineShapes() []draw.GlyphDrawer {
	return []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{},
		draw.RingGlyph{}, draw.SquareGlyph{}, draw.PlusGlyph{}, draw.CrossGlyph{}}
}

// ChartSpeedupCores draws each strategy's speedup over sequential against
// the cores it could use, N = min(procs, cores), on every machine: the
// points with their intervals in the strategy's colour and the machine's
// marker (moved apart a little where they share an N), each strategy's
// fitted law as a dash-dot curve to max(8, largest N), the ideal S = N,
// and a dotted vertical line at the largest measured N, beyond which the
// curves are extrapolations; each strategy in the style of its place in
// order, as in every chart of a run. It returns nil when no strategy has
// a point.
func ChartSpeedupCores(workload string, scs []CoreSeries, labels, order []string) (*plot.Plot, error) {
	if len(scs) == 0 {
		return nil, nil
	}
	pal := kit.NewPalette(order)
	p := NewPlot("Speedup over sequential vs cores, every machine: "+workload,
		"cores N = min(GOMAXPROCS, CPUs)", "speedup over sequential (×)")
	shapes := machineShapes()
	maxN, ticks := 1.0, []float64{1}
	// Series at one N are spread over 0.3 at most, 0.04 apart at most.
	series, j := len(scs)*len(labels), 0
	width := math.Min(0.04, 0.3/float64(series))
	for _, sc := range scs {
		for mi, label := range labels {
			var xs []float64
			var ys []stat.Summary
			for _, pt := range sc.Points {
				if pt.Machine != mi {
					continue
				}
				xs = append(xs, pt.N+(float64(j)-float64(series-1)/2)*width)
				ys = append(ys, stat.Summary{Center: pt.Speedup.V, Lo: pt.Speedup.Lo, Hi: pt.Speedup.Hi})
				maxN = math.Max(maxN, pt.N)
				if !slices.Contains(ticks, pt.N) {
					ticks = append(ticks, pt.N)
				}
			}
			j++
			if len(xs) == 0 {
				continue
			}
			st := pal.Style(sc.Strategy)
			st.Shape = shapes[mi%len(shapes)]
			if err := kit.AddDots(p, st, sc.Strategy+" · "+label, xs, ys, 1, false, false); err != nil {
				return nil, err
			}
		}
	}
	to := math.Max(maxN, chartTo)
	if err := kit.AddRef(p, "ideal S = N", plotter.XYs{{X: 1, Y: 1}, {X: to, Y: to}}, color.Black, []vg.Length{vg.Points(6), vg.Points(4)}); err != nil {
		return nil, err
	}
	for _, sc := range scs {
		if !sc.Fit.Valid() {
			continue
		}
		var xys plotter.XYs
		for k := 0; k <= 100; k++ {
			n := 1 + (to-1)*float64(k)/100
			xys = append(xys, plotter.XY{X: n, Y: sc.Fit.Predict(n)})
		}
		name := fmt.Sprintf("%s %s (rms %s)", sc.Strategy, sc.Fit.Params(), unitfmt.Num(sc.Fit.Residual))
		if err := kit.AddRef(p, name, xys, pal.Style(sc.Strategy).Color, []vg.Length{vg.Points(7), vg.Points(2), vg.Points(1), vg.Points(2)}); err != nil {
			return nil, err
		}
	}
	if maxN < to {
		grey := color.Gray{Y: 120}
		if err := kit.AddRef(p, fmt.Sprintf("largest measured N (%g): extrapolated beyond", maxN), plotter.XYs{{X: maxN, Y: 0}, {X: maxN, Y: to}}, grey, []vg.Length{vg.Points(1), vg.Points(3)}); err != nil {
			return nil, err
		}
	}
	if !slices.Contains(ticks, to) {
		ticks = append(ticks, to)
	}
	slices.Sort(ticks)
	var marks plot.ConstantTicks
	for _, t := range ticks {
		marks = append(marks, plot.Tick{Value: t, Label: strconv.FormatFloat(t, 'g', 4, 64)})
	}
	p.X.Tick.Marker = marks
	p.X.Min, p.X.Max = 0.7, to+0.3
	p.Y.Min, p.Y.Max = 0, to*1.05
	return p, nil
}
