package plots

import (
	"fmt"

	"github.com/concbench/concbench/plots/stat"
	"github.com/concbench/concbench/plots/unitfmt"
)

// Rule is the statistical rule that every verdict and every ranking of
// the report follows, in one paragraph, its thresholds taken from
// MinSamples, Confidence, Alpha and SameWithin. REPORT.md states it at the
// top and the driver's summary at the end of make bench refers to it.
func Rule() string {
	conf := unitfmt.Percent(stat.Confidence)
	return fmt.Sprintf("Every configuration needs at least %d samples for an interval or a test; ", stat.MinSamples) +
		fmt.Sprintf("below that every verdict is INCONCLUSIVE (\"too few samples: n=%d, need %d\") and the answer table says \"too few samples to rank\". ", stat.MinSamples/2, stat.MinSamples) +
		fmt.Sprintf("Intervals are %s distribution-free confidence intervals of the median (benchmath); comparisons are Mann-Whitney U tests at α = %.2f. ", conf, stat.Alpha) +
		fmt.Sprintf("A ratio of two configurations measured in the same rounds (each runs once per round, interleaved) is the median of the per-round ratios with its own %s interval (paired: a slow round slows both and cancels); otherwise the interval is [lo/hi, hi/lo] of the two intervals. ", conf) +
		fmt.Sprintf("A claim that two strategies differ needs p < %.2f and the interval of the figure wholly on the claimed side of its threshold; ", stat.Alpha) +
		fmt.Sprintf("α is %.2f, not 0.05, because the run checks the rule after every round and stops sampling what it decides: at %.2f, looking after each of up to %d rounds calls two identical configurations different in at most 5 %% of runs (a constant, Pocock-type boundary, checked by simulation); ", stat.Alpha, stat.Alpha, stat.Looks) +
		fmt.Sprintf("a claim that they are the same (\"within %s\") needs the whole interval inside the band. Anything else is INCONCLUSIVE.", unitfmt.Percent(stat.SameWithin))
}
