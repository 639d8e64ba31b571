// Package strategies runs a batch of tasks in one of eleven ways, so that
// the ways can be compared on the same work.
//
// A [Strategy] runs tasks 0 to n-1 of a [Job]'s workload (package
// [github.com/concbench/concbench/workloads]) and returns the batch's
// [Result]: its checksum and the updates lost to data races. The
// strategies, and the Python idiom each stands for:
//
//	sequential  a plain loop                       the baseline
//	spawn       threading.Thread per task          a goroutine per task
//	pool        ThreadPoolExecutor(max_workers=W)  W goroutines fed by a channel
//	gil         CPython's GIL                      spawn under GOMAXPROCS=1
//	process     multiprocessing.Pool(W)            W persistent worker processes
//	exec        a process per job                  one os/exec process per task
//
// and five adapters over the libraries Go programs reach for to bound
// concurrency, each at most W tasks at once:
//
//	errgroup    golang.org/x/sync/errgroup        a goroutine per task, SetLimit(W)
//	semaphore   golang.org/x/sync/semaphore       a goroutine per task after Acquire
//	ants        github.com/panjf2000/ants/v2      W reused workers, Submit blocks
//	pond        github.com/alitto/pond/v2         W on-demand workers, unbounded queue
//	conc        github.com/sourcegraph/conc/pool  W workers, WithMaxGoroutines(W)
//
// Whatever its library does with errors and panics, an adapter runs every
// task through the same wrapper as the other strategies, so all eleven
// share the semantics below. Each type's doc says what it costs per task
// and when to pick it.
//
// # Shared semantics
//
// Every strategy:
//   - produces the checksum of [Sequential] for the same batch;
//   - when ctx is done, stops within about one task (a task that waits
//     returns early) and returns ctx.Err();
//   - returns the first task error (a [*TaskError]) or worker failure (a
//     [*WorkerError]) and cancels the rest of the batch;
//   - turns a task panic into a *TaskError carrying the task index and the
//     stack, in process and in a worker process alike;
//   - releases every batch it starts (workloads.Release) once its tasks
//     have returned, whatever the outcome;
//   - leaves no goroutine running when Run returns, and no child process
//     running when Close returns (process) or Run returns (exec).
//
// # Registry
//
// [New] builds a strategy from its name and [Options]: zero Workers means
// GOMAXPROCS, zero Timeout [DefaultTimeout]; a negative Workers or Timeout
// is an error, and so is an unknown name, with an error that lists the
// valid ones. [Names] lists the names, baseline first; [PropsOf] gives the
// properties the driver records for a strategy, with the same error for
// an unknown name. New starts nothing: process starts its workers on its
// first Run.
//
// # Concurrency and costs
//
// Run blocks until every task it started has returned. Every strategy but
// [GIL] is safe for concurrent use: the in-process ones and [Exec] keep no
// state between runs (each Run makes its own goroutines, pool or group),
// so their Close does nothing; [Process] serializes Run and Close, and
// [Process.PIDs] may be called during a Run. GIL lowers GOMAXPROCS for the
// whole program while it runs: run it alone. Only process holds resources
// across runs; after its Close, Run returns [ErrClosed]. Caller misuse
// panics: a nil Job.Workload, a negative Job.Tasks, a Job.Done whose
// length is not Job.Tasks, or a Workers that is not positive in a strategy
// built without New.
//
// Per task, sequential costs a call; spawn, gil, errgroup and semaphore a
// goroutine start; pool, ants, pond and conc a handoff to a worker;
// process a share of a pipe round trip per chunk, after a process start
// per worker on its first Run; exec a whole process start. Importing this
// package starts ants' default pool, whose two housekeeping goroutines
// live as long as the process. What these costs came to on the machines
// measured so far is in docs/measurements.md; make bench measures them on
// the machine at hand.
//
// # Worker processes
//
// Process and Exec re-execute a binary (by default the running one) with
// [WorkerEnv] set. That binary must check [IsWorker] first thing in main
// or TestMain and call [ServeWorker]; one that does not fails the
// handshake with an error saying so. Workers are started with flags that
// make a test binary run no test, a worker never starts workers itself,
// and on Linux the kernel kills a worker whose parent dies.
//
// Parent and worker exchange length-prefixed binary frames over the
// worker's stdin and stdout. The worker first says hello with the
// protocol's name and version. The parent sends chunks, each a workload
// Spec and a range of task indices (process keeps two in flight per
// worker, exec sends each worker one task); the worker runs them one at a
// time, in order, each as a batch of its own, and answers each with its
// checksum and lost updates, with its first error (the task's index and,
// for a panic, its stack), or, after the parent sent a cancel, with
// "cancelled". Closing its stdin ends the worker.
//
// A worker that exits, is killed, hangs past the timeout
// (Options.Timeout), writes anything but well-formed frames or fails the
// handshake fails the batch with a [*WorkerError] naming its pid, the
// tasks it was running and its exit status; it is killed and reaped and
// the rest of the batch is cancelled. A worker whose chunk was cancelled
// gets about two seconds to answer before it is killed. Process replaces
// dead workers on its next Run.
package strategies
