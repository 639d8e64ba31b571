package strategies_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/concbench/concbench/strategies"
)

// TestStress runs large batches of tiny tasks through every strategy and
// checks that each result equals sequential's: 100,000 through each
// in-process strategy and process, 1,000 through exec (a process each:
// about 2 s on 2 workers, 10 s under -race), and 10,000 waiting tasks at
// once through spawn. Sequential's run of those 10,000 sleeps takes ten
// seconds, so it starts first and overlaps the other cases.
func TestStress(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	type reference struct {
		r   strategies.Result
		err error
	}
	slow := make(chan reference, 1)
	sleep := mustParse(t, "sleep/d=1ms")
	go func() {
		r, err := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: sleep, Tasks: 10_000})
		slow <- reference{r, err}
	}()
	defer func() { <-slow }() // on a failure, do not leave it running
	cases := []struct {
		strategy, workload string
		tasks              int
	}{
		{"sequential", "hash/size=64B/rounds=1", 100_000},
		{"spawn", "hash/size=64B/rounds=1", 100_000},
		{"pool", "hash/size=64B/rounds=1", 100_000},
		{"gil", "hash/size=64B/rounds=1", 100_000},
		{"process", "hash/size=64B/rounds=1", 100_000},
		{"process", "noop", 100_000},
		{"exec", "noop", 1_000},
		{"spawn", "sleep/d=1ms", 10_000},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%s/tasks=%d", c.strategy, c.workload, c.tasks), func(t *testing.T) {
			w := mustParse(t, c.workload)
			var want strategies.Result
			var err error
			if c.workload == "sleep/d=1ms" {
				ref := <-slow
				slow <- ref
				want, err = ref.r, ref.err
			} else {
				want, err = strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: c.tasks})
			}
			if err != nil {
				t.Fatal(err)
			}
			s, err := strategies.New(c.strategy, strategies.Options{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			done := make([]time.Duration, c.tasks)
			start := time.Now()
			got, err := s.Run(context.Background(), strategies.Job{Workload: w, Tasks: c.tasks, Done: done})
			took := time.Since(start)
			if cerr := s.Close(); cerr != nil {
				t.Errorf("Close: %v", cerr)
			}
			assertNoChildren(t)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("result %+v, sequential's %+v", got, want)
			}
			for i, d := range done {
				if d <= 0 {
					t.Fatalf("Done[%d] = %v", i, d)
				}
			}
			t.Logf("%v", took)
		})
	}
}
