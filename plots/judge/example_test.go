package judge_test

import (
	"fmt"

	"github.com/concbench/concbench/plots/judge"
)

// The lessons of the table, numbered as every report numbers them.
func ExampleLessonTable() {
	for i, l := range judge.LessonTable() {
		fmt.Printf("%d. %s\n", i+1, l.Claim)
	}
	// Output:
	// 1. I/O-bound work speeds up with concurrency: on sleep, spawn and pool with workers ≥ tasks reach efficiency ≥ 0.8 against the ideal ⌈tasks/concurrency⌉·d.
	// 2. The GIL analogue does not stop I/O concurrency: gil on sleep is within 10 % of spawn.
	// 3. The GIL analogue stops CPU parallelism: gil on coarse hash is within 10 % of sequential.
	// 4. Real parallelism speeds CPU work up to the core count: pool, spawn and process reach ≥ 0.85 × min(cores, tasks) speedup on coarse hash (cores = min(procs, numcpu)).
	// 5. Pool size: for CPU work (coarse hash), workers = cores is as fast as more workers (within 10 %); for I/O work (sleep), more workers help (largest pool ≥ 10 % faster than smallest).
	// 6. Processes cost more to start: on fine hash, exec's time per task is ≥ 10× spawn's, and process amortizes it (exec ≥ 10× process).
	// 7. Shared state needs synchronization: sync=none loses updates when procs > 1 (spawn or pool); every other sync variant is exact (lost-updates/op = 0).
	// 8. Fine-grained tasks: per-task overhead can exceed the work: some strategies lose to sequential on fine hash (named here).
	// 9. Real network I/O overlaps like sleep: on fetch (loopback HTTP GETs the server answers after d), spawn reaches efficiency ≥ 0.8 against the ideal ⌈tasks/concurrency⌉·d.
	// 10. Reusing connections matters: on fetch with d=0s, a new connection per task (client=per-task) takes ≥ 1.1× the time of one shared client, significantly, under sequential and under pool.
	// 11. fsync is a wait that concurrency overlaps: on file with sync=fsync, pool is ≥ 1.1× faster than sequential, significantly.
	// 12. A pool bounds memory: on the flood, every bounded strategy's (pool and the library adapters, at every worker count) peak goroutine stacks are below spawn's, significantly.
	// 13. ants' README: "a pool may achieve higher performance than unlimited goroutines": on the flood, some bounded strategy (pool or a library adapter, at some worker count) is significantly faster than spawn; FAIL if spawn is significantly faster than every one.
	// 14. Processes contain a crash; in-process strategies lose the program: when task k dies in a way no recover catches (crash: a panic in a goroutine of its own), every process-based strategy (process, exec) survives with an error for the batch and runs the next batch, and every in-process strategy loses the program with every result of the batch.
}
