package chart

import (
	"math"
	"strings"
	"testing"

	"github.com/concbench/concbench/plots/rundir"
	"github.com/concbench/concbench/plots/stat"

	"golang.org/x/perf/benchmath"
	"gonum.org/v1/plot"
)

// TestTicksBounded gives the tick generators every degenerate range: each
// returns at most maxTicks ticks, at once.
func TestTicksBounded(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	ranges := [][2]float64{
		{1, inf}, {-inf, inf}, {nan, 1}, {1, nan}, {nan, nan}, {0, 0}, {5, 5}, {-1, 1},
		{1e-300, 1e300}, {math.SmallestNonzeroFloat64, math.MaxFloat64}, {1e300, math.Nextafter(1e300, inf)},
		{1, math.Nextafter(1, 2)}, {-math.MaxFloat64, math.MaxFloat64}, {1e15, 1e15 + 1}, {2, 1},
	}
	for _, tk := range []plot.Ticker{ticks125{}, durationTicks{}, linearTicks{}} {
		for _, r := range ranges {
			ts := tk.Ticks(r[0], r[1])
			if len(ts) > maxTicks*3 {
				t.Errorf("%T.Ticks(%v, %v): %d ticks", tk, r[0], r[1], len(ts))
			}
		}
	}
	// A log axis over 600 decades still gets its powers of ten, at most
	// maxTicks of them.
	if ts := (ticks125{}).Ticks(1e-300, 1e300); len(ts) < 10 || len(ts) > maxTicks+1 {
		t.Errorf("ticks125 over 600 decades: %d ticks", len(ts))
	}
}

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

// TestCurveXsBounded draws curves over any range with at most 201 points.
func TestCurveXsBounded(t *testing.T) {
	for _, r := range [][2]float64{{1, 2}, {1, 2e9}, {1, 1}, {1, math.Inf(1)}, {1, math.NaN()}, {1, 0}} {
		if xs := curveXs(r[0], r[1]); len(xs) > 201 {
			t.Errorf("curveXs(%v, %v): %d points", r[0], r[1], len(xs))
		}
	}
	if xs := curveXs(1, 3); len(xs) != 9 {
		t.Errorf("curveXs(1, 3) = %v, want every quarter", xs)
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
			logY(p)
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
