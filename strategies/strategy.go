package strategies

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/workloads"
)

// A Strategy runs the tasks of a batch.
type Strategy interface {
	// Name returns the strategy's registry name.
	Name() string

	// Run runs tasks 0 to job.Tasks-1 of job.Workload and returns the
	// batch result. It blocks until every task it started has returned.
	// When ctx is done, Run stops starting tasks, cancels the ones that
	// wait, and returns ctx.Err(). The first task error (a *TaskError) or
	// worker failure (a *WorkerError) cancels the rest of the batch and is
	// returned. No goroutine that Run starts outlives it.
	Run(ctx context.Context, job Job) (Result, error)

	// Close releases what the strategy holds across runs: the worker
	// processes of process. It waits for them to exit; Run after Close
	// returns ErrClosed. The other strategies hold nothing across runs:
	// their Close does nothing and they stay usable.
	Close() error
}

// A Job is one batch for Run.
type Job struct {
	Workload workloads.Workload
	Tasks    int

	// Done, if not nil, must have length Tasks: Run stores in Done[i] the
	// time from the start of the batch until task i's result reached the
	// strategy. For process, which gets results a chunk at a time, that
	// is when the task's chunk came back.
	Done []time.Duration
}

// A Result is the outcome of a batch that ran to the end.
type Result struct {
	Tasks int
	// Checksum is the sum of workloads.Fold(i, v) over the tasks: equal
	// for every strategy that ran the same batch correctly.
	Checksum uint64
	// Lost counts updates lost to data races (counter/sync=none only).
	Lost int64
}

// Options configures a strategy built by New. The zero value gives the
// defaults.
type Options struct {
	// Workers is the concurrency of pool, process, exec and the five
	// library adapters (errgroup, semaphore, ants, pond, conc); zero means
	// runtime.GOMAXPROCS(0) at the time of the call to New.
	Workers int

	// Binary is the executable that process and exec start as workers;
	// empty means the running binary (os.Executable). It must serve
	// workers: see ServeWorker.
	Binary string

	// Timeout bounds the wait for a worker process's reply to one chunk
	// of tasks, and for a new worker's hello (which never waits more than
	// 10 s); zero means DefaultTimeout. A worker that does not answer in
	// time is killed and the batch fails.
	Timeout time.Duration
}

// DefaultTimeout is the reply deadline of a worker process when
// Options.Timeout is zero: a hung worker fails the batch after a minute.
//
// The deadline is deliberately fixed rather than derived from the chunks
// seen so far (say, ten times the slowest): a chunk's time varies with
// the workload, its parameters and the load on the machine, so a derived
// deadline could kill a healthy worker and fail a benchmark spuriously,
// which costs more than waiting a minute for a rare hang. Set
// Options.Timeout when a tighter bound is known. A cancelled ctx does not
// wait for the deadline: a worker gets about two seconds to stop, then
// is killed.
const DefaultTimeout = time.Minute

// An entry registers one strategy: its name, its properties and how to
// build it from Options with the defaults filled in. Each strategy's file
// declares its entry; registry lists them.
type entry struct {
	name  string
	props runfile.Props
	build func(Options) Strategy
}

// registry returns the strategies in report order, baseline first. It is a
// function, not a variable, so that no package state can be changed.
// Adding a strategy is one file declaring its entry, plus one line here.
func registry() []entry {
	return []entry{
		sequentialEntry(),
		spawnEntry(),
		poolEntry(),
		gilEntry(),
		processEntry(),
		execEntry(),
		errgroupEntry(),
		semaphoreEntry(),
		antsEntry(),
		pondEntry(),
		concEntry(),
	}
}

// Names returns the registered strategy names, baseline first.
func Names() []string {
	var names []string
	for _, e := range registry() {
		names = append(names, e.name)
	}
	return names
}

func lookup(name string) (entry, error) {
	for _, e := range registry() {
		if e.name == name {
			return e, nil
		}
	}
	return entry{}, fmt.Errorf("strategies: unknown strategy %q; valid strategies are %s", name, strings.Join(Names(), ", "))
}

// New returns the strategy called name. Strategies that take no options
// ignore opts. A negative Workers or Timeout is an error.
func New(name string, opts Options) (Strategy, error) {
	e, err := lookup(name)
	if err != nil {
		return nil, err
	}
	if opts.Workers < 0 {
		return nil, fmt.Errorf("strategies: %s: workers must be positive, not %d", name, opts.Workers)
	}
	if opts.Timeout < 0 {
		return nil, fmt.Errorf("strategies: %s: timeout must be positive, not %s", name, opts.Timeout)
	}
	if opts.Workers == 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return e.build(opts), nil
}

// checkJob panics on caller misuse.
func checkJob(name string, job Job) {
	if job.Workload == nil {
		panic("strategies: " + name + ": Job.Workload is nil")
	}
	if job.Tasks < 0 {
		panic(fmt.Sprintf("strategies: %s: Job.Tasks is negative (%d)", name, job.Tasks))
	}
	if job.Done != nil && len(job.Done) != job.Tasks {
		panic(fmt.Sprintf("strategies: %s: len(Job.Done) is %d, want Job.Tasks (%d)", name, len(job.Done), job.Tasks))
	}
}
