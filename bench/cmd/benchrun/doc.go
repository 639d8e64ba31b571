// Command benchrun is the driver behind make bench: it builds the benchmark
// binary of package github.com/concbench/concbench/bench once, runs it -count times with
// -test.count=1 so that configurations interleave, streams every result into
// a new run folder, and then writes the benchstat table and the report.
//
// Usage:
//
//	go run ./bench/cmd/benchrun [-count 15] [-bench .] [-benchtime 50ms] [-scale full] [-warmup 1]
//	        [-noise-budget 0] [-deadline 0] [-max-samples 40] [-results results] [-report=true] [-estimate]
//	        [-host name] [-bin bench.test] [-benchstat-bin benchstat] [-report-bin report]
//
// Each invocation writes results/<UTC time>-<host>/ (with a numeric suffix
// if that folder exists; <host> is the host name, or -host) holding:
//
//	raw.txt        configuration lines (go, numcpu, gomaxprocs, commit,
//	               kernel, cgroup-cpus, date, scale, benchtime, count,
//	               noise-budget, max-samples, deadline, warmup, dependency
//	               versions, and a strategy-<name> line of properties per
//	               strategy, …), Unit lines, then every benchmark result as
//	               it comes, each run preceded by a "round: k" line
//	warmup.txt     the results of the -warmup runs, which raw.txt leaves out
//	               (its warmup line says so); nothing else is ever discarded
//	benchstat.txt  go tool benchstat -ignore round -col /strategy raw.txt
//	REPORT.md …    from the report command, plots/cmd/report <run folder>
//	INCOMPLETE     only if the run was interrupted or a benchmark failed:
//	               what happened and how much was measured
//
// # Without Go: prebuilt programs
//
// By default the driver runs from the repository and uses the Go
// toolchain three times: it builds the benchmark binary (go test -c), runs
// go tool benchstat, and builds the report command. Three flags give
// those programs ready-built instead, and with all three the driver needs
// neither Go, nor git, nor the source, as in the container image of
// deploy/ (go doc ./deploy; make image-binaries builds all four programs):
//
//	-bin path            the benchmark binary: go test -c github.com/concbench/concbench/bench
//	-benchstat-bin path  benchstat: go build golang.org/x/perf/cmd/benchstat (the tool of go.mod)
//	-report-bin path     the report command: go build ./plots/cmd/report
//
// Each must be an executable file, and -bin a Go build of the benchmark
// binary (its build information says so), or the driver stops at once
// with an error naming the flag. The benchmark binary then runs in the
// current folder; its process and exec strategies re-execute the binary
// itself (os.Executable) as their workers, so a static binary alone in an
// image serves them. With -bin, raw.txt's go line is the Go version the
// binary was built with, and its commit and dep-* lines come from the
// driver's own build information (a test binary records neither), so
// build the driver from the same tree (go build records the commit in a
// clone, not in a git worktree); the dep-* lines then name every
// module linked into the driver, not only those go.mod requires, and a
// value the build did not record is "unknown". With -report=false there
// is no report, and -report-bin is not needed.
//
// -host names the machine in the run folder's name instead of the host
// name, which in a Kubernetes pod is the pod's name: deploy/job.yaml
// passes the node's name from the downward API. It may hold only letters,
// digits, dots, dashes and underscores, so that an unset variable
// (Kubernetes leaves $(NODE_NAME) as it is) is an error, not a folder
// named by it.
//
// # Rounds
//
// A run of the benchmark binary measures every configuration once: a
// round. The -warmup rounds come first and go to warmup.txt; then the
// -count rounds and the noise re-runs, numbered in raw.txt in the order
// they ran. The round lines let the report pair two configurations'
// samples of the same round (see go doc
// github.com/concbench/concbench/plots).
//
// # Noise re-runs
//
// A -noise-budget above 0 re-runs the configurations whose ns/op interval
// (as the report computes it: plots.Summary) is wider than ±5 %, or that
// have fewer than 6 samples and so no interval yet, in rounds of their
// own (one run of the benchmark binary that selects exactly them,
// bench.OnlyEnv, so that they stay interleaved), as BenchmarkDotNet runs a
// benchmark until its error is small enough or it reaches a maximum. The
// re-runs are spread over the run: after each count round from the 6th on
// (when every configuration has an interval) they take an equal share of
// what is left, for this slot and each one to come, the last after the
// final count round; what is left is the budget, and never more than the
// time to the -deadline (counted from the driver's start) once the count
// rounds still to come are set aside, at what they took so far and a
// tenth more. Each round of a slot takes, among the noisy configurations
// below -max-samples samples, first those a verdict or the answer table
// rests on (plots.Run.ConclusionRows), then the cheapest, each costed at
// what it took in the first run, as many as fit in an eighth of what is
// left of the slot (at least 4 s); a configuration that fits in no round
// any more is left. Conclusions first, because a verdict left open by one
// wide row costs the user an answer; cheapest next, because the median's
// interval narrows with the number of samples, and a second's re-runs buy
// a hundred samples of a short configuration and one of a flood. The
// re-runs end when no configuration is noisy, every noisy one has
// -max-samples, or no configuration fits in what is left. The driver then
// prints how many rounds it ran and every configuration that is still
// noisy with its final interval.
//
// # The defaults of make bench, and why
//
// Measured on the shared 2-core VM this suite was built on (an AMD EPYC
// host; an Intel Xeon host in earlier runs), with the matrix of
// package bench at the full scale:
//
//   - Samples. The distribution-free interval of the median is the sample
//     range [min, max] up to n = 7: one slow sample sets its width. It
//     first drops the extremes at n = 10 and is [x6, x15] at n = 20, so
//     make bench takes COUNT=15 rounds, and re-runs bring the noisy rows
//     to up to 60 samples (-max-samples).
//   - Benchtime. Many short samples are more precise here than a few long
//     ones, as long as a sample is cheap: a round of all 140 configurations
//     at -benchtime 50ms took 26 s (16 rounds in 7 min 0 s), of which 7 s
//     are the samples' own 50 ms and the rest the configurations whose one
//     batch is longer (sleep under sequential, pool and process at 2
//     workers: 0.33 to 0.64 s; the flood: 0.1 to 0.3 s; exec, a process
//     start per task: 0.3 to 1.5 s) and every sample's set-up (a probe
//     batch, 20 ms of warm-up, process workers' start). Each benchmark
//     calls b.Loop, so a sample's set-up runs once, not once per b.N the
//     testing package tries: before, process workers started twice per
//     sample, and one round at 50 ms took 110 s. Shorter samples buy
//     more of them but no more precision: make bench with BENCHTIME=20ms
//     ran 68 re-run rounds in 3 min 11 s (49 at 50 ms) and reached a median
//     of 23 samples (18), yet 63 of 151 configurations within ±5 %
//     against 61 in a run at 50 ms 46 minutes earlier (at ba894c5), 34
//     against 37 after the count rounds alone: a sample's speed is largely
//     its process's (see "Where the remaining spread comes from"), whatever
//     its length.
//   - The dear rows. exec on the fine hash starts a process per task:
//     4,096 starts took 11.7 s a batch on the Xeon host and 68 s on the
//     EPYC one, a third of a round or more. It runs a batch of 64 tasks
//     there (named tasks=64: its own batch in bench's Hash family), which keeps what
//     it shows: its cost per task for lesson 6 and its place, per task, in
//     the answer table. Sleep's reference checksum comes from a pool of 64
//     workers (10 ms), not sequential (0.64 s, twice per round).
//   - Warm-up. The first rounds after the build run slow. Over four runs
//     of make bench the discarded warm-up round was 5 to 29 % slower than
//     the medians (geometric mean over all 140 configurations; Flood up to
//     47 %, Overhead 33 %), and round 1 was still 8 to 19 % slower in three
//     of them, round 2 within 8 %. Other load explains the warm-up round
//     (other-pct 12 % against 2 to 3 % after it, the build's aftermath) but
//     not round 1 (2.3 %): that is the VM itself settling. So one warm-up
//     round is discarded (WARMUP=2 discards two), each sample warms its
//     configuration for 20 ms before its timer starts (go doc ./bench:
//     warmTime), and the report's paired ratios cancel what a slow round
//     leaves; the median of 15 or more samples moves by one order
//     statistic for it.
//   - Budget. With probes cut to four tasks per worker for strategies
//     that run at most one or Workers tasks at a time, a round of the
//     151 configurations takes about 24 s; 16 rounds and the build leave
//     about 2 min 20 s of the ten minutes to the re-runs: DEADLINE=9m20s,
//     counted from the driver's start (the build of the benchmark binary
//     included), ends them in time whatever the host, and NOISE_BUDGET
//     caps them on its own. Measured end to end on the EPYC host, nine
//     runs of make bench, within six hours, ended with 42 % to 66 % of the
//     configurations within ±5 % (the committed example's share is in the
//     README), against 30 % after the 15 rounds alone, and 19 % in
//     the example before (6 rounds of 200 ms, then 90 s of re-runs of
//     every noisy row at once). What separates the runs is the VM's own
//     drift: whole rounds run 5 to 10 % slow or fast together, with no
//     steal reported and other load near 3 %; the report's paired ratios
//     cancel it, a configuration's own interval cannot.
//   - Order of the re-runs. Open conclusions first (in the example, one
//     verdict's rows), then the rows that can close before -max-samples
//     (about n·(width/5 %)² samples), cheapest first, then the rest.
//     Leaving out the rows that cannot close, instead of putting them
//     last, left a minute of the budget unspent in one run.
//   - When the re-runs run. They used to come all after the count rounds.
//     In the example of 1ca869a they then ran 20 rounds in 2 min 20 s, and
//     the median over the re-run rows of each round's deviation from their
//     medians was +5 to +21 % in rounds 17 to 26 and -1 to -6 % in rounds
//     27 to 35, against -7 to +8 % across the 15 count rounds: the re-runs
//     sampled one or two phases of the VM's drift. Fine hash under
//     errgroup is bimodal there (8.1 to 9.4 ms or 10.2 to 14.5 ms a
//     batch): 5 of its 15 count samples were slow, 7 of its 8 re-runs in
//     rounds 16 to 25, none of its 8 in rounds 28 to 35, and it ended at
//     ±32 % after 31 samples. Spread over the run, a row's re-runs meet
//     the drift as its count samples do. The first make bench with them
//     spread (46 re-run rounds in 2 min 10 s) ended at 47 % of the
//     configurations within ±5 %: inside the range of the runs before, so
//     the order in time was not what kept rows wide.
//
// # Where the remaining spread comes from
//
// The rows that stay wider than ±5 % after 15 to 60 samples are of three
// kinds, each measured on the 2-core VM (faults/op and the Noise section
// of the report show the first on every run):
//
//   - Page faults. The kernel reports free pages to the host, so a first
//     touch of fresh memory costs 10 to 35 µs. A flood's or an Alloc
//     batch's time follows its faults: pool at 10,000 workers on the
//     flood took 69 to 77 ms a batch with 0 or 1 fault and 113 to 146 ms
//     with 1,100 to 2,700; Alloc under pool 6.3 ms with 12 faults and
//     34 ms with 990. How many a batch takes depends on how much the Go
//     runtime's background scavenger returned to the kernel since the
//     last batch, not on the strategy. With GODEBUG=madvdontneed=0 (freed
//     pages stay mapped) in-process rows took no faults and Alloc ran
//     up to twice as fast (sequential 9.3 ms a batch against 17.5 ms),
//     but fine hash and Overhead spread as much (12 samples, one process
//     each: ±7 to ±46 % against ±5 to ±24 %); the suite keeps the
//     runtime's defaults, which are what users run.
//   - The process. Every round is a new process, and a sample's speed on
//     scheduling-heavy work is largely the process's: fine hash under
//     gil, 3 samples in each of 10 processes, gave 10.0 and 10.0 ms, 14.7
//     and 14.8, 15.5 and 15.5 within processes, 10 or 15 ms between them;
//     in one process, samples of 200 ms stepped from 13.7 to 14.4 ms to
//     14.9 to 15.6 ms after 2 s with the task clock unchanged (one CPU
//     busy throughout). Address-space layout is not it: with ASLR off
//     (setarch -R) the fine-hash rows spread as much (median ±11.9 %
//     against ±12.6 %, 14 processes each). The interval of such a row
//     covers the spread of processes, which is the honest answer: its
//     samples are not drawn from one speed.
//   - The start of a process. A case's first sample in a process takes
//     many more faults than its next ones (fine hash under spawn: 250 to
//     370 a batch against 0 to 36, 10.2 to 13.4 ms against 7.2 to 8.7 ms).
//     A warm-up that went on, up to 150 ms, while batches still faulted
//     left the faults of the timed batches unchanged (269 a batch against
//     285) and no row narrower (12 of 55 configurations of Hash, Overhead
//     and Counter within ±5 % against 18 of 55), so the warm-up stays at
//     20 ms.
//
// Running a case's samples back to back in one process would narrow
// these intervals (the coarse hash: ±1.3 % from 30 consecutive samples)
// but set each configuration in one phase of the machine and one
// process, so that two configurations would differ by when they ran:
// the rounds stay interleaved, and the report's paired ratios, not the
// rows' own intervals, carry the comparisons.
//
// # make bench-flood
//
// make bench-flood runs the driver with -scale flood -bench
// '^BenchmarkFlood$' -count 6 -warmup 0 -benchtime 1x -noise-budget 0:
// the Flood family with both floods, make bench's 20,000 tasks of 1 ms
// and the published 1,000,000 tasks of 10 ms, at 1,000, 10,000 and
// 100,000 workers, in the same interleaved rounds, so that the report can
// pair each strategy's time ratio to spawn at both sizes round by round.
// It is opt-in: no other target runs it.
//
// Before the runs, at a scale with the published flood, the driver prints
// an estimate computed from the selected cases (bench.EstimateFlood): a
// batch takes the longer of its waves of W tasks of d and its tasks' CPU
// (4.7 µs a task where a goroutine starts per task, 2.1 µs where a parked
// worker takes it: go doc ./bench), and a sample is its probe batch, its
// warm-up and its timed batch, plus each round's reference checksums. With
// the defaults on 2 cores that is about 14 minutes for the 6 rounds (2 min
// 22 s a round, of which the 20,000-task flood is 2 s), 26 minutes if every
// task cost the most measured, 8 µs; add the build and the report, about
// a minute. In round 1 the progress lines' ETA is that estimate scaled by
// the pace so far (a mean over the first, cheap benchmarks would
// mislead), from round 2 on what round 1 took. Where the CPU is scarce it errs short: spawn alone on 1,000,000
// tasks of 10 ms took 14.4 s at nice 19 on the shared machine at a load
// average of 15, three times the 4.7 s counted for it. -estimate prints
// the estimate alone and exits. The driver also
// refuses to start when the machine has less memory available
// (/proc/meminfo MemAvailable) than 1.5 times the estimated peak, every
// goroutine of spawn's batch alive at once at 4.8 kB each: 4.8 GB, so 7.2
// GB; a 24 GiB machine has room to spare. That bound is far above what was
// measured: spawn of 1,000,000 tasks of 10 ms had at most 26,316
// goroutines alive and grew the RSS by 126 MB (go doc ./bench).
//
// Why these defaults, at the published size, where a batch takes 2 to
// 20 s:
//
//   - Count. 6 rounds are the fewest from which the report draws a
//     conclusion; each round costs about 2 minutes 20 seconds.
//   - Benchtime. A sample is one batch (1x): at 50 ms it would be one
//     anyway, and the 20,000-task rows then take one batch too.
//   - Probe. A bounded strategy whose submission blocks (pool, errgroup,
//     semaphore, ants, conc) probes ten waves of W tasks, where it reaches
//     its peak, not the whole batch: a whole probe at 1,000 workers would
//     add 10 s to each of its samples, 5 minutes over the run. spawn and
//     pond, whose memory grows with the batch, probe all of it. The probe
//     is also the sample's warm-up: every sample is at least 100 ms of
//     its own work before its timer starts, longer than warmTime's 20 ms.
//   - Warm-up round. None: a round is two minutes of flood, the probes
//     warm each sample, and the paired ratios cancel a round that runs
//     slow as a whole. WARMUP=1 adds one, about 2 minutes 20 seconds.
//   - Noise re-runs. None: a re-run of a published row costs seconds, and
//     the comparison is of paired ratios, which need the same rounds.
//
// COUNT and WARMUP given to make replace the defaults; FLOOD_SCALE=
// flood-tiny runs the whole target in seconds (a second flood of 2,000
// tasks of 2 ms), to try it.
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
