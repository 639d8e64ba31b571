// Package strategies runs a batch of tasks in one of eleven ways, so that
// the ways can be compared on the same work.
//
// A [Strategy] runs tasks 0 to n-1 of a workload (package
// [github.com/concbench/concbench/workloads]) and returns the batch's [Result]: its checksum, the
// same for every strategy, and the updates lost to races. The strategies,
// and the Python idiom each stands for:
//
//	sequential  a plain loop                      the baseline
//	spawn       threading.Thread per task         a goroutine per task
//	pool        ThreadPoolExecutor(max_workers=W) W goroutines fed by a channel
//	gil         CPython's GIL                      spawn under GOMAXPROCS=1
//	process     multiprocessing.Pool(W)           W persistent worker processes
//	exec        a process per job                 one os/exec process per task
//
// and five adapters over the libraries Go programs reach for to bound
// concurrency, each at most W tasks at once:
//
//	errgroup    golang.org/x/sync/errgroup          a goroutine per task, SetLimit(W)
//	semaphore   golang.org/x/sync/semaphore         a goroutine per task after Acquire
//	ants        github.com/panjf2000/ants/v2        W reused workers, Submit blocks
//	pond        github.com/alitto/pond/v2           W on-demand workers, unbounded queue
//	conc        github.com/sourcegraph/conc/pool    W workers, WithMaxGoroutines(W)
//
// Each library handles errors and panics its own way; the adapters run
// every task through the same wrapper as the other strategies, so all
// eleven share the semantics below. Each adapter makes its library's pool
// in Run and waits for it to end before returning.
//
// Each type's doc says what it costs and when to pick it. [New] builds a
// strategy from its name; [Names] lists them.
//
// # Shared semantics
//
// Every strategy:
//   - produces the checksum of [Sequential] for the same batch;
//   - when ctx is done, stops within about one task and returns ctx.Err();
//   - returns the first task error (a [*TaskError]) and cancels the rest;
//   - turns a task panic into a *TaskError carrying the task index and the
//     stack, in process and in a worker process alike;
//   - leaves no goroutine running when Run returns, and no child process
//     running when Close returns (process) or Run returns (exec).
//
// # Worker processes
//
// Process and Exec re-execute a binary (by default the running one) with
// [WorkerEnv] set. That binary must check [IsWorker] first thing in main
// or TestMain and call [ServeWorker]. A binary that does not fails the
// handshake with an error saying so; it is started with flags that make a
// test binary run no test, and a worker never starts workers itself, so
// nothing runs recursively. On Linux a worker is killed by the kernel if
// its parent dies.
//
// A worker that exits, is killed, hangs past the timeout (see
// [DefaultTimeout]), writes anything but well-formed frames or fails the
// handshake fails the batch with a [*WorkerError] naming its pid, the
// tasks it was running and its exit status; the failed worker is killed
// and reaped and the rest of the batch is cancelled. Process starts a
// replacement on its next Run.
//
// Parent and worker talk over the worker's stdin and stdout in
// length-prefixed binary frames. The parent sends a workload Spec with a
// range of task indices; the worker answers with one checksum for the
// range, or the first error with the task's index and, for a panic, its
// stack.
//
// # Measured
//
// The figures below were taken while the strategies were built; they
// explain a design choice and are no contract. make bench measures the
// strategies on the machine at hand.
//
// Process, the worker processes' protocol. On the 2-core paravirtualized
// development VM, with other test runs keeping the load average near 12, 12 interleaved samples of 10 batches
// each (nice -19), coarse hash (64 tasks of 64 KiB × 8 rounds), GOMAXPROCS=2;
// "before" is this strategy with protocol version 1 (one chunk in flight,
// workers at the default GOMAXPROCS, blocking stdin reads):
//
//	                         best     median   CPU per batch
//	sequential               26.5 ms  31.1 ms  26.4 ms
//	process, 1 worker        26.0 ms  28.0 ms  25.6 ms
//	process, 2 workers       14.0 ms  24.2 ms  27.6 ms
//	  before                 21.1 ms  27.4 ms  33.6 ms
//	HashCeiling probe        21.2 ms  26.3 ms
//
// One worker costs what the plain loop does: at this grain the protocol
// is free. Two workers reached 1.90× sequential at best and 1.29× at the
// median (before: 1.25× and 1.06×), and their CPU overhead over sequential
// fell from 29 % to 5 %. Under that load the medians say more about the
// neighbours than about the strategy; an earlier run on a quieter machine
// measured 1.70-1.78× for process against 1.52-1.60× for CPython's
// multiprocessing.Pool(2) on the same batch (make reference). Re-measured
// under today's load, Pool(2) took a median 61 ms against CPython's
// sequential 51.5 ms: no speedup at all.
//
// The HashCeiling probe (two processes hashing their halves in a plain
// loop, no protocol) was slower than process at best (21.2 against
// 14.0 ms): with static halves the batch waits for whichever process a
// neighbour delays, while process's chunks (a quarter of a share, two in
// flight) let the other worker take up the slack. On a quiet machine both
// approach 2×; under bursty load the probe is the ceiling of static
// partitioning, not of the machine.
//
// At the bench-quick scale (16 tasks of 64 KiB × 4 rounds, 3.4 ms
// sequential) process took 2.49 ms at best (1.38×; before: 3.77 ms, 0.88×)
// but 3.89 ms at the median (0.97×), and 4.51 ms of CPU per batch, 33 %
// over sequential (before: 49 %). Halving the number of chunks (a half
// share each instead of a quarter) changed neither time nor CPU (12
// interleaved samples: median 3.71 against 3.77 ms, CPU 4.99 against
// 4.96 ms), so the round trips are not the cost. perf record over 300
// batches says where it is: in the sequential run 92 % of the samples
// are SHA-256 and 5.5 % are the kernel's interrupt exits and context
// switches; in each worker SHA-256 is 78 %, and interrupt exits
// (irqentry_exit_to_user_mode, 7 %, where the paravirtualized VM
// re-enables interrupts), context switches (finish_task_switch, 2-7 %) and
// spinlock releases with interrupts (1.5 %) take most of the rest. SHA-256
// itself also took 12 % more samples in the two workers together than in
// the sequential loop for the same hashing: two vCPUs hashing at once run
// slower than one. The gap at this scale is the VM's, per process and per
// busy vCPU, not the protocol's; the HashCeiling probe, with no protocol
// at all, took 2.49 ms at best too.
package strategies
