// Package bench is the benchmark matrix of concbench: every strategy of
// package github.com/concbench/concbench/strategies on every workload of package
// github.com/concbench/concbench/workloads, as go test benchmarks whose names project into
// benchstat tables. make bench runs it (see bench/cmd/benchrun); this
// documentation is its manual.
//
// # The matrix
//
// Each benchmark family is an entry of the table that Families returns:
// its name, its cases at each scale, built from Batches (one value gives a
// case's name and its workload's spec), and its strategies, chosen by
// their properties (Candidate), never by name. Adding a family is adding
// an entry and a one-line Benchmark function to bench_test.go (a test
// checks both lists agree; another pins the names below in
// testdata/names.txt). Sub-benchmarks are named in benchstat's key=value
// form, always ending in /procs=N, the GOMAXPROCS that sub-benchmark sets
// (and restores). P below is runtime.NumCPU(); sizes are written as
// runfile.FormatSize writes them and durations as Go durations. At the
// full scale:
//
//	Sleep/d=10ms/tasks=64/strategy=S/procs=P                          S: all six
//	SleepWorkers/d=10ms/tasks=64/strategy=S/workers=W/procs=P         S: pool, process; W: 2, 8, 64
//	Hash/size=64KiB/rounds=8/tasks=64/strategy=S/procs=P              coarse; S: all eleven
//	Hash/size=64B/rounds=1/tasks=4096/strategy=S/procs=P              fine; S: all eleven but exec
//	Hash/size=64B/rounds=1/tasks=64/strategy=exec/procs=P             fine, exec's own batch (ProcessPerTask)
//	HashWorkers/size=64KiB/rounds=8/tasks=64/strategy=S/workers=W/procs=P
//	                                                                  S: pool, process; W: 1, 2, 4, 8, 64
//	HashProcs/size=64KiB/rounds=8/tasks=64/strategy=S/procs=N         sequential at N=1; spawn, pool at N = 1…P, 2P
//	Counter/incs=1000/tasks=64/sync=V/strategy=S/procs=P              V: mutex, atomic, channel, sharded, none;
//	                                                                  S: sequential, spawn, pool, gil, process
//	Pycpu/n=100000/tasks=16/strategy=S/procs=P                        S: the six core strategies
//	Alloc/size=1MiB/tasks=16/strategy=S/procs=P                       S: all eleven
//	HashCeiling/size=64KiB/rounds=8/tasks=64/probe=processes/workers=P/procs=P
//	                                                                  not a strategy: P processes each hash their share
//	                                                                  in a plain loop, no protocol (the machine's ceiling)
//	Fetch/d=5ms/size=16KiB/client=shared/tasks=16/strategy=S/procs=P  S: the six core strategies
//	FetchClient/d=0s/size=16KiB/client=C/tasks=16/strategy=S/procs=P  C: shared, per-task; S: sequential, pool;
//	                                                                  and C = per-worker, S = pool
//	File/size=64KiB/sync=V/tasks=16/strategy=S/procs=P                V: none, fsync;
//	                                                                  S: sequential, spawn, pool, process
//	Overhead/tasks=4096/strategy=S/procs=P                            no-op tasks; S: sequential, spawn, pool and
//	                                                                  the five library adapters
//	Flood/d=1ms/tasks=20000/strategy=spawn/procs=P
//	Flood/d=1ms/tasks=20000/strategy=S/workers=W/procs=P              S: pool and the five library adapters;
//	                                                                  W: 1000, 10000, 100000
//	Crash/k=4/d=1ms/tasks=8/strategy=S/procs=P                        S: all eleven; task k kills its process,
//	                                                                  uncatchably: each op is a child process
//	                                                                  (see "What the crash measures")
//
// Fetch and FetchClient GET from a workloads.FetchServer that the family
// starts on 127.0.0.1 (its port reaches worker processes in the workload
// Spec, not in the name) and closes at its end; File writes under
// os.TempDir() (set TMPDIR to measure another disk). Both are built on the
// public API of package github.com/concbench/concbench (workloads.Func).
//
// The six core strategies are the simplest of each kind (Candidate.Core):
// sequential, spawn, pool, gil, process and exec; "all six" above means
// them. The five library adapters (errgroup,
// semaphore, ants, pond, conc) run in Hash, where "all eleven" adds them
// (coarse: do they reach pool's speedup; fine: their cost per tiny task),
// and in Flood; Sleep would only repeat pool's row at two workers, and
// Counter is about synchronization, not scheduling. On the fine hash, a
// strategy that starts a process per task (exec: Props.ProcessPerTask)
// runs a batch of 64 tasks instead of 4,096 (its own tasks= in the name;
// see Measured); the report ranks it per task (ns/task) in the 4,096-task
// row.
// In Sleep and Hash, pool, process and exec run at their default
// concurrency, GOMAXPROCS, and the name has no workers key, so that
// benchstat -col /strategy lines all six up in one row per workload; the
// Workers families sweep the worker count instead. Counter leaves exec out
// (a process per task of a thousand increments measures only process
// starts), and sync=none is compiled only into binaries built without
// -race (workloads.SyncNames). In the process rows, each worker process
// counts its own chunks in its own memory: the counter is not shared across
// processes, so those rows measure separate counters, and none loses no
// update there.
//
// The environment variable CONCBENCH_SCALE (ScaleEnv) shrinks the workloads
// without changing the families or the keys: "quick" (make bench-quick) and
// "tiny" (the driver's tests); each family declares its values at each
// scale with PerScale. The scale "flood" (make bench-flood, opt-in) is
// full's with a second flood in Flood, the published one, in the same
// rounds as the first:
//
//	Flood/d=10ms/tasks=1000000/strategy=spawn/procs=P
//	Flood/d=10ms/tasks=1000000/strategy=S/workers=W/procs=P           S: pool and the five library adapters;
//	                                                                  W: 1000, 10000, 100000
//
// and "flood-tiny" is tiny's with a second flood of 2,000 tasks of 2 ms,
// at 20 and 200 workers, for trying the target.
//
// # Metrics
//
// Every benchmark reports, per batch of tasks (one op):
//
//	ns/op            wall time of the batch
//	ns/task          ns/op ÷ tasks
//	tasks/s          tasks ÷ wall time (higher is better)
//	B/op, allocs/op  heap allocated by this process per batch (workers not included)
//	cpu-ns/op        user+system CPU per batch: this process (getrusage
//	                 RUSAGE_SELF), reaped children (RUSAGE_CHILDREN: exec's
//	                 processes) and the live worker processes of process
//	                 (/proc/<pid>/stat, 10 ms resolution); cpu-ns/op ÷ ns/op
//	                 is the number of CPUs kept busy
//	p50-ns, p99-ns   percentiles of the time from the start of a batch until
//	                 each task's result reached the strategy (process: until
//	                 its chunk came back); p99 near ns/op and p50 near half
//	                 of it means tasks finished steadily, p50 near p99 means
//	                 they all finished together
//	peak-goroutines  the most goroutines alive during one batch (including
//	                 the test framework's few)
//	peak-stack-B     the most goroutine stack memory in use during one batch
//	                 above its start (runtime/metrics
//	                 /memory/classes/heap/stacks:bytes): what goroutines
//	                 alive at once cost
//	peak-heap-B      the most heap object memory during one batch above its
//	                 start (/memory/classes/heap/objects:bytes): live objects
//	                 and garbage not yet swept, so up to about twice the live
//	                 peak at GOGC=100
//	peak-rss-B       the process's peak resident set growth during one batch:
//	                 the kernel's high-water mark VmHWM, reset through
//	                 /proc/self/clear_refs before the batch, less VmRSS at
//	                 its start; where the reset is refused, the largest
//	                 VmRSS sampled every millisecond (the benchmark logs so)
//	lost-updates/op  Counter only: increments lost to the data race of
//	                 sync=none; any other variant losing one fails
//	steal-pct        the share of the machine's CPU time (all CPUs) the
//	                 hypervisor stole while the sample was timed, from
//	                 /proc/stat (Linux only)
//	other-pct        the share busy with other work than this benchmark
//	                 (its process, children and worker processes) while
//	                 the sample was timed; both are read in 10 ms ticks, so
//	                 coarse for one sample and telling over a row's
//	                 samples
//	faults/op        page faults (minor and major, from getrusage and the
//	                 worker processes' /proc/<pid>/stat) per batch while
//	                 timed: first touches of fresh memory, which on the VM
//	                 this suite was built on cost about 10 µs each (Linux
//	                 only)
//
// # How a case runs
//
// A sub-benchmark sets GOMAXPROCS, builds its strategy and computes (once
// per family, workload and batch size, with Sequential, or with a pool for
// the sleeps of Sleep, SleepWorkers and Flood: see Case.RefWorkers) the
// checksum every batch must reproduce, all outside the timer. One untimed probe batch then
// starts process workers and records the peak goroutine count and memory
// (a strategy that runs one task or Workers tasks at a time, and holds no
// backlog of its own, probes four tasks per worker: its peaks are reached
// once every worker is busy; at the published flood's size, see
// floodCases).
// Before it, debug.FreeOSMemory collects the previous case's garbage and
// returns its free pages, so that each case's memory peaks start from the
// same floor; the memory figures are this process's, not a worker
// process's. The peaks are sampled by a poller every 50 µs and by every
// 256th task as it starts (a flood of runnable goroutines can delay the
// poller), so a peak shorter than that can be missed. Untimed batches
// follow until 20 ms have passed since the probe started (warmTime: the
// first batches after the set-up run slower). The timed loop is b.Loop:
// the testing package calls the sub-benchmark once per sample and b.Loop
// runs batches until -benchtime has passed, all of them timed, so the
// set-up, and a process strategy's worker start, happen once a sample.
// It runs b.N batches; a checksum that differs from sequential's, an
// error, or a lost update on a synchronized counter fails the benchmark
// with b.Fatalf naming it. The strategy is closed by b.Cleanup.
//
// The test binary serves worker processes: TestMain checks
// strategies.IsWorker first. It also lowers GOMAXPROCS to 1 before the
// benchmarks start, because the testing package appends "-N" to every name
// when GOMAXPROCS is N > 1; do not pass -cpu either. ListEnv makes every
// benchmark print its name and skip, which is how the driver counts what a
// -bench pattern selects.
//
// # Reading the results
//
// go tool benchstat -col /strategy results/<run>/raw.txt prints one table
// per unit with a row per workload (and worker count, procs) and a column
// per strategy, sequential first: "vs base" is each strategy against
// sequential, with the p-value of a Mann-Whitney U test; "~" means no
// significant difference. -col /workers on the Workers families and
// -col /procs on HashProcs give the sweeps. The report (go run
// ./plots/cmd/report) derives speedups, efficiency against the ideal and
// the verdicts.
//
// # Why some rows spread
//
// Measured on the 2-core VM (AMD EPYC host, 15 rounds of 50 ms samples,
// an idle machine): sequential rows of CPU work are within ±2 to ±4 %;
// these families spread by what they measure, and make bench answers with
// more samples of the cheap ones and paired ratios, not with other sizes.
//
//   - Alloc: each task allocates 1 MiB and the live heap is small, so at
//     GOGC=100 a collection cycle starts about every 4 tasks (the 4 MiB
//     minimum heap goal), and whether a batch of 16 has 3 or 5 of them,
//     and whether the idle vCPU runs their mark workers, changes its time.
//     Freed pages are also returned to the kernel and faulted in again:
//     12 samples of sequential took 11,773 page faults (perf stat), on a VM
//     where a fault on fresh memory costs about 10 µs and the guest hands
//     free pages back to the host (virtio-balloon free page reporting).
//     With GODEBUG=madvdontneed=0 the faults fell to 2,470, yet
//     sequential still spread from 2.9 to 9.0 ms (4.2 to 16.1 ms without):
//     the collection cycles dominate. Alloc's rows stay near ±15 %. The
//     faults/op of every sample show the faults' share: under pool a batch
//     took 6.3 ms with 12 faults and 34 ms with 990.
//   - Counter under spawn and pool: 64 goroutines contend for one lock or
//     channel, and a batch's time depends on which of them holds it when
//     the other vCPU wakes. sync=channel under spawn spread 4 to 18 ms in
//     samples of 20 ms, 6.4 to 13.3 ms in samples of 50 ms and 8.7 to
//     13.4 ms in samples of 200 ms: the spread is per batch and averages
//     out slowly, so these cheap rows get the noise re-runs' samples.
//   - Flood: a sample is one batch of 20,000 goroutines (0.1 to 0.3 s) and
//     whole rounds run slow together (in one run rounds 1, 2 and 6 to 8
//     were 13 to 30 % slow across every flood row): the stacks of 20,000
//     goroutines are fresh memory in every round. The report's paired
//     ratios cancel such rounds; the rows themselves stay near ±10 %.
//     Within a row, a batch's time follows its page faults (faults/op):
//     pool at 10,000 workers took 69 to 77 ms with 0 or 1 fault and 113 to
//     146 ms with 1,100 to 2,700, as many as the runtime's scavenger had
//     returned to the kernel since the last batch.
//   - Fine hash and Overhead under the strategies that start, park and
//     wake goroutines by the thousand: a sample's speed is largely set by
//     the process it runs in (go doc ./bench/cmd/benchrun, "Where the
//     remaining spread comes from").
//   - File with sync=fsync waits for the disk, whose flush latency varies
//     from write to write.
//
// # What the flood measures
//
// A Flood batch of 1 ms sleeps is not a wait but work: every task costs a
// goroutine start or a handoff, a timer and two context switches. On the
// shared 2-core machine (go test -cpuprofile of the spawn and pool rows at
// 50,000 tasks, three batches each), spawn used 4.7 µs of CPU per task
// (cpu-ns/op ÷ tasks) against 2.1 µs for pool at 1,000 workers: 14 % of
// spawn's profile is runtime.newproc, a goroutine per task, and 15 % is
// runtime.newstack/copystack, because each new goroutine outgrows its
// initial 2 KiB stack in the task's timer and select frames and has it
// copied, where a pool's worker grows once and is reused; 20 % is the
// scheduler looking for work. That is why pools at 1,000 workers beat spawn
// on time here, the opposite of the published 1,000,000 × 10 ms figures,
// where the waits dominate. Memory goes the other way at large worker
// counts: spawn's goroutines end while others start, so only 9,000 to
// 14,000 of its 20,000 were alive at once (peak-goroutines, two runs),
// while a pool of 100,000 workers starts one per task, all 20,000, and
// keeps each parked with its stack until the batch ends: 69 to 76 MB of
// peak stacks and 80 to 92 MB of peak RSS growth against spawn's 19 to
// 30 MB and 22 to 33 MB. A bound only saves memory when it is below what
// the unbounded strategy actually has alive.
//
// These figures are for 20,000 tasks of 1 ms; whether the ratios between
// the strategies carry over to the published 1,000,000 tasks of 10 ms is
// what make bench-flood measures (see floodCases). At that size the
// reference checksum comes from a pool of 10,000 workers (100 waves,
// about 2 s with the tasks' CPU; one at a time it would take almost three
// hours), each bounded probe whose submission blocks stops after 10 waves,
// and spawn's batch could hold all its goroutines at once: at 4.8 kB each
// that would be 4.8 GB, so the driver refuses to start with less than 1.5
// times that available (EstimateFlood, go doc ./bench/cmd/benchrun). It
// holds far fewer: spawn alone on 1,000,000 tasks of 10 ms (GOMAXPROCS 2,
// at nice 19 on the shared machine at a load average of 15) took 14.4 s,
// had at most 26,316 goroutines alive and grew the RSS by 126 MB, 4.8 kB
// a goroutine alive, as the pool of 100,000 workers above (4.0 to 4.6 kB).
//
// # What the crash measures
//
// Every strategy turns a task's panic into a *strategies.TaskError, so the
// other families never show what processes are for: containing a failure
// that no recover catches (a panic in a goroutine the task started, os.Exit
// or a fatal error in a library, a stack overflow, memory exhausted). The
// crash workload's task k dies that way, deterministically and cheaply (a
// goroutine of its own panics: see go doc ./workloads); every other task
// waits d. The Crash family runs it under all eleven strategies, and since
// an in-process strategy would take the benchmark down with it, each op is
// a child process of the benchmark: the test binary again, with
// CONCBENCH_CRASH (CrashEnv) naming the strategy and the batches, so that
// TestMain calls ServeCrash after the worker checks. The child runs the
// batch (batch 1, task k = tasks/2 crashing) under the strategy at
// GOMAXPROCS P, writes a line when Run returns, then runs the same tasks
// with none crashing (crash/k=tasks: batch 2) and writes a line when that
// returns. The parent waits for the child (killing it after 30 s, which
// fails the benchmark) and reports, besides ns/op (the child's whole life:
// its start, both batches, its exit):
//
//	survived    1 if the child ran to its end, 0 if the crash killed it
//	            (as a share of the sample's ops; higher is better)
//	delivered   of batch 1's other tasks, how many results reached the
//	            strategy (their Job.Done slots) before Run returned its
//	            error; 0 when the program died (mean per op)
//	next-batch  1 if batch 2 ran with sequential's checksum (share of ops)
//
// A child that dies of anything but the crash (its standard error lacks
// the crash's panic) fails the benchmark. Under sequential, spawn, pool,
// gil and the five library adapters the child dies with exit status 2 and
// every result; under process only the worker running task k dies, Run
// returns a *strategies.WorkerError, the rest of the batch is cancelled
// and batch 2 runs on a new worker; under exec only task k's process dies.
// The report judges it as the last verdict ("processes contain a crash;
// in-process strategies lose the program").
//
// # Measured
//
//   - Hash, fine: 4,096 tasks under exec, a process start each, took
//     11.7 s on an Intel Xeon host and 68 s on an AMD EPYC one (so 64).
//   - Crash: each op is a child process running the batch twice, so exec
//     starts about 1.5 × tasks processes per op: at 8 tasks, 0.48 s
//     on the loaded 2-core VM, the other strategies 30 to 190 ms.
//   - Flood, full scale, -benchtime 200ms on the shared 2-core machine
//     (load average 6): 11.7 s per count for the 19 rows (10.9 s of CPU).
//   - make bench-flood, 6 rounds on the 2-core AMD EPYC VM: 1 of 18 time
//     ratios to spawn carried over from 20,000 tasks of 1 ms to 1,000,000
//     of 10 ms, 9 did not. At 1,000 workers the pools took about half of
//     spawn's time on the small flood and about twice it on the big one
//     (1,000 waves of 10 ms: 10 s, while spawn was bound by its per-task
//     CPU at 5.3 s); at 10,000 workers half of spawn's time on the big
//     flood and as much on the small one.
package bench
