package stat

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// uslPoints returns the exact USL speedups at ns.
func uslPoints(sigma, kappa float64, ns ...float64) []float64 {
	f := ScalingFit{Sigma: sigma, Kappa: kappa}
	ss := make([]float64, len(ns))
	for i, n := range ns {
		ss[i] = f.Predict(n)
	}
	return ss
}

func TestFitUSLRecoversSigmaKappa(t *testing.T) {
	for _, tc := range []struct {
		sigma, kappa float64
		ns           []float64
	}{
		{0.05, 0.002, []float64{1, 2, 4, 8, 16, 32}},
		{0.1, 0.01, []float64{1, 2, 4}},
		{0.02, 0.0005, []float64{2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64}},
	} {
		f := FitScaling(tc.ns, uslPoints(tc.sigma, tc.kappa, tc.ns...))
		if f.Law != USL || math.Abs(f.Sigma-tc.sigma) > 1e-9 || math.Abs(f.Kappa-tc.kappa) > 1e-9 || f.Residual > 1e-9 {
			t.Errorf("σ=%g κ=%g on %v: got %s σ=%g κ=%g rms %g (%s)", tc.sigma, tc.kappa, tc.ns, f.Law, f.Sigma, f.Kappa, f.Residual, f.Why)
		}
	}
	// With noise of ±1 % the parameters come back close.
	ns := []float64{1, 2, 4, 8, 16, 32, 64}
	ss := uslPoints(0.03, 0.0008, ns...)
	for i := range ss {
		ss[i] *= 1 + 0.01*float64(i%3-1)
	}
	f := FitScaling(ns, ss)
	if f.Law != USL || math.Abs(f.Sigma-0.03) > 0.01 || math.Abs(f.Kappa-0.0008) > 0.0003 {
		t.Errorf("noisy: %s σ=%g κ=%g (%s)", f.Law, f.Sigma, f.Kappa, f.Why)
	}
	if p := f.Peak(); math.Abs(p-math.Sqrt((1-f.Sigma)/f.Kappa)) > 1e-9 || p < 20 || p > 50 {
		t.Errorf("peak at N=%g", p)
	}
}

func TestFitFallsBackToAmdahl(t *testing.T) {
	for _, tc := range []struct {
		name   string
		ns, ss []float64
		sigma  float64 // want
		why    string
	}{
		{"two points", []float64{1, 2}, uslPoints(0.1, 0, 1, 2), 0.1, "2 distinct N: the USL's two parameters need 3"},
		{"two N, four points", []float64{1, 2, 2, 1}, uslPoints(0.2, 0, 1, 2, 2, 1), 0.2, "2 distinct N"},
		// N/S − 1 is 0.111 at N=2 and 0.25 at N=4: κ < 0.
		{"negative κ", []float64{1, 2, 4}, []float64{1, 1.8, 3.2}, math.NaN(), "the USL fit is negative"},
	} {
		f := FitScaling(tc.ns, tc.ss)
		if f.Law != Amdahl || f.Kappa != 0 || !strings.Contains(f.Why, tc.why) {
			t.Errorf("%s: %s κ=%g, why %q; want Amdahl with %q", tc.name, f.Law, f.Kappa, f.Why, tc.why)
		}
		if !math.IsNaN(tc.sigma) && (math.Abs(f.Sigma-tc.sigma) > 1e-9 || f.Residual > 1e-9) {
			t.Errorf("%s: σ=%g rms %g, want σ=%g exactly", tc.name, f.Sigma, f.Residual, tc.sigma)
		}
	}
	if f := FitScaling([]float64{1, 1}, []float64{1, 0.98}); f.Valid() || f.Why != "no point on more than one core" {
		t.Errorf("one core only: %+v", f)
	}
}

func TestExtrapolationWarning(t *testing.T) {
	f := FitScaling([]float64{1, 2}, []float64{1, 1.9})
	if w := f.Extrapolation(2); w != "" {
		t.Errorf("within the measured N: %q", w)
	}
	if w := f.Extrapolation(64); !strings.HasPrefix(w, "extrapolated 32× beyond the largest measured N (2): measured on at most 2 cores") {
		t.Errorf("64 cores from 2: %q", w)
	}
	g := FitScaling([]float64{1, 2, 4, 8}, uslPoints(0.05, 0.001, 1, 2, 4, 8))
	if w := g.Extrapolation(64); w != "extrapolated 8× beyond the largest measured N (8)" {
		t.Errorf("64 cores from 8: %q", w)
	}
}

func ExampleFitScaling() {
	ns := []float64{1, 2, 4, 8}
	ss := []float64{1, 1.9, 3.3, 4.6}
	f := FitScaling(ns, ss)
	fmt.Printf("%s, rms %.3f, peak at N=%.0f\n", f.Params(), f.Residual, f.Peak())
	for _, n := range []float64{16, 64} {
		fmt.Printf("S(%g) = %.2f: %s\n", n, f.Predict(n), f.Extrapolation(n))
	}
	// Output:
	// USL σ=0.0357 κ=0.00874, rms 0.001, peak at N=11
	// S(16) = 4.40: extrapolated 2× beyond the largest measured N (8)
	// S(64) = 1.66: extrapolated 8× beyond the largest measured N (8)
}
