package strategies

import (
	"context"
	"time"

	"github.com/concbench/concbench/runfile"
)

// Sequential runs the tasks one after another on the calling goroutine: a
// plain loop, the baseline every speedup is measured against. It costs
// nothing per task beyond the call and never overlaps two tasks, so it is
// the right choice when tasks are tiny or must not run concurrently.
// The zero value is ready to use and safe for concurrent use.
type Sequential struct{}

// Name returns "sequential".
func (Sequential) Name() string { return "sequential" }

// Close does nothing.
func (Sequential) Close() error { return nil }

// Run runs the tasks in index order; cancellation takes effect between
// tasks and inside a waiting task.
func (Sequential) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("sequential", job)
	b := job.Workload.Start(job.Tasks, 1)
	start := time.Now()
	var sum uint64
	for i := range job.Tasks {
		if ctx.Err() != nil {
			break
		}
		v, err := do(ctx, b, 0, i)
		if err != nil {
			return finish(ctx, b, job.Tasks, 0, err)
		}
		sum += foldDone(job, start, i, v)
	}
	return finish(ctx, b, job.Tasks, sum, nil)
}

func sequentialEntry() entry {
	return entry{"sequential", runfile.Props{Concurrency: runfile.One, OneCore: true, Rank: 1}, func(Options) Strategy { return Sequential{} }}
}
