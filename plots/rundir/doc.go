// Package rundir reads a run folder and checks it, as benchfmt and
// benchproc read benchmark results: ReadRun returns the Run (its
// configuration lines, its strategies' properties and every benchmark with
// its samples per unit), and Run.Derive the Row of every benchmark, with
// the figures derived from it. The driver's noise re-runs, the report and
// the comparison of two runs all read runs through it.
//
// # Reading
//
// raw.txt is benchfmt (golang.org/x/perf/benchfmt), grouped by full name
// and unit with a benchproc projection. Benchmark names are runfile's
// (runfile.ParseName); units are read as written (ns/op, not benchfmt's
// sec/op). The "strategy-<name>" configuration lines give each strategy's
// properties (runfile.Props); a strategy without one, such as CPython's
// in python.txt, may run every task at once and ranks last (UnknownRank):
// a run keeps the properties it was measured with. The "round" lines
// number the samples, so that two rows' samples pair by round.
//
// Every error names the file, and a syntax error names file:line; in a
// run marked INCOMPLETE, malformed lines are skipped and listed as
// warnings instead. A file cut in the middle of a line says so.
//
// Values are checked where they are read, like syntax: times cannot be
// negative, ns/op and ns/task not 0, nothing lies between 0 and a
// picosecond (MinTimeNs) or above a day per op (MaxWallNs; MaxCPUNs for
// CPU time); byte counts and counts are bounded by MaxBytes and MaxCount;
// any value must be finite; a unit that contradicts its metric (p50-ms) or
// a "better=" line that contradicts the unit is an error. Each error is
// one line naming file:LINE, the benchmark, the metric and what is wrong,
// even in an INCOMPLETE run. A merely surprising value (a p99 below the
// p50, more lost updates than increments) is a warning naming the line.
//
// # Rows
//
// A Row is a benchmark with its workload (its family's kind and every name
// part but strategy, workers and procs, so that a sweep shares the main
// family's workload), its strategy and properties, and its derived
// figures, each with an interval (package stat):
//
//   - Speedup: the baseline's ns/op over the row's, the baseline being the
//     sequential row of the same workload (same family and procs, else the
//     nearest), paired by round where the two share MinSamples rounds.
//   - Efficiency against the ideal. Sleep: ⌈tasks/concurrency⌉·d over
//     ns/op, where concurrency is 1, tasks or workers as the properties
//     say. Hash: speedup over min(procs, cores, tasks, workers), 1 for a
//     strategy that keeps one core busy. Cores is numcpu lowered by a
//     numeric cgroup-cpus quota.
//   - Parallelism: cpu-ns/op over ns/op, the CPUs busy on average.
//
// FitAmdahl fits Amdahl's law to each strategy's speedups over the
// GOMAXPROCS sweep. A hash workload is coarse when a task hashes at least
// CoarseBytes, fine otherwise.
//
// # Precision and interference
//
// Run.RunPrecision counts the configurations whose interval is within
// ±stat.NoisyWidth, with their fewest, median and most samples;
// Run.RunSteal gives the steal the machine suffered while samples were
// timed. SlowdownOf sets a row's slowest quarter of samples against the
// rest (their steal, other load and page faults), and NoiseRows lists the
// rows that were re-run or stayed noisy. No sample is ever dropped.
//
// A Run and its Rows are read-only once made; they may be shared between
// goroutines.
package rundir
