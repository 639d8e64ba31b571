package concbench_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/concbench/concbench"
	"github.com/concbench/concbench/strategies"
	"go.uber.org/goleak"
)

// tracked is a Func whose Setup and Teardown record the states they made
// and released; task 3 fails when failAt3 is set, and every task waits
// wait (or until its context ends).
type tracked struct {
	mu       sync.Mutex
	made     map[*int]bool // state → released
	overlaps int           // a state used by two tasks at once
	inUse    map[*int]bool
}

func (tr *tracked) fn(failAt3 bool, wait time.Duration) concbench.Func[*int] {
	return concbench.Func[*int]{
		Name: concbench.Spec{Name: "tracked"},
		Setup: func(context.Context) (*int, error) {
			s := new(int)
			tr.mu.Lock()
			tr.made[s] = false
			tr.mu.Unlock()
			return s, nil
		},
		Do: func(ctx context.Context, s *int, i int) (uint64, error) {
			tr.mu.Lock()
			if tr.inUse[s] {
				tr.overlaps++
			}
			tr.inUse[s] = true
			tr.mu.Unlock()
			defer func() {
				tr.mu.Lock()
				tr.inUse[s] = false
				tr.mu.Unlock()
			}()
			*s++
			if failAt3 && i == 3 {
				return 0, errors.New("task 3 fails")
			}
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				return 0, ctx.Err()
			}
			return uint64(i), nil
		},
		Teardown: func(s *int) {
			tr.mu.Lock()
			defer tr.mu.Unlock()
			if tr.made[s] {
				tr.overlaps += 1000 // released twice
			}
			tr.made[s] = true
		},
	}
}

// TestFuncSetupTeardown checks, under every in-process strategy, that each
// worker state Setup made is released exactly once when the batch ends,
// whether it succeeded, failed or was cancelled, and that no two tasks
// share a state at once.
func TestFuncSetupTeardown(t *testing.T) {
	before := goleak.IgnoreCurrent()
	for _, name := range strategies.Names() {
		props, err := strategies.PropsOf(name)
		if err != nil {
			t.Fatal(err)
		}
		if props.Processes {
			continue // states live in the worker processes
		}
		for _, tc := range []struct {
			what    string
			failAt3 bool
			cancel  time.Duration
		}{{"ok", false, 0}, {"error", true, 0}, {"cancel", false, 5 * time.Millisecond}} {
			tr := &tracked{made: map[*int]bool{}, inUse: map[*int]bool{}}
			s, err := strategies.New(name, strategies.Options{Workers: 3})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			wait := time.Duration(0)
			if tc.cancel > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.cancel)
				defer cancel()
				wait = time.Second
			}
			_, err = s.Run(ctx, strategies.Job{Workload: tr.fn(tc.failAt3, wait), Tasks: 20})
			s.Close()
			if (err != nil) != (tc.what != "ok") {
				t.Errorf("%s, %s: Run error %v", name, tc.what, err)
			}
			if len(tr.made) == 0 {
				t.Errorf("%s, %s: Setup never ran", name, tc.what)
			}
			for _, released := range tr.made {
				if !released {
					t.Errorf("%s, %s: a state Setup made was not released (%d made)", name, tc.what, len(tr.made))
					break
				}
			}
			if tr.overlaps > 0 {
				t.Errorf("%s, %s: states shared by tasks at once or released twice (%d)", name, tc.what, tr.overlaps)
			}
		}
	}
	goleak.VerifyNone(t, before)
}
