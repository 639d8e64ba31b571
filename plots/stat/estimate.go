package stat

import "math"

// An Estimate is a derived figure with an interval around it.
type Estimate struct {
	V, Lo, Hi float64
}

// Nan is the estimate of a figure that cannot be derived.
func Nan() Estimate { return Estimate{math.NaN(), math.NaN(), math.NaN()} }

// Valid reports whether the figure could be derived.
func (e Estimate) Valid() bool { return !math.IsNaN(e.V) }

// RelHalfWidth is the larger distance from V to an end of the interval,
// relative to V.
func (e Estimate) RelHalfWidth() float64 {
	return Summary{Center: e.V, Lo: e.Lo, Hi: e.Hi}.RelHalfWidth()
}

// Ratio returns num/den as an estimate: the ratio of the centers, with the
// interval [num.Lo/den.Hi, num.Hi/den.Lo] that contains every ratio of
// values from the two confidence intervals.
func Ratio(num, den Summary) Estimate {
	if den.Center <= 0 {
		return Nan()
	}
	e := Estimate{V: num.Center / den.Center, Lo: math.NaN(), Hi: math.NaN()}
	if den.Hi > 0 {
		e.Lo = num.Lo / den.Hi
	}
	if den.Lo > 0 {
		e.Hi = num.Hi / den.Lo
	} else {
		e.Hi = math.Inf(1)
	}
	return e
}

// Scale multiplies an estimate by k > 0.
func Scale(e Estimate, k float64) Estimate {
	return Estimate{e.V * k, e.Lo * k, e.Hi * k}
}

func CmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
