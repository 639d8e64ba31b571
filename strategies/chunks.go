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
// done or a chunk fails; it is Exec's loop (Process keeps chunks in
// flight with runPipelined). A chunk's tasks all count as done when it
// returns.
func runChunks(ctx context.Context, job Job, workers, chunk int, run runChunkFunc) (Result, error) {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	fail := firstError{cancel: cancel}
	var next atomic.Int64
	t := newTally(job, workers)
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
				t.add(w, first, n, sum, l)
			}
		}()
	}
	wg.Wait()
	return t.result(ctx, &fail)
}

// A tally collects what the chunks of a batch return: worker w's checksum
// in its own padded slot, the lost updates, and each task's completion
// time when the job asks for them. add is safe for concurrent use by
// different workers; result is called once, after every worker is done.
type tally struct {
	job   Job
	start time.Time
	sums  []paddedSum
	lost  atomic.Int64
}

func newTally(job Job, workers int) *tally {
	return &tally{job: job, start: time.Now(), sums: make([]paddedSum, workers)}
}

// add records the chunk of tasks first to first+n-1 that worker w ran: all
// its tasks count as done now.
func (t *tally) add(w, first, n int, sum uint64, lost int64) {
	if t.job.Done != nil {
		d := time.Since(t.start)
		for i := first; i < first+n; i++ {
			t.job.Done[i] = d
		}
	}
	t.sums[w].v += sum
	t.lost.Add(lost)
}

// result is the batch's Result, or ctx's error, or the first chunk error.
func (t *tally) result(ctx context.Context, fail *firstError) (Result, error) {
	if ctx.Err() != nil {
		return Result{}, ctx.Err()
	}
	if fail.err != nil {
		return Result{}, fail.err
	}
	var sum uint64
	for _, s := range t.sums {
		sum += s.v
	}
	return Result{Tasks: t.job.Tasks, Checksum: sum, Lost: t.lost.Load()}, nil
}
