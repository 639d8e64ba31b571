package bench

import (
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/concbench/concbench/strategies"
	"go.uber.org/goleak"
)

// TestMain serves as a worker process when the process or exec strategy
// started this binary as one; otherwise it runs the tests and benchmarks
// and checks that no goroutine leaked.
//
// GOMAXPROCS is lowered to 1 before the benchmarks start so that the
// testing package, which appends "-N" to benchmark names when GOMAXPROCS is
// N > 1, adds no suffix: every benchmark sets its own GOMAXPROCS and names
// it in /procs=N.
func TestMain(m *testing.M) {
	if strategies.IsWorker() {
		if err := strategies.ServeWorker(os.Stdin, os.Stdout, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if IsCeilingWorker() {
		if err := ServeCeiling(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if IsCrashChild() {
		if err := ServeCrash(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	runtime.GOMAXPROCS(1)
	// Importing ants (through strategies) starts its default pool, whose
	// two housekeeping goroutines live as long as the process.
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}
