package workloads

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// CrashMessage starts the panic value of the crash workload's task k, so
// that whoever reads a dead process's standard error can tell the crash
// from another failure.
const CrashMessage = "concbench: crash workload: task"

// crash is the workload of the crash-isolation lesson: every task waits d
// and returns its value, except task k, which waits d and then kills its
// process in a way no recover can catch. It starts a goroutine of its own
// that panics: a panic in a goroutine that no deferred recover guards ends
// the program (the runtime prints the panic and exits with status 2), and
// the strategy's recover, in the goroutine that called Do, never sees it.
// The same happens to a program whose library panics in a goroutine it
// started, calls os.Exit, overflows its stack, writes a map concurrently
// or runs out of memory; a goroutine's panic is chosen because it is
// deterministic, immediate and cheap, where the others are racy, slow or
// take the machine's memory. Task k then blocks until the process dies.
//
// A batch of at most k tasks does not reach task k and never crashes:
// the crash family runs its next batch as crash/k=tasks, the same tasks
// with none crashing.
//
// Never run task k in a process you want to keep: a test or a benchmark
// runs it only in a child process (see package bench, BenchmarkCrash).
type crash struct {
	k int
	d time.Duration
}

func buildCrash(vals map[string]string) (Workload, error) {
	k, err := strconv.Atoi(vals["k"])
	if err != nil || k < 0 {
		return nil, fmt.Errorf("parameter k: %q is not a non-negative integer", vals["k"])
	}
	d, err := parseDuration(vals["d"])
	if err != nil {
		return nil, fmt.Errorf("parameter d: %w", err)
	}
	return crash{k: k, d: d}, nil
}

func (w crash) Spec() Spec {
	return Spec{Name: "crash", Params: []Param{{"k", strconv.Itoa(w.k)}, {"d", w.d.String()}}}
}

func (w crash) Start(int, int) Batch {
	return statelessBatch(func(ctx context.Context, i int) (uint64, error) {
		t := time.NewTimer(w.d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		if i == w.k {
			go func() {
				panic(fmt.Sprintf("%s %d crashes its process: a panic in a goroutine of its own, which no recover of a strategy catches", CrashMessage, i))
			}()
			select {} // the process dies first
		}
		return uint64(i)*3 + uint64(w.d), nil
	})
}
