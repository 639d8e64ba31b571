package answer

import (
	"testing"

	"github.com/concbench/concbench/plots/internal/testrun"
	"github.com/concbench/concbench/plots/rundir"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// readRaw reads a run whose raw.txt is raw.
func readRaw(t *testing.T, raw string) *rundir.Run {
	return testrun.Read(t, testrun.Write(t, raw), rundir.ReadRun)
}

// readFixture reads and derives the fixture.
func readFixture(t *testing.T) (*rundir.Run, []*rundir.Row) {
	run := testrun.Read(t, testrun.Fixture(), rundir.ReadRun)
	return run, run.Derive()
}

// rowNamed returns the row of the benchmark called name.
func rowNamed(t *testing.T, rows []*rundir.Row, name string) *rundir.Row {
	return testrun.Find(t, rows, func(r *rundir.Row) bool { return r.Bench.Name == name }, "row "+name)
}
