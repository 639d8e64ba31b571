package bench

import (
	"fmt"

	"github.com/concbench/concbench/workloads"
)

// pycpuStrategies are the strategies of the Pycpu family: the Go
// counterparts of the seeds' plain loop, thread per task, thread pool,
// GIL, multiprocessing.Pool and process per task.
func pycpuStrategies() []string {
	return []string{"sequential", "spawn", "pool", "gil", "process", "exec"}
}

// PycpuCases is BenchmarkPycpu: the tutorials' number ** 2 loop
// (workloads pycpu) under the six core strategies, the Go side of the
// pure-Python CPU comparison of make reference.
func PycpuCases(s Scale, numCPU int) []Case {
	params := []workloads.Param{param("n", itoa(s.PycpuN)), param("tasks", itoa(s.PycpuTasks))}
	spec := fmt.Sprintf("pycpu/n=%d", s.PycpuN)
	var cs []Case
	for _, st := range pycpuStrategies() {
		cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.PycpuTasks, Strategy: st, Procs: numCPU})
	}
	return cs
}
