package strategies

import (
	"context"
	"sync"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/workloads"
)

// Spawn starts one goroutine per task, like a threading.Thread per job.
// A goroutine's start and its stack cost far less than a thread's, so
// Spawn suits I/O-bound tasks, where thousands may wait at once, and
// coarse CPU-bound tasks; for tiny tasks the start costs more than the
// work (see docs/measurements.md). Its concurrency is unbounded: all
// tasks may run at once.
// The zero value is ready to use and safe for concurrent use.
type Spawn struct{}

// Name returns "spawn".
func (Spawn) Name() string { return "spawn" }

// Close does nothing.
func (Spawn) Close() error { return nil }

// Run starts a goroutine for each task and waits for all of them. Once ctx
// is done or a task fails, tasks not yet started return at once.
func (Spawn) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("spawn", job)
	return spawnAll(ctx, job)
}

// spawnAll runs every task of job on its own goroutine; task i is worker i.
func spawnAll(ctx context.Context, job Job) (Result, error) {
	r, cancel := newPerTask(ctx, job)
	defer cancel()
	s := &spawnRun{perTask: r}
	for i := range job.Tasks {
		if r.stopped() {
			break
		}
		s.wg.Add(1)
		// A method call with an argument, rather than a closure, spares
		// a heap allocation per task.
		go s.task(i)
	}
	s.wg.Wait()
	return r.finish(ctx, nil)
}

// spawnRun is a perTask batch with the WaitGroup of spawnAll's goroutines.
type spawnRun struct {
	*perTask
	wg sync.WaitGroup
}

func (s *spawnRun) task(i int) {
	defer s.wg.Done()
	s.run(i)
}

// foldDone records task i's completion time if the job asks for it and
// returns its checksum term.
func foldDone(job Job, start time.Time, i int, v uint64) uint64 {
	if job.Done != nil {
		job.Done[i] = time.Since(start)
	}
	return workloads.Fold(i, v)
}

func spawnEntry() entry {
	return entry{"spawn", runfile.Props{Concurrency: runfile.PerTask, Rank: 2}, func(Options) Strategy { return Spawn{} }}
}
