package bench

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// The costs behind EstimateFlood: figures measured on a 2-core VM, which
// the estimate assumes on any machine.
const (
	// spawnTaskCPU is the CPU a flood task costs when it starts a
	// goroutine of its own (spawn; errgroup and semaphore do too), and
	// boundTaskCPU when it is handed to a parked worker (pool at 1,000
	// workers), as a CPU profile measured them
	// (docs/measurements.md#flood-cpu-per-task).
	spawnTaskCPU = 4700 * time.Nanosecond
	boundTaskCPU = 2100 * time.Nanosecond
	// worstTaskCPU is the most a flood task was measured to cost
	// (docs/measurements.md#flood-cpu-range-per-task).
	worstTaskCPU = 8 * time.Microsecond
	// goroutineRSS is the resident memory a goroutine alive at once adds:
	// the most measured per goroutine alive, under spawn on the published
	// flood (docs/measurements.md#published-flood-under-spawn-alone) and
	// under pool at 100,000 workers
	// (docs/measurements.md#flood-memory-of-spawn-and-large-pools).
	goroutineRSS = 4800
)

// A FloodEstimate is what the rounds of a flood are expected to cost,
// computed by EstimateFlood from the cases alone.
type FloodEstimate struct {
	Rounds int
	// Round is one round of the cases: the reference checksums, and per
	// case its probe, its warm-up batches and its timed batches.
	Round time.Duration
	// Total is Rounds × Round; Worst is Total if every task cost the
	// most CPU measured (worstTaskCPU).
	Total, Worst time.Duration
	// Sizes is each flood size's share of Round ("d=10ms/tasks=1000000"
	// → its time), in the order of the cases.
	Sizes []SizeCost
	// Cases is each case's share of Round, by Case.Name.
	Cases map[string]time.Duration
	// PeakRSS is the most resident memory one case may add: every task's
	// goroutine of an unbounded strategy alive at once (goroutineRSS each).
	PeakRSS int64
}

// A SizeCost is one flood size's share of a round.
type SizeCost struct {
	Size  string
	Cases int
	Round time.Duration
}

// String writes the estimate as the driver prints it.
func (e FloodEstimate) String() string {
	var parts []string
	for _, s := range e.Sizes {
		parts = append(parts, fmt.Sprintf("%s: %d cases, %s", s.Size, s.Cases, s.Round.Round(time.Second)))
	}
	return fmt.Sprintf("about %s for %d rounds of %s (%s), %s if every task cost %s of CPU; the most memory one case may add: %.1f GB (every goroutine of spawn's batch alive at once)",
		e.Total.Round(time.Second), e.Rounds, e.Round.Round(time.Second), strings.Join(parts, "; "),
		e.Worst.Round(time.Second), worstTaskCPU, float64(e.PeakRSS)/1e9)
}

// EstimateFlood estimates what rounds rounds of the flood cases (the Flood family)
// take at -benchtime benchtime (a duration or Nx). A batch of tasks tasks
// of d at a concurrency of c (W, or every task for spawn) takes the
// longer of its waves, ⌈tasks/c⌉ × d, and its CPU, tasks × the CPU per
// task, as if on one core: the 20,000-task batches measured on 2 cores ran
// near their CPU on one core, not on two
// (docs/measurements.md#flood-batch-time-against-its-cpu), because one
// goroutine submits every task and the timers and the scheduler's run
// queues serialize much of the rest; on more cores this errs long. A
// sample is the probe batch (Case.probeTasks), untimed
// whole batches until warmTime has passed since it started, then the
// timed batches: N of them at Nx, else as many as fill benchtime, at
// least one. Each round also computes each size's reference
// checksum (a pool of RefWorkers) and that of each cut probe. The build,
// the start of the benchmark binary and the report are not included.
func EstimateFlood(cases []Case, benchtime string, rounds int) (FloodEstimate, error) {
	e := FloodEstimate{Rounds: rounds, Cases: map[string]time.Duration{}}
	for _, worst := range []bool{false, true} {
		var round time.Duration
		var sizes []SizeCost
		refs := map[string]bool{}
		for _, c := range cases {
			d, err := c.sleep()
			if err != nil {
				return FloodEstimate{}, err
			}
			cpu := c.taskCPU()
			if worst {
				cpu = worstTaskCPU
			}
			batch := func(tasks, conc int, cpu time.Duration) time.Duration {
				waves := time.Duration((tasks + conc - 1) / conc)
				return max(waves*d, time.Duration(tasks)*cpu)
			}
			conc := c.concurrency()
			var cost time.Duration
			for _, n := range []int{c.Tasks, c.probeTasks()} {
				if key := fmt.Sprintf("%s#%d", c.Workload, n); !refs[key] {
					refs[key] = true
					refCPU := boundTaskCPU
					if worst {
						refCPU = worstTaskCPU
					}
					cost += batch(n, max(c.RefWorkers, 1), refCPU)
				}
			}
			full := batch(c.Tasks, conc, cpu)
			warm := batch(c.probeTasks(), conc, cpu)
			for warm < warmTime && full > 0 {
				warm += full
			}
			timed, err := timedBatches(benchtime, full)
			if err != nil {
				return FloodEstimate{}, err
			}
			cost += warm + timed
			round += cost
			if !worst {
				e.Cases[c.Name()] += cost
			}
			var size []string
			for _, p := range c.Params {
				size = append(size, p.Key+"="+p.Value)
			}
			if len(sizes) == 0 || sizes[len(sizes)-1].Size != strings.Join(size, "/") {
				sizes = append(sizes, SizeCost{Size: strings.Join(size, "/")})
			}
			sizes[len(sizes)-1].Cases++
			sizes[len(sizes)-1].Round += cost
			e.PeakRSS = max(e.PeakRSS, int64(conc)*goroutineRSS)
		}
		if worst {
			e.Worst = time.Duration(rounds) * round
		} else {
			e.Round, e.Sizes, e.Total = round, sizes, time.Duration(rounds)*round
		}
	}
	return e, nil
}

// timedBatches is the time of a sample's timed batches at benchtime: N
// batches at Nx, else as many as reach the duration, at least one.
func timedBatches(benchtime string, batch time.Duration) (time.Duration, error) {
	if n, ok := strings.CutSuffix(benchtime, "x"); ok {
		v, err := strconv.Atoi(n)
		if err != nil || v <= 0 {
			return 0, fmt.Errorf("benchtime %q: not a count", benchtime)
		}
		return time.Duration(v) * batch, nil
	}
	bt, err := time.ParseDuration(benchtime)
	if err != nil || bt <= 0 {
		return 0, fmt.Errorf("benchtime %q: neither a duration nor a count", benchtime)
	}
	if batch <= 0 {
		return bt, nil
	}
	n := max((bt+batch-1)/batch, 1)
	return n * batch, nil
}

// sleep returns the d of a sleep case.
func (c Case) sleep() (time.Duration, error) {
	for _, p := range c.Params {
		if p.Key == "d" {
			return time.ParseDuration(p.Value)
		}
	}
	return 0, fmt.Errorf("%s: not a flood case (no d)", c.Name())
}

// concurrency is how many of the case's tasks may wait at once: its
// workers, or every task for an unbounded strategy.
func (c Case) concurrency() int {
	if p, err := strategies.PropsOf(c.Strategy); err == nil && p.Concurrency == runfile.PerWorker && c.Workers > 0 {
		return min(c.Workers, c.Tasks)
	}
	return c.Tasks
}

// taskCPU is the CPU a flood task of the case costs: spawn's if the
// strategy starts a goroutine per task, a pool's otherwise.
func (c Case) taskCPU() time.Duration {
	switch c.Strategy {
	case "spawn", "errgroup", "semaphore":
		return spawnTaskCPU
	}
	return boundTaskCPU
}

// probeTasks is the batch of the case's probe. A strategy that runs at
// most one task or Workers tasks at a time, and holds no backlog of its
// own (runfile.Props.Backlog: pond queues every task it cannot run
// yet), reaches its peak goroutines and memory once every worker is busy,
// so its probe runs four tasks per worker, not the whole batch: a whole
// one runs the longest batches twice a sample, doubling what those samples
// cost (docs/measurements.md#whole-batch-probe-cost). Strategies that run
// every task at once, or queue the backlog, probe the whole batch.
func (c Case) probeTasks() int {
	p, err := strategies.PropsOf(c.Strategy)
	if err != nil || p.Concurrency == runfile.PerTask || p.Backlog {
		return c.Tasks
	}
	workers := 1
	if p.Concurrency == runfile.PerWorker {
		workers = c.Workers
		if workers == 0 {
			workers = max(c.Procs, 1)
		}
	}
	return min(c.Tasks, probeWaves*workers)
}

// probeWaves is how many tasks per worker a bounded strategy's probe runs.
const probeWaves = 4
