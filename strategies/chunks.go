package strategies

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// A runChunkFunc runs tasks first to first+n-1 on worker w and returns
// their checksum and lost updates.
type runChunkFunc func(ctx context.Context, w, first, n int) (sum uint64, lost int64, err error)

// runChunks deals the tasks of job, chunk at a time, to workers goroutines
// that each call run for their own worker until the tasks run out, ctx is
// done or a chunk fails; it is the loop of the strategies that run tasks
// in other processes. A chunk's tasks all count as done when it returns.
func runChunks(ctx context.Context, job Job, workers, chunk int, run runChunkFunc) (Result, error) {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	fail := firstError{cancel: cancel}
	var next, lost atomic.Int64
	sums := make([]paddedSum, workers)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for inner.Err() == nil {
				first := int(next.Add(int64(chunk))) - chunk
				if first >= job.Tasks {
					return
				}
				n := min(chunk, job.Tasks-first)
				sum, l, err := run(inner, w, first, n)
				if err != nil {
					fail.set(err)
					return
				}
				if job.Done != nil {
					d := time.Since(start)
					for i := first; i < first+n; i++ {
						job.Done[i] = d
					}
				}
				sums[w].v += sum
				lost.Add(l)
			}
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return Result{}, ctx.Err()
	}
	if fail.err != nil {
		return Result{}, fail.err
	}
	var sum uint64
	for _, s := range sums {
		sum += s.v
	}
	return Result{Tasks: job.Tasks, Checksum: sum, Lost: lost.Load()}, nil
}
