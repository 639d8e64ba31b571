package workloads

import "context"

// A Workload describes a batch of independent, deterministic tasks.
// A Workload is immutable and safe for concurrent use. One that holds
// resources across batches (a shared HTTP client, a scratch folder) also
// implements io.Closer; whoever built it closes it after its last batch.
type Workload interface {
	// Spec returns the canonical Spec of the workload: New(w.Spec())
	// builds an equal workload.
	Spec() Spec

	// Start prepares a batch in which tasks tasks will be run by at most
	// workers concurrent workers, numbered 0 to workers-1. It allocates
	// the batch's shared state (the counter workload's counter); it starts
	// no goroutine, so a batch that is abandoned leaks nothing.
	Start(tasks, workers int) Batch
}

// A Batch is one run of a workload's tasks.
type Batch interface {
	// Do runs task i on worker worker and returns the task's value.
	// Do may be called concurrently for different tasks; two calls with
	// the same worker must not overlap. A task that waits (sleep, fetch,
	// crash) returns early when ctx is done, with ctx.Err() or an error
	// that wraps it; others run to completion.
	Do(ctx context.Context, worker, i int) (uint64, error)

	// Finish checks the batch's shared state once every task has run and
	// returns the number of updates lost to data races, which is zero for
	// every workload but counter/sync=none. It fails if a synchronized
	// counter did not end exactly at tasks × incs.
	Finish() (lost int64, err error)
}

// Fold mixes task i's value v into the term it adds to a batch checksum.
// The batch checksum is the sum of Fold(i, v) over all tasks, modulo 2⁶⁴:
// partial sums over disjoint sets of tasks add up to the batch's.
func Fold(i int, v uint64) uint64 {
	return mix64(uint64(i)*0x9e3779b97f4a7c15 ^ v)
}

// mix64 is the splitmix64 finalizer: a cheap bijection that spreads every
// input bit over the output.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// statelessBatch adapts a task function to a Batch with no shared state.
type statelessBatch func(ctx context.Context, i int) (uint64, error)

func (f statelessBatch) Do(ctx context.Context, _, i int) (uint64, error) { return f(ctx, i) }
func (statelessBatch) Finish() (int64, error)                             { return 0, nil }
