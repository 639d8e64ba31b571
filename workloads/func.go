package workloads

import (
	"context"
	"fmt"
)

// A Func is a workload written as a function of the task index, the way a
// user describes their own task: "task i parses record i", "task i fetches
// page i". S is the type of a worker's private state (an HTTP client, a
// decoder, a buffer), the Go counterpart of Python's threading.local; use
// struct{} for none.
//
// A Func is a value: it is immutable once built and safe for concurrent
// use, and every strategy may run its tasks at once. Because the process
// and exec strategies rebuild a workload in other processes from its Spec,
// a Func must be built by a function of its Spec (a Lookup of package
// strategies, or the build argument of the concbench package's Run), and
// Do must depend only on the Spec, the task index and the state Setup
// made: then task i returns the same value in every process.
type Func[S any] struct {
	// Name is the Spec that names the workload and its parameters, for
	// example decode/records=100. It is what worker processes receive.
	Name Spec

	// Setup, if not nil, makes the private state of one worker. It is
	// called at most once per worker and batch, on that worker's first
	// task, with that task's context; an error fails the task (and so the
	// batch). A worker is one goroutine of pool, one task of spawn, gil
	// and the library adapters (errgroup, semaphore, ants, pond, conc),
	// the single loop of sequential, and one chunk of tasks in a process
	// or exec worker (each chunk is its own batch there). Without Setup,
	// Do gets S's zero value.
	Setup func(ctx context.Context) (S, error)

	// Do runs task i with the state of the worker running it and returns
	// the task's value, which the batch checksum folds in (see Fold). Two
	// calls with the same state never overlap. Do must return ctx.Err()
	// promptly when ctx is done if it waits. Do is required.
	Do func(ctx context.Context, state S, i int) (uint64, error)

	// Teardown, if not nil, releases a state that Setup made. It is
	// called once for every such state when the batch ends, whether it
	// succeeded, failed or was cancelled, after every task has returned.
	Teardown func(state S)
}

// Spec returns f.Name.
func (f Func[S]) Spec() Spec { return f.Name }

// Start returns a batch of f's tasks for at most workers workers. It panics
// if f.Do is nil: a Func without a task is caller misuse.
func (f Func[S]) Start(tasks, workers int) Batch {
	if f.Do == nil {
		panic("workloads: Func " + f.Name.String() + " has no Do")
	}
	return &funcBatch[S]{f: f, states: make([]funcState[S], max(workers, 1))}
}

// funcBatch is one batch of a Func. Worker w alone touches states[w]
// while tasks run; Release runs after every task has returned.
type funcBatch[S any] struct {
	f      Func[S]
	states []funcState[S]
}

type funcState[S any] struct {
	v     S
	ready bool
}

func (b *funcBatch[S]) Do(ctx context.Context, worker, i int) (uint64, error) {
	if worker < 0 || worker >= len(b.states) {
		panic(fmt.Sprintf("workloads: %s: worker %d out of range [0, %d)", b.f.Name, worker, len(b.states)))
	}
	st := &b.states[worker]
	if !st.ready && b.f.Setup != nil {
		v, err := b.f.Setup(ctx)
		if err != nil {
			return 0, fmt.Errorf("setting up worker %d: %w", worker, err)
		}
		st.v = v
		st.ready = true
	}
	return b.f.Do(ctx, st.v, i)
}

func (b *funcBatch[S]) Finish() (int64, error) { return 0, nil }

// Release tears down every worker state that Setup made.
func (b *funcBatch[S]) Release() {
	for w := range b.states {
		st := &b.states[w]
		if st.ready && b.f.Teardown != nil {
			b.f.Teardown(st.v)
		}
		*st = funcState[S]{}
	}
}

// A Releaser is a Batch that holds resources (connections, files, worker
// state) until the batch ends. Every strategy calls Release exactly once
// per batch, after the last task has returned, whether the batch
// succeeded, failed or was cancelled.
type Releaser interface {
	Release()
}

// Release calls b.Release if b is a Releaser.
func Release(b Batch) {
	if r, ok := b.(Releaser); ok {
		r.Release()
	}
}
