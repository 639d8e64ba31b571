// Package bench is the benchmark matrix of concbench: the strategies of
// package github.com/concbench/concbench/strategies on the workloads of
// package github.com/concbench/concbench/workloads, as go test -bench
// benchmarks whose names project into benchstat tables, run by make bench
// (go doc ./cmd/concbench). This documentation is its contract; what
// was measured with it is in docs/measurements.md.
//
// # Families and names
//
// Families returns the table of families in run order, each with a
// one-line Benchmark function in bench_test.go. A family picks strategies
// by their properties (Candidate), never by name, and builds its cases from
// Batches, so that name and workload spec agree. A name is key=value parts
// (runfile.FormatName) ending in procs=N, the GOMAXPROCS the case sets and
// restores. With P = runtime.NumCPU(), at full scale:
//
//	Sleep/d=10ms/tasks=64/strategy=S/procs=P                           S: core
//	SleepWorkers/d=10ms/tasks=64/strategy=S/workers=W/procs=P          S: pool, process; W: 2, 8, 64
//	Hash/size=64KiB/rounds=8/tasks=64/strategy=S/procs=P               coarse; S: all
//	Hash/size=64B/rounds=1/tasks=4096/strategy=S/procs=P               fine; S: all, but exec at tasks=64
//	HashWorkers/size=64KiB/rounds=8/tasks=64/strategy=S/workers=W/procs=P   S: pool, process; W: 1, 2, 4, 8, 64
//	HashProcs/size=64KiB/rounds=8/tasks=64/strategy=S/procs=N          sequential at N=1; spawn, pool at N=1…P, 2P
//	Counter/incs=1000/tasks=64/sync=V/strategy=S/procs=P               V: mutex, atomic, channel, sharded, none; S: core but exec
//	Pycpu/n=100000/tasks=16/strategy=S/procs=P                         S: core
//	Alloc/size=1MiB/tasks=16/strategy=S/procs=P                        S: all
//	HashCeiling/size=64KiB/rounds=8/tasks=64/probe=processes/workers=P/procs=P   P processes in plain loops
//	Flood/d=1ms/tasks=20000/strategy=S/workers=W/procs=P               S: pool, libraries; W: 1000, 10000, 100000; spawn: no W
//	Overhead/tasks=4096/strategy=S/procs=P                             no-op tasks; S: sequential, spawn, pool, libraries
//	Crash/k=4/d=1ms/tasks=8/strategy=S/procs=P                         S: all
//	Fetch/d=5ms/size=16KiB/client=shared/tasks=16/strategy=S/procs=P   S: core
//	FetchClient/d=0s/size=16KiB/client=C/tasks=16/strategy=S/procs=P   C: shared, per-task (S: sequential, pool), per-worker (pool)
//	File/size=64KiB/sync=V/tasks=16/strategy=S/procs=P                 V: none, fsync; S: sequential, spawn, pool, process
//	Twin/d=10ms/tasks=64/twin=T/strategy=spawn/procs=P                 T: a, b; the same for the coarse and the fine hash
//
// "core" is the simplest strategy of each kind (Candidate.Core): sequential,
// spawn, pool, gil, process, exec; "libraries" errgroup, semaphore, ants,
// pond, conc; "all" the eleven: 157 benchmarks on 2 CPUs, pinned in
// testdata/names.txt (146 under -race: no sync=none). With no workers key a
// strategy runs at its default concurrency, so that benchstat -col
// /strategy lines all strategies up in one row. Counter's process rows count
// separate counters. Fetch and FetchClient GET from a workloads.FetchServer
// on 127.0.0.1.
//
// # Scales and environment
//
// A scale changes values, never families or keys: each family gives its
// values at full, quick and tiny with PerScale. The test binary reads:
//
//	CONCBENCH_SCALE  ScaleEnv: full (default), quick, tiny, flood (full, and in Flood's rounds the
//	                 published Flood/d=10ms/tasks=1000000) or flood-tiny (tiny at W = 20, 200,
//	                 and a second flood of 2,000 tasks of 2 ms)
//	CONCBENCH_LIST   ListEnv: each selected benchmark prints its name after ListPrefix and skips
//	CONCBENCH_ONLY   OnlyEnv: a file of full names, one a line; only those cases run
//	TMPDIR           where File writes (os.TempDir)
//
// TestMain must call strategies.ServeWorker if strategies.IsWorker, then
// ServeCeiling if IsCeilingWorker (CeilingEnv) and ServeCrash if
// IsCrashChild (CrashEnv), and set GOMAXPROCS to 1 before the benchmarks,
// lest the testing package append "-N" to names. Do not pass -cpu.
//
// # Metrics
//
// A case run by a strategy reports, per op (one batch of tasks):
//
//	ns/op, ns/task   wall time of the batch, and ÷ its tasks; tasks/s: tasks ÷ wall time
//	B/op, allocs/op  heap allocated by this process (not by worker processes)
//	cpu-ns/op        user+system CPU of this process, its reaped children (exec's) and its live
//	                 worker processes (/proc/<pid>/stat, 10 ms ticks); ÷ ns/op: the CPUs kept busy
//	p50-ns, p99-ns   percentiles of the time from a batch's start until each task's result (process:
//	                 its chunk) reached the strategy, over the first timed batches (65,536 tasks)
//	peak-goroutines  the most goroutines alive in the probe batch, the test framework's included
//	peak-stack-B     the most goroutine stack memory (runtime/metrics) above the probe's start
//	peak-heap-B      the most heap object memory above it: live objects and garbage not yet swept
//	peak-rss-B       resident set growth: VmHWM, reset through /proc/self/clear_refs, less VmRSS at
//	                 the start; if the reset is refused, the largest VmRSS sampled every millisecond
//	lost-updates/op  Counter only: increments lost; only sync=none may lose any
//	steal-pct        share of the machine's CPU time (all CPUs) the hypervisor stole while timed
//	other-pct        share of it busy with other work than the benchmark's processes while timed
//	faults/op        page faults (minor and major) of the benchmark's processes while timed
//
// cpu-ns/op, faults/op, steal-pct and other-pct exist on Linux only; the
// last two count 10 ms ticks of /proc/stat: coarse for one sample, telling
// over a row. HashCeiling reports ns/op, ns/task, tasks/s and steal-pct.
//
// # How a case runs
//
// Outside the timer a case sets GOMAXPROCS, builds its strategy (closed by
// b.Cleanup) and the reference checksum, once per workload and batch size,
// by Sequential or, for long waits, a pool (Case.RefWorkers). A probe batch
// then starts worker processes and records the peaks after
// debug.FreeOSMemory, sampling every 50 µs and every 256th task start; a
// strategy that runs one or Workers tasks at a time without a backlog
// probes four tasks per worker. Untimed batches follow until warmTime (20
// ms) has passed since the probe began. The timed loop is b.Loop, entered
// once per sample: the set-up happens once a sample, every batch is timed.
// Every batch must reproduce the reference checksum; a different one, an
// error, or a lost update on a synchronized counter fails the benchmark. A
// Flood task costs CPU besides its wait (a goroutine start or handoff, a
// timer, two context switches); EstimateFlood prices the published flood.
//
// Crash shows what no recover catches: task k = tasks/2 kills its process
// (go doc ./workloads). Each op is a child process, the test binary again,
// that runs the batch, then the same tasks with none crashing; a child
// killed after 30 s or dying of anything but the crash fails the benchmark.
// It reports ns/op (the child's life), survived (share of children that ran
// to the end), delivered (other tasks' results that reached the strategy
// before Run returned, per op) and next-batch (share whose second batch was
// right). In-process strategies lose the program; under process and exec
// only the process running task k dies (a *strategies.WorkerError).
package bench
