package strategies

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/panjf2000/ants/v2"
)

// antsRelease bounds the wait, once every task has returned, for an ants
// pool's workers and housekeeping goroutines to exit.
const antsRelease = 10 * time.Second

// Ants runs the batch on a github.com/panjf2000/ants/v2 pool of capacity
// Workers, with ants' defaults: Submit blocks while every worker is busy,
// an idle worker waits on a condition variable for the next task instead
// of exiting, and workers are kept on a stack and reused, so at most
// Workers goroutines (and stacks) exist however many tasks are submitted.
// Per task it costs the task's closure, a lock on the pool and a channel
// send to a worker; per batch, the pool's creation (two housekeeping
// goroutines) and its release.
//
// Importing ants starts its default pool (ants.Submit's), whose two
// housekeeping goroutines wake every 500 ms and every second for the life
// of the process, whether or not it is used: any binary that links this
// package has them, and goroutine-leak checks must ignore them.
//
// ants' README says a pool "may achieve higher performance than unlimited
// goroutines"; the Flood benchmarks of package bench test that claim.
// Pick it for long-running services that submit many short tasks from
// many places and want one process-wide bound, tunable at run time
// (Pool.Tune). Each Run creates a pool and releases it with ReleaseTimeout
// before returning, so no worker outlives Run. The zero value is not
// usable: Workers must be positive. An Ants is safe for concurrent use.
type Ants struct {
	// Workers is the pool's capacity; it must be positive.
	Workers int
}

// Name returns "ants".
func (Ants) Name() string { return "ants" }

// Close does nothing: each Run releases its pool.
func (Ants) Close() error { return nil }

// Run submits each task to a new pool, waits for them, and releases the
// pool. Once ctx is done or a task fails, no further task is submitted and
// those queued return at once.
func (a Ants) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("ants", job)
	checkWorkers("ants", a.Workers)
	p, err := ants.NewPool(a.Workers)
	if err != nil {
		return Result{}, fmt.Errorf("strategies: ants: creating a pool of %d: %w", a.Workers, err)
	}
	r, cancel := newPerTask(ctx, job)
	defer cancel()
	var wg sync.WaitGroup
	var submitErr error
	for i := range job.Tasks {
		if r.stopped() {
			break
		}
		wg.Add(1)
		if err := p.Submit(func() {
			defer wg.Done()
			r.run(i)
		}); err != nil {
			wg.Done()
			submitErr = fmt.Errorf("strategies: ants: submitting task %d: %w", i, err)
			cancel()
			break
		}
	}
	wg.Wait()
	if err := p.ReleaseTimeout(antsRelease); err != nil && submitErr == nil {
		submitErr = fmt.Errorf("strategies: ants: releasing the pool: %w", err)
	}
	return r.finish(ctx, submitErr)
}

func antsEntry() entry {
	return entry{"ants", runfile.Props{Concurrency: runfile.PerWorker, Rank: 7}, func(o Options) Strategy { return Ants{Workers: o.Workers} }}
}
