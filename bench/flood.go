package bench

import (
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// floodStrategies are the strategies of the Flood family: spawn, the
// unbounded baseline, then pool and the library adapters, which bound the
// tasks alive at once to their worker count.
func floodStrategies() []string {
	return append([]string{"spawn", "pool"}, libraryStrategies()...)
}

// floodRefWorkers is the pool that computes a Flood batch's reference
// checksum: one at a time, 200,000 tasks of 1 ms would take 200 s.
const floodRefWorkers = 10_000

// FloodCases is BenchmarkFlood, the million-task scenario scaled to the
// budget of make bench: many more waiting tasks than most pools have
// workers, under spawn (a goroutine each) and under pool and each library
// adapter at every worker count of the scale.
//
// The published comparisons run 1,000,000 tasks of 10 ms: 10 s a batch at
// 1,000 workers. At the full scale Flood runs 20,000 tasks of 1 ms, so that
// the ideal batch at 1,000 workers is 20 ms, and bench-quick 5,000. The
// batches are not waits but work: each task costs 2 to 8 µs of CPU (see
// the package documentation), so 20,000 tasks keep a core busy for 40 to
// 160 ms whatever d is. Measured with the test binary at -benchtime 200ms
// on the shared 2-core machine (load average 6), the 19 rows took 11.7 s
// per count (10.9 s of CPU): about two minutes at COUNT=10 there, about
// half on an idle machine. At 100,000 workers, more than the tasks, a pool
// starts a worker per task: the row shows what a bound that never binds
// costs. The ratios between strategies, not the times, carry over to
// bigger floods.
func FloodCases(s Scale, numCPU int) []Case {
	d := s.FloodSleep.String()
	params := []workloads.Param{param("d", d), param("tasks", itoa(s.FloodTasks))}
	spec := "sleep/d=" + d
	ref := min(floodRefWorkers, s.FloodTasks)
	var cs []Case
	for _, st := range floodStrategies() {
		p, err := strategies.PropsOf(st)
		if err != nil || p.Concurrency != strategies.PerWorker {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.FloodTasks, Strategy: st, Procs: numCPU, RefWorkers: ref})
			continue
		}
		for _, w := range s.FloodWorkers {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.FloodTasks, Strategy: st, Workers: w, Procs: numCPU, RefWorkers: ref})
		}
	}
	return cs
}

// reference returns the strategy that computes the checksum every batch
// of the case must reproduce: Sequential, or a pool of RefWorkers.
func (c Case) reference() strategies.Strategy {
	if c.RefWorkers > 0 {
		return strategies.Pool{Workers: c.RefWorkers}
	}
	return strategies.Sequential{}
}
