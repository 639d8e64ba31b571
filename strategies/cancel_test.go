package strategies_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// cancelling wraps an in-process workload so that task k cancels the
// batch once it has run: a cancellation at an exact point of the batch.
type cancelling struct {
	workloads.Workload
	k      int
	cancel func()
}

func (c cancelling) Start(tasks, workers int) workloads.Batch {
	return cancellingBatch{c.Workload.Start(tasks, workers), c}
}

type cancellingBatch struct {
	workloads.Batch
	c cancelling
}

func (b cancellingBatch) Do(ctx context.Context, worker, i int) (uint64, error) {
	v, err := b.Batch.Do(ctx, worker, i)
	if i == b.c.k {
		b.c.cancel()
	}
	return v, err
}

// TestCancelAtRandomPoints cancels batches of every strategy at random
// points, from before the start to after the end: at a random delay
// (log-uniform from 1 µs to a bound), or for in-process strategies from
// inside a random task. Every run must return context.Canceled itself
// soon after the cancel, or, if it finished first, sequential's result;
// GOMAXPROCS must be restored, and no goroutine or child process may
// remain. The trials are drawn from a fixed seed: a failure names the
// trial, which reruns the same way (timings aside).
func TestCancelAtRandomPoints(t *testing.T) {
	// The goroutines alive now (ants' default pool among them) are not
	// this test's.
	before := goleak.IgnoreCurrent()
	procs := runtime.GOMAXPROCS(0)
	texts := []string{"noop", "sleep/d=500us", "hash/size=1KiB/rounds=4", "counter/incs=100/sync=mutex", "counter/incs=100/sync=sharded"}
	for _, name := range strategies.Names() {
		t.Run(name, func(t *testing.T) {
			trials, maxTasks, maxDelay, bound := 150, 100, 30*time.Millisecond, 2*time.Second
			switch name {
			case "process":
				// A hung worker is given cancelGrace (2 s) to answer.
				trials, bound = 80, faultBound
			case "exec":
				// A process per task: few tasks, later cancels.
				trials, maxTasks, maxDelay, bound = 20, 8, 300*time.Millisecond, faultBound
			}
			if testing.Short() {
				trials = max(trials/5, 3)
			}
			remote := name == "process" || name == "exec"
			rng := rand.New(rand.NewPCG(20240917, uint64(len(name))))
			s, err := strategies.New(name, strategies.Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
				assertNoChildren(t)
			}()
			canceled := 0
			for trial := range trials {
				text := texts[rng.IntN(len(texts))]
				tasks := rng.IntN(maxTasks + 1)
				inTask := !remote && rng.IntN(3) == 0
				k := rng.IntN(tasks + 1) // k == tasks: no task cancels
				lo, hi := math.Log(float64(time.Microsecond)), math.Log(float64(maxDelay))
				delay := time.Duration(math.Exp(lo + rng.Float64()*(hi-lo)))

				w := mustParse(t, text)
				ctx, cancel := context.WithCancel(context.Background())
				var cancelledAt atomic.Int64
				doCancel := func() {
					cancelledAt.CompareAndSwap(0, time.Now().UnixNano())
					cancel()
				}
				desc := fmt.Sprintf("trial %d: %d tasks of %s, cancelled after %v", trial, tasks, text, delay)
				timer := time.AfterFunc(delay, doCancel)
				if inTask {
					timer.Stop()
					w = cancelling{Workload: w, k: k, cancel: doCancel}
					desc = fmt.Sprintf("trial %d: %d tasks of %s, cancelled by task %d", trial, tasks, text, k)
				}
				got, err := s.Run(ctx, strategies.Job{Workload: w, Tasks: tasks})
				end := time.Now()
				timer.Stop()
				cancel()
				switch {
				case err == context.Canceled:
					canceled++
					at := cancelledAt.Load()
					if at == 0 {
						t.Errorf("%s: context.Canceled before any cancel", desc)
					} else if took := end.Sub(time.Unix(0, at)); took > bound {
						t.Errorf("%s: returned %v after the cancel", desc, took)
					}
				case err != nil:
					t.Errorf("%s: err = %v, want context.Canceled or the result", desc, err)
				default:
					want, err := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: mustParse(t, text), Tasks: tasks})
					if err != nil || got != want {
						t.Errorf("%s: result %+v, sequential's %+v, %v", desc, got, want, err)
					}
				}
				if p := runtime.GOMAXPROCS(0); p != procs {
					t.Fatalf("%s: GOMAXPROCS is %d after the run, was %d", desc, p, procs)
				}
				assertOnlyWorkers(t, s)
				if t.Failed() {
					return
				}
			}
			t.Logf("%d of %d trials cancelled", canceled, trials)
		})
	}
	goleak.VerifyNone(t, before)
}
