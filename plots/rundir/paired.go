package rundir

import (
	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/runfile"
)

// Paired ratios. The driver runs every configuration once per round,
// interleaved, and numbers the rounds (runfile.RoundKey), so two configurations
// of a run have a sample each from the same minute or two of the
// machine's life. A ratio of two such configurations is estimated from the
// per-round ratios: their median, with its distribution-free 95 %
// interval. Whatever slowed the machine during a round slows both samples
// of the pair and cancels in their ratio.
//
// On the suite's own runs the paired interval was narrower than the
// unpaired one in nearly every pair (docs/measurements.md, "Paired ratios
// against unpaired intervals"), so a ratio is paired wherever two rows
// share MinSamples rounds, and unpaired elsewhere (runs written before
// rounds were numbered, rows re-run in different rounds).

// pairedRatio estimates num/den from the rounds both metrics have (see
// pairedRounds); ok is false for metrics of two files: rounds of raw.txt
// and python.txt were not measured together.
func pairedRatio(num, den *Metric) (stat.Estimate, bool) {
	if num == nil || den == nil || num.File != den.File {
		return stat.Estimate{}, false
	}
	return stat.PairedRounds(num.Values, num.Rounds, den.Values, den.Rounds)
}

// MetricRatio is num/den: paired (pairedRatio) where the two metrics share
// MinSamples rounds, else the ratio of the medians with the interval
// [num.Lo/den.Hi, num.Hi/den.Lo] (ratio).
func MetricRatio(num, den *Metric) stat.Estimate {
	if e, ok := pairedRatio(num, den); ok {
		return e
	}
	if num == nil || den == nil {
		return stat.Nan()
	}
	return stat.Ratio(num.Summary, den.Summary)
}

// PairedTimeRatioAt is the paired ratio of two rows' ns/op with its
// interval at the given confidence; ok is false where TimeRatio would not
// pair them or the common rounds are too few for that level.
func PairedTimeRatioAt(num, den *Row, confidence float64) (stat.Estimate, bool) {
	a, b := num.Bench.Metric(runfile.UnitNsPerOp), den.Bench.Metric(runfile.UnitNsPerOp)
	if a == nil || b == nil || a.File != b.File {
		return stat.Estimate{}, false
	}
	return stat.PairedRoundsAt(a.Values, a.Rounds, b.Values, b.Rounds, confidence)
}

// TimeRatio is the ratio of two rows' ns/op (metricRatio).
func TimeRatio(num, den *Row) stat.Estimate {
	return MetricRatio(num.Bench.Metric(runfile.UnitNsPerOp), den.Bench.Metric(runfile.UnitNsPerOp))
}

// PerTaskRatio is the ratio of two rows' time per task (metricRatio of
// perTaskSample).
func PerTaskRatio(num, den *Row) stat.Estimate {
	a, b := PerTaskSample(num), PerTaskSample(den)
	if a.Unit != b.Unit { // one has ns/task, the other only ns/op
		return stat.Ratio(PerTask(num), PerTask(den))
	}
	return MetricRatio(a, b)
}
