package chart

import (
	"bytes"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/judge"

	"github.com/concbench/concbench/plots/internal/testrun"

	"gonum.org/v1/plot/vg"
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
		rows := readRaw(t, testrun.Flood(tc.rows)).Derive()
		p, err := ChartFlood(rows, NewPalette(StrategyOrder(rows)))
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

// TestPlaceLabels places the labels of a cluster of points, as the
// flood's 1k labels of the libraries are, and finds none over a point or
// over another label.
func TestPlaceLabels(t *testing.T) {
	r := vg.Points(4)
	at := []vg.Point{{X: 100, Y: 100}, {X: 103, Y: 101}, {X: 106, Y: 99}, {X: 101, Y: 104}, {X: 140, Y: 100}, {X: 200, Y: 200}}
	sizes := make([]vg.Point, len(at))
	for i := range sizes {
		sizes[i] = vg.Point{X: 12, Y: 9}
	}
	sizes[5] = vg.Point{} // no label
	boxes := placeLabels(at, sizes, r, vg.Rectangle{Max: vg.Point{X: 400, Y: 400}})
	if boxes[5] != (vg.Rectangle{}) {
		t.Errorf("an empty label was given the box %v", boxes[5])
	}
	for i, b := range boxes[:5] {
		if b.Size() != sizes[i] {
			t.Errorf("label %d: box %v of size %v, want %v", i, b, b.Size(), sizes[i])
		}
		for j, pt := range at {
			glyph := vg.Rectangle{Min: pt.Sub(vg.Point{X: r, Y: r}), Max: pt.Add(vg.Point{X: r, Y: r})}
			if shared(b, glyph) > 0 {
				t.Errorf("label %d at %v covers point %d at %v", i, b, j, pt)
			}
		}
		for j, c := range boxes[:i] {
			if shared(b, c) > 0 {
				t.Errorf("label %d at %v covers label %d at %v", i, b, j, c)
			}
		}
	}
	// A lone point's label is right of it and a little up.
	if b := boxes[4]; b.Min.X <= at[4].X+r || b.Min.Y <= at[4].Y {
		t.Errorf("lone label at %v, want right of and above %v", b, at[4])
	}
}
