package bench

import (
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// The cases of the sleep and hash families (see Families).

// sleepBatch is the workload of Sleep and SleepWorkers: 64 tasks of 10 ms
// at full, 16 of 5 ms at quick, 4 of 1 ms at tiny.
func sleepBatch(s Scale) Batch {
	d := PerScale(s, 10*time.Millisecond, 5*time.Millisecond, time.Millisecond)
	return batch(PerScale(s, 64, 16, 4), "sleep", "d", dur(d))
}

func hashBatch(sz int64, rounds, tasks int) Batch {
	return batch(tasks, "hash", "size", size(sz), "rounds", itoa(rounds))
}

// coarseBatch is the coarse hash of Hash, HashWorkers, HashProcs and
// HashCeiling: at least 32 KiB hashed per task, which the report calls
// coarse.
func coarseBatch(s Scale) Batch {
	return hashBatch(PerScale[int64](s, 64<<10, 64<<10, 32<<10), PerScale(s, 8, 4, 1), PerScale(s, 64, 16, 4))
}

// fineBatch is the fine hash of Hash: 64 bytes a task, many tasks.
func fineBatch(s Scale) Batch { return hashBatch(64, 1, PerScale(s, 4096, 512, 16)) }

// perTaskFineTasks is the fine hash's batch under a strategy that starts a
// process per task (Props.ProcessPerTask), whose batch of fineBatch's
// tasks, a process start each, would take seconds
// (docs/measurements.md#exec-on-the-fine-hash); it is named by its own
// tasks=, and the report compares it per task (ns/task).
func perTaskFineTasks(s Scale) int { return PerScale(s, 64, 32, 8) }

// sleepCases: the sleep workload at the default worker count, procs =
// NumCPU; a pool of one worker per task computes the reference checksum.
func sleepCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		c := sleepBatch(s).Case(st, h.NumCPU)
		c.RefWorkers = c.Tasks
		cs = append(cs, c)
	}
	return cs
}

// sleepWorkersCases: the sleep workload with 2, 8 and 64 workers.
func sleepWorkersCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		for _, w := range []int{2, 8, 64} {
			c := sleepBatch(s).Case(st, h.NumCPU)
			c.Workers, c.RefWorkers = w, c.Tasks
			cs = append(cs, c)
		}
	}
	return cs
}

// hashCases: the coarse then the fine hash. On the fine hash a strategy
// that starts a process per task runs a batch of perTaskFineTasks.
func hashCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		cs = append(cs, coarseBatch(s).Case(st, h.NumCPU))
	}
	for _, st := range sts {
		b := fineBatch(s)
		if perTask(st) {
			b = b.WithTasks(perTaskFineTasks(s))
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
			c := coarseBatch(s).Case(st, h.NumCPU)
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
		if p, err := strategies.PropsOf(st); err == nil && p.Concurrency == runfile.One {
			cs = append(cs, coarseBatch(s).Case(st, 1))
			continue
		}
		for p := 1; p <= h.NumCPU; p++ {
			rest = append(rest, coarseBatch(s).Case(st, p))
		}
		rest = append(rest, coarseBatch(s).Case(st, 2*h.NumCPU))
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
		b := batch(PerScale(s, 64, 32, 4), "counter", "incs", itoa(PerScale(s, 1000, 1000, 10)), "sync", v)
		b.TasksBefore = "sync"
		for _, st := range sts {
			cs = append(cs, b.Case(st, h.NumCPU))
		}
	}
	return cs
}
