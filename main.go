package concbench

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/concbench/concbench/strategies"
)

// Main is the TestMain of a package whose benchmarks call Run: it never
// returns. When the process and exec strategies started this test binary
// as a worker process, Main serves the worker protocol, rebuilding
// workloads with build, and exits; otherwise it lowers GOMAXPROCS to 1
// (so that the testing package adds no -N suffix to benchmark names: each
// of Run's benchmarks sets and names its own in /procs=N) and runs the
// tests and benchmarks.
//
// Call it first thing in TestMain, before anything that reads flags or
// starts goroutines:
//
//	func TestMain(m *testing.M) { concbench.Main(m, build) }
func Main(m *testing.M, build Build) {
	os.Exit(serveOrRun(m, build))
}

func serveOrRun(m *testing.M, build Build) int {
	if strategies.IsWorker() {
		if err := strategies.ServeWorker(os.Stdin, os.Stdout, build); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	runtime.GOMAXPROCS(1)
	return m.Run()
}
