package strategies

import (
	"context"
	"sync"

	"github.com/concbench/concbench/runfile"
	"golang.org/x/sync/semaphore"
)

// Semaphore starts a goroutine per task, like Spawn, but only after
// acquiring one of Workers slots of a golang.org/x/sync/semaphore.Weighted,
// which the task releases when it returns: at most Workers tasks, and their
// stacks, are alive at once. Per task it costs a goroutine start plus an
// uncontended Acquire and Release (a mutex each); when all slots are taken,
// the submitting goroutine parks in Acquire's wait list until a task ends.
//
// Acquire on a full semaphore allocates a waiter (a list element and a
// channel) and parks, and Release wakes it through that channel, so a
// full semaphore costs more per task than errgroup, whose limit is a
// buffered channel (see docs/measurements.md).
//
// Pick it when tasks have different weights (Acquire(ctx, n) takes n
// slots: a big upload can count for several small ones) or when the wait
// for a slot must itself be cancellable: Acquire returns as soon as ctx is
// done. For equal tasks, Errgroup is the same bound with less code.
// The zero value is not usable: Workers must be positive. A Semaphore is
// safe for concurrent use; each Run makes its own semaphore.
type Semaphore struct {
	// Workers is the number of slots, the most tasks that run at once; it
	// must be positive.
	Workers int
}

// Name returns "semaphore".
func (Semaphore) Name() string { return "semaphore" }

// Close does nothing.
func (Semaphore) Close() error { return nil }

// Run acquires a slot for each task, starts the task's goroutine and waits
// for all of them. Once ctx is done or a task fails, the waiting Acquire
// returns and no further task starts.
func (s Semaphore) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("semaphore", job)
	checkWorkers("semaphore", s.Workers)
	r, cancel := newPerTask(ctx, job)
	defer cancel()
	sem := semaphore.NewWeighted(int64(s.Workers))
	var wg sync.WaitGroup
	for i := range job.Tasks {
		if err := sem.Acquire(r.ctx, 1); err != nil {
			break // the batch is cancelled or failed
		}
		wg.Go(func() {
			defer sem.Release(1)
			r.run(i)
		})
	}
	wg.Wait()
	return r.finish(ctx, nil)
}

func semaphoreEntry() entry {
	return entry{"semaphore", runfile.Props{Concurrency: runfile.PerWorker, Rank: 5}, func(o Options) Strategy { return Semaphore{Workers: o.Workers} }}
}
