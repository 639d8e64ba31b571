package stat

import (
	"fmt"
	"math"
	"slices"
)

// The laws a ScalingFit can be.
const (
	// USL is the Universal Scalability Law, S(N) = N / (1 + σ(N−1) +
	// κN(N−1)), both parameters fitted.
	USL = "USL"
	// Amdahl is the USL with κ = 0: S(N) = N / (1 + σ(N−1)), Amdahl's law
	// with σ its serial fraction.
	Amdahl = "Amdahl"
)

// A ScalingFit is a scalability law fitted to speedups measured on N cores.
//
// The USL is linear once rearranged: N/S − 1 = σ(N−1) + κN(N−1), so σ and
// κ are the least-squares solution of two normal equations in x₁ = N−1,
// x₂ = N(N−1) and y = N/S − 1. It falls back to Amdahl (κ = 0, σ =
// Σx₁y / Σx₁², clamped to [0, 1]) when the points cannot determine both:
// fewer than three distinct N (N = 1 counts: S(1) = 1 anchors the curve),
// a singular system, or a negative σ or κ. Residual is the root mean
// square of S − S_fit over the points, in speedup units.
type ScalingFit struct {
	// Law is USL or Amdahl; "" when no point is on more than one core
	// and nothing could be fitted.
	Law          string
	Sigma, Kappa float64
	Residual     float64
	// MaxN is the largest N measured; Distinct how many distinct N there
	// are.
	MaxN     float64
	Distinct int
	// Why says why the fit is Amdahl's, or why there is none.
	Why string
}

// Valid reports whether a law could be fitted.
func (f ScalingFit) Valid() bool { return f.Law != "" }

// Predict is the fitted speedup on n cores.
func (f ScalingFit) Predict(n float64) float64 {
	return n / (1 + f.Sigma*(n-1) + f.Kappa*n*(n-1))
}

// Peak is the N at which the fitted USL speedup is highest,
// √((1−σ)/κ); +Inf when it never stops rising (κ = 0 or σ ≥ 1).
func (f ScalingFit) Peak() float64 {
	if f.Kappa <= 0 || f.Sigma >= 1 {
		return math.Inf(1)
	}
	return math.Sqrt((1 - f.Sigma) / f.Kappa)
}

// Params is the fit in words: "USL σ=0.031 κ=0.0012", "Amdahl σ=0.05".
func (f ScalingFit) Params() string {
	switch f.Law {
	case USL:
		return fmt.Sprintf("USL σ=%.3g κ=%.3g", f.Sigma, f.Kappa)
	case Amdahl:
		return fmt.Sprintf("Amdahl σ=%.3g", f.Sigma)
	}
	return "no fit"
}

// Extrapolation is the plain warning for a prediction on n cores: "" when
// n is within the measured N, else how far beyond them it lies, and that
// a fit on at most two cores says nothing reliable there.
func (f ScalingFit) Extrapolation(n float64) string {
	if !f.Valid() || n <= f.MaxN {
		return ""
	}
	s := fmt.Sprintf("extrapolated %.0f× beyond the largest measured N (%g)", n/f.MaxN, f.MaxN)
	if f.MaxN <= 2 {
		s += ": measured on at most 2 cores, the fit cannot see contention or coherency grow, so this figure says nothing reliable"
	}
	return s
}

// FitScaling fits the USL to the speedups ss measured on ns cores (see ScalingFit),
// falling back to Amdahl.
func FitScaling(ns, ss []float64) ScalingFit {
	var f ScalingFit
	var s11, s12, s22, s1y, s2y float64
	var distinct []float64
	for i, n := range ns {
		if !slices.Contains(distinct, n) {
			distinct = append(distinct, n)
		}
		f.MaxN = math.Max(f.MaxN, n)
		x1, x2, y := n-1, n*(n-1), n/ss[i]-1
		s11, s12, s22 = s11+x1*x1, s12+x1*x2, s22+x2*x2
		s1y, s2y = s1y+x1*y, s2y+x2*y
	}
	f.Distinct = len(distinct)
	if s11 == 0 {
		f.Why = "no point on more than one core"
		return f
	}
	det := s11*s22 - s12*s12
	switch {
	case f.Distinct < 3:
		f.Why = fmt.Sprintf("%d distinct N: the USL's two parameters need 3", f.Distinct)
	case !(math.Abs(det) > 1e-12*s11*s22):
		f.Why = "the points do not determine σ and κ apart (a singular fit)"
	default:
		f.Sigma, f.Kappa = (s1y*s22-s2y*s12)/det, (s2y*s11-s1y*s12)/det
		if f.Sigma >= 0 && f.Kappa >= 0 {
			f.Law = USL
		} else {
			f.Why = fmt.Sprintf("the USL fit is negative (σ=%.3g, κ=%.3g)", f.Sigma, f.Kappa)
		}
	}
	if f.Law == "" {
		f.Law, f.Kappa = Amdahl, 0
		f.Sigma = math.Min(1, math.Max(0, s1y/s11))
	}
	var sq float64
	for i, n := range ns {
		d := ss[i] - f.Predict(n)
		sq += d * d
	}
	f.Residual = math.Sqrt(sq / float64(len(ns)))
	return f
}
