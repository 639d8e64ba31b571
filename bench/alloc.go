package bench

import "github.com/concbench/concbench/workloads"

// allocStrategies are the strategies of the Alloc family: the six core
// ones. The library adapters schedule goroutines on one heap as pool does,
// and their five rows would double the family's time in make bench.
func allocStrategies() []string {
	return []string{"sequential", "spawn", "pool", "gil", "process", "exec"}
}

// AllocCases is BenchmarkAlloc: the alloc workload (each task allocates
// and touches a fresh buffer) under the six core strategies, at the
// default worker count. In-process strategies share one heap and one
// garbage collector; process and exec give each worker its own.
func AllocCases(s Scale, numCPU int) []Case {
	size := workloads.FormatSize(s.AllocSize)
	params := []workloads.Param{param("size", size), param("tasks", itoa(s.AllocTasks))}
	spec := "alloc/size=" + size
	var cs []Case
	for _, st := range allocStrategies() {
		cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.AllocTasks, Strategy: st, Procs: numCPU})
	}
	return cs
}
