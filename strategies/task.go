package strategies

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/concbench/concbench/workloads"
)

// do runs task i of b, turning an error or a panic into a *TaskError.
func do(ctx context.Context, b workloads.Batch, worker, i int) (v uint64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &TaskError{Task: i, Err: panicError(r), Stack: debug.Stack()}
		}
	}()
	v, err = b.Do(ctx, worker, i)
	if err != nil {
		err = &TaskError{Task: i, Err: err}
	}
	return v, err
}

func panicError(r any) error {
	if err, ok := r.(error); ok {
		return err
	}
	return fmt.Errorf("%v", r)
}

// firstError keeps the first error of a batch and cancels the batch.
type firstError struct {
	once   sync.Once
	err    error
	cancel context.CancelFunc
}

func (f *firstError) set(err error) {
	f.once.Do(func() {
		f.err = err
		f.cancel()
	})
}

// finish turns the end of a batch into Run's return values: ctx.Err() if
// the caller cancelled, else the first error, else the workload's check.
// It is called once every task has returned, and releases the batch
// (workloads.Release) whatever the outcome.
func finish(ctx context.Context, b workloads.Batch, tasks int, sum uint64, err error) (Result, error) {
	defer workloads.Release(b)
	if ctx.Err() != nil {
		return Result{}, ctx.Err()
	}
	if err != nil {
		return Result{}, err
	}
	lost, err := b.Finish()
	if err != nil {
		return Result{}, err
	}
	return Result{Tasks: tasks, Checksum: sum, Lost: lost}, nil
}
