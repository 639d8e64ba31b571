package strategies

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/concbench/concbench/runfile"
)

// Pool runs the tasks on Workers long-lived goroutines fed by a channel,
// like ThreadPoolExecutor(max_workers=W) or a Queue with W consumers. It
// bounds concurrency (and with it memory and pressure on whatever the tasks
// call) at the cost of one channel handoff per task, cheaper than a
// goroutine start (see docs/measurements.md). For CPU-bound work, Workers
// = GOMAXPROCS is enough; for I/O-bound work, more workers overlap more
// waits.
// A Pool is safe for concurrent use; each Run starts its own workers.
type Pool struct {
	// Workers is the number of worker goroutines; it must be positive.
	Workers int
}

// Name returns "pool".
func (Pool) Name() string { return "pool" }

// Close does nothing.
func (Pool) Close() error { return nil }

// Run feeds task indices to the workers and waits for them to drain. Once
// ctx is done or a task fails, the feeding stops and queued tasks are
// skipped.
func (p Pool) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("pool", job)
	if p.Workers <= 0 {
		panic(fmt.Sprintf("strategies: pool: Workers is %d, must be positive", p.Workers))
	}
	workers := min(p.Workers, max(job.Tasks, 1))
	b := job.Workload.Start(job.Tasks, workers)
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	fail := firstError{cancel: cancel}
	queue := make(chan int, workers)
	sums := make([]paddedSum, workers)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sum uint64
			for i := range queue {
				if inner.Err() != nil {
					continue
				}
				v, err := do(inner, b, w, i)
				if err != nil {
					fail.set(err)
					continue
				}
				sum += foldDone(job, start, i, v)
			}
			sums[w].v = sum
		}()
	}
	// A plain send, not a select on inner.Done(), keeps the handoff as
	// cheap as a bare channel's; the workers never stop receiving, so the
	// send cannot block for longer than a task.
	for i := range job.Tasks {
		if inner.Err() != nil {
			break
		}
		queue <- i
	}
	close(queue)
	wg.Wait()
	var sum uint64
	for _, s := range sums {
		sum += s.v
	}
	return finish(ctx, b, job.Tasks, sum, fail.err)
}

// paddedSum is one worker's partial checksum, alone on its cache line.
type paddedSum struct {
	v uint64
	_ [56]byte
}

func poolEntry() entry {
	return entry{"pool", runfile.Props{Concurrency: runfile.PerWorker, Rank: 3}, func(o Options) Strategy { return Pool{Workers: o.Workers} }}
}
