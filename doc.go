// Package concbench benchmarks your own task under every concurrency
// strategy of the suite: a plain loop, a goroutine per task, a worker pool,
// a GOMAXPROCS=1 model of Python's GIL, persistent worker processes and a
// process per task. It writes the suite's benchmark names and metrics, so
// benchstat and the suite's report (make report RUN=<folder>) read the
// results unchanged.
//
// You describe a batch of tasks as a [Func]: task i returns a value (a
// checksum of what it computed) and an error, with optional per-worker
// state made by Setup, the way Python's threading.local holds a
// requests.Session per thread. A build function turns a [Spec], the
// workload's name and parameters such as decode/records=100, into the
// Func. That function is the whole contract: the benchmark builds the
// workload with it, and so does every worker process, which receives only
// the Spec. It must be deterministic (task i returns the same value in
// every process) and pass no state through package variables.
//
// One test file holds everything:
//
//	func build(spec concbench.Spec) (concbench.Workload, error) { … }
//
//	func TestMain(m *testing.M) { concbench.Main(m, build) }
//
//	func BenchmarkDecode(b *testing.B) { concbench.Run(b, build, "decode/records=100", 64) }
//
// go test -bench . -count 6 > raw.txt then gives rows such as
//
//	BenchmarkDecode/records=100/tasks=64/strategy=pool/procs=2
//
// for every strategy, each checked against sequential's checksum.
//
// A workload that holds something across batches (a shared HTTP client, a
// scratch folder) implements io.Closer as well: Run closes it after its
// benchmarks, a worker process when it stops serving. The suite's own
// fetch and file workloads (package workloads) are written this way.
//
// Until the module is published, require it from a local clone with a
// replace directive (go mod edit -replace
// github.com/concbench/concbench=../concbench) or a go.work file that uses
// both folders; examples/decode is a complete module doing so.
package concbench
