package plots

import (
	"fmt"
	"strings"
	"testing"
)

// floodRun writes a raw.txt with 6 samples of a flood: spawn and pool at
// two worker counts, each with its time and peak stacks (×(1 + k/1000)
// for sample k), and reads it back.
func floodRun(t *testing.T, rows map[string][2]float64) *Run {
	t.Helper()
	var b strings.Builder
	b.WriteString("numcpu: 2\n" + strategyLines)
	for k := range 6 {
		for name, v := range rows {
			f := 1 + float64(k)/1000
			fmt.Fprintf(&b, "BenchmarkFlood/d=1ms/tasks=50000/%s/procs=2 \t 1 \t %.0f ns/op \t %.0f peak-stack-B \t %.0f peak-rss-B\n", name, v[0]*f, v[1]*f, 2*v[1]*f)
		}
	}
	return readRaw(t, b.String())
}

func floodVerdictsOf(t *testing.T, rows map[string][2]float64) (memory, faster Verdict) {
	t.Helper()
	run := floodRun(t, rows)
	vs := run.Verdicts(run.Derive())
	if len(vs) != 2 {
		t.Fatalf("%d flood verdicts, want 2", len(vs))
	}
	return vs[0], vs[1]
}

func TestFloodVerdicts(t *testing.T) {
	// time ns/op, peak stacks B
	mem, fast := floodVerdictsOf(t, map[string][2]float64{
		"strategy=spawn":                  {100e6, 50e6},
		"strategy=pool/workers=1000":      {60e6, 4e6},
		"strategy=ants/workers=100000":    {150e6, 30e6},
		"strategy=errgroup/workers=10000": {120e6, 20e6},
	})
	if mem.Outcome != Pass || !strings.Contains(mem.Figure, "3 of 3 bounded rows below it") {
		t.Errorf("memory verdict %s: %s (%s)", mem.Outcome, mem.Figure, mem.Note)
	}
	if fast.Outcome != Pass || !strings.Contains(fast.Figure, "fastest bounded: pool workers=1000") || !strings.Contains(fast.Figure, "best ants: ants workers=100000") {
		t.Errorf("speed verdict %s: %s (%s)", fast.Outcome, fast.Figure, fast.Note)
	}

	mem, fast = floodVerdictsOf(t, map[string][2]float64{
		"strategy=spawn":               {50e6, 50e6},
		"strategy=pool/workers=1000":   {60e6, 4e6},
		"strategy=pool/workers=100000": {150e6, 200e6},
	})
	if mem.Outcome != Fail || !strings.Contains(mem.Figure, "pool workers=100000 above it") || !strings.Contains(mem.P, "(pool workers=100000)") {
		t.Errorf("memory verdict %s: %s; p %s", mem.Outcome, mem.Figure, mem.P)
	}
	if fast.Outcome != Fail || !strings.Contains(fast.Figure, "0 of 2 bounded rows significantly faster than spawn, 2 slower") {
		t.Errorf("speed verdict %s: %s", fast.Outcome, fast.Figure)
	}
}

func TestFloodVerdictsMissingData(t *testing.T) {
	mem, fast := floodVerdictsOf(t, map[string][2]float64{"strategy=pool/workers=1000": {60e6, 4e6}})
	for _, v := range []Verdict{mem, fast} {
		if v.Outcome != Inconclusive || !strings.Contains(v.Note, "no data: Flood unbounded strategy (spawn)") {
			t.Errorf("%s: %s (%s)", v.Claim, v.Outcome, v.Note)
		}
	}
	if vs := judgeLessons(lessonTable(), nil, 2); vs != nil {
		t.Errorf("no rows: %d verdicts", len(vs))
	}
}

func TestParetoFront(t *testing.T) {
	run := floodRun(t, map[string][2]float64{
		"strategy=spawn":               {100, 50}, // dominated by pool 1000
		"strategy=pool/workers=1000":   {60, 4},
		"strategy=pool/workers=10":     {200, 1},
		"strategy=ants/workers=100000": {150, 30}, // dominated
		"strategy=conc/workers=100":    {40, 20},
	})
	rows := run.Derive()
	front := paretoFront(rows, func(r *Row) float64 { return r.Bench.Metric("peak-stack-B").Summary.Center })
	var got []string
	for _, r := range front {
		got = append(got, floodName(r))
	}
	want := "pool workers=10, pool workers=1000, conc workers=100"
	if strings.Join(got, ", ") != want {
		t.Errorf("front %q, want %s", got, want)
	}
	p, err := ChartFlood(rows, NewPalette(strategyOrder(rows)))
	if err != nil || p == nil {
		t.Fatalf("ChartFlood: %v, %v", p, err)
	}
	if c, err := render(p, FloodChart); err != nil || len(c.PNG) == 0 || len(c.SVG) == 0 {
		t.Errorf("rendering the flood chart: %v", err)
	}
}
