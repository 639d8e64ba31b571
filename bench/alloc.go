package bench

import (
	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/strategies"
	"github.com/concbench/concbench/workloads"
)

// AllocCases is BenchmarkAlloc: the alloc workload (each task allocates
// and touches a fresh buffer) under every registered strategy, at the
// default worker count. In-process strategies share one heap and one
// garbage collector; process and exec give each worker its own.
func AllocCases(s Scale, numCPU int) []Case {
	size := runfile.FormatSize(s.AllocSize)
	params := []workloads.Param{param("size", size), param("tasks", itoa(s.AllocTasks))}
	spec := "alloc/size=" + size
	var cs []Case
	for _, st := range strategies.Names() {
		cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.AllocTasks, Strategy: st, Procs: numCPU})
	}
	return cs
}
