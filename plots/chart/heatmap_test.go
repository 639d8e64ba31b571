package chart

import (
	"math"
	"slices"
	"testing"

	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"
)

func TestSpeedupColorDiverges(t *testing.T) {
	if c := speedupColor(1); c.R != c.G || c.G != c.B || c.R < 0xf0 {
		t.Errorf("1× is %v, want near white", c)
	}
	for _, s := range []float64{1.5, 3, 10, 100} {
		fast, slow := speedupColor(s), speedupColor(1/s)
		if !(fast.B > fast.R) {
			t.Errorf("%g× faster is %v, want purple (blue above red)", s, fast)
		}
		if !(slow.R > slow.B) {
			t.Errorf("%g× slower is %v, want orange (red above blue)", s, slow)
		}
		// Symmetric on the log scale: as far from white either way.
		if d := math.Abs(luminance(fast) - luminance(slow)); d > 0.25 {
			t.Errorf("%g×: luminance %0.2f faster vs %0.2f slower", s, luminance(fast), luminance(slow))
		}
	}
	if speedupColor(1e6) != speedupColor(100) || speedupColor(1e-6) != speedupColor(0.01) {
		t.Errorf("the scale does not stop at 10^±%d", heatDecades)
	}
}

func TestHeatLookMarks(t *testing.T) {
	for _, c := range []struct {
		row          *rundir.Row
		figure, mark string
	}{
		{nil, "—", ""},
		{&rundir.Row{Speedup: stat.Estimate{V: 3.1, Lo: 3, Hi: 3.2}, P: 0.001}, "3.10×", ""},
		{&rundir.Row{Speedup: stat.Estimate{V: 1.02, Lo: 0.9, Hi: 1.1}, P: 0.4}, "1.02×", "≈"},
		{&rundir.Row{Speedup: stat.Estimate{V: 0.5, Lo: 0.4, Hi: 0.6}, P: 0.001, Noisy: true}, "0.50×", "±"},
		{&rundir.Row{Speedup: stat.Estimate{V: 0.00017, Lo: 0.0001, Hi: 0.0002}, P: math.NaN(), Noisy: true}, "1/5.9k×", "≈ ±"},
		{&rundir.Row{Speedup: stat.Nan()}, "—", ""},
	} {
		_, figure, mark := heatLook(c.row)
		if figure != c.figure || mark != c.mark {
			t.Errorf("heatLook(%+v) = %q, %q; want %q, %q", c.row, figure, mark, c.figure, c.mark)
		}
	}
}

func TestChartOverview(t *testing.T) {
	_, rows := testrows.ReadFixture(t)
	if p, err := ChartOverview(rows); err != nil || p == nil {
		t.Fatalf("ChartOverview = %v, %v", p, err)
	}
	h := overviewGrid(rows)
	if h.procs != 2 {
		t.Errorf("procs %d, want 2", h.procs)
	}
	// Rows: every main-family workload; columns: every strategy but sequential.
	if len(h.cells) != len(judge.MainWorkloads(rows, "Sleep", "Hash", "Counter")) {
		t.Errorf("%d heatmap rows", len(h.cells))
	}
	order := slices.DeleteFunc(StrategyOrder(rows), func(s string) bool { return s == "sequential" })
	if len(h.cells[0]) != len(order) {
		t.Errorf("%d heatmap columns, want %d (%v)", len(h.cells[0]), len(order), order)
	}
	for _, row := range h.cells {
		for _, c := range row {
			if c.row != nil && c.row.Strategy == "sequential" {
				t.Error("sequential has a column")
			}
		}
	}
	// Nothing to show: no chart, no error.
	if p, err := ChartOverview(nil); p != nil || err != nil {
		t.Errorf("ChartOverview(nil) = %v, %v", p, err)
	}
}
