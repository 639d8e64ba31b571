package strategies_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// sameAsSequential runs w under s and says whether it matched sequential.
func sameAsSequential(s strategies.Strategy, text string, tasks int) {
	w, err := workloads.Parse(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	want, _ := strategies.Sequential{}.Run(context.Background(), strategies.Job{Workload: w, Tasks: tasks})
	got, err := s.Run(context.Background(), strategies.Job{Workload: w, Tasks: tasks})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s ran %d tasks of %s; same checksum as sequential: %v\n", s.Name(), got.Tasks, w.Spec(), got.Checksum == want.Checksum)
}

func ExampleSequential() {
	sameAsSequential(strategies.Sequential{}, "hash/size=1KiB/rounds=2", 8)
	// Output: sequential ran 8 tasks of hash/size=1024/rounds=2; same checksum as sequential: true
}

func ExampleSpawn() {
	sameAsSequential(strategies.Spawn{}, "sleep/d=1ms", 100)
	// Output: spawn ran 100 tasks of sleep/d=1ms; same checksum as sequential: true
}

func ExamplePool() {
	sameAsSequential(strategies.Pool{Workers: 4}, "counter/incs=1000/sync=mutex", 16)
	// Output: pool ran 16 tasks of counter/incs=1000/sync=mutex; same checksum as sequential: true
}

func ExampleGIL() {
	sameAsSequential(strategies.GIL{}, "hash/size=1KiB/rounds=2", 8)
	// Output: gil ran 8 tasks of hash/size=1024/rounds=2; same checksum as sequential: true
}

func ExampleProcess() {
	// The test binary serves workers: see TestMain.
	p := strategies.NewProcess(strategies.Options{Workers: 2})
	defer p.Close()
	sameAsSequential(p, "hash/size=1KiB/rounds=2", 64)
	sameAsSequential(p, "counter/incs=10/sync=sharded", 64) // the workers are reused
	// Output:
	// process ran 64 tasks of hash/size=1024/rounds=2; same checksum as sequential: true
	// process ran 64 tasks of counter/incs=10/sync=sharded; same checksum as sequential: true
}

func ExampleExec() {
	sameAsSequential(strategies.Exec{Workers: 2}, "noop", 4)
	// Output: exec ran 4 tasks of noop; same checksum as sequential: true
}

func ExampleNew() {
	s, err := strategies.New("pool", strategies.Options{Workers: 8})
	fmt.Println(s.Name(), err)
	_, err = strategies.New("threads", strategies.Options{})
	fmt.Println(err)
	// Output:
	// pool <nil>
	// strategies: unknown strategy "threads"; valid strategies are sequential, spawn, pool, gil, process, exec, errgroup, semaphore, ants, pond, conc
}

func ExampleTaskError() {
	_, err := strategies.Pool{Workers: 2}.Run(context.Background(), strategies.Job{Workload: fault{at: 3, how: "error"}, Tasks: 10})
	var te *strategies.TaskError
	if errors.As(err, &te) {
		fmt.Println("task", te.Task, "failed:", te.Err)
	}
	// Output: task 3 failed: boom
}

func ExampleErrgroup() {
	sameAsSequential(strategies.Errgroup{Workers: 8}, "sleep/d=1ms", 100)
	// Output: errgroup ran 100 tasks of sleep/d=1ms; same checksum as sequential: true
}

func ExampleSemaphore() {
	sameAsSequential(strategies.Semaphore{Workers: 8}, "counter/incs=1000/sync=sharded", 16)
	// Output: semaphore ran 16 tasks of counter/incs=1000/sync=sharded; same checksum as sequential: true
}

func ExampleAnts() {
	sameAsSequential(strategies.Ants{Workers: 4}, "hash/size=1KiB/rounds=2", 32)
	// Output: ants ran 32 tasks of hash/size=1024/rounds=2; same checksum as sequential: true
}

func ExamplePond() {
	sameAsSequential(strategies.Pond{Workers: 4}, "sleep/d=1ms", 100)
	// Output: pond ran 100 tasks of sleep/d=1ms; same checksum as sequential: true
}

func ExampleConc() {
	sameAsSequential(strategies.Conc{Workers: 4}, "counter/incs=1000/sync=mutex", 16)
	// Output: conc ran 16 tasks of counter/incs=1000/sync=mutex; same checksum as sequential: true
}
