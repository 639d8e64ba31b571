package chart

import (
	"bytes"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/judge"
)

// TestFloodChartLegend shows that the legend names the Pareto front only
// when its line is drawn, that is when the front has two points or more,
// and that both axes name their unit.
func TestFloodChartLegend(t *testing.T) {
	for _, tc := range []struct {
		rows map[string][2]float64
		line bool
	}{
		{map[string][2]float64{ // pool workers=1000 beats every other row
			"strategy=spawn":               {100e6, 50e6},
			"strategy=pool/workers=1000":   {60e6, 4e6},
			"strategy=pool/workers=100000": {150e6, 30e6},
		}, false},
		{map[string][2]float64{
			"strategy=spawn":             {50e6, 50e6},
			"strategy=pool/workers=1000": {60e6, 4e6},
		}, true},
	} {
		rows := testrows.ReadRaw(t, testrun.Flood(tc.rows)).Derive()
		p, err := ChartFlood(rows, kit.NewPalette(StrategyOrder(rows)))
		if err != nil || p == nil {
			t.Fatalf("ChartFlood: %v, %v", p, err)
		}
		c, err := Render(p, judge.FloodChart)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(c.SVG, []byte("Pareto front")); got != tc.line {
			t.Errorf("%d rows: legend names the Pareto front %v, want %v", len(tc.rows), got, tc.line)
		}
		if !strings.Contains(p.X.Label.Text, "(MiB") || !strings.Contains(p.Y.Label.Text, "(ms") {
			t.Errorf("axis labels %q and %q lack their unit", p.X.Label.Text, p.Y.Label.Text)
		}
	}
}
