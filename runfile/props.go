package runfile

import (
	"fmt"
	"strconv"
	"strings"
)

// Concurrency says how many tasks a strategy runs at once.
type Concurrency string

const (
	// One: one task at a time (sequential).
	One Concurrency = "one"
	// PerTask: every task of the batch may run at once (spawn, gil).
	PerTask Concurrency = "per-task"
	// PerWorker: at most Options.Workers tasks at once (pool, process, exec).
	PerWorker Concurrency = "workers"
)

// Props are the properties of a strategy that a report needs to rank it and
// to compute its ideal time, and that a benchmark needs to size a batch.
// Each strategy declares them next to its code (strategies.PropsOf); the
// driver writes them into raw.txt as configuration lines (see ConfigKey and
// Props.String), so that a report reads them from the results and names no
// strategy itself.
type Props struct {
	// Concurrency is how many tasks the strategy runs at once.
	Concurrency Concurrency
	// OneCore reports whether the strategy keeps at most one core busy
	// whatever GOMAXPROCS is (sequential, gil). Otherwise it can use
	// min(cores, GOMAXPROCS, tasks, concurrency) cores.
	OneCore bool
	// Rank orders strategies by simplicity, 1 the simplest: a report
	// recommends the simplest strategy that is not significantly slower
	// than the fastest. The registered order is sequential, spawn (and the
	// gil model), pool, then the library pools by how much they bring in
	// (errgroup, semaphore, conc, ants, pond), then the worker processes
	// (process, exec), which need a helper binary and a protocol. Ranks may
	// tie; the faster of a tie is recommended.
	Rank int
	// Model marks a strategy that stands for something else rather than a
	// way anyone would run tasks (gil models CPython's GIL): it is shown
	// beside the others but never recommended.
	Model bool
	// Processes reports whether tasks run in other processes (process,
	// exec): each worker process has its own GOMAXPROCS and heap.
	Processes bool
	// Backlog reports whether the strategy keeps every task it cannot run
	// yet in a queue of its own (pond: submitting never blocks), so that
	// its memory grows with the batch, not with Concurrency.
	Backlog bool
	// ProcessPerTask reports whether the strategy starts a new process for
	// every task (exec), so that a batch costs a process start per task
	// rather than per worker. It implies Processes.
	ProcessPerTask bool
}

// configPrefix begins the key of every strategy's configuration line.
const configPrefix = "strategy-"

// ConfigKey returns the key of the configuration line that carries the
// properties of the strategy called name: "strategy-" + name.
func ConfigKey(name string) string { return configPrefix + name }

// StrategyOfKey reports whether key is the key of a strategy's
// configuration line (ConfigKey) and returns the strategy's name, which
// is never empty.
func StrategyOfKey(key string) (name string, ok bool) {
	name, ok = strings.CutPrefix(key, configPrefix)
	return name, ok && name != ""
}

// String formats p as the value of its configuration line, for example
// "concurrency=workers cores=all rank=3 model=false processes=false
// backlog=false process-per-task=false". ParseProps reads it back.
func (p Props) String() string {
	cores := "all"
	if p.OneCore {
		cores = "one"
	}
	return fmt.Sprintf("concurrency=%s cores=%s rank=%d model=%t processes=%t backlog=%t process-per-task=%t",
		p.Concurrency, cores, p.Rank, p.Model, p.Processes, p.Backlog, p.ProcessPerTask)
}

// ParseProps parses the form Props.String writes. Unknown keys are
// ignored, so that a report reads results written by a later version;
// a missing key keeps its zero value, so that it reads results written
// by an earlier one; a bad value is an error.
func ParseProps(s string) (Props, error) {
	var p Props
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return Props{}, fmt.Errorf("runfile: properties %q: %q is not key=value", s, f)
		}
		var err error
		switch k {
		case "concurrency":
			switch c := Concurrency(v); c {
			case One, PerTask, PerWorker:
				p.Concurrency = c
			default:
				err = fmt.Errorf("concurrency %q is not %s, %s or %s", v, One, PerTask, PerWorker)
			}
		case "cores":
			switch v {
			case "one":
				p.OneCore = true
			case "all":
			default:
				err = fmt.Errorf("cores %q is not one or all", v)
			}
		case "rank":
			p.Rank, err = strconv.Atoi(v)
		case "model":
			p.Model, err = strconv.ParseBool(v)
		case "processes":
			p.Processes, err = strconv.ParseBool(v)
		case "backlog":
			p.Backlog, err = strconv.ParseBool(v)
		case "process-per-task":
			p.ProcessPerTask, err = strconv.ParseBool(v)
		}
		if err != nil {
			return Props{}, fmt.Errorf("runfile: properties %q: %w", s, err)
		}
	}
	return p, nil
}
