// Package chart draws the report's charts with gonum.org/v1/plot, the
// only package of the report that imports it. Charts draws every chart the
// rows allow, in report order, each rendered as PNG and SVG (Render); a
// chart carries a judge.ChartID that says what it shows, by which a
// verdict finds the chart of its evidence.
//
// The charts, one function each, listed in chartTable:
//
//   - overview: a heatmap of every main workload (rows) by strategy
//     (columns), coloured by the speedup over sequential on a diverging
//     log scale (purple faster, orange slower, white alike); "≈" marks a
//     cell not significantly different from sequential, "±" a noisy one;
//   - time-<workload>: the batch time by strategy as horizontal bars,
//     fastest on top, with the interval, every sample as a ring and a
//     dashed line at sequential's median, log scale;
//   - latency-<workload>: p50 and p99 task completion times;
//   - speedup-procs: speedup against GOMAXPROCS, the ideal and the Amdahl
//     fits; speedup-workers-sleep and speedup-workers-hash: speedup
//     against the pool's workers, with the ideal;
//   - alloc: wall and CPU time per task on the Alloc family;
//   - counter-throughput and counter-lost: increments per second and lost
//     updates by sync variant;
//   - flood-pareto: batch time against peak memory growth, log scales,
//     with the Pareto front of the medians;
//   - crash-isolation: per strategy, the program survived, the results
//     delivered, the next batch ran;
//   - python-<workload> (ChartGoVsPython): Go and CPython speedups side by
//     side; fleet-speedup-cores (ChartSpeedupCores): speedup against cores
//     on several machines with the scalability law fitted.
//
// # Style
//
// A strategy has one style in every chart of a run (NewPalette): the i-th
// strategy in order of first appearance gets the i-th of 11 colour-blind
// safe colours (Okabe-Ito's without black, then Tol's indigo, wine and
// olive, a grey, and yellow last), the i-th of 12 markers and the dash
// pattern (i + i/12) mod 3, so that the first 11 differ in colour, the
// first 12 in marker alone (greyscale). Bars carry the marker and the dash
// as well. Black is kept for reference lines (ideals, sequential). Legends
// sit in a column right of the plot, never on the data; error bars and
// whiskers show the interval of the median; points at the same x are
// moved apart a little; ticks on procs and workers axes are at measured
// values only; time axes name their unit.
//
// A chart whose axis is not a finite range, or not positive on a log
// scale, is an error naming the chart; tick generators stop at 64 ticks
// and curves have at most 201 points, whatever the data.
package chart
