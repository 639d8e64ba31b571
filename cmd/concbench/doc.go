// Command concbench runs concurrency benchmarks in interleaved rounds and
// answers which strategy fits the work: the suite's own matrix, or your
// task written with concbench.Run. It writes a new run folder with the
// samples, benchstat's tables and the report, and prints the answer.
//
// Usage:
//
//	concbench [flags] [package]
//	concbench compare [-fail-on 10%] [-bench re] [-json] OLD NEW
//
// From the suite's repository, make bench runs it on the suite's matrix
// (package github.com/concbench/concbench/bench, the default). From your
// own module, after go get -tool github.com/concbench/concbench/cmd/concbench:
//
//	go tool concbench -budget 3m ./mytask
//
// The package is named as go test names one; concbench builds its test
// binary once (go test -c, from the current folder) and runs it with
// -test.count=1 once per round, so that a round measures every selected
// configuration once and the configurations interleave: -warmup warm-up
// rounds, then -count rounds, with noise re-runs between and after them
// when -noise-budget is set. On a terminal, progress is one status line
// redrawn in place (the round, the samples done of the total, the ETA and
// the configuration running); elsewhere a line per sample. At the end it
// writes benchstat.txt and, unless -report=false, the report, and prints
// the answer.
//
// # Your task
//
// The benchmarks of your package call concbench.Run. These flags replace
// Run's options in every one of them:
//
//	-workers 1,4,16,64   the worker counts of the strategies on workers (pool,
//	                     process, exec, the library pools), a sweep
//	-strategies a,b      the strategies to run; sequential always runs
//	-tasks n             the task count of every benchmark
//	-set key=value       a setting every worker process gets, never part of
//	                     the names (a service's address); repeatable
//
// -budget d is how long the whole run may take. It is the default of
// -deadline and -noise-budget, and it turns the cost probe on: before any
// measured round, every configuration runs one batch, and one whose
// rounds would take more than -probe-share (1/4) of the budget is left
// out, named with its estimate and the -force regexp that keeps it. When
// the rounds at the probe's batch times would not fit the budget, fewer
// count rounds run, never fewer than the six a conclusion needs.
//
// # The run folder
//
// Each run creates <results>/<UTC time>-<host>, with a suffix -2, -3, …
// if that name is taken, and writes into it raw.txt (configuration lines,
// then every result as it comes, each round after a "round: k" line),
// warmup.txt (the warm-up rounds' results), benchstat.txt (benchstat
// -ignore round -col /strategy raw.txt), the report (REPORT.md, index.html
// and the charts: go doc ./plots), summary.json and rows.csv (the same
// model for other tools: docs/summary.schema.json) and, only if the run was interrupted or
// failed, INCOMPLETE, saying what happened and how many results raw.txt
// holds.
//
// # After the count rounds: what is open
//
// With -sampling decided (the default), once every configuration has its
// -count samples, each round runs only the configurations a conclusion
// still open needs (go doc ./plots/judge, Open), cheapest first, each
// round an equal share of what is left of -noise-budget and of the time
// to -deadline, up to -max-samples a configuration. Sampling ends when
// nothing is open; raw.txt's last line says why. The rule stays valid
// under these repeated looks (go doc ./plots/stat, Alpha). With -sampling
// precise the rounds re-run the configurations wider than ±5 % instead.
//
// # Comparing two runs
//
// concbench compare OLD NEW (make compare OLD=… NEW=…) prints the answers
// and verdicts that changed, then each configuration's time ratio NEW/OLD
// with its interval, marked where significant, then benchstat's table
// (go doc ./plots/compare). With -fail-on 10% (FAIL_ON) it exits 1 when a
// configuration, of those the -bench regexp selects, is significantly
// slower by more than that, naming each with its ratio; -json writes the
// comparison alone, for machines. docs/ci.md is a CI job built on it.
//
// # make bench's settings
//
// make bench runs -count 6 -benchtime 50ms -warmup 1 -sampling decided
// -noise-budget 5m -deadline 9m20s (make variables COUNT, BENCHTIME,
// WARMUP, SAMPLING, NOISE_BUDGET, DEADLINE, BENCH): six rounds are the
// fewest a conclusion needs, and most are decided by then; many short
// samples measure more precisely than few long ones; the first round
// after the build runs slow and is discarded; the deadline is the
// ceiling that keeps make bench within ten minutes on 2 cores. make
// bench-flood runs -scale flood -bench '^BenchmarkFlood$' -count 6 -warmup
// 0 -benchtime 1x: at a scale with the published flood concbench first
// prints the flood's estimate and refuses to start when the memory
// available is below 1.5 times its estimated peak. The measurements behind
// these choices are in docs/measurements.md.
//
// # Without Go: prebuilt programs
//
// -bin (go test -c of the package) and -benchstat-bin (go build
// golang.org/x/perf/cmd/benchstat) give prebuilt the programs concbench
// otherwise builds or runs with Go; with both it needs neither Go, git nor
// the source (go doc ./deploy). raw.txt's go line then comes from the
// test binary's build information, its commit and dep-* lines from
// concbench's own: build both from one tree.
//
// # Errors and exit status
//
// concbench exits 0 after a complete run or -estimate, 2 after -h, and 1
// on any other error, printed as one line "concbench: …" where it can be.
// Bad flags and an unusable -results are refused before the build; a
// package that does not build, one with no concbench benchmarks, and a
// -bench that selects nothing, before the run folder is created. SIGINT or
// SIGTERM is forwarded to the test binary, which is killed if it has not
// exited 5 s later; what was measured stays in raw.txt, and INCOMPLETE
// says what was cut short. If raw.txt cannot be written, the binary is
// stopped at once and INCOMPLETE says so; if nothing was measured, the run
// folder is removed again. concbench never overwrites or removes an
// earlier run folder and never discards a result it measured.
package main
