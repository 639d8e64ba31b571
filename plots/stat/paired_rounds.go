package stat

import (
	"math"

	"golang.org/x/perf/benchmath"
)

// PairedRounds estimates num/den from two samples whose values are
// numbered by round (a round number of 0 or less numbers none): the
// median of the ratios of the values of the rounds both have, with its
// distribution-free interval at Confidence. ok is false when a sample's
// rounds do not number its values, with fewer than MinSamples common
// rounds, or a non-positive value.
func PairedRounds(numValues []float64, numRounds []int, denValues []float64, denRounds []int) (Estimate, bool) {
	return PairedRoundsAt(numValues, numRounds, denValues, denRounds, Confidence)
}

// PairedRoundsAt is PairedRounds with its interval at the given confidence
// level; ok is false, too, when the common rounds are too few to reach it.
func PairedRoundsAt(numValues []float64, numRounds []int, denValues []float64, denRounds []int, confidence float64) (Estimate, bool) {
	if len(numRounds) != len(numValues) || len(denRounds) != len(denValues) {
		return Estimate{}, false
	}
	byRound := make(map[int]float64, len(denValues))
	for i, r := range denRounds {
		if r > 0 {
			byRound[r] = denValues[i]
		}
	}
	var rs []float64
	for i, r := range numRounds {
		d, ok := byRound[r]
		if r <= 0 || !ok {
			continue
		}
		if d <= 0 || numValues[i] < 0 {
			return Estimate{}, false
		}
		rs = append(rs, numValues[i]/d)
	}
	if len(rs) < MinSamples {
		return Estimate{}, false
	}
	s := benchmath.AssumeNothing.Summary(benchmath.NewSample(rs, Thresholds()), confidence)
	if math.IsInf(s.Lo, 0) || math.IsInf(s.Hi, 0) || math.IsNaN(s.Center) {
		return Estimate{}, false
	}
	return Estimate{V: s.Center, Lo: s.Lo, Hi: s.Hi}, true
}
