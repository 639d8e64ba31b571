package chart

import (
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"
	"github.com/concbench/concbench/plots/internal/testrows"
	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/judge"
	"github.com/concbench/concbench/plots/rundir"
)

func TestParetoFront(t *testing.T) {
	run := testrows.ReadRaw(t, testrun.Flood(map[string][2]float64{
		"strategy=spawn":               {100, 50}, // dominated by pool 1000
		"strategy=pool/workers=1000":   {60, 4},
		"strategy=pool/workers=10":     {200, 1},
		"strategy=ants/workers=100000": {150, 30}, // dominated
		"strategy=conc/workers=100":    {40, 20},
	}))
	rows := run.Derive()
	front := paretoFront(rows, func(r *rundir.Row) float64 { return r.Bench.Metric("peak-stack-B").Summary.Center })
	var got []string
	for _, r := range front {
		got = append(got, rundir.RowName(r))
	}
	want := "pool workers=10, pool workers=1000, conc workers=100"
	if strings.Join(got, ", ") != want {
		t.Errorf("front %q, want %s", got, want)
	}
	p, err := ChartFlood(rows, kit.NewPalette(StrategyOrder(rows)))
	if err != nil || p == nil {
		t.Fatalf("ChartFlood: %v, %v", p, err)
	}
	if c, err := Render(p, judge.FloodChart); err != nil || len(c.PNG) == 0 || len(c.SVG) == 0 {
		t.Errorf("rendering the flood chart: %v", err)
	}
}
