// Package workloads defines what one task of a benchmark batch does.
//
// A [Workload] is a batch of independent, deterministic tasks: task i
// always does the same work and returns the same value, in any process. A
// strategy (package github.com/concbench/concbench/strategies) decides how
// the tasks of a batch are run; the workload knows nothing about it.
//
// # Workloads
//
//	name     stands for                         params
//	noop     nothing: measures a strategy's own  (none)
//	         per-task overhead
//	sleep    an I/O wait (a network request)     d=10ms      the sleep of each task
//	hash     CPU-bound work                      size=64KiB  bytes hashed per round
//	                                             rounds=8    SHA-256 rounds chained
//	counter  shared state                        incs=1000   increments per task
//	                                             sync=mutex  mutex|atomic|channel|sharded|none
//	alloc    allocation and garbage collection   size=1MiB   bytes allocated and touched
//	                                                         per task
//	pycpu    the tutorials' number ** 2 loop     n=100000    squares summed per task
//	         (pure-Python CPU work in CPython)
//	fetch    real network I/O: an HTTP GET on    d=1ms       the server's wait before answering
//	         loopback from a FetchServer         size=16KiB  body bytes read and checksummed
//	                                             client=shared  shared|per-worker|per-task
//	                                             port        the FetchServer's port (required)
//	file     real disk I/O: write a new file,    size=64KiB  bytes written and read back
//	         read it back, remove it             sync=none   none|fsync
//	crash    a failure no recover catches: task  k=0         the task that kills its process
//	         k kills its process (run it only    d=1ms       the wait of each task
//	         in a child process)
//
// # Specs and the registry
//
// A workload is named by a [Spec]: a name plus parameters, with the text
// form "hash/size=65536/rounds=8" (see [ParseSpec] and [Spec.String]).
// ParseSpec checks the syntax only. [New] builds the workload a Spec names,
// which is how a worker process learns what to run; [Parse] does both
// steps, [Names] lists the workloads and [Usage] describes each with its
// parameters. A missing parameter takes its default. Sizes are positive
// byte counts, bare or with a unit ("4096", "64KiB", "1MiB"); durations
// take Go's forms ("10ms", "1.5s"). An unknown name or parameter is an
// error that lists the valid ones; a value out of range (a zero or
// negative size or count, a fetch without a port) is an error that says
// what is valid.
//
// # The contract
//
// A Workload is immutable and safe for concurrent use, and its Spec
// rebuilds an equal one (New for the registered workloads, the worker's
// Lookup for one's own). [Workload.Start] prepares a [Batch] for a number of
// tasks and workers and starts no goroutine. The strategy may call
// [Batch.Do] concurrently for different tasks, never twice at once on the
// same worker; a task that waits (sleep, fetch, crash) returns early when
// ctx is done, the others run to completion. [Batch.Finish] checks the
// batch's shared state once every task has run.
//
// A Batch that holds resources is a [Releaser]: every strategy releases
// each batch once its tasks have returned, whatever the outcome. A
// Workload that holds resources across batches (fetch's shared client,
// file's folder) also implements io.Closer: whoever built it closes it
// after its last batch, and a worker process closes the workloads it built
// when it stops serving. fetch's tasks GET from a [FetchServer], which the
// process that runs the benchmark starts before building the workload and
// closes after its last batch.
//
// # Your own workload
//
// [Func] is a workload written as a function of the task index, with
// optional per-worker state (Setup, Teardown), the way Python's
// threading.local holds a session per thread. fetch and file are written
// with it; a user's own task is too (see package
// github.com/concbench/concbench).
//
// # Checksums
//
// Each task returns a value; [Fold] mixes it with the task's index and the
// batch checksum is the sum of the folded values modulo 2⁶⁴. The sum does not
// depend on the order in which tasks ran, so every strategy must produce the
// same checksum as a plain loop: that is the suite's built-in correctness
// check.
//
// # Costs
//
// An alloc task allocates a fresh buffer and touches a word in every
// 64-byte line of it, so its cost is the allocator's, the garbage
// collector's and the kernel's, not arithmetic. Goroutines share one heap,
// worker processes each have their own: concurrent tasks in one small heap
// can cost more CPU than the same tasks in a loop, because the runtime's
// scavenger returns the pages they free to the kernel and the next tasks
// fault them in again (see docs/measurements.md). A hash task allocates
// nothing: each worker of a batch reuses one buffer, kept by the workload
// between batches, so its bytes per batch do not grow with size.
//
// fetch and file do real I/O, on loopback and on the disk under
// os.TempDir(). Each request or file costs CPU (system calls, thread
// wake-ups) besides its wait, so when the wait is short, that CPU and not
// the wait bounds what concurrency gains; see docs/measurements.md.
//
// # Shared state
//
// The counter workload's tasks all add to one counter owned by the batch
// (see [Workload.Start]). With sync=mutex, atomic, channel or sharded the
// counter ends at exactly tasks × incs, and [Batch.Finish] fails otherwise.
// With sync=none the increments race: Finish reports the updates lost. The
// none variant is not compiled into binaries built with -race, which would
// rightly flag it.
package workloads
