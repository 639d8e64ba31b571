package chart

import (
	"math"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/chart/kit"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"

	"golang.org/x/perf/benchmath"
)

// TestCompareRefusesNonFinite: no test runs on a sample holding NaN or
// ±Inf (the U test of go-moremath allocates without bound on a NaN).
func TestCompareRefusesNonFinite(t *testing.T) {
	good := benchmath.NewSample([]float64{1, 2, 3, 4, 5, 6}, stat.Thresholds())
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		s := benchmath.NewSample([]float64{1, 2, bad, 4, 5, 6}, stat.Thresholds())
		if p := stat.Compare(good, s); !math.IsNaN(p) {
			t.Errorf("compare with %v: p = %v, want NaN", bad, p)
		}
	}
	if p := stat.Compare(good, good); math.IsNaN(p) {
		t.Errorf("compare of finite samples gave no p")
	}
}

// TestSummaryDegenerate summarizes an empty sample, one value and equal
// values.
func TestSummaryDegenerate(t *testing.T) {
	if s := stat.Summarize(benchmath.NewSample(nil, stat.Thresholds())); s.N != 0 || !math.IsNaN(s.Center) {
		t.Errorf("empty: %+v", s)
	}
	if s := stat.Summarize(benchmath.NewSample([]float64{7}, stat.Thresholds())); s.Center != 7 || s.Lo != 7 || s.Hi != 7 || s.Noisy() {
		t.Errorf("one value: %+v", s)
	}
	s := stat.Summarize(benchmath.NewSample([]float64{7, 7, 7, 7, 7, 7, 7}, stat.Thresholds()))
	if s.Center != 7 || s.Lo != 7 || s.Hi != 7 || s.Noisy() || s.RelHalfWidth() != 0 {
		t.Errorf("equal values: %+v", s)
	}
}

// TestRenderRefusesBadAxes renders plots whose axes gonum/plot would
// panic on: an error naming the chart instead.
func TestRenderRefusesBadAxes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lo, hi   float64
		log      bool
		want     string
		wantNone bool
	}{
		{name: "nan", lo: math.NaN(), hi: 1, want: "chart nan: the y axis runs from NaN to 1, not a range"},
		{name: "log-zero", lo: 0, hi: 10, log: true, want: "chart log-zero: the y axis is on a log scale but runs from 0 to 10"},
		{name: "log-inf", lo: 1, hi: math.Inf(1), log: true, want: "chart log-inf: the y axis is on a log scale"},
		{name: "equal", lo: 5, hi: 5, wantNone: true},
		{name: "huge", lo: -math.MaxFloat64, hi: math.MaxFloat64, wantNone: true},
		{name: "log-huge", lo: 1e-300, hi: 1e300, log: true, wantNone: true},
	} {
		p := NewPlot(tc.name, "x", "y")
		if tc.log {
			kit.LogY(p)
		}
		p.X.Min, p.X.Max = 0, 1
		p.Y.Min, p.Y.Max = tc.lo, tc.hi
		_, err := Render(p, tc.name)
		switch {
		case tc.wantNone && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case !tc.wantNone && (err == nil || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestFitAmdahlDegenerate fits no point, one point at procs=1 and a
// speedup of 0 without a NaN or a panic.
func TestFitAmdahlDegenerate(t *testing.T) {
	if fits := rundir.FitAmdahl(nil, 2); len(fits) != 0 {
		t.Errorf("no rows: %v", fits)
	}
	row := func(procs int, s float64) *rundir.Row {
		return &rundir.Row{Bench: &rundir.Benchmark{Family: "HashProcs"}, Workload: "w", Strategy: "pool", Procs: procs, Speedup: stat.Estimate{V: s, Lo: s, Hi: s}}
	}
	if fits := rundir.FitAmdahl([]*rundir.Row{row(1, 1)}, 2); len(fits) != 0 {
		t.Errorf("only procs=1: %v", fits)
	}
	for _, f := range rundir.FitAmdahl([]*rundir.Row{row(1, 1), row(2, 2), row(2000000000, 1e-6)}, math.Inf(1)) {
		if math.IsNaN(f.F) || f.F < 0 || f.F > 1 || math.IsNaN(f.Residual) {
			t.Errorf("fit %+v", f)
		}
	}
}
