package bench

import "github.com/concbench/concbench/workloads"

// overheadTasks is the batch size of the Overhead family at every scale: a
// no-op task takes nanoseconds, so even 4096 of them take well under a
// millisecond.
const overheadTasks = 4096

// overheadStrategies are the strategies of the Overhead family: the
// baseline, the goroutine per task, the hand-written pool and every library
// adapter. process and exec are left out: their cost per task is a pipe
// round trip or a process start, measured in Hash (fine) and by the
// strategies package's own BenchmarkOverhead.
func overheadStrategies() []string {
	return append([]string{"sequential", "spawn", "pool"}, libraryStrategies()...)
}

// OverheadCases is BenchmarkOverhead: batches of no-op tasks (workload
// noop), so that ns/task is each strategy's own cost per task at the
// default concurrency, GOMAXPROCS: a goroutine start (spawn, errgroup,
// semaphore) or a handoff to a worker (pool, ants, pond, conc), against
// sequential's plain call.
func OverheadCases(s Scale, numCPU int) []Case {
	params := []workloads.Param{param("tasks", itoa(overheadTasks))}
	var cs []Case
	for _, st := range overheadStrategies() {
		cs = append(cs, Case{Params: params, Workload: "noop", Tasks: overheadTasks, Strategy: st, Procs: numCPU})
	}
	return cs
}
