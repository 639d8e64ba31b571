package bench

import (
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
)

// floodPick keeps spawn, the unbounded baseline, then pool and the library
// pools, which bound the tasks alive at once to their worker count: the
// in-process strategies that can run more than one task at a time and
// are not a model.
func floodPick(c Candidate) bool { return !c.Processes && !c.OneCore }

// floodRefWorkers is the pool that computes a Flood batch's reference
// checksum: one at a time, 20,000 tasks of 1 ms would take 20 s, and the
// published 1,000,000 of 10 ms almost three hours; 10,000 workers take
// 100 waves of 10 ms, 1 s plus the tasks' CPU.
const floodRefWorkers = 10_000

// floodCases is the Flood family, the million-task scenario scaled to the
// budget of make bench: many more waiting tasks than most pools have
// workers, under spawn (a goroutine each) and under pool and each library
// adapter at every worker count of the scale.
//
// The published comparisons run 1,000,000 tasks of 10 ms: 10 s a batch at
// 1,000 workers. At the full scale Flood runs 20,000 tasks of 1 ms, so that
// the ideal batch at 1,000 workers is 20 ms, and bench-quick 5,000. The
// batches are not only waits but work: each task costs microseconds of
// CPU (docs/measurements.md#flood-cpu-range-per-task), so a batch's CPU
// can set its time whatever d is. At 100,000 workers, more than the
// tasks, a pool starts a worker per task: the row shows what a bound that
// never binds costs.
//
// The claim that the ratios between strategies, not the times, carry over
// to bigger floods is what make bench-flood checks: at the scale "flood"
// (Scale.PublishedTasks) this family runs the published flood too, at the
// same worker counts and in the same rounds, and the report compares each
// strategy's time ratio to spawn at both sizes (what it found:
// docs/measurements.md#published-flood-ratios).
//
// At the published size, as at every size, a bounded strategy whose
// submission blocks while its W goroutines are busy (pool, errgroup,
// semaphore, ants, conc) probes four waves of W tasks, not the whole
// batch (Case.probeTasks): by then all W goroutines have started and grown
// their stacks, which is its peak, where a whole probe at 1,000 workers
// would add 10 s to every sample. spawn's and pond's probes run the whole
// batch: spawn's goroutines and pond's queue of waiting tasks grow with
// the batch, so their peaks need all of it.
func floodCases(s Scale, h Host, sts []string) []Case {
	cs := flood(time.Millisecond, PerScale(s, 20_000, 5000, 200), s.FloodWorkers, h.NumCPU, sts)
	if s.PublishedTasks > 0 {
		cs = append(cs, flood(s.PublishedSleep, s.PublishedTasks, s.FloodWorkers, h.NumCPU, sts)...)
	}
	return cs
}

// flood returns the flood of tasks tasks of d: a strategy with workers
// at each worker count, the others once.
func flood(d time.Duration, tasks int, workers []int, numCPU int, sts []string) []Case {
	b := batch(tasks, "sleep", "d", dur(d))
	ref := min(floodRefWorkers, tasks)
	var cs []Case
	for _, st := range sts {
		c := b.Case(st, numCPU)
		c.RefWorkers = ref
		p, err := strategies.PropsOf(st)
		if err != nil || p.Concurrency != runfile.PerWorker {
			cs = append(cs, c)
			continue
		}
		for _, w := range workers {
			c.Workers = w
			cs = append(cs, c)
		}
	}
	return cs
}
