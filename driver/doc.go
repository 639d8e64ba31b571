// Benchrun runs the concbench benchmark matrix in interleaved rounds and
// writes the results to a new run folder. It is the driver behind make
// bench, make bench-quick and make bench-flood.
//
// Usage:
//
//	go run ./bench/cmd/benchrun [flags]
//
// Benchrun builds the benchmark binary of package
// github.com/concbench/concbench/bench once (go test -c) and runs it with
// -test.count=1 once per round, so that a round measures every selected
// configuration once and the configurations interleave: -warmup warm-up
// rounds, then -count rounds, with noise re-runs between and after them if
// -noise-budget is set. It prints a line per result with an estimate of
// the time left, and warns when the load average exceeds the CPU count.
// At the end it writes benchstat.txt and, unless -report=false, the report.
//
// # The run folder
//
// Each invocation creates <results>/<UTC time>-<host>, with a suffix -2,
// -3, … if that name is taken, and writes into it:
//
//	raw.txt        configuration lines (go, numcpu, commit, kernel, date, the
//	               settings, dep-* versions, strategy properties, …), then
//	               every result as it comes, each round after a "round: k" line
//	warmup.txt     the warm-up rounds' results, which raw.txt leaves out
//	benchstat.txt  benchstat -ignore round -col /strategy raw.txt
//	REPORT.md …    the report command's output (go doc ./plots/cmd/report)
//	INCOMPLETE     only if the run was interrupted or failed: what happened
//	               and how many results raw.txt holds
//
// # Flags
//
//	-count n         rounds of the whole matrix (default 10)
//	-bench regexp    benchmarks to run, as go test -bench (default .)
//	-benchtime t     time per sample, a duration or Nx (default 200ms)
//	-scale s         full, quick, tiny, flood or flood-tiny (default full)
//	-warmup n        warm-up rounds, written to warmup.txt (default 1)
//	-noise-budget d  time for noise re-runs; 0: none (default 0)
//	-deadline d      end the re-runs d after the start; 0: none (default 0)
//	-max-samples n   the most samples re-runs bring a row to (default 60)
//	-results dir     folder that receives the run folder (default results)
//	-report          write the report (plots/cmd/report) (default true)
//	-host name       <host>: letters, digits, . - _ (default: the host name)
//	-estimate        print the flood's time estimate and exit, running nothing
//	-bin, -benchstat-bin, -report-bin path: prebuilt programs (Without Go)
//
// # Noise re-runs
//
// A configuration is noisy while its ns/op interval, as the report
// computes it (stat.Summary), is wider than ±5 % of the median, or while it
// has fewer than 6 samples. After each count round from the 6th on, and
// after the last, the noisy configurations run again in rounds of their
// own, each slot taking an equal share of what is left of -noise-budget
// and of the time to -deadline, the count rounds still to come set aside.
// A re-run round takes, among the noisy rows below -max-samples, first
// those behind a conclusion of the report still open (judge.OpenRows),
// then those more samples can bring within ±5 %, then the rest, each group
// cheapest first, as many as fit in a short round. The re-runs stop when
// no row is noisy, each has -max-samples, or, after the last count round,
// none fits in the time left; the driver then lists the rows still noisy.
// Rounds, re-runs included, are numbered in raw.txt in the order they ran.
//
// # make bench's settings
//
// make bench runs -count 15 -benchtime 50ms -warmup 1 -noise-budget 5m
// -deadline 9m20s (make variables COUNT, BENCHTIME, WARMUP, NOISE_BUDGET,
// DEADLINE, BENCH): fifteen rounds give every row an interval of the
// median that no single slow sample sets; many 50 ms samples measured more
// precisely than fewer long ones, and shorter ones no more precisely; the
// first round after the build runs slow and is discarded; the deadline
// keeps make bench within ten minutes on 2 cores. Re-runs are spread over
// the run because the machine's speed drifts; they cannot narrow rows that
// spread by process, by page faults or on a busy machine, and the report's
// paired ratios carry the comparisons. See docs/measurements.md for the
// figures.
//
// make bench-flood runs -scale flood -bench '^BenchmarkFlood$' -count 6
// -warmup 0 -benchtime 1x -noise-budget 0: 6 rounds are the fewest the
// report concludes from, and paired ratios need the same rounds. At a
// scale with the published flood (flood, flood-tiny) the driver first
// prints the estimate of the selected flood cases (bench.EstimateFlood),
// and refuses to start when /proc/meminfo's MemAvailable is below 1.5
// times their estimated peak memory.
//
// # Without Go: prebuilt programs
//
// -bin (go test -c ./bench), -benchstat-bin (go build
// golang.org/x/perf/cmd/benchstat) and -report-bin (go build
// ./plots/cmd/report) give prebuilt, as executable files, the programs
// benchrun otherwise builds or runs with Go; -bin must be a build of the
// benchmark binary. With all three, or two and -report=false, benchrun
// needs neither Go, git nor the source (go doc ./deploy). With -bin,
// raw.txt's go line comes from the binary's build information, its commit
// and dep-* lines from the driver's own: build both from one tree.
//
// # Errors and exit status
//
// Benchrun exits 0 after a complete run or -estimate, 2 after -h, and 1 on
// any other error, printed as "benchrun: …". Bad flags and an unusable
// -results are refused before the build; a -bench that selects nothing,
// and too little memory for the flood, before the run folder is created.
// SIGINT or SIGTERM is forwarded to the benchmark binary, which is killed
// if it has not exited 5 s later; what was measured stays in raw.txt, and
// INCOMPLETE says what was cut short. If raw.txt cannot be written, the
// binary is stopped at once and INCOMPLETE says so; if nothing was
// measured, the run folder is removed again. If benchstat or the report
// fails, what was written is kept, and the error says how to finish.
//
// Benchrun never overwrites or removes an earlier run folder, never
// discards a result it measured (the warm-up rounds go to warmup.txt),
// and writes no benchstat.txt or report for an incomplete run.
package driver
