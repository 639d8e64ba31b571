package bench

import (
	"fmt"
	"time"

	"github.com/concbench/concbench/runfile"
	"github.com/concbench/concbench/workloads"
)

// fetchClientStrategies are the strategies of FetchClient: the plain loop
// and the pool, whose W workers each run many requests, so that a client
// kept per worker or shared can reuse its connections.
func fetchClientStrategies() []string { return []string{"sequential", "pool"} }

// fileStrategies are the strategies of File: the loop, the in-process
// ones and persistent processes. gil and exec add no question here (a
// blocked write does not hold the GIL model's only P; exec measures
// process starts, as on the fine hash).
func fileStrategies() []string { return []string{"sequential", "spawn", "pool", "process"} }

func fetchCase(d time.Duration, size int64, client string, tasks, port int, strategy string, procs int) Case {
	sz := runfile.FormatSize(size)
	return Case{
		Params:   []workloads.Param{param("d", d.String()), param("size", sz), param("client", client), param("tasks", itoa(tasks))},
		Workload: fmt.Sprintf("fetch/d=%s/size=%s/client=%s/port=%d", d, sz, client, port),
		Tasks:    tasks, Strategy: strategy, Procs: procs,
	}
}

// FetchCases is BenchmarkFetch: loopback HTTP requests that wait
// Scale.FetchDelay on the server, with one shared client, under all six
// strategies; the server listens on port. It asks whether real network
// I/O overlaps like sleep.
func FetchCases(s Scale, numCPU, port int) []Case {
	var cs []Case
	for _, st := range coreStrategies() {
		cs = append(cs, fetchCase(s.FetchDelay, s.FetchSize, "shared", s.FetchTasks, port, st, numCPU))
	}
	return cs
}

// FetchClientCases is BenchmarkFetchClient: requests the server answers at
// once (d=0s), so that the cost of a request is all that is measured, by
// client (shared, per-worker, per-task) under sequential and pool. It asks
// whether reusing connections matters. per-worker runs under pool only:
// sequential's one worker makes it the same as shared, less one client
// per batch.
func FetchClientCases(s Scale, numCPU, port int) []Case {
	var cs []Case
	for _, client := range []string{"shared", "per-worker", "per-task"} {
		for _, st := range fetchClientStrategies() {
			if client == "per-worker" && st == "sequential" {
				continue
			}
			cs = append(cs, fetchCase(0, s.FetchSize, client, s.FetchTasks, port, st, numCPU))
		}
	}
	return cs
}

// FileCases is BenchmarkFile: write, read back and remove a file per
// task, without and with fsync, under sequential, spawn, pool and process.
func FileCases(s Scale, numCPU int) []Case {
	sz := runfile.FormatSize(s.FileSize)
	var cs []Case
	for _, sync := range []string{"none", "fsync"} {
		params := []workloads.Param{param("size", sz), param("sync", sync), param("tasks", itoa(s.FileTasks))}
		spec := fmt.Sprintf("file/size=%s/sync=%s", sz, sync)
		for _, st := range fileStrategies() {
			cs = append(cs, Case{Params: params, Workload: spec, Tasks: s.FileTasks, Strategy: st, Procs: numCPU})
		}
	}
	return cs
}
