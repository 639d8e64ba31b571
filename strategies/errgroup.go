package strategies

import (
	"context"

	"github.com/concbench/concbench/runfile"
	"golang.org/x/sync/errgroup"
)

// Errgroup runs the batch with golang.org/x/sync/errgroup: a Group from
// errgroup.WithContext with SetLimit(Workers), one Go call per task. Each
// task still gets a goroutine of its own, started when one of the Workers
// slots frees up, so Errgroup costs about what Spawn does per task (a
// goroutine start, plus the limit's channel send and receive) but never has
// more than Workers tasks, and their stacks, alive at once. The first error
// cancels the group's context, and the tasks not yet started are skipped.
//
// Pick it when the code already uses errgroup for its error handling and
// the work needs a bound: it is the bounded strategy with the least code
// and a module (x/sync) maintained by the Go team. The zero value is not
// usable: Workers must be positive. An Errgroup is safe for concurrent use;
// each Run makes its own Group.
type Errgroup struct {
	// Workers is the most tasks that run at once; it must be positive.
	Workers int
}

// Name returns "errgroup".
func (Errgroup) Name() string { return "errgroup" }

// Close does nothing.
func (Errgroup) Close() error { return nil }

// Run calls Go for each task, which blocks while Workers tasks run, then
// Wait. Once ctx is done or a task fails, no further task starts.
func (e Errgroup) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("errgroup", job)
	checkWorkers("errgroup", e.Workers)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(e.Workers)
	r, cancel := newPerTask(gctx, job)
	defer cancel()
	for i := range job.Tasks {
		if r.stopped() {
			break
		}
		g.Go(func() error { return r.run(i) })
	}
	return r.finish(ctx, g.Wait())
}

func errgroupEntry() entry {
	return entry{"errgroup", runfile.Props{Concurrency: runfile.PerWorker, Rank: 4}, func(o Options) Strategy { return Errgroup{Workers: o.Workers} }}
}
