package strategies

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/concbench/concbench/runfile"
)

// Process runs the tasks on persistent worker processes, like
// multiprocessing.Pool(W): W copies of the running binary, started on the
// first Run and reused by later ones, each running chunks of tasks
// sequentially and sending back one checksum per chunk over a pipe.
// Like the Pool's task queue, two chunks are in flight per worker, so a
// worker starts its next chunk the moment it replies instead of waiting a
// round trip for it. Each worker runs with GOMAXPROCS=1 (it runs one task
// at a time) and waits for frames in the runtime's poller, not in a
// blocked read(2).
//
// Processes give real parallelism with no shared memory: a worker cannot
// corrupt the parent, and a counter in a worker counts only that worker's
// chunk. The price is the start of each worker, paid once, and a pipe
// round trip per chunk, which a chunk of many tasks shares among them.
// Tasks reach the worker as a workload Spec and a range of indices, so
// only workloads that workloads.New (or the worker's Lookup) can rebuild
// can run here. What the worker processes cost, and why, is in
// docs/measurements.md.
//
// The running binary must serve workers (see IsWorker and ServeWorker).
// A worker that dies, hangs past Timeout or breaks the protocol fails the
// batch with a *WorkerError naming its pid and tasks; it is killed and
// reaped, the rest of the batch is cancelled, and the next Run starts a
// replacement. A worker that dies between runs is replaced silently.
// Run calls are serialized. Close ends every worker and waits for it.
type Process struct {
	opts Options

	mu     sync.Mutex // serializes Run and Close
	closed bool       // guarded by mu

	// workers' entries are nil until started. They change only while mu
	// is held, and then under smu too, so that PIDs can read them during
	// a Run by holding smu alone.
	workers []*child
	smu     sync.Mutex
}

// NewProcess returns a Process strategy with opts.Workers workers (default
// GOMAXPROCS). It starts no process: the first Run does.
func NewProcess(opts Options) *Process {
	if opts.Workers <= 0 {
		panic(fmt.Sprintf("strategies: process: Workers is %d, must be positive", opts.Workers))
	}
	if opts.Timeout == 0 {
		opts.Timeout = DefaultTimeout
	}
	return &Process{opts: opts, workers: make([]*child, opts.Workers)}
}

// Name returns "process".
func (*Process) Name() string { return "process" }

// PIDs returns the process IDs of the live workers. It may be called
// during a Run.
func (p *Process) PIDs() []int {
	p.smu.Lock()
	defer p.smu.Unlock()
	var pids []int
	for _, c := range p.workers {
		if c != nil && !c.dead() {
			pids = append(pids, c.pid())
		}
	}
	return pids
}

// Run sends the batch to the workers in chunks of about a quarter of a
// worker's share, tasks / (4 × workers), enough to balance the load while
// keeping round trips rare, two chunks in flight per worker. It first
// replaces workers that died since the last Run and starts missing ones.
func (p *Process) Run(ctx context.Context, job Job) (Result, error) {
	checkJob("process", job)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return Result{}, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	p.dropDead()
	if err := p.start(ctx); err != nil {
		return Result{}, err
	}
	spec := job.Workload.Spec().Wire()
	defer p.dropDead()
	return runPipelined(ctx, job, p.workers, spec, chunkSize(job.Tasks, len(p.workers)), p.opts.Timeout)
}

// start starts the missing workers concurrently. If any fails, the ones
// started stay for the next try.
func (p *Process) start(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make([]error, len(p.workers))
	for i, c := range p.workers {
		if c != nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := startChild(ctx, p.opts.Binary, p.opts.Timeout)
			p.smu.Lock()
			p.workers[i], errs[i] = c, err
			p.smu.Unlock()
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return errors.Join(errs...)
}

// dropDead forgets the workers that have exited, closing their pipes, so
// that start replaces them.
func (p *Process) dropDead() {
	p.smu.Lock()
	defer p.smu.Unlock()
	for i, c := range p.workers {
		if c != nil && c.dead() {
			c.wait()
			p.workers[i] = nil
		}
	}
}

// Close ends every worker by closing its stdin and waits for it to exit,
// killing any that takes longer than a few seconds. It returns the exit
// errors of workers that did not exit cleanly, including one that died
// since the last Run. Later Runs return ErrClosed. Close is idempotent.
func (p *Process) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	p.smu.Lock()
	workers := p.workers
	p.workers = make([]*child, len(workers))
	p.smu.Unlock()
	var errs []error
	for _, c := range workers {
		if c != nil {
			errs = append(errs, c.close())
		}
	}
	return errors.Join(errs...)
}

func processEntry() entry {
	return entry{"process", runfile.Props{Concurrency: runfile.PerWorker, Rank: 9, Processes: true}, func(o Options) Strategy { return NewProcess(o) }}
}

// chunkSize returns the tasks per chunk for a batch of tasks on workers
// workers: a quarter of a worker's share, at least one, so that even a
// batch of 16 tasks on 2 workers is dealt in 8 chunks that balance.
func chunkSize(tasks, workers int) int {
	return max(1, tasks/(4*workers))
}
