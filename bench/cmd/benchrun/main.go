// Command benchrun is the driver behind make bench: it builds the benchmark
// binary of package github.com/concbench/concbench/bench once, runs it -count times with
// -test.count=1 so that configurations interleave, streams every result into
// a new run folder, and then writes the benchstat table and the report.
//
// Usage:
//
//	go run ./bench/cmd/benchrun [-count 10] [-bench .] [-benchtime 200ms] [-scale full] [-noise-budget 0] [-results results] [-report=true]
//
// Each invocation writes results/<UTC time>-<host>/ (with a numeric suffix
// if that folder exists) holding:
//
//	raw.txt        configuration lines (go, numcpu, gomaxprocs, commit,
//	               kernel, cgroup-cpus, date, dependency versions, and a
//	               strategy-<name> line of properties per strategy, …),
//	               Unit lines, then every benchmark result, as it comes
//	benchstat.txt  go tool benchstat -col /strategy raw.txt
//	REPORT.md …    from the report command, plots/cmd/report <run folder>
//	INCOMPLETE     only if the run was interrupted or a benchmark failed:
//	               what happened and how much was measured
//
// After the -count runs, a -noise-budget above 0 re-runs the configurations
// whose ns/op interval (as the report computes it: plots.Summary) is wider
// than ±5 %, or that have fewer than 6 samples and so no interval yet: all
// of them once per round, in one run of the benchmark binary that selects
// exactly them (bench.OnlyEnv), so that they stay interleaved; round after
// round, until none is left or the next round, estimated from what its
// configurations took in run 1, would not end within the budget. The
// driver then prints how many rounds it ran and every configuration that
// is still noisy with its final interval; the report shows the sample
// count of every row. The budget is written as the noise-budget
// configuration line.
//
// Re-runs narrow intervals that a passing disturbance widened; they cannot
// narrow those of a machine that is busy all along. On the shared 2-core
// machine this suite was built on, at a load average of 7.5, the threads
// of a coarse-hash sequential benchmark spent 0.73 s waiting for a CPU for
// every 0.58 s they ran (the sums of /proc/<pid>/task/*/schedstat over one
// second), and its batch took 47 to 669 ms instead of about 20 ms: after
// 6 runs and 6 noise re-run rounds the coarse-hash rows were still
// ±23 % to ±183 %. So the driver warns, before the runs and after the
// re-runs, when the one-minute load average exceeds the CPU count.
//
// An interrupt (SIGINT or SIGTERM) is forwarded to the running benchmark
// binary, which is then waited for (and killed if it does not exit); what was
// measured stays in raw.txt, INCOMPLETE says what was cut short, and the
// exit status is non-zero. Bad flags, a -results that is a file or lies
// under one, and a -bench pattern that selects no benchmark, are reported
// before any folder is created. If raw.txt cannot be written (a full disk),
// the benchmark binary is stopped at once, what was written stays, and
// INCOMPLETE says so if it can be written; if nothing was measured yet, the
// new run folder is removed again. Errors are printed as "benchrun: …",
// with exit status 1.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case err != nil:
		fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		os.Exit(1)
	}
}

// run runs the driver with the command line args, forwarding SIGINT and
// SIGTERM to the benchmark binary.
func run(args []string, stdout, stderr io.Writer) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	return drive(args, stdout, stderr, sigs)
}
