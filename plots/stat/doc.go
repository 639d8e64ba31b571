// Package stat is the statistics of the report: a sample's median with its
// confidence interval, the test that two samples differ, the ratio of two
// figures with its interval, and the rule that turns a figure and its
// interval into a conclusion. It knows nothing of run files or benchmarks.
//
// # The rule
//
// Every conclusion of the report follows one rule, whose thresholds are
// the constants here:
//
//   - A sample needs at least MinSamples (6) values for an interval or a
//     test. Below that, Summarize gives the sample range with its own
//     confidence, for orientation only, and Compare gives no p-value.
//   - Intervals are Confidence (95 %) distribution-free confidence
//     intervals of the median (golang.org/x/perf/benchmath, AssumeNothing).
//   - Two samples differ when the Mann-Whitney U test gives p < Alpha
//     (0.01, a boundary that stays valid when the rule is checked after
//     every round: see Alpha).
//   - A ratio of two figures is the ratio of their medians with the
//     interval [num.Lo / den.Hi, num.Hi / den.Lo] (Ratio), which holds
//     every ratio of values inside both intervals; where both were
//     measured in the same rounds, it is the median of the per-round
//     ratios with its own interval (PairedRounds), on which a round that
//     ran slow cancels.
//   - A figure passes a threshold only when its whole interval is on the
//     passing side, and fails only when its whole interval is on the other
//     (AtLeast, AtMost, Within); anything else is INCONCLUSIVE. A claim
//     that two figures differ needs p < Alpha besides.
//   - An interval wider than ±NoisyWidth (5 %) of its median is noisy.
//
// # Fits
//
// FitScaling fits the Universal Scalability Law S(N) = N / (1 + σ(N−1) +
// κN(N−1)) to speedups measured on N cores by linear least squares on
// N/S − 1 = σ(N−1) + κN(N−1), falling back to Amdahl's law (κ = 0) when
// the points cannot determine both parameters: fewer than three distinct
// N, a singular system, or a negative σ or κ. Predictions beyond the
// largest N measured are extrapolations, and ScalingFit.Extrapolation says
// so in words.
//
// Every function is pure: it reads its arguments and returns new values.
// A value that is not finite never reaches the U test, whose
// implementation does not terminate on one.
package stat
