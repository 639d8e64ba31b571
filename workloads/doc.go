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
//	crash    a failure no recover catches: task  k=0         the task that kills its process
//	         k kills its process (run it only    d=1ms       the wait of each task
//	         in a child process)
//
// # What fetch and file cost on a 2-core VM
//
// A loopback GET of 16 KiB is not free: with one shared client and d=0s a
// request takes about 75 µs of wall time and as much CPU (client and
// server in one process), about 16 system calls (strace -c: 6 read, 3 of
// them EAGAIN before the poller parks the goroutine, 4 epoll_pwait, 3
// write, 2.4 futex wakes of idle threads, 1 nanosleep). A new connection
// per task (client=per-task) doubles that to about 140 µs: the dial, the
// accept and a transport per task.
//
// That CPU is why fetch/d=5ms under spawn reaches only about two thirds of
// the ideal (16 tasks: 7.5 ms against 5 ms; 32 tasks: 10 ms), where sleep
// reaches 0.8 or more: the requests need about 190 µs of CPU each under
// spawn (cpu-ns/op; against 75 µs back to back with d=0s: many goroutines
// on two Ps cost more thread wake-ups), spent when the requests go out and when
// the answers arrive together after d, so the batch takes about d plus
// most of that CPU. gil (GOMAXPROCS=1) is as fast with a third less CPU
// (perf stat over 100 batches of 32: 128 µs a request and 25 context
// switches a batch, against spawn's 190 µs and 41). A sequential request
// takes d + about 0.5 ms: the server's timer, and each wait wakes an idle
// thread from sleep. Real I/O overlaps when the wait is long next to the
// CPU a request needs; with waits of a few milliseconds on a small
// machine, that CPU is the limit.
//
// A 64 KiB file written, read back and removed costs about 200 µs on the
// VM's ext4 disk; fsync adds about 250 µs, a wait that two pool workers
// overlap (pool is then about 1.4× faster than sequential, against about
// 1.1× without fsync).
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
// # Allocation
//
// An alloc task allocates a fresh buffer and touches a word in every
// 64-byte line of it, so its cost is the allocator's, the garbage
// collector's and the kernel's, not arithmetic. Goroutines share one heap;
// worker processes each have their own. On the 2-core development VM
// (alloc/size=1MiB, 16 tasks, GOMAXPROCS=2) a pool of 2 goroutines used
// about twice sequential's CPU per batch (12.1 ms against 6.9 ms) and was
// slower than sequential, while 2 worker processes used less (5.9 ms). The
// garbage collector is not the cause (about one cycle per 4 MiB either
// way, under 0.5 ms of CPU each); page faults are: perf stat counted 45 246
// faults for the pool run against 4 797 for the sequential one, about 53
// against 6 per task, and GODEBUG=scavtrace=1 showed the background
// scavenger returning 136 MiB to the kernel during the pool run against
// 25 MiB. With two 1 MiB buffers live at once the heap overshoots the
// scavenger's retention goal (a little above the 4-5 MB heap goal) after
// every cycle, so freed pages go back to the kernel and the next
// allocations fault them in again, at several microseconds a fault on a
// paravirtualized VM. A worker process, alone in its heap, allocates one
// buffer at a time and keeps reusing the same pages.
//
// The hash workload, by contrast, allocates nothing per task: each worker
// of a batch reuses one buffer, kept by the workload between batches, so
// its bytes per batch do not grow with size.
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
