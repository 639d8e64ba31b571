package plots

import (
	"fmt"
	"math"
)

// The rule that turns a figure with its interval into an outcome (see the
// package documentation): PASS or FAIL only when the whole interval lies
// on one side of the threshold, and a claim of a difference only with
// p < Alpha besides.

// atLeast judges e ≥ thr: PASS if the whole interval is at or above thr,
// FAIL if it is entirely below, else INCONCLUSIVE.
func atLeast(e Estimate, thr float64) Outcome {
	switch {
	case e.Lo >= thr:
		return Pass
	case e.Hi < thr:
		return Fail
	}
	return Inconclusive
}

// atMost judges e ≤ thr the same way.
func atMost(e Estimate, thr float64) Outcome {
	switch {
	case e.Hi <= thr:
		return Pass
	case e.Lo > thr:
		return Fail
	}
	return Inconclusive
}

// within judges lo ≤ e ≤ hi the same way.
func within(e Estimate, lo, hi float64) Outcome {
	switch {
	case e.Lo >= lo && e.Hi <= hi:
		return Pass
	case e.Hi < lo || e.Lo > hi:
		return Fail
	}
	return Inconclusive
}

// significant turns a PASS into INCONCLUSIVE when the comparison behind
// it is not significant at Alpha: a claim that two figures differ needs
// p < Alpha besides its interval. A NaN p (too few samples for a test)
// adds no note: part says why.
func (j *judge) significant(o Outcome, p float64, what string) Outcome {
	return j.needP(o, Pass, p, what)
}

// differs turns a FAIL into INCONCLUSIVE when the comparison behind it is
// not significant: the failure of a claim of sameness ("within 10 %") is a
// claim of a difference.
func (j *judge) differs(o Outcome, p float64, what string) Outcome {
	return j.needP(o, Fail, p, what)
}

// needP returns o unchanged unless it is the outcome claim that needs a
// significant difference and p ≥ Alpha; then INCONCLUSIVE, with a note
// saying what was not significant when a test ran.
func (j *judge) needP(o, claim Outcome, p float64, what string) Outcome {
	if o != claim || p < Alpha {
		return o
	}
	if !math.IsNaN(p) {
		j.notes = append(j.notes, fmt.Sprintf("%s not significant at α = %.2f", what, Alpha))
	}
	return Inconclusive
}
