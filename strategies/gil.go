package strategies

import (
	"context"
	"runtime"

	"github.com/concbench/concbench/runfile"
)

// GIL runs a goroutine per task, like Spawn, with GOMAXPROCS set to 1 for
// the duration of the run: at most one goroutine executes Go code at a
// time, as at most one CPython thread holds the Global Interpreter Lock.
// Tasks that wait (I/O, sleep) still overlap; CPU-bound tasks take turns
// and run no faster than Sequential. Use it to see what a GIL costs, not to
// run work.
//
// GOMAXPROCS is a process-wide setting: Run lowers it for the whole
// program and restores the previous value when it returns, even if a task
// fails or panics. Do not run GIL concurrently with other GIL runs or with
// anything that measures parallelism.
type GIL struct{}

// Name returns "gil".
func (GIL) Name() string { return "gil" }

// Close does nothing.
func (GIL) Close() error { return nil }

// Run runs the batch like Spawn.Run under GOMAXPROCS=1.
func (GIL) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("gil", job)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	return spawnAll(ctx, job)
}

func gilEntry() entry {
	return entry{"gil", runfile.Props{Concurrency: runfile.PerTask, OneCore: true, Rank: 2, Model: true}, func(Options) Strategy { return GIL{} }}
}
