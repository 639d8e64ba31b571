package rundir

import (
	"math"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
	"golang.org/x/perf/benchmath"
)

// metricAt builds a metric whose values come from result lines 1, 2, ….
func metricAt(unit string, vals []float64) *Metric {
	s := benchmath.NewSample(append([]float64(nil), vals...), stat.Thresholds())
	lines := make([]int, len(vals))
	rounds := make([]int, len(vals))
	for i := range vals {
		lines[i], rounds[i] = i+1, i+1
	}
	return &Metric{Unit: unit, Sample: s, Summary: stat.Summarize(s), Values: vals, Rounds: rounds, Lines: lines}
}

// The slowest quarter of the samples is set against the rest by the steal
// and other load of the same result lines.
func TestSlowdownFindsSteal(t *testing.T) {
	b := &Benchmark{Name: "Hash/strategy=spawn/procs=2", Metrics: map[string]*Metric{
		"ns/op":              metricAt("ns/op", []float64{10, 10, 20, 10, 10, 10, 10, 20}),
		runfile.UnitStealPct: metricAt(runfile.UnitStealPct, []float64{0, 0, 9, 0, 1, 0, 0, 7}),
		runfile.UnitOtherPct: metricAt(runfile.UnitOtherPct, []float64{2, 3, 2, 2, 3, 2, 2, 3}),
	}}
	s, ok := SlowdownOf(b)
	if !ok {
		t.Fatal("no slowdown from 8 samples")
	}
	if s.Slow != 2 || s.Rest != 6 || s.Steal[0] != 8 || math.Abs(s.Steal[1]-1.0/6) > 1e-9 || math.Abs(s.SlowBy-1) > 1e-9 {
		t.Errorf("slowdown = %+v", s)
	}
	if !s.WithSteal() || s.WithOther() {
		t.Errorf("WithSteal %v WithOther %v, want true false", s.WithSteal(), s.WithOther())
	}
	if got := s.String(); !strings.HasSuffix(got, ": with steal") || !strings.HasPrefix(got, "the 2 slowest of 8 (+100 %)") {
		t.Errorf("String = %q", got)
	}
	// Without interference metrics it says so, and too few samples give none.
	delete(b.Metrics, runfile.UnitStealPct)
	delete(b.Metrics, runfile.UnitOtherPct)
	if s, _ := SlowdownOf(b); !strings.HasSuffix(s.String(), "no steal or load figures") {
		t.Errorf("String without figures = %q", s.String())
	}
	b.Metrics["ns/op"] = metricAt("ns/op", []float64{1, 2, 3})
	if _, ok := SlowdownOf(b); ok {
		t.Error("slowdown from 3 samples")
	}
}

// The slow samples coincide with page faults when theirs are at least a
// quarter more and ten more a batch; fewer, or too small a gap, do not.
func TestSlowdownFindsPageFaults(t *testing.T) {
	b := &Benchmark{Name: "Alloc/strategy=spawn/procs=2", Metrics: map[string]*Metric{
		"ns/op":                 metricAt("ns/op", []float64{10, 10, 20, 10, 10, 10, 10, 20}),
		runfile.UnitStealPct:    metricAt(runfile.UnitStealPct, []float64{0, 0, 0, 0, 0, 0, 0, 0}),
		runfile.UnitOtherPct:    metricAt(runfile.UnitOtherPct, []float64{2, 3, 2, 2, 3, 2, 2, 3}),
		runfile.UnitFaultsPerOp: metricAt(runfile.UnitFaultsPerOp, []float64{100, 110, 900, 100, 90, 100, 100, 1100}),
	}}
	s, ok := SlowdownOf(b)
	if !ok {
		t.Fatal("no slowdown from 8 samples")
	}
	if s.Faults[0] != 1000 || s.Faults[1] != 100 || !s.WithFaults() || s.WithSteal() {
		t.Errorf("slowdown = %+v, WithFaults %v", s, s.WithFaults())
	}
	want := "the 2 slowest of 8 (+100 %): steal 0.0 % vs 0.0 %, other load 2.5 % vs 2.3 %, page faults 1000 vs 100 a batch: with page faults"
	if got := s.String(); got != want {
		t.Errorf("String = %q\nwant       %q", got, want)
	}
	for _, faults := range [][]float64{
		{100, 110, 115, 100, 90, 100, 100, 115}, // 15 % more
		{1, 1, 8, 1, 1, 1, 1, 8},                // 8× but 7 a batch
	} {
		b.Metrics[runfile.UnitFaultsPerOp] = metricAt(runfile.UnitFaultsPerOp, faults)
		if s, _ := SlowdownOf(b); s.WithFaults() || !strings.HasSuffix(s.String(), ": not with steal, other load or page faults") {
			t.Errorf("faults %v: WithFaults %v, String %q", faults, s.WithFaults(), s.String())
		}
	}
}

func TestRunPrecisionAndSteal(t *testing.T) {
	tight := make([]float64, 15)
	wide := make([]float64, 20)
	for i := range tight {
		tight[i] = 100 + float64(i%3)
	}
	for i := range wide {
		wide[i] = 100 * float64(1+i%4)
	}
	run := &Run{Benchmarks: []*Benchmark{
		{Name: "A", Metrics: map[string]*Metric{"ns/op": metricAt("ns/op", tight), runfile.UnitStealPct: metricAt(runfile.UnitStealPct, []float64{0, 2, 0, 4})}},
		{Name: "B", Metrics: map[string]*Metric{"ns/op": metricAt("ns/op", wide)}},
		{Name: "C", Metrics: map[string]*Metric{"B/op": metricAt("B/op", tight)}},
	}}
	p := run.RunPrecision()
	if p != (Precision{Within: 1, Configs: 2, MinN: 15, MedianN: 20, MaxN: 20}) {
		t.Errorf("RunPrecision = %+v", p)
	}
	if got, want := p.String(), "1 of 2 configurations (50 %) within ±5 %; 15 to 20 samples each, median 20"; got != want {
		t.Errorf("Precision.String = %q, want %q", got, want)
	}
	st, ok := run.RunSteal()
	if !ok || st != (Steal{Mean: 1.5, Max: 4, Stolen: 2, Samples: 4}) {
		t.Errorf("RunSteal = %+v, %v", st, ok)
	}
	if _, ok := (&Run{Benchmarks: run.Benchmarks[1:]}).RunSteal(); ok {
		t.Error("RunSteal of a run without steal-pct")
	}
}
