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

// A probeResult is what the untimed probe batch measured.
type probeResult struct {
	// Goroutines is the most goroutines alive at once.
	Goroutines int
	// Mem is the most memory in use above the start of the batch.
	Mem memPeak
}

// Sampling periods of the probe: the poller reads the goroutine count and
// the runtime's memory metrics every pollEvery, VmRSS (where the kernel's
// high-water mark cannot be reset) every rssEvery polls, and tasks read
// the memory metrics every taskSampleEvery task starts, which catches the
// peak of a flood of runnable goroutines that delays the poller.
const (
	pollEvery       = 50 * time.Microsecond
	rssEvery        = 20
	taskSampleEvery = 256
)

// probe runs one untimed batch of tasks tasks of w with s and returns the
// peak number of goroutines and the peak memory seen while it ran. It
// doubles as the warm-up: process workers start here, not in the timed
// loop. The goroutine peak is the larger of what every task sees when it
// starts (for in-process strategies) and what a poller sees every 50 µs
// (for any strategy), less the poller itself. Memory is this process's
// only (not a worker process's): see memWatch.
func probe(ctx context.Context, s strategies.Strategy, w workloads.Workload, tasks int, want uint64) (probeResult, error) {
	mem := startMemWatch()
	pw := peakWorkload{Workload: w, p: &peaks{mem: mem}}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(pollEvery)
		defer t.Stop()
		for n := 0; ; n++ {
			raise(&pw.p.goroutines, int64(runtime.NumGoroutine()-1))
			mem.sample(n%rssEvery == 0)
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	r, err := s.Run(ctx, strategies.Job{Workload: pw, Tasks: tasks})
	close(stop)
	wg.Wait()
	if err != nil {
		return probeResult{}, err
	}
	if r.Checksum != want {
		return probeResult{}, fmt.Errorf("checksum mismatch: %s gave %#x, sequential gave %#x", s.Name(), r.Checksum, want)
	}
	m, err := mem.end()
	if err != nil {
		return probeResult{}, err
	}
	return probeResult{Goroutines: int(pw.p.goroutines.Load()), Mem: m}, nil
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

// peaks are the maxima a probe batch's tasks and poller raise.
type peaks struct {
	goroutines atomic.Int64
	started    atomic.Int64 // tasks started, for sampling every taskSampleEvery
	mem        *memWatch
}

// peakWorkload wraps a workload so that each task records the goroutine
// count when it starts, and every taskSampleEvery-th task the memory. Its
// Spec is the wrapped workload's, so worker processes rebuild the plain
// workload.
type peakWorkload struct {
	workloads.Workload
	p *peaks
}

func (p peakWorkload) Start(tasks, workers int) workloads.Batch {
	return peakBatch{p.Workload.Start(tasks, workers), p.p}
}

type peakBatch struct {
	workloads.Batch
	p *peaks
}

func (p peakBatch) Do(ctx context.Context, worker, i int) (uint64, error) {
	// The poller is running too: do not count it.
	raise(&p.p.goroutines, int64(runtime.NumGoroutine()-1))
	if p.p.started.Add(1)%taskSampleEvery == 0 {
		p.p.mem.sample(false)
	}
	return p.Batch.Do(ctx, worker, i)
}

// Release releases the wrapped batch if it holds resources
// (workloads.Releaser), as the strategy releases this wrapper.
func (p peakBatch) Release() { workloads.Release(p.Batch) }
