package concbench

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/concbench/concbench/bench"
	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// Run benchmarks tasks tasks of the workload that spec names (its text
// form, such as "decode/records=100") under every strategy of package
// strategies, as sub-benchmarks of b named
//
//	<spec's parameters>/tasks=<tasks>/strategy=<S>[/workers=<W>]/procs=<P>
//
// exactly like the suite's own families, so benchstat -col /strategy, the
// suite's report and the concbench command read the results. P is
// runtime.NumCPU(); the strategies that run tasks on a set of workers
// (pool, process, exec and the library pools) run once per worker count
// of the sweep (Workers), the others once. Each strategy's batches must
// give sequential's checksum; a mismatch, a task error or a worker failure
// fails that benchmark with its message. The metrics are the suite's:
// ns/op per batch, ns/task, tasks/s, cpu-ns/op (worker processes
// included), p50-ns, p99-ns, peak-goroutines, B/op and allocs/op (see the
// bench package).
//
// The options set the worker counts, the strategies and the settings the
// worker processes get (Workers, Strategies, Setting); flags of the
// concbench command replace them, and its -tasks flag replaces tasks.
//
// Run builds the workload with build once per benchmark and closes it (if
// it is an io.Closer) when that benchmark ends; worker processes build it
// with the build their Main got, which must be the same, from the Spec and
// its settings. Before the benchmarks it prints the configuration lines
// the report needs (numcpu and each strategy's properties) to standard
// output, where go test -bench writes its results.
//
// A spec that does not parse, that build rejects, or whose text could not
// be part of a benchmark name (a ':' or a space), tasks < 1, an unknown
// strategy and a worker count below 1 fail b with a message saying what
// is valid. Run must be called from the Benchmark function itself, not
// from a sub-benchmark of it that also runs other benchmarks, and the test
// binary's TestMain must call Main.
func Run(b *testing.B, build Build, spec string, tasks int, opts ...Option) {
	b.Helper()
	var c config
	for _, o := range opts {
		o(&c)
	}
	if err := c.fromEnv(&tasks); err != nil {
		b.Fatalf("concbench: Run %s: %v", spec, err)
	}
	cases, err := cases(build, spec, tasks, runtime.NumCPU(), c)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeConfig(os.Stdout); err != nil {
		b.Fatal(err)
	}
	bench.RunFamily(b, cases)
}

// cases returns the sub-benchmarks of Run: one per strategy, and per
// worker count for the strategies that run on workers.
func cases(build Build, text string, tasks, numCPU int, c config) ([]bench.Case, error) {
	if build == nil {
		return nil, fmt.Errorf("concbench: Run %s: build is nil; pass the function that builds your workload from its Spec", text)
	}
	if tasks < 1 {
		return nil, fmt.Errorf("concbench: Run %s: tasks is %d; a batch needs at least 1 task", text, tasks)
	}
	spec, err := workloads.ParseSpec(text)
	if err != nil {
		return nil, fmt.Errorf("concbench: Run: %w", err)
	}
	if strings.ContainsAny(text, ": ") {
		return nil, fmt.Errorf("concbench: Run %s: a benchmark name may hold no ':' or space; write the value without them, or pass it as a Setting", text)
	}
	for _, p := range spec.Params {
		switch p.Key {
		case runfile.KeyTasks, runfile.KeyStrategy, runfile.KeyWorkers, runfile.KeyProcs:
			return nil, fmt.Errorf("concbench: Run %s: parameter %q is a key Run adds to benchmark names; name it otherwise", text, p.Key)
		}
	}
	spec.Settings = append(spec.Settings, c.settings...)
	names, err := pick(c.strategies)
	if err != nil {
		return nil, fmt.Errorf("concbench: Run %s: %w", text, err)
	}
	workers := slices.Clone(c.workers)
	if len(workers) == 0 {
		workers = defaultWorkers(numCPU, tasks)
	}
	for _, w := range workers {
		if w < 1 {
			return nil, fmt.Errorf("concbench: Run %s: worker count %d; a pool needs at least 1 worker", text, w)
		}
	}
	slices.Sort(workers)
	workers = slices.Compact(workers)
	w, err := build(spec)
	if err != nil {
		return nil, fmt.Errorf("concbench: Run: building %s: %w", text, err)
	}
	if cl, ok := w.(interface{ Close() error }); ok {
		if err := cl.Close(); err != nil {
			return nil, fmt.Errorf("concbench: Run: closing %s after checking it: %w", text, err)
		}
	}
	params := append(spec.Params[:len(spec.Params):len(spec.Params)], workloads.Param{Key: runfile.KeyTasks, Value: strconv.Itoa(tasks)})
	var cs []bench.Case
	for _, name := range names {
		base := bench.Case{Params: params, Workload: spec.Wire(), Tasks: tasks, Strategy: name, Procs: numCPU, Build: build}
		props, err := strategies.PropsOf(name)
		if err != nil {
			return nil, fmt.Errorf("concbench: %w", err)
		}
		if props.Concurrency != runfile.PerWorker {
			cs = append(cs, base)
			continue
		}
		for _, n := range workers {
			if props.Processes && n > maxProcessWorkers*numCPU {
				continue
			}
			c := base
			c.Workers = n
			cs = append(cs, c)
		}
	}
	return cs, nil
}

// writeConfig writes the configuration lines that the report reads from a
// run's results: the CPU count and every strategy's properties.
func writeConfig(w *os.File) error {
	lines := fmt.Sprintf("%s: %d\n", runfile.ConfigNumCPU, runtime.NumCPU())
	for _, name := range strategies.Names() {
		p, err := strategies.PropsOf(name)
		if err != nil {
			return fmt.Errorf("concbench: %w", err)
		}
		lines += fmt.Sprintf("%s: %s\n", runfile.ConfigKey(name), p)
	}
	if _, err := w.WriteString(lines); err != nil {
		return fmt.Errorf("concbench: writing configuration lines: %w", err)
	}
	return nil
}
