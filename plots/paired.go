package plots

import (
	"github.com/concbench/concbench/runfile"
)

// Paired ratios. The driver runs every configuration once per round,
// interleaved, and numbers the rounds (RoundKey), so two configurations
// of a run have a sample each from the same minute or two of the
// machine's life. A ratio of two such configurations is estimated from the
// per-round ratios: their median, with its distribution-free 95 %
// interval. Whatever slowed the machine during a round slows both samples
// of the pair and cancels in their ratio.
//
// Measured on the committed example before this was used (raw.txt of 6
// rounds on the 2-core Intel Xeon VM, every pair of strategies on one
// workload, 538 pairs): the paired interval was narrower than the unpaired
// one [num.Lo/den.Hi, num.Hi/den.Lo] in 535 pairs, its half-width a
// median 0.52× the unpaired one's (quartiles 0.39× and 0.68×). So the
// report uses it wherever both configurations have MinSamples rounds in
// common, and falls back on the unpaired interval elsewhere (runs written
// before rounds were numbered, rows re-run in different rounds).

// pairedRatio estimates num/den from the rounds both metrics have (see
// pairedRounds); ok is false for metrics of two files: rounds of raw.txt
// and python.txt were not measured together.
func pairedRatio(num, den *Metric) (Estimate, bool) {
	if num == nil || den == nil || num.File != den.File {
		return Estimate{}, false
	}
	return pairedRounds(num.Values, num.Rounds, den.Values, den.Rounds)
}

// metricRatio is num/den: paired (pairedRatio) where the two metrics share
// MinSamples rounds, else the ratio of the medians with the interval
// [num.Lo/den.Hi, num.Hi/den.Lo] (ratio).
func metricRatio(num, den *Metric) Estimate {
	if e, ok := pairedRatio(num, den); ok {
		return e
	}
	if num == nil || den == nil {
		return nan()
	}
	return ratio(num.Summary, den.Summary)
}

// timeRatio is the ratio of two rows' ns/op (metricRatio).
func timeRatio(num, den *Row) Estimate {
	return metricRatio(num.Bench.Metric(runfile.UnitNsPerOp), den.Bench.Metric(runfile.UnitNsPerOp))
}

// perTaskRatio is the ratio of two rows' time per task (metricRatio of
// perTaskSample).
func perTaskRatio(num, den *Row) Estimate {
	a, b := perTaskSample(num), perTaskSample(den)
	if a.Unit != b.Unit { // one has ns/task, the other only ns/op
		return ratio(perTask(num), perTask(den))
	}
	return metricRatio(a, b)
}
