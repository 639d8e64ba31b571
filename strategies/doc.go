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
package strategies
