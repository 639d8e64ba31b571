package chart

import (
	"fmt"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// ChartLatency draws the p50 and p99 task completion times (from batch
// start) of each strategy on one workload, in the strategy's colour and
// marker, p99's marker in a ring.
func ChartLatency(rows []*rundir.Row, pal *kit.Palette) (*plot.Plot, error) {
	var names []string
	var x50, x99 []float64
	var y50, y99 []stat.Summary
	for _, r := range rows {
		p50, p99 := r.Bench.Metric(runfile.UnitP50Ns), r.Bench.Metric(runfile.UnitP99Ns)
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
	p := NewPlot(fmt.Sprintf("Task completion time: %s, procs=%d", rundir.Label(rows[0]), rows[0].Procs),
		"strategy", "time from batch start (log scale)")
	kit.LogY(p)
	p.Y.Tick.Marker = kit.DurationTicks{}
	// Each strategy in its colour and marker; a ring around the marker
	// tells p99 from p50.
	for i, name := range names {
		st := pal.Style(name)
		if err := kit.AddDots(p, st, "", x50[i:i+1], y50[i:i+1], div, true, false); err != nil {
			return nil, err
		}
		st.Shape = kit.CircledGlyph{Inner: st.Shape}
		if err := kit.AddDots(p, st, "", x99[i:i+1], y99[i:i+1], div, true, false); err != nil {
			return nil, err
		}
	}
	key := kit.Style{Color: kit.ReferenceColor(), Shape: draw.CircleGlyph{}}
	p.Legend.Add("p50: the strategy's marker", kit.GlyphThumb(key))
	key.Shape = kit.CircledGlyph{Inner: key.Shape}
	p.Legend.Add("p99: its marker in a ring", kit.GlyphThumb(key))
	kit.NominalX(p, names...)
	kit.PadLog(&p.Y, 1.5)
	return p, nil
}
