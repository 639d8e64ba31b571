package strategies_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// TestCrashContained runs the crash workload, whose task k kills its
// process with a panic no recover catches, under the strategies that run
// tasks in worker processes: only the worker dies, the caller gets a
// *WorkerError naming task k's range and the panic on the worker's
// stderr, and the next batch runs correctly on a new worker. (In-process
// strategies would lose this test binary: package bench runs them in a
// child process, see TestCrashInProcessLosesTheProgram there.)
func TestCrashContained(t *testing.T) {
	for _, name := range remote {
		t.Run(name, func(t *testing.T) {
			s, err := strategies.New(name, strategies.Options{Workers: 2, Timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			defer closeAndCheck(t, s)
			const tasks, k = 8, 4
			p, isProcess := s.(*strategies.Process)
			var before []int
			if isProcess {
				// Start the workers first, to tell the replacement from them.
				if _, err := s.Run(context.Background(), strategies.Job{Workload: mustParse(t, "noop"), Tasks: 4}); err != nil {
					t.Fatal(err)
				}
				before = p.PIDs()
			}
			done := make([]time.Duration, tasks)
			_, err = s.Run(context.Background(), strategies.Job{Workload: mustParse(t, "crash/k=4/d=1ms"), Tasks: tasks, Done: done})
			we := wantWorkerError(t, err, k, "exit status 2")
			if !strings.Contains(we.Stderr, workloads.CrashMessage) {
				t.Errorf("the worker's stderr does not show the crash: %q", we.Stderr)
			}
			if isProcess && !slices.Contains(before, we.PID) {
				t.Errorf("the dead worker %d is not one of %v", we.PID, before)
			}
			assertOnlyWorkers(t, s)

			next := mustParse(t, "crash/k=8/d=1ms") // the same tasks, none crashing
			want, err := strategies.Pool{Workers: tasks}.Run(context.Background(), strategies.Job{Workload: next, Tasks: tasks})
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Run(context.Background(), strategies.Job{Workload: next, Tasks: tasks})
			if err != nil || got != want {
				t.Fatalf("the next batch: %+v, %v; want %+v", got, err, want)
			}
			if isProcess {
				after := p.PIDs()
				if len(after) != 2 || slices.Contains(after, we.PID) {
					t.Errorf("workers after the crash %v: want two, without the dead %d", after, we.PID)
				}
			}
		})
	}
}
