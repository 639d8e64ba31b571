// Package fleet sets several concbench runs, one per machine, side by side
// in one cross-machine report. It is the manual of that report: what each
// table and the chart hold and how the fit behind them works.
//
//	make fleet-report RUNS="results/<run a> results/<run b>" OUT=results/fleet-<name>
//	go run ./plots/cmd/fleet -o results/fleet-<name> results/<run a> results/<run b>
//
// Each run folder is read as package plots reads it (rundir.ReadRun: the
// values checked, every error naming file:line), and its rows, answer
// table (answer.Choose) and verdicts (the lesson table) are derived exactly
// as in that run's own REPORT.md; the fleet report compares them, it
// recomputes nothing. The output folder gets FLEET.md, index.html (the
// same report as one self-contained page, rendered as plots renders a
// run's) and the chart fleet-speedup-cores (PNG and SVG).
//
// # Which runs compare
//
// All runs must be of one scale (the scale configuration line: make bench
// writes full, make bench-quick quick): the scales run different workload
// sizes, so their benchmarks, answers and speedups do not line up. Runs of
// different scales are refused with an error naming both folders and
// scales, as make compare warns about them. Runs of different commits are
// accepted, but the report opens with a warning naming each machine's
// commit: a difference may then come from the code, not the machine; so
// are runs marked INCOMPLETE, each named in a warning too. A single run is
// accepted: the report says there is nothing to compare and
// gives its tables with one column. A folder given twice is refused.
//
// # Machines
//
// One row per run, in the order given: a label, the folder, cpu, numcpu,
// gomaxprocs, the cgroup CPU limit, Go, kernel, date, commit, scale, and
// the precision the run reached (rundir.Precision: how many configurations
// are within ±5 %, their fewest, median and most samples). The label is
// the host from the folder's name (make bench names it <UTC time>-<host>;
// another folder goes by its own name) and the cores the run could use
// (numcpu lowered by a numeric cgroup quota, rundir.Run.Cores): "node (2
// cores)". Runs that share a label get " #1", " #2", … in the order given.
// Every other table has one column per machine, headed by its label.
//
// # Which strategy for which work
//
// One row per workload of the main families (as the run's answer table):
// each machine's recommended strategy (the simplest not significantly
// slower than the fastest) with its speedup over that machine's
// sequential and 95 % interval, at the highest procs the machine ran the
// workload at. A row is marked **differs** when the machines that
// recommend a strategy do not all recommend the same one; a machine with
// too few samples to rank, or without the workload, does not count.
//
// # Speedup against cores
//
// On the CPU-bound workload of the GOMAXPROCS sweep (HashProcs, the coarse
// hash, whose speedups plots fits with Amdahl's law per run), each
// parallel strategy (not sequential nor the gil model, which keep one core
// busy) contributes a point per procs per machine: N = min(procs, cores)
// and its speedup over that machine's sequential. The points of all
// machines are fitted together with the Universal Scalability Law
//
//	S(N) = N / (1 + σ(N−1) + κN(N−1))
//
// where σ is contention (the serial share, as in Amdahl's law) and κ
// coherency (the cost of keeping cores in agreement, which makes speedup
// fall past a peak at N = √((1−σ)/κ)). Rearranged, N/S − 1 = σ(N−1) +
// κN(N−1) is linear in σ and κ, so the fit is an ordinary two-parameter
// least squares (normal equations solved by hand). It falls back to
// Amdahl's law, the USL with κ = 0 (σ = Σx·y/Σx² with x = N−1, y = N/S − 1,
// clamped to [0, 1]), when the points cannot determine both parameters:
// fewer than three distinct N (N = 1 counts, since S(1) = 1 anchors the
// curve), a singular system, or a negative σ or κ. The report names the
// law used for each strategy and why it fell back, and its residual: the
// root mean square of S − S_fit over the points, in speedup units.
//
// It then predicts each strategy's speedup on 8 and 64 cores, and says
// plainly how far each prediction is from the largest N measured. Trust
// them accordingly: they are the law's shape, not measurements. A fit on
// points with N ≤ 2 (every machine of the fleet has at most 2 cores, or
// runs under taskset on fewer) has one usable parameter at most; it
// cannot see contention grow nor coherency at all, so what it says about
// 64 cores is nothing reliable, and the report says so. Even with more
// distinct N, a prediction more than a few times beyond the largest one
// rests on the law holding there, which memory bandwidth, SMT siblings
// and turbo frequencies routinely break; only machines with that many
// cores can tell.
//
// The chart fleet-speedup-cores draws the points in the strategy's
// colour (plots' palette, the same as in each run's charts) and the
// machine's marker, with their intervals, each strategy's fitted curve
// dash-dot to 8 cores or the largest N, the ideal S = N, and a dotted line
// at the largest N measured, beyond which the curves are extrapolated.
//
// # Verdicts
//
// One row per lesson or claim, numbered as in each run's report: its
// first sentence and each machine's outcome, PASS, FAIL or INCONCLUSIVE
// ("—" where a run has no such verdict), marked **differs** when the
// machines that judged it disagree. The figures, p-values and notes behind
// each are in that run's own REPORT.md.
package fleet
