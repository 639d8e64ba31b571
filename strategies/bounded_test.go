package strategies_test

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// inflight is a workload whose tasks sleep briefly and record the most
// tasks running at once and the most goroutines alive.
type inflight struct {
	now, most, goroutines atomic.Int64
}

func (f *inflight) Spec() workloads.Spec           { return workloads.Spec{Name: "inflight"} }
func (f *inflight) Start(int, int) workloads.Batch { return f }
func (f *inflight) Finish() (int64, error)         { return 0, nil }
func (f *inflight) Do(ctx context.Context, _, i int) (uint64, error) {
	n := f.now.Add(1)
	defer f.now.Add(-1)
	raiseTo(&f.most, n)
	raiseTo(&f.goroutines, int64(runtime.NumGoroutine()))
	time.Sleep(200 * time.Microsecond)
	return uint64(i), nil
}

func raiseTo(m *atomic.Int64, v int64) {
	for old := m.Load(); v > old && !m.CompareAndSwap(old, v); old = m.Load() {
	}
}

// TestBoundedStrategies checks that every in-process strategy that
// declares a concurrency of Workers runs at most Workers tasks at once and
// keeps at most about Workers goroutines alive, on a batch of many more
// tasks: the bound the library strategies exist for.
func TestBoundedStrategies(t *testing.T) {
	const workers, tasks = 4, 400
	base := runtime.NumGoroutine()
	for _, name := range strategies.Names() {
		p, err := strategies.PropsOf(name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Concurrency != runfile.PerWorker || p.Processes {
			continue
		}
		t.Run(name, func(t *testing.T) {
			s := newStrategy(t, name, strategies.Options{Workers: workers})
			var f inflight
			if _, err := s.Run(context.Background(), strategies.Job{Workload: &f, Tasks: tasks}); err != nil {
				t.Fatal(err)
			}
			if most := f.most.Load(); most > workers || most < 1 {
				t.Errorf("%d tasks ran at once, want 1 to %d", most, workers)
			}
			// The workers, a housekeeping goroutine or two of the
			// library, a goroutine of the test framework, and slack
			// for goroutines of earlier tests still exiting: far
			// below the 400 a goroutine per task would give.
			if g := f.goroutines.Load() - int64(base); g > workers+10 {
				t.Errorf("%d goroutines more than before the run, want at most %d", g, workers+10)
			}
		})
	}
}

func TestLibraryStrategiesRefuseNoWorkers(t *testing.T) {
	w := workloads.Workload(&inflight{})
	for _, s := range []strategies.Strategy{strategies.Errgroup{}, strategies.Semaphore{}, strategies.Ants{}, strategies.Pond{}, strategies.Conc{}} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if want := "strategies: " + s.Name() + ": Workers is 0"; len(msg) < len(want) || msg[:len(want)] != want {
					t.Errorf("%s with no Workers: panic %q, want one starting %q", s.Name(), msg, want)
				}
			}()
			s.Run(context.Background(), strategies.Job{Workload: w, Tasks: 1})
		}()
	}
}
