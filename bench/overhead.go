package bench

// overheadTasks is the batch size of the Overhead family at every scale: a
// no-op task takes nanoseconds, so even 4096 of them take well under a
// millisecond.
const overheadTasks = 4096

// overheadPick keeps the in-process strategies that are not a model: the
// baseline, the goroutine per task, the hand-written pool and every library
// pool. process and exec are left out: their cost per task is a pipe
// round trip or a process start, measured in Hash (fine) and by the
// strategies package's own BenchmarkOverhead.
func overheadPick(c Candidate) bool { return !c.Processes && !c.Model }

// overheadCases: batches of no-op tasks (workload noop), so that ns/task
// is each strategy's own cost per task at the default concurrency,
// GOMAXPROCS: a goroutine start (spawn, errgroup, semaphore) or a handoff
// to a worker (pool, ants, pond, conc), against sequential's plain call.
func overheadCases(s Scale, h Host, sts []string) []Case {
	var cs []Case
	for _, st := range sts {
		cs = append(cs, batch(overheadTasks, "noop").Case(st, h.NumCPU))
	}
	return cs
}
