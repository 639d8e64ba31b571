package strategies

import (
	"context"
	"fmt"

	"github.com/alitto/pond/v2"
	"github.com/concbench/concbench/runfile"
)

// Pond runs the batch on a github.com/alitto/pond/v2 pool of maximum
// concurrency Workers, with pond's defaults: an unbounded task queue, so
// submitting never blocks, and workers that start on demand and exit when
// the queue is empty. At most Workers goroutines run tasks; the tasks
// waiting for one are queued as closures (tens of bytes each, not a
// stack). Per task it costs the closure, a mutex-guarded queue push and
// pop; when the queue is not empty a worker takes the next task without
// parking.
//
// Pick it when the producer must never block (it enqueues and moves on)
// or when results, task groups and pool metrics are wanted from the
// library; the queue makes memory grow with the backlog instead. Each Run
// creates a pool and stops it with StopAndWait before returning, so no
// worker outlives Run. The zero value is not usable: Workers must be
// positive. A Pond is safe for concurrent use.
type Pond struct {
	// Workers is the pool's maximum concurrency; it must be positive.
	Workers int
}

// Name returns "pond".
func (Pond) Name() string { return "pond" }

// Close does nothing: each Run stops its pool.
func (Pond) Close() error { return nil }

// Run queues every task on a new pool and waits for the pool to drain.
// Once ctx is done or a task fails, no further task is queued and those
// queued return at once.
func (p Pond) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("pond", job)
	checkWorkers("pond", p.Workers)
	pl := pond.NewPool(p.Workers)
	r, cancel := newPerTask(ctx, job)
	defer cancel()
	var submitErr error
	for i := range job.Tasks {
		if r.stopped() {
			break
		}
		if err := pl.Go(func() { r.run(i) }); err != nil {
			submitErr = fmt.Errorf("strategies: pond: submitting task %d: %w", i, err)
			cancel()
			break
		}
	}
	pl.StopAndWait()
	return r.finish(ctx, submitErr)
}

func pondEntry() entry {
	return entry{"pond", runfile.Props{Concurrency: runfile.PerWorker, Rank: 8, Backlog: true}, func(o Options) Strategy { return Pond{Workers: o.Workers} }}
}
