package driver

import (
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/concbench/concbench/plots/rundir"
)

// Hooks are what the driver leaves to the command that runs it, so that
// the measuring loop links no renderer: which rows a conclusion still
// waits for, and the report of a finished run.
type Hooks struct {
	// Open names the benchmarks (without "Benchmark") behind a conclusion
	// of the run that is still open: with -sampling decided the rounds
	// after -count run only these; with precise, the noise re-runs take
	// them first. Nil: none is open.
	Open func(*rundir.Run) map[string]bool
	// Report writes the report of the complete run folder dir and prints
	// its answer to stdout. Nil, or -report=false: no report.
	Report func(dir string, stdout, stderr io.Writer) error
}

// Main runs the driver with the command line args, forwarding SIGINT and
// SIGTERM to the benchmark binary. It returns flag.ErrHelp after -h.
func Main(args []string, stdout, stderr io.Writer, hooks Hooks) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	return drive(args, stdout, stderr, sigs, hooks)
}
