package stat

import (
	"math"
	"slices"

	"golang.org/x/perf/benchmath"
)

// Confidence is the confidence level of every interval in the report, and
// Alpha the significance level of every comparison (Mann-Whitney U).
//
// Alpha is a constant boundary for repeated looks (Pocock's design): the
// driver checks the rule after every round and stops sampling what it
// decides, so a run looks at a comparison up to Looks times. With p <
// 0.01 and the 95 % interval of the ratio wholly on one side (Differs),
// the chance that any of those looks calls two identically distributed
// configurations different stays at or below 5 % for the shapes this
// machine's rows have (bimodal by sample, by round, drifting apart by
// up to ±5 % a round); TestDiffersUnderRepeatedLooks holds it there by
// simulation. At 0.05 it was up to 8 %.
const (
	Confidence = 0.95
	Alpha      = 0.01
)

// Looks is the most looks at one comparison the boundary Alpha was
// calibrated for: one after each round from the MinSamples-th to the
// 60th sample, the driver's default most samples of a configuration.
const Looks = 60 - MinSamples + 1

// MinSamples is the fewest samples a configuration needs before the report
// computes an interval or a test from it: with 6 samples the sample range
// is a 96.9 % interval of the median (1 − 2/2⁶), and two fully separated
// samples of 6 give a Mann-Whitney p of 0.002; with 3 against 3 no p can
// go below 0.1, so no difference could ever be significant.
const MinSamples = 6

// NoisyWidth is the relative half-width of a confidence interval above which
// a row is marked noisy: the interval is wider than ±5 % of the median.
const NoisyWidth = 0.05

// Thresholds returns fresh comparison thresholds at Alpha.
func Thresholds() *benchmath.Thresholds {
	t := benchmath.DefaultThresholds
	t.CompareAlpha = Alpha
	return &t
}

// A Summary is the median of a sample and a confidence interval around it.
type Summary struct {
	Center, Lo, Hi float64
	// Confidence is the actual confidence level of [Lo, Hi]. With fewer
	// than MinSamples samples no interval reaches 95 %, and [Lo, Hi] is
	// the sample range [min, max], whose confidence is 1 − 2^(1−n): shown
	// for orientation, never used for a conclusion (see Enough).
	Confidence float64
	// N is the number of samples.
	N int
}

// Summarize computes the median and its distribution-free confidence
// interval with benchmath.AssumeNothing.
func Summarize(s *benchmath.Sample) Summary {
	n := len(s.Values)
	if n == 0 {
		return Summary{Center: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	}
	if n == 1 {
		v := s.Values[0]
		return Summary{Center: v, Lo: v, Hi: v, Confidence: 0, N: 1}
	}
	sum := benchmath.AssumeNothing.Summary(s, Confidence)
	if math.IsInf(sum.Lo, 0) || math.IsInf(sum.Hi, 0) {
		// Too few samples for 95 %: fall back to the sample range and
		// its own confidence level.
		lo, hi := slices.Min(s.Values), slices.Max(s.Values)
		return Summary{Center: sum.Center, Lo: lo, Hi: hi, Confidence: 1 - math.Pow(2, float64(1-n)), N: n}
	}
	return Summary{Center: sum.Center, Lo: sum.Lo, Hi: sum.Hi, Confidence: sum.Confidence, N: n}
}

// Enough reports whether the summary has the MinSamples samples that an
// interval or a test needs.
func (s Summary) Enough() bool { return s.N >= MinSamples }

// RelHalfWidth is the larger distance from the median to an end of the
// interval, relative to the median.
func (s Summary) RelHalfWidth() float64 {
	if s.Center == 0 {
		if s.Lo == 0 && s.Hi == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return math.Max(s.Hi-s.Center, s.Center-s.Lo) / math.Abs(s.Center)
}

// Noisy reports whether the interval is wider than ±NoisyWidth of the
// median.
func (s Summary) Noisy() bool { return s.RelHalfWidth() > NoisyWidth }

// Compare runs the Mann-Whitney U test (benchmath.AssumeNothing.Compare)
// between two samples and returns its p-value; NaN (no test) when either
// has fewer than MinSamples values.
//
// Samples holding a value that is not finite get no test either: the
// Mann-Whitney U test of go-moremath allocates without bound on a NaN.
// The values are checked where they are read (values.go); this keeps a
// value that slipped through from taking the machine's memory.
func Compare(a, b *benchmath.Sample) float64 {
	if a == nil || b == nil || len(a.Values) < MinSamples || len(b.Values) < MinSamples || !allFinite(a.Values) || !allFinite(b.Values) {
		return math.NaN()
	}
	return benchmath.AssumeNothing.Compare(a, b).P
}

// allFinite reports whether every value of vs is finite.
func allFinite(vs []float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
