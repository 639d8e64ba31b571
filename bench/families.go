package bench

import "github.com/concbench/concbench/strategies"

// Families returns the table of the matrix's families, in the order the
// benchmarks run. Adding a family is adding an entry here (its cases
// built from Batches sized at each scale by PerScale, its strategies
// picked by properties) and a one-line Benchmark function in
// bench_test.go. Each call returns a new table.
func Families() []Family {
	return []Family{
		{Name: "Sleep", Doc: "I/O-bound tasks under the six core strategies",
			Pick: core, Cases: sleepCases},
		{Name: "SleepWorkers", Doc: "the sleep workload on pool and process by worker count",
			Pick: sweepable, Cases: sleepWorkersCases},
		{Name: "Hash", Doc: "coarse and fine CPU-bound tasks under every strategy",
			Pick: anyStrategy, Cases: hashCases},
		{Name: "HashWorkers", Doc: "the coarse hash on pool and process by worker count",
			Pick: sweepable, Cases: hashWorkersCases},
		{Name: "HashProcs", Doc: "the coarse hash on spawn and pool by GOMAXPROCS",
			Pick: procsSweepable, Cases: hashProcsCases},
		{Name: "Counter", Doc: "a shared counter by sync variant and strategy",
			Pick: func(c Candidate) bool { return c.Core && !c.ProcessPerTask }, Cases: counterCases},
		{Name: "Pycpu", Doc: "the tutorials' number ** 2 loop under the six core strategies",
			Pick: core, Cases: pycpuCases},
		{Name: "Alloc", Doc: "a fresh buffer allocated and touched per task, under every strategy",
			Pick: anyStrategy, Cases: allocCases},
		{Name: "HashCeiling", Doc: "the machine's ceiling for the coarse hash: one process per CPU, no protocol",
			Cases: hashCeilingCases, Run: runCeilingFamily},
		{Name: "Flood", Doc: "many more waiting tasks than workers, spawn against the bounded pools by worker count",
			Pick: floodPick, Cases: floodCases},
		{Name: "Overhead", Doc: "no-op tasks, each strategy's own cost per task",
			Pick: overheadPick, Cases: overheadCases},
		{Name: "Crash", Doc: "a batch whose task k kills its process, each batch in a child process",
			Pick: anyStrategy, Cases: crashCases, Run: runCrashFamily},
		{Name: "Fetch", Doc: "loopback HTTP requests that wait on the server, under the six core strategies",
			Pick: core, Cases: fetchCases, Server: true},
		{Name: "FetchClient", Doc: "immediate loopback requests by client (shared, per-worker, per-task)",
			Pick: fetchClientPick, Cases: fetchClientCases, Server: true},
		{Name: "File", Doc: "a file written, read back and removed per task, without and with fsync",
			Pick: filePick, Cases: fileCases},
	}
}

// procsSweepable keeps the core in-process strategies that can use more
// than one core (spawn, pool) and the one-at-a-time baseline (sequential,
// run at procs=1 only).
func procsSweepable(c Candidate) bool {
	return c.Core && !c.Processes && !c.Model && (c.Concurrency == strategies.One || !c.OneCore)
}
