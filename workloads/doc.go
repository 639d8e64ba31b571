// Package workloads defines what one task of a benchmark batch does.
//
// A workload is a batch of independent, deterministic tasks: task i always
// does the same work and returns the same value. A strategy (package
// github.com/concbench/concbench/strategies) decides how the tasks of a batch are run; the
// workload knows nothing about it.
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
//
// # Your own workload
//
// [Func] is a workload written as a function of the task index, with
// optional per-worker state (Setup, Teardown), the way Python's
// threading.local holds a session per thread. fetch and file are written
// with it; a user's own task is too (see package
// github.com/concbench/concbench). A Batch that holds resources is a
// [Releaser]: every strategy releases each batch once its tasks have
// returned, whatever the outcome. A Workload that holds resources across
// batches (fetch's shared client, file's folder) also implements io.Closer:
// whoever built it closes it, and a worker process closes the workloads it
// built when it stops serving.
//
// A workload is named by a [Spec]: a name plus parameters, with the text form
// "hash/size=65536/rounds=8" (see [ParseSpec] and [Spec.String]). [New]
// rebuilds a workload from its Spec, which is how a worker process learns
// what to run. Sizes accept human forms ("64KiB", "1MiB", "4096") and
// durations Go's forms ("10ms", "1.5s"). A missing parameter takes its
// default; an unknown name or parameter, or a zero or negative size, is an
// error that lists what is valid.
//
// # Checksums
//
// Each task returns a value; [Fold] mixes it with the task's index and the
// batch checksum is the sum of the folded values modulo 2⁶⁴. The sum does not
// depend on the order in which tasks ran, so every strategy must produce the
// same checksum as a plain loop: that is the suite's built-in correctness
// check.
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
