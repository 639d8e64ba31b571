package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// probe runs one untimed batch of tasks tasks of w with s and returns the
// peak number of goroutines seen while it ran. It doubles as the warm-up:
// process workers start here, not in the timed loop. The peak is the larger
// of what every task sees when it starts (for in-process strategies) and
// what a poller sees every 50 µs (for any strategy), less the poller itself.
func probe(ctx context.Context, s strategies.Strategy, w workloads.Workload, tasks int, want uint64) (int, error) {
	var peak atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(50 * time.Microsecond)
		defer t.Stop()
		for {
			raise(&peak, int64(runtime.NumGoroutine()-1))
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	r, err := s.Run(ctx, strategies.Job{Workload: peakWorkload{w, &peak}, Tasks: tasks})
	close(stop)
	wg.Wait()
	if err != nil {
		return 0, err
	}
	if r.Checksum != want {
		return 0, fmt.Errorf("checksum mismatch: %s gave %#x, sequential gave %#x", s.Name(), r.Checksum, want)
	}
	return int(peak.Load()), nil
}

// raise sets *m to v if v is larger.
func raise(m *atomic.Int64, v int64) {
	for {
		old := m.Load()
		if v <= old || m.CompareAndSwap(old, v) {
			return
		}
	}
}

// peakWorkload wraps a workload so that each task records the goroutine
// count when it starts. Its Spec is the wrapped workload's, so worker
// processes rebuild the plain workload.
type peakWorkload struct {
	workloads.Workload
	peak *atomic.Int64
}

func (p peakWorkload) Start(tasks, workers int) workloads.Batch {
	return peakBatch{p.Workload.Start(tasks, workers), p.peak}
}

type peakBatch struct {
	workloads.Batch
	peak *atomic.Int64
}

func (p peakBatch) Do(ctx context.Context, worker, i int) (uint64, error) {
	// The poller is running too: do not count it.
	raise(p.peak, int64(runtime.NumGoroutine()-1))
	return p.Batch.Do(ctx, worker, i)
}
