package bench

import (
	"github.com/concbench/concbench/runfile"
)

// Families returns the table of the matrix's families, in the order the
// benchmarks run. Adding a family is adding an entry here (its cases
// built from Batches sized at each scale by PerScale, its strategies
// picked by properties) and a one-line Benchmark function in
// bench_test.go. Each call returns a new table.
func Families() []Family {
	return []Family{
		{Name: runfile.FamilySleep, Doc: "I/O-bound tasks under the six core strategies",
			Pick: core, Cases: sleepCases},
		{Name: runfile.FamilySleepWorkers, Doc: "the sleep workload on pool and process by worker count",
			Pick: sweepable, Cases: sleepWorkersCases},
		{Name: runfile.FamilyHash, Doc: "coarse and fine CPU-bound tasks under every strategy",
			Pick: anyStrategy, Cases: hashCases},
		{Name: runfile.FamilyHashWorkers, Doc: "the coarse hash on pool and process by worker count",
			Pick: sweepable, Cases: hashWorkersCases},
		{Name: runfile.FamilyHashProcs, Doc: "the coarse hash on spawn and pool by GOMAXPROCS",
			Pick: procsSweepable, Cases: hashProcsCases},
		{Name: runfile.FamilyCounter, Doc: "a shared counter by sync variant and strategy",
			Pick: func(c Candidate) bool { return c.Core && !c.ProcessPerTask }, Cases: counterCases},
		{Name: runfile.FamilyPycpu, Doc: "the tutorials' number ** 2 loop under the six core strategies",
			Pick: core, Cases: pycpuCases},
		{Name: runfile.FamilyAlloc, Doc: "a fresh buffer allocated and touched per task, under every strategy",
			Pick: anyStrategy, Cases: allocCases},
		{Name: runfile.FamilyHashCeiling, Doc: "the machine's ceiling for the coarse hash: one process per CPU, no protocol",
			Cases: hashCeilingCases, Run: runCeilingFamily},
		{Name: runfile.FamilyFlood, Doc: "many more waiting tasks than workers, spawn against the bounded pools by worker count",
			Pick: floodPick, Cases: floodCases},
		{Name: runfile.FamilyOverhead, Doc: "no-op tasks, each strategy's own cost per task",
			Pick: overheadPick, Cases: overheadCases},
		{Name: runfile.FamilyCrash, Doc: "a batch whose task k kills its process, each batch in a child process",
			Pick: anyStrategy, Cases: crashCases, Run: runCrashFamily},
		{Name: runfile.FamilyFetch, Doc: "loopback HTTP requests that wait on the server, under the six core strategies",
			Pick: core, Cases: fetchCases, Server: true},
		{Name: runfile.FamilyFetchClient, Doc: "immediate loopback requests by client (shared, per-worker, per-task)",
			Pick: fetchClientPick, Cases: fetchClientCases, Server: true},
		{Name: runfile.FamilyFile, Doc: "a file written, read back and removed per task, without and with fsync",
			Pick: filePick, Cases: fileCases},
		{Name: runfile.FamilyTwin, Doc: "the A/A control: spawn twice under two names on sleep, coarse and fine hash",
			Pick: twinPick, Cases: twinCases},
	}
}

// procsSweepable keeps the core in-process strategies that can use more
// than one core (spawn, pool) and the one-at-a-time baseline (sequential,
// run at procs=1 only).
func procsSweepable(c Candidate) bool {
	return c.Core && !c.Processes && !c.Model && (c.Concurrency == runfile.One || !c.OneCore)
}
