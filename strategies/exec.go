package strategies

import (
	"context"
	"fmt"
	"time"

	"github.com/concbench/concbench/runfile"
)

// Exec starts a new worker process for every task, up to Workers at a
// time, like running one command per job. Each task pays a whole process
// start (fork, exec, runtime start-up and a handshake; see
// docs/measurements.md), so Exec only pays off for tasks that take far
// longer than that, or that must be isolated from each other. It exists to
// measure that start cost against Process, which pays it once per worker.
//
// The binary must serve workers (see IsWorker and ServeWorker). Every
// process is waited for before Run returns. The zero value is not usable:
// Workers must be positive. Exec is safe for concurrent use.
type Exec struct {
	Workers int
	// Binary is the worker executable; empty means the running binary.
	Binary string
	// Timeout bounds each task's reply; zero means DefaultTimeout.
	Timeout time.Duration
}

// Name returns "exec".
func (Exec) Name() string { return "exec" }

// Close does nothing: Run waits for every process it starts.
func (Exec) Close() error { return nil }

// Run runs each task in a process of its own.
func (e Exec) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("exec", job)
	if e.Workers <= 0 {
		panic(fmt.Sprintf("strategies: exec: Workers is %d, must be positive", e.Workers))
	}
	timeout := e.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	spec := job.Workload.Spec().Wire()
	workers := min(e.Workers, max(job.Tasks, 1))
	return runChunks(ctx, job, workers, 1, func(ctx context.Context, _, i, _ int) (uint64, int64, error) {
		return e.runOne(ctx, spec, i, timeout)
	})
}

// runOne starts a worker, runs task i on it and ends it.
func (e Exec) runOne(ctx context.Context, spec string, i int, timeout time.Duration) (uint64, int64, error) {
	c, err := startChild(ctx, e.Binary, timeout)
	if we, ok := err.(*WorkerError); ok {
		we.First, we.Last = i, i // the task the worker was started for
	}
	if err != nil {
		return 0, 0, err
	}
	sum, lost, err := c.run(ctx, spec, i, 1, timeout)
	if c.dead() {
		return sum, lost, err
	}
	if cerr := c.close(); err == nil && cerr != nil {
		return 0, 0, &WorkerError{PID: c.pid(), First: i, Last: i, Err: cerr, Stderr: c.stderr.String()}
	}
	return sum, lost, err
}

func execEntry() entry {
	return entry{"exec", runfile.Props{Concurrency: runfile.PerWorker, Rank: 10, Processes: true, ProcessPerTask: true}, func(o Options) Strategy { return Exec{Workers: o.Workers, Binary: o.Binary, Timeout: o.Timeout} }}
}
