package strategies

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// pipelineDepth is how many chunks Process keeps in flight per worker: the
// one running and one queued behind it, like multiprocessing.Pool's task
// queue, so that a worker starts its next chunk as soon as it sends a
// reply instead of idling for a round trip through the parent.
const pipelineDepth = 2

// span is a chunk of tasks: first to first+n-1.
type span struct{ first, n int }

// runPipelined deals the tasks of job, chunk at a time, to the workers,
// keeping up to pipelineDepth chunks in flight on each: one goroutine per
// worker sends chunks while it has fewer in flight and tasks remain, then
// reads the reply to its oldest. On the first error, or when ctx is done,
// every worker is told to stop and every chunk in flight is answered (or
// its worker killed) before runPipelined returns, so that the workers are
// idle and in step for the next Run. A chunk's tasks all count as done
// when its reply arrives.
func runPipelined(ctx context.Context, job Job, workers []*child, spec string, chunk int, timeout time.Duration) (Result, error) {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	fail := firstError{cancel: cancel}
	var next atomic.Int64
	t := newTally(job, len(workers))
	var wg sync.WaitGroup
	for k, c := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := c.watch(inner)
			defer w.stop()
			var queue [pipelineDepth]span
			head, inFlight := 0, 0
			for {
				for inFlight < pipelineDepth && inner.Err() == nil {
					first := int(next.Add(int64(chunk))) - chunk
					if first >= job.Tasks {
						break
					}
					s := span{first, min(chunk, job.Tasks-first)}
					if err := c.sendRun(spec, s.first, s.n); err != nil {
						fail.set(err)
						return
					}
					queue[(head+inFlight)%pipelineDepth] = s
					inFlight++
				}
				if inFlight == 0 {
					return
				}
				s := queue[head]
				head, inFlight = (head+1)%pipelineDepth, inFlight-1
				sum, l, err := w.reply(s.first, s.n, timeout)
				if err != nil {
					if c.dead() {
						// Killed: nothing more to read from it.
						fail.set(err)
						return
					}
					// A task failed or the chunk was cancelled: the
					// worker lives and answers the rest in flight.
					fail.set(err)
					continue
				}
				t.add(k, s.first, s.n, sum, l)
			}
		}()
	}
	wg.Wait()
	return t.result(ctx, &fail)
}
