package strategies

import (
	"context"

	"github.com/concbench/concbench/runfile"
	"github.com/sourcegraph/conc/pool"
)

// Conc runs the batch on a github.com/sourcegraph/conc/pool ContextPool:
// pool.New().WithMaxGoroutines(Workers).WithContext(ctx), cancelled on the
// first error. Workers are started on demand up to Workers and fed through
// an unbuffered channel, so Go blocks while every worker is busy and at
// most Workers goroutines (and stacks) exist. Per task it costs the
// closure and a channel handoff, like Pool; conc adds a panic catcher per
// task that Wait would re-raise in the caller (the adapter turns a panic
// into a *TaskError before conc sees it).
//
// Pick it when a bounded pool with structured cleanup is wanted without
// writing one: Wait always joins every goroutine, and panics are never
// lost. Each Run makes its own pool and waits for it, so no worker outlives
// Run. The zero value is not usable: Workers must be positive. A Conc is
// safe for concurrent use.
type Conc struct {
	// Workers is the most goroutines the pool starts; it must be positive.
	Workers int
}

// Name returns "conc".
func (Conc) Name() string { return "conc" }

// Close does nothing.
func (Conc) Close() error { return nil }

// Run submits each task with Go, which blocks while Workers tasks run, then
// Waits. Once ctx is done or a task fails, no further task is submitted.
func (c Conc) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("conc", job)
	checkWorkers("conc", c.Workers)
	r, cancel := newPerTask(ctx, job)
	defer cancel()
	p := pool.New().WithMaxGoroutines(c.Workers).WithContext(r.ctx).WithCancelOnError().WithFirstError()
	for i := range job.Tasks {
		if r.stopped() {
			break
		}
		p.Go(func(context.Context) error { return r.run(i) })
	}
	return r.finish(ctx, p.Wait())
}

func concEntry() entry {
	return entry{"conc", runfile.Props{Concurrency: runfile.PerWorker, Rank: 6}, func(o Options) Strategy { return Conc{Workers: o.Workers} }}
}
