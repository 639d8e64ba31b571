package strategies

import (
	"context"
	"fmt"
	"time"

	"github.com/concbench/concbench/workloads"
)

// perTask is the state shared by the tasks of one batch run by Spawn or a
// library strategy (errgroup, semaphore, ants, pond, conc). The libraries
// do not say which of their goroutines runs a task, so, as in Spawn, task i
// runs as worker i of a batch started for as many workers as tasks, and
// stores its checksum term in vals[i]: no two tasks share a worker's
// state, and no lock or atomic is added per task.
type perTask struct {
	ctx   context.Context // cancelled on the first error or by the caller
	job   Job
	batch workloads.Batch
	fail  firstError
	vals  []uint64
	start time.Time
}

// newPerTask starts a batch of job under a context derived from ctx; the
// returned cancel must be called when the batch ends.
func newPerTask(ctx context.Context, job Job) (*perTask, context.CancelFunc) {
	inner, cancel := context.WithCancel(ctx)
	return &perTask{
		ctx:   inner,
		job:   job,
		batch: job.Workload.Start(job.Tasks, job.Tasks),
		fail:  firstError{cancel: cancel},
		vals:  make([]uint64, job.Tasks),
		start: time.Now(),
	}, cancel
}

// run runs task i unless the batch is cancelled. A failure (error or
// panic, as a *TaskError) is kept if it is the first and cancels the
// batch; run returns it too, for libraries that collect errors.
func (r *perTask) run(i int) error {
	if r.ctx.Err() != nil {
		return nil
	}
	v, err := do(r.ctx, r.batch, i, i)
	if err != nil {
		r.fail.set(err)
		return err
	}
	r.vals[i] = foldDone(r.job, r.start, i, v)
	return nil
}

// stopped reports whether the batch should start no more tasks.
func (r *perTask) stopped() bool { return r.ctx.Err() != nil }

// finish returns Run's results once every task has returned. extra is an
// error the library reported itself (nil if none); the batch's own first
// error takes precedence, since the library may report a later one.
func (r *perTask) finish(ctx context.Context, extra error) (Result, error) {
	err := r.fail.err
	if err == nil && extra != nil {
		err = extra
	}
	var sum uint64
	for _, v := range r.vals {
		sum += v
	}
	return finish(ctx, r.batch, r.job.Tasks, sum, err)
}

// checkWorkers panics on caller misuse: a library strategy with no
// positive Workers.
func checkWorkers(name string, workers int) {
	if workers <= 0 {
		panic(fmt.Sprintf("strategies: %s: Workers is %d, must be positive", name, workers))
	}
}
