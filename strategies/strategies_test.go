package strategies_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// testWorkloads covers every workload and every counter variant in this
// binary.
func testWorkloads() []string {
	ws := []string{"noop", "sleep/d=1ms", "hash/size=1KiB/rounds=3"}
	for _, s := range workloads.SyncNames() {
		ws = append(ws, "counter/incs=200/sync="+s)
	}
	return ws
}

func TestChecksumsMatchSequential(t *testing.T) {
	const tasks = 48
	for _, text := range testWorkloads() {
		w := mustParse(t, text)
		want, err := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: tasks})
		if err != nil {
			t.Fatalf("sequential on %s: %v", text, err)
		}
		if want.Tasks != tasks || want.Lost != 0 {
			t.Fatalf("sequential on %s: %+v", text, want)
		}
		for _, name := range strategies.Names() {
			t.Run(text+"/"+name, func(t *testing.T) {
				s := newStrategy(t, name, strategies.Options{Workers: 3})
				done := make([]time.Duration, tasks)
				got, err := s.Run(context.Background(), strategies.Job{Workload: w, Tasks: tasks, Done: done})
				if err != nil {
					t.Fatal(err)
				}
				if got.Checksum != want.Checksum || got.Tasks != tasks {
					t.Errorf("checksum %#x over %d tasks, sequential's is %#x over %d", got.Checksum, got.Tasks, want.Checksum, tasks)
				}
				if strings.HasSuffix(text, "sync=none") {
					if got.Lost < 0 {
						t.Errorf("lost %d updates, a negative count", got.Lost)
					}
				} else if got.Lost != 0 {
					t.Errorf("lost %d updates on a synchronized workload", got.Lost)
				}
				for i, d := range done {
					if d <= 0 {
						t.Fatalf("Done[%d] = %v, want the task's completion time", i, d)
					}
				}
			})
		}
	}
}

func TestEmptyBatch(t *testing.T) {
	for _, name := range strategies.Names() {
		s := newStrategy(t, name, strategies.Options{})
		got, err := s.Run(context.Background(), strategies.Job{Workload: mustParse(t, "noop"), Tasks: 0})
		if err != nil || got.Checksum != 0 || got.Tasks != 0 {
			t.Errorf("%s on no task: %+v, %v", name, got, err)
		}
	}
}

func TestCancel(t *testing.T) {
	w := mustParse(t, "sleep/d=200ms")
	for _, name := range strategies.Names() {
		t.Run(name, func(t *testing.T) {
			s := newStrategy(t, name, strategies.Options{Workers: 2})
			// Warm the persistent workers up so that their start is not
			// counted against the cancellation.
			if _, err := s.Run(context.Background(), strategies.Job{Workload: w, Tasks: 1}); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(30*time.Millisecond, cancel)
			start := time.Now()
			_, err := s.Run(ctx, strategies.Job{Workload: w, Tasks: 200})
			took := time.Since(start)
			if !errors.Is(err, context.Canceled) || err != context.Canceled {
				t.Fatalf("err = %v, want context.Canceled itself", err)
			}
			// The batch takes 200 ms even with a goroutine per task, and
			// 20 s on 2 workers; a prompt stop takes the 30 ms wait and
			// less than one task.
			if took > 150*time.Millisecond {
				t.Errorf("cancelled run took %v", took)
			}
		})
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, name := range strategies.Names() {
		s := newStrategy(t, name, strategies.Options{})
		if _, err := s.Run(ctx, strategies.Job{Workload: mustParse(t, "noop"), Tasks: 10}); err != context.Canceled {
			t.Errorf("%s: err = %v, want context.Canceled", name, err)
		}
	}
}

func TestTaskError(t *testing.T) {
	for _, name := range strategies.Names() {
		t.Run(name, func(t *testing.T) {
			s := newStrategy(t, name, strategies.Options{Workers: 2})
			_, err := s.Run(context.Background(), strategies.Job{Workload: fault{at: 5, how: "error"}, Tasks: 40})
			var te *strategies.TaskError
			if !errors.As(err, &te) {
				t.Fatalf("err = %v, want a *TaskError", err)
			}
			if te.Task != 5 || te.Err.Error() != "boom" || te.Stack != nil {
				t.Errorf("TaskError = %+v, want task 5, boom, no stack", te)
			}
			if remote := name == "process" || name == "exec"; remote != strings.HasPrefix(te.Worker, "worker pid ") {
				t.Errorf("Worker = %q", te.Worker)
			}
		})
	}
}

func TestTaskPanic(t *testing.T) {
	for _, name := range strategies.Names() {
		t.Run(name, func(t *testing.T) {
			s := newStrategy(t, name, strategies.Options{Workers: 2})
			_, err := s.Run(context.Background(), strategies.Job{Workload: fault{at: 7, how: "panic"}, Tasks: 40})
			var te *strategies.TaskError
			if !errors.As(err, &te) {
				t.Fatalf("err = %v, want a *TaskError", err)
			}
			if te.Task != 7 || te.Err.Error() != "kaboom" || !strings.Contains(string(te.Stack), "strategies_test.fault.Do") {
				t.Errorf("TaskError = task %d, %v, stack:\n%s", te.Task, te.Err, te.Stack)
			}
			if !strings.Contains(err.Error(), "task 7 panicked") {
				t.Errorf("message %q does not say which task panicked", err)
			}
		})
	}
}

func TestErrorCancelsTheRest(t *testing.T) {
	// Task 0 fails at once; the other 999 tasks of 1 ms each would take a
	// second even in parallel pairs, so a prompt return shows they were
	// cancelled.
	for _, name := range strategies.Names() {
		if name == "exec" {
			continue // starting the processes already in flight dominates
		}
		t.Run(name, func(t *testing.T) {
			s := newStrategy(t, name, strategies.Options{Workers: 2})
			start := time.Now()
			_, err := s.Run(context.Background(), strategies.Job{Workload: fault{at: 0, how: "error"}, Tasks: 1000})
			if err == nil {
				t.Fatal("no error")
			}
			if took := time.Since(start); took > 400*time.Millisecond {
				t.Errorf("took %v: the rest of the batch was not cancelled", took)
			}
		})
	}
}

func TestGILRestoresGOMAXPROCS(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	var seen int
	w := probe(func() { seen = runtime.GOMAXPROCS(0) })
	if _, err := (strategies.GIL{}).Run(context.Background(), strategies.Job{Workload: w, Tasks: 1}); err != nil {
		t.Fatal(err)
	}
	if seen != 1 {
		t.Errorf("GOMAXPROCS during the run = %d, want 1", seen)
	}
	if _, err := (strategies.GIL{}).Run(context.Background(), strategies.Job{Workload: fault{at: 0, how: "panic"}, Tasks: 3}); err == nil {
		t.Error("panicking run returned no error")
	}
	if after := runtime.GOMAXPROCS(0); after != before {
		t.Errorf("GOMAXPROCS after = %d, want %d", after, before)
	}
}

// probe is an in-process workload that calls f in each task.
type probe func()

func (p probe) Spec() workloads.Spec                         { return workloads.Spec{Name: "probe"} }
func (p probe) Start(int, int) workloads.Batch               { return p }
func (p probe) Finish() (int64, error)                       { return 0, nil }
func (p probe) Do(context.Context, int, int) (uint64, error) { p(); return 1, nil }

func TestUnknownStrategy(t *testing.T) {
	_, err := strategies.New("threads", strategies.Options{})
	if err == nil || !strings.Contains(err.Error(), "sequential, spawn, pool, gil, process, exec, errgroup, semaphore, ants, pond, conc") {
		t.Errorf("err = %v, want one listing the valid strategies", err)
	}
	if _, err := strategies.New("pool", strategies.Options{Workers: -1}); err == nil {
		t.Error("negative workers accepted")
	}
}

func TestUnsyncedCounterLosesUpdates(t *testing.T) {
	if !contains(workloads.SyncNames(), "none") {
		t.Skip("counter/sync=none is not built under -race")
	}
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS >= 2")
	}
	// On a loaded machine the goroutines may run one after another: when
	// other processes hold the second core, 8 goroutines of a million
	// increments (about a millisecond each) can all finish on one thread,
	// as seen twice in three runs at load average 7 on 2 cores. Ten million
	// increments each (about 10 ms, longer than a scheduler slice) and
	// tries for up to 20 s make an overlap certain unless a core is never
	// free for that long.
	w := mustParse(t, "counter/incs=10000000/sync=none")
	deadline := time.Now().Add(20 * time.Second)
	tries := 0
	for tries == 0 || time.Now().Before(deadline) {
		tries++
		r, err := strategies.Spawn{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: 8})
		if err != nil {
			t.Fatal(err)
		}
		if r.Lost > 0 {
			t.Logf("lost %d of %d updates in try %d", r.Lost, 8*10000000, tries)
			return
		}
	}
	t.Errorf("an unsynchronized counter lost no update in %d tries (20 s) of 8 racing goroutines", tries)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
