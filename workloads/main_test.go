package workloads_test

import (
	"fmt"
	"os"
	"testing"

	"go.uber.org/goleak"

	"github.com/concbench/concbench/strategies"
)

// TestMain serves as a worker process when the process or exec strategy
// started this test binary (the fetch and file tests run under every
// strategy); otherwise it runs the tests and checks that no goroutine
// leaked (beyond those running before the tests, such as ants' default
// pool, started by importing strategies).
func TestMain(m *testing.M) {
	if strategies.IsWorker() {
		if err := strategies.ServeWorker(os.Stdin, os.Stdout, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}
