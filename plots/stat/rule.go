package stat

import "fmt"

// The rule that turns a figure with its interval into an outcome (see the
// package documentation): PASS or FAIL only when the whole interval lies
// on one side of the threshold, and a claim of a difference only with
// p < Alpha besides.

// AtLeast judges e ≥ thr: PASS if the whole interval is at or above thr,
// FAIL if it is entirely below, else INCONCLUSIVE.
func AtLeast(e Estimate, thr float64) Outcome {
	switch {
	case e.Lo >= thr:
		return Pass
	case e.Hi < thr:
		return Fail
	}
	return Inconclusive
}

// AtMost judges e ≤ thr the same way.
func AtMost(e Estimate, thr float64) Outcome {
	switch {
	case e.Hi <= thr:
		return Pass
	case e.Lo > thr:
		return Fail
	}
	return Inconclusive
}

// Within judges lo ≤ e ≤ hi the same way.
func Within(e Estimate, lo, hi float64) Outcome {
	switch {
	case e.Lo >= lo && e.Hi <= hi:
		return Pass
	case e.Hi < lo || e.Lo > hi:
		return Fail
	}
	return Inconclusive
}

// An Outcome is the answer of a verdict.
type Outcome string

// The outcomes of a verdict.
const (
	Pass         Outcome = "PASS"
	Fail         Outcome = "FAIL"
	Inconclusive Outcome = "INCONCLUSIVE"
)

// Differs reports whether the report's rule calls two figures different:
// p < Alpha and the whole interval of their ratio on one side of 1.
func Differs(ratio Estimate, p float64) bool {
	return p < Alpha && (ratio.Lo > 1 || ratio.Hi < 1)
}

// SameWithin is the band of "the same": two figures are as good as each
// other when the whole interval of their ratio lies within 1 ± SameWithin.
const SameWithin = 0.10

// TooFew is the note of a conclusion drawn from a sample of n values,
// fewer than MinSamples: "too few samples: n=3, need 6".
func TooFew(n int) string {
	return fmt.Sprintf("too few samples: n=%d, need %d", n, MinSamples)
}
