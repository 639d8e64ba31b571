package stat

import (
	"math"
	"testing"

	"golang.org/x/perf/benchmath"
)

// TestCompareRefusesNonFinite: no test runs on a sample holding NaN or
// ±Inf (the U test of go-moremath allocates without bound on a NaN).
func TestCompareRefusesNonFinite(t *testing.T) {
	good := benchmath.NewSample([]float64{1, 2, 3, 4, 5, 6}, Thresholds())
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		s := benchmath.NewSample([]float64{1, 2, bad, 4, 5, 6}, Thresholds())
		if p := Compare(good, s); !math.IsNaN(p) {
			t.Errorf("compare with %v: p = %v, want NaN", bad, p)
		}
	}
	if p := Compare(good, good); math.IsNaN(p) {
		t.Errorf("compare of finite samples gave no p")
	}
}

// TestSummaryDegenerate summarizes an empty sample, one value and equal
// values.
func TestSummaryDegenerate(t *testing.T) {
	if s := Summarize(benchmath.NewSample(nil, Thresholds())); s.N != 0 || !math.IsNaN(s.Center) {
		t.Errorf("empty: %+v", s)
	}
	if s := Summarize(benchmath.NewSample([]float64{7}, Thresholds())); s.Center != 7 || s.Lo != 7 || s.Hi != 7 || s.Noisy() {
		t.Errorf("one value: %+v", s)
	}
	s := Summarize(benchmath.NewSample([]float64{7, 7, 7, 7, 7, 7, 7}, Thresholds()))
	if s.Center != 7 || s.Lo != 7 || s.Hi != 7 || s.Noisy() || s.RelHalfWidth() != 0 {
		t.Errorf("equal values: %+v", s)
	}
}
