package bench

import (
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// The cases of the sleep and hash families (see Families).

// sleepBatch is the Sleep workload of the scale.
func (s Scale) sleepBatch() Batch { return batch(s.SleepTasks, "sleep", "d", dur(s.Sleep)) }

func hashBatch(sz int64, rounds, tasks int) Batch {
	return batch(tasks, "hash", "size", size(sz), "rounds", itoa(rounds))
}

func (s Scale) coarseBatch() Batch { return hashBatch(s.CoarseSize, s.CoarseRounds, s.CoarseTasks) }

func (s Scale) fineBatch() Batch { return hashBatch(s.FineSize, s.FineRounds, s.FineTasks) }

// sleepCases: the sleep workload at the default worker count, procs =
// NumCPU; a pool of one worker per task computes the reference checksum.
func sleepCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		c := s.sleepBatch().Case(st, h.NumCPU)
		c.RefWorkers = s.SleepTasks
		cs = append(cs, c)
	}
	return cs
}

// sleepWorkersCases: the sleep workload with 2, 8 and 64 workers.
func sleepWorkersCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		for _, w := range []int{2, 8, 64} {
			c := s.sleepBatch().Case(st, h.NumCPU)
			c.Workers, c.RefWorkers = w, s.SleepTasks
			cs = append(cs, c)
		}
	}
	return cs
}

// hashCases: the coarse then the fine hash. On the fine hash a strategy
// that starts a process per task runs a batch of ExecFineTasks, not
// FineTasks (see Scale.ExecFineTasks).
func hashCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		cs = append(cs, s.coarseBatch().Case(st, h.NumCPU))
	}
	for _, st := range sts {
		b := s.fineBatch()
		if perTask(st) {
			b = b.WithTasks(s.ExecFineTasks)
		}
		cs = append(cs, b.Case(st, h.NumCPU))
	}
	return cs
}

// perTask reports whether the strategy called st starts a process per task.
func perTask(st string) bool {
	p, err := strategies.PropsOf(st)
	return err == nil && p.ProcessPerTask
}

// hashWorkersCases: the coarse hash with 1, 2, 4, 8 and 64 workers.
func hashWorkersCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		for _, w := range []int{1, 2, 4, 8, 64} {
			c := s.coarseBatch().Case(st, h.NumCPU)
			c.Workers = w
			cs = append(cs, c)
		}
	}
	return cs
}

// hashProcsCases: the coarse hash, a one-at-a-time strategy at procs=1
// only, the others at procs = 1 … NumCPU and 2 × NumCPU.
func hashProcsCases(s Scale, h Host, sts []string) []Case {
	var cs, rest []Case
	for _, st := range sts {
		if p, err := strategies.PropsOf(st); err == nil && p.Concurrency == strategies.One {
			cs = append(cs, s.coarseBatch().Case(st, 1))
			continue
		}
		for p := 1; p <= h.NumCPU; p++ {
			rest = append(rest, s.coarseBatch().Case(st, p))
		}
		rest = append(rest, s.coarseBatch().Case(st, 2*h.NumCPU))
	}
	return append(cs, rest...)
}

// counterCases: every sync variant compiled into this binary
// (workloads.SyncNames: none is left out of -race builds). A process
// counts only its own chunks in its own memory, so the process rows
// measure separate counters, not a shared one.
func counterCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, v := range workloads.SyncNames() {
		b := batch(s.CounterTasks, "counter", "incs", itoa(s.Incs), "sync", v)
		b.TasksBefore = "sync"
		for _, st := range sts {
			cs = append(cs, b.Case(st, h.NumCPU))
		}
	}
	return cs
}
